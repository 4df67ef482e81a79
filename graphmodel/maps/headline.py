"""What a network is, in the numbers that matter to a committee: how many bodies, how many
seats the organisation holds on them, how many of its places are vacant, how many
warnings and errors the review found, and how often members attended where that is
recorded. A deck's title slide says them (:mod:`graphmodel.maps.deck`).

Each is counted from the review on its day; a number the records cannot give (no
organisation reviewed, a rule switched off, no attendance recorded) is said to be
unknown, never given as none.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from graphmodel.analysis.attendance import body_attendance
from graphmodel.graph import sitter_key
from graphmodel.maps.scene import Review
from graphmodel.words import count

__all__ = ["Headline", "headline", "headline_html", "VACANCY_RULE"]

VACANCY_RULE = "vacant-appointment"
_MONTHS = 12


@dataclass(frozen=True)
class Headline:
    """The numbers a title slide gives. None: not known from these records."""
    bodies: int
    own_bodies: int | None
    """Of the bodies, the organisation's own (its council, committees, boards)."""
    seats: int | None
    """Seats held on the organisation's behalf on the day."""
    holders: int | None
    """The people and posts holding those seats (a seat whose holder is not named counts
    no holder)."""
    vacant_bodies: int | None
    """Bodies the organisation appoints to with a place unfilled (the vacancy rule's findings)."""
    vacant_places: int | None
    """The places unfilled on those bodies whose places are stated."""
    places_unstated: int
    """Of those bodies, the ones whose number of places is not stated."""
    errors: int
    warnings: int
    meetings: int | None
    """Meetings held in the 12 months to the day, where any meeting is recorded."""
    present: int | None
    """Member places filled at those meetings whose attendance is recorded ..."""
    expected: int | None
    """... of the member places there were."""


def _vacancy_rule_on(rv: Review) -> bool:
    settings = rv.rules.get("representation", {}).get(VACANCY_RULE, {})
    return rv.org is not None and settings.get("enabled") is not False


def headline(rv: Review) -> Headline:
    """The numbers that matter of a reviewed network, on its day."""
    net, org = rv.current, rv.org
    ours = [m for m in net.memberships.values() if org and m.on_behalf_of == org]
    holders = {k for k in (sitter_key(net, m) for m in ours) if k}
    vacancies = [f for f in rv.findings if f.rule == VACANCY_RULE]
    stated = [f.data.get("vacant") for f in vacancies]
    known = _vacancy_rule_on(rv)
    met = body_attendance(rv.network, rv.as_of, _MONTHS) if rv.network.meetings else []
    recorded = bool(rv.network.attendance)
    return Headline(
        bodies=len(net.bodies),
        own_bodies=sum(b.organisation == org for b in net.bodies.values()) if org else None,
        seats=len(ours) if org else None,
        holders=len(holders) if org else None,
        vacant_bodies=len(vacancies) if known else None,
        vacant_places=sum(v for v in stated if isinstance(v, int)) if known else None,
        places_unstated=sum(1 for v in stated if not isinstance(v, int)),
        errors=sum(f.severity == "error" for f in rv.findings),
        warnings=sum(f.severity == "warning" for f in rv.findings),
        meetings=sum(b.meetings for b in met) if rv.network.meetings else None,
        present=sum(b.present for b in met) if recorded else None,
        expected=sum(b.expected for b in met) if recorded else None)


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _fact(key: str, number: int | None, words: str) -> str:
    """One number and what it counts; the number is marked for a reader's eye and a test's."""
    if number is None:
        return f'<li data-fact="{key}" class="gm-unknown">{_e(words)}</li>'
    return (f'<li data-fact="{key}"><strong class="gm-number">{number:,}</strong> '
            f"{_e(words)}</li>")


def _seats(h: Headline, org_name: str) -> str:
    if h.seats is None:
        return _fact("seats", None, "Seats held: no organisation reviewed (give one with --org)")
    who = f", by {count(h.holders or 0, 'holder')}" if h.seats else ""
    return _fact("seats", h.seats, f"{'seat' if h.seats == 1 else 'seats'} held for "
                                   f"{org_name}{who}")


def _vacancies(h: Headline, org_name: str) -> str:
    if h.vacant_bodies is None:
        return _fact("vacancies", None, "Vacancies: not judged (no organisation reviewed, or "
                                         "the vacancy rule is switched off)")
    said = (f"{'body' if h.vacant_bodies == 1 else 'bodies'} {org_name} appoints to with "
            "a place vacant")
    if h.vacant_bodies and h.places_unstated == h.vacant_bodies:
        said += " (how many places: not stated)"
    elif h.vacant_bodies:
        said += (f" ({count(h.vacant_places or 0, 'place')}"
                 + (f", and more on {count(h.places_unstated, 'body')} not stating its places"
                    if h.places_unstated else "") + ")")
    return _fact("vacancies", h.vacant_bodies, said)


def _attendance(h: Headline, as_of: str) -> str:
    if h.meetings is None:
        return _fact("meetings", None, "Meetings and attendance: not recorded in this dataset")
    held = f"{'meeting' if h.meetings == 1 else 'meetings'} held in the 12 months to {as_of}"
    if not h.expected:
        return _fact("meetings", h.meetings, f"{held}; attendance not recorded")
    share = f"{(h.present or 0) / h.expected:.0%}"
    return _fact("meetings", h.meetings, f"{held}; members present at {h.present:,} of "
                                         f"{h.expected:,} places where recorded ({share})")


def headline_html(rv: Review) -> str:
    """The numbers as a list: a title slide's body."""
    h, org = headline(rv), rv.org_name
    bodies = (f"bodies: {h.own_bodies:,} of {org}'s own, {h.bodies - h.own_bodies:,} others"
              if h.own_bodies is not None else "bodies")
    return ('<ul class="gm-headline">'
            + _fact("bodies", h.bodies, bodies)
            + _seats(h, org) + _vacancies(h, org)
            + _fact("warnings", h.warnings, f"{'warning' if h.warnings == 1 else 'warnings'} and "
                                            f"{count(h.errors, 'error')} from the review")
            + _attendance(h, rv.as_of) + "</ul>")
