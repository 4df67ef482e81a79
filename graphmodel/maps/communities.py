"""The network view of a big network, drawn as its communities: each in a region of its own
under a caption, the names that matter most shown in the room the layout leaves.

Above :data:`COMMUNITIES_ABOVE` nodes the whole network view is a hairball if laid out as
one. :func:`find` splits it into communities with networkx's seeded Louvain method (the
same network always gives the same communities); :func:`regions` shares the frame out
between them in columns, each a region as large as the names it may show need, and
:func:`community_layout` lays each out by force within its region, under a caption that
names it (:func:`caption`: by its commonest category where most of its bodies share one,
else by its most connected body). Which names are drawn large is then chosen by
:func:`~graphmodel.maps.labels.shown_labels`, as sigma's label grid does: the most
important first, each only where it overlaps no name or node already drawn.
"""
from __future__ import annotations

from collections import Counter
from typing import Collection, Iterable, NamedTuple, Sequence

from graphmodel.maps import folded, labels, layout
from graphmodel.words import count

__all__ = ["COMMUNITIES_ABOVE", "SEED", "applies", "find", "caption", "Region", "regions", "caption_box", "GAPS",
           "CommunityLayout", "community_layout", "apart", "spread", "node_box", "NAMED", "HUBS", "SMALL", "NAMED_SIZE", "area", "union"]

COMMUNITIES_ABOVE = folded.FOLD_ABOVE
"""A whole network view of more nodes than this is drawn as its communities."""
SEED = 7
"""The Louvain method's random seed: fixed, so the same network gives the same map."""
SPREAD = 1.35
"""How much wider and higher than its canvas, in pixels, a community map is laid out:
fitted to it, names 18 units high come out at 12.5 px or more (the page's script fits a
drawing to 0.96 of its canvas), and a little more on a page at 1366x768, whose canvas is
larger than the one a map is laid out for."""
GAPS = (24.0, 16.0)
"""The empty gutter left between two communities' regions, in frame units, the narrower
where the wider leaves the subject of a warning unnamed: no node, name or link of either
stands in it, so the communities read as apart."""
CAPTION_LINE = 24.0
"""The height of a caption's line, in frame units (captions are drawn 18 units high)."""
_NAME_CHAR = 0.56
_NAME_BELOW = 13.0
_CAPTION_CHAR = 0.62 * labels.MAJOR   # bold Arial, with room to spare
NAMED = 30
"""How many nodes are given room for their names: the subjects of warnings, then the
best-connected bodies and organisations (at least :data:`HUBS` of them)."""
HUBS = 3
SMALL = 6
"""The size of a node whose name waits for the zoom (half its width)."""
NAMED_SIZE = 12
"""... and of one given room for its name."""
_MARGIN = (55.0, 18.0, 55.0, 60.0)   # left, top, right, bottom: room for names at the edges
_SMALL_NEED = 40.0 * 40.0
_CAPTION_ROOM = 250.0 * CAPTION_LINE * 2

Point = tuple[float, float]
Box = tuple[float, float, float, float]


def applies(view: str, nodes: int, focused: bool) -> bool:
    """Whether a view of so many nodes is drawn as its communities.

    >>> applies("network", 217, False), applies("network", 45, False), applies("ego", 217, False)
    (True, False, False)
    """
    return view == "network" and nodes > COMMUNITIES_ABOVE and not focused


def node_box(size: float, label: str | None) -> list[Box]:
    """The room round a node's centre that it needs, as boxes (left, top, right, bottom):
    its shape's and, where its name is to be shown, the name's beneath it, as vis-network
    draws it (its top 13 units below the shape, a line as high as the font, letters at
    most 0.56 of it wide: measured in Chromium, Arial at 18 px, round the thick outline of
    a warning's subject). Another node may stand beside the shape, above the name.

    >>> node_box(6, None), node_box(12, "Cabinet")
    ([(-8, -8, 8, 8)], [(-14, -14, 14, 14), (-39.28, 25.0, 39.28, 46.0)])
    """
    shape = (-size - 2, -size - 2, size + 2, size + 2)
    if label is None:
        return [shape]
    lines = label.split("\n")
    half = round(max(map(len, lines)) * labels.MAJOR * _NAME_CHAR / 2 + 4, 2)
    return [shape, (-half, size + _NAME_BELOW, half,
                    size + _NAME_BELOW + len(lines) * labels.MAJOR + 3)]


