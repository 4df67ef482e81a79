"""The rule registry, the standards file and the one runner that applies them."""
from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest
import yaml

from graphmodel.analysis.example import body, line, run_rule, seat, tiny_network
from graphmodel.analysis.review import review
from graphmodel.problems import UsageError
from graphmodel.standards import RulesError, load_rules, with_defaults
from graphmodel.registry import TOPICS, declared, registered, rules_of
from graphmodel.analysis.runner import RuleRun, run_rules

PACKAGE = Path(__file__).resolve().parent.parent / "graphmodel"
DEFAULTS = yaml.safe_load((PACKAGE / "standards" / "default.yaml").read_text(encoding="utf-8"))


# --- every rule declared once, its defaults in the standards file only ------------------

@pytest.mark.parametrize("name", sorted(registered()))
def test_the_default_file_gives_every_setting_a_rule_declares(name):
    found_by = registered()[name]
    defaults = DEFAULTS[found_by.topic][name]
    assert set(defaults) == {"severity", "standard", *found_by.settings}
    assert defaults["severity"] in ("info", "warning", "error")
    assert len(defaults["standard"].split()) > 5     # a citation, not a placeholder


def test_the_default_file_names_no_rule_or_topic_the_registry_does_not_know():
    assert set(DEFAULTS) == set(TOPICS)
    for topic, rules in DEFAULTS.items():
        assert set(rules) == {r.name for r in rules_of(topic)}, topic


def test_each_rule_lives_in_its_topic_s_module_and_no_name_is_taken_twice():
    for name, found_by in registered().items():
        assert found_by.check.__module__ == f"graphmodel.analysis.{found_by.topic}", name
    declarations = [m.group(1) for path in (PACKAGE / "analysis").glob("*.py")
                    for m in re.finditer(r'@rule\("\w+", "([\w-]+)"',
                                         path.read_text(encoding="utf-8"))]
    assert sorted(declarations) == sorted(registered())


def test_the_standards_file_checker_knows_the_settings_the_rules_declare():
    assert declared()["accountability"]["long-chain"] == {"max_lines": "count"}
    assert declared()["overlaps"]["broker"] == {"top": "count", "sample": "count",
                                                "min_bodies": "count"}
    assert declared()["resources"]["resources-unrecorded"] == {}


def test_no_analysis_code_carries_a_default_of_its_own():
    """Defaults live in default.yaml alone: no ``settings.get("max_lines", 4)``."""
    literal_default = re.compile(r"settings(\[[^\]]+\])?\.get\([^)]*,")
    offending = [f"{path.name}:{n}: {text.strip()}"
                 for path in sorted((PACKAGE / "analysis").glob("*.py"))
                 for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if literal_default.search(text)]
    assert offending == []


def test_every_rule_has_a_reviewer_s_explanation_and_an_example_of_what_it_finds(monkeypatch):
    """Each rule's docstring explains it in a sentence and shows it, on a tiny network,
    finding what it is about: its example, run, asks for that rule and gets a finding of
    it, printed as the docstring says."""
    import graphmodel.analysis.example as example

    asked: list[tuple[str, list[str]]] = []

    def recording(net, name, **settings):
        found = run_rule(net, name, **settings)
        asked.append((name, [f.rule for f in found]))
        return found

    monkeypatch.setattr(example, "run_rule", recording)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for name, found_by in registered().items():
        doc = found_by.check.__doc__ or ""
        assert len(doc.split(".")[0].split()) >= 8, name
        asked.clear()
        ran = runner.run(doctest.DocTestParser().get_doctest(doc, {}, name, None, 0))
        assert ran.attempted and not ran.failed, name
        assert any(rule == name and found == [name] * len(found) != []
                   for rule, found in asked), (name, asked)


# --- the standards file ------------------------------------------------------------------

def test_given_rules_keep_the_defaults_they_leave_out():
    rules = with_defaults({"overlaps": {"person-load": {"max_bodies": 8}}})
    assert rules["overlaps"]["person-load"]["max_bodies"] == 8
    assert rules["overlaps"]["person-load"]["severity"] == "info"
    assert rules["accountability"]["long-chain"]["max_lines"] == 4
    assert rules["overlaps"]["broker"]["sample"] == 128


@pytest.mark.parametrize("given, message", [
    ({"overlap": {}}, "unknown topic 'overlap'; topics are representation, accountability"),
    ({"overlaps": {"person-lode": {}}}, "overlaps: unknown rule 'person-lode'; rules are "
                                        "person-load, interlock"),
    ({"overlaps": {"person-load": {"max_bodys": 8}}},
     "overlaps.person-load.max_bodys: unknown setting; settings are enabled, max_bodies"),
    ({"overlaps": {"person-load": {"max_bodies": -1}}},
     "overlaps.person-load.max_bodies: expected a whole number of 0 or more, not -1"),
    ({"accountability": {"long-chain": "4"}}, r"accountability.long-chain: expected settings"),
])
def test_rules_given_in_code_are_checked_like_a_file(given, message):
    with pytest.raises(RulesError, match=re.escape(message)):
        with_defaults(given)


