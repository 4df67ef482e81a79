"""A record type declared in this file alone (a site visit) is read from CSV and xlsx,
validated, diffed, loaded into Neo4j and drawn like those graphmodel declares; and no
relationship that may not link a record to itself passes validation doing so."""
from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from conftest import small_network

from graphmodel import open_source, write_source
from graphmodel.analysis.change import changes, changes_between
from graphmodel.graph import network_graph
from graphmodel.maps import make_map, write_map
from graphmodel.maps.views import build_view
from graphmodel.model import (SCHEMA, Area, NominationRight, Network, Organisation,
                              RecordType, Relationship, ReportingLine, ScrutinyLink, Succession,
                              col, record_type, source_document, source_section)
from graphmodel.sources import validate


@dataclass(frozen=True, slots=True)
class SiteVisit:
    """A visit paid to a body's meeting or project by someone who reports on it."""
    id: str = col(required=True)
    name: str = col(required=True)
    body: str = col(ref="bodies", required=True)
    person: str | None = col(ref="people", doc="who made the visit")
    date: str | None = col("date")
    notes: str | None = col()
    source_document: str | None = source_document()
    source_section: str | None = source_section()


SITE_VISITS = RecordType("site_visits", SiteVisit, "site visit", ("date", None),
                         change_words=("took place", "ended"), node="site_visit")
VISITED = Relationship("visited", "site_visits", "id", "body", "VISITED", "was a visit to")
MADE = Relationship("made", "site_visits", "person", "id", "MADE_BY", "made the visit")
HEADER = "id,Name,body,person,date,notes,source_document,source_section\n"
DOC = dict(source_document="report", source_section="para 4")


@pytest.fixture
def site_visits():
    with SCHEMA.add(SITE_VISITS, relationships=[VISITED, MADE]):
        yield
    assert "site_visits" not in Network(small_network().dataset).tables


def visiting(network: Network, *visits: SiteVisit) -> Network:
    """The network with the visits (after the schema has the table)."""
    out = Network(network.dataset, network.records())
    out.tables["site_visits"].update((v.id, v) for v in visits)
    return out


def visits() -> list[SiteVisit]:
    return [SiteVisit("v1", "Ann visits the board", "board", "ann", "2012-06-14", **DOC),
            SiteVisit("v2", "Bob visits the scrutiny board", "scrutiny", "bob", "2013-02",
                      "a workshop", **DOC)]


def with_file(directory: Path, text: str) -> Path:
    (directory / "site_visits.csv").write_text(text, encoding="utf-8")
    return directory


def test_the_table_is_in_the_schema_while_it_is_declared(site_visits):
    assert record_type("site_visits").key == "site_visit"
    assert "site_visits" in Network(small_network().dataset).tables


def test_it_is_read_from_a_csv_file_a_workbook_and_popolo(site_visits, tmp_path):
    folder = with_file(write_source(small_network(), tmp_path / "town", "csv"), HEADER + (
        "v1,Ann visits the board,board,ann,2012-06-14,,report,para 4\n"
        'v2,Bob visits the scrutiny board,scrutiny,bob,2013-02,"a workshop",report,para 4\n'))
    read = open_source(folder)
    assert read.tables["site_visits"] == {v.id: v for v in visits()}
    book = write_source(read, tmp_path / "town.xlsx", "xlsx")
    assert open_source(book) == read
    assert open_source(write_source(read, tmp_path / "town.json", "popolo")) == read


def test_a_bad_reference_or_cell_in_it_is_reported_with_its_file_and_row(site_visits,
                                                                          tmp_path):
    folder = with_file(write_source(small_network(), tmp_path / "town", "csv"), HEADER + (
        "v1,Ann visits the board,board,ann,2012-06-14,,report,para 4\n"
        "v2,A visit,no-such-board,bob,2013-02-01,,report,para 4\n"
        "v3,Another visit,board,ann,31/02/2013,,report,para 4\n"))
    problems = {(Path(p.file).name, p.row, p.field, p.level): p.message
                for p in validate(folder)}
    assert problems[("site_visits.csv", 3, "body", "error")].startswith(
        "unknown body 'no-such-board'")
    assert "31/02/2013" in problems[("site_visits.csv", 4, "date", "error")]
    assert len(problems) == 2


def test_a_bad_reference_in_a_workbook_sheet_is_reported_with_its_row(site_visits, tmp_path):
    wrong = replace(visits()[1], body="no-such-board")
    book = write_source(visiting(small_network(), visits()[0], wrong), tmp_path / "t.xlsx",
                        "xlsx")
    (problem,) = validate(book)
    assert (problem.file, problem.row, problem.field) == (f"{book}[site_visits]", 3, "body")


def test_it_is_diffed_between_two_sources(site_visits, tmp_path):
    first, second = visits()
    old = visiting(small_network(), first, second)
    new = visiting(small_network(), replace(first, person="bob"),
                   SiteVisit("v3", "Ann again", "board", "ann", "2013-09-01", **DOC))
    found = {(c.change, c.record_type, c.id): c.detail
             for c in changes(old, new, as_of="2013-01-01", findings=False)}
    assert found == {("changed", "site_visit", "v1"): "person: ann -> bob",
                     ("removed", "site_visit", "v2"): "on 2013-02",
                     ("added", "site_visit", "v3"): "on 2013-09-01"}