def union(parts: Sequence[Box]) -> Box:
    """The box round all the parts."""
    return (min(p[0] for p in parts), min(p[1] for p in parts),
            max(p[2] for p in parts), max(p[3] for p in parts))


def spread(canvas: Point) -> Point:
    """The frame a community map shown on a canvas of this size is laid out over (see
    :data:`SPREAD`).

    >>> spread((1000, 600))
    (1350.0, 810.0)
    """
    return (canvas[0] * SPREAD, canvas[1] * SPREAD)


def find(keys: Sequence[str], links: Iterable[tuple[str, str]],
         seed: int = SEED) -> list[list[str]]:
    """The communities of the graph, largest first, each in the keys' own order
    (networkx's Louvain method, seeded)."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(keys)
    g.add_edges_from((a, b) for a, b in links if a != b)
    order = {k: i for i, k in enumerate(keys)}
    found = [sorted(c, key=order.__getitem__)
             for c in nx.community.louvain_communities(g, seed=seed)]
    return sorted(found, key=lambda c: (-len(c), order[c[0]]))


def caption(bodies: Sequence[tuple[str, str | None, int]], others: int,
            taken: Iterable[str] = ()) -> str:
    """A community's caption from its bodies (name, category, links): its commonest
    category where more than half its bodies share it and no other caption says it
    (``taken``), else its best-connected body; with what it holds.

    >>> caption([("Adult Care Board", "Health and social care", 9),
    ...          ("Carers' Forum", "Health and social care", 2)], 3)
    'Health and social care: 2 bodies, 3 others'
    >>> caption([("Cabinet", "Council committees", 30), ("Arts Trust", "Culture", 4)], 5)
    'Around Cabinet: 2 bodies, 5 others'
    """
    held = ", ".join(part for part in (count(len(bodies), "body") if bodies else "",
                                       count(others, "other") if others else "") if part)
    categories = Counter(category for _, category, _ in bodies if category)
    if categories:
        category, n = min(categories.items(), key=lambda kv: (-kv[1], kv[0]))
        if 2 * n > len(bodies) and category not in set(taken):
            return f"{category}: {held}"
    if bodies:
        hub = min(bodies, key=lambda b: (-b[2], b[0]))[0]
        return f"Around {hub}: {held}"
    return f"{count(others, 'record')} on their own" if others else ""


def caption_lines(text: str, width: float) -> list[str]:
    """A caption broken into lines no wider than ``width`` frame units (where it can be).

    >>> caption_lines("Around Overview and Scrutiny Commission: 18 bodies", 300)
    ['Around Overview and', 'Scrutiny Commission: 18', 'bodies']
    """
    most = max(int(width // _CAPTION_CHAR), 8)
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= most:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def caption_box(x: float, y: float, line: str) -> Box:
    """The room a caption's line drawn at (x, y), left-aligned, takes, with a margin.

    >>> caption_box(0, 0, "Culture")
    (-4, -12.0, 82.12, 12.0)
    """
    return (x - 4, y - CAPTION_LINE / 2, round(x + 4 + len(line) * _CAPTION_CHAR, 2),
            y + CAPTION_LINE / 2)


class Region(NamedTuple):
    left: float
    top: float
    width: float
    height: float


def regions(needs: Sequence[float], frame: Point,
            least: Sequence[Point] | None = None) -> list[Region]:
    """The frame shared out between communities needing these areas (largest first): in
    columns, each community's region as large as its share, the number of columns the one
    that keeps the regions closest to square, of those that make every region at least
    as wide and high as ``least`` asks where any does. The frame's top left corner is
    (0, 0).

    >>> [tuple(round(v) for v in r) for r in regions([2, 1, 1], (400, 200))]
    [(0, 0, 200, 200), (200, 0, 200, 100), (200, 100, 200, 100)]
    >>> [tuple(round(v) for v in r) for r in regions([2, 1, 1], (400, 200), [(0, 0)] * 2
    ...                                              + [(0, 120)])]
    [(0, 0, 200, 200), (200, 0, 100, 200), (300, 0, 100, 200)]
    """
    best: tuple[tuple[bool, float], list[Region]] | None = None
    for columns in range(1, len(needs) + 1):
        placed = _columns(needs, columns, frame, least)
        short = least is not None and any(r.width < w or r.height < h
                                          for r, (w, h) in zip(placed, least))
        score = (short, max(max(r.width / r.height, r.height / r.width) for r in placed))
        if best is None or score < best[0]:
            best = (score, placed)
    assert best is not None
    return best[1]


def _columns(needs: Sequence[float], columns: int, frame: Point,
             least: Sequence[Point] | None) -> list[Region]:
    """Communities dealt into columns, each to the column needing least so far; a column's
    width its widest member's least and a share of the rest by need, a region's height
    likewise within its column."""
    least = least or [(0.0, 0.0)] * len(needs)
    cols: list[list[int]] = [[] for _ in range(columns)]
    for i in range(len(needs)):
        min(cols, key=lambda c: (sum(needs[j] for j in c), cols.index(c))).append(i)
    widths = _share(frame[0], [max(least[j][0] for j in c) for c in cols],
                    [sum(needs[j] for j in c) for c in cols])
    out: dict[int, Region] = {}
    left = 0.0
    for col, width in zip(cols, widths):
        top = 0.0
        for j, height in zip(col, _share(frame[1], [least[j][1] for j in col],
                                         [needs[j] for j in col])):
            out[j] = Region(left, top, width, height)
            top += height
        left += width
    return [out[i] for i in range(len(needs))]


def _share(length: float, least: list[float], needs: list[float]) -> list[float]:
    """A length shared out in proportion to needs, except that a part is never less than
    its least while the leasts fit, the others then sharing what is left.

    >>> _share(100, [10, 50], [1, 1]), _share(100, [0, 90], [3, 1]), _share(100, [80, 80], [1, 3])
    ([50.0, 50.0], [10.0, 90.0], [25.0, 75.0])
    """
    if sum(least) > length:
        least = [0.0] * len(least)
    fixed: set[int] = set()
    while True:
        spare = length - sum(least[i] for i in fixed)
        free = sum(n for i, n in enumerate(needs) if i not in fixed)
        parts = [float(least[i]) if i in fixed else spare * n / free for i, n in enumerate(needs)]
        short = {i for i, p in enumerate(parts) if i not in fixed and p < least[i]}
        if not short:
            return parts
        fixed |= short


class CommunityLayout(NamedTuple):
    places: dict[str, Point]
    captions: list[tuple[float, float, str]]
    """Each caption's lines at (x, y), left-aligned, centred on y."""
    clear: set[str]
    """The nodes set where their boxes overlap no other's."""


