"""A council's representation and overlaps maps with its people folded into its bodies."""
from __future__ import annotations

import collections
import re

import pytest

from graphmodel import open_source
from graphmodel.generate.council import council_network
from graphmodel.maps import FOLD_ABOVE, labels, make_map, write_map
from graphmodel.maps.folded import SMALL, SMALL_SQUARE, UNLINED, Item, band_layout
from graphmodel.maps.image import legend_labels
from graphmodel.maps.page import map_page
from graphmodel.maps.scene import draw, prepare

from test_maps import HARBOROUGH_DAY, SEED


@pytest.fixture(scope="module")
def review():
    return prepare(council_network(0))


@pytest.fixture(scope="module")
def representation(review):
    return draw(review, "representation")


@pytest.fixture(scope="module")
def overlaps(review):
    return draw(review, "overlaps")


def ours(network) -> dict[str, list]:
    """The council's seats on each body: body id -> memberships."""
    seats = collections.defaultdict(list)
    for m in network.memberships.values():
        if m.on_behalf_of == "o1":
            seats[m.body].append(m)
    return seats


def test_the_representation_map_draws_every_body_and_no_person(review, representation):
    assert {n.key for n in representation.nodes} == {f"body:{b}" for b in review.current.bodies}
    held = {n.key for n in representation.full.nodes if n.type == "person"}
    assert representation.folded == f"{len(held)} people folded into their bodies"
    assert len(representation.full.nodes) > FOLD_ABOVE


def test_each_body_counts_and_lists_the_councils_seats_on_it(review, representation):
    seats = ours(review.current)
    people = review.current.people
    for n in representation.nodes:
        mine = seats.get(n.id, [])
        if not mine:
            assert "seat" not in n.label
            continue
        facts = dict(n.facts)
        listed = facts[f"Seats held on behalf of {review.org_name}"]
        assert listed.startswith(f"{len(mine)}: ")
        assert all(people[m.person].name in listed for m in mine)
        if n.font == labels.MAJOR:
            assert n.label.endswith(f"\n{len(mine)} seat" + ("s" if len(mine) > 1 else ""))
    full = next(n for n in representation.nodes if n.name == "Full Council")
    chair = next(m for m in seats[full.id] if m.role == "chair")
    assert dict(full.facts)[f"Seats held on behalf of {review.org_name}"].split(": ", 1)[1]\
        .startswith(f"{people[chair.person].name} (chair); ")


def test_bodies_are_coloured_by_the_councils_seat_status(review, representation):
    status = {n.id: n.status for n in representation.nodes}
    seats = ours(review.current)
    for body in review.current.bodies.values():
        if body.organisation == "o1":
            assert status[body.id] == "own"
        elif "o1" in body.no_seat_for:   # the bodies it withdrew from
            assert status[body.id] == "unrepresented"
        elif seats[body.id]:
            assert status[body.id] == "represented"
        else:   # a vacancy: the right to appoint, no one appointed: no seat for it
            assert status[body.id] == "unrepresented"


def test_the_bodies_are_set_out_in_a_band_per_category_with_its_caption(review, representation):
    captions = {text: (x, y) for x, y, text in representation.captions}
    categories = {b.category for b in review.current.bodies.values()}
    assert set(captions) == categories
    for n in representation.nodes:
        body = review.current.bodies[n.id]
        x, y = captions[body.category]
        assert n.y > y and n.x >= x   # under its band's caption
    assert_no_two_overlap(representation)


def box(n):
    if n.shape == "square":
        return (n.x - n.size, n.y - n.size, n.x + n.size, n.y + n.size)
    w, h = labels.box_size([n.label])
    return (n.x - w / 2, n.y - h / 2, n.x + w / 2, n.y + h / 2)


def assert_no_two_overlap(m):
    boxes = [(n.key, box(n)) for n in m.nodes]
    for i, (a, p) in enumerate(boxes):
        for b, q in boxes[i + 1:]:
            assert not (p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]), (a, b)


def test_the_subjects_of_warnings_are_named_and_the_rest_small_squares(representation):
    warned = [n for n in representation.nodes if n.flagged]
    assert warned and all(n.font == labels.MAJOR and n.label.startswith("\u26a0 ")
                          for n in warned)
    small = [n for n in representation.nodes if n.font != labels.MAJOR]
    assert small and all(n.shape == "square" and n.size == SMALL and n.label == ""
                         and n.name for n in small)


