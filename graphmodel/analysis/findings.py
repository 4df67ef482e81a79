"""Findings: what an analysis found, with the evidence it rests on.

A finding is data — a rule, a severity, the record it is about, a sentence a
councillor understands, the provenance of every record it rests on, and the
numbers behind it — rendered as a table, JSON or CSV only at the edge.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from functools import partial
from operator import attrgetter
from typing import Any, Iterable, Mapping, NamedTuple

from graphmodel import render
from graphmodel.model import Record
from graphmodel.registry import SEVERITIES, refuse_unknown_rules

__all__ = ["Subject", "Evidence", "Finding", "evidence_for", "subject_of", "to_rows",
           "render_findings", "evidence_tables", "select", "at_or_above", "Found",
           "SEVERITIES"]


@dataclass(frozen=True)
class Subject:
    """The record a finding is about."""
    id: str
    name: str
    type: str


class Evidence(NamedTuple):
    """One record a finding rests on, and where the documents say it.

    A named tuple rather than a dataclass: a review of a large network cites
    millions of records, and tuples are several times cheaper to make.
    """
    type: str
    id: str
    source_document: str | None
    source_section: str | None


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    subject: Subject
    message: str
    evidence: tuple[Evidence, ...] = ()
    data: dict[str, object] = field(default_factory=dict)   # JSON: the numbers behind it

    def to_dict(self) -> dict[str, object]:
        return {"rule": self.rule, "severity": self.severity, "subject": asdict(self.subject),
                "message": self.message, "evidence": [e._asdict() for e in self.evidence],
                "data": self.data}


class Found(NamedTuple):
    """What a rule found, before the runner gives it the rule's name, severity and standard.

    ``severity`` is set only by a rule whose severity varies with what it found.
    """
    subject: Subject
    message: str
    evidence: tuple[Evidence, ...]
    data: Mapping[str, object]
    severity: str | None = None


def subject_of(record: Record, record_type: str) -> Subject:
    return Subject(record.id, getattr(record, "name", record.id), record_type)


def evidence_for(records: Iterable[tuple[str, Record]]) -> tuple[Evidence, ...]:
    """Evidence from (record type, record) pairs, each record once."""
    seen, out = set(), []
    for record_type, record in records:
        key = (record_type, record.id)
        if key not in seen:
            seen.add(key)
            out.append(Evidence(record_type, record.id, getattr(record, "source_document", None),
                                getattr(record, "source_section", None)))
    return tuple(out)


new_evidence = partial(tuple.__new__, Evidence)
"""An Evidence from a tuple of its four fields, made without a Python call."""
_CITED = attrgetter("id", "source_document", "source_section")


def evidence_of_each(record_type: str, records: Iterable[Record]) -> tuple[Evidence, ...]:
    """:func:`evidence_for` of records of one type that cite their documents, each listed
    once (a person's seats): the same evidence, without the check for a record twice.

    >>> from graphmodel.model import Membership
    >>> seats = [Membership("m1", "board", "ann", source_document="d1"),
    ...          Membership("m2", "board", "bob", source_section="p. 4")]
    >>> evidence_of_each("membership", seats) == evidence_for(
    ...     [("membership", m) for m in seats])
    True
    """
    return tuple(new_evidence((record_type, *_CITED(record))) for record in records)


def _cite(evidence: tuple[Evidence, ...]) -> str:
    return "; ".join(f"{e.type} {e.id}" + (f" ({e.source_document} {e.source_section})"
                                             if e.source_document else "") for e in evidence)


COLUMNS = ["severity", "rule", "subject", "message", "evidence"]


def to_rows(findings: Iterable[Finding]) -> list[dict[str, object]]:
    return [{"severity": f.severity, "rule": f.rule, "subject": f.subject.name,
             "subject_id": f.subject.id, "subject_type": f.subject.type,
             "message": f.message, "evidence": _cite(f.evidence),
             "data": json.dumps(f.data, ensure_ascii=False, sort_keys=True)} for f in findings]


def select(findings: list[Finding], severity: str | None = None,
           rules: Iterable[str] = ()) -> list[Finding]:
    """The findings at or above ``severity`` and, if any are named, of those ``rules``.

    A rule name that no rule has is refused (with the names there are), rather
    than silently matching nothing.
    """
    rules = set(rules)
    if rules:
        refuse_unknown_rules(sorted(rules))
        findings = [f for f in findings if f.rule in rules]
    return at_or_above(findings, severity) if severity else findings


def at_or_above(findings: list[Finding], severity: str) -> list[Finding]:
    """The findings at or above a severity (info < warning < error)."""
    floor = SEVERITIES.index(severity)
    return [f for f in findings if SEVERITIES.index(f.severity) >= floor]


def evidence_tables(findings: list[Finding]) -> str:
    """Each finding's evidence as a table: the records it rests on, and where they are said."""
    columns = ["type", "id", "source_document", "source_section"]
    parts = []
    for number, f in enumerate(findings, 1):
        heading = f"Evidence for finding {number} ({f.severity}, {f.rule}): {f.subject.name}"
        body = (render.table([e._asdict() for e in f.evidence], columns) if f.evidence
                else "(no records cited)")
        parts.append(f"{heading}\n{body}")
    return "\n\n".join(parts)


def render_findings(findings: list[Finding], fmt: str, evidence: bool = False) -> str:
    """Findings as a text table, a JSON list or CSV; with ``evidence``, the table is
    followed by each finding's evidence as a table of its own."""
    if fmt == "json":
        return render.to_json([f.to_dict() for f in findings])
    rows = to_rows(findings)
    if fmt == "csv":
        return render.to_csv(rows, ["severity", "rule", "subject_type", "subject_id", "subject",
                                    "message", "evidence", "data"])
    if not evidence:
        return render.table(rows, ["severity", "rule", "subject", "message"])
    numbered = [{"#": i, **row} for i, row in enumerate(rows, 1)]
    return (render.table(numbered, ["#", "severity", "rule", "subject", "message"])
            + ("\n\n" + evidence_tables(findings) if findings else ""))
