"""Representation gaps, on the seed data and on small hand-built networks."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from graphmodel import open_source, write_source
from graphmodel.analysis.representation import (HOLDER_NOT_NAMED, NO_SEAT, NOT_RECORDED, SEAT,
                                                VACANT, UnknownOrganisation, representation,
                                                representation_by_body, representation_gaps)
from graphmodel.cli import main
from graphmodel.registry import rules_of
from graphmodel.analysis.example import body, seat, tiny_network
from graphmodel.analysis.runner import run_rules
from graphmodel.model import Body, Dataset, Membership, Network, Person, Post
from graphmodel.standards import RulesError, load_rules

SEED = Path(__file__).resolve().parent.parent / "seed_data"


def by_rule(findings, rule):
    return {f.subject.id: f for f in findings if f.rule == rule}


def test_harborough_has_no_seat_on_the_six_boards_its_register_names(harborough):
    unrepresented = by_rule(representation_gaps(harborough, as_of="2014-01-16"), "unrepresented")
    names = {f.subject.name for f in unrepresented.values()}
    assert {"Leicestershire Children & Young People Board",
            "Strategic Partnership Board (Community Safety City and County)",
            "Leicestershire Health and Wellbeing Board",
            "Leicestershire Rural Partnership Management Board",
            "Leicestershire Stronger Communities Board",
            "Leicester & Leicestershire Economic Partnership Board"} <= names
    assert "Leicestershire Parking Partnership Board" not in names
    # HDC remains in it (para 4.4); who sits there is not named: involvement, not a gap
    assert "Welland Audit Partnership" not in names


def test_councillor_pain_on_the_llep_board_does_not_count_for_harborough(harborough):
    llep = by_rule(representation_gaps(harborough, as_of="2014-01-16"), "unrepresented")["llep-board"]
    assert llep.message == (
        "No one sits on the Leicester & Leicestershire Economic Partnership Board on behalf of "
        "Harborough District Council: the source says it has no seat there. Councillor Pain "
        "is there on behalf of Leicestershire County Council, not Harborough District Council.")
    assert (llep.data["stated"], llep.data["seats_on_behalf_of_others"]) == ("no_seat_for", 1)
    assert ("membership", "pain-llep-board") in {(e.type, e.id) for e in llep.evidence}
    assert all(e.source_document == "partnership-register-2014" for e in llep.evidence)


def test_the_ssc_board_declares_15_members_and_records_fewer():
    leeds = open_source(SEED / "leeds")
    finding = by_rule(representation_gaps(leeds, as_of="2013-06-01"),
                      "composition-unmet")["ssc-partnership-board"]
    assert finding.data["declared_size"] == 15
    assert finding.data["short"]["members"]["declared"] == 15
    assert finding.data["short"]["members"]["recorded"] == 4
    assert finding.data["short"]["elected_member"] == {"declared": 4, "recorded": 0}
    assert finding.data["standard"] == (
        "Audit Commission (2005) paras 138-139 (membership set out in the governing document); "
        "statutory composition such as Health and Social Care Act 2012 s.194(2).")


def test_leeds_clusters_have_their_elected_member_seats(harborough):
    leeds = open_source(SEED / "leeds")
    missing = by_rule(representation_gaps(leeds, as_of="2013-06-01"), "no-elected-member")
    assert not [k for k in missing if k.startswith("cluster-")]


# --- small networks -------------------------------------------------------------------

def states(network, body_id, **statement):
    """The source says something of a body's membership: no_seat_for, membership_complete."""
    network.bodies[body_id] = replace(network.bodies[body_id], **statement)


def test_a_person_of_the_council_sitting_for_another_organisation_does_not_count(network):
    network.memberships["m-ann"] = Membership("m-ann", "board", "ann", role="chair",
                                              on_behalf_of="police")
    network.memberships.pop("m-director")
    states(network, "board", membership_complete=True)
    found = by_rule(representation_gaps(network, as_of="2013-01-01"), "unrepresented")
    assert "board" in found
    assert found["board"].message == (
        "No one sits on the Safer Town Board on behalf of Town Council: its membership is "
        "recorded in full (2 seats) without Town Council. Ann Smith is there on behalf of "
        "County Police, not Town Council.")
    assert found["board"].data["stated"] == "membership_complete"


