"""Change over time: what is different between two days, or between two sources.

Between two days of one network: the records of each dated table (see
:class:`graphmodel.model.RecordType`) that began and ended, such as bodies established
and dissolved, memberships started and ended. Between two sources (say last year's register and this year's): records
added, removed and changed. Either way, the findings of a full review that
appeared and disappeared.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import fields
from functools import partial
from itertools import compress, repeat
from operator import add, attrgetter, not_
from typing import Callable, NamedTuple

from graphmodel import dates, render
from graphmodel.analysis.findings import Evidence, Finding, evidence_for, new_evidence
from graphmodel.analysis.review import review
from graphmodel.memory import without_cycle_collection
from graphmodel.model import (SCHEMA, Attendance, Body, Document, Meeting, Membership, Network,
                              Organisation, Person, Post, Record, RecordType, record_type)
from graphmodel.registry import Standards

__all__ = ["Change", "changes_between", "changes", "render_changes"]


class Change(NamedTuple):
    """One difference: what changed (established, ended, added, appeared...), and to what.

    A named tuple, as Evidence: a diff of a large network can hold a million of them.
    """
    change: str
    record_type: str
    id: str
    name: str
    detail: str
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {"change": self.change, "record_type": self.record_type, "id": self.id,
                "name": self.name, "detail": self.detail,
                "evidence": [e._asdict() for e in self.evidence]}


def describe(network: Network, table: str, record: Record) -> str:
    """A record's name as a reviewer would say it."""
    name = getattr(record, "name", None)
    if name is not None:
        return str(name)
    if isinstance(record, Document):
        return record.title
    if isinstance(record, Membership):
        return _seat_name(record, network.people, network.posts, network.bodies,
                          network.organisations)
    if isinstance(record, Meeting):   # (its change's detail gives the day)
        body = network.bodies.get(record.body)
        return f"{body.name if body else record.body} meeting" + (
            f" ({record.status})" if record.status and record.status != "held" else "")
    if isinstance(record, Attendance):
        person = network.people.get(record.person)
        meeting = network.meetings.get(record.meeting)
        at = _meeting_name(network, meeting) if meeting else f"meeting {record.meeting}"
        return (f"{person.name if person else record.person} at {at} "
                f"({record.status.replace('_', ' ')})")
    ends = [getattr(record, c) for c in SCHEMA.derived(_ends, table)]
    names = [(network.bodies.get(e) or network.organisations.get(e)) for e in ends if e]
    return " -> ".join(n.name for n in names if n) or record.id


def _seat_name(record: Membership, people: dict[str, Person], posts: dict[str, Post],
               bodies: dict[str, Body], organisations: dict[str, Organisation]) -> str:
    """``Ann Smith on the Safer Town Board (chair)``."""
    sitting = people.get(record.person) if record.person else \
        posts.get(record.post) if record.post else None
    who = sitting.name if sitting else record.person or record.post
    body = bodies.get(record.body)
    if not (record.person or record.post):   # involvement, holder not named
        org = organisations.get(record.on_behalf_of or "")
        who = f"someone (not named) for {org.name if org else record.on_behalf_of}"
    return f"{who} on the {body.name if body else record.body} ({record.role.replace('_', ' ')})"


def _namer(network: Network, rt: RecordType) -> Callable[[list[Record]], list[str]]:
    """:func:`describe` for a list of records of one table (seats, of which a diff can
    hold a million, named without a Python call for each)."""
    if rt.cls is Membership:
        return _SeatNames(network)  # type: ignore[return-value]
    return lambda records: [describe(network, rt.name, record) for record in records]


class _SeatNames:
    """:func:`_seat_name` of many seats: each person's name and the words each body and
    role add are worked out once (a body has many seats, a person several), and joined
    by C-level maps; a seat whose holder is not named is named one by one."""

    def __init__(self, network: Network):
        self.tables = network.people, network.posts, network.bodies, network.organisations
        self.who = _Who(zip(network.people, map(_NAME, network.people.values())))
        self.where = _Where(network.bodies)

    def __call__(self, records: list[Membership]) -> list[str]:
        people = list(map(_PERSON, records))
        names = list(map(add, map(self.who.__getitem__, people),
                         map(self.where.__getitem__,
                             zip(map(_BODY, records), map(_ROLE, records)))))
        for i in compress(range(len(people)), map(not_, people)):
            names[i] = _seat_name(records[i], *self.tables)
        return names


class _Who(dict[str, str]):
    """Person id -> their name; an id of no person known stands for itself (an empty
    one for nothing: the seat is named another way)."""

    def __missing__(self, person: str | None) -> str:
        return person or ""


class _Where(dict[tuple[str, str], str]):
    """(body, role) -> `` on the Safer Town Board (chair)``."""

    def __init__(self, bodies: dict[str, Body]):
        super().__init__()
        self.bodies = bodies

    def __missing__(self, seat: tuple[str, str]) -> str:
        body = self.bodies.get(seat[0])
        self[seat] = where = (f" on the {body.name if body else seat[0]} "
                              f"({seat[1].replace('_', ' ')})")
        return where


