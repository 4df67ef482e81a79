"""The plans of relationships between bodies: nomination rights, reporting lines and
scrutiny links. Days are ordinals."""
from __future__ import annotations

from dataclasses import dataclass
from random import Random

from graphmodel.generate import distributions as d
from graphmodel.generate.bodies import Bodies

TODAY = d.TODAY


@dataclass(frozen=True, slots=True)
class Nominations:
    rights: tuple[tuple[int, int, str], ...]    # (nominating body, body, seats)
    by_body: dict[int, tuple[int, bool]]        # body -> (nominating body, elected members?)


@dataclass(frozen=True, slots=True)
class ReportingLine:
    body: int
    reports_to: int
    kind: str
    start: int | None       # None: since the body was established
    end: int | None
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class ScrutinyLink:
    scrutiny_body: int
    body: int
    start: int
    end: int | None


def plan_nominations(rng: Random, bodies: Bodies) -> Nominations:
    """Seats on partnerships nominated by the executive or full council, or by a board."""
    councils = bodies.by_kind["executive"] + bodies.by_kind["full_council"]
    boards = bodies.by_kind["strategic_partnership_board"] + bodies.by_kind["partnership_board"]
    rights: list[tuple[int, int, str]] = []
    by_body: dict[int, tuple[int, bool]] = {}
    for j, kind in enumerate(bodies.kind):
        if kind not in d.PARTNERSHIP_SIDE:
            continue
        u = rng.random()
        if u < d.NOMINATED_BY_COUNCIL:
            nominator = rng.choice(councils)
            seats = rng.choice(("elected member representatives", "two elected members",
                                "one elected member from each political group"))
            elected = True
        elif u < d.NOMINATED_BY_BOARD and boards:
            nominator = rng.choice(boards)
            seats = rng.choice(("partner representatives", "third sector representatives",
                                "two partner representatives"))
            elected = False
        else:
            continue
        if nominator == j:
            continue
        by_body[j] = (nominator, elected)
        rights.append((nominator, j, seats))
    return Nominations(rights=tuple(rights), by_body=by_body)


def plan_reporting_lines(rng: Random, bodies: Bodies) -> tuple[ReportingLine, ...]:
    """Each body's line to its parent; a few changed parent, a few report informally too."""
    est, dissolved = bodies.established, bodies.dissolved
    lines: list[ReportingLine] = []
    for j, kind in enumerate(bodies.kind):
        p = bodies.parent[j]
        if p is None:
            continue
        if kind in ("executive", "strategic_partnership_board") \
                and rng.random() < d.STATUTORY_LINE:
            line_kind = "statutory"
        elif kind in ("network", "other_body") and rng.random() < d.INFORMAL_LINE:
            line_kind = "informal"
        else:
            line_kind = "formal"
        start = None
        end = dissolved[j]
        pool, cum = bodies.candidates.get(kind, ((), ()))
        if dissolved[j] is None and len(pool) > 1 and rng.random() < d.CHANGED_PARENT \
                and est[j] + 400 < TODAY - 60:
            # changed parent: an ended line to the old one, the current one from then
            old = d.pick_weighted(rng, pool, cum)
            if old != p:
                switch = est[j] + 200 + rng.randrange(TODAY - 60 - est[j] - 200)
                lines.append(ReportingLine(j, old, line_kind, start, switch, "superseded"))
                start = switch + 1
        lines.append(ReportingLine(j, p, line_kind, start, end))
        if len(pool) > 1 and rng.random() < d.SECOND_LINE:
            other = d.pick_weighted(rng, pool, cum)
            if other != p:
                lines.append(ReportingLine(j, other, "informal", None, end,
                                           "also reports informally"))
    return tuple(lines)


def plan_scrutiny_links(rng: Random, bodies: Bodies) -> tuple[ScrutinyLink, ...]:
    """Scrutiny boards scrutinising most strategic boards and some partnership boards."""
    est, dissolved = bodies.established, bodies.dissolved
    scrutiny = bodies.by_kind["scrutiny_board"]
    links: list[ScrutinyLink] = []
    targets = [(j, d.SCRUTINISED[kind]) for kind in d.SCRUTINISED for j in bodies.by_kind[kind]]
    for j, share in targets:
        if not scrutiny or rng.random() >= share:
            continue
        s = rng.choice(scrutiny)
        start = max(est[s], est[j])
        end = dissolved[j] if dissolved[j] is not None else (
            TODAY - rng.randrange(30, 700) if rng.random() < d.SCRUTINY_ENDED else None)
        if end is not None and end < start:
            end = start
        links.append(ScrutinyLink(s, j, start, end))
    return tuple(links)
