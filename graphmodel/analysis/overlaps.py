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
from collections import defaultdict
from typing import Any, SupportsIndex

from graphmodel.analysis.centrality import articulation_cuts, betweenness
from graphmodel.analysis.findings import Finding, evidence_for, rule_finding, subject_of
from graphmodel.graph import seats_held
from graphmodel.memory import without_cycle_collection
from graphmodel.model import Membership, Network

__all__ = ["Seats", "overlap_findings", "interlocks"]


class Seats:
    """Who sits where on one day, as integer-coded sitters and bodies: the seats of
    :func:`graphmodel.graph.people_bodies` (both read :func:`graphmodel.graph.seats_held`),
    numbered for the sparse matrices the rules compute on.

    Sitters and bodies are numbered in order of their ids, so every result (and
    the sample behind estimated betweenness) is the same whatever order the
    source lists its records in. ``held`` and the methods take Python's or
    numpy's integers.
    """

    def __init__(self, network: Network, as_of: Any = None, current: bool = False):
        self.net = network if current else network.as_of(as_of)
        self.bodies: list[str] = sorted(self.net.bodies)
        self.body_records = [self.net.bodies[b] for b in self.bodies]
        body_index = {b: i for i, b in enumerate(self.bodies)}
        seated = seats_held(self.net)
        self.sitters: list[str] = sorted({who for who, _ in seated})
        sitter_index = {who: i for i, who in enumerate(self.sitters)}
        self.held: dict[tuple[SupportsIndex, SupportsIndex], list[Membership]] = {
            (sitter_index[who], body_index[body]): seats for (who, body), seats in seated.items()}

    def matrix(self):
        """The sitters x bodies incidence matrix (1 where someone sits on a body)."""
        import numpy as np
        from scipy import sparse

        pairs = np.fromiter((i for pair in self.held for i in pair), dtype=np.int64,
                            count=2 * len(self.held)).reshape(-1, 2)
        ones = np.ones(len(pairs), dtype=np.int32)
        return sparse.csr_matrix((ones, (pairs[:, 0], pairs[:, 1])),
                                 shape=(len(self.sitters), len(self.bodies)))

    def sitter(self, s: SupportsIndex) -> tuple[str, Any]:
        kind, rid = self.sitters[s].split(":", 1)
        record = (self.net.people if kind == "person" else self.net.posts).get(rid)
        return kind, record

    def name(self, s: SupportsIndex) -> str:
        kind, record = self.sitter(s)
        return record.name if record else self.sitters[s].split(":", 1)[1]

    def body(self, b: SupportsIndex) -> Any:
        return self.body_records[b]


@without_cycle_collection
def overlap_findings(network: Network, rules: dict[str, Any] | None = None,
                     as_of: "str | _dt.date | None" = None, min_shared: int | None = None,
                     top: int | None = None) -> list[Finding]:
    """Every overlap finding on a day (default: the day the dataset describes, else
    today); see the module docs.

    ``min_shared`` and ``top`` override the rules file (``top`` for every rule;
    0 means no limit).
    """
    from graphmodel.rules import load_rules

    settings = (rules or load_rules())["overlaps"]
    seats = Seats(network, as_of)
    incidence = seats.matrix()
    checks = {"person-load": _person_load, "interlock": _interlock, "broker": _brokers,
              "single-point-of-failure": _single_points, "remit-overlap": _remit_overlap}
    findings: list[Finding] = []
    for rule, check in checks.items():
        rule_settings = dict(settings.get(rule, {}))
        if min_shared is not None and rule == "interlock":
            rule_settings["min_shared"] = min_shared
        if top is not None:
            rule_settings["top"] = top
        if rule_settings.get("enabled", True):
            found = check(seats, incidence, rule, rule_settings)
            limit = rule_settings.get("top", 0)
            findings += found[:limit] if limit else found
    return findings


def _sitter_subject(seats: Seats, s: SupportsIndex):
    kind, record = seats.sitter(s)
    return subject_of(record, kind) if record else None


def _person_load(seats: Seats, incidence: Any, rule: str, settings: dict[str, Any]):
    import numpy as np

    limit = settings.get("max_bodies", 5)
    loads = np.asarray(incidence.sum(axis=1)).ravel()
    over = sorted(np.flatnonzero(loads > limit), key=lambda s: (-loads[s], seats.sitters[s]))
    findings = []
    for s in over:
        row = incidence.indices[incidence.indptr[s]:incidence.indptr[s + 1]]
        bodies = [seats.body(b) for b in row]
        names = sorted(b.name for b in bodies)
        shown = ", ".join(names[:10]) + (", ..." if len(names) > 10 else "")
        held = [m for b in row for m in seats.held[s, b]]
        findings.append(rule_finding(
            rule, settings, _sitter_subject(seats, s),
            f"{seats.name(s)} sits on {len(bodies)} current bodies (the rules suggest at most "
            f"{limit}): {shown}.", evidence_for([("membership", m) for m in held]),
            {"bodies": int(loads[s]), "body_ids": sorted(b.id for b in bodies)}))
    return findings


def interlocks(incidence: Any, min_shared: int = 1):
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


