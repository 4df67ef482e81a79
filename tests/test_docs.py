"""The README and the manual say what is true: generated references are current, examples
are real rows, links lead somewhere, and the manual builds with --strict."""
import csv
import html
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graphmodel.reference import SECTIONS, pages, update_page

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = ROOT / "docs"


def page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def build_manual(site: Path, project: Path = ROOT) -> subprocess.CompletedProcess:
    """`mkdocs build --strict`, as `make docs` runs it, into ``site``."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, capture_output=True, text=True, timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.mark.parametrize("path", pages(ROOT), ids=lambda p: p.name)
def test_the_generated_reference_sections_are_up_to_date(path):
    text = path.read_text(encoding="utf-8")
    assert update_page(text) == text, "run: python -m graphmodel.reference"


def test_each_generated_section_is_in_exactly_one_page_of_the_manual():
    where = {marker: [p.name for p in pages(ROOT)
                      if f"<!-- {marker} -->" in p.read_text(encoding="utf-8")]
             for marker in SECTIONS}
    assert where == {"exit-codes": ["using.md"], "review-commands": ["reviewing.md"],
                     "columns": ["data-format.md"], "rules": ["reviewing.md"],
                     "commands": ["commands.md"]}


def test_a_stale_section_is_rewritten_and_the_text_around_it_kept():
    stale = "before\n<!-- exit-codes -->\n| 0 | nothing |\n<!-- /exit-codes -->\nafter\n"
    updated = update_page(stale)
    assert updated.startswith("before\n<!-- exit-codes -->\n| code | meaning |\n")
    assert "| 3 | invalid data:" in updated and "| 0 | nothing |" not in updated
    assert updated.endswith("<!-- /exit-codes -->\nafter\n")


def test_the_readme_gives_exactly_the_two_set_up_commands():
    setup = README.split("## Set-up: two commands")[1].split("##")[0]
    commands = re.findall(r"^make \w+", setup, re.M)
    assert commands == ["make demo", "make test"]


def test_the_readme_is_short_and_links_to_every_page_of_the_manual():
    assert len(README.splitlines()) <= 250
    linked = set(re.findall(r"\]\(docs/([\w-]+\.md)\)", README))
    assert linked == {p.name for p in DOCS.glob("*.md")}


def test_every_relative_link_and_image_in_the_readme_leads_to_a_file():
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", README)
    relative = [t for t in targets if not re.match(r"[a-z]+:", t)]
    assert len(relative) >= 14                     # three screenshots, eleven pages, ...
    missing = [t for t in relative if not (ROOT / t).exists()]
    assert missing == []


def test_the_csv_examples_in_the_manual_are_rows_of_the_seed_data():
    blocks = re.findall(r"```csv\n(.*?)```", page("data-format.md"), re.S)
    assert len(blocks) == 2
    for block in blocks:
        header, row = list(csv.reader(io.StringIO(block)))
        table = {"declared_size": "bodies", "role": "memberships"}[
            next(c for c in header if c in ("declared_size", "role"))]
        with open(ROOT / "seed_data" / "leeds" / f"{table}.csv", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == header
        assert row in rows[1:]


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_make_docs_builds_the_manual_strictly_into_site_which_git_ignores():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^docs:.*\n\t.*mkdocs build --strict", makefile, re.M)
    assert "site/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_every_page_of_the_manual_is_in_its_navigation():
    nav = re.findall(r"^  - [^:]+: ([\w-]+\.md)$", (ROOT / "mkdocs.yml").read_text(), re.M)
    assert sorted(nav) == sorted(p.name for p in DOCS.glob("*.md"))
    assert nav[0] == "index.md"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = tmp_path_factory.mktemp("manual") / "site"
    built = build_manual(site)
    assert built.returncode == 0, built.stdout + built.stderr
    return site


def test_the_manual_builds_with_strict_into_pages_that_open_from_disk(site):
    names = {p.stem for p in DOCS.glob("*.md")}
    assert names <= {p.stem for p in site.glob("*.html")}
    for html in site.glob("*.html"):
        text = html.read_text(encoding="utf-8")
        # nothing fetched from another host: no web fonts, scripts or style sheets
        outside = re.findall(r'<(?:script|link|img)\b[^>]*\b(?:src|href)="((?:https?:)?//[^"]*)"',
                             text)
        assert outside == [], (html.name, outside)
        # links between pages name .html files, which a browser opens from disk
        assert not re.search(r'href="[\w-]+/"', text), html.name
    assert (site / "search" / "search_index.js").exists()       # search with no server
    assert (site / "leeds-network-map.png").exists()


def test_the_front_page_carries_the_readme_s_tour(site):
    front = html.unescape(re.sub(r"<[^>]+>", "", (site / "index.html").read_text("utf-8")))
    tour = README.split("## Tour")[1]
    commands = re.findall(r"^graphmodel [^#\n]*?(?=\s*(?:#|$))", tour, re.M)
    assert len(commands) >= 15
    for command in commands:
        assert command in front, command


def test_a_broken_link_fails_the_strict_build(tmp_path):
    """The check `make test` relies on: the manual's own settings, two pages, and then a
    link to a page that does not exist."""
    project = tmp_path / "project"
    shutil.copytree(DOCS / "assets", project / "docs" / "assets")
    (project / "docs" / "index.md").write_text("# Home\n\nSee [using](using.md).\n")
    (project / "docs" / "using.md").write_text("# Using\n")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0]
    (project / "mkdocs.yml").write_text(
        config + "\nnav:\n  - Home: index.md\n  - Using: using.md\n", encoding="utf-8")
    assert build_manual(tmp_path / "site", project).returncode == 0
    (project / "docs" / "using.md").write_text("# Using\n\nSee [the glossary](glossary.md).\n")
    built = build_manual(tmp_path / "site", project)
    assert built.returncode == 1
    assert "'glossary.md'" in built.stderr
