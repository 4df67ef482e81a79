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
from typing import Iterable, NamedTuple, Sequence

from graphmodel.maps import folded, labels, layout
from graphmodel.words import count

__all__ = ["COMMUNITIES_ABOVE", "SEED", "applies", "find", "caption", "Region", "regions",
           "CommunityLayout", "community_layout", "apart", "spread", "node_box", "NAMED", "HUBS", "SMALL", "NAMED_SIZE"]

COMMUNITIES_ABOVE = folded.FOLD_ABOVE
"""A whole network view of more nodes than this is drawn as its communities."""
SEED = 7
"""The Louvain method's random seed: fixed, so the same network gives the same map."""
SPREAD = (1.22, 1.52)
"""How much wider and higher than the page's frame a community map is laid out: a page's
canvas is about 950x600 pixels at 1366x768, so its names, 18 units high, still come out
13.5 px or more once the drawing is fitted to it."""
CAPTION_LINE = 24.0
"""The height of a caption's line, in frame units (captions are drawn 18 units high)."""
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


def node_box(size: float, label: str | None) -> Box:
    """The box round a node's centre that it needs: its shape and a little room, and where
    its name is to be shown, the name beneath it."""
    if label is None:
        return (-size - 3, -size - 3, size + 3, size + 3)
    left, _, right, bottom = labels.label_box(0.0, 0.0, size, label)
    return (min(left, -size), -size - 2, max(right, size), bottom)


def spread(frame: Point) -> Point:
    """The frame a community map is laid out over (see :data:`SPREAD`)."""
    return (frame[0] * SPREAD[0], frame[1] * SPREAD[1])


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
    ['Around Overview and Scrutiny', 'Commission: 18 bodies']
    """
    most = max(int(width // _CAPTION_CHAR), 8)
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= most:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


class Region(NamedTuple):
    left: float
    top: float
    width: float
    height: float


def regions(needs: Sequence[float], frame: Point) -> list[Region]:
    """The frame shared out between communities needing these areas (largest first): in
    columns, each community's region as large as its share, the number of columns the one
    that keeps the regions closest to square. The frame's top left corner is (0, 0).

    >>> [tuple(round(v) for v in r) for r in regions([2, 1, 1], (400, 200))]
    [(0, 0, 200, 200), (200, 0, 200, 100), (200, 100, 200, 100)]
    """
    best: tuple[float, list[Region]] | None = None
    for columns in range(1, len(needs) + 1):
        placed = _columns(needs, columns, frame)
        worst = max(max(r.width / r.height, r.height / r.width) for r in placed)
        if best is None or worst < best[0] - 1e-9:
            best = (worst, placed)
    assert best is not None
    return best[1]


def _columns(needs: Sequence[float], columns: int, frame: Point) -> list[Region]:
    """Communities dealt into columns, each to the column needing least so far; a column's
    width by its share of the need, a region's height by its share of its column's."""
    cols: list[list[int]] = [[] for _ in range(columns)]
    for i in range(len(needs)):
        min(cols, key=lambda c: (sum(needs[j] for j in c), cols.index(c))).append(i)
    total = sum(needs)
    out: dict[int, Region] = {}
    left = 0.0
    for col in cols:
        share = sum(needs[j] for j in col)
        width = frame[0] * share / total
        top = 0.0
        for j in col:
            height = frame[1] * needs[j] / share
            out[j] = Region(left, top, width, height)
            top += height
        left += width
    return [out[i] for i in range(len(needs))]


class CommunityLayout(NamedTuple):
    places: dict[str, Point]
    captions: list[tuple[float, float, str]]
    """Each caption's lines at (x, y), left-aligned, centred on y."""
    taken: list[Box]
    """The boxes the captions take, which no name may overlap."""


