"""Meetings and who attended them go through every format like any record: CSV, the
workbook and its template (with drop-downs), Popolo events, GraphML, Neo4j and the diff;
they are validated with the file and row of each problem, and cited by findings."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import networkx as nx
from conftest import small_network
from openpyxl import load_workbook
from test_template import drop_downs, make_template, offered

from graphmodel import open_source, write_source
from graphmodel.analysis.attendance import attendance_findings
from graphmodel.analysis.change import changes, changes_between
from graphmodel.maps.tooltips import citation
from graphmodel.model import Attendance, Document, Meeting, Network
from graphmodel.sources import read_source, validate

MINUTES = dict(source_document="minutes", source_section="item 1")


def with_meetings(network: Network | None = None) -> Network:
    """The town's network with the Safer Town Board's meetings of 2013: Ann chaired the
    March meeting and sent apologies to June's; the September meeting was cancelled."""
    net = Network((network or small_network()).dataset, (network or small_network()).records())
    for record in (
            Document("minutes", "Safer Town Board minutes", "Town Council", "2013"),
            Meeting("board-2013-03", "board", "2013-03-12", "held", **MINUTES),
            Meeting("board-2013-06", "board", "2013-06-11", "held", **MINUTES),
            Meeting("board-2013-09", "board", "2013-09-10", "cancelled", **MINUTES),
            Attendance("a1", "board-2013-03", "ann", "chair", "present", **MINUTES),
            Attendance("a2", "board-2013-03", "bob", "member", "present", **MINUTES),
            Attendance("a3", "board-2013-06", "ann", "chair", "apologies",
                       absence_approved=True, notes="illness", **MINUTES)):
        net.tables[{Document: "documents", Meeting: "meetings",
                    Attendance: "attendance"}[type(record)]][record.id] = record
    return net


def test_meetings_and_attendance_read_back_whole_from_csv_a_workbook_and_popolo(tmp_path):
    net = with_meetings()
    folder = write_source(net, tmp_path / "town", "csv")
    assert (folder / "attendance.csv").read_text(encoding="utf-8").splitlines()[1] == \
        "a1,board-2013-03,ann,chair,present,,,minutes,item 1"
    assert open_source(folder) == net
    assert open_source(write_source(net, tmp_path / "town.xlsx", "xlsx")) == net
    assert open_source(write_source(net, tmp_path / "town.json", "popolo")) == net


def test_the_template_and_an_exported_workbook_offer_the_statuses_in_drop_downs(tmp_path):
    template = load_workbook(make_template(tmp_path))
    exported = load_workbook(write_source(with_meetings(), tmp_path / "town.xlsx", "xlsx"))
    for book in (template, exported):
        meetings, attendance = drop_downs(book["meetings"]), drop_downs(book["attendance"])
        assert offered(meetings["status"]) == ["held", "cancelled", "postponed", "scheduled"]
        assert offered(attendance["status"]) == ["present", "apologies", "absent",
                                                 "substitute_sent", "in_attendance"]
        assert "chair" in offered(attendance["role"])
        assert attendance["absence_approved"] == '"yes,no"'
    assert [c.value for c in exported["attendance"][4]][:5] == \
        ["a3", "board-2013-06", "ann", "chair", "apologies"]


def test_a_popolo_file_lists_each_meeting_as_an_event_with_those_who_were_there(tmp_path):
    doc = json.loads(write_source(with_meetings(), tmp_path / "t.json", "popolo")
                     .read_text(encoding="utf-8"))
    events = {e["id"]: e for e in doc["events"]}
    assert events["board-2013-03"] == {
        "id": "board-2013-03", "name": "Safer Town Board meeting", "classification": "meeting",
        "start_date": "2013-03-12", "status": "held", "organization_id": "board",
        "attendees": [{"id": "ann", "name": "Ann Smith"}, {"id": "bob", "name": "Bob Jones"}],
        "sources": [{"url": "minutes", "note": "item 1"}]}
    # Ann sent apologies in June: not an attendee
    assert "attendees" not in events["board-2013-06"]
    assert events["board-2013-09"]["status"] == "cancelled"


def audit_committee(path: Path, events: list[dict]) -> Path:
    """A Popolo file from another tool: Siân Jones, the Audit Committee and its events."""
    path.write_text(json.dumps({
        "persons": [{"id": "p1", "name": "Siân Jones"}],
        "organizations": [{"id": "audit", "name": "Audit Committee",
                           "classification": "committee"}],
        "events": events}), encoding="utf-8")
    return path


