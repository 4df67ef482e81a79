"""A council's whole network view, drawn as its communities under their captions."""
from __future__ import annotations

import pytest

from graphmodel import open_source
from graphmodel.generate.council import council_network
from graphmodel.maps import labels
from graphmodel.maps.communities import COMMUNITIES_ABOVE, caption, find, regions
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


def test_each_community_is_drawn_in_a_region_of_its_own_under_its_caption(review, network):
    keys = [n.key for n in network.nodes]
    links = [(e.source, e.target) for e in network.edges]
    found = find(keys, links)
    assert len(found) >= 5 and sorted(k for c in found for k in c) == sorted(keys)
    at = {n.key: (n.x, n.y) for n in network.nodes}
    # a caption heads each community: its first line stands above and left of its nodes
    firsts = [c for c in network.captions if c[2].startswith(("Around ", *{
        b.category for b in review.network.bodies.values() if b.category}))]
    assert len(firsts) == len(found)
    for community in found:
        xs, ys = [at[k][0] for k in community], [at[k][1] for k in community]
        above = [c for c in firsts if c[1] < min(ys) and c[0] <= min(xs) + 60]
        assert above, community[:3]


def test_the_subjects_of_warnings_are_named_first_and_the_rest_wait_for_the_zoom(network):
    warned = {n.key for n in network.nodes if n.flagged}
    named = {n.key for n in network.nodes if n.font == labels.MAJOR}
    assert warned and warned <= named
    assert len(named) >= 25
    assert {n.type for n in network.nodes if n.key in named - warned} <= {"body", "organisation"}
    small = [n for n in network.nodes if n.key not in named]
    assert small and all(n.size < 10 for n in small)


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
