"""The memberships plan: people paired with seats, configuration-model style, with roles,
on-behalf-of, nominations, posts and dates; and the sizes and compositions bodies declare.

A body's seats are drawn from pools of elected members, officers and others (each
person in their pool once per seat they hold) in a per-kind mix balanced against the
supply, so nobody sits twice on one body, then or now. The first ``current`` people of
a body hold its current seats, the rest past ones.
"""
from __future__ import annotations

from array import array
from bisect import bisect
from dataclasses import dataclass, replace
from random import Random

from graphmodel.generate import distributions as d
from graphmodel.generate.bodies import Bodies
from graphmodel.generate.days import FIRST, ISO
from graphmodel.generate.organisations import Organisations
from graphmodel.generate.people import People, Posts
from graphmodel.generate.relationships import Nominations
from graphmodel.generate.sizes import Sizes
from graphmodel.generate.vocabulary import ELECTED, OFFICER

TODAY = d.TODAY


@dataclass(frozen=True, slots=True)
class Memberships:
    """One row per membership, by column; -1 means none."""

    body: list[int]
    person: list[int]           # -1: the record names only the post
    post: list[int]
    role: list[str]
    on_behalf_of: list[int]     # an organisation
    nominated_by: list[int]     # a body
    start: list[str | None]     # a day, as written (shared texts: they are many)
    end: list[str | None]
    # per body: the size it declares, and its declared seats by person kind
    declared_size: tuple[int | None, ...]
    declared_composition: tuple[tuple[int, ...] | None, ...]

    def __len__(self) -> int:
        return len(self.body)


def balanced_mix(bodies: Bodies, sizes: Sizes, people: People
                 ) -> dict[str, tuple[float, float, float]]:
    """Each kind's cumulative share of elected/officer/other seats, scaled (Sinkhorn) so
    the seats asked for match the seats people hold."""
    supply = [0, 0, 0]
    for person_kind, degree in zip(people.kind, people.degree):
        supply[min(person_kind, 2)] += degree
    demand = {k: 0 for k in d.BODY_ORDER}
    for kind, rows in zip(bodies.kind, sizes.rows):
        demand[kind] += rows
    matrix = {k: [demand[k] * s + 1e-9 for s in d.MIX[k]] for k in d.BODY_ORDER}
    for _ in range(50):
        for g in range(3):
            col = sum(m[g] for m in matrix.values())
            for m in matrix.values():
                m[g] *= supply[g] / col if col else 0
        for k, m in matrix.items():
            row = sum(m)
            if row:
                matrix[k] = [v * demand[k] / row for v in m]
    out = {}
    for k, m in matrix.items():
        row = sum(m) or 1.0
        out[k] = (m[0] / row, (m[0] + m[1]) / row, 1.0)
    return out


def plan_memberships(rng: Random, bodies: Bodies, sizes: Sizes, people: People,
                     organisations: Organisations, posts: Posts,
                     nominations: Nominations) -> Memberships:
    pools = [array("i"), array("i"), array("i")]
    for i, (k, degree) in enumerate(zip(people.kind, people.degree)):
        pools[min(k, 2)].extend([i] * degree)
    mix = balanced_mix(bodies, sizes, people)
    composes = [rng.random() < d.DECLARES_COMPOSITION and k != "network" for k in bodies.kind]
    declared_size: list[int | None] = [None] * len(bodies.kind)
    composition: list[tuple[int, ...] | None] = [None] * len(bodies.kind)
    # filled body by body, then frozen with what the bodies declare
    plan = Memberships([], [], [], [], [], [], [], [], (), ())
    for j, kind in enumerate(bodies.kind):
        members = _seat(rng, pools, mix[kind], sizes.rows[j])
        if not members:
            continue
        ncurrent = 0 if bodies.dissolved[j] is not None else min(sizes.current[j], len(members))
        roles = _roles(rng, kind, [people.kind[p] for p in members], ncurrent)
        if composes[j] and ncurrent:
            declared_size[j], composition[j] = _declare(
                rng, [people.kind[p] for p in members[:ncurrent]])
        _add_rows(rng, plan, j, members, roles, ncurrent, bodies, people, organisations,
                  posts, nominations)
    return replace(plan, declared_size=tuple(declared_size),
                   declared_composition=tuple(composition))


def _seat(rng: Random, pools: list[array[int]], mix: tuple[float, float, float],
          want: int) -> list[int]:
    """``want`` different people for one body, each taking one of their seats."""
    rnd = rng.random
    m0, m1, _ = mix
    seen: set[int] = set()
    members: list[int] = []
    for _ in range(want):
        u = rnd()
        g = 0 if u < m0 else (1 if u < m1 else 2)
        for attempt in range(12):
            pool = pools[g]
            if not pool or attempt >= 8:  # an empty or exhausted pool: the fullest one
                g = max(range(3), key=lambda x: len(pools[x]))
                pool = pools[g]
                if not pool:
                    break
            idx = int(rnd() * len(pool))
            p = pool[idx]
            if p not in seen:
                pool[idx] = pool[-1]
                pool.pop()
                seen.add(p)
                members.append(p)
                break
    return members


