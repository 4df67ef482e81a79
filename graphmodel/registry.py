"""The rule registry: each topic and each rule declared once.

A topic is declared here (:data:`TOPICS`): the name rules and standards files
give it, the review command that runs its rules, that command's help line and
what its findings mean for a reviewer. The command line and the manual's tables
are made from these declarations.

A rule is a small pure function in its topic's module
(``graphmodel.analysis.<topic>``), declared with :func:`rule`: its topic, its
name, the settings it reads and what kind of value each is. Their values —
severity and cited standard included — live only in the standards file
(``graphmodel/standards/default.yaml``). A topic declares with :func:`view` how
to build the indexed view of the day its rules read;
:mod:`graphmodel.analysis.runner` builds it once and applies every rule.
"""
from __future__ import annotations

import datetime as _dt
import importlib
import inspect
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Literal, Protocol, TypeVar, overload

from graphmodel.model import Body, Network
from graphmodel.names import suggest
from graphmodel.problems import UsageError

__all__ = ["Rule", "rule", "view", "Command", "Topic", "TOPICS", "WHOLE_REVIEWS", "SEVERITIES",
           "registered", "rules_of", "view_of", "declared", "refuse_unknown_rules",
           "review_commands", "what_it_finds", "Settings", "Standards", "TopicView",
           "ViewBuilder"]

# a finding's severities, least severe first
SEVERITIES = ("info", "warning", "error")

Settings = dict[str, Any]
"""One rule's settings as a standards file gives them: each value of the kind the rule
declares (a count, a list of words, a mapping...), which :mod:`graphmodel.standards`
checks when it reads the file."""
Standards = dict[str, dict[str, Settings]]
"""A whole standards file: topic -> rule -> its settings."""


class TopicView(Protocol):
    """What the runner reads of any topic's view: the network as of the day reviewed."""

    @property
    def net(self) -> Network: ...


ViewBuilder = Callable[[Network, _dt.date, "str | None", Standards], TopicView]
"""How a topic builds its view: ``build(network, day, org, rules)``."""


@dataclass(frozen=True)
class Command:
    """A review command: its name, the first line of its help, and what its findings
    mean for a reviewer (the manual's table of review commands)."""
    name: str
    help: str
    meaning: str


@dataclass(frozen=True)
class Topic:
    """A topic of rules, and the command that reviews it."""
    name: str
    command: Command

    @property
    def rules(self) -> list[Rule]:
        """The rules the topic holds, in the order its module declares them."""
        return rules_of(self.name)