def test_a_popolo_file_from_elsewhere_gives_meetings_of_bodies_and_who_attended(tmp_path):
    net = open_source(audit_committee(tmp_path / "council.json", [
        {"id": "e1", "organization_id": "audit", "status": "Cancelled",
         "start_date": "2023-01-18T19:00:00Z"},
        {"id": "e2", "organization_id": "audit", "status": "Confirmed",
         "start_date": "2023-03-15", "attendees": [{"id": "p1"}]}]))
    assert net.meetings["e1"] == Meeting("e1", "audit", "2023-01-18", "cancelled")
    # "Confirmed" says nothing of whether it was held: not recorded, and kept in the notes
    assert (net.meetings["e2"].status, net.meetings["e2"].notes) == (None, "status: Confirmed")
    assert net.attendance["e2/p1"].status == "present"
    assert net.attendance["e2/p1"].role == "other"


def test_an_attendee_named_by_person_id_as_other_tools_write_it_is_read(tmp_path):
    net, problems = read_source(audit_committee(tmp_path / "council.json", [
        {"id": "e1", "organization_id": "audit", "start_date": "2023-03-15",
         "attendees": [{"person_id": "p1"}, {"role": "clerk"}]}]))
    assert net is not None and net.attendance["e1/p1"].person == "p1"
    # one that names nobody is said not to be read, not dropped in silence
    assert [(p.row, p.message) for p in problems if "attendees" in str(p.row)] == [
        ("events[0].attendees[1]", "not read: an attendee is a person object with an id, "
         "or an object with a person_id")]


def test_bad_meetings_and_attendance_are_reported_with_their_file_and_row(tmp_path):
    folder = write_source(with_meetings(), tmp_path / "town", "csv")
    (folder / "meetings.csv").write_text(
        "id,body,date,status,notes,source_document,source_section\n"
        "board-2013-03,board,2013-03-12,held,,minutes,item 1\n"
        "board-2013-06,no-such-board,2013-06-11,held,,minutes,item 1\n"
        "board-2013-09,board,31/09/2013,adjourned sine die,,minutes,item 1\n", encoding="utf-8")
    (folder / "attendance.csv").write_text(
        "id,meeting,person,role,status,absence_approved,notes,source_document,source_section\n"
        "a1,board-2013-03,ann,chair,Present as expected,,,minutes,item 1\n"
        "a2,board-2013-03,bob,member,maybe,,,minutes,item 1\n"
        "a3,no-such-meeting,ann,chair,apologies,perhaps,,minutes,item 1\n", encoding="utf-8")
    problems = {(Path(p.file).name, p.row, p.field): p.message for p in validate(folder)
                if p.level == "error"}
    assert set(problems) == {("meetings.csv", 3, "body"), ("meetings.csv", 4, "date"),
                             ("meetings.csv", 4, "status"), ("attendance.csv", 3, "status"),
                             ("attendance.csv", 4, "meeting"),
                             ("attendance.csv", 4, "absence_approved")}
    assert problems[("meetings.csv", 3, "body")].startswith("unknown body 'no-such-board'")
    assert "31/09/2013" in problems[("meetings.csv", 4, "date")]
    assert "present" in problems[("attendance.csv", 3, "status")]


def test_the_diff_between_two_sources_reports_meetings_and_attendance_added_and_removed():
    old, new = small_network(), with_meetings()
    gone = with_meetings()
    del gone.tables["attendance"]["a2"]
    found = {(c.change, c.record_type, c.id): (c.name, c.detail)
             for c in changes(old, new, findings=False)}
    assert found[("added", "meeting", "board-2013-09")] == (
        "Safer Town Board meeting (cancelled)", "on 2013-09-10")
    assert found[("added", "attendance_record", "a3")] == (
        "Ann Smith at the Safer Town Board on 2013-06-11 (apologies)", "")
    removed = [(c.change, c.id) for c in changes(new, gone, findings=False)
               if c.record_type == "attendance_record"]
    assert removed == [("removed", "a2")]
    changed = [c.detail for c in changes(new, replace_attendance(new), findings=False)]
    assert changed == ["status: apologies -> absent; absence_approved: True -> (blank)"]


def replace_attendance(net: Network) -> Network:
    out = Network(net.dataset, net.records())
    out.tables["attendance"]["a3"] = replace(net.attendance["a3"], status="absent",
                                             absence_approved=None)
    return out


def test_the_diff_between_two_days_reports_the_meetings_and_attendance_between_them():
    found = [(c.change, c.record_type, c.id) for c in
             changes_between(with_meetings(), "2013-04-01", "2013-10-01", findings=False)
             if c.record_type in ("meeting", "attendance_record")]
    assert found == [("fell due", "meeting", "board-2013-06"),
                     ("fell due", "meeting", "board-2013-09"),
                     ("recorded", "attendance_record", "a3")]


