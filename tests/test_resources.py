"""Resources: Harborough's partnership register, and the recommendation rules."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmodel import open_source
from graphmodel.analysis.resources import resources
from graphmodel.cli import main
from graphmodel.model import Assessment, Resourcing
from graphmodel.standards import RulesError, load_rules

SEED = Path(__file__).resolve().parent.parent / "seed_data"


@pytest.fixture(scope="module")
def register():
    return resources(open_source(SEED / "harborough"), as_of="2014-01-16")


def rows(report):
    return {r.body: r for r in report.rows}


def test_the_register_excerpt_adds_up_to_104_hours_and_538000_pounds(register):
    network = open_source(SEED / "harborough")
    excerpt = {r.body for r in network.resourcing.values()
               if r.source_section == "table in para 4.1"}
    table = [r for r in register.rows if r.body in excerpt]
    assert sum(r.hours_per_month or 0 for r in table) == 104
    assert sum(r.money_per_year or 0 for r in table) == 538_000


def test_with_stepping_stones_harborough_puts_in_542000_pounds_a_year(register):
    assert register.totals["hours_per_month"] == 104
    assert register.totals["money_per_year"] == 542_000
    assert rows(register)["stepping-stones-partnership"].money_per_year == 4000


def test_harborough_pays_for_the_llep_board_without_a_seat_of_its_own(register):
    found = [f for f in register.findings if f.rule == "resourced-but-unrepresented"]
    llep = next(f for f in found if f.subject.id == "llep-board")
    assert llep.message == ("Harborough District Council puts £8,000 a year into the "
                            "Leicester & Leicestershire Economic Partnership Board but has no "
                            "seat on it (the source says so).")
    assert [(e.type, e.id) for e in llep.evidence] == [
        ("body", "llep-board"), ("resourcing", "hdc-llep-board"), ("assessment", "llep-board")]
    assert llep.severity == "warning"


def test_represented_is_yes_no_or_not_recorded(register):
    assert rows(register)["parking-partnership-board"].represented is True   # a named post
    assert rows(register)["broadband-leicestershire-board"].represented is True  # not named
    assert rows(register)["llep-board"].represented is False                 # para 2.9
    assert rows(register)["sustainable-harborough"].represented is False     # para 4.12


def test_money_for_a_body_whose_seats_are_not_recorded_is_not_a_body_without_a_seat(network):
    # the council pays for the board; its own seats on it are not recorded on 1 June 2013
    network.memberships.pop("m-ann")
    network.memberships.pop("m-director")
    report = resources(network, as_of="2013-06-01")
    assert rows(report)["board"].represented is None
    assert not [f for f in report.findings if f.rule == "resourced-but-unrepresented"]
    network.bodies["board"] = replace(network.bodies["board"], no_seat_for=("council",))
    report = resources(network, as_of="2013-06-01")
    (finding,) = [f for f in report.findings if f.rule == "resourced-but-unrepresented"]
    assert finding.message == ("Town Council puts 40 officer hours a month and £8,000 a year "
                               "into the Safer Town Board but has no seat on it (the source "
                               "says so).")


def test_the_welland_market_towns_group_is_low_value_and_harborough_should_withdraw(register):
    row = rows(register)["welland-market-towns-group"]
    assert (row.value, row.recommendation, row.basis) == ("low", "withdraw", "register")
    finding = next(f for f in register.findings if f.rule == "recommendation"
                   and f.subject.id == "welland-market-towns-group")
    assert finding.severity == "warning"
    assert finding.message == (
        "Harborough District Council should withdraw from the Welland Market Towns Group (the "
        "register recommends it; value low, risk not assessed; it puts in no recorded hours or "
        "money).")
    assert rows(register)["welland-audit-partnership"].recommendation == "maintain"


def test_a_high_value_board_without_a_recommendation_gets_one_from_its_value(register):
    row = rows(register)["lt-commissioning-board"]
    assert (row.value, row.recommendation, row.basis) == ("high", "increase",
                                                          "derived from high value")


def test_significant_resources_without_an_assessment_are_due_a_review(network):
    del network.assessments["assess-board"]
    network.resourcing["res-board"] = Resourcing("res-board", "council", "board",
                                                 officer_hours_per_month=2, money_per_year=10000)
    assert rows(resources(network, as_of="2013-01-01"))["board"].recommendation == "review"
    network.resourcing["res-board"] = Resourcing("res-board", "council", "board",
                                                 officer_hours_per_month=2, money_per_year=9999)
    assert rows(resources(network, as_of="2013-01-01"))["board"].recommendation is None


def test_the_rules_file_can_change_what_a_value_leads_to(network):
    network.assessments["assess-board"] = Assessment("assess-board", "council", "board", "medium")
    rules = load_rules()
    assert rows(resources(network, rules=rules, as_of="2013-01-01"))["board"].recommendation \
        == "review"
    rules["resources"]["recommendation"]["by_value"] = {"medium": "maintain"}
    assert rows(resources(network, rules=rules, as_of="2013-01-01"))["board"].recommendation \
        == "maintain"


def test_a_bad_recommendation_in_a_rules_file_is_refused(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text("resources:\n  recommendation:\n    by_value: {high: celebrate}\n")
    with pytest.raises(RulesError, match="resources.recommendation.by_value: expected a mapping"):
        load_rules(path)


def test_leeds_records_no_resources_at_all():
    leeds = resources(open_source(SEED / "leeds"), as_of="2013-03-01")
    assert leeds.rows == []
    [finding] = [f for f in leeds.findings if f.rule == "resources-unrecorded"]
    assert finding.subject.type == "organisation" and finding.subject.id == "leeds-city-council"
    assert finding.data["bodies"] == 6
    assert finding.message == ("No officer hours or money are recorded for any of the 6 bodies "
                               "Leeds City Council sits on, so what it puts into its "
                               "partnerships is unknown.")


def test_resources_on_the_command_line_as_json():
    result = CliRunner().invoke(main, ["resources", str(SEED / "harborough"), "--as-of",
                                       "2014-01-16", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["totals"] == {"bodies": 25, "hours_per_month": 104, "money_per_year": 542000}
    assert len(data["bodies"]) == 25
    assert {b["body"] for b in data["bodies"]} >= {"llep-board", "broadband-leicestershire-board"}
    table = CliRunner().invoke(main, ["resources", str(SEED / "harborough"), "--as-of",
                                      "2014-01-16"])
    assert "TOTAL (25 bodies)" in table.output and "542,000" in table.output