def _interlock(seats: Seats, incidence: Any, rule: str, settings: dict[str, Any]):
    import numpy as np

    a, b, n, jaccard = interlocks(incidence, settings.get("min_shared", 2))
    limit = settings.get("top", 0) or len(n)
    # bodies are numbered in id order, so ties fall to the pair with the first ids
    order = np.lexsort((b, a, -jaccard, -n))[:limit]
    by_body = incidence.T.tocsr()
    findings = []
    for i in order:
        x, y = seats.body(a[i]), seats.body(b[i])
        common = np.intersect1d(by_body.indices[by_body.indptr[a[i]]:by_body.indptr[a[i] + 1]],
                                by_body.indices[by_body.indptr[b[i]]:by_body.indptr[b[i] + 1]])
        names = sorted(seats.name(s) for s in common)
        held = [m for s in common for body in (a[i], b[i]) for m in seats.held[s, body]]
        findings.append(rule_finding(
            rule, settings, subject_of(x, "body"),
            f"The {x.name} and the {y.name} share {int(n[i])} member(s): "
            + ", ".join(names[:10]) + (", ..." if len(names) > 10 else "") + ".",
            evidence_for([("body", x), ("body", y)] + [("membership", m) for m in held]),
            {"other_body": y.id, "shared": int(n[i]), "jaccard": round(float(jaccard[i]), 4)}))
    return findings


def _bipartite_adjacency(incidence: Any):
    """The people-and-bodies graph as one symmetric adjacency matrix (sitters first)."""
    from scipy import sparse

    return sparse.bmat([[None, incidence], [incidence.T, None]], format="csr")


def _brokers(seats: Seats, incidence: Any, rule: str, settings: dict[str, Any]):
    import numpy as np

    n_sitters = incidence.shape[0]
    if n_sitters == 0:
        return []
    adjacency = _bipartite_adjacency(incidence)
    sample = settings.get("sample", 256)
    scores, sampled = betweenness(adjacency, sample=sample or None, seed=0)
    loads = np.asarray(incidence.sum(axis=1)).ravel()
    people = [s for s in range(n_sitters)
              if scores[s] > 0 and loads[s] >= settings.get("min_bodies", 2)]
    people.sort(key=lambda s: (-scores[s], seats.sitters[s]))
    findings = []
    for s in people[:settings.get("top", 0) or len(people)]:
        row = incidence.indices[incidence.indptr[s]:incidence.indptr[s + 1]]
        held = [m for b in row for m in seats.held[s, b]]
        findings.append(rule_finding(
            rule, settings, _sitter_subject(seats, s),
            f"{seats.name(s)} sits on {len(row)} bodies and is a broker: "
            f"{scores[s]:.1%} of the shortest connections between other people and bodies "
            "run through them" + (" (estimated from a sample)." if sampled else "."),
            evidence_for([("membership", m) for m in held]),
            {"betweenness": round(float(scores[s]), 6), "bodies": int(loads[s]),
             "sampled_sources": sampled or None}))
    return findings


def _single_points(seats: Seats, incidence: Any, rule: str, settings: dict[str, Any]):
    n_sitters = incidence.shape[0]
    is_body = [False] * n_sitters + [True] * incidence.shape[1]
    cuts = articulation_cuts(_bipartite_adjacency(incidence), is_body)
    minimum = max(settings.get("min_cut_off", 1), 1)
    people = sorted((v for v, cut in cuts.items() if v < n_sitters and len(cut) >= minimum),
                    key=lambda v: (-len(cuts[v]), seats.sitters[v]))
    findings = []
    for s in people:
        cut = sorted((seats.body(b - n_sitters) for b in cuts[s]), key=lambda b: b.name)
        row = incidence.indices[incidence.indptr[s]:incidence.indptr[s + 1]]
        held = [m for b in row for m in seats.held[s, b]]
        findings.append(rule_finding(
            rule, settings, _sitter_subject(seats, s),
            f"If {seats.name(s)} left, {len(cut)} bod{'y' if len(cut) == 1 else 'ies'} would "
            "have no member in common with the rest of the network: "
            + ", ".join(b.name for b in cut[:10]) + (", ..." if len(cut) > 10 else "") + ".",
            evidence_for([("membership", m) for m in held]),
            {"cut_off": len(cut), "cut_off_bodies": [b.id for b in cut]}))
    return findings


def _remit_overlap(seats: Seats, incidence: Any, rule: str, settings: dict[str, Any]):
    kinds = settings.get("kinds", "all")
    cells: dict[tuple[str, str], list[str]] = defaultdict(list)
    for body in seats.net.bodies.values():
        if kinds == "all" or body.kind in kinds:
            for theme in body.themes:
                for area in body.areas:
                    cells[theme, area].append(body.id)
    pairs: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for cell, bodies in cells.items():
        for i, x in enumerate(bodies):
            for y in bodies[i + 1:]:
                pairs[min(x, y), max(x, y)].append(cell)
    ranked = sorted(pairs.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    limit = settings.get("top", 0) or len(ranked)
    net = seats.net
    findings = []
    for (x_id, y_id), shared in ranked[:limit]:
        x, y = net.bodies[x_id], net.bodies[y_id]
        themes = sorted({net.themes[t].name if t in net.themes else t for t, _ in shared})
        areas = sorted({net.areas[a].name if a in net.areas else a for _, a in shared})
        findings.append(rule_finding(
            rule, settings, subject_of(x, "body"),
            f"The {x.name} and the {y.name} both work on {', '.join(themes)} in "
            f"{', '.join(areas)}: check they do not duplicate each other.",
            evidence_for([("body", x), ("body", y)]),
            {"other_body": y.id, "themes": themes, "areas": areas}))
    return findings
