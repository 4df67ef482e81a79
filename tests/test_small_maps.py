"""Small maps drawn right: no line over a name, a map of one or two nodes at its normal
size, every register's representation drawn, every band of a slide captioned.

The browser tests measure what vis-network itself draws in Debian's chromium at
1366x768: each link's path (its own curve, sampled) against the box of every name
shown, on every seed map, every slide of each seed deck and every map of each review
pack, as ``graphmodel demo`` writes them.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from graphmodel.demo import run_demo
from graphmodel.maps import make_map, write_map
from graphmodel.maps.deck import write_deck
from graphmodel.maps.scene import NO_LINE, draw, prepare
from graphmodel.model import Body, Dataset, Document, Membership, Network, Organisation, Person
from graphmodel.pack import write_report

from test_browser import Visit, browser, out  # noqa: F401  (the browser and its pages)
from map_measures import measure
from test_maps import HARBOROUGH_DAY, LEEDS_DAY, SEED


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """The seed datasets' maps, decks and review packs, as ``graphmodel demo`` writes them."""
    where = tmp_path_factory.mktemp("demo")
    run_demo(str(SEED), echo=lambda line: None, out=str(where))
    return where


PAGES = [(d, page) for d in ("harborough", "leeds")
         for page in ("network", "accountability", "representation", "overlaps", "ego",
                      "deck", "review/index")]


@pytest.mark.parametrize("dataset, page", PAGES)
def test_no_line_crosses_a_name_on_any_seed_map_slide_or_pack_map(browser, demo, dataset,
                                                                  page):
    """Every link drawn, straight or curved, passes clear of every name shown at the first
    view at 1366x768, its own nodes' names too (a name above or beneath its shape, where
    a line leaving the node would run through it), and every name is 12 px or more."""
    path = demo / dataset / f"{page}.html"
    visit = Visit(browser, path, 1366, 768)
    if not visit.page.locator("[data-gm-map]").count():   # Harborough's one reporting line
        assert (dataset, page) == ("harborough", "accountability")
        visit.clean()
        return
    found = {}
    if page == "deck":
        for number in range(1, visit.page.locator(".gm-slide").count() + 1):
            visit.page.evaluate(f"GM.slide({number - 1})")
            if visit.page.locator(f"#slide-{number}-map[data-gm-map]").count():
                found[f"slide {number}"] = measure(visit, f"slide-{number}-map")
                found[f"slide {number}"]["cut off"] = _cut_off(visit, f"slide-{number}-map")
    else:
        for map_id in visit.page.evaluate(
                "[...document.querySelectorAll('[data-gm-map]')].map(s => s.id)"):
            visit.page.evaluate(f"GM.init(document.getElementById({map_id!r}))")
            found[map_id] = measure(visit, map_id)
    assert found, path
    assert {where: m["crossings"] for where, m in found.items() if m["crossings"]} == {}
    assert {where: m["small"] for where, m in found.items() if m["small"]} == {}
    assert {where: m["cut off"] for where, m in found.items() if m.get("cut off")} == {}
    assert all(m["names"] for m in found.values()), found
    visit.clean()


WARNED = r"""
(id => {
  const m = GM.maps[id], body = m.network.body, later = m.data.namesOnZoom || {};
  return body.nodeIndices.filter(k => (body.nodes[k].options.label || later[k] || "")
    .startsWith("\u26a0"));
})
"""
"""The nodes of a map whose names carry the warning sign, drawn or waiting for the zoom."""


@pytest.mark.parametrize("dataset, page", [(d, page) for d in ("harborough", "leeds") for page in
                                           ("network", "accountability", "representation",
                                            "overlaps", "deck")])
def test_every_warnings_subject_is_named_at_the_first_view(browser, demo, dataset, page):
    """On each seed map and each slide of each seed deck at 1366x768, every subject of a
    warning (its name marked with the warning sign) is named as vis-network draws it at
    the first view, solid and no smaller than 12 px, and no two names overlap: on
    Harborough's whole network, the Health and Wellbeing Board, the Welland Market Towns
    Group and the Director of Community Services among them."""
    from test_browser import overlapping

    visit = Visit(browser, demo / dataset / f"{page}.html", 1366, 768)
    unnamed, crowded, warned = {}, {}, set()

    def look(map_id: str) -> None:
        visit.drawn(map_id)
        names = visit.page.evaluate(f"GM.maps[{map_id!r}].labels()")
        named = {n["id"] for n in names if n["solid"] and n["font"] >= 12}
        subjects = set(visit.page.evaluate(f"{WARNED}({map_id!r})"))
        warned.update(subjects)
        if subjects - named:
            unnamed[map_id] = sorted(subjects - named)
        if overlapping(names):
            crowded[map_id] = overlapping(names)

    if page == "deck":
        for number in range(1, visit.page.locator(".gm-slide").count() + 1):
            visit.page.evaluate(f"GM.slide({number - 1})")
            if visit.page.locator(f"#slide-{number}-map[data-gm-map]").count():
                look(f"slide-{number}-map")
    elif visit.page.locator("[data-gm-map]").count():   # (not Harborough's one reporting line)
        look(f"map-{page}")
    assert unnamed == {} and crowded == {}
    assert warned or (dataset, page) == ("harborough", "accountability")
    if (dataset, page) == ("harborough", "deck"):
        assert {"body:leicestershire-health-wellbeing-board", "body:welland-market-towns-group",
                "post:hdc-director-community-services"} <= warned
    visit.clean()


