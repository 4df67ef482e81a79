"""The rule registry: each rule declared once, beside the code that checks it.

A rule is a small pure function in its topic's module
(``graphmodel.analysis.<topic>``), declared with :func:`rule`: its topic, its
name, the settings it reads and what kind of value each is. Their values —
severity and cited standard included — live only in the standards file
(``default.yaml``). A topic declares with :func:`view` how to build the
indexed view of the day its rules read; :mod:`graphmodel.rules.runner` builds
it once and applies every rule.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Callable

__all__ = ["Rule", "rule", "view", "TOPICS", "registered", "rules_of", "view_of"]

TOPICS = ("representation", "accountability", "overlaps", "resources")


@dataclass(frozen=True)
class Rule:
    """A rule as declared: where it belongs, what it reads, and how it is applied.

    ``check`` takes the topic's view and the rule's settings and yields what it
    found (:class:`graphmodel.analysis.findings.Found`), in order, strongest
    first; a rule ``for_each_body`` instead takes (view, body, settings) and
    returns one Found or None. ``said_by`` names a rule whose finding on the same
    body already says what this one would.
    """
    topic: str
    name: str
    check: Callable[..., Any]
    settings: dict[str, str]
    needs_organisation: bool
    for_each_body: bool
    said_by: str | None


_RULES: dict[str, Rule] = {}
_VIEWS: dict[str, Callable[..., Any]] = {}


def rule(topic: str, name: str, settings: dict[str, str] | None = None, *,
         needs_organisation: bool = False, for_each_body: bool = False,
         said_by: str | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declare the function it decorates as the rule ``name`` of ``topic``.

    ``settings`` maps each setting the rule reads (beyond severity, standard and
    enabled) to its kind, as the standards-file checker knows them: kinds, words,
    count, amount, severity, recommendations, severities. A rule that
    ``needs_organisation`` is left out of a review that speaks for none.
    """
    if topic not in TOPICS:
        raise ValueError(f"rule {name!r}: unknown topic {topic!r}")

    def declare(check: Callable[..., Any]) -> Callable[..., Any]:
        known = _RULES.get(name)
        if known is not None and known.check.__qualname__ != check.__qualname__:
            raise ValueError(f"rule {name!r} is declared twice")
        _RULES[name] = Rule(topic, name, check, dict(settings or {}), needs_organisation,
                            for_each_body, said_by)
        return check
    return declare


def view(topic: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declare how a topic's view is built: ``build(network, day, org, rules)``, where
    ``org`` is the organisation reviewed (None when there is none) and ``rules``
    the whole standards file."""
    def declare(build: Callable[..., Any]) -> Callable[..., Any]:
        _VIEWS[topic] = build
        return build
    return declare


def registered() -> dict[str, Rule]:
    """Every rule, by name, topic by topic in :data:`TOPICS` order."""
    for topic in TOPICS:
        importlib.import_module(f"graphmodel.analysis.{topic}")
    return {r.name: r for topic in TOPICS for r in _RULES.values() if r.topic == topic}


def rules_of(topic: str) -> list[Rule]:
    """A topic's rules, in the order their module declares them."""
    return [r for r in registered().values() if r.topic == topic]


def view_of(topic: str) -> Callable[..., Any]:
    registered()
    return _VIEWS[topic]
