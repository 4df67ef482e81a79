"""Representation gaps: where an organisation has no voice, and where a body's seats fall short.

Every rule looks at the network *as of* a day (default: the day the dataset
describes, else today) and speaks for one organisation (default: the dataset's home
organisation; with neither, the caller is asked to name one).

- ``unrepresented``: a current body (not one the organisation hosts itself) with no
  current seat held *on behalf of* the organisation. Someone employed by or elected to it who sits there on behalf of
  another organisation does not count: they speak for that other organisation.
  Involvement whose holder the source does not name (a seat held on behalf of the
  organisation with no person or post) is a seat: unknown is not none.
- ``holder-not-named``: a body where every seat held on behalf of the organisation
  names no holder: the organisation is involved, but who sits there is unknown.
- ``empty-body``: a current body with no current member at all.
- ``no-elected-member``: a body the rules say needs an elected member has none.
- ``no-chair``: a body with members but no chair recorded.
- ``composition-unmet``: fewer members recorded than the body declares, or fewer of
  a declared kind (elected members, partners, support officers).
- ``theme-uncovered``: a theme no body the organisation sits on works on.
"""
from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from typing import Any

from graphmodel.analysis.findings import Finding, evidence_for, rule_finding, subject_of
from graphmodel.analysis.organisation import UnknownOrganisation, organisation_to_review
from graphmodel.io.tables import composition
from graphmodel.memory import without_cycle_collection
from graphmodel.model import Network

__all__ = ["representation_gaps", "UnknownOrganisation"]


def _applies(settings: dict[str, Any], body: Any) -> bool:
    kinds = settings.get("kinds", "all")
    by_kind = kinds == "all" or body.kind in kinds
    by_name = any(word.lower() in body.name.lower()
                  for word in settings.get("names_containing", []))
    return by_kind or by_name


class _View:
    """The network on one day, indexed for the representation rules."""

    def __init__(self, network: Network, org: str, as_of: Any):
        self.net = network.as_of(as_of)
        self.org = org
        self.org_name = network.organisations[org].name
        self.seats: dict[str, list[Any]] = defaultdict(list)
        self.ours: dict[str, list[Any]] = defaultdict(list)   # held on the org's behalf
        for m in self.net.memberships.values():
            self.seats[m.body].append(m)
            if m.on_behalf_of == org:
                self.ours[m.body].append(m)

    def holder(self, m: Any) -> str:
        if m.person and m.person in self.net.people:
            return self.net.people[m.person].name
        post = self.net.posts.get(m.post) if m.post else None
        return post.name if post else (m.person or m.post or "someone")

    def is_elected(self, m: Any, elected_posts: list[str]) -> bool:
        person = self.net.people.get(m.person) if m.person else None
        post = self.net.posts.get(m.post) if m.post else None
        if person is None and post is not None and post.holder:
            person = self.net.people.get(post.holder)
        if person is not None and person.kind == "elected_member":
            return True
        return post is not None and any(w.lower() in post.name.lower() for w in elected_posts)

    def evidence(self, body: Any, seats: list[Any]) -> Any:
        return evidence_for([("body", body)] + [("membership", m) for m in seats])


@without_cycle_collection
def representation_gaps(network: Network, org: str | None = None,
                        rules: dict[str, Any] | None = None,
                        as_of: "str | _dt.date | None" = None) -> list[Finding]:
    """Every representation finding for an organisation, body by body.

    Parameters
    ----------
    network : the Network to review
    org : organisation id (default: the dataset's home organisation; with neither,
        NoOrganisation, a UsageError naming candidates, is raised)
    rules : rules from :func:`graphmodel.rules.load_rules` (default: the default file)
    as_of : the day to review (default: the day the dataset describes, else today)
    """
    from graphmodel.rules import load_rules

    org = organisation_to_review(network, org)
    settings = (rules or load_rules())["representation"]
    view = _View(network, org, as_of)
    findings: list[Finding] = []
    checks = {"unrepresented": _unrepresented, "holder-not-named": _holder_not_named,
              "empty-body": _empty,
              "no-elected-member": _no_elected_member, "no-chair": _no_chair,
              "composition-unmet": _composition_unmet}
    for body in view.net.bodies.values():
        for rule, check in checks.items():
            rule_settings = settings.get(rule, {})
            if rule_settings.get("enabled", True):
                found = check(view, body, rule_settings)
                if found:
                    findings.append(_finding(rule, rule_settings, body, *found))
    theme = settings.get("theme-uncovered", {})
    if theme.get("enabled", True):
        findings += _themes_uncovered(view, theme)
    return findings


def _finding(rule: str, settings: dict[str, Any], body: Any, message: str, evidence: Any,
             data: dict[str, Any]) -> Finding:
    return rule_finding(rule, settings, subject_of(body, "body"), message, evidence, data)


