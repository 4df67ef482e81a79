"""Where each node goes: positions computed once, in Python, so the browser only draws.

Layouts come from well-kept libraries and are deterministic (fixed seeds, a fixed
order of nodes), so the same nodes and links give the same positions every time:

* :func:`force_layout`: networkx's Kamada-Kawai layout (spring layout, after
  Fruchterman and Reingold, above 300 nodes) for each connected group, the groups
  then packed in rows, biggest first;
* :func:`layered_layout`: igraph's Sugiyama layout, an org chart: parents above
  their children, rows ordered to keep crossings few.
* :func:`org_chart`: the same layers drawn as boxes of a given size: a parent's
  children that have none of their own are stacked in a column beside and below
  it, so that a board with many groups under it does not make a row too wide to
  read, and the nodes on no line are set apart in a band of their own;
  :func:`legible_org_chart` sizes the boxes to hold the nodes' names and gives up
  where those names would be too small to read.

The first two are then stretched over :data:`FRAME`, a 16:9-ish area that the page
fits to its canvas, so the drawing fills the screen whatever its shape; an org
chart keeps its boxes' proportions and is only arranged to suit the frame's shape.
"""
from __future__ import annotations

import math
import random
from typing import Callable, Iterable, NamedTuple, Sequence

from graphmodel.maps import labels

__all__ = ["force_layout", "layered_layout", "org_chart", "legible_org_chart", "OrgChart",
           "FRAME", "SLIDE_FRAME", "VIEW_SLIDE_FRAME", "PAGE_CANVAS", "VIEW_SLIDE_CANVAS",
           "canvas", "stretch"]

FRAME = (1000.0, 500.0)
"""Width and height, in map units, that a map page's layout is stretched over."""
SLIDE_FRAME = (900.0, 330.0)
"""The same for the wider, lower canvas a map has on a slide below its words."""
VIEW_SLIDE_FRAME = (900.0, 527.0)
"""The same for a whole view's slide: its map below a heading, the legend beside, on a
canvas of :data:`VIEW_SLIDE_CANVAS`'s shape."""
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
    if len(group) == 2:   # side by side: names beneath, the line between them clear
        return {group[0]: (0.0, 0.0), group[1]: (1.0, 0.0)}
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
    out: dict[str, Point] = {}
    for key, p in points.items():
        x, y = (float(round((c - lo) / (hi - lo) * size - size / 2)) if hi > lo else 0.0
                for c, (lo, hi), size in zip(p, spans, frame))
        out[key] = (x, y)
    return out


def force_layout(keys: Sequence[str], links: Iterable[tuple[str, str]],
                 frame: Point = FRAME, room: dict[str, Point] | None = None) -> dict[str, Point]:
    """Spring-layout positions for every key; linked nodes end up near each other.

    ``room`` (key -> width and height, in frame units) is the space a node needs for its
    name: the nodes on no link are then set in rows below the rest, each in a cell that
    wide and high (others in small cells), so that those names fit between them."""
    return _compact(_force_layout(keys, list(links), frame, room))


NEAREST = 400.0
"""The farthest, in frame units, that a node is typically drawn from its nearest neighbour:
a map of a few nodes is drawn this close together, at the size a bigger map's nodes have,
not stretched corner to corner over the frame."""


