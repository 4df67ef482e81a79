"""Maps, decks and review packs in a real headless Chromium (Debian's chromium package).

Each page must draw every node and link, log no error, ask nothing of any host
but the file it was opened from, and keep user data as text. Screenshots go to
test-artifacts/. Under CI=true a missing Chromium fails these tests; elsewhere it
skips them.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from graphmodel import open_source
from graphmodel.analysis.review import review
from graphmodel.maps.highlights import key_findings
from graphmodel.maps import make_map, write_map
from graphmodel.maps.deck import write_deck
from graphmodel.report import write_report

from test_maps import (HARBOROUGH_DAY, HOSTILE, LEEDS_DAY, SEED, Network_with,
                       expected_network_counts, rows)

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
SERIOUS = {"serious", "critical"}


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests cannot run: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium, driven by Playwright (which downloads no browser of its own)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed: pip install -e '.[test]'")
    path = os.environ.get("GRAPHMODEL_CHROMIUM") or shutil.which("chromium")
    if not path:
        _unavailable("no chromium on PATH: make provision installs Debian's package")
    with sync_playwright() as p:
        # as root, Chromium's sandbox cannot start
        args = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
        instance = p.chromium.launch(executable_path=path, args=args)
        yield instance
        instance.close()


class Visit:
    """A page opened from a file, with every console error and outside request kept."""

    def __init__(self, browser, path: Path, width: int = 1400, height: int = 900):
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri())

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def drawn(self, map_id: str) -> None:
        self.page.wait_for_selector(f"#{map_id}[data-drawn]", timeout=20_000)

    def counts(self, map_id: str) -> tuple[int, int]:
        """Nodes and links the last frame drew on the canvas (counted as they are drawn)."""
        return tuple(self.page.evaluate(f"GM.maps['{map_id}'].drawn()"))

    def click_node(self, map_id: str, key: str, hover: bool = False) -> None:
        """Click (or point at) a node where the canvas drew it."""
        at = self.page.evaluate(f"GM.maps['{map_id}'].screen('{key}')")
        box = self.page.locator(f"#{map_id}-canvas").bounding_box()
        x, y = box["x"] + at["x"], box["y"] + at["y"]
        self.page.mouse.move(x, y) if hover else self.page.mouse.click(x, y)

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"))

    def clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.outside == [], self.outside
        self.page.close()


def axe_serious(page) -> list[str]:
    """axe-core's serious and critical violations on the page, as readable lines."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} at "
            f"{[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v.get("impact") in SERIOUS]


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return tmp_path_factory.mktemp("pages")


@pytest.mark.parametrize("dataset, day", [("leeds", LEEDS_DAY), ("harborough", HARBOROUGH_DAY)])
def test_the_whole_network_map_draws_every_record_and_relationship(browser, out, dataset, day):
    network = open_source(SEED / dataset)
    path = write_map(make_map(network, "network", as_of=day), out / f"{dataset}-network.html")
    visit = Visit(browser, path)
    visit.drawn("map-network")
    assert visit.counts("map-network") == expected_network_counts(network.as_of(day))
    rows_shown = visit.page.locator("#map-network table").first.locator("tbody tr").count()
    assert rows_shown == expected_network_counts(network.as_of(day))[0]
    visit.shot(f"{dataset}-network")
    visit.clean()


@pytest.mark.parametrize("view", ["accountability", "representation", "overlaps", "ego"])
@pytest.mark.parametrize("dataset, day, focus", [("leeds", LEEDS_DAY, "ssc-partnership-board"),
                                                 ("harborough", HARBOROUGH_DAY, "llep-board")])
def test_each_view_of_the_seed_data_renders_offline(browser, out, dataset, day, focus, view):
    m = make_map(open_source(SEED / dataset), view, as_of=day,
                 focus=focus if view == "ego" else None)
    visit = Visit(browser, write_map(m, out / f"{dataset}-{view}.html"))
    visit.drawn(f"map-{view}")
    assert visit.counts(f"map-{view}") == (len(m.nodes), len(m.edges))
    assert len(m.nodes) > 1
    visit.shot(f"{dataset}-{view}")
    visit.clean()


def test_the_legend_explains_and_the_filters_hide_a_kind(browser, out, harborough):
    m = make_map(harborough, "representation", as_of=HARBOROUGH_DAY)
    visit = Visit(browser, write_map(m, out / "legend.html"))
    visit.drawn("map-representation")
    legend = visit.page.locator("#map-representation .gm-legend").inner_text()
    assert "No seat held on behalf of Harborough District Council" in legend
    assert "Partnership or partnership board" in legend and "sits on" in legend
    boards = [r for r in rows("harborough", "bodies") if r["kind"] == "partnership_board"]
    box = visit.page.get_by_label(f"Partnership board ({len(boards)})")
    box.uncheck()
    visit.page.wait_for_timeout(200)          # the next frame
    shown, _ = visit.counts("map-representation")
    assert shown == len(m.nodes) - len(boards)
    assert visit.page.locator("#map-representation-status").inner_text() == \
        f"Showing {len(m.nodes) - len(boards)} of {len(m.nodes)} nodes."
    visit.shot("harborough-representation-filtered")
    box.check()
    visit.clean()