def _unrepresented(view: _View, body: Any, settings: dict[str, Any]):
    # the organisation's own bodies (its management teams, its boards) are not
    # partnerships it needs a seat on; an empty one shows as empty-body
    if not _applies(settings, body) or body.organisation == view.org:
        return None
    seats = view.seats.get(body.id, [])
    if body.id in view.ours:
        return None
    message = f"No one sits on the {body.name} on behalf of {view.org_name}."
    for m in sorted(seats, key=lambda m: m.id):
        person = view.net.people.get(m.person) if m.person else None
        if person is not None and person.organisation == view.org and m.on_behalf_of:
            other = view.net.organisations.get(m.on_behalf_of)
            message += (f" {person.name} is there on behalf of "
                        f"{other.name if other else m.on_behalf_of}, not {view.org_name}.")
    unknown = sum(1 for m in seats if not m.on_behalf_of)
    if unknown:
        message += f" {unknown} seat(s) record no on-behalf-of."
    return message, view.evidence(body, seats), {
        "seats": len(seats), "seats_on_behalf_of_others": sum(1 for m in seats if m.on_behalf_of),
        "seats_without_on_behalf_of": unknown}


def _holder_not_named(view: _View, body: Any, settings: dict[str, Any]):
    ours = view.ours.get(body.id)
    if not ours or not _applies(settings, body) or any(m.person or m.post for m in ours):
        return None
    return (f"{view.org_name} is involved with the {body.name}, but the source names no "
            "one who sits there for it.", view.evidence(body, ours), {"seats": len(ours)})


def _empty(view: _View, body: Any, settings: dict[str, Any]):
    if not _applies(settings, body) or view.seats.get(body.id):
        return None
    return (f"No current member of the {body.name} is recorded.",
            view.evidence(body, []), {"seats": 0})


def _no_elected_member(view: _View, body: Any, settings: dict[str, Any]):
    if not (settings.get("kinds") or settings.get("names_containing")) or \
            not _applies(settings, body):
        return None
    seats = view.seats.get(body.id, [])
    if any(view.is_elected(m, settings.get("elected_posts", [])) for m in seats):
        return None
    return (f"The {body.name} should have an elected member, and none is recorded.",
            view.evidence(body, seats), {"seats": len(seats)})


def _no_chair(view: _View, body: Any, settings: dict[str, Any]):
    seats = view.seats.get(body.id, [])
    if not seats or not _applies(settings, body) or any(m.role == "chair" for m in seats):
        return None
    return (f"The {body.name} has {len(seats)} member(s) recorded but no chair.",
            view.evidence(body, seats), {"seats": len(seats)})


def _composition_unmet(view: _View, body: Any, settings: dict[str, Any]):
    declared = composition(body.declared_composition)
    if body.declared_size is None and not declared:
        return None
    support = set(settings.get("support_roles", []))
    seats = view.seats.get(body.id, [])
    members = [m for m in seats if m.role not in support]
    recorded = {
        "members": len(members),
        "elected_member": sum(1 for m in members if view.is_elected(m, [])),
        "partner": sum(1 for m in members if m.on_behalf_of and m.on_behalf_of != view.org),
        "support_officer": sum(1 for m in seats if m.role == "support_officer"),
    }
    short = {}
    if body.declared_size is not None and len(members) < body.declared_size:
        short["members"] = (body.declared_size, len(members))
    for kind, count in declared.items():
        have = recorded.get(kind)
        if have is not None and have < count:
            short[kind] = (count, have)
    if not short:
        return None
    parts = [f"{want} {kind.replace('_', ' ')}{'s' if want != 1 and not kind.endswith('s') else ''}"
             f" declared, {have} recorded" for kind, (want, have) in short.items()]
    return (f"The {body.name} falls short of its declared composition: {'; '.join(parts)}. "
            "The missing seats may be vacant or simply not recorded.",
            view.evidence(body, seats),
            {"declared_size": body.declared_size, "declared": declared, "recorded": recorded,
             "short": {k: {"declared": w, "recorded": h} for k, (w, h) in short.items()}})


def _themes_uncovered(view: _View, settings: dict[str, Any]) -> list[Finding]:
    attended = view.ours
    findings = []
    for theme in view.net.themes.values():
        bodies = sorted((b for b in view.net.bodies.values() if theme.id in b.themes),
                        key=lambda b: (b.name, b.id))
        if any(b.id in attended for b in bodies):
            continue
        elsewhere = ", ".join(b.name for b in bodies)
        message = (f"No body {view.org_name} sits on works on {theme.name}."
                   + (f" It is worked on by: {elsewhere}." if bodies else ""))
        findings.append(rule_finding(
            "theme-uncovered", {"severity": "info", **settings}, subject_of(theme, "theme"),
            message, evidence_for([("theme", theme)] + [("body", b) for b in bodies]),
            {"bodies_working_on_it": len(bodies)}))
    return findings
