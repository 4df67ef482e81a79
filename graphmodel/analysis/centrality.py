"""Graph measures over a sparse adjacency matrix, fast enough for a million memberships.

Betweenness runs breadth-first searches from a batch of sources at once as
sparse matrix products, and articulation points (with the bodies each would cut
off) come from one iterative depth-first search over the matrix's arrays. Both
give the same answers as networkx (the tests compare them, on random graphs and
on ``graph.people_bodies`` of the seed datasets).

They are kept, rather than networkx's algorithms on the people-bodies graph,
because networkx misses the benchmark's targets there. Measured on the
benchmark's network (1,100,000 memberships, 151,299 sitters and bodies, 481,366
pairs; CPU seconds, one run, ``python benchmarks/analysis.py --compare-networkx``):

- betweenness from the rules' 128 sampled sources: 5.6 s here; networkx's
  ``betweenness_centrality(k=...)`` about 417 s (timed from 2 sources, scaled).
  The nx-parallel backend could not be tried: its release for Python 3.11 (0.3)
  fails to load with networkx 3.6, and 0.4 needs Python 3.12; two cores would at
  best halve networkx's time.
- cut-off bodies: 1.0 s here; networkx's ``articulation_points`` alone 1.4 s and
  ``biconnected_components`` alone 2.5 s, before working out what each cuts off.
- either needs the networkx graph first: ``graph.people_bodies`` takes 6.7 s
  where the rules' integer-coded seats take 4.8 s (with the incidence matrix 0.2 s
  more, against 4.4 s for ``bipartite.biadjacency_matrix``).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Collection, Sequence, TypeAlias

if TYPE_CHECKING:   # (numpy and scipy load when a measure is taken)
    import numpy as np
    import numpy.typing as npt
    from scipy import sparse

__all__ = ["betweenness", "articulation_cuts", "Adjacency", "Links"]

Adjacency: TypeAlias = "sparse.csr_matrix[np.integer | np.floating]"
"""A graph as a symmetric sparse matrix, its nodes numbered: nonzero where two are linked."""


@dataclass(frozen=True)
class Links:
    """A small graph's links as plain lists, laid out as a canonical CSR matrix's arrays:
    node v's neighbours are ``indices[indptr[v]:indptr[v + 1]]``, in ascending order.

    The measures take it in place of an :data:`Adjacency` and give the same figures to
    the last bit, without loading scipy (a tenth of a second, most of a small
    network's check); :mod:`graphmodel.analysis.small_betweenness` reads it too.
    """
    indptr: list[int]
    indices: list[int]


def betweenness(adjacency: Adjacency | Links, sample: int | None = None, seed: int = 0,
                batch: int = 32) -> tuple[npt.NDArray[np.float64], int]:
    """Normalised betweenness centrality of an undirected, unweighted graph.

    Brandes' algorithm, level by level, for ``batch`` sources at a time. With
    ``sample`` smaller than the number of nodes, the sources are a seeded random
    sample and the result an unbiased estimate (scaled by nodes / sample). Thirty-two
    sources at a time was measured quickest on a large network (half the memory of
    each level's arrays at sixty-four): 128 sources over 151,299 people and bodies
    took 1.3 s, against 1.55 s sixty-four at a time and 1.3 s sixteen at a time.

    Returns the scores (one per node, as networkx's ``betweenness_centrality``
    with ``normalized=True``) and the number of sampled sources (0 when exact).
    """
    import numpy as np

    n = len(adjacency.indptr) - 1
    if n <= 2:
        return np.zeros(n), 0
    sources = np.arange(n)
    sampled = 0
    if sample is not None and sample < n:
        sources = np.sort(np.random.default_rng(seed).choice(n, size=sample, replace=False))
        sampled = sample
    graph: Adjacency | _Steps
    if isinstance(adjacency, Links):
        graph = _Steps(adjacency)
    else:
        # single precision halves the memory traffic; path counts stay far below its range
        graph = adjacency.astype(np.float32)
        graph.sort_indices()
    total = np.zeros(n)
    for start in range(0, len(sources), batch):
        total += _dependencies(graph, sources[start:start + batch])
    scale = 1 / ((n - 1) * (n - 2)) * (n / len(sources))
    return total * scale, sampled


def _dependencies(adjacency: "Adjacency | _Steps",
                  sources: npt.NDArray[np.integer]) -> npt.NDArray[np.float64]:
    """Sum over the given sources of each node's dependency (Brandes' delta).

    The matrices are nodes x sources; each level of the searches is kept as the flat
    positions it reached, so that a level's work touches its own entries (and one
    product) rather than every entry of the matrices."""
    import numpy as np

    n, k = adjacency.shape[0], len(sources)
    position = np.int32 if n * k < 2 ** 31 else np.int64
    start = (np.asarray(sources) * k + np.arange(k)).astype(position)
    sigma = np.zeros(n * k, dtype=np.float32)
    sigma[start] = 1.0
    seen = np.zeros(n * k, dtype=bool)
    seen[start] = True
    levels = [start]
    frontier = np.zeros((n, k), dtype=np.float32)
    at = frontier.ravel()            # (a view: writing it writes the frontier)
    at[start] = 1.0
    while True:
        reached = _spread(adjacency, frontier, levels[-1] // k).ravel()
        new = np.flatnonzero((reached > 0) & ~seen).astype(position)
        if not len(new):
            break
        seen[new] = True
        sigma[new] = reached[new]
        at[levels[-1]] = 0
        at[new] = reached[new]
        levels.append(new)
    delta = np.zeros(n * k, dtype=np.float32)
    coeff = np.zeros((n, k), dtype=np.float32)
    c = coeff.ravel()
    for d in range(len(levels) - 1, 0, -1):
        level, below = levels[d], levels[d - 1]
        c[level] = (1 + delta[level]) / sigma[level]
        product = _spread(adjacency, coeff, level // k).ravel()
        delta[below] += sigma[below] * product[below]
        c[level] = 0
    delta[start] = 0
    return delta.reshape(n, k).sum(axis=1, dtype=np.float64)


def _spread(adjacency: "Adjacency | _Steps", values: npt.NDArray[np.float32],
            rows: "npt.NDArray[Any]") -> npt.NDArray[np.float32]:
    """``adjacency @ values`` where only ``rows`` (ascending, repeats allowed) of ``values``
    are nonzero: the product over those rows of the (symmetric) adjacency alone, which
    adds the same terms in the same order (its indices sorted) as the whole product."""
    import numpy as np

    if isinstance(adjacency, _Steps):
        return adjacency.times(values)

    rows = rows[np.r_[True, rows[1:] != rows[:-1]]] if len(rows) else rows
    return np.asarray(adjacency[rows].T @ values[rows])


class _Steps:
    """A small graph's links for the product scipy's CSR matrix times a dense block
    computes, without loading scipy: the p-th neighbour of every node that has one,
    p = 0, 1, ... Each row's sum starts at zero and adds its neighbours' rows in
    ascending order, in single precision (the links' ones multiply exactly, and the
    zeros of rows :func:`_spread` leaves out change no sum), so the figures agree to
    the last bit."""

    def __init__(self, links: Links):
        import numpy as np

        indptr = np.asarray(links.indptr, dtype=np.int64)
        indices = np.asarray(links.indices, dtype=np.int64)
        degree = np.diff(indptr)
        self.shape = (len(degree), len(degree))
        self.steps = [(rows, indices[indptr[rows] + p])
                      for p in range(int(degree.max(initial=0)))
                      for rows in [np.flatnonzero(degree > p)]]

    def times(self, block: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        import numpy as np

        result = np.zeros_like(block)
        for rows, neighbours in self.steps:
            result[rows] += block[neighbours]
        return result


def articulation_cuts(adjacency: Adjacency | Links, is_body: Sequence[bool],
                      candidates: Collection[int] | None = None) -> dict[int, list[int]]:
    """For each articulation point, the bodies its removal would cut off.

    Removing an articulation point splits its connected component in pieces;
    the piece with the most bodies stays "the rest of the network" and the
    bodies of every other piece are cut off. Only nodes in ``candidates`` (all
    when None) are reported. One iterative depth-first search (Hopcroft–Tarjan);
    a subtree of the search tree is a contiguous run of the preorder, so each
    piece's bodies are read off the preorder without another search.
    """
    if isinstance(adjacency, Links):
        indptr, indices = adjacency.indptr, adjacency.indices
    else:
        indptr, indices = adjacency.indptr.tolist(), adjacency.indices.tolist()
    n = len(indptr) - 1
    search = _Search(n, is_body)
    for root in range(n):
        if search.disc[root] == -1:
            search.run(root, indptr, indices)
    cuts = {}
    for v, children in search.separated.items():
        if candidates is not None and v not in candidates:
            continue
        if search.parent[v] == -1 and len(children) < 2:
            continue
        cut = search.cut_off(v, children)
        if cut:
            cuts[v] = cut
    return cuts


class _Search:
    """Depth-first search state: discovery order, low links, subtree sizes."""

    def __init__(self, n: int, is_body: Sequence[bool]):
        self.is_body = [1 if b else 0 for b in is_body]
        self.disc = [-1] * n
        self.low = [0] * n
        self.parent = [-1] * n
        self.size = [1] * n
        self.bodies = [0] * n
        self.order: list[int] = []
        self.component = [0] * n      # the root each node's search started from
        self.separated: dict[int, list[int]] = defaultdict(list)

    def run(self, root: int, indptr: list[int], indices: list[int]) -> None:
        disc, low, parent, order = self.disc, self.low, self.parent, self.order
        size, bodies, component = self.size, self.bodies, self.component
        disc[root] = low[root] = len(order)
        order.append(root)
        stack = [[root, indptr[root]]]
        while stack:
            top = stack[-1]
            v, i = top
            if i < indptr[v + 1]:
                top[1] = i + 1
                w = indices[i]
                if disc[w] == -1:
                    parent[w] = v
                    disc[w] = low[w] = len(order)
                    order.append(w)
                    stack.append([w, indptr[w]])
                elif w != parent[v] and disc[w] < low[v]:
                    low[v] = disc[w]
                continue
            stack.pop()
            component[v] = root
            bodies[v] += self.is_body[v]
            if stack:
                p = stack[-1][0]
                if low[v] < low[p]:
                    low[p] = low[v]
                size[p] += size[v]
                bodies[p] += bodies[v]
                if low[v] >= disc[p]:
                    self.separated[p].append(v)

    def cut_off(self, v: int, children: list[int]) -> list[int]:
        root = self.component[v]
        pieces = [(self.bodies[w], w) for w in children]
        rest = self.bodies[root] - sum(b for b, _ in pieces) - self.is_body[v]
        if self.parent[v] != -1 and rest >= max(b for b, _ in pieces):
            keep = None
        else:
            keep = max(pieces, key=lambda p: (p[0], -p[1]))[1]
            if self.parent[v] != -1:
                return self._bodies_outside(root, v, keep)
        return [u for _, w in pieces if w != keep for u in self._subtree_bodies(w)]

    def _subtree_bodies(self, w: int) -> list[int]:
        start = self.disc[w]
        return [u for u in self.order[start:start + self.size[w]] if self.is_body[u]]

    def _bodies_outside(self, root: int, v: int, keep: int) -> list[int]:
        start, end = self.disc[root], self.disc[root] + self.size[root]
        inner = range(self.disc[keep], self.disc[keep] + self.size[keep])
        return [u for u in self.order[start:end]
                if self.is_body[u] and u != v and self.disc[u] not in inner]