def test_find_selects_a_body_and_its_details_say_why_it_stands_out(browser, out, harborough):
    m = make_map(harborough, "representation", as_of=HARBOROUGH_DAY)
    visit = Visit(browser, write_map(m, out / "search.html"))
    visit.drawn("map-representation")
    page = visit.page
    page.get_by_label("Find a name").fill("economic partnership board")
    page.keyboard.press("Enter")
    assert page.get_attribute("#map-representation", "data-selected") == "body:llep-board"
    assert page.locator("#map-representation-status").inner_text().startswith("1 match")
    details = page.locator("#map-representation-details").inner_text()
    assert "No seat held on behalf of Harborough District Council" in details
    assert "Councillor Pain is there on behalf of Leicestershire County Council" in details
    assert "Partnership Register and Policy" in details      # the evidence's document
    visit.shot("harborough-representation-found")
    visit.clean()


def test_clicking_a_node_highlights_its_neighbourhood(browser, out):
    leeds = open_source(SEED / "leeds")
    m = make_map(leeds, "accountability", as_of=LEEDS_DAY)
    visit = Visit(browser, write_map(m, out / "click.html"))
    visit.drawn("map-accountability")
    page = visit.page
    visit.click_node("map-accountability", "body:full-council")
    assert page.get_attribute("#map-accountability", "data-selected") == "body:full-council"
    colour = "(id => GM.maps['map-accountability'].fill(id))"
    reports = [r["body"] for r in rows("leeds", "reporting_lines") if r["reports_to"] == "full-council"]
    assert page.evaluate(f"{colour}('body:{reports[0]}')") != "#f4f4f4"
    assert page.evaluate(f"{colour}('body:cluster-alwoodley')") == "#f4f4f4"
    visit.shot("leeds-accountability-selected")
    visit.clean()


def test_a_hostile_name_shows_as_text_and_runs_nothing(browser, out, network):
    person = "</script><script>document.title='owned'</script><!--"
    m = make_map(Network_with(network, HOSTILE, person), "network", as_of="2013-01-01")
    visit = Visit(browser, write_map(m, out / "hostile.html"))
    visit.drawn("map-network")
    page = visit.page
    assert page.title() != "owned" and "owned" not in page.title()
    assert page.locator("img").count() == 0
    nodes_table = page.locator("#map-network table").first
    assert nodes_table.locator("th", has_text=HOSTILE).count() == 1    # the literal text
    page.get_by_label("Find a name").fill("onerror")
    page.keyboard.press("Enter")
    assert HOSTILE in page.locator("#map-network-details").inner_text()
    visit.click_node("map-network", "body:hostile", hover=True)
    page.wait_for_selector("#map-network .gm-tooltip:not([hidden])")
    assert HOSTILE in page.locator("#map-network .gm-tooltip").inner_text()
    assert person in nodes_table.inner_text()
    assert page.title() != "owned"
    visit.shot("hostile-names")
    visit.clean()


def test_the_deck_moves_with_arrow_keys_and_clicks(browser, out, harborough):
    path = write_deck(harborough, out / "deck.html", as_of=HARBOROUGH_DAY)
    visit = Visit(browser, path, 1280, 800)
    page = visit.page
    total = page.locator(".gm-slide").count()
    assert total >= 5
    assert page.locator("#gm-counter").inner_text() == f"Slide 1 of {total}"
    visit.shot("deck-1-title")
    page.keyboard.press("ArrowRight")
    assert page.locator("#gm-counter").inner_text() == f"Slide 2 of {total}"
    visit.drawn("slide-2-map")
    visit.shot("deck-2-network")
    page.get_by_role("button", name="Next").click()
    visit.drawn("slide-3-map")
    assert page.locator("#slide-3").is_visible() and not page.locator("#slide-2").is_visible()
    page.keyboard.press("ArrowRight")
    visit.drawn("slide-4-map")
    first = key_findings(review(harborough, as_of=HARBOROUGH_DAY))[0]
    assert first.severity == "warning"
    assert first.message in page.locator("#slide-4").inner_text()
    visit.shot("deck-4-finding")
    page.keyboard.press("ArrowLeft")
    assert page.locator("#gm-counter").inner_text() == f"Slide 3 of {total}"
    page.keyboard.press("End")
    assert page.locator("#gm-counter").inner_text() == f"Slide {total} of {total}"
    visit.clean()


def test_the_review_pack_shows_a_finding_on_its_map(browser, out, harborough):
    written = write_report(harborough, out / "pack", as_of=HARBOROUGH_DAY)
    visit = Visit(browser, written["index.html"])
    visit.drawn("map-representation")
    page = visit.page
    first = page.locator("table").first.locator("button.gm-show").first
    node = first.get_attribute("data-node")
    first.click()
    visit.drawn("map-network")
    assert page.get_attribute("#map-network", "data-selected") == node
    visit.shot("review-pack")
    visit.clean()


