"""The plans of what a partnership register records about bodies: terms of reference and
review dates, resourcing (officer hours and money) and assessments. Days are ordinals."""
from __future__ import annotations

import math
from dataclasses import dataclass
from random import Random

from graphmodel.generate import distributions as d
from graphmodel.generate.bodies import Bodies
from graphmodel.generate.organisations import Organisations
from graphmodel.generate.people import Posts

TODAY = d.TODAY


@dataclass(frozen=True, slots=True)
class Register:
    """Per body: what the register says besides its name and kind."""

    terms_of_reference: tuple[str | None, ...]
    review_date: tuple[int | None, ...]
    category_given: tuple[bool, ...]
    organisation_given: tuple[bool, ...]


@dataclass(frozen=True, slots=True)
class Resourcing:
    organisation: int
    body: int
    hours: float
    money: int | None
    lead_post: int | None
    estimate: str | None
    start: int


@dataclass(frozen=True, slots=True)
class Assessment:
    organisation: int
    body: int
    value: str | None
    risk: str | None
    recommendation: str
    date: int


def plan_register(rng: Random, bodies: Bodies) -> Register:
    tor, review, category, organisation = [], [], [], []
    yes, no = d.TERMS_OF_REFERENCE
    for j in range(len(bodies.kind)):
        u = rng.random()
        tor.append("yes" if u < yes else ("no" if u < no else None))
        review.append(TODAY - 365 + rng.randrange(3 * 365)
                      if bodies.dissolved[j] is None and rng.random() < d.REVIEW_DATE else None)
        category.append(rng.random() < d.CATEGORY_GIVEN)
        organisation.append(rng.random() < d.ORGANISATION_GIVEN)
    return Register(terms_of_reference=tuple(tor), review_date=tuple(review),
                    category_given=tuple(category), organisation_given=tuple(organisation))


def plan_resourcing(rng: Random, bodies: Bodies, organisations: Organisations,
                    posts: Posts) -> tuple[Resourcing, ...]:
    """A quarter of the bodies resourced by their host and up to two more organisations."""
    rows = []
    yes, no = d.ESTIMATE
    for j in range(len(bodies.kind)):
        if bodies.dissolved[j] is not None or rng.random() >= d.RESOURCED:
            continue
        orgs = [bodies.host[j]]
        for _ in range(rng.randrange(3)):
            o = 0 if rng.random() < d.RESOURCED_BY_HOME else organisations.partner(rng)
            if o not in orgs:
                orgs.append(o)
        for o in orgs:
            hours = round(rng.lognormvariate(math.log(d.HOURS_LOGNORMAL[0]),
                                             d.HOURS_LOGNORMAL[1]) * 2) / 2
            money = int(round(rng.lognormvariate(math.log(d.MONEY_LOGNORMAL[0]),
                                                 d.MONEY_LOGNORMAL[1]), -2)) \
                if rng.random() < d.MONEY else None
            candidates = posts.of_organisation.get(o)
            lead = rng.choice(candidates) if candidates and rng.random() < d.LEAD_POST else None
            u = rng.random()
            estimate = "yes" if u < yes else ("no" if u < no else None)
            start = max(bodies.established[j], TODAY - rng.randrange(365, 6 * 365))
            rows.append(Resourcing(o, j, hours, money, lead, estimate, start))
    return tuple(rows)


def plan_assessments(rng: Random, bodies: Bodies) -> tuple[Assessment, ...]:
    """Value, risk and a recommendation for some of the bodies, mostly by the council."""
    rows = []
    for j in range(len(bodies.kind)):
        if rng.random() >= d.ASSESSED:
            continue
        o = 0 if rng.random() < d.ASSESSED_BY_HOME else bodies.host[j]
        value = rng.choice(d.VALUES)
        risk = rng.choice(d.RISKS)
        u = rng.random()
        recommendation = next(r for r, cut in d.ADVICE[value] if u < cut)
        if risk == "high" and rng.random() < d.HIGH_RISK_REVIEW:
            recommendation = "review"
        rated = rng.random() >= d.UNRATED
        date = min(TODAY, max(bodies.established[j], TODAY - rng.randrange(1100)))
        rows.append(Assessment(o, j, value if rated else None, risk if rated else None,
                               recommendation, date))
    return tuple(rows)