def test_the_overlaps_map_links_bodies_by_the_members_they_share(review, overlaps):
    on = collections.defaultdict(set)
    for m in review.current.memberships.values():
        if m.person:
            on[m.person].add(m.body)
    several = {p: bodies for p, bodies in on.items() if len(bodies) >= 2}
    shared = collections.Counter((a, b) for bodies in several.values()
                                 for a in bodies for b in bodies if a < b)
    drawn = {tuple(sorted((e.source[5:], e.target[5:]))): e for e in overlaps.edges}
    least = int(re.search(r"those of (\d+) or more", overlaps.notice).group(1))
    strong = {pair for pair, n in shared.items() if n >= least}
    assert set(drawn) <= strong
    assert f"{len(drawn)} of {len(shared):,} links drawn" in overlaps.notice
    for pair, edge in drawn.items():
        names = dict(edge.facts)["Shared members"]
        assert names.startswith(f"{shared[pair]}: ")
    # a strong link with no line (it would cross a name) is in both its bodies' details
    unlined = strong - set(drawn)
    assert f"({len(unlined)} more in the details)" in overlaps.notice
    bodies = {n.id: n for n in overlaps.nodes}
    for a, b in unlined:
        said = dict(bodies[a].facts)[UNLINED]
        assert f"{bodies[b].name} ({shared[a, b]})" in said.split("; ")
    assert {n.type for n in overlaps.nodes} == {"body"}
    assert {n.type for n in overlaps.full.nodes} >= {"body", "person"}


def test_a_council_under_the_size_or_a_focus_or_fold_above_none_draws_its_people(review):
    assert {n.type for n in draw(review, "representation", fold_above=None).nodes} >= {"person"}
    focused = draw(review, "representation", focus="Cabinet")
    assert focused.full is None and "person" in {n.type for n in focused.nodes}
    big = draw(review, "representation", fold_above=10_000)
    assert big.full is None and big.folded is None


def test_the_seed_maps_are_small_enough_to_draw_whole():
    m = make_map(open_source(SEED / "harborough"), "representation", as_of=HARBOROUGH_DAY)
    assert m.full is None and {"person", "post"} & {n.type for n in m.nodes}


def test_the_page_holds_the_folded_map_and_hidden_the_one_with_people(representation,
                                                                      tmp_path):
    page = write_map(representation, tmp_path / "map.html").read_text(encoding="utf-8")
    assert page == map_page(representation)
    assert re.search(r'<section class="gm-map" id="map-representation-people" data-gm-map '
                     r'data-lazy hidden', page)
    assert (f"{representation.folded}: <button type=\"button\" class=\"gm-unfold\" "
            f"data-show=\"map-representation-people\"") in page
    assert "fold them into their bodies" in page


def test_bands_keep_every_name_readable_and_drop_names_only_when_they_must():
    few = [Item(f"body:{i}", "Council committees", f"Committee {i}") for i in range(10)]
    laid = band_layout(few)
    assert laid.named == {i.key for i in few}
    assert laid.scale * labels.MAJOR >= 12.5
    many = [Item(f"body:{i}", f"Category {i % 8}", f"A rather long body name number {i}",
                 must=i % 50 == 0, rank=i) for i in range(300)]
    laid = band_layout(many)
    assert laid.scale * labels.MAJOR >= 12.5
    assert {i.key for i in many if i.must} <= laid.named < {i.key for i in many}
    named_ranks = [i.rank for i in many if i.key in laid.named and not i.must]
    assert min(named_ranks) > max(i.rank for i in many if i.key not in laid.named)


def test_the_images_legend_says_what_the_pages_legend_says_of_a_small_square(representation):
    """A folded map's image for papers explains its small squares, as the page does."""
    from graphmodel.maps.page import legend_html

    assert SMALL_SQUARE in legend_html(representation, 2)
    said = legend_labels(representation)
    assert any(text.startswith(SMALL_SQUARE) for text in said)
    assert any(n.flagged for n in representation.nodes) and any(
        text.startswith("Subject of a warning") for text in said)
    whole = draw(prepare(open_source(SEED / "harborough"), as_of=HARBOROUGH_DAY),
                 "representation")
    assert not any(text.startswith(SMALL_SQUARE) for text in legend_labels(whole))
