"""Popolo from anywhere, the organisation a review speaks for, and the day it looks at."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmodel import open_source, write_source
from graphmodel.cli import main
from graphmodel.model import Membership

SEED = Path(__file__).resolve().parent.parent / "seed_data"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


# what a review of the committees_only file cannot do, for want of an organisation
NO_ORGANISATION = ("no organisation to review in committees: name one with --org ID (or set "
                   "home_organisation in the dataset table); no seat records whom it is held "
                   "on behalf of; the organisations are: labour")
# the rules that speak for an organisation, left out of a review without one
REPRESENTATION_NOT_RUN = ("unrepresented, representation-unrecorded, vacant-appointment, "
                          "holder-not-named, theme-uncovered")
ALL_NOT_RUN = (REPRESENTATION_NOT_RUN + ", recommendation, resourced-but-unrepresented, "
               "resources-unrecorded, six-month-rule")
NOT_RUN = f"note: rules needing an organisation not run ({ALL_NOT_RUN}): " + NO_ORGANISATION


def write_json(path, doc):
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.fixture
def committees_only(tmp_path):
    """Committees, people and memberships, no on_behalf_of: most Popolo files in the wild.
    Sam Roe's party membership is an affiliation, not a seat."""
    return write_json(tmp_path / "committees.json", {
        "persons": [{"id": "jo", "name": "Jo Bloggs"}, {"id": "sam", "name": "Sam Roe"}],
        "organizations": [
            {"id": "health", "name": "Health Committee", "classification": "committee"},
            {"id": "planning", "name": "Planning Committee", "classification": "committee"},
            {"id": "labour", "name": "Labour", "classification": "party"}],
        "memberships": [
            {"id": "m1", "person_id": "jo", "organization_id": "health", "role": "Chair"},
            {"id": "m2", "person_id": "jo", "organization_id": "planning"},
            {"id": "m3", "person_id": "sam", "organization_id": "planning"},
            {"id": "m4", "person_id": "sam", "organization_id": "labour"}],
    })


@pytest.fixture
def with_a_council(tmp_path):
    """Seats held on behalf of an organization classified 'council', two on its behalf."""
    return write_json(tmp_path / "borough.json", {
        "persons": [{"id": "jo", "name": "Jo Bloggs"}, {"id": "sam", "name": "Sam Roe"}],
        "organizations": [
            {"id": "borough", "name": "Borough Council", "classification": "council"},
            {"id": "trust", "name": "Health Trust", "classification": "NHS"},
            {"id": "hwb", "name": "Health and Wellbeing Board", "classification": "board"},
            {"id": "csp", "name": "Community Safety Partnership",
             "classification": "partnership"}],
        "memberships": [
            {"id": "m1", "person_id": "jo", "organization_id": "hwb",
             "on_behalf_of_id": "borough", "start_date": "2020"},
            {"id": "m2", "person_id": "jo", "organization_id": "csp",
             "on_behalf_of_id": "borough", "start_date": "2020"},
            {"id": "m3", "person_id": "sam", "organization_id": "hwb",
             "on_behalf_of_id": "trust", "start_date": "2020"}],
    })


@pytest.mark.parametrize("source", ["committees_only", "with_a_council"])
@pytest.mark.parametrize("command", [["overlaps"], ["chains"], ["summary"], ["validate"],
                                     ["check"], ["map", "--view", "network"]])
def test_a_popolo_file_with_no_home_organisation_is_reviewed(request, tmp_path, source,
                                                             command):
    path = request.getfixturevalue(source)
    extra = ["--out", tmp_path / "map.html"] if command[0] == "map" else []
    result = run(command[0], path, *command[1:], *extra)
    assert result.exit_code == 0, result.output
    problems = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert problems == []
    if command[0] in ("check", "map"):   # the rules that need an organisation are left out
        assert result.stderr.splitlines()[1] == {
            "committees_only": NOT_RUN,
            "with_a_council": f"note: rules needing an organisation not run ({ALL_NOT_RUN}): no "
                              "organisation to review in borough: name one with --org ID (or "
                              "set home_organisation in the dataset table); candidates "
                              "(organisations seats are held on behalf of): borough (Borough "
                              "Council, 2 seats), trust (Health Trust, 1 seat)"}[source]


def test_a_deck_and_a_review_pack_need_no_home_organisation(committees_only, tmp_path):
    deck = run("present", committees_only, "--out", tmp_path / "deck.html")
    assert deck.exit_code == 0, deck.output
    pack = run("report", committees_only, "--out", tmp_path / "review")
    assert pack.exit_code == 0, pack.output
    paper = (tmp_path / "review" / "report.md").read_text(encoding="utf-8")
    assert ("for no organisation in particular (the rules about its seats and resources need "
            "--org ID)") in paper
    assert pack.stderr.splitlines()[1] == NOT_RUN
    assert 'id="map-representation"' not in \
        (tmp_path / "review" / "index.html").read_text(encoding="utf-8")