TOPICS: dict[str, Topic] = {topic.name: topic for topic in (
    Topic("representation", Command(
        "gaps", "Representation gaps: where the organisation has no seat. Also bodies "
        "without members, an elected member, a chair or their declared mix.",
        "bodies on which the organisation has no seat, as the source states: it is in the "
        "body's `no_seat_for`, or the body's membership is recorded in full "
        "(`membership_complete`) and no current seat is held *on behalf of* it (a councillor "
        "sitting there for another organisation does not count); (info) bodies where no seat "
        "is recorded for it and the source says neither — unknown, not none: record the seat, "
        "or what the source says (a body with no member recorded at all is reported here, "
        "not also as `empty-body`); vacancies: bodies the organisation appoints to (a "
        "nomination right held by it, or by a body it hosts) with fewer seats held on its "
        "behalf than the right's places, or none where its places are not stated (not also "
        "reported as unrecorded); (info) bodies where the organisation is involved but the "
        "source names no one who sits there for it (a seat held on its behalf with no person "
        "or post); bodies with no members, no elected member where required, no chair; fewer "
        "members, or fewer of a declared kind, than the body declares; themes no attended "
        "body works on (saying on which of the bodies that work on them its seat is not "
        "recorded), or that attended bodies include in their work but none is dedicated "
        "to (their `main_themes`, where each of them records its own)")),
    Topic("accountability", Command(
        "chains", "Who is accountable to whom: chains of reporting lines. Where they break, "
        "loop or run long, and scrutiny missing or conflicted.",
        "where a chain of reporting lines stops short of a root such as Full Council "
        "(reported where it breaks, with the bodies below; a line to a body since dissolved "
        "or replaced says so); loops; formal lines to two bodies; bodies many lines from "
        "their root; strategic boards with no scrutiny \"critical friend\"; someone on a "
        "scrutiny body and on a body it scrutinises. With `--body ID`, the chains from that "
        "body up to its roots instead (JSON: a list of chains, each a list of `{id, name}`)")),
    Topic("overlaps", Command(
        "overlaps",
        "Who sits on too many bodies, and the bodies they link. Brokers, and single "
        "points of failure.",
        "people on more bodies than the rules allow (`data.bodies`); pairs of bodies sharing "
        "members (`data.shared`, `data.jaccard`), counted from the pairs of bodies each "
        "member sits on; people with "
        "the highest betweenness (estimated from a seeded sample of 128 sources on large "
        "networks); people whose leaving would cut bodies off from the rest of the network "
        "(`data.cut_off_bodies`); bodies working on the same theme in the same area")),
    Topic("resources", Command(
        "resources",
        "Officer hours and money per body, against value and risk. With the register's "
        "recommendation for each.",
        "officer hours a month and money a year per body and in total, against assessed "
        "value and risk, with the register's recommendation (increase, maintain, review, "
        "reduce, withdraw) or one derived from the value (a body taking £10,000 a year or 10 "
        "hours a month without an assessment is due a review); money or hours given to a "
        "body the organisation has no seat on, as the source states (the table's "
        "`represented` is yes, no, or blank where nothing records it)")),
    Topic("attendance", Command(
        "attendance",
        "Who turns up: the six-month rule and low attendance. Also bodies that no longer "
        "meet.",
        "councillors of the organisation with no recorded attendance at a meeting that "
        "counts for six months (Local Government Act 1972 s.85: an error once the six "
        "months have run out, a warning as they near; a note where attendance that would "
        "count is not recorded, unknown rather than absent); people present at fewer than "
        "half the meetings of a body they sit on whose attendance is recorded; current "
        "bodies whose recorded meetings stopped a year ago. A dataset that records no "
        "meetings or attendance gives none of these findings")),
)}

# the review commands that run the rules of every topic
WHOLE_REVIEWS: dict[str, Command] = {command.name: command for command in (
    Command("diff",
            "What changed between two days, or between two sources. Two days of one "
            "SOURCE with --from and --to; or two sources, SOURCE then NEW.",
            "between two days: bodies established and dissolved, memberships (and lines, "
            "links, nominations, resourcing) started and ended; between two sources: records "
            "added, removed and changed, field by field; in both, the findings that appeared "
            "and disappeared"),
    Command("check",
            "Run every rule: a gate for pipelines. Exit 1 on findings at --fail-on or above.",
            "every rule at once; exit 1 when a finding at or above `--fail-on` (default "
            "`error`) exists"),
)}


def review_commands() -> dict[str, Command]:
    """Every review command by name: each topic's, then those reviewing every topic."""
    return {**{t.command.name: t.command for t in TOPICS.values()}, **WHOLE_REVIEWS}


@dataclass(frozen=True)
class Rule:
    """A rule as declared: where it belongs, what it reads, and how it is applied.

    ``check`` takes the topic's view and the rule's settings and yields what it
    found (:class:`graphmodel.analysis.findings.Found`), in order, strongest
    first; a rule ``for_each_body`` instead takes (view, body, settings) and
    returns one Found or None. ``said_by`` names the rules whose finding on the same
    body already says what this one would (declared before it).
    """
    topic: str
    name: str
    # a function of its own topic's view, which differs from topic to topic: the view is
    # what Any stands for (the rule's own annotations, checked by :func:`rule`, name it)
    check: Callable[..., Any]
    settings: dict[str, str]
    needs_organisation: bool
    for_each_body: bool
    said_by: tuple[str, ...]


_RULES: dict[str, Rule] = {}
_VIEWS: dict[str, ViewBuilder] = {}

# A rule that looks at each body in turn: (its topic's view, a body, settings) -> what it
# found, or None; any other rule: (view, settings) -> what it found, strongest first.
EachBody = TypeVar("EachBody", bound=Callable[[Any, Body, Settings], object])
Whole = TypeVar("Whole", bound=Callable[[Any, Settings], Iterable[object]])
Build = TypeVar("Build", bound=ViewBuilder)
Check = TypeVar("Check", bound=Callable[..., object])


