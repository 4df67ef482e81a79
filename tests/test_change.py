"""Change over time, the check gate, and the evidence behind every finding."""
from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmodel import open_source
from graphmodel.analysis.change import changes, changes_between
from graphmodel.analysis.review import review
from graphmodel.cli import main
from graphmodel.model import Membership, RECORD_TYPES, ReportingLine
from graphmodel.sources import write_source

SEED = Path(__file__).resolve().parent.parent / "seed_data"
TABLE_OF = {rt.label.lower(): rt.name for rt in RECORD_TYPES} | {
    "person": "people", "body": "bodies", "reporting_line": "reporting_lines",
    "scrutiny_link": "scrutiny_links", "nomination_right": "nomination_rights",
    "resourcing": "resourcing", "assessment": "assessments"}


def summary(found):
    return {(c.change, c.record_type, c.id) for c in found}


def test_leeds_between_mid_2012_and_mid_2013():
    leeds = open_source(SEED / "leeds")
    found = changes_between(leeds, "2012-06-01", "2013-06-01")
    assert {("established", "body", "best-city-leadership-network"),
            ("dissolved", "body", "leeds-initiative-board"),
            ("ended", "reporting_line", "third-sector-to-leeds-initiative"),
            ("ended", "scrutiny_link", "scrutiny-resources-third-sector"),
            ("started", "nomination_right", "outer-east-nominates-brigshaw"),
            ("appeared", "finding", "no-accountability-line:third-sector-partnership"),
            ("disappeared", "finding",
             "representation-unrecorded:leeds-initiative-board")} <= summary(found)
    assert not [c for c in found if c.record_type == "membership"]


def test_a_membership_ending_on_the_later_day_has_not_yet_ended(network):
    # m-bob runs to 2013-05-31 inclusive
    assert ("ended", "membership", "m-bob") not in summary(
        changes_between(network, "2013-01-01", "2013-05-31", findings=False))
    assert ("ended", "membership", "m-bob") in summary(
        changes_between(network, "2013-01-01", "2013-06-01", findings=False))


def test_seats_of_one_name_are_listed_by_id_after_the_bodies_established():
    # Ann holds two seats as member of the Safer Town Board, both started in 2015:
    # the same name, so the diff lists them by id; the board itself, established
    # that year, comes first
    from graphmodel.analysis.example import body, seat, tiny_network
    net = tiny_network(body("board", "Safer Town Board", established="2015-01-01"),
                       replace(seat("board", "ann"), id="seat-2", start="2015-02-01"),
                       replace(seat("board", "ann"), id="seat-1", start="2015-03-01"),
                       replace(seat("board", "bob"), id="seat-0", start="2015-03-01"))
    found = changes_between(net, "2014-06-01", "2016-01-01", findings=False)
    assert [(c.change, c.id, c.detail) for c in found] == [
        ("established", "board", "from 2015-01-01 to now"),
        ("started", "seat-1", "from 2015-03-01 to now"),
        ("started", "seat-2", "from 2015-02-01 to now"),
        ("started", "seat-0", "from 2015-03-01 to now")]
    assert found[1].name == found[2].name == "Ann on the Safer Town Board (member)"


def test_each_seat_that_began_is_named_as_a_reviewer_would_say_it():
    # Ann's seat by her name; a seat naming someone the source does not list, by the id
    # it gives; a post's seat, holder not named, by the post; a trust's seat with no one
    # named, as someone not named for the trust
    from graphmodel.analysis.example import body, seat, tiny_network
    began = {"start": "2015-02-01"}
    net = tiny_network(body("board", "Safer Town Board"),
                       replace(seat("board", "ann", role="vice_chair"), **began),
                       replace(seat("board", "p-404"), **began),
                       replace(seat("board", post="chair-post"), **began),
                       replace(seat("board", on_behalf_of="health-trust"), **began))
    del net.people["p-404"]
    found = changes_between(net, "2014-06-01", "2016-01-01", findings=False)
    assert {c.id: c.name for c in found if c.record_type == "membership"} == {
        "board/ann": "Ann on the Safer Town Board (vice chair)",
        "board/p-404": "p-404 on the Safer Town Board (member)",
        "board/chair-post": "Chair Post on the Safer Town Board (member)",
        "board/health-trust":
            "someone (not named) for Health Trust on the Safer Town Board (member)"}


def test_two_sources_one_membership_added_one_changed_one_removed(network, tmp_path):
    old = write_source(network, tmp_path / "old", "csv")
    network.tables["memberships"]["m-new"] = Membership("m-new", "scrutiny", person="bob",
                                                        on_behalf_of="police")
    network.tables["memberships"]["m-ann"] = replace(network.memberships["m-ann"],
                                                     role="vice_chair")
    del network.memberships["m-director"]
    new = write_source(network, tmp_path / "new", "csv")
    found = changes(open_source(old), open_source(new), as_of="2013-01-01")
    assert {(c.change, c.id) for c in found if c.record_type == "membership"} == {
        ("added", "m-new"), ("changed", "m-ann"), ("removed", "m-director")}
    changed = next(c for c in found if c.id == "m-ann")
    assert changed.detail == "role: chair -> vice_chair"
    # the board lost its chair: a finding appeared
    assert ("appeared", "finding", "no-chair:board") in summary(found)
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "--as-of", "2013-01-01",
                                       "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert {"change": "changed", "type": "membership", "id": "m-ann",
            "name": "Ann Smith on the Safer Town Board (vice chair)",
            "detail": "role: chair -> vice_chair"} in rows


