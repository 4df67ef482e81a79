"""The people plans: who they are and work for, how many seats each holds, their names,
and the posts some of them hold."""
from __future__ import annotations

from array import array
from bisect import bisect
from dataclasses import dataclass, field
from random import Random

from graphmodel.generate import distributions as d
from graphmodel.generate.areas import Areas
from graphmodel.generate.organisations import Organisations
from graphmodel.generate.vocabulary import (ELECTED, FIRST_NAMES, OFFICER, POST_TITLES,
                                            SURNAMES)


@dataclass(frozen=True, slots=True)
class People:
    """Person ``i`` is ``p{i + 1}``; ``kind`` indexes ``vocabulary.PERSON_KINDS``."""

    kind: bytearray
    organisation: array[int]
    degree: array[int]         # how many seats, past and present, they hold

    def __len__(self) -> int:
        return len(self.kind)


@dataclass(frozen=True, slots=True)
class Roster:
    """People's names, and the ward of a councillor of the home council (else -1)."""

    name: tuple[str, ...]
    ward: array[int]           # an area


@dataclass(frozen=True, slots=True)
class Posts:
    """Post ``x`` is ``post{x + 1}``; a ``holder`` of -1 means vacant."""

    title: tuple[str, ...]
    organisation: tuple[int, ...]
    holder: tuple[int, ...]
    of_person: dict[int, int] = field(compare=False)
    of_organisation: dict[int, list[int]] = field(compare=False)


def plan_people(rng: Random, count: int, bodies: int, organisations: Organisations) -> People:
    kinds = bytearray(rng.choices(range(6), cum_weights=d.cumulative(d.PERSON_WEIGHTS),
                                  k=count))
    org = array("i", [0]) * count
    others = organisations.other_councils
    rnd = rng.random
    for i in range(count):
        k = kinds[i]
        if k == ELECTED:
            o = 0 if (rnd() < d.ELECTED_FOR_HOME_COUNCIL or not others) \
                else others[int(rnd() * len(others))]
        elif k == OFFICER:
            o = 0 if rnd() < d.OFFICER_OF_HOME_COUNCIL else organisations.partner(rng)
        elif k in (3, 4):  # co-opted and community members
            o = organisations.community_group(rng)
        else:
            o = organisations.partner(rng)
        org[i] = o
    return People(kind=kinds, organisation=org, degree=_degrees(rng, kinds, bodies))


def _degrees(rng: Random, kinds: bytearray, bodies: int) -> array[int]:
    """Seats per person: truncated power laws, then nudged to the exact total."""
    n = len(kinds)
    rnd = rng.random
    kmax = d.max_degree(bodies)
    total = round(d.target_mean(bodies) * n)
    elected = kinds.count(ELECTED)
    e_cum, e_mean = d.power_law(d.ELECTED_ALPHA, kmax)
    rest_mean = (total - elected * e_mean) / max(1, n - elected)
    rest_mean = min(max(rest_mean, 1.05), kmax * .9)
    o_cum, _ = d.power_law(d.solve_alpha(rest_mean, kmax), kmax)
    values = range(1, kmax + 1)
    degree = array("i", rng.choices(values, cum_weights=o_cum, k=n))
    for i in range(n):
        if kinds[i] == ELECTED:
            degree[i] = values[bisect(e_cum, rnd() * e_cum[-1])]
    diff = total - sum(degree)
    step = 1 if diff > 0 else -1
    tries, limit = 0, 100 * abs(diff) + 10_000
    while diff and tries < limit:
        tries += 1
        i = int(rnd() * n)
        k = degree[i] + step
        if 1 <= k <= kmax:
            degree[i] = k
            diff -= step
    return degree


def plan_roster(rng: Random, people: People, areas: Areas) -> Roster:
    rnd = rng.random
    nf, ns, nw = len(FIRST_NAMES), len(SURNAMES), len(areas.wards)
    names = []
    ward = array("i", [-1]) * len(people)
    kinds, org = people.kind, people.organisation
    for i in range(len(people)):
        first = FIRST_NAMES[int(rnd() * nf)]
        last = SURNAMES[int(rnd() * ns)]
        if rnd() < d.MIDDLE_INITIAL:
            first = f"{first} {chr(65 + int(rnd() * 26))}."
        names.append(f"{first} {last}")
        if kinds[i] == ELECTED and org[i] == 0:
            ward[i] = areas.wards[int(rnd() * nw)]
    return Roster(name=tuple(names), ward=ward)


def plan_posts(rng: Random, people: People, organisations: Organisations,
               areas: Areas) -> Posts:
    """Named posts, mostly held by officers (some vacant)."""
    n = len(people)
    officers = [i for i in range(n) if people.kind[i] == OFFICER]
    count = max(5, n // d.PEOPLE_PER_POST)
    filled = min(len(officers), int(count * d.POSTS_FILLED))
    holders = rng.sample(officers, filled) + [-1] * (count - filled)
    rng.shuffle(holders)
    titles, orgs = [], []
    of_person: dict[int, int] = {}
    of_organisation: dict[int, list[int]] = {}
    seen: set[tuple[int, str]] = set()
    for x, h in enumerate(holders):
        o = people.organisation[h] if h >= 0 else 0
        choices = POST_TITLES.get(organisations.kind[o], POST_TITLES[""])
        title = choices[min(len(choices) - 1, int(rng.expovariate(d.POST_TITLE_RATE)))]
        if (o, title) in seen:
            ward = areas.wards[int(rng.random() * len(areas.wards))]
            title = f"{title} ({areas.name[ward]})"
        seen.add((o, title))
        if h >= 0:
            of_person[h] = x
        of_organisation.setdefault(o, []).append(x)
        titles.append(title)
        orgs.append(o)
    return Posts(title=tuple(titles), organisation=tuple(orgs), holder=tuple(holders),
                 of_person=of_person, of_organisation=of_organisation)
