"""Relationships are declared once, in the schema; the store, the graph views, the
generator and the map legend take them from there."""
import html
import re
from dataclasses import replace
from pathlib import Path

import pytest

from graphmodel import open_source
from graphmodel.graph import DRAWN, drawn, network_graph
from graphmodel.maps import make_map
from graphmodel.maps.page import map_page
from graphmodel.maps.styling import EDGE_STYLES, unstyled
from graphmodel.model import RELATIONSHIPS, Relationship, record_type, relationship
from graphmodel.store.mapping import EDGES, LINKS, NODE_LABELS, store_mapping
from graphmodel.store.queries import generate_files, queries

SEED = Path(__file__).resolve().parent.parent / "seed_data"
CITES = Relationship("cites", "bodies", "id", "source_document", "CITES", "is drawn from",
                     drawn=False)


def test_a_relationship_s_ends_are_the_tables_its_columns_refer_to():
    reports_to, holds = relationship("reports_to"), relationship("holds")
    assert (reports_to.source_table, reports_to.target_table) == ("bodies", "bodies")
    assert (holds.source_table, holds.target_table, holds.column) == ("people", "posts", "holder")
    assert relationship("covers").target_table == "areas"


def test_every_relationship_of_the_schema_is_in_the_store_mapping():
    edges = {e.table: e for e in EDGES}
    for r in RELATIONSHIPS:
        if r.table in edges:
            edge = edges[r.table]
            assert edge.type == r.stored_as, r.name
            assert (r.source, record_type(r.source_table).label) in edge.source, r.name
            assert edge.target == (r.target, record_type(r.target_table).label), r.name
        else:
            other = r.target_table if r.source == "id" else r.source_table
            assert (r.column, r.stored_as, NODE_LABELS[other]) in LINKS[NODE_LABELS[r.table]]


def test_a_seat_runs_from_its_holder_or_else_the_organisation_it_is_held_for():
    (membership,) = [e for e in EDGES if e.table == "memberships"]
    assert membership.type == "MEMBER_OF"
    assert membership.source == (("person", "Person"), ("post", "Post"),
                                 ("on_behalf_of", "Organisation"))
    assert ("holder", "HELD_BY", "Person") in LINKS["Post"]   # a post is held by its holder


def test_the_town_s_records_are_drawn_as_the_relationships_the_schema_names(network):
    """Each record of a relationship the views draw is one edge of the whole-network
    graph: Ann Smith sits on the Safer Town Board, which reports to the Town Initiative
    Board, is scrutinised by the Safer Town Scrutiny Board and is resourced by the
    council. The council's assessment of the board is a judgement and its theme a
    remit, not links: neither is drawn. A map's legend names each line it draws with the
    schema's phrase."""
    edges = sorted((data["relationship"], a, b)
                   for a, b, data in network_graph(network).edges(data=True))
    assert edges == sorted([
        ("member_of", "person:ann", "body:board"), ("member_of", "person:bob", "body:board"),
        ("member_of", "person:ann", "body:old-board"),
        ("seat_of", "post:director", "body:board"),
        ("reports_to", "body:board", "body:old-board"),
        ("reports_to", "body:scrutiny", "body:council-meeting"),
        ("scrutinises", "body:scrutiny", "body:board"),
        ("succeeded_by", "body:old-board", "body:board"),
        ("resources", "organisation:council", "body:board"),
        ("works_for", "person:ann", "organisation:council"),
        ("works_for", "person:bob", "organisation:police"),
        ("post_in", "post:director", "organisation:council")])
    page = map_page(make_map(network, "network", as_of="2012-06-01"))
    legend = [html.unescape(label) for label in re.findall(
        r'<li><svg class="gm-swatch gm-line".*?</svg><span>(.*?)</span></li>', page)]
    assert sorted(legend) == sorted([
        "sits on (a person's seat)", "sits on (a post's seat)", "reports to", "scrutinises",
        "puts officer time or money into", "works for or is elected to", "is a post in"])


