"""Overlaps: load, interlocks, brokers and single points of failure."""
from __future__ import annotations

import copy
import dataclasses
import json
import random
import subprocess
import sys
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from click.testing import CliRunner
from networkx.algorithms import bipartite
from scipy import sparse

from graphmodel import open_source
from graphmodel.analysis import overlaps
from graphmodel.analysis.centrality import Links, articulation_cuts, betweenness
from graphmodel.analysis.overlaps import Seats, incidence, interlocks, overlap_findings
from graphmodel.analysis.small_betweenness import small_betweenness
from graphmodel.cli import main
from graphmodel.generate import generate
from graphmodel.generate.council import generate_council
from graphmodel.graph import people_bodies
from graphmodel.model import Body, Membership, Network, Person, Post
from graphmodel.standards import load_rules

SEED = Path(__file__).resolve().parent.parent / "seed_data"


def rule(findings, name):
    return [f for f in findings if f.rule == name]


def add(network, *records):
    for r in records:
        table = {Body: "bodies", Membership: "memberships", Person: "people",
                 Post: "posts"}[type(r)]
        network.tables[table][r.id] = r
    return network


def test_someone_on_six_bodies_is_over_the_default_load_of_five(network):
    for i in range(6):
        add(network, Body(f"group-{i}", f"Working group {i}", "working_group"),
            Membership(f"ann-{i}", f"group-{i}", person="ann", on_behalf_of="council",
                       end="2013-06-30" if i == 5 else None))
    found = rule(overlap_findings(network, as_of="2013-06-01"), "person-load")
    assert [(f.subject.id, f.data["bodies"]) for f in found] == [("ann", 7)]  # + Safer Town Board
    assert found[0].message == (
        "Ann Smith sits on 7 current bodies (the rules suggest at most 5): Safer Town Board, "
        "Working group 0, Working group 1, Working group 2, Working group 3, Working group 4, "
        "Working group 5.")
    # the sixth group's seat ended on 30 June: on 1 July she is on six
    found = rule(overlap_findings(network, as_of="2013-07-01"), "person-load")
    assert found[0].data["bodies"] == 6
    assert {e.id for e in found[0].evidence} == {"m-ann", "ann-0", "ann-1", "ann-2", "ann-3",
                                                  "ann-4"}


def test_two_bodies_sharing_two_members_interlock(network):
    add(network, Body("forum", "Safety Forum", "partnership"),
        Membership("ann-forum", "forum", person="ann", on_behalf_of="council"),
        Membership("bob-forum", "forum", person="bob", on_behalf_of="police"))
    found = rule(overlap_findings(network, as_of="2013-01-01"), "interlock")
    assert len(found) == 1
    assert {found[0].subject.id, found[0].data["other_body"]} == {"board", "forum"}
    # board: ann, bob, the director's post; forum: ann, bob -> 2 shared of 3
    assert found[0].data["shared"] == 2 and found[0].data["jaccard"] == round(2 / 3, 4)
    assert not rule(overlap_findings(network, as_of="2013-01-01", min_shared=3), "interlock")


def test_interlocks_are_the_pairs_of_networkx_bipartite_projection(tmp_path):
    generate(tmp_path / "g", bodies=150, people=600, seed=3)
    seats = Seats(open_source(tmp_path / "g"), "2020-01-01")
    a, b, shared, jaccard = interlocks(seats.matrix(), 1)
    g = nx.Graph()
    bodies = [f"body:{x}" for x in seats.bodies]
    g.add_nodes_from(bodies)
    g.add_edges_from((seats.sitters[s], bodies[body]) for s, body in seats.held)
    projected = bipartite.weighted_projected_graph(g, bodies)
    ours = {frozenset((bodies[x], bodies[y])): int(n) for x, y, n in zip(a, b, shared)}
    theirs = {frozenset((u, v)): w for u, v, w in projected.edges(data="weight")}
    assert ours == theirs and len(ours) > 100


def networkx_interlocks(network, day):
    """Each pair of bodies sharing members, and how many, by networkx's projection of
    the people-bodies graph."""
    g = people_bodies(network.as_of(day))
    bodies = [n for n, kind in g.nodes(data="bipartite") if kind == 1]
    projected = bipartite.weighted_projected_graph(g, bodies)
    return {frozenset((u.split(":", 1)[1], v.split(":", 1)[1])): w
            for u, v, w in projected.edges(data="weight")}


