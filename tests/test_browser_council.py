"""A council's maps at 1366x768, in a real headless Chromium: the representation and
overlaps views of the generator's council profile, its people folded into its bodies.

Measured from vis-network's own boxes of the names and nodes it draws at the first view.
"""
from __future__ import annotations

import pytest

from graphmodel.generate.council import council_network
from graphmodel.maps import labels, make_map, write_map
from graphmodel.maps.communities import find

from test_browser import Visit, browser, labels_on_shapes, outside, overlapping  # noqa: F401
from map_measures import CROSSINGS

FOLDED = ("representation", "overlaps")
FIRST_PAINT_MS = 2500
"""The first paint is meant to take under a second; asserted loosely (the machine that
runs the tests may be busy) and printed."""


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return tmp_path_factory.mktemp("council-pages")


@pytest.fixture(scope="module")
def committees():
    """A county council's committees alone (about 40 bodies)."""
    return council_network(0, outside_bodies=False)


@pytest.fixture(scope="module")
def council():
    """... and the outside bodies it appoints to (100 to 160 bodies in all)."""
    return council_network(0)


def first_view(browser, out, network, view: str, name: str):
    m = make_map(network, view)
    visit = Visit(browser, write_map(m, out / f"{name}-{view}.html"), 1366, 768)
    visit.drawn(f"map-{view}")
    api = f"GM.maps['map-{view}']"
    seen = {"names": visit.page.evaluate(f"{api}.labels()"),
            "shapes": visit.page.evaluate(f"{api}.shapes()"),
            "captions": visit.page.evaluate(f"{api}.captions()"),
            "canvas": visit.page.locator(f"#map-{view}-canvas").bounding_box(),
            "paint": visit.page.evaluate(
                "performance.getEntriesByName('graphmodel-first-paint')[0].startTime")}
    return m, visit, seen


def assert_legible(m, visit, seen, view: str) -> None:
    """Names at least 12 px, solid, none over another name or node or past the canvas;
    captions as large, over no name or node; the legend in view; a quick first paint."""
    names, shapes, captions = seen["names"], seen["shapes"], seen["captions"]
    assert min(b["font"] for b in names) >= 12
    assert [b["id"] for b in names if not b["solid"]] == []
    assert overlapping(names) == []
    assert labels_on_shapes(names, shapes) == []
    assert outside(names, seen["canvas"]) == []
    boxes = [{**c, "id": f"caption:{c['text']}"} for c in captions]
    assert min(c["font"] for c in captions) >= 12
    assert overlapping(boxes) == []
    assert labels_on_shapes(boxes, shapes) == [] and labels_on_shapes(boxes, names) == []
    assert outside(boxes, seen["canvas"]) == []
    assert visit.in_view(f"#map-{view} .gm-legend")
    print(f"{m.title}: first paint {seen['paint']:.0f} ms, {len(names)} names of "
          f"{len(m.nodes)} bodies, {len(captions)} bands")
    assert seen["paint"] <= FIRST_PAINT_MS


@pytest.mark.parametrize("view", FOLDED)
def test_a_councils_committees_are_all_named_at_the_first_view(browser, out, committees, view):
    """Up to 60 bodies (a council's committees alone): every body with a member is named,
    its people folded into it."""
    m, visit, seen = first_view(browser, out, committees, view, "committees")
    assert 30 <= len(m.nodes) <= 60 and {n.type for n in m.nodes} == {"body"}
    with_members = {n.key for n in m.nodes if any(label.startswith(("Seats held", "Members on"))
                                                  for label, _ in n.facts)}
    assert len(with_members) >= 30
    assert with_members <= {b["id"] for b in seen["names"]}
    assert_legible(m, visit, seen, view)
    visit.shot(f"council-committees-{view}")
    visit.clean()


