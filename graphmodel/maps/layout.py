"""Where each node goes: positions computed once, in Python, so the browser only draws.

Both layouts are deterministic: no randomness and no trigonometry (whose last
digit can differ between C libraries), only arithmetic and square roots, so the
same nodes and links give the same positions on every machine.

* :func:`force_layout`: a spring layout (Fruchterman and Reingold, 1991) per
  connected group, repulsion only between near neighbours on a grid, then the
  groups packed in rows, biggest first.
* :func:`layered_layout`: a top-down hierarchy: each node one row below the
  lowest of the nodes it points up to, rows ordered to keep links short.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Sequence

__all__ = ["force_layout", "layered_layout", "SPACING"]

SPACING = 120.0
Point = tuple[float, float]
# half of a cell's neighbours: each pair of neighbouring cells is visited once
_FORWARD = ((1, 0), (0, 1), (1, 1), (1, -1))


def _components(keys: Sequence[str], links: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected groups, each in breadth-first order from its best-connected node."""
    around: dict[str, list[str]] = defaultdict(list)
    for a, b in links:
        if a != b:
            around[a].append(b)
            around[b].append(a)
    order = {k: i for i, k in enumerate(keys)}
    seen: set[str] = set()
    groups = []
    for start in sorted(keys, key=lambda k: (-len(around[k]), order[k])):
        if start in seen:
            continue
        seen.add(start)
        group, queue = [start], [start]
        while queue:
            nxt = []
            for k in queue:
                for n in sorted(set(around[k]), key=order.__getitem__):
                    if n not in seen:
                        seen.add(n)
                        group.append(n)
                        nxt.append(n)
            queue = nxt
        groups.append(group)
    return sorted(groups, key=lambda g: (-len(g), order[g[0]]))


def _spiral(n: int) -> list[tuple[int, int]]:
    """The first n points of a square spiral on the integer grid, from the centre out."""
    points, x, y, dx, dy = [], 0, 0, 1, 0
    run, steps, turns = 1, 0, 0
    while len(points) < n:
        points.append((x, y))
        x, y, steps = x + dx, y + dy, steps + 1
        if steps == run:
            dx, dy, steps, turns = -dy, dx, 0, turns + 1
            run += turns % 2 == 0
    return points