def community_layout(communities: Sequence[Sequence[str]], links: Sequence[tuple[str, str]],
                     parts: dict[str, list[Box]], names: Sequence[str], frame: Point,
                     ranked: Sequence[str], named: Collection[str],
                     gap: float = GAPS[0]) -> CommunityLayout:
    """Places for every node, each community in its own region of the frame (centred on the
    origin) under its caption (``names``, one per community), laid out by force within it,
    then moved apart (:func:`apart`, the nodes ``ranked`` first the first). ``parts`` are
    each node's boxes (:func:`node_box`) round its centre: its shape and, for the nodes
    to be ``named``, its name; the regions ``gap`` apart."""
    boxes = {k: union(p) for k, p in parts.items()}
    # a region is as large as its nodes' boxes, with room to spare, its caption and its
    # share of the gutters round it
    fill = [max(sum(area(boxes[k]) * (NAMES_ROOM if k in named else ROOM) for k in c),
                _SMALL_NEED * ROOM) for c in communities]
    needs = [f + _CAPTION_ROOM + 2 * gap * f ** 0.5 for f in fill]
    least = [(max(b[2] - b[0] for b in bs) + 8 + gap,
              2 * max(b[3] - b[1] for b in bs) + 3 * CAPTION_LINE + gap + 16)
             for bs in ([boxes[k] for k in c] for c in communities)]
    regs = [_inset(r, gap) for r in regions(needs, frame, least)]
    at: dict[str, Point] = {}
    captions: list[tuple[float, float, str]] = []
    taken: list[Box] = []
    within: dict[str, Box] = {}
    x0, y0 = -frame[0] / 2, -frame[1] / 2
    for keys, reg, name in zip(communities, regs, names):
        left, top = x0 + reg.left, y0 + reg.top
        lines = caption_lines(name, reg.width - 10)
        for i, line in enumerate(lines):
            y = top + CAPTION_LINE * (i + 0.5)
            captions.append((round(left + 4, 1), round(y, 1), line))
            taken.append(caption_box(left + 4, y, line))
        head = CAPTION_LINE * len(lines) + _MARGIN[1]
        inner = (max(reg.width - _MARGIN[0] - _MARGIN[2], 1.0),
                 max(reg.height - head - _MARGIN[3], 1.0))
        mine = set(keys)
        placed = layout.force_layout(list(keys), [(a, b) for a, b in links
                                                  if a in mine and b in mine], inner)
        cx, cy = left + _MARGIN[0] + inner[0] / 2, top + head + inner[1] / 2
        for key, (x, y) in placed.items():
            at[key] = (cx + x, cy + y)
            within[key] = (left, top + CAPTION_LINE * len(lines) + 4, left + reg.width,
                           top + reg.height)
    places, clear = apart(at, parts, ranked, within, (x0, y0, -x0, -y0), taken, named)
    return CommunityLayout({k: (float(round(x)), float(round(y))) for k, (x, y) in places.items()},
                           captions, clear)


