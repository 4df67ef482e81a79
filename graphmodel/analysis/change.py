"""Change over time: what is different between two days, or between two sources.

Between two days of one network: bodies established and dissolved, memberships
(and reporting lines, scrutiny links, nominations, resourcing) started and
ended. Between two sources (say last year's register and this year's): records
added, removed and changed. Either way, the findings of a full review that
appeared and disappeared.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, NamedTuple

from graphmodel import dates, render
from graphmodel.analysis.findings import Evidence, Finding, evidence_for
from graphmodel.memory import without_cycle_collection
from graphmodel.model import RECORD_TYPES, Network

__all__ = ["Change", "changes_between", "changes", "render_changes"]

# the record types whose dates say when they started and ended
_DATED = {"bodies": ("established", "dissolved"), "memberships": ("started", "ended"),
          "reporting_lines": ("started", "ended"), "scrutiny_links": ("started", "ended"),
          "nomination_rights": ("started", "ended"), "resourcing": ("started", "ended")}
_SINGULAR = {rt.name: rt.label.lower() for rt in RECORD_TYPES}
_SINGULAR.update(reporting_lines="reporting_line", scrutiny_links="scrutiny_link",
                 nomination_rights="nomination_right", people="person", bodies="body",
                 resourcing="resourcing")


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

    def to_dict(self) -> dict[str, Any]:
        return {"change": self.change, "record_type": self.record_type, "id": self.id,
                "name": self.name, "detail": self.detail,
                "evidence": [e._asdict() for e in self.evidence]}


def describe(network: Network, table: str, record: Any) -> str:
    """A record's name as a reviewer would say it."""
    if hasattr(record, "name"):
        return record.name
    if table == "documents":
        return record.title
    if table == "memberships":
        sitting = network.people.get(record.person) if record.person else \
            network.posts.get(record.post) if record.post else None
        who = sitting.name if sitting else record.person or record.post
        body = network.bodies.get(record.body)
        if not (record.person or record.post):   # involvement, holder not named
            org = network.organisations.get(record.on_behalf_of)
            who = f"someone (not named) for {org.name if org else record.on_behalf_of}"
        return (f"{who} on the "
                f"{body.name if body else record.body} ({record.role.replace('_', ' ')})")
    ends = [getattr(record, f) for f in record.__slots__
            if f in ("body", "reports_to", "scrutiny_body", "nominating_body", "predecessor",
                     "successor", "organisation")]
    names = [(network.bodies.get(e) or network.organisations.get(e)) for e in ends if e]
    return " -> ".join(n.name for n in names if n) or record.id


@without_cycle_collection
def changes_between(network: Network, start: "str | _dt.date", end: "str | _dt.date",
                    org: str | None = None, rules: dict[str, Any] | None = None,
                    findings: bool = True) -> list[Change]:
    """What changed in one network between two days (``start`` < ``end``)."""
    before, after = dates.as_date(start), dates.as_date(end)
    old, new = network.as_of(before), network.as_of(after)
    out = []
    for table, (began, ended) in _DATED.items():
        kind = _SINGULAR[table]
        for key in new.tables[table].keys() - old.tables[table].keys():
            out.append(_change(began, kind, network, table, new.tables[table][key]))
        for key in old.tables[table].keys() - new.tables[table].keys():
            out.append(_change(ended, kind, network, table, old.tables[table][key]))
    if findings:
        out += _finding_changes(network, before, network, after, org, rules)
    return _ordered(out)


@without_cycle_collection
def changes(old: Network, new: Network, org: str | None = None,
            rules: dict[str, Any] | None = None, as_of: "str | _dt.date | None" = None,
            findings: bool = True) -> list[Change]:
    """What changed from one source to another: records added, removed and changed.

    The findings of both are compared on one day: ``as_of``, else the day the new
    source describes, else today (``new.review_day(as_of)``).
    """
    out = []
    for rt in RECORD_TYPES:
        kind, was, now = _SINGULAR[rt.name], old.tables[rt.name], new.tables[rt.name]
        for key in now.keys() - was.keys():
            out.append(_change("added", kind, new, rt.name, now[key]))
        for key in was.keys() - now.keys():
            out.append(_change("removed", kind, old, rt.name, was[key]))
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


def _show(value: Any) -> str:
    if value is None or value == ():
        return "(blank)"
    return "; ".join(value) if isinstance(value, tuple) else str(value)


def _change(change: str, kind: str, network: Network, table: str, record: Any) -> Change:
    if table == "bodies":
        start, end = record.established, record.dissolved
    else:
        start, end = getattr(record, "start", None), getattr(record, "end", None)
    detail = f"from {start or '?'} to {end or 'now'}" if start or end else ""
    # a document is itself the source: it cites no other
    return Change(change, kind, record.id, describe(network, table, record), detail,
                  evidence_for([(kind, record)]))


def _key(f: Finding) -> tuple[str, ...]:
    return (f.rule, f.subject.type, f.subject.id, str(f.data.get("other_body", "")))


def _finding_changes(old: Network, old_day: _dt.date, new: Network, new_day: _dt.date,
                     org: str | None, rules: dict[str, Any] | None) -> list[Change]:
    from graphmodel.analysis.review import review

    was = {_key(f): f for f in review(old, org=org, rules=rules, as_of=old_day)}
    now = {_key(f): f for f in review(new, org=org, rules=rules, as_of=new_day)}
    out = [Change("appeared", "finding", f"{f.rule}:{f.subject.id}", f.subject.name, f.message,
                  f.evidence) for k, f in now.items() if k not in was]
    out += [Change("disappeared", "finding", f"{f.rule}:{f.subject.id}", f.subject.name,
                   f.message, f.evidence) for k, f in was.items() if k not in now]
    return out


_ORDER = {change: i for i, change in enumerate(
    ["established", "dissolved", "added", "removed", "changed", "started", "ended",
     "appeared", "disappeared"])}


def _ordered(changes: list[Change]) -> list[Change]:
    return sorted(changes, key=lambda c: (c.record_type == "finding", _ORDER[c.change],
                                          c.record_type, c.name, c.id))


def render_changes(changes: list[Change], fmt: str) -> str:
    if fmt == "json":
        return render.to_json([c.to_dict() for c in changes])
    rows = [{"change": c.change, "type": c.record_type, "id": c.id, "name": c.name,
             "detail": c.detail} for c in changes]
    if fmt == "csv":
        return render.to_csv(rows, ["change", "type", "id", "name", "detail"])
    return render.table(rows, ["change", "type", "name", "detail"])