def _cut_off(visit: Visit, map_id: str) -> list[str]:
    """The names that run past the edge of the map's canvas (a name drawn above its
    shape at the top of a slide, say)."""
    box = visit.page.locator(f"#{map_id}-canvas").bounding_box()
    return [n["id"] for n in visit.page.evaluate(f"GM.maps[{map_id!r}].labels()")
            if n["x"] < -1 or n["y"] < -1 or n["x"] + n["width"] > box["width"] + 1
            or n["y"] + n["height"] > box["height"] + 1]


def _finding_section(visit: Visit, heading: str) -> str:
    return visit.page.evaluate(
        "h => [...document.querySelectorAll('[data-gm-map]')].find(s => "
        "s.querySelector('h3').textContent === h).id", heading)


def _on_screen(visit: Visit, map_id: str) -> dict:
    """Each node's shape and name as vis-network draws them, in pixels, and the canvas."""
    visit.page.evaluate(f"GM.init(document.getElementById({map_id!r}))")
    visit.page.evaluate(f"document.getElementById({map_id!r}).scrollIntoView()")
    visit.drawn(map_id)
    return {"shapes": visit.page.evaluate(f"GM.maps[{map_id!r}].shapes()"),
            "names": visit.page.evaluate(f"GM.maps[{map_id!r}].labels()"),
            "canvas": visit.page.locator(f"#{map_id}-canvas").bounding_box()}


def test_a_finding_map_of_one_or_two_nodes_draws_them_at_normal_size_with_names(browser, out,
                                                                            harborough):
    """The Leicestershire Rural Partnership's map is one board: drawn as large as a board
    on any map (not a disc filling the canvas), with its name. A two-node map draws the
    pair side by side, near each other, both named, not from corner to corner."""
    pack = write_report(harborough, out / "small-pack", as_of=HARBOROUGH_DAY)["index.html"]
    visit = Visit(browser, pack, 1366, 768)
    one = _on_screen(visit, _finding_section(
        visit, "Leicestershire Rural Partnership: unrepresented"))
    [shape] = one["shapes"]
    # a board is 32 units across (and its thick outline), and the map no larger than its
    # frame fitted to the canvas: as on a map that fills the canvas
    assert 24 <= shape["width"] <= 36
    [name] = one["names"]
    assert name["id"] == "body:leicestershire-rural-partnership" and 12 <= name["font"] <= 20
    two = _on_screen(visit, _finding_section(
        visit, "Leicestershire Parking Partnership Board: recommendation"))
    assert len(two["shapes"]) == 2 and len(two["names"]) == 2
    a, b = two["shapes"]
    centres = [(s["x"] + s["width"] / 2, s["y"] + s["height"] / 2) for s in (a, b)]
    assert abs(centres[0][1] - centres[1][1]) < 1          # side by side
    assert abs(centres[0][0] - centres[1][0]) < 0.5 * two["canvas"]["width"]
    assert max(s["width"] for s in (a, b)) <= 36
    visit.shot("small-pack-one-node")
    visit.clean()


def small_register() -> Network:
    """Two bodies: the council has a seat on one, and none on the other."""
    doc = dict(source_document="register", source_section="1")
    return Network(Dataset("small", "Small register", "council", "two bodies"), [
        Document("register", "Register of outside bodies", "Small Council", "2024-05-01", ""),
        Organisation("council", "Small Council", "local_authority", **doc),
        Body("arts-trust", "Small Arts Trust", "trust", **doc),
        Body("water-board", "Valley Water Board", "partnership_board",
             no_seat_for=("council",), **doc),
        Person("ann", "Ann Smith", "elected_member", "council", **doc),
        Membership("m-ann", "arts-trust", person="ann", on_behalf_of="council", **doc),
    ])


