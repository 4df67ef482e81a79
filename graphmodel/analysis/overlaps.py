"""Overlaps: who sits on too much, which bodies are bound together, who holds them together.

All rules look at who sits where on one day: the bipartite graph of people
(a post whose holder is not named counts as its own sitter) and bodies, the
seats of :func:`graphmodel.graph.people_bodies`, numbered for sparse matrices
(:class:`Seats`). They compute on those matrices rather than on networkx's graph,
which the benchmark measured several times slower (see
:mod:`graphmodel.analysis.centrality`); the tests check they agree with networkx.

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
from bisect import bisect_left
from collections import defaultdict
from functools import cached_property
from operator import attrgetter
from typing import TYPE_CHECKING, Iterator, NamedTuple, SupportsIndex, TypeAlias, cast

from graphmodel.analysis.centrality import articulation_cuts, betweenness
from graphmodel.analysis.findings import Finding, Found, Subject, evidence_for, subject_of
from graphmodel.analysis.runner import run_rules
from graphmodel.model import Body, Membership, Network, Person, Post
from graphmodel.registry import Settings, Standards, rule, rules_of, view
from graphmodel.words import count

if TYPE_CHECKING:   # (numpy and scipy load when a rule runs)
    import numpy as np
    import numpy.typing as npt
    from scipy import sparse

__all__ = ["Seats", "overlap_findings", "interlocks", "incidence", "Incidence"]

Incidence: TypeAlias = "sparse.csr_matrix[np.int32]"
"""Sitters x bodies, 1 where someone sits on a body."""


class Seats:
    """Who sits where on one day, as integer-coded sitters and bodies: the seats of
    :func:`graphmodel.graph.people_bodies` (both follow :func:`graphmodel.graph.sitter_key`),
    numbered for the sparse matrices the rules compute on.

    Sitters and bodies are numbered in order of their ids, so every result (and
    the sample behind estimated betweenness) is the same whatever order the
    source lists its records in. The methods take Python's or numpy's integers.

    The seats are coded with numpy from one pass over the memberships, rather than
    one Python object per seat: at a million memberships that pass is most of the
    cost of the incidence matrix (see :func:`interlocks`).
    """

    def __init__(self, network: Network, as_of: "str | _dt.date | None" = None,
                 current: bool = False):
        import numpy as np

        self.net = network if current else network.as_of(as_of)
        bodies, memberships, sitter, body = _seat_codes(self.net)
        self.bodies: list[str] = list(bodies)     # (copies: the day's network keeps them)
        self.body_records = [self.net.bodies[b] for b in self.bodies]
        self.sitters: list[str] = list(sitter.names)
        # the seats in order of sitter, then body, then source order: each sitter's
        # seats (and each seat's memberships) are one run of this list
        n_bodies = max(len(self.bodies), 1)
        pair = sitter.codes * n_bodies + body
        order = np.argsort(pair, kind="stable")
        self._memberships = [memberships[i] for i in order.tolist()]
        pair = pair[order]
        first = np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]]) if len(pair) else \
            np.zeros(0, dtype=np.int64)
        self._pairs = pair[first]
        self._pair_codes: list[int] = self._pairs.tolist()
        self._pair_start: list[int] = first.tolist() + [len(pair)]
        rows = self._pairs // n_bodies
        self._sitter_start: list[int] = np.searchsorted(
            pair, np.arange(len(self.sitters) + 1) * n_bodies).tolist()
        self._indptr = np.searchsorted(rows, np.arange(len(self.sitters) + 1))
        self._cols = (self._pairs % n_bodies).astype(np.int32)
        self._n_bodies = n_bodies

    def matrix(self) -> Incidence:
        """The sitters x bodies incidence matrix (1 where someone sits on a body)."""
        import numpy as np
        from scipy import sparse

        ones = np.ones(len(self._cols), dtype=np.int32)
        return sparse.csr_matrix((ones, self._cols.copy(), self._indptr.copy()),
                                 shape=(len(self.sitters), len(self.bodies)))

    def seats_of(self, s: SupportsIndex) -> list[Membership]:
        """The memberships behind a sitter's seats, body by body (in the bodies' order),
        in source order on each body."""
        s = int(s)
        return self._memberships[self._sitter_start[s]:self._sitter_start[s + 1]]

    def seat(self, s: SupportsIndex, b: SupportsIndex) -> list[Membership]:
        """The memberships behind one sitter's seat on one body, in source order."""
        code = int(s) * self._n_bodies + int(b)
        i = bisect_left(self._pair_codes, code)
        if not 0 <= int(b) < self._n_bodies or i == len(self._pair_codes) or \
                self._pair_codes[i] != code:
            raise KeyError((s, b))
        return self._memberships[self._pair_start[i]:self._pair_start[i + 1]]

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

    @property
    def held(self) -> dict[tuple[int, int], list[Membership]]:
        """Every seat: (sitter, body) -> the memberships behind it, in source order."""
        n, start = self._n_bodies, self._pair_start
        return {(code // n, code % n): self._memberships[start[i]:start[i + 1]]
                for i, code in enumerate(self._pair_codes)}


class _Sitters(NamedTuple):
    names: list[str]                 # node keys, in order of their codes
    codes: "npt.NDArray[np.int64]"  # one per membership


_PERSON, _BODY = attrgetter("person"), attrgetter("body")


def _coded_seats(network: Network, bodies: list[str]) -> tuple[
        list[Membership], _Sitters, "npt.NDArray[np.int64]"]:
    """The memberships whose holder is named, each one's sitter (numbered in order of
    :func:`graphmodel.graph.sitter_key`) and body (its place in ``bodies``)."""
    import numpy as np

    memberships = list(network.memberships.values())
    who: list[str | None] = list(map(_PERSON, memberships))
    post_seats: dict[int, str] = {}     # membership -> post that sits, holder not named
    for i in [i for i, person in enumerate(who) if not person]:
        # the rule of graph.sitter_key: the person, else the post's named holder, else
        # the post itself
        m, who[i] = memberships[i], None
        if m.post:
            post = network.posts.get(m.post)
            if post and post.holder:
                who[i] = post.holder
            else:
                post_seats[i] = m.post
    someone = dict.fromkeys(who)
    someone.pop(None, None)
    people = cast(dict[str, None], someone)
    posts = dict.fromkeys(post_seats.values())
    people, posts = dict.fromkeys(sorted(people)), dict.fromkeys(sorted(posts))
    index: dict[str | None, int] = dict(zip(people, range(len(people))))
    index[None] = -1
    codes = np.fromiter(map(index.__getitem__, who), dtype=np.int64, count=len(who))
    if post_seats:
        post_index = dict(zip(posts, range(len(people), len(people) + len(posts))))
        codes[list(post_seats)] = [post_index[p] for p in post_seats.values()]
    body_index = dict(zip(bodies, range(len(bodies))))
    body = np.fromiter(map(body_index.__getitem__, map(_BODY, memberships)), dtype=np.int64,
                       count=len(memberships))
    seated = np.flatnonzero(codes >= 0)
    if len(seated) < len(memberships):
        memberships = [memberships[i] for i in seated.tolist()]
        codes, body = codes[seated], body[seated]
    # "person:" sorts before "post:", so this is the order of the sitters' node keys
    names = ["person:" + p for p in people] + ["post:" + p for p in posts]
    return memberships, _Sitters(names, codes), body


def _seat_codes(network: Network) -> tuple[list[str], list[Membership], _Sitters,
                                           "npt.NDArray[np.int64]"]:
    """The bodies in order of their ids and :func:`_coded_seats` of them, worked out once
    for a day's network: the overlaps rules and :func:`incidence` share them."""
    return network.remembered("coded seats", _coded_seats_of, _READS)


_READS = ("memberships", "posts", "bodies")   # what _coded_seats reads


def _coded_seats_of(network: Network) -> tuple[list[str], list[Membership], _Sitters,
                                                "npt.NDArray[np.int64]"]:
    bodies = sorted(network.bodies)
    return (bodies, *_coded_seats(network, bodies))


def incidence(network: Network, as_of: "str | _dt.date | None" = None) -> Incidence:
    """The sitters x bodies incidence matrix of a day, straight from the memberships (the
    bodies in order of their ids, the sitters numbered as :class:`Seats` numbers them):
    :func:`interlocks` needs no more, and none of the indexes :class:`Seats` makes for
    the findings. The day's seats are coded once, for this and the overlaps rules alike,
    so after those rules (or a first call) this is numpy's work alone.

    >>> from graphmodel.analysis.example import tiny_network, seat
    >>> net = tiny_network(seat("a", "ann"), seat("a", "bob"), seat("b", "bob"))
    >>> incidence(net).toarray().tolist()   # bodies a and b; Ann, then Bob
    [[1, 0], [1, 1]]
    """
    import numpy as np
    from scipy import sparse

    bodies, _, sitters, body = _seat_codes(network.as_of(as_of))
    matrix = sparse.csr_matrix((np.ones(len(body), dtype=np.int32), (sitters.codes, body)),
                               shape=(len(sitters.names), len(bodies)))
    matrix.data[:] = 1      # two memberships of one sitter on one body are one seat
    return matrix


class _Overlaps(Seats):
    """Who sits where on one day, with the sitters x bodies matrix every rule reads."""

    @cached_property
    def incidence(self) -> Incidence:
        return self.matrix()


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
    import numpy as np

    incidence = seats.incidence
    limit = settings["max_bodies"]
    loads = np.asarray(incidence.sum(axis=1)).ravel()
    over = sorted((int(s) for s in np.flatnonzero(loads > limit)),
                  key=lambda s: (-loads[s], seats.sitters[s]))
    for s in over:
        row = incidence.indices[incidence.indptr[s]:incidence.indptr[s + 1]]
        bodies = [seats.body(b) for b in row]
        names = sorted(b.name for b in bodies)
        shown = ", ".join(names[:10]) + (", ..." if len(names) > 10 else "")
        held = seats.seats_of(s)
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

    shared = (incidence.T.tocsr() @ incidence).tocoo()
    keep = (shared.row < shared.col) & (shared.data >= min_shared)
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
    import numpy as np

    incidence = seats.incidence
    a, b, n, jaccard = interlocks(incidence, settings["min_shared"])
    # bodies are numbered in id order, so ties fall to the pair with the first ids
    order = np.lexsort((b, a, -jaccard, -n))
    by_body = incidence.T.tocsr()
    for i in order:
        x, y = seats.body(a[i]), seats.body(b[i])
        common = np.intersect1d(by_body.indices[by_body.indptr[a[i]]:by_body.indptr[a[i] + 1]],
                                by_body.indices[by_body.indptr[b[i]]:by_body.indptr[b[i] + 1]])
        names = sorted(seats.name(s) for s in common)
        held = [m for s in common for body in (a[i], b[i]) for m in seats.seat(s, body)]
        yield Found(
            subject_of(x, "body"),
            f"The {x.name} and the {y.name} share {count(int(n[i]), 'member')}: "
            + ", ".join(names[:10]) + (", ..." if len(names) > 10 else "") + ".",
            evidence_for([("body", x), ("body", y)] + [("membership", m) for m in held]),
            {"other_body": y.id, "shared": int(n[i]), "jaccard": round(float(jaccard[i]), 4)})


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
    import numpy as np

    incidence = seats.incidence
    n_sitters = incidence.shape[0]
    if n_sitters == 0:
        return
    adjacency = _bipartite_adjacency(incidence)
    scores, sampled = betweenness(adjacency, sample=settings["sample"] or None, seed=0)
    loads = np.asarray(incidence.sum(axis=1)).ravel()
    people = [s for s in range(n_sitters)
              if scores[s] > 0 and loads[s] >= settings["min_bodies"]]
    people.sort(key=lambda s: (-scores[s], seats.sitters[s]))
    for s in people:
        row = incidence.indices[incidence.indptr[s]:incidence.indptr[s + 1]]
        held = seats.seats_of(s)
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
    incidence = seats.incidence
    n_sitters = incidence.shape[0]
    is_body = [False] * n_sitters + [True] * incidence.shape[1]
    cuts = articulation_cuts(_bipartite_adjacency(incidence), is_body)
    minimum = max(settings["min_cut_off"], 1)
    people = sorted((v for v, cut in cuts.items() if v < n_sitters and len(cut) >= minimum),
                    key=lambda v: (-len(cuts[v]), seats.sitters[v]))
    for s in people:
        cut = sorted((seats.body(b - n_sitters) for b in cuts[s]), key=lambda b: b.name)
        row = incidence.indices[incidence.indptr[s]:incidence.indptr[s + 1]]
        held = seats.seats_of(s)
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