def test_two_sources_are_reviewed_on_the_day_the_new_one_describes(network, tmp_path):
    network.dataset = replace(network.dataset, as_of="2013-01-01")
    network.tables["memberships"]["m-ann"] = replace(network.memberships["m-ann"],
                                                     end="2013-12-31")
    old = open_source(write_source(network, tmp_path / "old", "csv"))
    network.tables["memberships"]["m-ann"] = replace(network.memberships["m-ann"],
                                                     role="vice_chair")
    new = open_source(write_source(network, tmp_path / "new", "csv"))
    # on 1 January 2013 Ann was the board's chair in the old source and is not in the
    # new one; since her seat ended, both sources show a board without a chair
    assert ("appeared", "finding", "no-chair:board") in summary(changes(old, new))
    assert ("appeared", "finding", "no-chair:board") not in summary(
        changes(old, new, as_of="2014-06-01"))


def test_diff_needs_from_or_two_sources(dataset_dir):
    runner = CliRunner()
    one = runner.invoke(main, ["diff", str(dataset_dir)])
    assert one.exit_code == 2
    assert one.stderr.splitlines()[-1] == ("Error: with one SOURCE, give --from DATE (and --to "
                                           "DATE)")
    both = runner.invoke(main, ["diff", str(dataset_dir), str(dataset_dir), "--from", "2012"])
    assert both.exit_code == 2
    assert both.stderr.splitlines()[-1] == ("Error: give one SOURCE with --from/--to, or two "
                                            "sources (OLD NEW)")
    dated = runner.invoke(main, ["diff", str(dataset_dir), "--from", "2012-06-01", "--to",
                                 "2013-06-01", "--format", "json"])
    assert dated.exit_code == 0, dated.output
    assert {"change": "ended", "record_type": "membership", "id": "m-bob"}.items() <= next(
        c for c in json.loads(dated.stdout) if c["id"] == "m-bob").items()


def test_check_fails_only_at_or_above_the_chosen_severity(dataset_dir, network, tmp_path):
    runner = CliRunner()
    ok = runner.invoke(main, ["check", str(dataset_dir), "--as-of", "2013-01-01"])
    assert ok.exit_code == 0, ok.output          # warnings, but no errors
    warned = runner.invoke(main, ["check", str(dataset_dir), "--as-of", "2013-01-01",
                                  "--fail-on", "warning"])
    assert warned.exit_code == 1
    assert warned.stderr.splitlines()[-1] == "2 findings at or above warning"
    network.tables["reporting_lines"]["loop"] = ReportingLine("loop", "council-meeting", "scrutiny")
    looped = write_source(network, tmp_path / "looped", "csv")
    failed = runner.invoke(main, ["check", str(looped), "--as-of", "2013-01-01", "--format",
                                  "json"])
    assert failed.exit_code == 1
    assert [(f["rule"], f["message"]) for f in json.loads(failed.stdout)
            if f["severity"] == "error"] == [
        ("accountability-cycle", "These bodies report to each other in a loop, so none of them "
                                 "answers to a root: Full Council, Safer Town Scrutiny Board.")]
    assert failed.stderr.splitlines()[-1] == "1 finding at or above error"


@pytest.mark.parametrize("dataset,as_of", [("leeds", "2013-03-01"), ("leeds", "2012-06-01"),
                                           ("harborough", "2014-01-16")])
def test_every_findings_evidence_names_real_rows_of_the_source(dataset, as_of):
    network = open_source(SEED / dataset)
    findings = review(network, as_of=as_of)
    assert len({f.rule for f in findings}) >= 10
    for finding in findings:
        assert finding.evidence, finding
        for e in finding.evidence:
            record = network.tables[TABLE_OF[e.type]][e.id]
            assert (e.source_document, e.source_section) == (
                record.source_document, record.source_section), e
            assert e.source_document in network.documents


def test_next_years_register_citing_one_more_document_is_a_document_added(tmp_path, leeds):
    """The normal year-on-year case: the new register cites a report the old one did not."""
    old = write_source(leeds, tmp_path / "2013", "csv")
    new = write_source(leeds, tmp_path / "2014", "csv")
    with open(new / "documents.csv", "a", encoding="utf-8") as documents:
        documents.write("review-2014,Partnership review 2014,Leeds City Council,2014-05-01,\n")
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "--format", "json"])
    assert result.exit_code == 0, result.output
    added = [c for c in json.loads(result.stdout) if c["change"] == "added"]
    assert added == [{"change": "added", "record_type": "document", "id": "review-2014",
                      "name": "Partnership review 2014", "detail": "",
                      "evidence": [{"type": "document", "id": "review-2014",
                                    "source_document": None, "source_section": None}]}]


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    from graphmodel.generate import generate
    path = tmp_path_factory.mktemp("generated")
    generate(path, bodies=300, people=3000, seed=3)
    return open_source(path)


def test_a_large_networks_days_hold_what_they_hold_read_record_by_record(generated,
                                                                          monkeypatch):
    # from 10,000 records a table's dates are numbered once and shared by every day
    from graphmodel import model
    assert len(generated.memberships) >= 10_000
    shared = {day: generated.as_of(day) for day in ("2020-01-01", "2024-01-01")}
    monkeypatch.setattr(model, "_PERIODS_FROM", 10 ** 9)   # every record read on each day
    for day, network in shared.items():
        read = generated._as_of(generated.review_day(day))
        assert {name: list(t.items()) for name, t in network.tables.items()} == \
            {name: list(t.items()) for name, t in read.tables.items()}
    assert len(shared["2020-01-01"].memberships) != len(shared["2024-01-01"].memberships)