def _meeting_name(network: Network, meeting: Meeting) -> str:
    """``the Safer Town Board on 2013-06-12``."""
    body = network.bodies.get(meeting.body)
    return f"the {body.name if body else meeting.body} on {meeting.date}"


def _ends(table: str) -> tuple[str, ...]:
    """What a record that has no name links: its columns naming a body or organisation."""
    return tuple(f.name for f in record_type(table).fields
                 if f.metadata["ref"] in (("bodies",), ("organisations",)))


@without_cycle_collection
def changes_between(network: Network, start: "str | _dt.date", end: "str | _dt.date",
                    org: str | None = None, rules: Standards | None = None,
                    findings: bool = True) -> list[Change]:
    """What changed in one network between two days (``start`` < ``end``)."""
    before, after = dates.as_date(start), dates.as_date(end)
    kinds: dict[tuple[str, str], list[Change]] = {}
    with network.unchanging():     # (each day's network checked once)
        old, new = network.as_of(before), network.as_of(after)
        if findings:   # first: the two reviews' findings are let go before the records'
            was = _review_changes("disappeared", network, before, org, rules)
            now = _review_changes("appeared", network, after, org, rules)
            _add_findings(kinds, was, now)
            del was, now
        _record_changes(kinds, network, old, new)
    return _in_order(kinds)


def _record_changes(kinds: dict[tuple[str, str], list[Change]], network: Network,
                    old: Network, new: Network) -> None:
    """The records of each dated table that began and ended between the two days."""
    for rt in SCHEMA.record_types:
        if not (rt.dated or rt.lapses_with):
            continue
        # a record of no dates of its own comes and goes with what it lapses with (an
        # attendance with its meeting)
        began, ended = rt.change_words if rt.dated else ("recorded", "lapsed")
        was, now = old.tables[rt.name], new.tables[rt.name]
        _add(kinds, began, rt, network, [now[key] for key in now.keys() - was.keys()])
        _add(kinds, ended, rt, network, [was[key] for key in was.keys() - now.keys()])


def _add_findings(kinds: dict[tuple[str, str], list[Change]],
                  was: dict[tuple[str, ...], Change], now: dict[tuple[str, ...], Change]) -> None:
    """The findings that appeared and disappeared, kind by kind, by name and id."""
    found: dict[tuple[str, str], list[Change]] = {}
    for c in _appeared_and_gone(was, now):
        found.setdefault((c.change, c.record_type), []).append(c)
    for kind, group in found.items():
        group.sort(key=_BY_NAME)
        kinds[kind] = group


def _add(kinds: dict[tuple[str, str], list[Change]], change: str, rt: RecordType,
         network: Network, records: list[Record]) -> None:
    """The changes of one table's records that began (or ended), by name and id."""
    if not records:
        return
    group = kinds.setdefault((change, rt.key), [])
    group += _changes(change, rt, network, records, ordered=True)
    if len(group) > len(records):   # (two tables of one key: ordered as one)
        group.sort(key=_BY_NAME)


@without_cycle_collection
def changes(old: Network, new: Network, org: str | None = None,
            rules: Standards | None = None, as_of: "str | _dt.date | None" = None,
            findings: bool = True) -> list[Change]:
    """What changed from one source to another: records added, removed and changed.

    The findings of both are compared on one day: ``as_of``, else the day the new
    source describes, else today (``new.review_day(as_of)``).
    """
    out = []
    for rt in SCHEMA.record_types:
        kind, was, now = rt.key, old.tables[rt.name], new.tables[rt.name]
        for key in now.keys() - was.keys():
            out.append(_change("added", rt, new, now[key]))
        for key in was.keys() - now.keys():
            out.append(_change("removed", rt, old, was[key]))
        for key in was.keys() & now.keys():
            if was[key] != now[key]:
                fields = [f for f in rt.columns if getattr(was[key], f) != getattr(now[key], f)]
                detail = "; ".join(f"{f}: {_show(getattr(was[key], f))} -> "
                                   f"{_show(getattr(now[key], f))}" for f in fields)
                out.append(Change("changed", kind, key, describe(new, rt.name, now[key]), detail,
                                  evidence_for([(kind, now[key])])))
    if findings:
        on = new.review_day(as_of)
        out += _finding_changes(old, on, new, on, org, rules)
    return _ordered(out)


def _show(value: object) -> str:
    if value is None or value == ():
        return "(blank)"
    return "; ".join(value) if isinstance(value, tuple) else str(value)


def _change(change: str, rt: RecordType, network: Network, record: Record) -> Change:
    return _changes(change, rt, network, [record])[0]