def test_axe_finds_nothing_serious_in_a_map_the_deck_and_the_review_pack(browser, out,
                                                                         harborough):
    pages = {
        "map": write_map(make_map(harborough, "representation", as_of=HARBOROUGH_DAY),
                         out / "axe-map.html"),
        "deck": write_deck(harborough, out / "axe-deck.html", as_of=HARBOROUGH_DAY),
        "pack": write_report(harborough, out / "axe-pack", as_of=HARBOROUGH_DAY)["index.html"],
    }
    found = {}
    for name, path in pages.items():
        visit = Visit(browser, path)
        if name == "deck":
            found["deck title"] = axe_serious(visit.page)
            visit.page.keyboard.press("ArrowRight")
            visit.page.keyboard.press("ArrowRight")
            visit.page.keyboard.press("ArrowRight")
            visit.drawn("slide-4-map")
        else:
            visit.drawn("map-representation")
        found[name] = axe_serious(visit.page)
        visit.clean()
    assert found == {"deck title": [], "map": [], "deck": [], "pack": []}


# ------------------------------------------------------------------ the pyvis renderer

def vis_at(visit: Visit, map_id: str, key: str) -> tuple[float, float]:
    """Where vis-network drew a node, in page coordinates."""
    at = visit.page.evaluate(f"(m => m.network.canvasToDOM(m.network.getPosition('{key}')))"
                             f"(GMPyvis.maps['{map_id}'])")
    box = visit.page.locator(f"#{map_id}-canvas canvas").bounding_box()
    return box["x"] + at["x"], box["y"] + at["y"]


def test_a_pyvis_map_draws_every_node_and_link_offline_and_accessibly(browser, out,
                                                                       harborough):
    m = make_map(harborough, "representation", as_of=HARBOROUGH_DAY)
    visit = Visit(browser, write_map(m, out / "pyvis.html", renderer="pyvis"))
    visit.drawn("map-representation")
    page = visit.page
    sizes = page.evaluate("(m => [m.nodes.length, m.edges.length, m.network.body.nodeIndices"
                          ".length, m.network.body.edgeIndices.length])"
                          "(GMPyvis.maps['map-representation'])")
    assert sizes == [len(m.nodes), len(m.edges), len(m.nodes), len(m.edges)]
    assert page.locator("#map-representation .vis-network[tabindex='0'][role='application']"
                        ).count() == 1
    assert axe_serious(page) == []
    visit.shot("harborough-representation-pyvis")
    visit.clean()


def test_a_pyvis_map_drags_nodes_filters_kinds_and_shows_a_table_row(browser, out, harborough):
    m = make_map(harborough, "representation", as_of=HARBOROUGH_DAY)
    visit = Visit(browser, write_map(m, out / "pyvis-drag.html", renderer="pyvis"))
    visit.drawn("map-representation")
    page = visit.page
    where = "GMPyvis.maps['map-representation'].network.getPosition('body:llep-board')"
    before = page.evaluate(where)
    x, y = vis_at(visit, "map-representation", "body:llep-board")
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 60, y + 40, steps=8)
    page.mouse.up()
    after = page.evaluate(where)
    assert after["x"] > before["x"] + 20 and after["y"] > before["y"] + 10
    boards = [r for r in rows("harborough", "bodies") if r["kind"] == "partnership_board"]
    page.get_by_label(f"Partnership board ({len(boards)})").uncheck()
    hidden = page.evaluate("GMPyvis.maps['map-representation'].nodes.get({filter: n => n.hidden})"
                           ".length")
    assert hidden == len(boards)
    assert page.locator("#map-representation-status").inner_text() == \
        f"Showing {len(m.nodes) - len(boards)} of {len(m.nodes)} nodes."
    page.locator("button.gm-show[data-node='body:llep-board']").first.click()
    assert page.get_attribute("#map-representation", "data-selected") == "body:llep-board"
    assert page.evaluate("GMPyvis.maps['map-representation'].network.getSelectedNodes()") == \
        ["body:llep-board"]
    visit.clean()


def test_a_hostile_name_in_a_pyvis_map_shows_as_text_and_runs_nothing(browser, out, network):
    person = "</script><script>document.title='owned'</script><!--"
    m = make_map(Network_with(network, HOSTILE, person), "network", as_of="2013-01-01")
    visit = Visit(browser, write_map(m, out / "pyvis-hostile.html", renderer="pyvis"))
    visit.drawn("map-network")
    page = visit.page
    title = page.title()
    nodes_table = page.locator("#map-network table").first
    assert nodes_table.locator("th", has_text=HOSTILE).count() == 1
    page.mouse.move(*vis_at(visit, "map-network", "body:hostile"))
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
    assert HOSTILE in page.locator("div.vis-tooltip").inner_text()
    assert page.locator("img").count() == 0
    page.mouse.move(*vis_at(visit, "map-network", "person:mallory"))
    page.locator("div.vis-tooltip", has_text=person).wait_for(timeout=5_000)
    assert page.title() == title and "owned" not in title
    visit.shot("hostile-names-pyvis")
    visit.clean()