def interlocks_from_memberships(network, day):
    bodies = sorted(network.as_of(day).bodies)
    a, b, shared, _ = interlocks(incidence(network, day), 1)
    return {frozenset((bodies[x], bodies[y])): int(n) for x, y, n in zip(a, b, shared)}


@pytest.mark.parametrize("source, day", [(SEED / "leeds", "2013-03-01"),
                                         (SEED / "harborough", None),
                                         ("generated", "2020-01-01")])
def test_interlocks_from_the_memberships_are_networkx_projection(tmp_path, source, day):
    if source == "generated":
        generate(tmp_path / "g", bodies=150, people=600, seed=5)
        source = tmp_path / "g"
    network = open_source(source)
    expected = networkx_interlocks(network, day)
    assert interlocks_from_memberships(network, day) == expected and expected


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("min_shared", [1, 2, 3])
def test_interlocks_are_the_pairs_of_networkxs_projection_sharing_at_least_min_shared(
        seed, min_shared):
    # people (one side of a random bipartite graph) by bodies (the other), in the order
    # networkx numbers them
    g, _ = random_bipartite(seed)
    people = [v for v in g if g.nodes[v]["bipartite"] == 0]
    bodies = [v for v in g if g.nodes[v]["bipartite"] == 1]
    matrix = sparse.csr_matrix(bipartite.biadjacency_matrix(g, people, bodies, dtype=np.int32))
    a, b, shared, jaccard = interlocks(matrix, min_shared)
    projected = bipartite.weighted_projected_graph(g, bodies)
    expected = {frozenset((u, v)): w for u, v, w in projected.edges(data="weight")
                if w >= min_shared}
    assert {frozenset((bodies[x], bodies[y])): n for x, y, n in zip(a, b, shared)} == expected
    assert (a < b).all() and list(zip(a, b)) == sorted(zip(a, b))
    members = {body: set(g[body]) for body in bodies}
    assert jaccard.tolist() == [len(members[bodies[x]] & members[bodies[y]])
                                / len(members[bodies[x]] | members[bodies[y]])
                                for x, y in zip(a, b)]


def test_a_weighted_incidence_counts_its_weights_as_the_gram_matrix_does():
    # Ann sits on the board twice over (a weight of 2), Bob once on each body
    matrix = sparse.csr_matrix(np.array([[2, 1], [1, 1]], dtype=np.int32))
    a, b, shared, jaccard = interlocks(matrix)
    assert (a.tolist(), b.tolist(), shared.tolist()) == ([0], [1], [3])
    # a matrix whose columns are out of order counts as sorted, and one holding an entry
    # twice as their sum: the second row's two entries for body 1 weigh 2, so body 1's
    # size is 3
    muddled = sparse.csr_matrix((np.ones(4, dtype=np.int32), [1, 0, 1, 1], [0, 2, 4]),
                                shape=(2, 2))
    assert [x.tolist() for x in interlocks(muddled)] == [[0], [1], [1], [1 / 3]]
    unsorted = sparse.csr_matrix((np.ones(4, dtype=np.int32), [1, 0, 1, 0], [0, 2, 4]),
                                 shape=(2, 2))
    assert [x.tolist() for x in interlocks(unsorted)] == [[0], [1], [2], [1.0]]


