"""Maps, decks and review packs in a real headless Chromium (Debian's chromium package).

Each page must draw every node and link, log no error, ask nothing of any host
but the file it was opened from, and keep user data as text. Screenshots go to
test-artifacts/. Under CI=true a missing Chromium fails these tests; elsewhere it
skips them.
"""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from graphmodel import open_source
from graphmodel.analysis.review import review
from graphmodel.maps.highlights import key_findings
from graphmodel.maps.tooltips import evidence_text
from graphmodel.maps import labels, make_map, styling, write_map
from graphmodel.maps.deck import write_deck
from graphmodel.pack import write_report

from moderngov_site import COUNTY, write_county_site
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
        """Nodes and links vis-network draws (hidden ones and their links left out)."""
        return tuple(self.page.evaluate(f"GM.maps['{map_id}'].drawn()"))

    def at(self, map_id: str, key: str) -> tuple[float, float]:
        """Where vis-network drew a node, in page coordinates."""
        at = self.page.evaluate(f"GM.maps['{map_id}'].screen('{key}')")
        box = self.page.locator(f"#{map_id}-canvas canvas").bounding_box()
        return box["x"] + at["x"], box["y"] + at["y"]

    def click_node(self, map_id: str, key: str, hover: bool = False) -> None:
        """Click (or point at) a node where vis-network drew it."""
        x, y = self.at(map_id, key)
        self.page.mouse.move(x, y) if hover else self.page.mouse.click(x, y)

    def in_view(self, selector: str) -> bool:
        """Whether the element is wholly inside the window, with no scrolling."""
        return self.page.evaluate(
            "s => { const r = document.querySelector(s).getBoundingClientRect(); "
            "return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight "
            "&& r.right <= innerWidth; }", selector)

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
    """Every record and relationship is on the map: drawn at the first view, or (a link
    no way was found for clear of the names) drawn when one of its nodes is selected."""
    network = open_source(SEED / dataset)
    m = make_map(network, "network", as_of=day)
    path = write_map(m, out / f"{dataset}-network.html")
    visit = Visit(browser, path)
    visit.drawn("map-network")
    nodes, links = expected_network_counts(network.as_of(day))
    later = [e for e in m.edges if e.on_selection]
    assert visit.counts("map-network") == (nodes, links - len(later))
    hidden = "k => GM.maps['map-network'].network.body.edges[k].options.hidden"
    for e in later:
        assert visit.page.evaluate(hidden, e.key), e.key
        visit.page.evaluate("k => GM.maps['map-network'].select(k)", e.source)
        assert not visit.page.evaluate(hidden, e.key), e.key
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
    if m.sparse:            # Harborough's one reporting line: said in words instead
        assert (dataset, view) == ("harborough", "accountability")
        visit.clean()
        return
    visit.drawn(f"map-{view}")
    assert visit.counts(f"map-{view}") == (len(m.nodes), len(m.edges))
    assert set(visit.page.evaluate(f"GM.maps['map-{view}'].nodes.getIds()")) == \
        {n.key for n in m.nodes}
    visit.shot(f"{dataset}-{view}")
    visit.clean()


def test_the_legend_explains_and_the_filters_hide_a_kind(browser, out, harborough):
    m = make_map(harborough, "representation", as_of=HARBOROUGH_DAY)
    visit = Visit(browser, write_map(m, out / "legend.html"))
    visit.drawn("map-representation")
    entries = visit.page.locator("#map-representation .gm-legend li").all_inner_texts()
    # a shape for each kind drawn, a fill for each representation, the warning's outline,
    # and a line for each relationship drawn
    kinds = {n.family for n in m.nodes}
    statuses = {n.status for n in m.nodes if n.status}
    relationships = {e.relationship for e in m.edges}
    assert len(entries) == len(kinds) + len(statuses) + 1 + len(relationships)
    assert "No seat held on behalf of Harborough District Council (fill; the shape shows the " \
        "kind)" in entries
    assert {"Partnership or partnership board", styling.edge_style("seat_of").label} <= set(entries)
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
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
    assert HOSTILE in page.locator("div.vis-tooltip").inner_text()
    assert page.locator("img").count() == 0
    page.get_by_label("Find a name").fill("mallory")          # by id
    page.keyboard.press("Enter")
    assert person in page.locator("#map-network-details").inner_text()
    assert person in nodes_table.inner_text()
    assert page.title() != "owned"
    visit.shot("hostile-names")
    visit.clean()