def test_a_rules_file_is_named_in_its_errors(tmp_path):
    path = tmp_path / "ours.yaml"
    path.write_text("accountability:\n  long-chain: {max_lines: many}\n", encoding="utf-8")
    with pytest.raises(RulesError, match=re.escape(
            f"{path}: accountability.long-chain.max_lines: expected a whole number")):
        load_rules(path)


def test_the_default_rules_can_be_changed_without_changing_the_next_ones():
    load_rules()["overlaps"]["person-load"]["max_bodies"] = 99
    assert load_rules()["overlaps"]["person-load"]["max_bodies"] == 5


# --- the runner --------------------------------------------------------------------------

def chain_of_four():
    """Full Council < Safer Town Board < Safety Group < Estates Panel < Youth Forum."""
    return tiny_network(body("council-meeting", "Full Council", "full_council"),
                        line("board", "council-meeting"), line("group", "board"),
                        line("panel", "group"), line("forum", "panel"))


def test_a_threshold_comes_from_the_rules_and_can_be_changed():
    net = chain_of_four()
    assert run_rule(net, "long-chain") == []                    # 4 lines: the default allows 4
    (found,) = run_rule(net, "long-chain", max_lines=3)
    assert (found.subject.id, found.data["lines"]) == ("forum", 4)
    assert found.data["chain"] == ["forum", "panel", "group", "board", "council-meeting"]
    assert found.data["standard"].startswith("Audit Commission (2005) para 42")


def test_a_disabled_rule_finds_nothing_and_severity_comes_from_the_rules():
    rules = load_rules()
    rules["accountability"]["long-chain"].update(max_lines=2, severity="error")
    found = {f.subject.id: f.severity for f in run_rules(chain_of_four(), rules,
                                                         topics=["accountability"])
             if f.rule == "long-chain"}
    assert found == {"panel": "error", "forum": "error"}
    rules["accountability"]["long-chain"]["enabled"] = False
    assert not [f for f in run_rules(chain_of_four(), rules) if f.rule == "long-chain"]


def test_top_keeps_the_strongest_findings_of_each_rule():
    three_pairs = tiny_network(*(seat(b, who) for b in ("a", "b", "c", "d")
                                 for who in ("ann", "bob")))
    pairs = [(f.subject.id, f.data["other_body"]) for f in run_rule(three_pairs, "interlock")]
    assert pairs == [("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("b", "d"), ("c", "d")]
    assert [(f.subject.id, f.data["other_body"])
            for f in run_rule(three_pairs, "interlock", top=2)] == [("a", "b"), ("a", "c")]


def test_a_rule_that_sets_its_own_severity_keeps_it():
    net = tiny_network(body("council-meeting", "Full Council", "full_council"),
                       body("old", "Old Board", dissolved="2013-03-31"),
                       line("group", "old", end="2013-03-31"))
    (found,) = run_rule(net, "no-accountability-line")
    assert found.subject.id == "group" and found.data["broken_by"] == "dissolved"
    assert found.severity == "warning"            # severity_when_broken, not info


def test_findings_come_most_severe_first():
    net = tiny_network(body("a", "Board A"), body("b", "Board B"), line("a", "b"),
                       line("b", "a"), seat("a", "ann"))
    severities = [f.severity for f in review(net)]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert severities[0] == "error"                       # the loop of A and B


def test_without_an_organisation_its_rules_are_left_out_and_the_others_run():
    net = tiny_network(body("forum", "Safety Forum"), body("a", "Board A"),
                       body("b", "Board B"), line("a", "b"), line("b", "a"), home=None)
    rules = {f.rule for f in review(net)}
    assert "accountability-cycle" in rules
    assert not rules & {r.name for r in registered().values() if r.needs_organisation}
    assert "representation-unrecorded" in {f.rule for f in review(net, org="council")}


def test_an_empty_body_is_said_once_where_its_representation_is_unrecorded():
    net = tiny_network(body("forum", "Safety Forum"))
    assert [f.rule for f in run_rules(net, topics=["representation"])] == \
        ["representation-unrecorded"]
    # asked for alone, the rule speaks
    assert [f.rule for f in run_rule(net, "empty-body")] == ["empty-body"]


def test_each_topic_s_view_is_built_once_per_review():
    run = RuleRun(chain_of_four())
    assert run.view("accountability") is run.view("accountability")
    assert run.view("accountability").roots == {"council-meeting"}


def test_an_unknown_rule_name_is_refused_with_the_names_there_are():
    with pytest.raises(UsageError, match=r"no rule named 'long-chains' \(did you mean "
                                         r"'long-chain'\?\); the rules are unrepresented, "):
        run_rule(chain_of_four(), "long-chains")
