"""Overlaps: who sits on too much, which bodies are bound together, who holds them together.

All rules look at who sits where on one day: the bipartite graph of people
(a post whose holder is not named counts as its own sitter) and bodies, the
seats of :func:`graphmodel.graph.people_bodies`, numbered for sparse matrices
(:class:`Seats`). They compute on those matrices rather than on networkx's graph,
which the benchmark measured several times slower (see
:mod:`graphmodel.analysis.centrality`); the tests check they agree with networkx.
Up to :data:`SMALL_SEATS` seats they compute on plain lists instead, with the same
findings, so that checking a council's network does not wait for scipy to load.

- ``person-load``: someone on more current bodies than the rules allow.
- ``interlock``: two bodies sharing members (``shared``, and ``jaccard`` = shared
  members over members of either), computed as a sparse matrix product.
- ``broker``: the people with the highest betweenness — through whom most shortest
  paths between bodies and people run; estimated from a sample on large networks.
- ``single-point-of-failure``: someone whose departure would leave bodies with no
  member in common with the rest of their network (an articulation point).
- ``remit-overlap``: two bodies working on the same theme in the same area.
"""
from __future__ import annotations

import datetime as _dt
from collections import Counter, defaultdict
from functools import cached_property
from typing import TYPE_CHECKING, Iterator, Sequence, SupportsIndex, TypeAlias

from graphmodel.analysis.centrality import Links, articulation_cuts, betweenness
from graphmodel.analysis.findings import Finding, Found, Subject, evidence_for, subject_of
from graphmodel.analysis.runner import run_rules
from graphmodel.analysis.small_betweenness import small_betweenness
from graphmodel.graph import seats_held
from graphmodel.model import Body, Membership, Network, Person, Post
from graphmodel.registry import Settings, Standards, rule, rules_of, view
from graphmodel.words import count

if TYPE_CHECKING:   # (numpy and scipy load when a rule runs)
    import numpy as np
    import numpy.typing as npt
    from scipy import sparse

__all__ = ["Seats", "overlap_findings", "interlocks", "Incidence", "SMALL_SEATS"]

Incidence: TypeAlias = "sparse.csr_matrix[np.int32]"
"""Sitters x bodies, 1 where someone sits on a body."""

SMALL_SEATS = 5_000
"""Up to this many seats on the day, the rules compute on lists: a council's network
(about 500 seats) takes a few hundredths of a second on them, where loading scipy alone
takes a tenth. Around 5,000 seats both ways take the same time, scipy's loading included."""


class Seats:
    """Who sits where on one day, as integer-coded sitters and bodies: the seats of
    :func:`graphmodel.graph.people_bodies` (both read :func:`graphmodel.graph.seats_held`),
    numbered for the sparse matrices the rules compute on.

    Sitters and bodies are numbered in order of their ids, so every result (and
    the sample behind estimated betweenness) is the same whatever order the
    source lists its records in. ``held`` and the methods take Python's or
    numpy's integers.
    """

    def __init__(self, network: Network, as_of: "str | _dt.date | None" = None,
                 current: bool = False):
        self.net = network if current else network.as_of(as_of)
        self.bodies: list[str] = sorted(self.net.bodies)
        self.body_records = [self.net.bodies[b] for b in self.bodies]
        body_index = {b: i for i, b in enumerate(self.bodies)}
        seated = seats_held(self.net)
        self.sitters: list[str] = sorted({who for who, _ in seated})
        sitter_index = {who: i for i, who in enumerate(self.sitters)}
        self.held: dict[tuple[SupportsIndex, SupportsIndex], list[Membership]] = {
            (sitter_index[who], body_index[body]): seats for (who, body), seats in seated.items()}

    def matrix(self) -> Incidence:
        """The sitters x bodies incidence matrix (1 where someone sits on a body)."""
        import numpy as np
        from scipy import sparse

        pairs = np.fromiter((i for pair in self.held for i in pair), dtype=np.int64,
                            count=2 * len(self.held)).reshape(-1, 2)
        ones = np.ones(len(pairs), dtype=np.int32)
        return sparse.csr_matrix((ones, (pairs[:, 0], pairs[:, 1])),
                                 shape=(len(self.sitters), len(self.bodies)))

    def sitter(self, s: SupportsIndex) -> tuple[str, Person | Post | None]:
        kind, rid = self.sitters[s].split(":", 1)
        record: Person | Post | None = (self.net.people.get(rid) if kind == "person"
                                        else self.net.posts.get(rid))
        return kind, record

    def name(self, s: SupportsIndex) -> str:
        kind, record = self.sitter(s)
        return record.name if record else self.sitters[s].split(":", 1)[1]

    def body(self, b: SupportsIndex) -> Body:
        return self.body_records[b]