def test_a_popolo_file_is_stored_and_exported_without_a_home_organisation(
        committees_only, tmp_path):
    network = open_source(committees_only)
    assert network.dataset.home_organisation is None
    again = open_source(write_source(network, tmp_path / "again", "csv"))
    assert again == network
    assert run("export", committees_only, "--to", "xlsx", "--out",
               tmp_path / "c.xlsx").exit_code == 0


def test_a_party_membership_is_the_persons_organisation_not_a_seat(committees_only):
    network = open_source(committees_only)
    assert network.people["sam"].organisation == "labour"
    assert "m4" not in network.memberships
    assert set(network.bodies) == {"health", "planning"}


def test_gaps_without_an_organisation_runs_the_rules_needing_none_naming_the_candidates(
        with_a_council):
    result = run("gaps", with_a_council, "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[1] == (
        f"note: rules needing an organisation not run ({REPRESENTATION_NOT_RUN}): "
        "no organisation to review in borough: name one with --org ID (or set "
        "home_organisation in the dataset table); candidates (organisations seats are held on "
        "behalf of): borough (Borough Council, 2 seats), trust (Health Trust, 1 seat)")
    # the Health and Wellbeing Board's seats, for two organisations, name no chair, nor a
    # councillor (Jo Bloggs is not said to be one); the Community Safety Partnership's one
    # seat, the borough's, cannot show who chairs it; whose seats are missing is not asked
    assert sorted((f["rule"], f["subject"]["id"]) for f in json.loads(result.stdout)) == [
        ("no-chair", "hwb"), ("no-elected-member", "hwb")]


@pytest.mark.parametrize("command", [["resources"],
                                     ["map", "--view", "representation"]])
def test_commands_that_need_an_organisation_exit_2_without_one(committees_only, tmp_path,
                                                               command):
    extra = ["--out", tmp_path / "map.html"] if command[0] == "map" else []
    result = run(command[0], committees_only, *command[1:], *extra)
    assert result.exit_code == 2, result.output
    # no seat names an organisation it is held for: every organisation is offered; said
    # once, as the error, after the day the review would have looked at
    assert result.stderr.splitlines()[1:] == ["error: " + NO_ORGANISATION]


def test_a_council_that_seats_are_held_for_is_an_organisation(with_a_council):
    network = open_source(with_a_council)
    assert network.organisations["borough"].kind == "local_authority"
    assert network.organisations["trust"].kind == "nhs"
    assert set(network.bodies) == {"hwb", "csp"}
    result = run("gaps", with_a_council, "--org", "borough", "--format", "json")
    assert result.exit_code == 0, result.output
    found = [f for f in json.loads(result.stdout)
             if f["rule"] in ("unrepresented", "representation-unrecorded")]
    assert found == []      # Jo Bloggs sits on both for the Borough Council


def test_an_organisation_seats_are_held_for_is_one_whatever_its_classification(tmp_path):
    path = write_json(tmp_path / "odd.json", {
        "persons": [{"id": "jo", "name": "Jo Bloggs"}],
        "organizations": [
            {"id": "friends", "name": "Friends of the Park", "classification": "committee"},
            {"id": "park", "name": "Park Board", "classification": "board"}],
        "memberships": [{"id": "m1", "person_id": "jo", "organization_id": "park",
                         "on_behalf_of_id": "friends"}]})
    network = open_source(path)
    assert network.organisations["friends"].kind == "other"
    assert "friends" not in network.bodies
    result = run("validate", path)
    assert f"{path}:organizations[0]: classification: 'committee' is not an organisation " \
           "kind; read as an organisation of kind other, as seats are held on its behalf " \
           "(warning)" in result.stdout.splitlines()


def test_check_without_an_organisation_says_which_rules_it_left_out(committees_only):
    result = run("check", committees_only, "--format", "json")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[1] == NOT_RUN
    rules = {f["rule"] for f in json.loads(result.stdout)}
    # Jo Bloggs chairs one committee and sits on the other, which has no chair; neither
    # reports anywhere
    assert rules == {"broker", "single-point-of-failure", "no-accountability-line",
                     "no-chair"}


# --- the day a review looks at ----------------------------------------------------------

