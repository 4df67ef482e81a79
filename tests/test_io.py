"""Round trips between CSV, workbooks, Popolo and graph formats."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from graphmodel import open_source, read_source, write_source
from graphmodel.model import Body, Person


def test_csv_to_xlsx_to_popolo_keeps_everything(tmp_path, dataset_dir, network):
    from_csv = open_source(dataset_dir)
    from_xlsx = open_source(write_source(from_csv, tmp_path / "town.xlsx", "xlsx"))
    from_popolo = open_source(write_source(from_xlsx, tmp_path / "town.json", "popolo"))
    assert from_csv == from_xlsx == from_popolo == network
    back_to_csv = open_source(write_source(from_popolo, tmp_path / "again", "csv"))
    assert back_to_csv == network
    assert (tmp_path / "again" / "memberships.csv").read_bytes() == \
        (dataset_dir / "memberships.csv").read_bytes()


def _popolo_facts(network):
    """What plain Popolo can carry, keyed so that two networks can be compared."""
    docs = {d.id: d.reference for d in network.documents.values()}
    source = lambda r: (docs.get(r.source_document), r.source_section)
    parents = {line.body: line.reports_to for line in network.reporting_lines.values()
               if line.end is None}
    return {
        "people": {p.id: (p.name, source(p)) for p in network.people.values()},
        "organisations": {o.id: (o.name, o.kind, o.parent) for o in network.organisations.values()},
        "bodies": {b.id: (b.name, b.kind, b.established, b.dissolved, parents.get(b.id), source(b))
                   for b in network.bodies.values()},
        "posts": {p.id: (p.name, p.organisation) for p in network.posts.values()},
        "memberships": {m.id: (m.person, m.body, m.post, m.role, m.on_behalf_of, m.start, m.end,
                               source(m)) for m in network.memberships.values()},
    }


def test_plain_popolo_keeps_every_field_popolo_can_carry(tmp_path, network):
    path = write_source(network, tmp_path / "town.json", "popolo")
    doc = json.loads(path.read_text(encoding="utf-8"))
    del doc["graphmodel"]
    path.write_text(json.dumps(doc), encoding="utf-8")
    imported, problems = read_source(path)
    # the two seats with no start date: Ann's on the old board, the director's
    assert [str(p) for p in problems] == [
        f"{path}:memberships[{i}]: start_date: missing: the membership is taken as always "
        "current until its end date (warning)" for i in (2, 3)]
    assert _popolo_facts(imported) == _popolo_facts(network)
    assert imported.dataset.home_organisation is None   # never guessed


def test_a_real_world_popolo_file_imports_with_warnings_for_its_gaps(tmp_path):
    path = tmp_path / "everypolitician.json"
    path.write_text(json.dumps({
        "persons": [{"id": "p1", "name": "Jo Bloggs"}, {"id": 2, "name": "Sam Roe"}],
        "organizations": [
            {"id": "council", "name": "Borough Council", "classification": "Local_Authority"},
            {"id": "cttee", "name": "Health Committee", "classification": "committee"},
        ],
        "memberships": [
            {"id": "a", "person_id": "p1", "organization_id": "cttee", "role": "Chair",
             "on_behalf_of_id": "council", "start_date": "2019"},
            {"id": "b", "person_id": 2, "organization_id": "cttee", "role": "VICE CHAIRMAN"},
        ],
    }), encoding="utf-8")
    network, problems = read_source(path)
    assert network.memberships["a"].role == "chair"
    assert network.memberships["b"].role == "vice_chair"
    assert network.memberships["b"].person == "2"
    assert network.bodies["cttee"].kind == "committee"
    assert network.organisations["council"].kind == "local_authority"
    assert [str(p) for p in problems] == [
        f"{path}:memberships[1]: on_behalf_of_id: missing: whom this seat represents is "
        "unknown (warning)",
        f"{path}:memberships[1]: start_date: missing: the membership is taken as always "
        "current until its end date (warning)"]


def test_a_co_opted_members_seat_keeps_what_the_file_says_of_them(tmp_path):
    # "Co-opted Member" is a member's seat, and says the sitter was co-opted: the
    # seat is read as a member's and the file's words kept, not dropped in silence
    path = tmp_path / "other-tool.json"
    path.write_text(json.dumps({
        "persons": [{"id": "p1", "name": "Jo Bloggs"}, {"id": "p2", "name": "Sam Roe"}],
        "organizations": [{"id": "csp", "name": "Community Safety Partnership",
                           "classification": "partnership"}],
        "memberships": [
            {"id": "a", "person_id": "p1", "organization_id": "csp", "role": "Co-opted Member",
             "start_date": "2020"},
            {"id": "b", "person_id": "p2", "organization_id": "csp", "role": "Chairman",
             "start_date": "2020"}],
    }), encoding="utf-8")
    network, _ = read_source(path)
    assert network.memberships["a"].role == "member"
    assert network.memberships["a"].notes == "role: Co-opted Member"
    assert network.memberships["b"].role == "chair"
    assert not network.memberships["b"].notes   # a chair's seat says no more than chair


def test_a_seat_given_only_a_label_keeps_it_and_says_its_role_was_not_given(tmp_path):
    # Popolo's "label" is the file's own words for a membership: a board director's
    # seat with no role is read as a member's, with a warning, and the words kept
    path = tmp_path / "other-tool.json"
    path.write_text(json.dumps({
        "persons": [{"id": "p1", "name": "Jo Bloggs"}],
        "organizations": [{"id": "lep", "name": "Local Enterprise Partnership",
                           "classification": "partnership"},
                          {"id": "council", "name": "Eastshire Council",
                           "classification": "council"}],
        "memberships": [{"id": "a", "person_id": "p1", "organization_id": "lep",
                         "label": "Board director", "on_behalf_of_id": "council",
                         "start_date": "2018"}],
    }), encoding="utf-8")
    network, problems = read_source(path)
    assert network.memberships["a"].role == "member"
    assert network.memberships["a"].notes == "label: Board director"
    assert [str(p) for p in problems] == [
        f"{path}:memberships[0]: role: missing: read as member (warning)"]


def test_a_key_with_a_line_break_is_named_quoted_on_one_line(tmp_path):
    path = tmp_path / "odd.json"
    path.write_text(json.dumps({"persons": [{"id": "p1", "name": "Jo Bloggs",
                                             "home\naddress": "1 High St", "phone": "1"}]}),
                    encoding="utf-8")
    _, problems = read_source(path)
    assert [str(p) for p in problems] == [
        f"{path}:persons: 'home\\naddress', phone not read: graphmodel keeps no field for "
        "them (warning)"]


def test_broken_json_is_a_problem_with_its_position(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"persons": [{"id": "p1", "name": ', encoding="utf-8")
    network, problems = read_source(path)
    assert network is None
    # and nothing else: a file that cannot be read is not also missing its tables
    assert [str(p) for p in problems] == [f"{path}:line 1 column 35: not valid JSON (Expecting "
                                          "value); the file may be truncated"]


def test_a_workbook_keeps_formula_like_text_as_text(tmp_path, network):
    from openpyxl import load_workbook
    hostile = Body("evil", "=HYPERLINK(\"http://x\")", "partnership")
    network.bodies["evil"] = hostile
    path = write_source(network, tmp_path / "town.xlsx", "xlsx")
    sheet = load_workbook(path)["bodies"]
    cell = [c for c in sheet["B"] if c.value == hostile.name][0]
    assert cell.data_type == "s"
    assert open_source(path).bodies["evil"] == hostile


def test_hostile_text_survives_csv_and_xlsx(tmp_path, network):
    text = "O'Brien \"the `boss`\" '}) DETACH DELETE n //\nשלום עולם 🎉  "
    network.people["ann"] = Person("ann", text, "elected_member", "council", notes=text)
    for fmt, target in (("csv", "dir"), ("xlsx", "w.xlsx"), ("popolo", "p.json")):
        ann = open_source(write_source(network, tmp_path / target, fmt)).people["ann"]
        assert ann.notes == text  # notes keep their text
        # a name is one line: trimmed, its line break and spaces read as one space
        assert ann.name == "O'Brien \"the `boss`\" '}) DETACH DELETE n // שלום עולם 🎉"


def test_a_damaged_workbook_is_a_problem(tmp_path, network):
    path = write_source(network, tmp_path / "town.xlsx", "xlsx")
    path.write_bytes(path.read_bytes()[:2000])
    network, problems = read_source(path)
    assert network is None
    assert [str(p) for p in problems] == [
        f"{path}: cannot be opened as an .xlsx workbook (BadZipFile: File is not a zip file); "
        "save it from Excel as .xlsx"]


def test_a_workbook_without_a_dataset_sheet_asks_for_one(tmp_path, network):
    from openpyxl import load_workbook
    path = write_source(network, tmp_path / "town.xlsx", "xlsx")
    book = load_workbook(path)
    del book["dataset"]
    book.save(path)
    network, problems = read_source(path)
    assert network is None
    assert [str(p) for p in problems] == [
        f"{path}: no dataset table: add a dataset sheet with columns id, name, "
        "home_organisation, description, as_of"]


def test_graphml_holds_every_node_and_relationship(tmp_path, network):
    graph = nx.read_graphml(write_source(network, tmp_path / "town.graphml", "graphml"))
    counts = network.counts()
    assert graph.number_of_nodes() == (counts["organisations"] + counts["bodies"]
                                       + counts["people"] + counts["posts"])
    relationships = [d["relationship"] for _, _, d in graph.edges(data=True)]
    assert relationships.count("member_of") == 3
    assert relationships.count("seat_of") == 1
    assert relationships.count("scrutinises") == 1
    assert graph.nodes["body:board"]["name"] == "Safer Town Board"
    assert graph.nodes["body:board"]["themes"] == "safety"


def test_gexf_is_well_formed_and_names_the_bodies(tmp_path, network):
    path = write_source(network, tmp_path / "town.gexf", "gexf")
    labels = sorted(n.get("label") for n in ET.parse(path).iter() if n.tag.endswith("}node"))
    assert labels == sorted([
        "Town Council", "County Police",                                  # organisations
        "Full Council", "Safer Town Board", "Safer Town Scrutiny Board",  # bodies
        "Town Initiative Board", "Ann Smith", "Bob Jones",                # and people
        "Director of Neighbourhoods"])                                    # and a post


@pytest.mark.parametrize("to", ["graphml", "gexf"])
def test_an_organisation_and_a_body_of_the_same_id_are_two_nodes(tmp_path, network, to):
    network.bodies["police"] = Body("police", "Police Liaison Board", "partnership_board")
    graph = getattr(nx, f"read_{to}")(write_source(network, tmp_path / f"town.{to}", to))
    assert graph.nodes["organisation:police"]["name"] == "County Police"
    assert graph.nodes["body:police"]["name"] == "Police Liaison Board"
    assert graph.number_of_nodes() == 10


def test_unknown_export_format_is_refused(network, tmp_path):
    with pytest.raises(ValueError, match="unknown export format 'pdf'"):
        write_source(network, tmp_path / "x", "pdf")