def test_graphml_holds_each_meeting_of_its_body_and_who_attended(tmp_path):
    path = write_source(with_meetings(), tmp_path / "town.graphml", "graphml")
    graph = nx.read_graphml(path, force_multigraph=True)
    assert graph.nodes["meeting:board-2013-03"]["label"] == "Safer Town Board, 2013-03-12"
    assert graph.has_edge("meeting:board-2013-03", "body:board")
    links = graph.get_edge_data("person:ann", "meeting:board-2013-06")
    (link,) = links.values()
    assert (link["relationship"], link["status"], link["absence_approved"]) == \
        ("attendance", "apologies", True)


def test_a_finding_cites_the_attendance_it_rests_on():
    net = with_meetings()
    net.dataset = replace(net.dataset, as_of="2014-02-01")
    (finding,) = [f for f in attendance_findings(net) if f.rule == "six-month-rule"]
    # the apologies the council approved in June start the six months again
    assert finding.data["since"] == "2013-06-11" and finding.data["clock"] == "approved"
    assert "Attendance record a3 [minutes, item 1]" in [citation(e) for e in finding.evidence]


def test_meetings_and_attendance_are_stored_in_neo4j_and_read_back_equal(store):
    from graphmodel.store.load import load
    from graphmodel.store.read import read

    net = with_meetings()
    report = load(net, store)
    assert report.changes["attendance"].counts()["added"] == 3
    assert read(store, "town") == net
    walked = store.driver.execute_query(
        "MATCH (p:Person)<-[:BY]-(a:Attendance)-[:AT]->(m:Meeting)-[:MEETING_OF]->(b:Body) "
        "WHERE a.dataset = $dataset RETURN p.id AS person, a.status AS status, m.date AS day, "
        "b.id AS body ORDER BY day, person", dataset="town", database_=store.database).records
    assert [tuple(r.values()) for r in walked] == [
        ("ann", "present", "2013-03-12", "board"), ("bob", "present", "2013-03-12", "board"),
        ("ann", "apologies", "2013-06-11", "board")]
    from graphmodel.store.queries import query

    # Ann Smith, a councillor of the Town Council (the home organisation), was there in March
    last = store.driver.execute_query(
        query("examples.cypher", "councillors_last_attendance"),
        {"dataset": "town", "kind": "elected_member", "there": ["present", "in_attendance"]},
        database_=store.database).records
    assert [r.data() for r in last] == [{"councillor": "Ann Smith", "recorded": 2, "there": 1,
                                         "last_there": "2013-03-12"}]
    moved = replace_attendance(net)
    assert load(moved, store).changes["attendance"].counts() == {
        "added": 0, "changed": 1, "removed": 0}
    assert read(store, "town") == moved


def test_a_seats_tooltip_and_details_give_its_attendance():
    from graphmodel.maps import make_map

    m = make_map(with_meetings(), "network", as_of="2014-01-01")
    said = ("Attendance", "Safer Town Board: present at 1 of 2 meetings recorded (apologies 1), "
                          "in the last 12 months")
    ann = next(n for n in m.nodes if n.id == "ann")
    assert said in ann.facts
    assert said in next(e for e in m.edges if e.key == "member_of:m-ann").facts
    # a seat on a body whose meetings record no attendance says nothing of it
    assert not [f for f in ann.facts if f[0] == "Attendance" and "Initiative" in f[1]]


def test_the_review_pack_has_attendance_tables_by_body_and_by_person(tmp_path):
    from graphmodel.pack import write_report

    written = write_report(with_meetings(), tmp_path / "pack", as_of="2014-01-01")
    report = written["report.md"].read_text(encoding="utf-8")
    assert "## Attendance" in report
    assert "| Safer Town Board | 2 | 1 | 2 | 2 of 3 | 67% | 2013-06-11 |" in report
    assert "| Ann Smith | Safer Town Board | 1 of 2 | 1 | 0 | 0 | 0 | 50% | 2013-03-12 |" in report
    page = written["index.html"].read_text(encoding="utf-8")
    assert '<h2 id="attendance">Attendance</h2>' in page
    assert "<caption>Attendance by person</caption>" in page
    # a network recording no attendance has no such section
    plain = write_report(small_network(), tmp_path / "plain", as_of="2014-01-01")
    assert "Attendance" not in plain["report.md"].read_text(encoding="utf-8")


def test_the_deck_gives_a_six_month_rule_breach_a_slide():
    from graphmodel.maps.deck import deck_html
    from graphmodel.maps.scene import prepare

    html = deck_html(prepare(with_meetings(), as_of="2014-01-01"))
    assert "Ann Smith: six month rule" in html
    assert "six months ran out on 2013-12-11" in html
