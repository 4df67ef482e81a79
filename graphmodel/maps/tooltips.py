"""What a map says about its records in tooltips and details, and how it cites evidence.

Every fact is a (label, text) pair: the page shows it as text, never as markup.
References are given by the names of the records they point to, dates as the
source wrote them; a finding's evidence is cited by record and document, the same
way on a map and in a review pack.
"""
from __future__ import annotations

import dataclasses
from typing import Iterable, Mapping, Sequence

from graphmodel.analysis.attendance import SeatAttendance
from graphmodel.analysis.findings import Evidence, Finding
from graphmodel.graph import DRAWN
from graphmodel.maps import styling, views
from graphmodel.model import Document, Membership, Network, Record

__all__ = ["Fact", "Attended", "record_facts", "node_facts", "link_facts", "attendance_fact",
           "representation_fact",
           "sits_on_fact", "evidence_text", "citation", "sources_cited"]

Fact = tuple[str, str]
"""A label and its text, as a tooltip or the details show them."""

_LABELS = {"on_behalf_of": "On behalf of", "start": "From", "end": "Until",
           "officer_hours_per_month": "Officer hours a month",
           "money_per_year": "Money a year (£)", "review_date": "Review due",
           "holder": "Held by", "parent": "Part of", "source_document": "Source"}
_NOTES_LENGTH = 280


Attended = Mapping[str, SeatAttendance]
"""Each seat's attendance at its body's meetings, by the membership's id
(:func:`graphmodel.analysis.attendance.seat_attendance`)."""


def node_facts(network: Network, key: str, record: views.Drawn,
               seats: dict[str, list[Membership]], attended: Attended | None = None
               ) -> list[Fact]:
    """A node's record and the seats on it or held by it (``seats``: memberships by node
    key), with each seat's attendance where meetings record it (``attended``)."""
    return record_facts(network, record) + _seat_facts(network, key, seats, attended or {})


def attendance_fact(network: Network, m: Membership, attended: Attended) -> list[Fact]:
    """``Attendance: Safer Town Board: present at 3 of 4 meetings recorded (apologies 1)
    in the year to the day``, where the seat's body records attendance."""
    seat = attended.get(m.id)
    if seat is None:
        return []
    body = network.bodies.get(m.body)
    return [("Attendance", f"{body.name if body else m.body}: {seat.text()}, in the last "
                           "12 months")]


def representation_fact(status: str, org_name: str) -> Fact:
    """Whether the organisation has a seat on a body, as the representation map draws it."""
    return ("Representation", styling.STATUS_STYLES[status].label
            .replace("the organisation", org_name))


def sits_on_fact(bodies: int) -> Fact:
    return ("Sits on", f"{bodies} bodies in this map")


def link_facts(network: Network, link: views.Link,
               attended: Attended | None = None) -> list[Fact]:
    """The members two bodies share, else the fields of the link's records but the ends
    the link itself stands for (and a seat's attendance, from ``attended``)."""
    if link.relationship == "shares_members":
        names = [getattr(r, "name", r.id) for r in link.records]   # the people
        return [("Shared members", f"{len(names)}: {'; '.join(names)}")]
    ends = _link_ends(link.relationship)
    return [fact for record in link.records
            for fact in record_facts(network, record, skip=ends) + (
                attendance_fact(network, record, attended)
                if attended and isinstance(record, Membership) else [])]


def _link_ends(relationship: str) -> tuple[str, ...]:
    """The columns a link's two ends stand for, which its facts need not repeat: from the
    schema in force, and for the map's own "on behalf of" link (a seat holder to the
    organisation)."""
    if relationship == "on_behalf_of":
        return ("person", "post", "on_behalf_of")
    declared = DRAWN.get(relationship)
    return (declared.source, declared.target) if declared else ()


def _seat_facts(network: Network, key: str, seats: dict[str, list[Membership]],
                attended: Attended) -> list[Fact]:
    mine = seats.get(key, [])
    if key.startswith("body:"):
        return [("Members recorded", str(len(mine)))]
    if key.startswith("organisation:"):
        return []
    return [fact for m in mine
            for fact in [("Seat", _seat_text(network, m))] + attendance_fact(network, m, attended)]


def _seat_text(network: Network, m: Membership) -> str:
    """``Chair of the Safer Town Board, on behalf of Town Council, from 2012-05-01``."""
    body = network.bodies.get(m.body)
    text = f"{styling.humanise(m.role)} of {body.name if body else m.body}"
    org = network.organisations.get(m.on_behalf_of or "")
    text += f", on behalf of {org.name}" if org else ", on behalf of: not recorded"
    if m.start:
        text += f", from {m.start}"
    if m.end:
        text += f", until {m.end}"
    return text


def record_facts(network: Network, record: Record, skip: Sequence[str] = ()) -> list[Fact]:
    """A record's fields as (label, text) pairs: references named, dates as written."""
    out = []
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if f.name in ("id", "name", "source_section") or f.name in skip or value in (None, ()):
            continue
        text = _text(network, f, value, record)
        if f.name == "notes" and len(text) > _NOTES_LENGTH:
            text = text[:_NOTES_LENGTH - 1].rstrip() + "\u2026"
        out.append((_LABELS.get(f.name) or styling.humanise(f.name), text))
    return out


def _text(network: Network, f: dataclasses.Field[object], value: object,
          record: Record) -> str:
    refs = f.metadata.get("ref") or ()
    if refs or f.name == "source_document":   # (ids: text, or a list of them)
        ids: tuple[str, ...] = value if isinstance(value, tuple) else (str(value),)
    if f.name == "source_document":
        doc = network.documents.get(ids[0])
        return ", ".join(x for x in ((doc.title if doc else ids[0]),
                                      getattr(record, "source_section", None)) if x)
    if refs:
        table = network.tables.get(refs[0], {})
        named = [table[v].name if v in table and hasattr(table[v], "name") else v
                 for v in ids]
        return "; ".join(named)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    if f.name == "kind" or f.metadata.get("enum"):
        return styling.humanise(str(value))
    return str(value)


def evidence_text(network: Network, evidence: Evidence) -> str:
    """``Membership pain-llep-board: Partnership Register and Policy, para 2.9``."""
    doc = network.documents.get(evidence.source_document or "")
    where = ", ".join(x for x in ((doc.title if doc else evidence.source_document),
                                  evidence.source_section) if x)
    return f"{styling.humanise(evidence.type)} {evidence.id}" + (f": {where}" if where else "")


def citation(evidence: Evidence) -> str:
    """``Membership pain-llep-board [harborough-register, para 2.9]``: the document by id,
    its full title once in a list of sources (:func:`sources_cited`)."""
    where = ", ".join(x for x in (evidence.source_document, evidence.source_section) if x)
    return f"{styling.humanise(evidence.type)} {evidence.id}" + (f" [{where}]" if where else "")


def sources_cited(network: Network, findings: Iterable[Finding]) -> list[Document]:
    """The documents the findings' evidence cites, each once, in id order."""
    ids = {e.source_document for f in findings for e in f.evidence if e.source_document}
    return [network.documents[i] for i in sorted(ids) if i in network.documents]