def test_the_deck_moves_with_arrow_keys_and_clicks(browser, out, harborough):
    path = write_deck(harborough, out / "deck.html", as_of=HARBOROUGH_DAY)
    visit = Visit(browser, path, 1366, 768)
    page = visit.page
    total = page.locator(".gm-slide").count()
    assert total >= 6
    assert page.locator("#gm-counter").inner_text() == f"Slide 1 of {total}"
    visit.shot("deck-1-title")
    page.keyboard.press("ArrowRight")
    assert page.locator("#gm-counter").inner_text() == f"Slide 2 of {total}"
    visit.drawn("slide-2-map")
    assert page.locator("#slide-2 .gm-side").count() == 0          # no sidebar on a slide
    visit.shot("deck-2-network")
    page.get_by_role("button", name="Next").click()
    # Harborough records one reporting line: the slide says so instead of drawing it
    assert page.locator("#slide-3 .gm-message").inner_text() == \
        make_map(harborough, "accountability", as_of=HARBOROUGH_DAY).sparse
    assert page.locator("#slide-3").is_visible() and not page.locator("#slide-2").is_visible()
    page.keyboard.press("ArrowRight")
    visit.drawn("slide-4-map")
    assert "Where Harborough District Council has a seat" in page.locator("#slide-4").inner_text()
    page.keyboard.press("ArrowRight")
    visit.drawn("slide-5-map")
    first = key_findings(review(harborough, as_of=HARBOROUGH_DAY))[0]
    assert first.severity == "warning"
    assert first.message in page.locator("#slide-5").inner_text()
    notes = page.locator("#slide-5 .gm-notes")
    assert not notes.is_visible()
    page.keyboard.press("n")
    assert notes.is_visible()
    assert notes.locator("li").all_inner_texts()[:2] == \
        [evidence_text(harborough, e) for e in first.evidence[:2]]
    visit.shot("deck-5-finding-notes")
    page.keyboard.press("n")
    page.keyboard.press("ArrowLeft")
    assert page.locator("#gm-counter").inner_text() == f"Slide 4 of {total}"
    page.keyboard.press("End")
    assert page.locator("#gm-counter").inner_text() == f"Slide {total} of {total}"
    visit.clean()


@pytest.mark.parametrize("width, height", [(1366, 768), (1920, 1080)])
def test_every_slide_fits_the_screen_with_readable_text(browser, out, harborough, leeds,
                                                       width, height):
    for name, network, day in (("harborough", harborough, HARBOROUGH_DAY),
                               ("leeds", leeds, LEEDS_DAY)):
        visit = Visit(browser, write_deck(network, out / f"fit-{name}.html", as_of=day),
                      width, height)
        page = visit.page
        for number in range(1, page.locator(".gm-slide").count() + 1):
            page.evaluate(f"GM.slide({number - 1})")
            fits = page.evaluate(
                f"(s => [s.scrollHeight <= s.clientHeight, s.scrollWidth <= s.clientWidth, "
                f"document.documentElement.scrollHeight <= innerHeight, "
                f"Math.abs(s.clientWidth / s.clientHeight - 16 / 9) < 0.02])"
                f"(document.getElementById('slide-{number}'))")
            assert fits == [True, True, True, True], (name, number)
            smallest = page.evaluate(
                f"Math.min(...[...document.querySelectorAll('#slide-{number} :is(p, li, td, "
                f"th)')].filter(e => !e.closest('.gm-legend, .gm-notes') && e.offsetParent)"
                f".map(e => parseFloat(getComputedStyle(e).fontSize)))")
            assert smallest >= 24, (name, number, smallest)
            if page.locator(f"#slide-{number}-map[data-gm-map]").count():
                visit.drawn(f"slide-{number}-map")
                # the legend shows whole, every entry in view, with nothing to scroll
                legend = page.evaluate(
                    f"(b => [b.scrollHeight - b.clientHeight, b.scrollWidth - b.clientWidth, "
                    f"[...b.querySelectorAll('li')].filter(li => li.getBoundingClientRect()"
                    f".bottom > Math.min(b.getBoundingClientRect().bottom, innerHeight))"
                    f".length])(document.querySelector('#slide-{number} .gm-legend-box'))")
                assert legend == [0, 0, 0], (name, number, legend)
                boxes = page.evaluate(f"GM.maps['slide-{number}-map'].labels()")
                assert boxes and min(b["font"] for b in boxes) >= 12, (name, number)
                assert all(b["solid"] for b in boxes), (name, number)
                assert overlapping(boxes) == [], (name, number)
            visit.shot(f"slide-{name}-{width}x{height}-{number}")
        visit.clean()