def test_harborough_is_reviewed_as_of_the_report_date_by_default():
    result = run("gaps", SEED / "harborough", "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stderr == "as of 2014-01-16 (the date the dataset describes)\n"
    unrepresented = {f["subject"]["id"] for f in json.loads(result.stdout)
                     if f["rule"] == "unrepresented"}
    # the Director of Communities' October 2013 visit is over by the report's date
    assert unrepresented == UNREPRESENTED_IN_OCTOBER_2013 | {"sustainable-harborough"}


UNREPRESENTED_IN_OCTOBER_2013 = {
    "community-safety-spb", "leicestershire-cyp-board", "leicestershire-health-wellbeing-board",
    "leicestershire-rural-partnership", "llep-board", "rural-partnership-management-board",
    "stronger-communities-board"}


def test_an_explicit_as_of_wins_and_is_named():
    result = run("gaps", SEED / "harborough", "--as-of", "2013-10-15", "--format", "json")
    assert result.stderr == "as of 2013-10-15 (--as-of)\n"
    unrepresented = {f["subject"]["id"] for f in json.loads(result.stdout)
                     if f["rule"] == "unrepresented"}
    # the Director of Communities attended Sustainable Harborough that month
    assert unrepresented == UNREPRESENTED_IN_OCTOBER_2013


@pytest.mark.parametrize("command", [["chains"], ["overlaps"], ["resources"], ["check"],
                                     ["summary"]])
def test_every_review_command_names_the_day(command):
    result = run(*command, SEED / "leeds")
    assert result.exit_code == 0, result.output   # Leeds has no finding at error
    assert result.stderr == "as of 2014-07-24 (the date the dataset describes)\n"


def test_the_day_a_map_uses_is_named_in_its_summary(tmp_path):
    result = run("map", SEED / "harborough", "--out", tmp_path / "m.html")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1] == (
        f"wrote {tmp_path / 'm.html'}: 53 nodes and 37 links, as of 2014-01-16; 132 of the "
        "day's 132 findings")


def test_the_dataset_date_is_the_libraries_default_too(harborough):
    assert harborough.dataset.as_of == "2014-01-16"
    assert str(harborough.review_day()) == "2014-01-16"
    assert harborough.as_of() == harborough.as_of("2014-01-16")


# --- a seat whose holder is not named -----------------------------------------------------

def test_a_seat_with_no_named_holder_survives_every_format(tmp_path, network):
    from graphmodel.sources import read_source

    network.memberships["m-unnamed"] = Membership(
        "m-unnamed", "scrutiny", on_behalf_of="police", source_document="report",
        source_section="para 1")
    csv_dir = write_source(network, tmp_path / "town", "csv")
    for fmt, path in (("xlsx", "town.xlsx"), ("popolo", "town.json")):
        assert open_source(write_source(open_source(csv_dir), tmp_path / path, fmt)) == network
    again, problems = read_source(csv_dir)
    assert again == network and problems == []


def test_a_seat_with_no_named_holder_is_an_edge_from_the_organisation(network):
    from graphmodel.graph import network_graph, people_bodies

    network.memberships["m-unnamed"] = Membership("m-unnamed", "scrutiny", on_behalf_of="police")
    g = network_graph(network)
    assert g.has_edge("organisation:police", "body:scrutiny", key="seat_for:m-unnamed")
    assert "body:scrutiny" not in {b for _, b in people_bodies(network).edges}


def test_diff_runs_to_the_day_the_dataset_describes():
    result = run("diff", SEED / "harborough", "--from", "2013-10-15", "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stderr == "from 2013-10-15 to 2014-01-16\n"
    ended = [c["id"] for c in json.loads(result.stdout) if c["change"] == "ended"]
    assert ended == ["hdc-director-communities-sustainable-harborough"]


def test_a_popolo_file_from_another_tool_says_what_it_did_not_read(tmp_path):
    """Another tool's file: dates with a time, contact details, identifiers and events."""
    path = tmp_path / "council.json"
    path.write_text(json.dumps({
        "persons": [{"id": "p1", "name": "Siân Jones", "identifiers": [{"identifier": "7"}],
                     "contact_details": [{"type": "email", "value": "sj@example.org"}]},
                    {"id": "p2", "name": "Raj Patel"}],
        "organizations": [
            {"id": "council", "name": "Stroud District Council", "classification": "council"},
            {"id": "audit", "name": "Audit Committee", "classification": "committee",
             "founding_date": "2010-05-01T00:00:00Z"}],
        "memberships": [
            {"id": "m1", "person_id": "p1", "organization_id": "audit", "role": "chair",
             "on_behalf_of_id": "council", "start_date": "2022-05-18T19:00:00+01:00",
             "area_id": "ward-5"},
            {"id": "m2", "person_id": "p2", "organization_id": "audit",
             "on_behalf_of_id": "council", "start_date": "2022-05-18"}],
        "events": [{"id": "e1", "name": "Election 2022"}]}), encoding="utf-8")
    result = run("export", path, "--to", "csv", "--out", tmp_path / "back")
    assert result.exit_code == 0, result.output
    # an event is read as a meeting of a body: this one, of none, is said not read
    assert set(result.stderr.splitlines()) >= {
        f"{path}:events[0]: organization_id: not read: an event is read as a meeting of a "
        "body, and this one names none (warning)",
        f"{path}:persons: contact_details, identifiers not read: graphmodel keeps no field for "
        "them (warning)",
        f"{path}:memberships: area_id not read: graphmodel keeps no field for it (warning)"}
    back = open_source(tmp_path / "back")
    assert back.memberships["m1"].start == "2022-05-18"
    assert back.bodies["audit"].established == "2010-05-01"
    assert len(back.memberships) == 2 and len(back.people) == 2
