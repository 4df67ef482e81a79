"""Resources and value: what an organisation puts into each body, and whether it should.

Follows a partnership register: officer hours a month and money a year per
body, set against the body's assessed value and risk, with a recommendation —
increase, maintain, review, reduce or withdraw. The register's own
recommendation stands where it gives one; otherwise the rules derive one from
the assessed value, and a body taking significant resources without an
assessment is due a review.

- ``recommendation``: the recommendation for each body, and what it rests on.
- ``resourced-but-unrepresented``: the organisation pays for or staffs a body on
  which the source says it has no seat, or whose places it appoints to are vacant (see
  :func:`graphmodel.analysis.representation.representation`; a body where
  nothing records whether it sits is not counted: unknown is not none).
- ``resources-unrecorded``: bodies the organisation sits on with no hours or money
  recorded (a register should know what it puts in).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Iterator

from graphmodel import render
from graphmodel.analysis.findings import (Evidence, Finding, Found, evidence_for,
                                          render_findings, subject_of)
from graphmodel.analysis.organisation import organisation_to_review
from graphmodel.analysis.representation import (NO_SEAT, NOT_RECORDED, VACANT,
                                                representation_by_body)
from graphmodel.analysis.runner import RuleRun, run_rules
from graphmodel.memory import without_cycle_collection
from graphmodel.model import Assessment, Body, Network, Resourcing
from graphmodel.registry import Settings, Standards, rule, view
from graphmodel.words import count

__all__ = ["BodyResources", "ResourceReport", "resources", "resource_findings",
           "render_resources"]

VERBS = {"increase": "should increase its input to", "maintain": "should maintain its input to",
         "review": "should review its input to", "reduce": "should reduce its input to",
         "withdraw": "should withdraw from"}


@dataclass(frozen=True)
class BodyResources:
    """One row of the register: what the organisation puts into one body."""
    body: str
    name: str
    hours_per_month: float | None
    money_per_year: float | None
    estimate: bool
    value: str | None
    risk: str | None
    recommendation: str | None
    basis: str | None
    represented: bool | None    # None: nothing recorded says whether it has a seat


@dataclass(frozen=True)
class ResourceReport:
    organisation: str
    rows: list[BodyResources]
    totals: dict[str, float]
    findings: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {"organisation": self.organisation, "totals": self.totals,
                "bodies": [vars_of(r) for r in self.rows],
                "findings": [f.to_dict() for f in self.findings]}


def vars_of(row: BodyResources) -> dict[str, object]:
    return {name: getattr(row, name) for name in row.__dataclass_fields__}


class _Register:
    """The organisation's resourcing and assessments on one day, by body, and the rows of
    its register (recommended as the ``recommendation`` rule's settings say)."""

    def __init__(self, network: Network, org: str, as_of: _dt.date, recommending: Settings):
        self.org = network.organisations[org]
        self.net = network.as_of(as_of)
        self.given: dict[str, list[Resourcing]] = {}
        for r in self.net.resourcing.values():
            if r.organisation == org:
                self.given.setdefault(r.body, []).append(r)
        self.assessed: dict[str, Assessment] = {}
        for a in sorted((a for a in self.net.assessments.values() if a.organisation == org),
                        key=lambda a: a.date or ""):
            self.assessed[a.body] = a
        self.seated = {m.body for m in self.net.memberships.values() if m.on_behalf_of == org}
        self.representation = representation_by_body(network, org, as_of)
        self.rows = [self.row(body_id, recommending) for body_id in self.bodies()]

    def row(self, body_id: str, recommending: Settings) -> BodyResources:
        given = self.given.get(body_id, [])
        hours, money = _total(given, "officer_hours_per_month"), _total(given, "money_per_year")
        assessment = self.assessed.get(body_id)
        recommendation, basis = _recommend(recommending, assessment, hours, money)
        return BodyResources(
            body_id, self.net.bodies[body_id].name, hours, money,
            any(r.estimate for r in given), getattr(assessment, "value", None),
            getattr(assessment, "risk", None), recommendation, basis,
            self.represented(body_id))

    def represented(self, body_id: str) -> bool | None:
        status = self.representation[body_id]
        return None if status == NOT_RECORDED else status not in (NO_SEAT, VACANT)

    def bodies(self) -> list[str]:
        return [b for b in self.net.bodies if b in self.given or b in self.assessed]


def _total(rows: list[Resourcing], name: str) -> float | None:
    values = [getattr(r, name) for r in rows if getattr(r, name) is not None]
    return sum(values) if values else None


def _recommend(settings: Settings, assessment: Assessment | None, hours: float | None,
               money: float | None) -> tuple[str | None, str | None]:
    if assessment is not None and assessment.recommendation:
        return assessment.recommendation, "register"
    if assessment is not None and assessment.value:
        by_value = settings["by_value"]
        if assessment.value in by_value:
            return by_value[assessment.value], f"derived from {assessment.value} value"
    if (money or 0) >= settings["significant_money"] or \
            (hours or 0) >= settings["significant_hours"]:
        return "review", "significant resources, no assessment"
    return None, None


@view("resources")
def _register(network: Network, day: _dt.date, org: str | None, rules: Standards) -> _Register:
    # (built only for a review that speaks for an organisation: its rules all need one)
    return _Register(network, organisation_to_review(network, org), day,
                     rules["resources"]["recommendation"])


@without_cycle_collection
def resources(network: Network, org: str | None = None, rules: Standards | None = None,
              as_of: "str | _dt.date | None" = None) -> ResourceReport:
    """Hours and money per body and in total, with recommendations and findings."""
    run = RuleRun(network, rules, organisation_to_review(network, org), as_of)
    register = run.view("resources")
    assert isinstance(register, _Register)   # (the view declared above)
    rows = register.rows
    totals = {"bodies": len(rows),
              "hours_per_month": sum(r.hours_per_month or 0 for r in rows),
              "money_per_year": sum(r.money_per_year or 0 for r in rows)}
    return ResourceReport(register.org.id, rows, totals, run.findings(["resources"]))


def resource_findings(network: Network, org: str | None = None,
                      rules: Standards | None = None,
                      as_of: "str | _dt.date | None" = None) -> list[Finding]:
    """The findings of :func:`resources` alone, most severe first."""
    return run_rules(network, rules, organisation_to_review(network, org), as_of,
                     topics=["resources"])


def _evidence(register: _Register, body_id: str) -> tuple[Evidence, ...]:
    records: list[tuple[str, Body | Resourcing | Assessment]] = [
        ("body", register.net.bodies[body_id])]
    records += [("resourcing", r) for r in register.given.get(body_id, [])]
    if body_id in register.assessed:
        records.append(("assessment", register.assessed[body_id]))
    return evidence_for(records)


def _money(row: BodyResources) -> str:
    parts = []
    if row.hours_per_month:
        parts.append(f"{row.hours_per_month:g} officer hours a month")
    if row.money_per_year:
        parts.append(f"£{row.money_per_year:,.0f} a year")
    return " and ".join(parts) or "no recorded hours or money"


@rule("resources", "recommendation",
      {"by_value": "recommendations", "significant_money": "amount",
       "significant_hours": "amount", "severities": "severities"}, needs_organisation=True)
def _recommendations(register: _Register, settings: Settings) -> Iterator[Found]:
    """What the organisation should do about its input to a body — increase, maintain,
    review, reduce or withdraw — and what that rests on: the register's own
    recommendation, else one derived from the assessed value (``by_value``); a body
    taking ``significant_money`` a year or ``significant_hours`` a month without an
    assessment is due a review. Its severity follows the recommendation (``severities``).

    >>> from graphmodel.analysis.example import tiny_network, body, run_rule, show
    >>> from graphmodel.model import Resourcing
    >>> net = tiny_network(body("llep", "Economic Partnership Board"),
    ...                    Resourcing("r1", "council", "llep", money_per_year=12000))
    >>> show(run_rule(net, "recommendation"))
    info: Town Council should review its input to the Economic Partnership Board
      (significant resources, no assessment; value not assessed, risk not assessed;
      it puts in £12,000 a year).
    """
    severities = settings["severities"]
    for row in register.rows:
        if row.recommendation is None:
            continue
        body = register.net.bodies[row.body]
        why = "the register recommends it" if row.basis == "register" else row.basis
        message = (f"{register.org.name} {VERBS[row.recommendation]} the {body.name} ({why}; "
                   f"value {row.value or 'not assessed'}, risk {row.risk or 'not assessed'}; "
                   f"it puts in {_money(row)}).")
        yield Found(
            subject_of(body, "body"), message, _evidence(register, row.body),
            {"recommendation": row.recommendation, "basis": row.basis, "value": row.value,
             "risk": row.risk, "hours_per_month": row.hours_per_month,
             "money_per_year": row.money_per_year},
            severities.get(row.recommendation))


@rule("resources", "resourced-but-unrepresented", needs_organisation=True)
def _unrepresented(register: _Register, settings: Settings) -> Iterator[Found]:
    """The organisation pays for or staffs a body on which, as the source states, it has
    no seat: its input there has no voice. A body where nothing records whether it sits
    is not reported (unknown is not none).

    >>> from graphmodel.analysis.example import tiny_network, body, run_rule, show
    >>> from graphmodel.model import Resourcing
    >>> net = tiny_network(body("csp", "Community Safety Partnership", no_seat_for=("council",)),
    ...                    Resourcing("r1", "council", "csp", officer_hours_per_month=6))
    >>> show(run_rule(net, "resourced-but-unrepresented"))
    warning: Town Council puts 6 officer hours a month into the Community Safety
      Partnership but has no seat on it (the source says so).
    """
    for row in register.rows:
        if row.represented is not False or not (row.hours_per_month or row.money_per_year):
            continue
        body = register.net.bodies[row.body]
        why = ("the places it appoints to there are vacant"
               if register.representation[row.body] == VACANT
               else "the source says so" if register.org.id in body.no_seat_for
               else "its membership is recorded in full without it")
        yield Found(
            subject_of(body, "body"),
            f"{register.org.name} puts {_money(row)} into the {body.name} but has no seat "
            f"on it ({why}).", _evidence(register, row.body),
            {"hours_per_month": row.hours_per_month, "money_per_year": row.money_per_year})


@rule("resources", "resources-unrecorded", needs_organisation=True)
def _unrecorded(register: _Register, settings: Settings) -> Iterator[Found]:
    """A body the organisation sits on with no officer hours or money recorded for it:
    a register should know what it puts into each partnership. When nothing at all is
    recorded, one finding says so for the organisation.

    >>> from graphmodel.analysis.example import tiny_network, seat, run_rule, show
    >>> show(run_rule(tiny_network(seat("board", "ann")), "resources-unrecorded"))
    info: No officer hours or money are recorded for the one body Town Council sits
      on, so what it puts into its partnerships is unknown.
    """
    recorded = {r.body for r in register.rows if r.hours_per_month is not None
                or r.money_per_year is not None}
    missing = [register.net.bodies[b] for b in register.net.bodies
               if b in register.seated and b not in recorded]
    org = register.org
    if not register.given and missing:
        yield Found(
            subject_of(org, "organisation"),
            "No officer hours or money are recorded for "
            + (f"the one body {org.name} sits on" if len(missing) == 1 else
               f"any of the {len(missing)} bodies {org.name} sits on")
            + ", so what it puts into its partnerships is unknown.",
            evidence_for([("organisation", org)]), {"bodies": len(missing)})
        return
    for body in missing:
        yield Found(subject_of(body, "body"), f"{org.name} sits on the {body.name} but "
                    "records no officer hours or money for it.", evidence_for([("body", body)]),
                    {})


def render_resources(report: ResourceReport, fmt: str) -> str:
    """The register as a table (with a total line and the findings), JSON or CSV."""
    if fmt == "json":
        return render.to_json(report.to_dict())
    columns = ["body", "name", "hours_per_month", "money_per_year", "estimate", "value", "risk",
               "recommendation", "basis", "represented"]
    rows = [vars_of(r) for r in report.rows]
    if fmt == "csv":
        return render.to_csv(rows, columns)
    total = {"name": f"TOTAL ({count(int(report.totals['bodies']), 'body')})",
             "hours_per_month": report.totals["hours_per_month"],
             "money_per_year": report.totals["money_per_year"]}
    return (render.table(rows + [total], columns[1:]) + "\n\n"
            + render_findings(report.findings, "table"))