def test_printing_the_deck_gives_one_slide_a_page(browser, out, harborough):
    path = write_deck(harborough, out / "print.html", as_of=HARBOROUGH_DAY)
    visit = Visit(browser, path, 1366, 768)
    slides = visit.page.locator(".gm-slide").count()
    pdf = visit.page.pdf(prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == slides
    visit.clean()


def test_the_review_pack_shows_a_finding_on_its_map_and_links_back(browser, out, harborough):
    written = write_report(harborough, out / "pack", as_of=HARBOROUGH_DAY)
    visit = Visit(browser, written["index.html"], 1366, 768)
    visit.drawn("map-representation")
    page = visit.page
    top = page.evaluate("document.getElementById('map-representation-canvas')"
                        ".getBoundingClientRect().top")
    # the first screen opens on the warnings themselves; the maps follow the counts by rule
    warning = page.evaluate("document.querySelector('.gm-attention li')"
                            ".getBoundingClientRect().bottom")
    counts = page.evaluate("document.querySelector('#by-rule + table')"
                           ".getBoundingClientRect().bottom")
    assert warning < 768 and counts < top
    page.locator("#by-rule + table a[href='#rule-unrepresented']").click()
    assert page.evaluate("location.hash") == "#rule-unrepresented"
    table = page.locator("#every-finding + table")
    first = table.locator("button.gm-show").first
    node = first.get_attribute("data-node")
    row = first.locator("xpath=ancestor::tr").get_attribute("id")
    first.click()
    visit.drawn("map-network")
    assert page.get_attribute("#map-network", "data-selected") == node
    back = page.locator(f"#map-network-details a[href='#{row}']").first
    back.click()
    assert page.evaluate("location.hash") == f"#{row}"
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


# ------------------------------------------------------------------ vis-network's own parts

def test_a_map_drags_nodes_and_names_its_frame_for_the_keyboard(browser, out, harborough):
    m = make_map(harborough, "representation", as_of=HARBOROUGH_DAY)
    visit = Visit(browser, write_map(m, out / "drag.html"))
    visit.drawn("map-representation")
    page = visit.page
    assert page.locator("#map-representation .vis-network[tabindex='0'][role='application']"
                        ).count() == 1
    where = "GM.maps['map-representation'].network.getPosition('body:llep-board')"
    before = page.evaluate(where)
    x, y = visit.at("map-representation", "body:llep-board")
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 60, y + 40, steps=8)
    page.mouse.up()
    after = page.evaluate(where)
    assert after["x"] > before["x"] + 20 and after["y"] > before["y"] + 10
    page.locator("button.gm-show[data-node='body:llep-board']").first.click()
    assert page.get_attribute("#map-representation", "data-selected") == "body:llep-board"
    assert page.evaluate("GM.maps['map-representation'].network.getSelectedNodes()") == \
        ["body:llep-board"]
    visit.clean()


def test_search_finds_a_body_by_its_initials(browser, out, harborough):
    m = make_map(harborough, "representation", as_of=HARBOROUGH_DAY)
    visit = Visit(browser, write_map(m, out / "initials.html"))
    visit.drawn("map-representation")
    # "LLEP": the Leicester and Leicestershire Enterprise Partnership, as the papers call it
    visit.page.get_by_label("Find a name, id or initials").fill("LLEP")
    visit.page.keyboard.press("Enter")
    assert visit.page.get_attribute("#map-representation", "data-selected") == "body:llep-board"
    visit.clean()


# ------------------------------------------------------------------ legible at 1366x768