@pytest.mark.parametrize("letters", ["", "é"])
def test_ids_spelt_by_different_strings_or_in_other_letters_are_one_sitter_each(
        tmp_path, monkeypatch, letters):
    # the seats are told apart by the string object each id is; ids read from a file
    # share one, but a network built otherwise need not: the same ids spelt afresh for
    # each membership, or ending in other letters, give the sitters of the notebook's
    # graph in order, and its matrix
    monkeypatch.setattr(overlaps, "SMALL_SEATS", -1)    # every network counts as large
    generate(tmp_path / "g", bodies=60, people=300, seed=7)
    day = open_source(tmp_path / "g").as_of("2020-01-01")
    memberships = [
        # (a member for a post: the post's holder sits, or the post)
        dataclasses.replace(m, person=None if m.post or not m.person
                            else "".join(m.person) + letters, body="".join(m.body))
        for m in day.memberships.values()]
    # every other post's holder not named: the post itself sits
    posts = [dataclasses.replace(p, holder=p.holder + letters if p.holder and i % 2 else None)
             for i, p in enumerate(day.posts.values())]
    respelt = Network(day.dataset, [r for r in day.records()
                                    if not isinstance(r, (Membership, Post))])
    add(respelt, *memberships, *posts)
    g = people_bodies(respelt.as_of("2020-01-01"))
    sitters = [v for v, kind in g.nodes(data="bipartite") if kind == 0]
    seats = Seats(respelt, "2020-01-01")
    assert seats.sitters == sorted(sitters, key=lambda v: (not v.startswith("person:"), v))
    assert sum(v.startswith("post:") for v in sitters) == 1 and all(
        v.endswith(letters) for v in sitters if v.startswith("person:"))
    bodies = [f"body:{b}" for b in seats.bodies]
    expected = bipartite.biadjacency_matrix(g, seats.sitters, bodies, dtype=np.int32)
    assert incidence(respelt, "2020-01-01").toarray().tolist() == expected.toarray().tolist()
    assert expected.nnz > 100


def test_a_seat_whose_person_is_given_as_an_empty_id_is_the_post_s_as_the_graph_has_it(
        network, monkeypatch):
    # the director's post sits on the scrutiny committee through a membership whose
    # person is an empty id rather than none: the post sits, as it does on the board
    monkeypatch.setattr(overlaps, "SMALL_SEATS", -1)    # every network counts as large
    add(network, Membership("m-director-scrutiny", "scrutiny", person="", post="director",
                            on_behalf_of="council"))
    g = people_bodies(network.as_of("2013-01-01"))
    seats = Seats(network, "2013-01-01")
    assert seats.sitters == sorted(v for v, kind in g.nodes(data="bipartite") if kind == 0)
    bodies = [f"body:{b}" for b in seats.bodies]
    expected = bipartite.biadjacency_matrix(g, seats.sitters, bodies, dtype=np.int32)
    assert incidence(network, "2013-01-01").toarray().tolist() == expected.toarray().tolist()
    director = seats.sitters.index("post:director")
    assert [m.id for m in seats.seats_of(director)] == ["m-director", "m-director-scrutiny"]


@pytest.mark.parametrize("numbered", ["on lists", "with numpy"])
def test_a_second_seat_on_one_body_and_a_post_count_once_in_the_incidence(network, numbered,
                                                                          monkeypatch):
    # Ann holds two seats on the board, and the director's post (holder not named) sits
    # on it too: the board has three sitters, Ann once
    add(network, Membership("ann-again", "board", person="ann", on_behalf_of="council"))
    if numbered == "with numpy":
        monkeypatch.setattr(overlaps, "SMALL_SEATS", -1)    # every network counts as large
    seats = Seats(network, "2013-01-01")
    assert seats.small == (numbered == "on lists")
    board = seats.bodies.index("board")
    ann = seats.sitters.index("person:ann")
    assert incidence(network, "2013-01-01").sum(axis=0).tolist()[0][board] == \
        seats.matrix().sum(axis=0).tolist()[0][board] == len(
            {who for who, body in seats.held if body == board})
    assert [m.id for m in seats.seat(ann, board)] == ["m-ann", "ann-again"]
    assert seats.seats_of(ann) == seats.seat(ann, board)
    with pytest.raises(KeyError):
        seats.seat(ann, len(seats.bodies))


def test_the_day_s_seats_coded_for_the_rules_are_coded_afresh_when_a_seat_is_added(network):
    # the overlaps rules code the day's seats and the incidence reuses them; a body and
    # a seat added to that day's network afterwards (Ann joins the Safety Forum) count
    day = network.as_of("2013-01-01")
    overlap_findings(network, as_of="2013-01-01")
    before, seats = incidence(network, "2013-01-01"), Seats(day, current=True)
    assert len(seats.bodies) == before.shape[1] and "forum" not in seats.bodies
    add(day, Body("forum", "Safety Forum", "partnership"),
        Membership("ann-forum", "forum", person="ann", on_behalf_of="council"))
    after, seats = incidence(day, "2013-01-01"), Seats(day, current=True)
    assert after.shape == (before.shape[0], before.shape[1] + 1)
    forum, ann = seats.bodies.index("forum"), seats.sitters.index("person:ann")
    assert after[ann, forum] == 1 and after[:, forum].sum() == 1
    assert [m.id for m in seats.seat(ann, forum)] == ["ann-forum"]


