"""Tiny networks for examples: a town council and a handful of records.

The rules' docstrings show what each finds on a network of a few records;
these helpers keep those examples to the records that matter::

    >>> net = tiny_network(body("board", "Safer Town Board"),
    ...                    seat("board", "ann", role="chair"))
    >>> net.people["ann"].name, net.memberships["board/ann"].on_behalf_of
    ('Ann', 'council')
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from graphmodel.analysis.findings import Finding
from graphmodel.analysis.runner import run_rule
from graphmodel.model import (Area, Attendance, Body, Dataset, Document, Meeting, Membership,
                              Network, NominationRight, Organisation, Person, Post, RECORD_TYPES,
                              Record, ReportingLine, ScrutinyLink, Theme)

__all__ = ["tiny_network", "body", "seat", "line", "scrutiny", "appoints", "meeting", "attended",
           "councillor", "show", "run_rule", "COUNCIL"]

COUNCIL = Organisation("council", "Town Council", "local_authority")

# what a record referred to but not given is made as, named from its id
_MADE_UP: dict[str, Callable[[str, str], Record]] = {
    "organisations": lambda id, name: Organisation(id, name, "other"),
    "bodies": lambda id, name: Body(id, name, "partnership_board"),
    "people": lambda id, name: Person(id, name, "officer"),
    "posts": lambda id, name: Post(id, name),
    "themes": lambda id, name: Theme(id, name),
    "areas": lambda id, name: Area(id, name, "other"),
    "documents": lambda id, name: Document(id, name),
}


def tiny_network(*records: Record, as_of: str = "2014-01-01",
                 home: str | None = "council") -> Network:
    """A dataset, as of ``as_of``, whose home organisation is the Town Council
    (``council``; ``home=None`` for none), holding ``records`` and every record they
    refer to that is not given, made up and named from its id (``health-trust``:
    Health Trust)."""
    net = Network(Dataset("tiny", "Tiny town", home, as_of=as_of), [COUNCIL, *records])
    fields = {rt.cls: [(f.name, f.metadata["ref"]) for f in rt.fields if f.metadata["ref"]]
              for rt in RECORD_TYPES}
    for record in list(net.records()):
        for name, refs in fields[type(record)]:
            value = getattr(record, name)
            for ref in (value if isinstance(value, tuple) else (value,)):
                if ref and not any(ref in net.tables[table] for table in refs):
                    net.tables[refs[0]][ref] = _MADE_UP[refs[0]](ref, _name(ref))
    return net


def _name(record_id: str) -> str:
    return record_id.replace("-", " ").replace("_", " ").title()


def body(id: str, name: str, kind: str = "partnership_board", **fields: Any) -> Body:
    """A body (a partnership board unless ``kind`` says otherwise)."""
    return Body(id, name, kind, **fields)


def seat(body: str, person: str | None = None, role: str = "member",
         on_behalf_of: str | None = "council", **fields: Any) -> Membership:
    """A seat on ``body`` held by ``person`` (or ``post=``), for the council unless
    ``on_behalf_of`` says otherwise; its id is ``body/holder``."""
    holder = person or fields.get("post") or on_behalf_of
    return Membership(f"{body}/{holder}", body, person, role=role, on_behalf_of=on_behalf_of,
                      **fields)


def line(body: str, reports_to: str, **fields: Any) -> ReportingLine:
    """A formal reporting line from ``body`` to ``reports_to``."""
    return ReportingLine(f"{body}>{reports_to}", body, reports_to, **fields)


def scrutiny(scrutiny_body: str, body: str, **fields: Any) -> ScrutinyLink:
    """``scrutiny_body`` acting as critical friend to ``body``."""
    return ScrutinyLink(f"{scrutiny_body}>{body}", scrutiny_body, body, **fields)


def appoints(body: str, places: int | None = None, organisation: str = "council",
             **fields: Any) -> NominationRight:
    """The right of ``organisation`` (the council unless given) to appoint to ``body``,
    ``places`` of its seats where known; its id is ``organisation>body``."""
    return NominationRight(f"{organisation}>{body}", body=body,
                           nominating_organisation=organisation, places=places, **fields)


def meeting(body: str, date: str, status: str | None = "held", **fields: Any) -> Meeting:
    """A meeting of ``body`` on ``date`` (held unless ``status`` says otherwise); its id
    is ``body@date``."""
    return Meeting(f"{body}@{date}", body, date, status, **fields)


def attended(body: str, date: str, person: str, status: str = "present",
             role: str = "member", **fields: Any) -> Attendance:
    """``person``'s attendance at the meeting of ``body`` on ``date`` (present unless
    ``status`` says otherwise); its id is ``body@date/person``."""
    return Attendance(f"{body}@{date}/{person}", f"{body}@{date}", person, role, status,
                      **fields)


def councillor(id: str, name: str, organisation: str = "council") -> Person:
    """An elected member of the Town Council (or of ``organisation``)."""
    return Person(id, name, "elected_member", organisation)


def show(findings: Iterable[Finding]) -> None:
    """Print each finding as ``severity: message``."""
    for f in findings:
        print(f"{f.severity}: {f.message}")