SEED_VIEWS = [(d, day, v) for d, day in (("leeds", LEEDS_DAY), ("harborough", HARBOROUGH_DAY))
              for v in ("network", "accountability", "representation", "overlaps", "ego")]


def _meet(a: dict, b: dict) -> bool:
    return (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    return [(a["id"], b["id"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if _meet(a, b)]


def labels_on_shapes(labels: list[dict], shapes: list[dict]) -> list[tuple[str, str]]:
    """(label, node) pairs where a name is drawn over another node's shape."""
    return [(a["id"], b["id"]) for a in labels for b in shapes
            if a["id"] != b["id"] and _meet(a, b)]


def outside(boxes: list[dict], canvas: dict) -> list[str]:
    """The labels not wholly inside the canvas."""
    return [b["id"] for b in boxes if b["x"] < 0 or b["y"] < 0
            or b["x"] + b["width"] > canvas["width"] or b["y"] + b["height"] > canvas["height"]]


@pytest.mark.parametrize("dataset, day, view", SEED_VIEWS)
def test_every_seed_map_is_legible_on_a_projector(browser, out, dataset, day, view):
    """At the first view at 1366x768: no two labels vis-network draws overlap, none lies
    over another node or past the canvas's edge, each is at least 12 px high, the drawing
    spans 70% of the canvas, and the legend is in view."""
    focus = {"leeds": "ssc-partnership-board", "harborough": "llep-board"}[dataset]
    m = make_map(open_source(SEED / dataset), view, as_of=day,
                 focus=focus if view == "ego" else None)
    visit = Visit(browser, write_map(m, out / f"legible-{dataset}-{view}.html"), 1366, 768)
    if m.sparse:
        assert visit.page.locator(".gm-sparse .gm-message").inner_text() == m.sparse
        visit.clean()
        return
    visit.drawn(f"map-{view}")
    page = visit.page
    boxes = page.evaluate(f"GM.maps['map-{view}'].labels()")
    # the names drawn are those the label pass chose, no fewer (none too small to draw)
    assert {b["id"] for b in boxes} == {n.key for n in m.nodes if n.font == labels.MAJOR}
    assert overlapping(boxes) == []
    assert labels_on_shapes(boxes, page.evaluate(f"GM.maps['map-{view}'].shapes()")) == []
    assert min(b["font"] for b in boxes) >= 12
    assert [b["id"] for b in boxes if not b["solid"]] == []     # none drawn faint
    canvas = page.locator(f"#map-{view}-canvas").bounding_box()
    assert outside(boxes, canvas) == []
    if view == "accountability":   # an org chart: every name inside its box
        shapes = page.evaluate(f"(n => n.body.nodeIndices.map(i => n.body.nodes[i].options"
                               f".shape))(GM.maps['map-{view}'].network)")
        assert set(shapes) == {"box"}
    drawn = page.evaluate(f"(m => {{ const p = m.nodes.getIds().map(i => m.screen(i)); "
                          f"const xs = p.map(q => q.x), ys = p.map(q => q.y); "
                          f"return [Math.max(...xs) - Math.min(...xs), Math.max(...ys) - "
                          f"Math.min(...ys)]; }})(GM.maps['map-{view}'])")
    assert drawn[0] >= 0.7 * canvas["width"] or drawn[1] >= 0.7 * canvas["height"]
    assert visit.in_view(f"#map-{view} .gm-legend")
    visit.shot(f"legible-{dataset}-{view}")
    visit.clean()


def _named_at_first_view(browser, out, dataset: str, day: str, view: str) -> set[str]:
    m = make_map(open_source(SEED / dataset), view, as_of=day)
    visit = Visit(browser, write_map(m, out / f"named-{dataset}-{view}.html"), 1366, 768)
    visit.drawn(f"map-{view}")
    named = {b["id"] for b in visit.page.evaluate(f"GM.maps['map-{view}'].labels()")}
    visit.clean()
    return named


def test_the_leeds_hubs_are_named_at_first_view(browser, out):
    """The crowded hubs of the Leeds network keep room for their names: their neighbours
    are moved out of the way rather than the names left for the zoom."""
    named = _named_at_first_view(browser, out, "leeds", LEEDS_DAY, "network")
    assert {"organisation:leeds-city-council", "body:full-council",
            "body:childrens-trust-board", "body:ssc-partnership-board"} <= named


def test_the_boards_where_harborough_has_no_seat_are_all_named_at_first_view(browser, out):
    """The representation map is about the eight boards Harborough District Council holds
    no seat on: every one is named, with the council itself."""
    network = open_source(SEED / "harborough")
    unrepresented = {f"body:{b}" for b in (
        "community-safety-spb", "leicestershire-cyp-board",
        "leicestershire-health-wellbeing-board", "leicestershire-rural-partnership",
        "llep-board", "rural-partnership-management-board", "stronger-communities-board",
        "sustainable-harborough")}
    m = make_map(network, "representation", as_of=HARBOROUGH_DAY)
    assert {n.key for n in m.nodes if n.status == "unrepresented"} == unrepresented
    named = _named_at_first_view(browser, out, "harborough", HARBOROUGH_DAY, "representation")
    assert unrepresented | {"organisation:harborough-district-council"} <= named


def test_a_big_maps_tables_are_filled_when_opened(browser, out, tmp_path):
    """Past 500 nodes the rows are made by the page when the tables are opened, from the
    same data as the drawing: every node and link is there, with its button."""
    from graphmodel.generate import AS_OF, generate

    generate(tmp_path / "big", bodies=60, people=520, seed=2)
    m = make_map(open_source(tmp_path / "big"), "network", as_of=AS_OF)
    assert len(m.nodes) >= 500
    visit = Visit(browser, write_map(m, out / "big.html"))
    visit.drawn("map-network")
    page = visit.page
    # the small names are given to vis-network only once the zoom would show them
    small = next(n for n in m.nodes if n.font == labels.MINOR)
    label_of = f"GM.maps['map-network'].network.body.nodes[{json.dumps(small.key)}].options.label"
    assert page.evaluate(label_of) is None
    page.evaluate("GM.maps['map-network'].network.moveTo({scale: 2.5})")
    # a function, not a string: the page's content security policy forbids eval
    page.wait_for_function(
        "([key, label]) => GM.maps['map-network'].network.body.nodes[key].options.label === label",
        arg=[small.key, small.label],
        timeout=5_000,
    )
    rows_of = "#map-network .gm-{}-rows tr"
    assert page.locator(rows_of.format("node")).count() == 0
    page.locator("#map-network details.gm-alt > summary").click()
    # (the details' toggle event, which fills them, comes after the click)
    page.locator(rows_of.format("node")).first.wait_for(timeout=5_000)
    assert page.locator(rows_of.format("node")).count() == len(m.nodes)
    assert page.locator(rows_of.format("edge")).count() == len(m.edges)
    assert page.locator(rows_of.format("finding")).count() == len(m.findings)
    key = m.nodes[-1].key
    page.locator(f"#map-network button.gm-show[data-node='{key}']").click()
    assert page.get_attribute("#map-network", "data-selected") == key
    visit.clean()


def test_a_map_too_big_to_draw_whole_shows_groups_that_open_on_click(browser, out, tmp_path):
    """Past the node limit even without people, bodies of a kind are drawn as one box,
    "18 partnership boards", and clicking it draws those boards."""
    from graphmodel.generate import AS_OF, generate

    generate(tmp_path / "big", bodies=160, people=200, seed=1)
    m = make_map(open_source(tmp_path / "big"), "network", as_of=AS_OF, max_nodes=60)
    boards = [n for n in m.nodes if n.kind == "partnership_board"]
    label = boards[0].group_of
    assert label == f"{len(boards)} partnership boards"
    visit = Visit(browser, write_map(m, out / "grouped.html"))
    visit.drawn("map-network")
    page = visit.page
    group = page.evaluate("l => GM.maps['map-network'].data.groups.find(g => g.label === l).id",
                          label)
    before = visit.counts("map-network")
    assert before[0] < 60 < len(m.nodes)
    # the summary counts what is drawn, and says what is folded
    assert page.text_content("#map-network .gm-summary").startswith(
        f"{before[0]} nodes and {before[1]} links drawn: ")
    shown = "k => GM.maps['map-network'].network.body.nodeIndices.includes(k)"
    assert not page.evaluate(shown, boards[0].key)
    # the notice pushes the canvas's foot below the window: the click focuses the map
    # without scrolling the page, so the click lands on the group it was aimed at
    foot = "document.getElementById('map-network-canvas').getBoundingClientRect().bottom"
    assert page.evaluate(foot) > page.viewport_size["height"]
    visit.click_node("map-network", group)
    assert page.evaluate("scrollY") == 0
    assert page.evaluate("document.activeElement.getAttribute('aria-roledescription')") \
        == "network map"
    after = visit.counts("map-network")
    assert after[0] == before[0] - 1 + len(boards)
    assert all(page.evaluate(shown, n.key) for n in boards)
    assert page.text_content("#map-network .gm-status") == f"Opened {label}."
    panel = next(n for n in m.nodes if n.kind == "panel")   # found by name: its group opens
    assert not page.evaluate(shown, panel.key)
    page.fill("#map-network .gm-search input", panel.label.replace("\n", " "))
    page.click("#map-network .gm-search button")
    assert page.evaluate(shown, panel.key)
    assert page.get_attribute("#map-network", "data-selected") == panel.key
    visit.clean()


# ------------------------------------------------------------------ the manual, from disk

def test_the_manual_opens_from_disk_and_its_search_finds_a_rule(browser, tmp_path):
    """`make docs`'s site with no server and no network: a link to another page opens it,
    and search (the offline plugin's, through the shim kept in docs/) finds a rule."""
    from test_docs import build_manual

    built = build_manual(tmp_path / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    visit = Visit(browser, tmp_path / "site" / "index.html")
    page = visit.page
    page.get_by_role("link", name="Reviewing a network").first.click()
    assert page.url == (tmp_path / "site" / "reviewing.html").as_uri()
    assert page.locator("h1").first.text_content().startswith("Reviewing a network")
    page.locator("input[data-md-component=search-query]").click()
    page.keyboard.type("single-point-of-failure", delay=20)
    found = page.locator(".md-search-result__item a")
    found.first.wait_for(timeout=20_000)
    assert any(href.startswith((tmp_path / "site" / "reviewing.html").as_uri())
               and href.endswith("#every-rule")
               for href in (a.get_attribute("href") for a in found.all()))
    visit.clean()


def test_an_inferred_reporting_line_is_drawn_dashed_on_the_org_chart(browser, out, tmp_path):
    """The Wessex county's committees, imported from its ModernGov site with its
    committee structure page: every line is inferred but the Cabinet's, given as stated
    (formal) as a register would. On the org chart of the council and the committees
    reporting to it, at 1366x768, the inferred lines are drawn dashed, the stated one
    solid, the names can be read, and the legend says which line is which."""
    from dataclasses import replace

    from graphmodel.importers.moderngov import import_moderngov

    site = write_county_site(tmp_path / "site", structure=True)
    net = open_source(import_moderngov(str(site), tmp_path / "wessex", council=COUNTY).path)
    cabinet = "committee-2--reports-to--committee-1"
    net.tables["reporting_lines"][cabinet] = replace(net.reporting_lines[cabinet],
                                                     kind="formal")
    m = make_map(net, "accountability", focus="committee-1")
    assert {n.shape for n in m.nodes} == {"box"}          # an org chart of named boxes
    visit = Visit(browser, write_map(m, out / "inferred-lines.html"), 1366, 768)
    visit.drawn("map-accountability")
    dashes = visit.page.evaluate(
        "(n => Object.fromEntries(Object.values(n.body.edges).map(e => "
        "[e.id, e.options.dashes])))(GM.maps['map-accountability'].network)")
    lines = {e.key: e for e in m.edges if e.relationship == "reports_to"}
    assert len(lines) == 8
    assert {b["id"] for b in visit.page.evaluate("GM.maps['map-accountability'].labels()")} \
        == {n.key for n in m.nodes}                       # every name drawn
    for key, edge in lines.items():
        expected = False if key == f"reports_to:{cabinet}" else [8, 6]
        assert dashes[key] == expected, (key, dashes[key])
    legend = visit.page.locator("#map-accountability .gm-legend").inner_text()
    assert "reports to: inferred (the source implies it, does not state it)" in legend
    assert "\nreports to\n" in f"\n{legend}\n"          # the stated line's look too
    visit.shot("inferred-lines-org-chart")
    visit.clean()