def random_bipartite(seed):
    rnd = random.Random(seed)
    g = nx.bipartite.random_graph(rnd.randint(3, 40), rnd.randint(3, 25), rnd.uniform(.05, .3),
                                  seed=seed)
    return g, sparse.csr_matrix(nx.to_scipy_sparse_array(g, nodelist=range(len(g))))


@pytest.mark.parametrize("seed", range(12))
def test_betweenness_equals_networkx(seed):
    g, adjacency = random_bipartite(seed)
    scores, sampled = betweenness(adjacency)
    expected = nx.betweenness_centrality(g)
    assert sampled == 0
    assert np.allclose(scores, [expected[v] for v in range(len(g))], rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("seed", range(12))
def test_a_small_graphs_lists_give_the_matrixs_betweenness_and_cuts_to_the_last_bit(seed):
    g, adjacency = random_bipartite(seed)
    adjacency.sort_indices()
    links = Links(adjacency.indptr.tolist(), adjacency.indices.tolist())
    for sample in (None, 5):
        on_matrix, sampled = betweenness(adjacency, sample=sample, seed=seed)
        on_lists, sampled_too = betweenness(links, sample=sample, seed=seed)
        assert on_lists.tobytes() == on_matrix.tobytes() and sampled == sampled_too
    is_body = [g.nodes[v]["bipartite"] == 1 for v in range(len(g))]
    assert articulation_cuts(links, is_body) == articulation_cuts(adjacency, is_body)


@pytest.mark.parametrize("seed", range(12))
def test_a_small_graphs_betweenness_in_plain_python_is_numpys_to_the_last_bit(seed):
    g, adjacency = random_bipartite(seed)
    adjacency.sort_indices()
    plain = small_betweenness(Links(adjacency.indptr.tolist(), adjacency.indices.tolist()))
    on_matrix, _ = betweenness(adjacency)
    assert plain is not None and np.array(plain).tobytes() == on_matrix.tobytes()


def test_a_graph_of_many_shortest_paths_has_the_same_betweenness_in_plain_python():
    # every pair of the 8 x 8 grid's far corners is joined by 3,432 shortest paths
    g = nx.convert_node_labels_to_integers(nx.grid_2d_graph(8, 8))
    adjacency = sparse.csr_matrix(nx.to_scipy_sparse_array(g, nodelist=range(len(g))))
    adjacency.sort_indices()
    plain = small_betweenness(Links(adjacency.indptr.tolist(), adjacency.indices.tolist()))
    assert plain is not None and np.array(plain).tobytes() == betweenness(adjacency)[0].tobytes()


def test_sampled_betweenness_is_repeatable_and_close_for_the_top_broker():
    g, adjacency = random_bipartite(99)
    once, sampled = betweenness(adjacency, sample=20, seed=1)
    again, _ = betweenness(adjacency, sample=20, seed=1)
    assert sampled == 20 and (once == again).all()
    exact = nx.betweenness_centrality(g)
    top = max(exact, key=exact.get)
    assert int(np.argmax(once)) == top and once[top] == pytest.approx(exact[top], rel=.1)
    # an unbiased estimate: over many samples, each node's mean is networkx's figure
    mean = np.mean([betweenness(adjacency, sample=20, seed=s)[0] for s in range(200)], axis=0)
    assert np.allclose(mean, [exact[v] for v in range(len(g))], atol=.01)


@pytest.mark.parametrize("seed", range(12))
def test_articulation_cuts_are_networkx_articulation_points_and_what_they_cut_off(seed):
    g, adjacency = random_bipartite(seed)
    is_body = [g.nodes[v]["bipartite"] == 1 for v in range(len(g))]
    cuts = articulation_cuts(adjacency, is_body)
    points = set(nx.articulation_points(g))
    assert set(cuts) <= points
    for v in points:
        rest = g.subgraph(nx.node_connected_component(g, v) - {v})
        pieces = sorted((sorted(u for u in piece if is_body[u])
                         for piece in nx.connected_components(rest)), key=len, reverse=True)
        assert len(cuts.get(v, [])) == sum(len(p) for p in pieces[1:])


def test_a_person_who_alone_links_a_body_is_a_single_point_of_failure(network):
    add(network, Body("forum", "Safety Forum", "partnership"),
        Person("cy", "Cy Brown", "officer", "council"),
        Membership("bob-forum", "forum", person="bob", on_behalf_of="police"),
        Membership("cy-forum", "forum", person="cy", on_behalf_of="council"))
    found = rule(overlap_findings(network, as_of="2013-01-01"), "single-point-of-failure")
    assert [(f.subject.id, f.data["cut_off_bodies"]) for f in found] == [("bob", ["forum"])]
    assert found[0].message == ("If Bob Jones left, 1 body would have no member in common "
                                "with the rest of the network: Safety Forum.")
    assert found[0].severity == "warning"


def test_harboroughs_unnamed_seats_link_no_bodies():
    # the register gives officer hours on four LLEP groups but names no one: that is
    # not one person holding them together
    harborough = open_source(SEED / "harborough")
    findings = overlap_findings(harborough, as_of="2014-01-16")
    assert not any("broadband-leicestershire-board" in f.data.get("cut_off_bodies", [])
                   for f in rule(findings, "single-point-of-failure"))
    assert not any("broadband-leicestershire-board" in (f.subject.id, f.data.get("other_body"))
                   for f in rule(findings, "interlock"))


def test_bodies_on_the_same_theme_in_the_same_area_overlap():
    leeds = open_source(SEED / "leeds")
    pairs = {frozenset((f.subject.id, f.data["other_body"])): f
             for f in rule(overlap_findings(leeds, as_of="2013-03-01"), "remit-overlap")}
    burglary = pairs[frozenset(("burglary-reduction-programme", "leeds-burglary-taskforce"))]
    assert (burglary.data["themes"], burglary.data["areas"]) == (
        ["Burglary", "Community safety"], ["Leeds"])
    # scrutiny boards work on themes too, but the rule looks at partnerships only
    assert not any("scrutiny-ssc" in pair for pair in pairs)


def test_overlaps_on_the_command_line_limits_each_rule_with_top():
    result = CliRunner().invoke(main, ["overlaps", str(SEED / "leeds"), "--as-of", "2013-03-01",
                                       "--top", "1", "--format", "json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    # the strongest of each rule, most severe first
    assert [(f["rule"], f["subject"]["id"]) for f in found] == [
        ("single-point-of-failure", "bishop-john-packer"),
        ("interlock", "cluster-alwoodley"), ("broker", "bishop-john-packer"),
        ("remit-overlap", "burglary-reduction-programme")]
    interlock = found[1]["data"]
    # two clusters whose two recorded members are the same two people
    assert (interlock["other_body"], interlock["shared"], interlock["jaccard"]) == (
        "cluster-beeston-cottingley-middleton", 2, 1.0)


# --- the rules agree with networkx on the graph a notebook gets --------------------------

SEED_DAYS = [("leeds", "2013-03-01"), ("harborough", "2014-01-16")]


def notebook_graph(dataset, day):
    """What a user computes on: graph.people_bodies of the network as it stood that day."""
    network = open_source(SEED / dataset)
    return network, people_bodies(network.as_of(day))


def is_body(g, v):
    return g.nodes[v]["bipartite"] == 1


def key(finding):
    return f"{finding.subject.type}:{finding.subject.id}"


@pytest.mark.parametrize("dataset, day", SEED_DAYS)
def test_single_points_of_failure_are_the_articulation_points_of_the_notebooks_graph(dataset,
                                                                                     day):
    network, g = notebook_graph(dataset, day)
    largest = {}   # person -> the pieces with most bodies their leaving would leave
    for v in nx.articulation_points(g):
        rest = g.subgraph(nx.node_connected_component(g, v) - {v})
        pieces = [frozenset(u for u in piece if is_body(g, u))
                  for piece in nx.connected_components(rest)]
        most = max(len(piece) for piece in pieces)
        if not is_body(g, v) and sum(map(len, pieces)) > most:
            largest[v] = {piece: frozenset().union(*pieces) - piece
                          for piece in pieces if len(piece) == most}
    found = rule(overlap_findings(network, as_of=day, top=0), "single-point-of-failure")
    cut_off = {key(f): frozenset(f"body:{b}" for b in f.data["cut_off_bodies"]) for f in found}
    assert cut_off.keys() == largest.keys() and found
    # the piece with the most bodies stays the rest of the network (any one, in a tie)
    for person, cut in cut_off.items():
        assert cut in largest[person].values()


@pytest.mark.parametrize("dataset, day", SEED_DAYS)
def test_interlocks_are_the_bodies_sharing_members_in_the_notebooks_graph(dataset, day):
    network, g = notebook_graph(dataset, day)
    projected = bipartite.weighted_projected_graph(g, [v for v in g if is_body(g, v)])
    sharing = {frozenset((a, b)): shared for a, b, shared in projected.edges(data="weight")}
    found = rule(overlap_findings(network, as_of=day, top=0, min_shared=1), "interlock")
    assert {frozenset((key(f), f"body:{f.data['other_body']}")): f.data["shared"]
            for f in found} == sharing
    assert len(found) == len(sharing) > 0


@pytest.mark.parametrize("dataset, day", SEED_DAYS)
def test_brokers_are_the_people_with_networkxs_betweenness_in_the_notebooks_graph(dataset, day):
    network, g = notebook_graph(dataset, day)
    rules = copy.deepcopy(load_rules())
    rules["overlaps"]["broker"]["sample"] = 0      # every source: networkx's exact figure
    scores = nx.betweenness_centrality(g)
    brokers = {v: s for v, s in scores.items() if not is_body(g, v) and s > 0 and g.degree(v) >= 2}
    found = rule(overlap_findings(network, rules=rules, as_of=day, top=0), "broker")
    assert {key(f): f.data["betweenness"] for f in found} == pytest.approx(brokers, abs=2e-6)
    assert found and all(f.data["sampled_sources"] is None for f in found)


# --- a small network's lists and a large one's matrices: the same findings ---------------

def same_on_lists_and_matrices(network, day, monkeypatch, rules=None):
    """Every overlap finding, on lists (as for a small network) and on matrices (as for a
    large one); asserts both give the same findings and returns them."""
    assert len(Seats(network, day).held) <= overlaps.SMALL_SEATS
    on_lists = overlap_findings(network, rules=rules, as_of=day, top=0, min_shared=1)
    with monkeypatch.context() as patch:
        patch.setattr(overlaps, "SMALL_SEATS", -1)    # every network counts as large
        on_matrices = overlap_findings(network, rules=rules, as_of=day, top=0, min_shared=1)
    assert on_lists == on_matrices
    return on_lists


@pytest.mark.parametrize("dataset, day", SEED_DAYS)
def test_a_seed_datasets_overlaps_are_the_same_on_lists_as_on_matrices(dataset, day,
                                                                       monkeypatch):
    found = same_on_lists_and_matrices(open_source(SEED / dataset), day, monkeypatch)
    assert {"interlock", "broker", "single-point-of-failure"} <= {f.rule for f in found}


def test_a_generated_networks_overlaps_are_the_same_on_lists_as_on_matrices(tmp_path,
                                                                           monkeypatch):
    generate(tmp_path / "g", bodies=150, people=600, seed=3)
    network = open_source(tmp_path / "g")
    rules = copy.deepcopy(load_rules())
    rules["overlaps"]["person-load"]["max_bodies"] = 3
    found = same_on_lists_and_matrices(network, "2020-01-01", monkeypatch, rules)
    by_rule = {name: rule(found, name) for name in
               ("person-load", "interlock", "broker", "single-point-of-failure")}
    assert all(by_rule.values()), {name: len(f) for name, f in by_rule.items()}
    # over 128 people and bodies: betweenness estimated from the same sample both ways
    assert by_rule["broker"][0].data["sampled_sources"] == 128


@pytest.mark.parametrize("source, day", [(SEED / "leeds", "2013-03-01"),
                                         (SEED / "harborough", None),
                                         ("generated", "2020-01-01")])
def test_a_small_networks_seats_are_numbered_on_lists_as_numpy_numbers_them(
        tmp_path, monkeypatch, source, day):
    if source == "generated":
        generate(tmp_path / "g", bodies=150, people=600, seed=5)
        source = tmp_path / "g"
    network = open_source(source)
    on_lists = Seats(network, day)
    with monkeypatch.context() as patch:
        patch.setattr(overlaps, "SMALL_SEATS", -1)    # every network counts as large
        with_numpy = Seats(network, day)
    assert on_lists.small and not with_numpy.small
    assert on_lists.sitters == with_numpy.sitters and on_lists.bodies == with_numpy.bodies
    assert on_lists.held == with_numpy.held and on_lists.held
    assert all(on_lists.seats_of(s) == with_numpy.seats_of(s)
               for s in range(len(on_lists.sitters)))
    assert (on_lists.matrix() != with_numpy.matrix()).nnz == 0


def libraries_loaded_by_check(source):
    """Which of numpy and scipy ``graphmodel check SOURCE`` loads, run as a user runs it."""
    code = ("import atexit, sys\n"
            "atexit.register(lambda: print(sorted({'numpy', 'scipy'} & set(sys.modules))))\n"
            "from graphmodel.cli import main\n"
            f"sys.argv = ['graphmodel', 'check', {str(source)!r}]\n"
            "main()\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode in (0, 1), out.stderr
    return out.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize("dataset", ["leeds", "harborough"])
def test_checking_a_seed_dataset_loads_neither_numpy_nor_scipy(dataset):
    assert libraries_loaded_by_check(SEED / dataset) == "[]"


def test_checking_a_council_does_not_load_scipy(tmp_path):
    generate_council(tmp_path / "council", 0)
    # numpy draws the sample of sources its brokers are estimated from
    assert libraries_loaded_by_check(tmp_path / "council") == "['numpy']"


def _remit_pairs_one_by_one(net, kinds):
    """Every pair of bodies in each (theme, area), counted pair by pair (a body listing a
    theme twice is in its cell twice): what the remit-overlap rule must rank, most
    shared first, then by the pair's ids."""
    cells = {}
    for b in net.bodies.values():
        if b.kind in kinds:
            for theme in b.themes:
                for area in b.areas:
                    cells.setdefault((theme, area), []).append(b.id)
    pairs = {}
    for cell, bodies in cells.items():
        for i, first in enumerate(bodies):
            for second in bodies[i + 1:]:
                pairs.setdefault((min(first, second), max(first, second)), []).append(cell)
    return sorted(pairs.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def test_remit_overlaps_come_most_shared_first_with_every_theme_and_area_they_share():
    from graphmodel.analysis.example import body, run_rule, tiny_network
    net = tiny_network(
        body("d", "Safer Town Board", themes=("safety", "health"), areas=("town", "north")),
        body("b", "Community Safety Partnership", themes=("safety",), areas=("town", "north")),
        body("c", "Health and Wellbeing Board", themes=("health", "health"), areas=("town",)),
        body("a", "Town Centre Group", themes=("safety", "health"), areas=("town",)),
        body("e", "Scrutiny Board", kind="scrutiny_board", themes=("safety",), areas=("town",)))
    kinds = ("partnership_board",)
    found = run_rule(net, "remit-overlap", top=0, kinds=kinds)
    expected = _remit_pairs_one_by_one(net, kinds)
    assert [(f.subject.id, f.data["other_body"]) for f in found] == [p for p, _ in expected]
    for f, (_, cells) in zip(found, expected):
        assert f.data["themes"] == sorted({net.themes[t].name for t, _ in cells})
        assert f.data["areas"] == sorted({net.areas[a].name for _, a in cells})
    # the Safer Town Board and the partnership share Safety in Town and in North
    shared = {(f.subject.id, f.data["other_body"]): f.data for f in found}
    assert shared["b", "d"]["themes"] == ["Safety"]
    assert shared["b", "d"]["areas"] == ["North", "Town"]
    assert list(shared)[-2:] == [("a", "b"), ("c", "c")]   # one cell each: last
    # a board listing Health twice shares Health in Town with itself, as it always has
    assert ("c", "c") in [(f.subject.id, f.data["other_body"]) for f in found]
    assert "e" not in {f.subject.id for f in found} | {f.data["other_body"] for f in found}