def community_layout(communities: Sequence[Sequence[str]], links: Sequence[tuple[str, str]],
                     boxes: dict[str, Box], names: Sequence[str], frame: Point,
                     ranked: Sequence[str]) -> CommunityLayout:
    """Places for every node, each community in its own region of the frame (centred on the
    origin) under its caption (``names``, one per community), laid out by force within it,
    then moved apart (:func:`apart`, the nodes ``ranked`` first the first). ``boxes`` is each node's box
    (left, top, right, bottom) round its centre: its shape and, for the nodes to be named,
    its name."""
    needs = [max(sum(_area(boxes[k]) for k in c), _SMALL_NEED) * ROOM + _CAPTION_ROOM
             for c in communities]
    regs = regions(needs, frame)
    places: dict[str, Point] = {}
    captions: list[tuple[float, float, str]] = []
    taken: list[Box] = []
    x0, y0 = -frame[0] / 2, -frame[1] / 2
    for keys, reg, name in zip(communities, regs, names):
        left, top = x0 + reg.left, y0 + reg.top
        lines = caption_lines(name, reg.width - 10)
        for i, line in enumerate(lines):
            y = top + CAPTION_LINE * (i + 0.5)
            captions.append((round(left + 4, 1), round(y, 1), line))
            taken.append((left, y - CAPTION_LINE / 2,
                          left + 8 + len(line) * _CAPTION_CHAR, y + CAPTION_LINE / 2))
        head = CAPTION_LINE * len(lines) + _MARGIN[1]
        inner = (max(reg.width - _MARGIN[0] - _MARGIN[2], 1.0),
                 max(reg.height - head - _MARGIN[3], 1.0))
        mine = set(keys)
        within = layout.force_layout(list(keys), [(a, b) for a, b in links
                                                  if a in mine and b in mine], inner)
        cx, cy = left + _MARGIN[0] + inner[0] / 2, top + head + inner[1] / 2
        at = {key: (cx + x, cy + y) for key, (x, y) in within.items()}
        bounds = (left + 2, top + CAPTION_LINE * len(lines) + 4,
                  left + reg.width - 2, top + reg.height - 2)
        for key, (x, y) in apart(at, boxes, bounds, [k for k in ranked if k in mine]).items():
            places[key] = (float(round(x)), float(round(y)))
    return CommunityLayout(places, captions, taken)


ROOM = 1.3
"""How much more room a region is given than its nodes' boxes fill, for them to be set
out without overlapping."""


def _area(box: Box) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


SEARCH = 3000
"""How many places near its own :func:`apart` tries for a node before leaving it be."""
STEP = 10.0
"""The grid, in frame units, on which :func:`apart` looks for a free place."""


def apart(at: dict[str, Point], boxes: dict[str, Box], bounds: Box,
          order: Sequence[str]) -> dict[str, Point]:
    """Each node (in ``order``, the names that matter most first) put at the free place
    nearest to where the force layout put it, where its box (round its place) overlaps no
    box placed before and lies within ``bounds``: the room for names that Gephi's label
    adjust makes. A node with no free place stays where it was.

    >>> apart({"a": (0, 0), "b": (1, 0)}, {"a": (-5, -5, 5, 5), "b": (-5, -5, 5, 5)},
    ...       (-50, -50, 50, 50), ["a", "b"])
    {'a': (0.0, 0.0), 'b': (11.0, 0.0)}
    """
    w, h = bounds[2] - bounds[0], bounds[3] - bounds[1]
    reach = int(max(w, h) / STEP / 2) + 1
    offsets = sorted(((dx * STEP, dy * STEP) for dx in range(-reach, reach + 1)
                      for dy in range(-reach, reach + 1)),
                     key=lambda d: (d[0] ** 2 + d[1] ** 2, d))[:SEARCH]
    placed: list[Box] = []
    out: dict[str, Point] = {}
    for key in order:
        x, y = at[key]
        box = boxes[key]
        x = min(max(x, bounds[0] - box[0]), bounds[2] - box[2])
        y = min(max(y, bounds[1] - box[1]), bounds[3] - box[3])
        for dx, dy in offsets:
            px, py = x + dx, y + dy
            mine = (px + box[0], py + box[1], px + box[2], py + box[3])
            if mine[0] < bounds[0] or mine[1] < bounds[1] or mine[2] > bounds[2] \
                    or mine[3] > bounds[3]:
                continue
            if not any(mine[0] < o[2] and o[0] < mine[2] and mine[1] < o[3] and o[1] < mine[3]
                       for o in placed):
                x, y = px, py
                break
        placed.append((x + box[0], y + box[1], x + box[2], y + box[3]))
        out[key] = (float(x), float(y))
    return out