def test_a_register_of_two_bodies_has_its_representation_drawn_by_seat_status():
    """The body where the council has no seat is the point of the view: it is drawn, red,
    and named, however little else there is; the deck's slide draws it too."""
    rv = prepare(small_register(), as_of="2024-05-01")
    m = draw(rv, "representation")
    assert m.sparse is None
    status = {n.key: n.status for n in m.nodes}
    assert status == {"body:arts-trust": "represented", "body:water-board": "unrepresented",
                      "organisation:council": None, "person:ann": None}
    named = {n.key for n in m.nodes if n.font == 18}
    assert {"body:water-board", "organisation:council"} <= named


def test_the_small_registers_deck_and_map_draw_the_body_with_no_seat(browser, out):
    network = small_register()
    visit = Visit(browser, write_deck(network, out / "small-deck.html", as_of="2024-05-01"),
                  1366, 768)
    number = 1 + next(i for i, t in enumerate(visit.page.locator(".gm-slide").evaluate_all(
        "s => s.map(e => e.getAttribute('aria-label'))")) if "has a seat" in t)
    visit.page.evaluate(f"GM.slide({number - 1})")
    found = measure(visit, f"slide-{number}-map")
    assert found["crossings"] == [] and found["small"] == []
    names = {b["id"] for b in visit.page.evaluate(f"GM.maps['slide-{number}-map'].labels()")}
    assert "body:water-board" in names
    assert "too little to draw" not in visit.page.locator(f"#slide-{number}").inner_text()
    visit.clean()
    m = make_map(network, "representation", as_of="2024-05-01")
    visit = Visit(browser, write_map(m, out / "small-representation.html"), 1366, 768)
    assert "body:water-board" in {b["id"] for b in measure_names(visit, "map-representation")}
    visit.clean()


def measure_names(visit: Visit, map_id: str) -> list[dict]:
    visit.drawn(map_id)
    return visit.page.evaluate(f"GM.maps[{map_id!r}].labels()")


def _captions(visit: Visit, map_id: str) -> list[str]:
    return [c["text"] for c in visit.page.evaluate(f"GM.maps[{map_id!r}].data.captions")]


def test_the_leeds_accountability_slide_is_an_org_chart_with_its_band_captioned(browser, out,
                                                                              leeds):
    """On the slide, as on the page, the boards are named boxes (their names 12 px or
    more), reporting lines run clear of every name, and the bodies with no reporting line
    sit in a band under its caption, so that they do not read as reporting to the row
    above."""
    visit = Visit(browser, write_deck(leeds, out / "leeds-deck.html", as_of=LEEDS_DAY),
                  1366, 768)
    number = 1 + next(i for i, t in enumerate(visit.page.locator(".gm-slide").evaluate_all(
        "s => s.map(e => e.getAttribute('aria-label'))")) if "accountable" in t)
    visit.page.evaluate(f"GM.slide({number - 1})")
    map_id = f"slide-{number}-map"
    found = measure(visit, map_id)
    assert found["crossings"] == [] and found["small"] == []
    shapes = visit.page.evaluate(f"(n => n.body.nodeIndices.map(i => n.body.nodes[i].options"
                                 f".shape))(GM.maps[{map_id!r}].network)")
    assert set(shapes) == {"box"}
    named = {b["id"] for b in visit.page.evaluate(f"GM.maps[{map_id!r}].labels()")}
    assert {"body:childrens-trust-board", "body:ssc-partnership-board",
            "body:full-council"} <= named
    assert len(named) == len(shapes)        # every body named
    assert _captions(visit, map_id) == [NO_LINE]
    visit.shot("leeds-deck-accountability")
    visit.clean()


def test_an_accountability_map_drawn_in_layers_captions_its_band_too(browser, out, leeds):
    """Where the boxes would be too small to read (a canvas this low), the view is drawn
    in layers of shapes: its band of bodies with no reporting line still has its caption,
    and no line crosses a name."""
    rv = prepare(leeds, as_of=LEEDS_DAY)
    m = draw(rv, "accountability", frame=(900.0, 300.0))
    assert {n.shape for n in m.nodes} == {None}          # layers, not boxes
    assert [text for _, _, text in m.captions] == [NO_LINE]
    from graphmodel.maps.page import map_page, write_html

    visit = Visit(browser, write_html(map_page(m), out / "layers.html"), 1366, 768)
    found = measure(visit, m.id)
    assert found["crossings"] == [] and found["small"] == []
    visit.shot("leeds-accountability-layers")
    visit.clean()