def _add_rows(rng: Random, plan: Memberships, j: int, members: list[int], roles: list[str],
              ncurrent: int, bodies: Bodies, people: People, organisations: Organisations,
              posts: Posts, nominations: Nominations) -> None:
    """One body's rows: on whose behalf, nominated by whom, in which post, from when."""
    rnd = rng.random
    kinds, org, post_of = people.kind, people.organisation, posts.of_person
    partners, partner_cum = organisations.partners, organisations.partner_cum
    partner_total = partner_cum[-1]
    missing, another = d.ON_BEHALF_OF
    nominated, seat_of_post, post_only = d.NOMINATED, d.SEAT_OF_POST, d.POST_ONLY
    start_unknown, end_planned = d.CURRENT_START_UNKNOWN, d.CURRENT_END_PLANNED
    past_start_unknown = d.PAST_START_UNKNOWN
    kind = bodies.kind[j]
    host = bodies.host[j]
    council_side = kind in d.COUNCIL_SIDE
    nom, nom_elected = nominations.by_body.get(j, (-1, False))
    est, dissolved = bodies.established[j], bodies.dissolved[j]
    recent = max(est, TODAY - d.RECENT_YEARS * 365)
    limit = dissolved if dissolved is not None else TODAY - 1
    first = max(est, limit - d.HISTORY_YEARS * 365)
    span = limit - 30 - first
    # most rows name the person and no post: those columns are filled first, then patched
    row = len(plan.person)
    person_col, post_col = plan.person, plan.post
    person_col.extend(members)
    post_col.extend([-1] * len(members))
    obo_col, nom_col = plan.on_behalf_of.append, plan.nominated_by.append
    start_col, end_col = plan.start.append, plan.end.append
    for x, p in enumerate(members):
        k = kinds[p]
        u = rnd()
        if u < missing:
            obo = -1
        elif council_side and k == ELECTED:
            obo = host
        elif u < another:  # sits for another organisation than their own
            o = partners[bisect(partner_cum, rnd() * partner_total)]
            obo = o if o != org[p] else host
        else:
            obo = org[p]
        obo_col(obo)
        nom_col(nom if nom >= 0 and (k == ELECTED) == nom_elected and rnd() < nominated
                else -1)
        if p in post_of and rnd() < seat_of_post:
            post_col[row + x] = post_of[p]
            if rnd() < post_only:
                person_col[row + x] = -1
        if x < ncurrent:
            start_col(None if rnd() < start_unknown
                      else ISO[recent + int(rnd() * (TODAY - recent)) - FIRST])
            end_col(ISO[TODAY + 30 + int(rnd() * 900) - FIRST] if rnd() < end_planned else None)
        else:
            s = first + int(rnd() * span) if span > 0 else first
            e = max(s, min(s + 90 + int(rnd() * 2400), limit))
            start_col(None if rnd() < past_start_unknown else ISO[s - FIRST])
            end_col(ISO[e - FIRST])
    plan.body.extend([j] * len(members))
    plan.role.extend(roles)


_Draw = tuple[tuple[float, ...], tuple[str, ...]]   # cut-offs of a uniform draw, and names


def _roles(rng: Random, kind: str, kinds: list[int], ncurrent: int) -> list[str]:
    """Roles of a body's members (``kinds`` are their person kinds, current ones first)."""
    rnd = rng.random
    default = "trustee" if kind == "trust" else "member"
    roles = [default] * len(kinds)
    if ncurrent:
        _chairs(rng, kind, kinds, ncurrent, roles)
    first_officer: _Draw = d.FIRST_OFFICER_ROLE
    other_officer: _Draw = d.OTHER_OFFICER_ROLE
    lay = (d.LAY_ROLE[0], d.LAY_ROLE[1] + (default,))
    for x in range(ncurrent):
        u = rnd()
        if kinds[x] == OFFICER:
            cuts, names = first_officer
            first_officer = other_officer
            roles[x] = names[bisect(cuts, u)]
        elif roles[x] == default:
            roles[x] = lay[1][bisect(lay[0], u)]
    past_officer: _Draw = d.PAST_OFFICER_ROLE
    past: _Draw = (d.PAST_ROLE[0], d.PAST_ROLE[1] + (default,))
    for x in range(ncurrent, len(kinds)):
        u = rnd()
        cuts, names = past_officer if kinds[x] == OFFICER else past
        roles[x] = names[bisect(cuts, u)]
    return roles


def _chairs(rng: Random, kind: str, kinds: list[int], ncurrent: int, roles: list[str]) -> None:
    """Usually one chair (an elected member on council bodies), sometimes co-chairs or a
    vice chair, from the current members who are not officers."""
    lay = [x for x in range(ncurrent) if kinds[x] != OFFICER]
    if kind in d.COUNCIL_SIDE:
        lay = [x for x in lay if kinds[x] == ELECTED] + [x for x in lay if kinds[x] != ELECTED]
    if lay and rng.random() < d.CHAIRED:
        roles[lay[0]] = "chair"
        if len(lay) > 2 and rng.random() < d.CO_CHAIRS:
            roles[lay[1]] = "chair"
        elif len(lay) > 1 and ncurrent >= 6 and rng.random() < d.VICE_CHAIR:
            roles[lay[1]] = "vice_chair"


def _declare(rng: Random, current_kinds: list[int]) -> tuple[int | None, tuple[int, ...] | None]:
    """The size a body declares and its declared seats by person kind (either may be None)."""
    counts = [0] * 6
    for k in current_kinds:
        counts[k] += 1
    seats = sum(counts) - counts[OFFICER]
    u = rng.random()
    size = seats + (rng.randrange(1, 4) if rng.random() < d.SPARE_SEATS else 0)
    both, size_only = d.DECLARED
    if u < both:
        return size, tuple(counts)
    if u < size_only:  # declared size only; sometimes fewer seats than people now sit
        return (max(1, seats - rng.randrange(1, 4)) if rng.random() < d.FEWER_SEATS
                else size), None
    return None, tuple(counts)
