"""A council's whole network view, drawn as its communities under their captions."""
from __future__ import annotations

import pytest

from graphmodel import open_source
from graphmodel.generate.council import council_network
from graphmodel.maps import labels
from graphmodel.maps.communities import (COMMUNITIES_ABOVE, GAPS, caption, caption_box, find,
                                         node_box, regions, union)
from graphmodel.maps.scene import draw, prepare

from test_maps import SEED


@pytest.fixture(scope="module")
def review():
    return prepare(council_network(0))


@pytest.fixture(scope="module")
def network(review):
    return draw(review, "network")


def test_the_same_council_gives_the_same_communities_and_the_same_map(review, network):
    again = draw(review, "network")
    assert [(n.key, n.x, n.y, n.font) for n in again.nodes] == \
        [(n.key, n.x, n.y, n.font) for n in network.nodes]
    assert again.captions == network.captions


def _boxes(network, community):
    """The box round a community's nodes and the names they show, in the map's units."""
    parts = [(n.x + b[0], n.y + b[1], n.x + b[2], n.y + b[3]) for n in network.nodes
             if n.key in community
             for b in node_box(n.size, n.label if n.font == labels.MAJOR else None)]
    return union(parts)


def test_each_community_is_drawn_in_a_region_of_its_own_under_its_caption(review, network):
    keys = [n.key for n in network.nodes]
    links = [(e.source, e.target) for e in network.edges]
    found = find(keys, links)
    assert len(found) >= 5 and sorted(k for c in found for k in c) == sorted(keys)
    boxes = [_boxes(network, set(c)) for c in found]
    # an empty gutter between any two communities, their names and all
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert max(b[0] - a[2], a[0] - b[2], b[1] - a[3], a[1] - b[3]) >= min(GAPS)
    # a caption heads each community: a line of it stands just above its nodes
    for community, box in zip(found, boxes):
        above = [c for c in network.captions
                 if box[0] - 10 <= c[0] <= box[2] and box[1] - 120 < c[1] < box[1]]
        assert above, community[:3]
        caption_boxes = [caption_box(*c) for c in network.captions]
        assert not any(c[0] < box[2] and box[0] < c[2] and c[1] < box[3] and box[1] < c[3]
                       and inside for c in caption_boxes
                       for inside in [any(c[0] < n.x < c[2] and c[1] < n.y < c[3]
                                          for n in network.nodes)])


def test_the_links_between_communities_wait_for_a_nodes_selection(network):
    """The links between communities, and those no bend keeps clear of a name, are left
    out of the first view (drawn with a node's selection); those drawn cross no name."""
    keys = [n.key for n in network.nodes]
    found = find(keys, [(e.source, e.target) for e in network.edges])
    community = {k: i for i, c in enumerate(found) for k in c}
    between = [e for e in network.edges if community[e.source] != community[e.target]]
    assert between and all(e.on_selection for e in between)
    drawn = [e for e in network.edges if not e.on_selection]
    assert len(drawn) >= 100
    assert "between communities or across names, drawn when a node is selected" in \
        network.summary


def test_the_subjects_of_warnings_are_named_first_and_the_rest_wait_for_the_zoom(network):
    warned = {n.key for n in network.nodes if n.flagged}
    named = {n.key for n in network.nodes if n.font == labels.MAJOR}
    assert warned and warned <= named
    assert len(named) >= 25
    assert {n.type for n in network.nodes if n.key in named - warned} <= {"body", "organisation"}
    small = [n for n in network.nodes if n.key not in named]
    assert small and all(n.size < 10 for n in small)


def test_where_the_hubs_and_the_warnings_do_not_all_fit_the_warnings_are_named():
    """Another council (seed 1): 51 subjects of warnings, three of them people in crowded
    communities; with the hubs named too, the people's names find no room, so the hubs
    give theirs up and every warning's subject is named."""
    m = draw(prepare(council_network(1)), "network")
    assert m.captions   # drawn as its communities
    warned = {n.key for n in m.nodes if n.flagged}
    named = {n.key for n in m.nodes if n.font == labels.MAJOR}
    assert len(warned) == 51 and {"person:p12", "person:p33", "person:p60"} <= warned
    assert warned <= named


def test_a_caption_names_a_community_by_its_category_or_its_best_connected_body():
    health = [("Adult Social Care Board", "Health and social care", 6),
              ("Carers' Forum", "Health and social care", 1), ("Arts Trust", "Culture", 1)]
    assert caption(health, 2) == "Health and social care: 3 bodies, 2 others"
    assert caption(health, 2, taken=["Health and social care"]) == \
        "Around Adult Social Care Board: 3 bodies, 2 others"


def test_the_regions_share_out_the_frame_without_overlapping():
    parts = regions([5.0, 3.0, 2.0, 1.0, 1.0], (1000.0, 600.0))
    assert sum(r.width * r.height for r in parts) == pytest.approx(600_000)
    for i, a in enumerate(parts):
        for b in parts[i + 1:]:
            assert (a.left + a.width <= b.left + 1e-6 or b.left + b.width <= a.left + 1e-6
                    or a.top + a.height <= b.top + 1e-6 or b.top + b.height <= a.top + 1e-6)


@pytest.mark.parametrize("dataset", ["leeds", "harborough"])
def test_a_seed_network_is_small_enough_to_be_drawn_whole(dataset):
    m = draw(prepare(open_source(SEED / dataset)), "network")
    assert len(m.nodes) <= COMMUNITIES_ABOVE
    assert m.captions == [] and {n.size for n in m.nodes} == {16}
