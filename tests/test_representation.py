"""Representation gaps, on the seed data and on small hand-built networks."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmodel import open_source
from graphmodel.analysis.representation import UnknownOrganisation, representation_gaps
from graphmodel.cli import main
from graphmodel.model import Body, Membership, Post
from graphmodel.rules import RulesError, load_rules

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
    assert "Councillor Pain is there on behalf of Leicestershire County Council, not " \
           "Harborough District Council." in llep.message
    assert ("membership", "pain-llep-board") in {(e.type, e.id) for e in llep.evidence}
    assert all(e.source_document == "partnership-register-2014" for e in llep.evidence)


def test_the_ssc_board_declares_15_members_and_records_fewer():
    leeds = open_source(SEED / "leeds")
    finding = by_rule(representation_gaps(leeds, as_of="2013-06-01"),
                      "composition-unmet")["ssc-partnership-board"]
    assert finding.data["declared_size"] == 15
    assert finding.data["short"]["members"]["declared"] == 15
    assert finding.data["short"]["members"]["recorded"] < 15
    assert "Audit Commission (2005)" in finding.data["standard"]


def test_leeds_clusters_have_their_elected_member_seats(harborough):
    leeds = open_source(SEED / "leeds")
    missing = by_rule(representation_gaps(leeds, as_of="2013-06-01"), "no-elected-member")
    assert not [k for k in missing if k.startswith("cluster-")]


# --- small networks -------------------------------------------------------------------

def test_a_person_of_the_council_sitting_for_another_organisation_does_not_count(network):
    network.memberships["m-ann"] = Membership("m-ann", "board", "ann", role="chair",
                                              on_behalf_of="police")
    network.memberships.pop("m-director")
    found = by_rule(representation_gaps(network, as_of="2013-01-01"), "unrepresented")
    assert "board" in found
    assert "Ann Smith is there on behalf of County Police" in found["board"].message


def test_a_seat_ending_on_the_day_still_counts_and_not_the_day_after(network):
    network.memberships.pop("m-ann")
    network.memberships["m-director"] = Membership("m-director", "board", post="director",
                                                   on_behalf_of="council", end="2013-03-31")
    assert "board" not in by_rule(representation_gaps(network, as_of="2013-03-31"),
                                  "unrepresented")
    assert "board" in by_rule(representation_gaps(network, as_of="2013-04-01"), "unrepresented")


def test_a_dissolved_body_is_not_a_gap(network):
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
                                      "It is worked on by: Older People's Forum.")


def test_another_organisation_can_be_reviewed(network):
    found = by_rule(representation_gaps(network, org="police", as_of="2013-06-01"),
                    "unrepresented")
    assert "board" in found          # Bob's seat for the police ended in May 2013


def test_an_unknown_organisation_is_refused_with_a_suggestion(network):
    with pytest.raises(UnknownOrganisation, match="did you mean 'police'"):
        representation_gaps(network, org="polise")


# --- rules files and the command -------------------------------------------------------

def test_a_rules_file_can_turn_a_rule_off_and_change_severity(tmp_path, dataset_dir):
    rules = tmp_path / "ours.yaml"
    rules.write_text("representation:\n  empty-body: {enabled: false}\n"
                     "  no-chair: {severity: error}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["gaps", str(dataset_dir), "--rules", str(rules),
                                       "--as-of", "2013-01-01", "--format", "json"])
    found = json.loads(result.stdout)
    assert not [f for f in found if f["rule"] == "empty-body"]
    assert all(f["severity"] == "error" for f in found if f["rule"] == "no-chair")


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
    result = CliRunner().invoke(main, ["gaps", str(dataset_dir), "--format", "csv"])
    lines = result.stdout.splitlines()
    assert lines[0] == "severity,rule,subject_type,subject_id,subject,message,evidence,data"
    assert len(lines) == 1 + len(json.loads(CliRunner().invoke(
        main, ["gaps", str(dataset_dir), "--format", "json"]).stdout))