def test_harborough_s_graph_holds_each_relationship_its_records_give():
    """The Economic Prosperity Board is hosted by Harborough District Council, the
    Harborough Improvement Team reports to its steering group, and seats whose holder
    the register does not name run from the council; the council's assessments of
    boards are judgements, not links, and are not drawn."""
    network = open_source(SEED / "harborough")
    graph = network_graph(network)
    assert graph.has_edge("body:economic-prosperity-board",
                          "organisation:harborough-district-council",
                          key="hosted_by:economic-prosperity-board")
    assert graph.has_edge("body:harborough-improvement-team", "body:hit-steering-group")
    kinds = {data["relationship"] for _, _, data in graph.edges(data=True)}
    assert {"member_of", "seat_of", "seat_for", "works_for", "post_in", "holds"} <= kinds
    assert kinds <= set(DRAWN)
    assert network.assessments and "assesses" not in kinds


def test_a_relationship_added_to_the_schema_flows_into_the_store_and_its_cypher():
    mapping = store_mapping(RELATIONSHIPS + (CITES,))
    assert ("source_document", "CITES", "Document") in mapping.links["Body"]
    assert mapping.edges == EDGES
    load = generate_files(mapping)["load.cypher"]
    assert "// name: link_Body_source_document" in load
    assert "CREATE (n)-[:CITES]->(t)" in load
    assert "[old:CITES|COVERS|DEDICATED_TO|HOSTED_BY|NO_SEAT_FOR|WORKS_ON]" in load
    assert "link_Body_source_document" not in queries("load.cypher")
    assert "cites" not in drawn(RELATIONSHIPS + (CITES,))


def test_a_relationship_the_views_start_to_draw_flows_into_the_graph_and_legend():
    shown = tuple(replace(r, drawn=True) if r.name == "assesses" else r for r in RELATIONSHIPS)
    assert drawn(shown)["assesses"].target_table == "bodies"
    (style,) = unstyled([drawn(shown)["assesses"]], EDGE_STYLES).values()
    assert style.label == "assesses the value and risk of"
    assert store_mapping(shown) == store_mapping()   # stored as before


def test_a_relationship_the_views_cannot_draw_is_refused():
    with pytest.raises(ValueError, match="the views draw no"):
        drawn(RELATIONSHIPS + (replace(CITES, drawn=True),))


def test_a_table_s_records_are_one_kind_of_neo4j_relationship():
    nominated = Relationship("nominated_by", "memberships", "nominated_by", "body",
                             "NOMINATED_BY", "was nominated by")
    with pytest.raises(ValueError, match="one twice"):
        store_mapping(RELATIONSHIPS + (nominated,))


def test_a_relationship_must_run_along_a_reference_column():
    with pytest.raises(ValueError, match="memberships.role does not refer to one table"):
        Relationship("plays", "memberships", "role", "body", "PLAYS", "plays").source_table


def test_a_right_the_council_holds_to_appoint_to_a_body_runs_from_the_council(network,
                                                                             tmp_path):
    """The council appoints two members to the Safer Town Board, no appointing body
    named: the right is drawn, stored, exported and compared from the council."""
    from graphmodel.analysis.change import changes
    from graphmodel.model import NominationRight
    from graphmodel.sources import write_source

    right = NominationRight("council-appoints", body="board", nominating_organisation="council",
                            places=2, source_document="report")
    with_right = open_source(write_source(network, tmp_path / "before", "csv"))
    with_right.nomination_rights[right.id] = right
    graph = network_graph(with_right)
    assert graph.has_edge("organisation:council", "body:board", key="appoints_to:council-appoints")
    assert graph.edges["organisation:council", "body:board",
                       "appoints_to:council-appoints"]["places"] == 2
    (edge,) = [e for e in EDGES if e.table == "nomination_rights"]
    assert edge.source == (("nominating_body", "Body"), ("nominating_organisation", "Organisation"))
    for fmt, name in (("popolo", "town.json"), ("xlsx", "town.xlsx"), ("csv", "town")):
        assert open_source(write_source(with_right, tmp_path / name, fmt)) == with_right, fmt
    (added,) = [c for c in changes(network, with_right, findings=False)]
    assert (added.change, added.record_type, added.name) == (
        "added", "nomination_right", "Town Council -> Safer Town Board")
    page = map_page(make_map(with_right, "network", as_of="2013-01-01"))
    assert "appoints members to" in html.unescape(page)
