"""The one runner of rules: the day, the organisation, each topic's view once, every rule.

:func:`run_rules` is what ``graphmodel check`` runs; each topic's public
function (``representation_gaps``, ``accountability_findings``, ...) is a call
of it for one topic, and :func:`run_rule` runs one rule, as the rules' own
examples do.
"""
from __future__ import annotations

import datetime as _dt
from collections import Counter
from itertools import islice
from typing import Callable, Iterable

from graphmodel.analysis.findings import SEVERITIES, Finding, Found
from graphmodel.analysis.organisation import organisation_if_any
from graphmodel.memory import without_cycle_collection
from graphmodel.model import Network
from graphmodel.registry import (TOPICS, Rule, Settings, Standards, TopicView,
                                 refuse_unknown_rules, registered, rules_of, view_of)
from graphmodel.standards import load_rules, with_defaults

__all__ = ["RuleRun", "run_rules", "run_rule"]


class RuleRun:
    """One review of a network: its rules, day and organisation, and the topics' views.

    ``rules`` (default: the default standards file) may leave rules or settings
    out: they keep their defaults. ``org`` defaults to the dataset's home
    organisation; with neither, rules that need one are left out.
    """

    def __init__(self, network: Network, rules: Standards | None = None,
                 org: str | None = None, as_of: "str | _dt.date | None" = None):
        self.network = network
        self.rules = load_rules() if rules is None else with_defaults(rules)
        self.day = network.review_day(as_of)
        self.org = organisation_if_any(network, org)
        self._views: dict[str, TopicView] = {}

    def view(self, topic: str) -> TopicView:
        """The topic's indexed view of the day, built the first time it is asked for."""
        if topic not in self._views:
            self._views[topic] = view_of(topic)(self.network, self.day, self.org, self.rules)
        return self._views[topic]

    def settings(self, found_by: Rule, overrides: dict[str, Settings]) -> Settings:
        return {**self.rules[found_by.topic][found_by.name], **overrides.get(found_by.name, {})}

    @without_cycle_collection
    def findings(self, topics: Iterable[str] | None = None, names: Iterable[str] | None = None,
                 overrides: dict[str, Settings] | None = None,
                 progress: Callable[[int], None] | None = None) -> list[Finding]:
        """The findings of the enabled rules of ``topics`` (default: all), most severe first.

        ``names`` keeps only the rules named; ``overrides`` maps a rule's name to
        settings that replace the standards file's (``top`` limits any rule's
        findings, strongest first; 0 means no limit). ``progress`` is called with 1
        as each topic is done.
        """
        chosen = set(names) if names is not None else None
        found: list[Finding] = []
        with self.network.unchanging():     # (the rules only read)
            for topic in (TOPICS if topics is None else topics):
                applied = [r for r in rules_of(topic) if (chosen is None or r.name in chosen)
                           and (self.org or not r.needs_organisation)]
                settings = {r.name: self.settings(r, overrides or {}) for r in applied}
                applied = [r for r in applied if settings[r.name].get("enabled") is not False]
                if applied:
                    found += self._topic(topic, applied, settings)
                if progress:
                    progress(1)
        # the views are let go while the cyclic collector is paused: alive when it
        # resumes, its first pass would scan every object they hold
        self._views.clear()
        rank = {s: i for i, s in enumerate(reversed(SEVERITIES))}
        return sorted(found, key=lambda f: rank[f.severity])

    def _topic(self, topic: str, applied: list[Rule],
               settings: dict[str, Settings]) -> list[Finding]:
        view, findings = self.view(topic), list[Finding]()
        each_body = [r for r in applied if r.for_each_body]
        if each_body:
            findings += self._body_by_body(view, each_body, settings)
        for r in applied:
            if not r.for_each_body:
                limit = settings[r.name].get("top") or None
                standard = _standard(settings[r.name])
                findings += [_finding(r, settings[r.name], f, standard)
                             for f in islice(r.check(view, settings[r.name]), limit)]
        return findings

    def _body_by_body(self, view: TopicView, applied: list[Rule],
                      settings: dict[str, Settings]) -> list[Finding]:
        findings, counts = list[Finding](), Counter[str]()
        # each rule's settings and limit looked up once, not once per body
        rules = [(r, settings[r.name], settings[r.name].get("top"), _standard(settings[r.name]))
                 for r in applied]
        for body in view.net.bodies.values():
            said: set[str] = set()
            for r, rule_settings, limit, standard in rules:
                if any(n in said for n in r.said_by) or (limit and counts[r.name] >= limit):
                    continue
                found: Found | None = r.check(view, body, rule_settings)
                if found is not None:
                    said.add(r.name)
                    counts[r.name] += 1
                    findings.append(_finding(r, rule_settings, found, standard))
        return findings


def _finding(found_by: Rule, settings: Settings, found: Found, standard: str) -> Finding:
    """What a rule found, with the rule's severity (unless it chose one) and standard."""
    return Finding(found_by.name, found.severity or settings["severity"], found.subject,
                   found.message, found.evidence, {**found.data, "standard": standard})


def _standard(settings: Settings) -> str:
    """A rule's standard as one line (once per rule, not once per finding)."""
    return " ".join(settings["standard"].split())


def run_rules(network: Network, rules: Standards | None = None, org: str | None = None,
              as_of: "str | _dt.date | None" = None, topics: Iterable[str] | None = None,
              overrides: dict[str, Settings] | None = None,
              progress: Callable[[int], None] | None = None) -> list[Finding]:
    """Run every enabled rule of ``topics`` (default: all) and return the findings, most
    severe first.

    Parameters
    ----------
    network : the Network to review
    rules : rules from :func:`graphmodel.standards.load_rules` (default: the default file)
    org : the organisation the review speaks for (default: the dataset's home
        organisation; with neither, the rules that need one are left out)
    as_of : the day to review (default: the day the dataset describes, else today)
    topics : which topics (default: :data:`graphmodel.registry.TOPICS`)
    overrides : rule name -> settings replacing the rules' (as the CLI's ``--top``)
    progress : called with 1 as each topic is done
    """
    return RuleRun(network, rules, org, as_of).findings(topics, overrides=overrides,
                                                       progress=progress)


def run_rule(network: Network, name: str, org: str | None = None,
             as_of: "str | _dt.date | None" = None, rules: Standards | None = None,
             **settings: object) -> list[Finding]:
    """The findings of one rule, with its default settings but those given.

    >>> from graphmodel.analysis.example import tiny_network, body
    >>> net = tiny_network(body("board", "Safer Town Board"))
    >>> [f.rule for f in run_rule(net, "empty-body")]
    ['empty-body']
    """
    refuse_unknown_rules([name])
    topic = registered()[name].topic
    return RuleRun(network, rules, org, as_of).findings(
        [topic], names=[name], overrides={name: settings} if settings else None)
