"""The body sizes plan: current seats per body, and rows on record (current and past)."""
from __future__ import annotations

import math
from dataclasses import dataclass
from random import Random

from graphmodel.generate import distributions as d
from graphmodel.generate.bodies import Bodies
from graphmodel.generate.people import People
from graphmodel.generate.vocabulary import ELECTED


@dataclass(frozen=True, slots=True)
class Sizes:
    current: tuple[int, ...]    # seats filled on the day the network is as of
    rows: tuple[int, ...]       # memberships on record, current and past


def plan_sizes(rng: Random, bodies: Bodies, people: People) -> Sizes:
    kinds = bodies.kind
    n = len(kinds)
    elected = people.kind.count(ELECTED)
    council_cap = max(3, elected // 3)
    current = [min(_current_size(rng, kind, council_cap), max(3, len(people) // 10))
               for kind in kinds]
    total = sum(people.degree)
    # past seats: in proportion to size and years on record, scaled to the total;
    # a body cannot hold more rows than there are people to fill them
    cap = [max(current[j], min(3 * current[j], elected // 2)) if kind in d.COUNCIL_SIDE
           else max(current[j], len(people) // 10) for j, kind in enumerate(kinds)]
    end = [bodies.dissolved[j] or d.TODAY for j in range(n)]
    weight = [current[j] * max(0.0, min(d.HISTORY_YEARS,
                                        (end[j] - bodies.established[j]) / 365.25))
              / d.TERM_YEARS * rng.lognormvariate(0, d.HISTORY_SPREAD) for j in range(n)]
    base = sum(current)
    if base >= total:  # few people for many bodies: shrink the bodies instead
        scale = total / base
        current = [max(1, int(c * scale)) for c in current]
        rows = current[:]
    else:
        rows = _fill(current, cap, weight, total)
    diff = total - sum(rows)
    tries, limit = 0, 100 * abs(diff) + 10_000
    while diff and tries < limit:
        tries += 1
        j = rng.randrange(n)
        if diff > 0 and rows[j] < cap[j]:
            rows[j] += 1
            diff -= 1
        elif diff < 0 and rows[j] > current[j]:
            rows[j] -= 1
            diff += 1
    return Sizes(current=tuple(current), rows=tuple(rows))


def _current_size(rng: Random, kind: str, council_cap: int) -> int:
    if kind == "full_council":
        c = rng.randint(*d.FULL_COUNCIL_SEATS)
    elif kind == "executive":
        c = rng.randint(*d.EXECUTIVE_SEATS)
    elif kind == "network":
        alpha, scale, most = d.NETWORK_PARETO
        c = min(most, int(scale * rng.paretovariate(alpha)))
    else:
        median, sigma = d.SIZE[kind]
        low, high = d.SEATS_CLAMP
        c = min(high, max(low, round(rng.lognormvariate(math.log(median), sigma))))
        if kind in d.OPEN_MEMBERSHIP_KINDS and rng.random() < d.OPEN_MEMBERSHIP:
            alpha, scale, most = d.OPEN_PARETO
            c = min(most, int(scale * rng.paretovariate(alpha)))
    if kind in d.COUNCIL_SIDE:
        c = min(c, council_cap)
    return c


def _fill(current: list[int], cap: list[int], weight: list[float], total: int) -> list[int]:
    """Water-filling: past rows by weight until the total, bodies at their cap take no more."""
    lam = 0.0
    rows = current[:]
    for _ in range(30):
        short = total - sum(rows)
        free = sum(w for j, w in enumerate(weight) if rows[j] < cap[j])
        if short <= 0 or not free:
            break
        lam += short / free
        rows = [min(cap[j], current[j] + int(lam * weight[j])) for j in range(len(rows))]
    return rows