class _Overlaps(Seats):
    """Who sits where on one day, as every rule reads it: the sitters x bodies matrix,
    or on a small network (:data:`SMALL_SEATS`) each sitter's and each body's list."""

    @cached_property
    def small(self) -> bool:
        return len(self.held) <= SMALL_SEATS

    @cached_property
    def incidence(self) -> Incidence:
        return self.matrix()

    @cached_property
    def rows(self) -> list[list[int]]:
        """Each sitter's bodies, by number, ascending (a small network's matrix rows)."""
        rows: list[list[int]] = [[] for _ in self.sitters]
        for s, b in self.held:
            rows[int(s)].append(int(b))
        for row in rows:
            row.sort()
        return rows

    @cached_property
    def columns(self) -> list[list[int]]:
        """Each body's sitters, by number, ascending (a small network's matrix columns)."""
        columns: list[list[int]] = [[] for _ in self.bodies]
        for s, row in enumerate(self.rows):
            for b in row:
                columns[b].append(s)
        return columns

    def bodies_of(self, s: int) -> "Sequence[int] | npt.NDArray[np.integer]":
        """The bodies sitter ``s`` sits on, by number, ascending."""
        if self.small:
            return self.rows[s]
        incidence = self.incidence
        return incidence.indices[incidence.indptr[s]:incidence.indptr[s + 1]]

    def loads(self) -> "Sequence[int] | npt.NDArray[np.integer]":
        """How many bodies each sitter sits on."""
        if self.small:
            return [len(row) for row in self.rows]
        import numpy as np
        return np.asarray(self.incidence.sum(axis=1)).ravel()

    def links(self) -> "Links | sparse.csr_matrix[np.int32]":
        """The people-and-bodies graph, sitters numbered first, then bodies."""
        if not self.small:
            return _bipartite_adjacency(self.incidence)
        first = len(self.sitters)
        neighbours = [[first + b for b in row] for row in self.rows] + self.columns
        indptr = [0]
        for each in neighbours:
            indptr.append(indptr[-1] + len(each))
        return Links(indptr, [v for each in neighbours for v in each])


@view("overlaps")
def _overlaps(network: Network, day: _dt.date, org: str | None, rules: Standards) -> _Overlaps:
    return _Overlaps(network, day)


def overlap_findings(network: Network, rules: Standards | None = None,
                     as_of: "str | _dt.date | None" = None, min_shared: int | None = None,
                     top: int | None = None) -> list[Finding]:
    """Every overlap finding on a day (default: the day the dataset describes, else
    today), most severe first; see the module docs.

    ``min_shared`` and ``top`` override the rules file (``top`` for every rule;
    0 means no limit).
    """
    overrides: dict[str, Settings] = {r.name: {} for r in rules_of("overlaps")}
    if min_shared is not None:
        overrides["interlock"]["min_shared"] = min_shared
    if top is not None:
        for settings in overrides.values():
            settings["top"] = top
    return run_rules(network, rules, as_of=as_of, topics=["overlaps"], overrides=overrides)


def _sitter_subject(seats: Seats, s: SupportsIndex) -> Subject:
    kind, record = seats.sitter(s)
    if record is None:   # a seat holder the network holds no record of: named by its id
        return Subject(seats.name(s), seats.name(s), kind)
    return subject_of(record, kind)