def _compact(points: dict[str, Point]) -> dict[str, Point]:
    """The positions drawn in towards their centre when the median node stands further
    than :data:`NEAREST` from its nearest neighbour."""
    if len(points) < 2:
        return points
    spots = list(points.values())
    nearest = sorted(min(math.dist(p, q) for j, q in enumerate(spots) if j != i)
                     for i, p in enumerate(spots))
    typical = nearest[len(nearest) // 2]
    if typical <= NEAREST:
        return points
    shrink = NEAREST / typical
    return {k: (float(round(x * shrink)), float(round(y * shrink))) for k, (x, y) in points.items()}


def _force_layout(keys: Sequence[str], links: list[tuple[str, str]], frame: Point,
                  room: dict[str, Point] | None) -> dict[str, Point]:
    groups, loose = [], []
    for group in _components(keys, links):
        if len(group) > 1:
            groups.append(_spring(group, links))
        else:
            loose.append(group[0])
    if room is None or not groups or not loose:
        singles = [{key: (0.0, 0.0)} for key in loose]
        return stretch(_pack(groups + singles, 1.0), frame) if groups or singles else {}
    rows = _rows(loose, room, frame[0])
    below = sum(height for _, height in rows)
    top = stretch(_pack(groups, 1.0), (frame[0], max(frame[1] - below, frame[1] / 2)))
    y = max(p[1] for p in top.values()) + LOOSE_CELL[1] / 2
    for row, height in rows:
        x = -frame[0] / 2
        for key, width in row:
            top[key] = (float(round(x + width / 2)), float(round(y + LOOSE_CELL[1] / 2)))
            x += width
        y += height
    return top


LOOSE_CELL = (70.0, 56.0)
"""The cell, in frame units, of a node on no link whose name needs no room of its own."""


def _rows(loose: list[str], room: dict[str, Point],
          width: float) -> list[tuple[list[tuple[str, float]], float]]:
    """The nodes on no link in rows no wider than ``width``: each row's (key, cell width)
    and its height."""
    rows: list[tuple[list[tuple[str, float]], float]] = []
    row: list[tuple[str, float]] = []
    used = height = 0.0
    for key in loose:
        w, h = room.get(key, LOOSE_CELL)
        w, h = max(w, LOOSE_CELL[0]), max(h, LOOSE_CELL[1])
        if row and used + w > width:
            rows.append((row, height))
            row, used, height = [], 0.0, 0.0
        row.append((key, w))
        used, height = used + w, max(height, h)
    rows.append((row, height))
    return rows


GROUP_SPACING = 15.0
"""How far apart a group's members are drawn round its place once it is opened."""


def grouped_layout(keys: Sequence[str], links: Iterable[tuple[str, str]],
                   groups: dict[str, str], frame: Point = FRAME,
                   arrange: Callable[..., dict[str, Point]] | None = None) -> dict[str, Point]:
    """Places for a map whose nodes in ``groups`` (key -> group) are drawn as one node per
    group until opened: the groups and the nodes in none are laid out together (by
    ``arrange``, :func:`force_layout` unless given, such as :func:`layered_layout` for an
    org chart of reporting lines), and each group's members on a disc round its place (a
    sunflower's seeds), where they appear when it is opened. The result holds the groups'
    places too."""
    stand = [groups.get(k, k) for k in keys]
    folded = list(dict.fromkeys(stand))
    within = dict(zip(keys, stand))
    places = (arrange or force_layout)(
        folded, sorted({(within[a], within[b]) for a, b in links
                        if a in within and b in within and within[a] != within[b]}), frame)
    members: dict[str, list[str]] = {}
    for key, group in zip(keys, stand):
        if key != group:
            members.setdefault(group, []).append(key)
    for group, inside in members.items():
        gx, gy = places[group]
        for i, key in enumerate(inside):
            r, turn = GROUP_SPACING * math.sqrt(i + 0.5), i * _GOLDEN_ANGLE
            places[key] = (gx + r * math.cos(turn), gy + r * math.sin(turn))
    return places


_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def layered_layout(keys: Sequence[str], upward: Iterable[tuple[str, str]],
                   frame: Point = FRAME) -> dict[str, Point]:
    """An org chart: a link (a, b) puts a in a row below b. Nodes on no link go last,
    in a row of their own."""
    return _layers(keys, upward, frame, 0)


def layered_chart(keys: Sequence[str], upward: Iterable[tuple[str, str]],
                  frame: Point = FRAME) -> OrgChart:
    """:func:`layered_layout` with a row left empty above the nodes on no link, for the
    caption of their band; where that caption begins."""
    places = _layers(keys, upward, frame, 1)
    apart = places.pop(_CAPTION, None)
    return OrgChart(places, apart)


_CAPTION = "\0caption"   # (a key no record has)


def _layers(keys: Sequence[str], upward: Iterable[tuple[str, str]], frame: Point,
            gap: int) -> dict[str, Point]:
    """The layers, the loose nodes ``gap`` rows further down (and, with a gap, the place
    of their band's caption under :data:`_CAPTION`)."""
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
    step = _row_step(out, per_row)
    if gap and loose and out:
        out[_CAPTION] = (-0.25 * step, bottom + gap / 2)
        bottom += gap
    for i, key in enumerate(loose):
        out[key] = (float(i % per_row) * step, bottom + i // per_row)
    return stretch(out, frame)


def _row_step(placed: dict[str, Point], per_row: int) -> float:
    """How far apart to put the loose nodes, so that a row of them spans the chart."""
    width = max((x for x, _ in placed.values()), default=0.0)
    return max(1.0, width / max(per_row - 1, 1))



class OrgChart(NamedTuple):
    places: dict[str, Point]
    apart: Point | None
    """Where the band of nodes on no line begins (its caption's place), if there is one."""


def _sugiyama(keys: list[str], down: list[tuple[str, str]]) -> dict[str, Point]:
    """igraph's Sugiyama layers: (order in the row, row) for each key; roots in row 0."""
    import igraph

    index = {k: i for i, k in enumerate(keys)}
    g = igraph.Graph(n=len(keys), edges=sorted({(index[a], index[b]) for a, b in down}),
                     directed=True)
    coords = g.layout_sugiyama(maxiter=200).coords[:len(keys)] if keys else []
    return {k: (float(x), float(y)) for k, (x, y) in zip(keys, coords)}


def org_chart(keys: Sequence[str], upward: Iterable[tuple[str, str]], cell: Point,
              frame: Point = FRAME, near: dict[str, str] | None = None,
              widths: dict[str, float] | None = None) -> OrgChart:
    """An org chart of boxes ``cell`` wide and high: a link (a, b) puts a below b.

    Children with no children of their own and one parent are stacked in the column to
    the right of their parent, one row each; the rest are laid out in Sugiyama's layers.
    Nodes on no link go in a band apart, below or beside the chart, whichever lets the
    whole be drawn largest in the frame; one that ``near`` pairs with a node in the chart
    (a body and its scrutiny board) is put at the place in the band nearest that node,
    so that the line between them is short. With ``widths`` (each box's width, room
    round it included), each column is as wide as its widest box, not every box's cell.
    """
    index = {k: i for i, k in enumerate(keys)}
    up = sorted({(a, b) for a, b in upward if a != b and a in index and b in index},
                key=lambda ab: (index[ab[0]], index[ab[1]]))
    parents: dict[str, list[str]] = {k: [] for k in keys}
    children: dict[str, list[str]] = {k: [] for k in keys}
    for a, b in up:
        parents[a].append(b)
        children[b].append(a)
    stacked = {k for k in keys if len(parents[k]) == 1 and not children[k]}
    tree = [k for k in keys if (parents[k] or children[k]) and k not in stacked]
    layers = _sugiyama(tree, [(b, a) for a, b in up if a not in stacked])
    wide = 2.0 if stacked else 1.0
    depth: dict[float, int] = {}
    for k, (_, row) in layers.items():
        depth[row] = max(depth.get(row, 0), sum(c in stacked for c in children[k]))
    top, start = 0.0, {}
    for row in sorted(depth):
        start[row], top = top, top + 1 + depth[row]
    grid: dict[str, Point] = {}
    last: dict[float, float] = {}
    for k, (x, row) in sorted(layers.items(), key=lambda kv: (kv[1][1], kv[1][0])):
        x = last[row] = max(x * wide, last.get(row, -wide) + wide)   # never two in a cell
        grid[k] = (x, start[row])
        for i, c in enumerate(c for c in children[k] if c in stacked):
            grid[c] = (x + 1, start[row] + 1 + i)
    loose = [k for k in keys if k not in grid]
    apart = _set_apart(grid, loose, cell, frame, near or {})
    across = _columns(grid, widths) if widths else {x: x * cell[0] for x, _ in grid.values()}
    places = {k: (round(across[x], 1), round(y * cell[1], 1)) for k, (x, y) in grid.items()}
    if not apart:
        return OrgChart(places, None)
    first = apart[0] + 0.5   # the column the band begins in
    edge = across[first] - (_column_width(grid, widths, first) if widths else cell[0]) / 2
    return OrgChart(places, (round(edge, 1), round(apart[1] * cell[1], 1)))


def _column_width(grid: dict[str, Point], widths: dict[str, float], column: float) -> float:
    return max(widths[k] for k, (x, _) in grid.items() if x == column)


def _columns(grid: dict[str, Point], widths: dict[str, float]) -> dict[float, float]:
    """Where each column of the grid is centred, each as wide as its widest box."""
    out, left = {}, 0.0
    for column in sorted({x for x, _ in grid.values()}):
        width = _column_width(grid, widths, column)
        out[column], left = left + width / 2, left + width
    return out


def _set_apart(grid: dict[str, Point], loose: list[str], cell: Point,
               frame: Point, near: dict[str, str]) -> Point | None:
    """Put the loose nodes in a band below or beside the chart (in place, in ``grid``),
    each paired by ``near`` with a node of the chart at the free place nearest it;
    where the band's caption goes."""
    if not loose:
        return None
    cols = max((x for x, _ in grid.values()), default=-1.0) + 1
    rows = max((y for _, y in grid.values()), default=-1.0) + 1
    gap = 1.0 if grid else 0.0
    best = (0.0, 1, True)
    for per_row in range(1, len(loose) + 1):
        band = -(-len(loose) // per_row)
        for below in (True, False):
            w = max(cols, per_row) if below else cols + gap + per_row
            h = rows + 1 + band if below else max(rows, band + 1)
            scale = min(frame[0] / (w * cell[0]), frame[1] / (h * cell[1]))
            if scale > best[0] + 1e-9:
                best = (scale, per_row, below)
    _, per_row, below = best
    left, top = (0.0, rows) if below else (cols + gap, 0.0)
    free = [(left + i % per_row, top + 1 + i // per_row) for i in range(len(loose))]
    paired = [k for k in loose if near.get(k) in grid]
    for k in paired + [k for k in loose if k not in paired]:
        to = grid.get(near.get(k, ""), free[0])
        spot = min(free, key=lambda p: (abs(p[0] - to[0]) + abs(p[1] - to[1]), p[1], p[0]))
        free.remove(spot)
        grid[k] = spot
    return (left - 0.5, top)


PAGE_CANVAS = (980.0, 632.0)
"""The canvas, in pixels, a map page gives its :data:`FRAME` at 1366x768."""
VIEW_SLIDE_CANVAS = (1018.0, 596.0)
"""The canvas, in pixels, a whole view's slide gives its map at 1366x768."""
_FIT = 0.96
"""The share of the canvas a page fits the drawing into (see the page's script)."""


def canvas(frame: Point) -> Point:
    """The canvas, in pixels at 1366x768, that a frame stands for (any frame but the
    page's and the view slide's is taken for its canvas's own size)."""
    return {FRAME: PAGE_CANVAS, VIEW_SLIDE_FRAME: VIEW_SLIDE_CANVAS}.get(frame, frame)


def legible_org_chart(keys: Sequence[str], names: Iterable[str], upward: Iterable[tuple[str, str]],
                      frame: Point = FRAME, near: dict[str, str] | None = None) -> OrgChart | None:
    """An org chart (:func:`org_chart`) of boxes with the names inside, in
    :data:`~graphmodel.maps.labels.MAJOR` size; None when the names would come out under
    12 px (vis-network's threshold) once the chart is fitted to the canvas the frame
    stands for at 1366x768 (:func:`canvas`)."""
    names = list(names)
    width, height = labels.box_size(names)
    cell = (width + 24, height + 14)
    widths = {k: labels.box_size([name])[0] + 24 for k, name in zip(keys, names)}
    chart = org_chart(keys, upward, cell, frame, near, widths)
    if not chart.places:
        return chart
    xs = [(p[0] - widths[k] / 2, p[0] + widths[k] / 2) for k, p in chart.places.items()]
    ys = [p[1] for p in chart.places.values()]
    screen = canvas(frame)
    fitted = _FIT * min(screen[0] / (max(r for _, r in xs) - min(left for left, _ in xs)),
                        screen[1] / (max(ys) - min(ys) + height))
    return None if labels.MAJOR * fitted < labels.DRAW_THRESHOLD - 1 else chart
