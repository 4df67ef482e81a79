"""The bodies plan: kinds, dates, dissolutions, reporting hierarchy, hosts, areas, names."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from random import Random

from graphmodel.generate import distributions as d
from graphmodel.generate.areas import Areas
from graphmodel.generate.organisations import Organisations
from graphmodel.generate.vocabulary import COMMITTEES, COUNTY, THEMES

TODAY = d.TODAY


@dataclass(frozen=True, slots=True)
class Bodies:
    """Body ``j`` is ``b{j + 1}``; dates are ordinals (:meth:`datetime.date.toordinal`)."""

    kind: tuple[str, ...]
    by_kind: dict[str, tuple[int, ...]]
    established: tuple[int, ...]            # a day for every body ...
    established_text: tuple[str | None, ...]    # ... of which only this much is written
    dissolved: tuple[int | None, ...]
    successions: tuple[tuple[int, int], ...]    # (predecessor, successor)
    parent: tuple[int | None, ...]
    # the bodies a kind may report to, shuffled, with Zipf weights by rank
    candidates: dict[str, tuple[tuple[int, ...], tuple[float, ...]]]
    host: tuple[int, ...]                   # an organisation
    areas: tuple[tuple[int, ...], ...]
    themes: tuple[tuple[int, ...], ...]     # indices into vocabulary.THEMES
    name: tuple[str, ...]


def plan_bodies(rng: Random, count: int, organisations: Organisations,
                areas: Areas) -> Bodies:
    counts = d.kind_counts(count)
    kinds = tuple(kind for kind in d.BODY_ORDER for _ in range(counts[kind]))
    by_kind = {k: tuple(j for j, kind in enumerate(kinds) if kind == k) for k in d.BODY_ORDER}
    established = [_established(rng, kind) for kind in kinds]
    established_text = tuple(text for _, text in established)
    days = tuple(day for day, _ in established)
    dissolved, successions = _dissolutions(rng, kinds, by_kind, days, established_text)
    parent, candidates = _hierarchy(rng, kinds, by_kind, dissolved)
    host, body_areas, themes, names = _details(rng, kinds, by_kind, parent, organisations,
                                               areas)
    return Bodies(kind=kinds, by_kind=by_kind, established=days,
                  established_text=established_text, dissolved=tuple(dissolved),
                  successions=tuple(successions), parent=tuple(parent),
                  candidates=candidates, host=tuple(host), areas=tuple(body_areas),
                  themes=tuple(themes), name=tuple(names))


def years_ago(years: float) -> int:
    return TODAY - int(years * 365.25)


def _established(rng: Random, kind: str) -> tuple[int, str | None]:
    """The day a body was established, and what of it is on record."""
    if kind in d.ESTABLISHED_WINDOW:
        first, spread = d.ESTABLISHED_WINDOW[kind]
        o = first.toordinal() + (rng.randrange(spread) if spread else 0)
    else:
        mean = d.AGE_MEAN_YEARS.get(kind, d.AGE_MEAN_YEARS_OTHERWISE)
        o = years_ago(min(d.MAX_AGE_YEARS, rng.expovariate(1 / mean)) + .1)
    date = _dt.date.fromordinal(o)
    u = rng.random()
    undated, year_only, month_only = d.ESTABLISHED_PRECISION
    if kind in d.COUNCIL_SIDE or u > month_only:
        return o, date.isoformat()
    if u < undated:
        return o, None
    if u < year_only:
        return _dt.date(date.year, 1, 1).toordinal(), str(date.year)
    return _dt.date(date.year, date.month, 1).toordinal(), date.isoformat()[:7]


def _dissolutions(rng: Random, kinds: tuple[str, ...], by_kind: dict[str, tuple[int, ...]],
                  est: tuple[int, ...], est_text: tuple[str | None, ...]
                  ) -> tuple[list[int | None], list[tuple[int, int]]]:
    """A few lower bodies dissolved, half of them replaced by a younger one of their kind."""
    dissolved: list[int | None] = [None] * len(kinds)
    successions: list[tuple[int, int]] = []
    taken: set[int] = set()
    for j, kind in enumerate(kinds):
        if kind in d.COUNCIL_SIDE or j in taken or rng.random() >= d.DISSOLVED \
                or est[j] + 400 > TODAY - 30:
            continue
        same = by_kind[kind]
        if rng.random() < d.REPLACED:
            for _ in range(d.SUCCESSOR_TRIES):
                s = same[rng.randrange(len(same))]
                if (s != j and s not in taken and dissolved[s] is None
                        and est[s] > est[j] + 365
                        and est[s] <= TODAY - 30 and est_text[s]):
                    taken.add(s)
                    dissolved[j] = est[s] - 1
                    successions.append((j, s))
                    break
        if dissolved[j] is None:
            dissolved[j] = est[j] + 365 + rng.randrange(TODAY - 30 - est[j] - 365 + 1)
    return dissolved, successions


_Candidates = dict[str, tuple[tuple[int, ...], tuple[float, ...]]]


def _hierarchy(rng: Random, kinds: tuple[str, ...], by_kind: dict[str, tuple[int, ...]],
               dissolved: list[int | None]) -> tuple[list[int | None], _Candidates]:
    """Each body's parent a level up, a Zipf weight making a few parents popular."""
    parent: list[int | None] = [None] * len(kinds)
    candidates: _Candidates = {}
    for kind, parent_kinds in d.PARENTS.items():
        parents = [b for pk in parent_kinds for b in by_kind[pk] if dissolved[b] is None]
        rng.shuffle(parents)
        candidates[kind] = (tuple(parents), tuple(d.zipf(len(parents), d.PARENT_ZIPF)))
    councils = by_kind["full_council"]
    for i, j in enumerate(by_kind["executive"]):
        parent[j] = councils[i % len(councils)]
    for j, kind in enumerate(kinds):
        if kind in ("full_council", "executive"):
            continue
        if kind in ("committee", "scrutiny_board"):
            parent[j] = councils[0] if rng.random() < d.COUNCIL_BODY_UNDER_FIRST_COUNCIL \
                else rng.choice(councils)
        elif rng.random() >= d.REPORTS_NOWHERE:
            pool, cum = candidates[kind]
            if pool:
                parent[j] = d.pick_weighted(rng, pool, cum)
    return parent, candidates


