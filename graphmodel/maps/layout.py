"""Where each node goes: positions computed once, in Python, so the browser only draws.

Layouts come from well-kept libraries and are deterministic (fixed seeds, a fixed
order of nodes), so the same nodes and links give the same positions every time:

* :func:`force_layout`: networkx's Kamada-Kawai layout (spring layout, after
  Fruchterman and Reingold, above 300 nodes) for each connected group, the groups
  then packed in rows, biggest first;
* :func:`layered_layout`: igraph's Sugiyama layout, an org chart: parents above
  their children, rows ordered to keep crossings few.

Both are then stretched over :data:`FRAME`, a 16:9-ish area that the page fits
to its canvas, so the drawing fills the screen whatever its shape.
"""
from __future__ import annotations

from typing import Iterable, Sequence

__all__ = ["force_layout", "layered_layout", "FRAME", "SLIDE_FRAME", "stretch"]

FRAME = (1000.0, 500.0)
"""Width and height, in map units, that a map page's layout is stretched over."""
SLIDE_FRAME = (900.0, 330.0)
"""The same for the wider, lower canvas a map has on a slide below its words."""
Point = tuple[float, float]
_SEED = 7
_SMALL = 300


def _components(keys: Sequence[str], links: list[tuple[str, str]]) -> list[list[str]]:
    """Connected groups, biggest first, each in the keys' own order."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(keys)
    g.add_edges_from((a, b) for a, b in links if a != b)
    order = {k: i for i, k in enumerate(keys)}
    groups = [sorted(c, key=order.__getitem__) for c in nx.connected_components(g)]
    return sorted(groups, key=lambda c: (-len(c), order[c[0]]))


def _spring(group: list[str], links: list[tuple[str, str]]) -> dict[str, Point]:
    if len(group) <= _SMALL:
        import networkx as nx

        g = nx.Graph()
        g.add_nodes_from(group)
        mine = set(group)
        g.add_edges_from((a, b) for a, b in links if a in mine and b in mine and a != b)
        placed = nx.kamada_kawai_layout(g)   # spreads a small group evenly; no randomness
    else:
        placed = _fruchterman_reingold(group, links)
    size = len(group) ** 0.5
    return {k: (float(x) * size, float(y) * size) for k, (x, y) in placed.items()}


def _fruchterman_reingold(group: list[str], links: list[tuple[str, str]]) -> dict[str, Point]:
    """igraph's spring layout (in C, on a grid: quick for thousands of nodes), its random
    numbers drawn from a generator of its own with a fixed seed."""
    import random

    import igraph

    index = {k: i for i, k in enumerate(group)}
    edges = sorted({(index[a], index[b]) for a, b in links
                    if a in index and b in index and a != b})
    g = igraph.Graph(n=len(group), edges=edges)
    igraph.set_random_number_generator(random.Random(_SEED))
    try:
        coords = g.layout_fruchterman_reingold(niter=300, grid=True).coords
    finally:
        igraph.set_random_number_generator(random)
    return {k: (x, y) for k, (x, y) in zip(group, coords)}


def _pack(groups: list[dict[str, Point]], gap: float) -> dict[str, Point]:
    """Groups side by side in rows, the whole about twice as wide as it is tall."""
    boxes = []
    for g in groups:
        xs, ys = [p[0] for p in g.values()], [p[1] for p in g.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + gap, max(ys) - min(ys) + gap))
    width = max(max(b[2] for b in boxes), (2 * sum(b[2] * b[3] for b in boxes)) ** 0.5)
    out: dict[str, Point] = {}
    x = y = row = 0.0
    for g, (x0, y0, w, h) in zip(groups, boxes):
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row, 0.0
        for key, (px, py) in g.items():
            out[key] = (px - x0 + x, py - y0 + y)
        x, row = x + w, max(row, h)
    return out


def stretch(points: dict[str, Point], frame: Point = FRAME) -> dict[str, Point]:
    """Positions stretched over the frame, centred on the origin, in whole units."""
    if not points:
        return {}
    xs, ys = [p[0] for p in points.values()], [p[1] for p in points.values()]
    spans = [(min(v), max(v)) for v in (xs, ys)]
    out = {}
    for key, p in points.items():
        out[key] = tuple(float(round((c - lo) / (hi - lo) * size - size / 2)) if hi > lo else 0.0
                         for c, (lo, hi), size in zip(p, spans, frame))
    return out  # type: ignore[return-value]


def force_layout(keys: Sequence[str], links: Iterable[tuple[str, str]],
                 frame: Point = FRAME) -> dict[str, Point]:
    """Spring-layout positions for every key; linked nodes end up near each other."""
    links = list(links)
    groups = []
    for group in _components(keys, links):
        groups.append({group[0]: (0.0, 0.0)} if len(group) == 1 else _spring(group, links))
    return stretch(_pack(groups, 1.0), frame) if groups else {}


def layered_layout(keys: Sequence[str], upward: Iterable[tuple[str, str]],
                   frame: Point = FRAME) -> dict[str, Point]:
    """An org chart: a link (a, b) puts a in a row below b. Nodes on no link go last,
    in a row of their own."""
    import igraph

    index = {k: i for i, k in enumerate(keys)}
    down = sorted({(index[b], index[a]) for a, b in upward
                   if a != b and a in index and b in index})
    linked = sorted({i for pair in down for i in pair})
    renumber = {old: new for new, old in enumerate(linked)}
    g = igraph.Graph(n=len(linked), edges=[(renumber[a], renumber[b]) for a, b in down],
                     directed=True)
    coords = g.layout_sugiyama(maxiter=200).coords[:len(linked)] if linked else []
    out: dict[str, Point] = {keys[old]: (float(x), float(y))
                             for old, (x, y) in zip(linked, coords)}
    loose = [k for k in keys if index[k] not in renumber]
    bottom = max((y for _, y in out.values()), default=-1.0) + 1
    per_row = max(6, int(len(loose) ** 0.5 * 2))
    for i, key in enumerate(loose):
        out[key] = (float(i % per_row) * _row_step(out, per_row), bottom + i // per_row)
    return stretch(out, frame)


def _row_step(placed: dict[str, Point], per_row: int) -> float:
    """How far apart to put the loose nodes, so that a row of them spans the chart."""
    width = max((x for x, _ in placed.values()), default=0.0)
    return max(1.0, width / max(per_row - 1, 1))