def test_a_seat_ending_on_the_day_still_counts_and_not_the_day_after(network):
    network.memberships.pop("m-ann")
    network.memberships["m-director"] = Membership("m-director", "board", post="director",
                                                   on_behalf_of="council", end="2013-03-31")
    states(network, "board", no_seat_for=("council",))
    # the seat held until 31 March wins over the source's later 'no seat'
    assert "board" not in by_rule(representation_gaps(network, as_of="2013-03-31"),
                                  "unrepresented")
    assert "board" in by_rule(representation_gaps(network, as_of="2013-04-01"), "unrepresented")


# --- unknown is not none -----------------------------------------------------------------

def test_representation_is_a_seat_a_seat_with_no_named_holder_no_seat_or_not_recorded(network):
    board = lambda: network.bodies["board"]
    seats = lambda: [m for m in network.memberships.values() if m.body == "board"]
    assert representation(board(), "council", seats()) == SEAT           # Ann Smith, chair
    network.memberships.pop("m-ann")
    network.memberships["m-director"] = Membership("m-director", "board",
                                                   on_behalf_of="council")
    assert representation(board(), "council", seats()) == HOLDER_NOT_NAMED
    network.memberships.pop("m-director")
    assert representation(board(), "council", seats()) == NOT_RECORDED   # Bob sits for police
    states(network, "board", no_seat_for=("council",))
    assert representation(board(), "council", seats()) == NO_SEAT
    states(network, "board", no_seat_for=(), membership_complete=True)
    assert representation(board(), "council", seats()) == NO_SEAT
    assert representation(board(), "police", seats()) == SEAT


def test_by_body_for_the_day_the_dataset_describes(harborough):
    status = representation_by_body(harborough)
    assert status["llep-board"] == NO_SEAT                     # para 2.9
    assert status["parking-partnership-board"] == SEAT         # Director of Community Services
    assert status["welland-audit-partnership"] == HOLDER_NOT_NAMED   # 'remain in', para 4.4
    assert status["hit-steering-group"] == NOT_RECORDED       # named in para 4.9, nothing more
    assert set(status) == set(harborough.as_of("2014-01-16").bodies)


def test_a_body_nothing_is_recorded_about_is_unrecorded_not_unrepresented(network):
    network.bodies["forum"] = Body("forum", "Safety Forum", "partnership")
    found = representation_gaps(network, as_of="2013-06-01")
    rules = {f.rule for f in found if f.subject.id == "forum"}
    # one note, not two: 'no member recorded at all' is said by representation-unrecorded
    assert rules == {"representation-unrecorded"}
    (note,) = [f for f in found if f.subject.id == "forum"]
    assert note.severity == "info"
    assert note.message == (
        "Nothing recorded says whether Town Council sits on the Safety Forum: no member of it "
        "is recorded at all. Record its seat if it has one; if it has none, list council in "
        "the body's no_seat_for, or mark its membership_complete once every seat is recorded.")
    assert note.data["standard"].startswith(
        "Audit Commission (2005) Governing partnerships, recommendation 14a")


def test_with_representation_unrecorded_turned_off_an_empty_body_is_still_reported(network):
    network.bodies["forum"] = Body("forum", "Safety Forum", "partnership")
    rules = load_rules()
    rules["representation"]["representation-unrecorded"]["enabled"] = False
    found = {f.rule for f in representation_gaps(network, rules=rules, as_of="2013-06-01")
             if f.subject.id == "forum"}
    assert found == {"empty-body"}


def test_seats_for_others_leave_the_council_s_seat_unrecorded(network):
    # Ann Smith, a Town councillor, sits for the police; Bob's seat ended in May 2013
    network.memberships.pop("m-ann")
    network.memberships.pop("m-director")
    network.memberships["m-ann-police"] = Membership("m-ann-police", "board", "ann",
                                                     on_behalf_of="police")
    found = representation_gaps(network, as_of="2013-06-01")
    assert "board" not in by_rule(found, "unrepresented")
    note = by_rule(found, "representation-unrecorded")["board"]
    assert note.message == (
        "Nothing recorded says whether Town Council sits on the Safer Town Board: 1 seat is "
        "recorded, none on its behalf. Ann Smith is there on behalf of County Police, not Town "
        "Council. Record its seat if it has one; if it has none, list council in the body's "
        "no_seat_for, or mark its membership_complete once every seat is recorded.")
    assert note.data["seats_on_behalf_of_others"] == 1
    assert "board" not in by_rule(found, "empty-body")