@pytest.mark.parametrize("view", FOLDED)
def test_with_its_outside_bodies_every_category_and_warning_is_named(browser, out, council, view):
    """100 to 160 bodies: every category's caption and every body that is the subject of
    a warning are named at the first view; any other body is one click away."""
    m, visit, seen = first_view(browser, out, council, view, "council")
    assert 100 <= len(m.nodes) <= 160
    categories = {b.category for b in council.bodies.values()
                  if f"body:{b.id}" in {n.key for n in m.nodes}}
    assert {c["text"] for c in seen["captions"]} == categories
    warned = {n.key for n in m.nodes if n.flagged}
    if view == "representation":   # the bodies the council left: no seat
        assert {n.key for n in m.nodes if n.status == "unrepresented"} <= warned
        assert warned
    assert warned <= {b["id"] for b in seen["names"]}
    assert_legible(m, visit, seen, view)
    visit.shot(f"council-{view}")
    unnamed = next(n for n in m.nodes if n.font == labels.MINOR and n.key not in warned)
    visit.click_node(f"map-{view}", unnamed.key)
    details = visit.page.locator(f"#map-{view}-details").inner_text()
    assert unnamed.name in details
    visit.clean()


def test_the_page_says_what_was_folded_and_a_button_brings_the_people_back(browser, out,
                                                                           council):
    m, visit, seen = first_view(browser, out, council, "representation", "council-unfold")
    people = m.full.nodes
    held = sum(1 for n in people if n.type == "person")
    said = visit.page.locator("#map-representation .gm-folded").inner_text()
    assert said.startswith(f"{held} people folded into their bodies")
    assert visit.page.locator("#map-representation-people").is_hidden()
    visit.page.get_by_role("button", name="show people").click()
    visit.drawn("map-representation-people")
    assert visit.page.locator("#map-representation").is_hidden()
    assert visit.counts("map-representation-people")[0] == len(people)
    visit.page.get_by_role("button", name="fold them into their bodies").click()
    assert visit.page.locator("#map-representation").is_visible()
    visit.clean()


def test_the_network_view_of_a_council_is_drawn_as_its_communities(browser, out, council):
    """The whole network (over 200 nodes) laid out as its Louvain communities, each under
    its caption and apart from the others: at least 25 names at 12 px or more at the
    first view, bodies' and the subjects of warnings' first, none over another name or
    node nor crossed by a line; the links between communities drawn with a node's
    selection; the legend in view."""
    m, visit, seen = first_view(browser, out, council, "network", "council")
    assert len(m.nodes) > 200
    assert len(seen["names"]) >= 25
    assert len(seen["captions"]) >= 5
    named = {b["id"] for b in seen["names"]}
    warned = {n.key for n in m.nodes if n.flagged}
    assert len(warned) >= 25 and warned <= named
    people = {n.key for n in m.nodes if n.type == "person"}
    assert named - warned and (named - warned).isdisjoint(people)   # hubs: bodies first
    assert any(c["text"].startswith("Around Full Council") for c in seen["captions"])
    assert_legible(m, visit, seen, "network")
    drawn = visit.page.evaluate(f"{CROSSINGS}('map-network')")
    assert drawn["crossings"] == [] and drawn["names"] == len(named)
    # an empty gutter, in pixels, between any two communities' nodes and names
    found = find([n.key for n in m.nodes], [(e.source, e.target) for e in m.edges])
    boxes = [_around([b for b in seen["shapes"] + seen["names"] if b["id"] in set(c)])
             for c in found]
    gutters = [max(b[0] - a[2], a[0] - b[2], b[1] - a[3], a[1] - b[3])
               for i, a in enumerate(boxes) for b in boxes[i + 1:]]
    print(f"narrowest gutter between communities: {min(gutters):.0f} px")
    assert min(gutters) >= 12
    visit.shot("council-network")
    # the Full Council's links to the other communities appear with its selection
    council_key = next(n.key for n in m.nodes if n.label == "Full Council")
    shown = "GM.maps['map-network'].edges.get({filter: e => !e.hidden}).length"
    before = visit.page.evaluate(shown)
    visit.page.evaluate(f"GM.maps['map-network'].select({council_key!r}, false)")
    between = {e.key for e in m.edges if e.on_selection and council_key in (e.source, e.target)}
    assert between and visit.page.evaluate(shown) == before + len(between)
    visit.page.evaluate("GM.maps['map-network'].clear()")
    assert visit.page.evaluate(shown) == before
    visit.clean()


def _around(parts: list[dict]) -> tuple[float, float, float, float]:
    return (min(p["x"] for p in parts), min(p["y"] for p in parts),
            max(p["x"] + p["width"] for p in parts), max(p["y"] + p["height"] for p in parts))