def _details(rng: Random, kinds: tuple[str, ...], by_kind: dict[str, tuple[int, ...]],
             parent: list[int | None], organisations: Organisations, areas: Areas
             ) -> tuple[list[int], list[tuple[int, ...]], list[tuple[int, ...]], list[str]]:
    """Each body's host organisation, areas, themes and name."""
    n = len(kinds)
    councils = by_kind["full_council"]
    others = organisations.other_councils
    host = [0] * n
    body_areas: list[tuple[int, ...]] = [()] * n
    themes: list[tuple[int, ...]] = [()] * n
    names: list[str] = [""] * n
    used: dict[str, int] = {}
    for i, j in enumerate(councils):
        host[j] = 0 if i == 0 or not others else others[(i - 1) % len(others)]
    for i, j in enumerate(by_kind["executive"]):
        host[j] = host[councils[i % len(councils)]]
    admin_cycle = cluster_cycle = 0
    for j, kind in enumerate(kinds):
        p = parent[j]
        theme = rng.randrange(len(THEMES))
        if kind in ("full_council", "executive"):
            body_areas[j] = (0,) if host[j] == 0 else (areas.districts[j % len(areas.districts)],)
        elif kind in ("committee", "scrutiny_board"):
            host[j] = host[p] if p is not None else 0
            body_areas[j] = (0,)
            themes[j] = (theme,) if kind == "scrutiny_board" else ()
        elif kind == "area_committee":
            body_areas[j] = (areas.admins[admin_cycle % len(areas.admins)],)
            admin_cycle += 1
        elif kind == "cluster_partnership":
            host[j] = 0 if rng.random() < d.CLUSTER_HOSTED_BY_COUNCIL \
                else organisations.partner(rng)
            body_areas[j] = (areas.clusters[cluster_cycle % len(areas.clusters)],)
            cluster_cycle += 1
            themes[j] = (theme,) if rng.random() < d.CLUSTER_THEMED else ()
        elif kind in ("working_group", "panel", "other_body") and p is not None \
                and rng.random() < d.SUBGROUP_INHERITS:
            host[j] = host[p]
            body_areas[j] = body_areas[p]
            themes[j] = themes[p][:1] if themes[p] and rng.random() < d.SUBGROUP_KEEPS_THEME \
                else (theme,)
        else:
            host[j] = 0 if rng.random() < d.HOSTED_BY_COUNCIL else organisations.partner(rng)
            body_areas[j] = _partnership_areas(rng, kind, areas)
            second = rng.randrange(len(THEMES))
            themes[j] = (theme, second) if rng.random() < d.SECOND_THEME and second != theme \
                else (theme,)
        names[j] = _name(rng, kind, j == by_kind[kind][0], organisations.name[host[j]],
                         areas.name[body_areas[j][0]] if body_areas[j] else COUNTY,
                         themes[j], used)
    return host, body_areas, themes, names


def _partnership_areas(rng: Random, kind: str, areas: Areas) -> tuple[int, ...]:
    u = rng.random()
    county, district, admin = d.AREA_SCOPE
    if kind == "strategic_partnership_board" or u < county:
        return (0,)
    if u < district:
        return (rng.choice(areas.districts),)
    if u < admin:
        return (rng.choice(areas.admins),)
    k = 1 + rng.randrange(3)
    start = rng.randrange(len(areas.wards))
    return tuple(areas.wards[(start + x) % len(areas.wards)] for x in range(k))


_WORD = {"trust": "Trust", "programme": "Programme", "panel": "Panel",
         "supporting_partnership": "Partnership", "partnership": "Partnership"}


def _name(rng: Random, kind: str, first_of_kind: bool, host: str, place: str,
          themes: tuple[int, ...], used: dict[str, int]) -> str:
    """A body's name, numbered ``(2)``, ``(3)``... when another has it already."""
    theme = THEMES[themes[0]] if themes else rng.choice(THEMES)
    if kind == "full_council":
        name = f"Full Council ({host})"
    elif kind == "executive":
        name = f"Executive Board ({host})"
    elif kind == "committee":
        name = f"{rng.choice(COMMITTEES)} Committee"
    elif kind == "scrutiny_board":
        name = f"Scrutiny Board ({theme})"
    elif kind == "area_committee":
        name = f"{place} Area Committee"
    elif kind == "strategic_partnership_board":
        name = "Health and Wellbeing Board" if first_of_kind else f"{theme} Board"
    elif kind == "partnership_board":
        name = f"{place} {theme} Partnership Board"
    elif kind == "cluster_partnership":
        name = f"{place} Cluster Partnership"
    elif kind == "network":
        name = f"{place} {theme} " + rng.choice(("Network", "Forum"))
    elif kind == "working_group":
        name = f"{theme} " + rng.choice(("Working Group", "Task Group", "Task and Finish Group"))
    elif kind == "other_body":
        name = f"{place} {theme} " + rng.choice(("Steering Group", "Reference Group",
                                                 "Delivery Group"))
    else:
        name = f"{theme} {_WORD[kind]}" if kind == "panel" else f"{place} {theme} {_WORD[kind]}"
    seen = used.get(name, 0)
    used[name] = seen + 1
    return name if not seen else f"{name} ({seen + 1})"