def _spring(group: list[str], links: list[tuple[str, str]], k: float,
            iterations: int) -> dict[str, Point]:
    index = {key: i for i, key in enumerate(group)}
    spiral = _spiral(len(group))
    xs, ys = [gx * k for gx, _ in spiral], [gy * k for _, gy in spiral]
    pairs = [(index[a], index[b]) for a, b in links if a in index and b in index and a != b]
    n, cell = len(group), 2 * k
    heat = k * max(2.0, (n ** 0.5) / 2)
    for step in range(iterations):
        mx, my = [0.0] * n, [0.0] * n
        grid: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i in range(n):
            grid[(int(xs[i] // cell), int(ys[i] // cell))].append(i)
        for (cx, cy), members in grid.items():
            others = [j for ox, oy in _FORWARD for j in grid.get((cx + ox, cy + oy), ())]
            for a, i in enumerate(members):
                _repel(xs, ys, mx, my, i, members[a + 1:] + others, k)
        for i, j in pairs:
            dx, dy = xs[i] - xs[j], ys[i] - ys[j]
            f = (dx * dx + dy * dy) ** 0.5 / k
            mx[i] -= dx * f; my[i] -= dy * f
            mx[j] += dx * f; my[j] += dy * f
        limit = heat * (1 - step / iterations)
        for i in range(n):
            d = (mx[i] * mx[i] + my[i] * my[i]) ** 0.5
            if d > 0:
                scale = min(d, limit) / d
                xs[i] += mx[i] * scale
                ys[i] += my[i] * scale
    return {key: (xs[i], ys[i]) for key, i in index.items()}


def _repel(xs: list[float], ys: list[float], mx: list[float], my: list[float], i: int,
           others: list[int], k: float) -> None:
    """Push node i and each near node apart, harder the closer they are."""
    xi, yi, kk, reach = xs[i], ys[i], k * k, 4 * k * k
    for j in others:
        dx, dy = xi - xs[j], yi - ys[j]
        d2 = dx * dx + dy * dy
        if d2 >= reach:
            continue
        if d2 == 0:
            dx, dy, d2 = 0.01 * (i - j), 0.01, 0.0001 * ((i - j) ** 2 + 1)
        f = kk / d2
        mx[i] += dx * f; my[i] += dy * f
        mx[j] -= dx * f; my[j] -= dy * f


def _pack(groups: list[dict[str, Point]], gap: float) -> dict[str, Point]:
    """Groups side by side in rows about as wide as the whole is tall."""
    boxes = []
    for g in groups:
        xs, ys = [p[0] for p in g.values()], [p[1] for p in g.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + gap, max(ys) - min(ys) + gap))
    width = max(max(b[2] for b in boxes), sum(b[2] * b[3] for b in boxes) ** 0.5 * 1.3)
    out: dict[str, Point] = {}
    x = y = row = 0.0
    for g, (x0, y0, w, h) in zip(groups, boxes):
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row, 0.0
        for key, (px, py) in g.items():
            out[key] = (px - x0 + x, py - y0 + y)
        x, row = x + w, max(row, h)
    return out


def _rounded(points: dict[str, Point]) -> dict[str, Point]:
    """Positions centred on the origin and rounded to whole pixels."""
    if not points:
        return {}
    xs, ys = [p[0] for p in points.values()], [p[1] for p in points.values()]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return {k: (float(round(x - cx)), float(round(y - cy))) for k, (x, y) in points.items()}


def force_layout(keys: Sequence[str], links: Iterable[tuple[str, str]],
                 spacing: float = SPACING, iterations: int = 60) -> dict[str, Point]:
    """Spring-layout positions for every key; linked nodes end up near each other."""
    links = list(links)
    groups = []
    for group in _components(keys, links):
        if len(group) == 1:
            groups.append({group[0]: (0.0, 0.0)})
            continue
        mine = set(group)
        groups.append(_spring(group, [l for l in links if l[0] in mine], spacing,
                              iterations if len(group) < 1500 else iterations * 2 // 3))
    return _rounded(_pack(groups, spacing * 2)) if groups else {}


def _levels(keys: Sequence[str], up: dict[str, list[str]]) -> dict[str, int]:
    """Each node's row: 0 for the top, else one below the lowest node above it."""
    level: dict[str, int] = {}
    visiting: set[str] = set()

    def depth(k: str) -> int:
        if k in level:
            return level[k]
        visiting.add(k)
        # a link back into the chain being walked is a cycle: it does not push rows down
        above = [depth(p) for p in up.get(k, ()) if p not in visiting]
        visiting.discard(k)
        level[k] = 1 + max(above) if above else 0
        return level[k]

    for k in keys:
        depth(k)
    return level


def layered_layout(keys: Sequence[str], upward: Iterable[tuple[str, str]],
                   spacing: float = SPACING * 1.6, row_height: float = SPACING * 1.4,
                   max_row: int = 10) -> dict[str, Point]:
    """Top-down positions: a link (a, b) puts a below b. Nodes on no link go last."""
    up: dict[str, list[str]] = defaultdict(list)
    down: dict[str, list[str]] = defaultdict(list)
    for a, b in upward:
        if a != b:
            up[a].append(b)
            down[b].append(a)
    linked = [k for k in keys if k in up or k in down]
    loose = [k for k in keys if k not in up and k not in down]
    position = {k: i for i, k in enumerate(keys)}
    level = _levels(linked, up)
    rows: dict[int, list[str]] = defaultdict(list)
    for k in linked:
        rows[level[k]].append(k)
    out: dict[str, Point] = {}
    y = 0.0
    for r in sorted(rows):
        placed = {k: out[k][0] for k in out}
        order = sorted(rows[r], key=lambda k: (_mean([placed[p] for p in up[k] if p in placed]),
                                               position[k]))
        y = _place_row(order, y, out, spacing, row_height, max_row)
    _place_row(loose, y + row_height * 0.5, out, spacing, row_height, max_row)
    return _rounded(out)


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _place_row(order: list[str], y: float, out: dict[str, Point], spacing: float,
               row_height: float, max_row: int) -> float:
    """Put a row of nodes at height y, wrapping long rows; returns the next row's y."""
    for start in range(0, len(order), max_row):
        chunk = order[start:start + max_row]
        offset = (len(chunk) - 1) / 2 + (0.5 if start // max_row % 2 else 0)
        for i, k in enumerate(chunk):
            out[k] = ((i - offset) * spacing, y)
        y += row_height * (0.6 if start + max_row < len(order) else 1)
    return y