def _inset(region: Region, gap: float) -> Region:
    """A region with half the gutter taken off each side."""
    return Region(region.left + gap / 2, region.top + gap / 2, max(region.width - gap, 1.0),
                  max(region.height - gap, 1.0))


ROOM = 1.3
"""How much more room a region is given than its nodes' boxes fill, for them to be set
out without overlapping ..."""
NAMES_ROOM = 1.6
"""... and than its names fill (large boxes, which leave more room between them)."""


def area(box: Box) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


SEARCH = 3000
"""How many places near its own :func:`apart` tries for a node before leaving it be."""
STEP = 10.0
"""The grid, in frame units, on which :func:`apart` looks for a free place."""


def apart(at: dict[str, Point], parts: dict[str, list[Box]], order: Sequence[str],
          within: dict[str, Box], bounds: Box, taken: Sequence[Box] = (),
          named: Collection[str] = ()) -> tuple[dict[str, Point], set[str]]:
    """Each node (in ``order``, the names that matter most first) put at the free place
    nearest to where the force layout put it: where its boxes (``parts``, round its place)
    overlap no ``taken`` box nor those of a node to be named (``named``) placed before,
    and lie within ``bounds`` and wholly within its region (``within``), the gutters
    between regions left empty: the room for names that Gephi's label adjust makes.
    A node to be named that finds no free place for its name is placed as one that is
    not. The places, and the nodes named that found one.

    >>> square = [(-5, -5, 5, 5)]
    >>> apart({"a": (0, 0), "b": (1, 0)}, {"a": square, "b": square}, ["a", "b"],
    ...       {"a": (-50, -50, 50, 50), "b": (-50, -50, 50, 50)}, (-50, -50, 50, 50),
    ...       named={"a"})[0]
    {'a': (0.0, 0.0), 'b': (1.0, -10.0)}
    """
    reach = int(max(bounds[2] - bounds[0], bounds[3] - bounds[1]) / STEP / 2) + 1
    offsets = sorted(((dx * STEP, dy * STEP) for dx in range(-reach, reach + 1)
                      for dy in range(-reach, reach + 1)),
                     key=lambda d: (d[0] ** 2 + d[1] ** 2, d))[:SEARCH]
    solid: list[Box] = list(taken)
    out: dict[str, Point] = {}
    clear: set[str] = set()
    by_region: dict[Box, list[str]] = {}
    for key in order:
        by_region.setdefault(within[key], []).append(key)
    for region, keys in by_region.items():
        # where the greedy placement from the force layout's places leaves a name out, the
        # names set out again from one of the region's corners may fit them all
        wanted = [k for k in keys if k in named]
        best = _place(keys, at, parts, region, bounds, solid, offsets, named)
        for starts in [_corner(at, wanted, region, corner)
                       for corner in ((0, 1), (2, 1), (0, 3), (2, 3))] + [
                _shelves(at, wanted, parts, region)]:
            if len(best[1]) < len(wanted):
                again = _place(keys, starts, parts, region, bounds, solid, offsets, named)
                best = max(best, again, key=lambda t: [k in t[1] for k in wanted])
        out.update(best[0])
        clear |= best[1]
        solid.extend(best[2])
    return out, clear