@rule("overlaps", "person-load", {"max_bodies": "count"})
def _person_load(seats: _Overlaps, settings: Settings) -> Iterator[Found]:
    """Someone on more current bodies than ``max_bodies``: their time is finite, and a
    person on many bodies is stretched thin. Most loaded first.

    >>> from graphmodel.analysis.example import tiny_network, seat, run_rule, show
    >>> net = tiny_network(*(seat(board, "ann") for board in ("a", "b", "c")))
    >>> show(run_rule(net, "person-load", max_bodies=2))
    info: Ann sits on 3 current bodies (the rules suggest at most 2): A, B, C.
    """
    limit = settings["max_bodies"]
    loads = seats.loads()
    over = sorted((s for s, load in enumerate(loads) if load > limit),
                  key=lambda s: (-loads[s], seats.sitters[s]))
    for s in over:
        row = seats.bodies_of(s)
        bodies = [seats.body(b) for b in row]
        names = sorted(b.name for b in bodies)
        shown = ", ".join(names[:10]) + (", ..." if len(names) > 10 else "")
        held = [m for b in row for m in seats.held[s, b]]
        yield Found(
            _sitter_subject(seats, s),
            f"{seats.name(s)} sits on {count(len(bodies), 'current body')} (the rules suggest at most "
            f"{limit}): {shown}.", evidence_for([("membership", m) for m in held]),
            {"bodies": int(loads[s]), "body_ids": sorted(b.id for b in bodies)})


def interlocks(incidence: Incidence, min_shared: int = 1) -> tuple[
        npt.NDArray[np.int32], npt.NDArray[np.int32], npt.NDArray[np.int32],
        npt.NDArray[np.float64]]:
    """Pairs of bodies sharing members: (body a, body b, shared, jaccard) arrays, a < b.

    ``incidence`` is a sitters x bodies 0/1 sparse matrix; the body x body matrix of
    shared members is its Gram matrix, whose diagonal holds each body's size.
    """
    import numpy as np
    from scipy import sparse

    shared = sparse.triu(incidence.T.tocsr() @ incidence, k=1).tocoo()
    keep = shared.data >= min_shared
    a, b, n = shared.row[keep], shared.col[keep], shared.data[keep]
    sizes = np.asarray(incidence.sum(axis=0)).ravel()
    jaccard = n / (sizes[a] + sizes[b] - n)
    return a, b, n, jaccard


@rule("overlaps", "interlock", {"min_shared": "count", "top": "count"})
def _interlock(seats: _Overlaps, settings: Settings) -> Iterator[Found]:
    """Two bodies sharing at least ``min_shared`` members: where one board's decisions
    travel to another, for good or ill. Most shared members first.

    >>> from graphmodel.analysis.example import tiny_network, seat, run_rule, show
    >>> net = tiny_network(*(seat(board, who) for board in ("a", "b") for who in ("ann", "bob")))
    >>> show(run_rule(net, "interlock"))
    info: The A and the B share 2 members: Ann, Bob.
    """
    ranked = _small_interlocks if seats.small else _large_interlocks
    for a, b, n, jaccard, common in ranked(seats, settings["min_shared"]):
        x, y = seats.body(a), seats.body(b)
        names = sorted(seats.name(s) for s in common)
        held = [m for s in common for body in (a, b) for m in seats.held[s, body]]
        yield Found(
            subject_of(x, "body"),
            f"The {x.name} and the {y.name} share {count(n, 'member')}: "
            + ", ".join(names[:10]) + (", ..." if len(names) > 10 else "") + ".",
            evidence_for([("body", x), ("body", y)] + [("membership", m) for m in held]),
            {"other_body": y.id, "shared": n, "jaccard": round(jaccard, 4)})


Interlocking: TypeAlias = "tuple[int, int, int, float, Sequence[int] | npt.NDArray[np.integer]]"
"""Two bodies by number (a < b), their shared members' count and jaccard, and the
shared members by number, ascending."""


