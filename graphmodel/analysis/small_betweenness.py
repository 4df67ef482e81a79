"""Betweenness of a small graph in plain Python: the figures of
:func:`graphmodel.analysis.centrality.betweenness` from every source, to the last bit,
without loading numpy (a twentieth of a second, a tenth of a seed dataset's check).

It repeats that function's arithmetic step by step: the same sources in the same batches,
each step rounded to single precision as numpy rounds it, each node's neighbours summed
in the same order. Two kinds of sum it need not order: counts of shortest paths, whole
numbers that single precision holds exactly below 2**24; and numpy's own sum of each
node's dependencies on a batch's sources, in double precision, in an order numpy chooses,
every partial sum of which is exact when their total fits within double precision's 53
bits above the smallest one's last bit. Where either could round, this gives way (None)
and the caller takes numpy's figures.
"""
from __future__ import annotations

import math
import struct
from typing import Sequence

from graphmodel.analysis.centrality import Links

__all__ = ["small_betweenness", "MAX_NODES"]

MAX_NODES = 128
"""Above this many nodes a graph is left to numpy: plain Python's time grows with nodes x
links (and the rules sample 128 sources on a larger one, which takes numpy's generator)."""

_WHOLE = 2.0 ** 24
"""Whole numbers below this are exact in single precision."""

_SINGLE = struct.Struct("f")


def _single(x: float) -> float:
    """``x`` rounded to single precision (double rounding is harmless for +, -, *, /)."""
    return float(_SINGLE.unpack(_SINGLE.pack(x))[0])


def small_betweenness(links: Links, batch: int = 64) -> list[float] | None:
    """Normalised betweenness from every source, as ``betweenness(links)`` gives it, or
    None when the graph has more than :data:`MAX_NODES` nodes or a sum could round."""
    indptr, indices = links.indptr, links.indices
    n = len(indptr) - 1
    if n > MAX_NODES:
        return None
    if n <= 2:
        return [0.0] * n
    neighbours = [indices[indptr[v]:indptr[v + 1]] for v in range(n)]
    total = [0.0] * n
    for start in range(0, n, batch):
        columns = [_dependencies(neighbours, source)
                   for source in range(start, min(start + batch, n))]
        if any(column is None for column in columns):
            return None
        for v in range(n):
            row = _exact_sum([column[v] for column in columns if column is not None])
            if row is None:
                return None
            total[v] += row
    scale = 1 / ((n - 1) * (n - 2)) * (n / n)   # every node a source: n / n
    return [t * scale for t in total]


def _dependencies(neighbours: Sequence[Sequence[int]], source: int) -> list[float] | None:
    """Each node's dependency on ``source`` (Brandes' delta), in single precision; None if
    a count of shortest paths reaches 2**24."""
    n = len(neighbours)
    dist = [-1] * n
    sigma = [0.0] * n
    dist[source], sigma[source] = 0, 1.0
    levels = [[source]]
    while True:
        depth, new = len(levels), list[int]()
        for w in levels[-1]:
            for v in neighbours[w]:
                if dist[v] == -1:
                    dist[v] = depth
                    new.append(v)
                if dist[v] == depth:
                    sigma[v] += sigma[w]
        if not new:
            break
        if max(sigma[v] for v in new) >= _WHOLE:
            return None
        levels.append(new)
    delta = [0.0] * n
    coeff = [0.0] * n
    for d in range(len(levels) - 1, 0, -1):
        for w in levels[d]:
            coeff[w] = _single(_single(1 + delta[w]) / sigma[w])
        for v in levels[d - 1]:
            delta[v] = _single(delta[v] + _single(
                sigma[v] * _neighbour_sum(neighbours[v], coeff, dist, d)))
    delta[source] = 0.0
    return delta


def _neighbour_sum(around: Sequence[int], values: Sequence[float], dist: Sequence[int],
                   depth: int) -> float:
    """The sum over the neighbours at ``depth`` of their values, in single precision,
    in ascending order of neighbour, as the sparse product adds them (zeros change nothing)."""
    total = 0.0
    for w in around:
        if dist[w] == depth:
            total = _single(total + values[w])
    return total


def _exact_sum(values: list[float]) -> float | None:
    """The sum of non-negative ``values`` if every order of adding them gives it exactly."""
    present = [x for x in values if x]
    if not present:
        return 0.0
    total = math.fsum(present)
    last_bit = min(math.frexp(x)[1] for x in present) - 24   # single precision's 24 bits
    return total if total < math.ldexp(1.0, last_bit + 53) else None
