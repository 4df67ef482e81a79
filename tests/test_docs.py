"""The README says what is true: generated references are current, examples are real rows."""
import csv
import io
import re
from pathlib import Path

from graphmodel.reference import update_readme

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_reference_sections_are_up_to_date():
    assert update_readme(README) == README, "run: python -m graphmodel.reference README.md"


def test_the_readme_gives_exactly_the_two_set_up_commands():
    setup = README.split("## Set-up: two commands")[1].split("##")[0]
    commands = re.findall(r"^make \w+", setup, re.M)
    assert commands == ["make demo", "make test"]


def test_the_csv_examples_in_the_readme_are_rows_of_the_seed_data():
    blocks = re.findall(r"```csv\n(.*?)```", README, re.S)
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