def _corner(at: dict[str, Point], named: Collection[str], region: Box,
            corner: tuple[int, int]) -> dict[str, Point]:
    """The places to start from with the names at a corner of the region."""
    return {k: (region[corner[0]], region[corner[1]]) if k in named else p
            for k, p in at.items()}


def _shelves(at: dict[str, Point], named: Sequence[str], parts: dict[str, list[Box]],
             region: Box) -> dict[str, Point]:
    """The places to start from with the names set out in rows from the region's top
    left corner, as many to a row as its width holds."""
    out = dict(at)
    x, y, row = region[0], region[1], 0.0
    for key in named:
        box = union(parts[key])
        if x > region[0] and x + box[2] - box[0] > region[2]:
            x, y, row = region[0], y + row, 0.0
        out[key] = (x - box[0], y - box[1])
        x, row = x + box[2] - box[0], max(row, box[3] - box[1])
    return out


def _place(keys: Sequence[str], at: dict[str, Point], parts: dict[str, list[Box]],
           region: Box, bounds: Box, taken: Sequence[Box], offsets: list[Point],
           named: Collection[str]) -> tuple[dict[str, Point], set[str], list[Box]]:
    """One region's nodes placed in turn (see :func:`apart`): the places, the nodes named
    that found room, and the boxes they took."""
    solid = list(taken)
    out: dict[str, Point] = {}
    clear: set[str] = set()
    for key in keys:
        boxes = parts[key]
        found = _free(at[key], boxes, region, bounds, solid, offsets)
        if found is not None and key in named:
            clear.add(key)
        elif found is None:
            boxes = boxes[:1]
            found = _free(at[key], boxes, region, bounds, solid, offsets) or at[key]
        if key in named:
            solid.extend((found[0] + b[0], found[1] + b[1], found[0] + b[2], found[1] + b[3])
                         for b in boxes)
        out[key] = found
    return out, clear, solid[len(taken):]


def _free(start: Point, boxes: list[Box], region: Box, bounds: Box,
          solid: list[Box], offsets: list[Point]) -> Point | None:
    """The first place (start plus an offset) where the boxes, wholly within the region,
    overlap nothing solid."""
    whole = union(boxes)
    x = min(max(start[0], region[0] - whole[0]), region[2] - whole[2])
    y = min(max(start[1], region[1] - whole[1]), region[3] - whole[3])
    for dx, dy in offsets:
        px, py = x + dx, y + dy
        if not (region[0] <= px + whole[0] and px + whole[2] <= region[2]
                and region[1] <= py + whole[1] and py + whole[3] <= region[3]):
            continue
        if px + whole[0] < bounds[0] or py + whole[1] < bounds[1] or px + whole[2] > bounds[2] \
                or py + whole[3] > bounds[3]:
            continue
        if not any(px + b[0] < o[2] and o[0] < px + b[2] and py + b[1] < o[3] and o[1] < py + b[3]
                   for b in boxes for o in solid):
            return (float(px), float(py))
    return None