def _changes(change: str, rt: RecordType, network: Network,
             records: list[Record], ordered: bool = False) -> list[Change]:
    """The change of each record of one table that began or ended, with its dates
    (``ordered``: by name, then id, as :func:`_ordered` would put them)."""
    start, end = rt.period
    kind, name_of = rt.key, _namer(network, rt)
    names, ids = name_of(records), list(map(_ID, records))
    if ordered:
        # by id, then (stably) by name: the order of (name, id), with no tuple per record
        order = sorted(range(len(records)), key=ids.__getitem__)
        order.sort(key=names.__getitem__)
        records, names = [records[i] for i in order], [names[i] for i in order]
        ids = [ids[i] for i in order]
    # each column read, and each Evidence and Change made, by C-level maps: a diff of a
    # large network holds half a million seats, and a Python loop per seat was most of
    # its records' time
    dated = map(attrgetter(start, end), records) if start and end else \
        zip(map(attrgetter(start), records), repeat(None)) if start else \
        zip(repeat(None), map(attrgetter(end), records)) if end else repeat((None, None))
    details = map(_Details(bool(start and not end)).__getitem__, dated)
    # (the evidence of one record, as evidence_for gives it; a document is itself
    # the source: it cites no other)
    cites = {f.name for f in fields(rt.cls)} >= {"source_document", "source_section"}
    documents = map(_DOCUMENT, records) if cites else repeat(None)
    sections = map(_SECTION, records) if cites else repeat(None)
    evidence = map(new_evidence, zip(repeat(kind), ids, documents, sections))
    return list(map(_new_change, zip(repeat(change), repeat(kind), ids, names, details,
                                     zip(evidence))))


_ID, _DOCUMENT, _SECTION = attrgetter("id"), attrgetter("source_document"), \
    attrgetter("source_section")
_PERSON, _BODY, _ROLE, _NAME = (attrgetter(column) for column in ("person", "body", "role",
                                                                   "name"))
_new_change = partial(tuple.__new__, Change)


class _Details(dict[tuple[object, object], str]):
    """A change's detail from a record's dates (start, end), worked out once for each
    distinct pair: many records share their dates."""

    def __init__(self, one_day: bool) -> None:
        super().__init__()
        self.one_day = one_day   # a record of one day (a start and no end): a succession

    def __missing__(self, dated: tuple[object, object]) -> str:
        began, ended = dated
        if self.one_day:
            detail = f"on {began}" if began else ""
        else:
            detail = f"from {began or '?'} to {ended or 'now'}" if began or ended else ""
        self[dated] = detail
        return detail


def _key(f: Finding) -> tuple[str, ...]:
    return (f.rule, f.subject.type, f.subject.id, str(f.data.get("other_body", "")))


def _finding_changes(old: Network, old_day: _dt.date, new: Network, new_day: _dt.date,
                     org: str | None, rules: Standards | None) -> list[Change]:
    return _appeared_and_gone(_review_changes("disappeared", old, old_day, org, rules),
                              _review_changes("appeared", new, new_day, org, rules))


def _review_changes(change: str, network: Network, day: _dt.date, org: str | None,
                    rules: Standards | None) -> dict[tuple[str, ...], Change]:
    # a review's findings are kept only as the changes they would be (each key's last
    # finding, in the order the keys first came): not the numbers behind them, which
    # the diff does not show
    return {_key(f): _finding_change(change, f)
            for f in review(network, org=org, rules=rules, as_of=day)}


def _appeared_and_gone(was: dict[tuple[str, ...], Change],
                       now: dict[tuple[str, ...], Change]) -> list[Change]:
    out = [c for k, c in now.items() if k not in was]
    out += [c for k, c in was.items() if k not in now]
    return out


def _finding_change(change: str, f: Finding) -> Change:
    return Change(change, "finding", f"{f.rule}:{f.subject.id}", f.subject.name, f.message,
                  f.evidence)


_ORDER = {change: i for i, change in enumerate(
    ["established", "dissolved", "added", "removed", "changed", "started", "ended", None,
     "recorded", "appeared", "disappeared"])}
_OTHER = _ORDER[None]   # what a record type of its own words began or ended (took effect)


def _ordered(changes: list[Change]) -> list[Change]:
    """Records before findings, by change, record type, name and id.

    Sorted kind by kind (each change of each record type), then by name and id
    within each, which is the same order as one sort on all five and several times
    faster on a diff of a million changes (no key tuple per change)."""
    kinds: dict[tuple[str, str], list[Change]] = {}
    for c in changes:
        kinds.setdefault((c.change, c.record_type), []).append(c)
    for group in kinds.values():
        group.sort(key=_BY_NAME)
    return _in_order(kinds)


def _in_order(kinds: dict[tuple[str, str], list[Change]]) -> list[Change]:
    """The changes of each kind (each already by name and id), kind after kind:
    records before findings, by change, then record type."""
    out: list[Change] = []
    for change, record_type in sorted(kinds, key=lambda k: (
            k[1] == "finding", _ORDER.get(k[0], _OTHER), k[1])):
        out += kinds[change, record_type]
    return out


_BY_NAME = attrgetter("name", "id")


def render_changes(changes: list[Change], fmt: str) -> str:
    if fmt == "json":
        return render.to_json([c.to_dict() for c in changes])
    rows = [{"change": c.change, "type": c.record_type, "id": c.id, "name": c.name,
             "detail": c.detail} for c in changes]
    if fmt == "csv":
        return render.to_csv(rows, ["change", "type", "id", "name", "detail"])
    return render.table(rows, ["change", "type", "name", "detail"])