def test_it_is_diffed_between_two_days_as_a_dated_table(site_visits):
    network = visiting(small_network(), *visits())
    assert set(network.as_of("2013-01-31").tables["site_visits"]) == {"v1"}
    found = [c for c in changes_between(network, "2013-01-31", "2013-03-01", findings=False)
             if c.record_type == "site_visit"]
    assert [(c.change, c.id, c.name, c.detail) for c in found] == [
        ("took place", "v2", "Bob visits the scrutiny board", "on 2013-02")]


def test_it_is_loaded_into_neo4j_and_read_back_equal(site_visits, store):
    from graphmodel.store.load import load
    from graphmodel.store.read import read

    network = visiting(small_network(), *visits())
    report = load(network, store)
    assert report.changes["site_visits"].counts()["added"] == 2
    assert read(store, "town") == network
    linked = store.driver.execute_query(
        "MATCH (p:Person)<-[:MADE_BY]-(v:SiteVisit)-[:VISITED]->(b:Body) "
        "RETURN v.id AS visit, p.id AS person, b.id AS body ORDER BY visit",
        database_=store.database).records
    assert [tuple(r.values()) for r in linked] == [("v1", "ann", "board"),
                                                   ("v2", "bob", "scrutiny")]
    moved = visiting(network, replace(visits()[0], body="scrutiny", person=None))
    assert load(moved, store).changes["site_visits"].counts() == {
        "added": 0, "changed": 1, "removed": 0}
    assert read(store, "town") == moved
    assert not load(moved, store).changes["site_visits"].counts()["changed"]


def test_it_is_drawn_as_a_node_linked_to_its_body_and_its_visitor(site_visits, tmp_path):
    network = visiting(small_network(), *visits()).as_of("2014-01-01")
    view = build_view(network, "network", None)
    assert view.nodes["site_visit:v1"] == ("site_visit", network.tables["site_visits"]["v1"])
    links = {(l.relationship, l.source, l.target) for l in view.links}
    assert {("visited", "site_visit:v1", "body:board"),
            ("made", "person:ann", "site_visit:v1")} <= links
    graph = network_graph(network)
    assert graph.has_edge("site_visit:v2", "body:scrutiny", key="visited:v2")
    page = write_map(make_map(network, "network", as_of="2014-01-01"),
                     tmp_path / "map.html").read_text(encoding="utf-8")
    assert "Bob visits the scrutiny board" in page and "Site visit" in page
    assert "was a visit to" in page   # the legend names its relationship


# --- no relationship that may not link a record to itself passes validation doing so ---

SELF_LINKS = {
    "reports_to": ReportingLine("line-self", "board", "board", **DOC),
    "scrutinises": ScrutinyLink("scrutiny-self", "scrutiny", "scrutiny", **DOC),
    "nominates_to": NominationRight("nominates-self", "board", "board", **DOC),
    "succeeded_by": Succession("succeeds-self", "board", "board", "2013", **DOC),
    "part_of": Organisation("council", "Town Council", "local_authority", "council", **DOC),
    "lies_within": Area("town", "Town", "city", "town", **DOC),
}


def test_every_relationship_that_may_not_link_a_record_to_itself_is_tried():
    assert set(SELF_LINKS) == {r.name for r in SCHEMA.relationships
                               if r.source_table == r.target_table and not r.self_link}


@pytest.mark.parametrize("name", sorted(SELF_LINKS))
def test_a_record_linking_to_itself_is_refused_with_its_file_row_and_column(name, tmp_path):
    record = SELF_LINKS[name]
    link = SCHEMA.relationship_by_name[name]
    network = small_network()
    network.tables[link.table][record.id] = record
    folder = write_source(network, tmp_path / "town", "csv")
    with open(folder / f"{link.table}.csv", encoding="utf-8") as handle:
        row = next(n for n, r in enumerate(csv.DictReader(handle), 2) if r["id"] == record.id)
    errors = [p for p in validate(folder) if p.level == "error"]
    assert [(Path(p.file).name, p.row, p.field) for p in errors] == [
        (f"{link.table}.csv", row, link.target)]
    assert "itself" in errors[0].message
    assert validate(write_source(small_network(), tmp_path / "clean", "csv")) == []


def test_a_body_nominating_its_own_members_is_refused(tmp_path):
    network = small_network()
    network.tables["nomination_rights"]["self"] = NominationRight("self", "board", "board",
                                                                  **DOC)
    (problem,) = validate(write_source(network, tmp_path / "town", "csv"))
    assert (Path(problem.file).name, problem.row, problem.field, problem.level) == (
        "nomination_rights.csv", 2, "body", "error")
    assert problem.message == ("nominating_body and body both name 'board': the body "
                               "nominates members to itself; name two different bodies")


def test_an_unknown_id_in_a_list_column_of_an_unremarkable_record_is_reported(tmp_path):
    network = small_network()
    network.tables["bodies"]["scrutiny"] = replace(network.bodies["scrutiny"],
                                                   themes=("safety", "no-such-theme"))
    (problem,) = validate(write_source(network, tmp_path / "town", "csv"))
    assert (Path(problem.file).name, problem.row, problem.field) == ("bodies.csv", 4, "themes")
    assert problem.message.startswith("unknown theme 'no-such-theme'")