@overload
def rule(topic: str, name: str, settings: dict[str, str] | None = None, *,
         needs_organisation: bool = False, for_each_body: Literal[True],
         said_by: str | tuple[str, ...] = ()) -> Callable[[EachBody], EachBody]: ...


@overload
def rule(topic: str, name: str, settings: dict[str, str] | None = None, *,
         needs_organisation: bool = False, for_each_body: Literal[False] = False,
         said_by: str | tuple[str, ...] = ()) -> Callable[[Whole], Whole]: ...


def rule(topic: str, name: str, settings: dict[str, str] | None = None, *,
         needs_organisation: bool = False, for_each_body: bool = False,
         said_by: str | tuple[str, ...] = ()) -> Callable[[Check], Check]:
    """Declare the function it decorates as the rule ``name`` of ``topic``.

    ``settings`` maps each setting the rule reads (beyond severity, standard and
    enabled) to its kind, as the standards-file checker knows them: kinds, words,
    count, amount, severity, recommendations, severities. A rule that
    ``needs_organisation`` is left out of a review that speaks for none.
    """
    if topic not in TOPICS:
        raise ValueError(f"rule {name!r}: unknown topic {topic!r}")

    def declare(check: Check) -> Check:
        known = _RULES.get(name)
        if known is not None and known.check.__qualname__ != check.__qualname__:
            raise ValueError(f"rule {name!r} is declared twice")
        _RULES[name] = Rule(topic, name, check, dict(settings or {}), needs_organisation,
                            for_each_body,
                            (said_by,) if isinstance(said_by, str) else tuple(said_by))
        return check
    return declare


def view(topic: str) -> Callable[[Build], Build]:
    """Declare how a topic's view is built: ``build(network, day, org, rules)``, where
    ``org`` is the organisation reviewed (None when there is none) and ``rules``
    the whole standards file."""
    def declare(build: Build) -> Build:
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


def view_of(topic: str) -> ViewBuilder:
    registered()
    return _VIEWS[topic]


def declared() -> dict[str, dict[str, dict[str, str]]]:
    """topic -> rule -> the settings it takes (beyond severity, standard, enabled) and
    what kind of value each is, as the rules declare them."""
    rules: dict[str, dict[str, dict[str, str]]] = {topic: {} for topic in TOPICS}
    for r in registered().values():
        rules[r.topic][r.name] = r.settings
    return rules


def refuse_unknown_rules(names: Iterable[str]) -> None:
    """Refuse rule names that no rule has, rather than let them match nothing: a
    UsageError naming the rules there are."""
    known = registered()
    unknown = [name for name in dict.fromkeys(names) if name not in known]
    if unknown:
        named = ", ".join(repr(name) + suggest(name, known) for name in unknown)
        raise UsageError(f"no rule named {named}; the rules are {', '.join(known)}")


_SETTING = re.compile(r"``(\w+)``(?: (\w+))?")
_ASIDE = re.compile(r" \([^()]*``[^()]*\)")


def what_it_finds(name: str, settings: dict[str, Any] | None = None) -> str:
    """What a rule finds, in a phrase for a reader: the first clause of its docstring,
    with the values of its settings (``settings``, its part of a standards file)
    written in, and asides naming settings that are lists left out.

    >>> what_it_finds("interlock", {"min_shared": 2})
    'Two bodies sharing at least 2 members'
    >>> what_it_finds("single-point-of-failure", {"min_cut_off": 1})[:48]
    'Someone whose leaving would cut at least 1 body '
    >>> what_it_finds("multiple-parents", {"line_kinds": ["formal"]})
    'A body reporting formally to more than one body'
    """
    doc = inspect.getdoc(registered()[name].check) or name
    first = " ".join(doc.split("\n\n")[0].split()).split(": ")[0].rstrip(".")
    settings = settings or {}
    first = _ASIDE.sub(lambda m: m[0] if all(
        isinstance(settings.get(s), (int, float, str)) for s in re.findall(r"``(\w+)``", m[0]))
        else "", first)

    def written(m: re.Match[str]) -> str:
        value, word = settings.get(m[1], m[1].replace("_", " ")), m[2] or ""
        if value == 1 and word.endswith("s"):   # "at least 1 body", not "1 bodies"
            word = word[:-3] + "y" if word.endswith("ies") else word[:-1]
        return f"{value} {word}".rstrip() if word else str(value)
    return _SETTING.sub(written, first)