def test_the_council_s_own_bodies_are_neither_unrepresented_nor_unrecorded(network):
    network.bodies["forum"] = Body("forum", "Safety Forum", "partnership",
                                   organisation="council")
    found = {f.rule for f in representation_gaps(network, as_of="2013-06-01")
             if f.subject.id == "forum"}
    assert found == {"empty-body"}


def test_a_statement_names_the_organisations_it_is_about(network):
    states(network, "board", no_seat_for=("police",))
    network.memberships.pop("m-ann")
    network.memberships.pop("m-director")
    found = representation_gaps(network, as_of="2013-06-01")
    assert "board" in by_rule(found, "representation-unrecorded")     # said of the police only
    assert "board" in by_rule(representation_gaps(network, org="police", as_of="2013-06-01"),
                              "unrepresented")


def test_a_dissolved_body_is_not_a_gap(network):
    # its one seat recorded is the whole of its membership, and names no chair
    network.bodies["old-board"] = replace(network.bodies["old-board"], membership_complete=True)
    found = representation_gaps(network, as_of="2013-06-01")
    assert "old-board" not in {f.subject.id for f in found}
    assert "old-board" in {f.subject.id for f in representation_gaps(network, as_of="2012-06-01")
                           if f.rule == "no-chair"}


def test_an_elected_seat_can_be_held_by_a_post(network):
    rules = load_rules()
    rules["representation"]["no-elected-member"]["kinds"] = ["strategic_partnership_board"]
    network.memberships.pop("m-ann")
    assert "board" in by_rule(representation_gaps(network, rules=rules), "no-elected-member")
    network.posts["cllr"] = Post("cllr", "Elected member representative", "council")
    network.memberships["m-cllr"] = Membership("m-cllr", "board", post="cllr",
                                               on_behalf_of="council")
    assert "board" not in by_rule(representation_gaps(network, rules=rules), "no-elected-member")


def test_no_chair_and_empty_body(network):
    network.memberships.pop("m-ann")
    found = representation_gaps(network, as_of="2013-01-01")
    assert "board" in by_rule(found, "no-chair")
    assert "scrutiny" in by_rule(found, "empty-body")


def test_a_theme_no_attended_body_works_on(network):
    network.bodies["elder"] = Body("elder", "Older People's Forum", "partnership",
                                   themes=("older",))
    from graphmodel.model import Theme
    network.themes["older"] = Theme("older", "older people")
    found = by_rule(representation_gaps(network), "theme-uncovered")
    assert set(found) == {"older"}
    assert found["older"].message == ("No body Town Council sits on works on older people. "
                                      "It is worked on by: Older People's Forum. Whether "
                                      "Town Council sits on it is not recorded.")
    states(network, "elder", no_seat_for=("council",))
    found = by_rule(representation_gaps(network), "theme-uncovered")
    assert found["older"].message == ("No body Town Council sits on works on older people. "
                                      "It is worked on by: Older People's Forum.")
    assert found["older"].data["representation_not_recorded"] == 0


def _older_people_worked_on_by_the_board(network, **board):
    from graphmodel.model import Theme
    network.themes["older"] = Theme("older", "older people")
    states(network, "board", themes=("safety", "older"), **board)
    return by_rule(representation_gaps(network), "theme-uncovered")


def test_where_no_body_records_what_it_is_dedicated_to_a_theme_it_works_on_is_covered(network):
    assert network.bodies["board"].id in _attended(network)
    assert not any(b.main_themes for b in network.bodies.values())
    found = _older_people_worked_on_by_the_board(network)
    assert not found


def test_a_theme_an_attended_body_works_on_but_none_is_dedicated_to(network):
    found = _older_people_worked_on_by_the_board(network, main_themes=("safety",))
    assert set(found) == {"older"}
    assert found["older"].message == (
        "No body Town Council sits on is dedicated to older people, though it is included "
        f"in the work of the {network.bodies['board'].name}.")
    assert [(e.type, e.id) for e in found["older"].evidence] == [("theme", "older"),
                                                                  ("body", "board")]