def _large_interlocks(seats: _Overlaps, min_shared: int) -> Iterator[Interlocking]:
    """The interlocking pairs, most shared members first, from the sparse matrix product."""
    import numpy as np

    incidence = seats.incidence
    a, b, n, jaccard = interlocks(incidence, min_shared)
    # bodies are numbered in id order, so ties fall to the pair with the first ids
    order = np.lexsort((b, a, -jaccard, -n))
    by_body = incidence.T.tocsr()
    for i in order:
        common = np.intersect1d(by_body.indices[by_body.indptr[a[i]]:by_body.indptr[a[i] + 1]],
                                by_body.indices[by_body.indptr[b[i]]:by_body.indptr[b[i] + 1]])
        yield int(a[i]), int(b[i]), int(n[i]), float(jaccard[i]), common


def _small_interlocks(seats: _Overlaps, min_shared: int) -> Iterator[Interlocking]:
    """The same pairs in the same order, counted from each sitter's list of bodies."""
    shared = Counter[tuple[int, int]]()
    for row in seats.rows:
        for i, a in enumerate(row):
            for b in row[i + 1:]:
                shared[a, b] += 1
    sizes = [len(column) for column in seats.columns]
    pairs = [(a, b, n, n / (sizes[a] + sizes[b] - n))
             for (a, b), n in shared.items() if n >= min_shared]
    pairs.sort(key=lambda pair: (-pair[2], -pair[3], pair[0], pair[1]))
    for a, b, n, jaccard in pairs:
        yield a, b, n, jaccard, sorted(set(seats.columns[a]) & set(seats.columns[b]))


def _bipartite_adjacency(incidence: Incidence) -> "sparse.csr_matrix[np.int32]":
    """The people-and-bodies graph as one symmetric adjacency matrix (sitters first)."""
    from scipy import sparse

    blocks: list[list[sparse.spmatrix[np.int32] | None]] = [[None, incidence],
                                                            [incidence.T, None]]
    # scipy's stubs type bmat's result as a sparse matrix of any format; format="csr" makes
    # it a CSR matrix
    return sparse.bmat(blocks, format="csr")  # type: ignore[return-value]


@rule("overlaps", "broker", {"top": "count", "sample": "count", "min_bodies": "count"})
def _brokers(seats: _Overlaps, settings: Settings) -> Iterator[Found]:
    """Someone on at least ``min_bodies`` bodies through whom many of the shortest
    connections between other people and bodies run: they carry the network's
    information, and their leaving is a continuity risk. Highest betweenness first;
    on a large network estimated from a seeded sample of ``sample`` sources.

    >>> from graphmodel.analysis.example import tiny_network, seat, run_rule, show
    >>> net = tiny_network(seat("a", "ann"), seat("a", "bob"), seat("b", "bob"),
    ...                    seat("b", "cy"))
    >>> show(run_rule(net, "broker"))
    info: Bob sits on 2 bodies and is a broker: 66.7% of the shortest connections
      between other people and bodies run through them.
    """
    n_sitters = len(seats.sitters)
    if n_sitters == 0:
        return
    links, sample = seats.links(), settings["sample"] or None
    every_source = sample is None or sample >= n_sitters + len(seats.bodies)
    plain = small_betweenness(links) if every_source and isinstance(links, Links) else None
    scores: Sequence[float] | npt.NDArray[np.float64]
    if plain is None:
        scores, sampled = betweenness(links, sample=sample, seed=0)
    else:
        scores, sampled = plain, 0
    loads = seats.loads()
    people = [s for s in range(n_sitters)
              if scores[s] > 0 and loads[s] >= settings["min_bodies"]]
    people.sort(key=lambda s: (-scores[s], seats.sitters[s]))
    for s in people:
        row = seats.bodies_of(s)
        held = [m for b in row for m in seats.held[s, b]]
        yield Found(
            _sitter_subject(seats, s),
            f"{seats.name(s)} sits on {count(len(row), 'body')} and is a broker: "
            f"{scores[s]:.1%} of the shortest connections between other people and bodies "
            "run through them" + (" (estimated from a sample)." if sampled else "."),
            evidence_for([("membership", m) for m in held]),
            {"betweenness": round(float(scores[s]), 6), "bodies": int(loads[s]),
             "sampled_sources": sampled or None})