def test_an_attended_body_dedicated_to_the_theme_covers_it(network):
    found = _older_people_worked_on_by_the_board(network, main_themes=("safety", "older"))
    assert not found


def test_an_attended_body_whose_dedication_is_not_recorded_may_be_dedicated(network):
    network.bodies["other"] = Body("other", "Safety Forum", "partnership",
                                   themes=("safety",), main_themes=("safety",))
    found = _older_people_worked_on_by_the_board(network)
    assert "older" not in found


def _attended(network):
    return {m.body for m in network.memberships.values() if m.on_behalf_of == "council"}


def test_another_organisation_can_be_reviewed(network):
    states(network, "board", membership_complete=True)
    found = by_rule(representation_gaps(network, org="police", as_of="2013-06-01"),
                    "unrepresented")
    assert "board" in found          # Bob's seat for the police ended in May 2013
    assert "board" not in by_rule(representation_gaps(network, org="police",
                                                      as_of="2013-05-31"), "unrepresented")


def test_an_unknown_organisation_is_refused_with_a_suggestion(network):
    with pytest.raises(UnknownOrganisation, match="did you mean 'police'"):
        representation_gaps(network, org="polise")


# --- rules files and the command -------------------------------------------------------

def test_a_rules_file_can_turn_a_rule_off_and_change_severity(tmp_path, dataset_dir):
    rules = tmp_path / "ours.yaml"
    rules.write_text("representation:\n  empty-body: {enabled: false}\n"
                     "  no-chair: {severity: error}\n", encoding="utf-8")
    seats = dataset_dir / "memberships.csv"  # Ann no longer chairs the board: no chair
    seats.write_text(seats.read_text(encoding="utf-8").replace(",chair,", ",member,"),
                     encoding="utf-8")
    result = CliRunner().invoke(main, ["gaps", str(dataset_dir), "--rules", str(rules),
                                       "--as-of", "2013-01-01", "--format", "json"])
    found = json.loads(result.stdout)
    assert not [f for f in found if f["rule"] == "empty-body"]
    chairless = [f for f in found if f["rule"] == "no-chair"]
    assert [f["subject"]["id"] for f in chairless] == ["board"]
    assert {f["severity"] for f in chairless} == {"error"}


@pytest.mark.parametrize("text, message", [
    ("representation:\n  unrepresented: {kinds: [boards]}\n", "are not body kinds"),
    ("representation:\n  no-chiar: {}\n", "unknown rule 'no-chiar'"),
    ("representation:\n  no-chair: {severity: urgent}\n", "is not info, warning or error"),
    ("representation: [\n", "not valid YAML"),
])
def test_a_bad_rules_file_is_a_clear_usage_error(tmp_path, dataset_dir, text, message):
    rules = tmp_path / "bad.yaml"
    rules.write_text(text, encoding="utf-8")
    with pytest.raises(RulesError, match=message):
        load_rules(rules)
    result = CliRunner().invoke(main, ["gaps", str(dataset_dir), "--rules", str(rules)])
    assert result.exit_code == 2 and message.split("'")[0] in result.stderr
    assert "Traceback" not in result.output


def test_gaps_as_csv_has_a_row_per_finding(dataset_dir):
    """On 1 January 2013 the Safer Town Board records 2 of its 15 declared members and no
    one is recorded on the Full Council or the scrutiny board: one row each, saying what
    the JSON says of the same finding."""
    gaps = lambda form: CliRunner().invoke(main, ["gaps", str(dataset_dir), "--as-of",
                                                  "2013-01-01", "--format", form]).stdout
    table = gaps("csv")
    assert table.splitlines()[0] == ("severity,rule,subject_type,subject_id,subject,message,"
                                     "evidence,data")
    rows = list(csv.DictReader(io.StringIO(table)))
    assert [(r["severity"], r["rule"], r["subject_id"]) for r in rows] == [
        ("warning", "composition-unmet", "board"), ("info", "empty-body", "council-meeting"),
        ("info", "empty-body", "scrutiny")]
    assert rows[1]["evidence"] == "body council-meeting (report para 1)"
    found = json.loads(gaps("json"))
    assert [(r["severity"], r["rule"], r["subject_type"], r["subject_id"], r["subject"],
             r["message"], json.loads(r["data"])) for r in rows] == [
        (f["severity"], f["rule"], f["subject"]["type"], f["subject"]["id"],
         f["subject"]["name"], f["message"], f["data"]) for f in found]


def test_gaps_reads_what_the_source_states_from_the_bodies_table(tmp_path, network):
    network.memberships.pop("m-ann")
    network.memberships.pop("m-director")
    states(network, "board", no_seat_for=("council",))
    folder = write_source(network, tmp_path / "town", "csv")
    assert "no_seat_for" in (folder / "bodies.csv").read_text(encoding="utf-8").splitlines()[0]
    result = CliRunner().invoke(main, ["gaps", str(folder), "--as-of", "2013-06-01",
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    found = {(f["rule"], f["subject"]["id"]) for f in json.loads(result.stdout)}
    assert ("unrepresented", "board") in found
    assert ("representation-unrecorded", "board") not in found


def test_gaps_on_leeds_notes_unrecorded_representation_and_warns_of_none():
    """No Leeds report says the council has no seat on a body, nor lists a whole membership."""
    result = CliRunner().invoke(main, ["gaps", str(SEED / "leeds"), "--format", "json"])
    found = json.loads(result.stdout)
    assert not [f for f in found if f["rule"] == "unrepresented"]
    unrecorded = {f["subject"]["name"]: f for f in found
                  if f["rule"] == "representation-unrecorded"}
    assert {"Best City Leadership Network", "Safer Leeds Executive",
            "Stronger Communities Partnership",
            "Leeds Alcohol Management Partnership"} <= set(unrecorded)
    assert all(f["severity"] == "info" for f in unrecorded.values())
    # Bishop John Packer chairs it, for whom is not recorded (002 para 5)
    migration = unrecorded["Leeds Migration Partnership"]
    assert migration["message"].startswith(
        "Nothing recorded says whether Leeds City Council sits on the Leeds Migration "
        "Partnership: 1 seat is recorded, none on its behalf. 1 seat records no "
        "on-behalf-of. ")
    assert migration["data"]["seats_without_on_behalf_of"] == 1
    # the council's own boards and its seats on the clusters are not in question
    assert "Children's Trust Board" not in unrecorded
    assert not [f for f in unrecorded.values() if f["subject"]["id"].startswith("cluster-")]


def test_the_representation_map_draws_not_recorded_apart_from_no_seat(harborough, tmp_path):
    from graphmodel.maps import make_map

    m = make_map(harborough, "representation")
    status = {n.id: n.status for n in m.nodes if n.type == "body"}
    assert status["llep-board"] == "unrepresented"              # para 2.9
    assert status["hit-steering-group"] == "not-recorded"       # para 4.9 says no more
    assert status["welland-audit-partnership"] == "represented"   # a seat, holder not named
    hit = next(n for n in m.nodes if n.id == "hit-steering-group")
    assert ("Representation", "Nothing recorded says whether Harborough District Council "
            "has a seat") in hit.facts
    out = tmp_path / "map.html"
    result = CliRunner().invoke(main, ["map", str(SEED / "harborough"), "--view",
                                       "representation", "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Nothing recorded says whether Harborough District Council has a seat" in html
    assert "No seat held on behalf of Harborough District Council" in html


PARTNERSHIP_KINDS = set(load_rules()["representation"]["unrepresented"]["kinds"])


@settings(max_examples=30)
@given(st.data())
def test_each_partnership_is_a_seat_a_stated_gap_or_a_note_and_never_two(harborough, data):
    """Whatever the source states of each body, a body outside the council's own is
    reported by at most one of unrepresented and representation-unrecorded, and which
    one follows from its seats and the statements alone."""
    hdc, lcc = "harborough-district-council", "leicestershire-county-council"
    network = Network(harborough.dataset, harborough.records())   # a copy to change
    for body in list(network.bodies.values()):
        network.bodies[body.id] = replace(
            body, no_seat_for=data.draw(st.sampled_from([(), (hdc,), (lcc,), (lcc, hdc)])),
            membership_complete=data.draw(st.sampled_from([None, False, True])))
    day = data.draw(st.sampled_from(["2013-10-15", "2014-01-16"]))
    found = representation_gaps(network, as_of=day)
    rules_on = lambda body_id: {f.rule for f in found if f.subject.id == body_id}
    current = network.as_of(day)
    for body in current.bodies.values():
        if body.organisation == hdc or body.kind not in PARTNERSHIP_KINDS:
            continue
        ours = [m for m in current.memberships.values() if m.body == body.id
                and m.on_behalf_of == hdc]
        stated = hdc in body.no_seat_for or body.membership_complete is True
        rules = rules_on(body.id) & {"unrepresented", "representation-unrecorded",
                                     "holder-not-named", "empty-body"}
        if ours:
            assert not rules & {"unrepresented", "representation-unrecorded"}, body.id
        elif stated:
            assert "unrepresented" in rules and "representation-unrecorded" not in rules
        else:
            assert "representation-unrecorded" in rules and "unrepresented" not in rules
            assert "empty-body" not in rules, body.id


# --- rules that need no organisation run without one -----------------------------------

@pytest.fixture
def committees_of_no_council(tmp_path):
    """A Popolo file of committees with no home council, as real ones come: the audit
    committee has no member recorded, the planning committee members but no chair."""
    network = Network(Dataset("committees", "Committees", None, as_of="2024-05-01"), [
        Body("audit", "Audit Committee", "committee"),
        Body("planning", "Planning Committee", "committee"),
        Person("jo", "Jo Bloggs", "elected_member"),
        Person("sam", "Sam Roe", "elected_member"),
        Membership("m1", "planning", "jo"),
        Membership("m2", "planning", "sam")])
    return write_source(network, tmp_path / "committees.json", "popolo")


def _findings_of(*args):
    result = CliRunner().invoke(main, [str(a) for a in args] + ["--format", "json"])
    return result, sorted((f["rule"], f["subject"]["id"]) for f in json.loads(result.stdout))


@pytest.mark.parametrize("command", ["check", "gaps"])
def test_committees_of_no_council_are_found_empty_and_without_a_chair(
        committees_of_no_council, command):
    assert open_source(committees_of_no_council).dataset.home_organisation is None
    result, found = _findings_of(command, committees_of_no_council)
    assert result.exit_code == 0, result.output
    representation_rules = {r.name for r in rules_of("representation")}
    assert [f for f in found if f[0] in representation_rules] == [
        ("empty-body", "audit"), ("no-chair", "planning")]
    # the rules speaking for an organisation were left out, and the review says so
    note = next(line for line in result.stderr.splitlines() if line.startswith("note:"))
    assert note.startswith("note: rules needing an organisation not run (unrepresented, "
                           "representation-unrecorded, vacant-appointment, holder-not-named, "
                           "theme-uncovered")
    assert ("resources-unrecorded" in note) == (command == "check")
    assert "name one with --org ID" in note


def test_representation_gaps_without_an_organisation_runs_the_rules_needing_none(
        committees_of_no_council):
    network = open_source(committees_of_no_council)
    found = representation_gaps(network)
    assert sorted((f.rule, f.subject.id) for f in found) == [
        ("empty-body", "audit"), ("no-chair", "planning")]
    with pytest.raises(UnknownOrganisation):
        representation_gaps(network, org="nowhere")


def test_composition_and_elected_members_are_judged_without_an_organisation():
    net = tiny_network(
        body("hwb", "Town Health and Wellbeing Board", organisation="nhs", declared_size=3,
             declared_composition="partner=2"),
        seat("hwb", "dr-patel", role="chair", on_behalf_of="nhs"),
        seat("hwb", "inspector-lee", on_behalf_of="police"), home=None)
    found = {f.rule: f for f in run_rules(net, topics=["representation"])}
    assert set(found) == {"composition-unmet", "no-elected-member"}
    # reviewing for no organisation, a partner sits for one other than the body's own:
    # the police, not the NHS whose board it is
    assert found["composition-unmet"].data["short"] == {
        "members": {"declared": 3, "recorded": 2},
        "partner": {"declared": 2, "recorded": 1}}


# --- vacancies: places the council appoints to and has not filled ----------------------

def _outside_bodies(*records, **fields):
    """The Town Council's appointments to two outside bodies, as its own list gives them."""
    from graphmodel.analysis.example import appoints
    from graphmodel.model import Document
    page = Document("trust-page", "Water Park Trust", "Town Council", None,
                    "mgOutsideBodyDetails.aspx?ID=5")
    return tiny_network(
        page, body("trust", "Water Park Trust", "trust"), body("panel", "Police and Crime Panel",
                                                               "panel"),
        appoints("trust", places=2, source_document="trust-page", source_section="Membership"),
        appoints("panel", source_document="panel-page"), *records, **fields)


def test_the_trust_s_second_place_is_vacant_while_a_substitute_sits():
    """The council appoints two members to the Water Park Trust; Ann sits, Bob is a
    substitute: one of its places is vacant, and the finding cites the trust's page."""
    net = _outside_bodies(seat("trust", "ann"), seat("trust", "bob", role="substitute"),
                          seat("panel", "cath"))
    found = by_rule(representation_gaps(net), "vacant-appointment")
    assert set(found) == {"trust"}
    trust = found["trust"]
    assert trust.severity == "warning"
    assert trust.message == ("Town Council appoints 2 members to the Water Park Trust and 1 "
                             "sits for it (Ann); Bob sits as substitute: 1 place is vacant.")
    assert {k: v for k, v in trust.data.items() if k != "standard"} == {
        "places": 2, "filled": 1, "seats": 2, "vacant": 1}
    right = next(e for e in trust.evidence if e.type == "nomination_right")
    assert (right.source_document, right.source_section) == ("trust-page", "Membership")
    assert "Audit Commission (2005)" in trust.data["standard"]


def test_a_body_the_council_appoints_to_with_no_one_there_is_vacant_not_unrecorded():
    net = _outside_bodies(seat("trust", "ann"), seat("trust", "bob"))
    findings = representation_gaps(net)
    assert [(f.rule, f.subject.id) for f in findings if f.subject.id == "panel"] == [
        ("vacant-appointment", "panel")]
    assert by_rule(findings, "vacant-appointment")["panel"].message == (
        "Town Council appoints members to the Police and Crime Panel and no one sits for it: "
        "its places are vacant.")
    assert representation_by_body(net) == {"trust": SEAT, "panel": VACANT}


def test_every_place_filled_is_no_vacancy_and_a_right_ended_is_none():
    net = _outside_bodies(seat("trust", "ann"), seat("trust", "bob"), seat("panel", "cath"))
    assert not by_rule(representation_gaps(net), "vacant-appointment")
    from graphmodel.analysis.example import appoints
    ended = tiny_network(body("panel", "Police and Crime Panel", "panel"),
                         appoints("panel", end="2013-05-31"))
    assert not by_rule(representation_gaps(ended), "vacant-appointment")
    assert representation_by_body(ended) == {"panel": NOT_RECORDED}


def test_a_right_held_by_the_council_s_cabinet_is_the_council_s_and_a_partner_s_is_not():
    from graphmodel.model import NominationRight
    net = tiny_network(body("cabinet", "Cabinet", "executive", organisation="council"),
                       body("lep", "Local Enterprise Partnership"),
                       body("csp", "Community Safety Partnership"),
                       NominationRight("cabinet>lep", "cabinet", "lep", places=1),
                       NominationRight("police>csp", body="csp",
                                       nominating_organisation="county-police", places=1))
    assert set(by_rule(representation_gaps(net), "vacant-appointment")) == {"lep"}


def test_a_vacancy_is_no_seat_on_the_map_and_for_the_resources_it_is_unrepresented(tmp_path):
    from graphmodel.maps import make_map
    from graphmodel.model import Resourcing
    net = _outside_bodies(seat("trust", "ann"),
                          Resourcing("r1", "council", "panel", officer_hours_per_month=4))
    scene = make_map(net, "representation")
    statuses = {n.id: n.status for n in scene.nodes if n.id in ("trust", "panel")}
    assert statuses == {"trust": "represented", "panel": "unrepresented"}
    (paid,) = [f for f in run_rules(net, topics=["resources"])
               if f.rule == "resourced-but-unrepresented"]
    assert paid.message == ("Town Council puts 4 officer hours a month into the Police and "
                            "Crime Panel but has no seat on it (the places it appoints to "
                            "there are vacant).")