@rule("overlaps", "single-point-of-failure", {"min_cut_off": "count"})
def _single_points(seats: _Overlaps, settings: Settings) -> Iterator[Found]:
    """Someone whose leaving would cut at least ``min_cut_off`` bodies off from the rest
    of the network (no member in common with it any more): a link that rests on one
    person breaks when they go. Most bodies cut off first.

    >>> from graphmodel.analysis.example import tiny_network, seat, run_rule, show
    >>> net = tiny_network(seat("a", "ann"), seat("a", "bob"), seat("b", "bob"),
    ...                    seat("b", "cy"))
    >>> show(run_rule(net, "single-point-of-failure"))
    warning: If Bob left, 1 body would have no member in common with the rest of the
      network: B.
    """
    n_sitters = len(seats.sitters)
    is_body = [False] * n_sitters + [True] * len(seats.bodies)
    cuts = articulation_cuts(seats.links(), is_body)
    minimum = max(settings["min_cut_off"], 1)
    people = sorted((v for v, cut in cuts.items() if v < n_sitters and len(cut) >= minimum),
                    key=lambda v: (-len(cuts[v]), seats.sitters[v]))
    for s in people:
        cut = sorted((seats.body(b - n_sitters) for b in cuts[s]), key=lambda b: b.name)
        row = seats.bodies_of(s)
        held = [m for b in row for m in seats.held[s, b]]
        yield Found(
            _sitter_subject(seats, s),
            f"If {seats.name(s)} left, {count(len(cut), 'body')} would "
            "have no member in common with the rest of the network: "
            + ", ".join(b.name for b in cut[:10]) + (", ..." if len(cut) > 10 else "") + ".",
            evidence_for([("membership", m) for m in held]),
            {"cut_off": len(cut), "cut_off_bodies": [b.id for b in cut]})


@rule("overlaps", "remit-overlap", {"kinds": "kinds", "top": "count"})
def _remit_overlap(seats: _Overlaps, settings: Settings) -> Iterator[Found]:
    """Two bodies (of ``kinds``) working on the same theme in the same area: they may
    duplicate each other, and each one's purpose and added value should be clear. Most
    themes and areas shared first.

    >>> from graphmodel.analysis.example import tiny_network, body, run_rule, show
    >>> net = tiny_network(*(body(b, name, themes=("safety",), areas=("town",))
    ...                      for b, name in [("a", "Safer Town Board"),
    ...                                      ("b", "Community Safety Partnership")]))
    >>> show(run_rule(net, "remit-overlap"))
    info: The Safer Town Board and the Community Safety Partnership both work on
      Safety in Town: check they do not duplicate each other.
    """
    kinds = settings["kinds"]
    cells: dict[tuple[str, str], list[str]] = defaultdict(list)
    for body in seats.net.bodies.values():
        if kinds == "all" or body.kind in kinds:
            for theme in body.themes:
                for area in body.areas:
                    cells[theme, area].append(body.id)
    pairs: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for cell, bodies in cells.items():
        for i, first in enumerate(bodies):
            for second in bodies[i + 1:]:
                pairs[min(first, second), max(first, second)].append(cell)
    ranked = sorted(pairs.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    net = seats.net
    for (x_id, y_id), shared in ranked:
        x, y = net.bodies[x_id], net.bodies[y_id]
        themes = sorted({net.themes[t].name if t in net.themes else t for t, _ in shared})
        areas = sorted({net.areas[a].name if a in net.areas else a for _, a in shared})
        yield Found(
            subject_of(x, "body"),
            f"The {x.name} and the {y.name} both work on {', '.join(themes)} in "
            f"{', '.join(areas)}: check they do not duplicate each other.",
            evidence_for([("body", x), ("body", y)]),
            {"other_body": y.id, "themes": themes, "areas": areas})
