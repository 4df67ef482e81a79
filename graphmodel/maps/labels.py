"""Which names a map shows at first sight, so that no two of them overlap.

vis-network draws a label only while it is at least ``DRAW_THRESHOLD`` pixels
high on screen. A label given :data:`MAJOR` size is readable when the map is
fitted to a 1366x768 screen; one given :data:`MINOR` size appears once the reader
zooms in. The most important names (organisations, bodies with most links, the
subjects of findings) get the large size first; a name whose box would overlap
one already shown, or another node's shape, is kept small. Boxes are estimated from the font's average
character width, generously, in the same units as :mod:`~graphmodel.maps.layout`.
"""
from __future__ import annotations

import math
from typing import Collection, Iterable, Sequence

__all__ = ["MAJOR", "MINOR", "DRAW_THRESHOLD", "label_box", "box_size", "room", "shown_labels",
           "above_shift", "enters"]

MAJOR = 18
MINOR = 9
DRAW_THRESHOLD = 13
"""vis-network hides a label below this many pixels, less one: so shown labels are >= 12 px."""
_CHAR_WIDTH = 0.62   # of the font size: Arial's widest common letters, with room to spare
_LINE_HEIGHT = 1.3
_BOX_CHAR_WIDTH = 0.56   # measured in vis-network's boxes, Arial at 18 px
_GAP = 6.0

Box = tuple[float, float, float, float]


def label_box(x: float, y: float, node_size: float, label: str, font: float = MAJOR,
              above: bool = False) -> Box:
    """Left, top, right, bottom of a label drawn under a node at (x, y) (or above it)."""
    lines = label.split("\n")
    width = max(len(line) for line in lines) * font * _CHAR_WIDTH
    height = len(lines) * font * _LINE_HEIGHT + _GAP
    top = y - node_size - ABOVE_GAP - height if above else y + node_size + 2
    return (x - width / 2 - _GAP, top, x + width / 2 + _GAP, top + height)


ABOVE_GAP = 4.0
"""How far above its shape a name drawn above a node ends."""


def above_shift(node_size: float, label: str, font: float = MAJOR) -> float:
    """vis-network's ``vadjust`` that draws a node's name above its shape, not beneath: it
    draws the top of a name 13 units below the shape's foot, lines ``font`` high."""
    return -(2 * node_size + 13 + ABOVE_GAP + len(label.split("\n")) * font)


def box_size(labels: Iterable[str], font: float = MAJOR, margin: float = 5.0) -> tuple[float, float]:
    """Width and height of the widest and the tallest box with a label inside
    (vis-network's shape "box": lines ``font`` high, ``margin`` round its text)."""
    lines = [label.split("\n") for label in labels] or [[""]]
    width = max(len(line) for label in lines for line in label) * font * _BOX_CHAR_WIDTH
    return (width + 2 * margin, max(map(len, lines)) * font + 2 * margin)


def shape_box(x: float, y: float, node_size: float) -> Box:
    """Left, top, right, bottom of a node's shape (vis-network draws it 2 x size across)."""
    return (x - node_size, y - node_size, x + node_size, y + node_size)


def overlaps(a: Box, b: Box) -> bool:
    """Whether two boxes overlap."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


_overlap = overlaps


def room(node_size: float, label: str) -> tuple[float, float]:
    """Width and height a node needs for itself and its name shown large beneath it."""
    left, _, right, bottom = label_box(0.0, 0.0, node_size, label)
    return right - left + _GAP, bottom + node_size


def shown_labels(nodes: Sequence[tuple[str, float, float, float, str]], ranked: Iterable[str],
                 first: Collection[str] = (), links: Iterable[tuple[str, str]] = (),
                 taken: Iterable[Box] = (), above: Collection[str] = (),
                 off_lines: Collection[str] = (), shapes_apart: bool = False
                 ) -> tuple[set[str], dict[str, tuple[float, float]], set[str]]:
    """The keys whose labels are shown large, every node's place, and the keys whose names
    are drawn above their shapes: ``nodes`` are (key, x, y, size, label), ``ranked``
    their keys, most important first. The names of the
    nodes in ``first`` (what the map is about, the hubs) take room: a node whose shape
    lies where such a name goes, and whose own name is not shown, is moved beside or
    below the name, where none of its ``links`` (pairs of keys) would cross that name.
    No name is shown over the boxes ``taken`` (the captions drawn on the map); the
    names of the nodes ``above`` are drawn above them. A node of ``off_lines`` (among
    ``first``: a person or post the map must name, whose name no line may cross) whose
    name other nodes' links would run through is first moved, with its name, to the
    nearest place clear of them and of its own, its name beneath or above its shape.
    With ``shapes_apart``, a node moved aside lands on no other node's shape (a map laid
    out by its links, where nodes stand close; an org chart keeps to its rows)."""
    above = set(above)
    where = {key: (x, y, size, label) for key, x, y, size, label in nodes}
    pairs = [(a, b) for a, b in links if a != b]
    near: dict[str, list[str]] = {}
    for a, b in pairs:
        near.setdefault(a, []).append(b)
        near.setdefault(b, []).append(a)
    kept: list[Box] = list(taken)
    shown: set[str] = set()
    extent = _extent(where)
    for key in ranked:
        box = _off_lines(key, where, kept, extent, above, pairs) if key in off_lines else None
        if box is None:
            box = _clear_place(key, where, kept, shown, key in above, shapes_apart) \
                if key in first else label_box(*where[key], above=key in above)
        blocking = [] if box is None else _blocking(key, box, where)
        if box is not None and blocking and key in first:
            blocking = [o for o in blocking if not _make_room(
                o, key, box, where, kept, shown, near.get(o, ()), shapes_apart)]
        if key in first and (box is None or blocking):
            # a name the map must show, with no room where its node stands or beside it:
            # the node is moved, with its name, to the nearest place both are clear
            placed, blocking = _free_place(key, where, kept, extent, (key in above,),
                                           above=above), []
            box = placed[0] if placed else None
        if box is None or blocking or any(_overlap(box, other) for other in kept):
            continue
        kept.append(box)
        shown.add(key)
    return shown, {key: (x, y) for key, (x, y, _, _) in where.items()}, above


def _blocking(key: str, box: Box, where: dict[str, tuple[float, float, float, str]]
              ) -> list[str]:
    """The other nodes whose shapes lie on the name box of ``key``."""
    return [o for o, (ox, oy, osize, _) in where.items()
            if o != key and _overlap(box, shape_box(ox, oy, osize))]


def _extent(where: dict[str, tuple[float, float, float, str]]) -> Box:
    """Left, top, right, bottom of the nodes' places: a node moved stays within them, so
    the drawing is fitted to its canvas no smaller."""
    xs, ys = [x for x, _, _, _ in where.values()], [y for _, y, _, _ in where.values()]
    return (min(xs), min(ys), max(xs), max(ys)) if where else (0.0, 0.0, 0.0, 0.0)


FREE_REACH = 20
"""How many steps (each the node's size and a half) a node whose name must show may be
moved, each way, to a place where its shape and its name lie on no other."""


def _off_lines(key: str, where: dict[str, tuple[float, float, float, str]], kept: list[Box],
               extent: Box, above: set[str], pairs: Sequence[tuple[str, str]]) -> Box | None:
    """The name box of ``key`` moved, with its node, clear of the lines between other
    nodes that would run through it where it stands, and of its own (as
    :func:`_free_place`, the name beneath or above its shape, which ``above`` is told);
    None, and nothing moved, where no line runs through it or there is no such place."""
    x, y, size, label = where[key]
    lines = [(where[a][:2], where[b][:2]) for a, b in pairs if key not in (a, b)]
    own = [where[b if a == key else a][:2] for a, b in pairs if key in (a, b)]
    if not any(enters(p, q, label_box(x, y, size, label, above=key in above))
               for p, q in lines):
        return None
    placed = _free_place(key, where, kept, extent, (key in above, key not in above),
                         lines, own, above)
    if placed is None:
        return None
    box, side = placed
    (above.add if side else above.discard)(key)
    return box


def enters(p: tuple[float, float], q: tuple[float, float], box: Box) -> bool:
    """Whether the segment from p to q passes through the box (Liang and Barsky's test)."""
    t0, t1 = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for step, room in ((-dx, p[0] - box[0]), (dx, box[2] - p[0]),
                       (-dy, p[1] - box[1]), (dy, box[3] - p[1])):
        if step == 0:
            if room < 0:
                return False
            continue
        r = room / step
        if step < 0:
            if r > t1:
                return False
            t0 = max(t0, r)
        else:
            if r < t0:
                return False
            t1 = min(t1, r)
    return t1 > t0


def _free_place(key: str, where: dict[str, tuple[float, float, float, str]],
                kept: list[Box], extent: Box, sides: tuple[bool, ...],
                lines: Sequence[tuple[tuple[float, float], tuple[float, float]]] = (),
                ends: Sequence[tuple[float, float]] = (), above: Collection[str] = ()
                ) -> tuple[Box, bool] | None:
    """The name box of ``key``, and its side, with its node moved to the nearest place
    within the ``extent`` of the nodes where the name lies on no name shown (``kept``),
    no other node's shape and none of the straight ``lines``, nor its own lines to its
    neighbours at ``ends`` (which cross no name shown either), and where its shape lies
    on no name nor shape; its name on each of ``sides`` in turn (True: above its shape).
    A place clear of where the other nodes' names go (above them if ``above``) too is
    taken if there is one. None, and nothing moved, where there is no such place."""
    x, y, size, label = where[key]
    step = 1.5 * size
    reach = FREE_REACH * step
    name = label_box(x, y, size, label, above=sides[0])
    around = (min(name[0], x - size) - reach, min(name[1], y - size) - reach,
              max(name[2], x + size) + reach, max(name[3], y + size) + reach)
    near = [b for b in (*kept, *(shape_box(*where[o][:3]) for o in where if o != key))
            if _overlap(b, around)]
    names = [b for o in where if o != key
             for b in [label_box(*where[o], above=o in above)] if _overlap(b, around)]
    spots = [(x + i * step, y + j * step) for i, j in sorted(
        ((i, j) for i in range(-FREE_REACH, FREE_REACH + 1)
         for j in range(-FREE_REACH, FREE_REACH + 1)), key=lambda d: math.hypot(*d))]
    spots = [(px, py) for px, py in spots
             if extent[0] <= px <= extent[2] and extent[1] <= py <= extent[3]]
    for clear in (near + names, near):
        for px, py in spots:
            shape = shape_box(px, py, size)
            if any(_overlap(shape, b) for b in clear) \
                    or any(enters((px, py), q, b) for q in ends for b in kept):
                continue
            for side in sides:
                box = label_box(px, py, size, label, above=side)
                if not any(_overlap(box, b) for b in clear) \
                        and not any(enters(p, q, box) for p, q in lines) \
                        and not any(enters((px, py), q, box) for q in ends):
                    where[key] = (px, py, size, label)
                    return box, side
    return None


def _clear_place(key: str, where: dict[str, tuple[float, float, float, str]],
                 kept: list[Box], shown: set[str], above: bool,
                 shapes_apart: bool = False) -> Box | None:
    """The box of the name of ``key`` where it stands, else moved sideways just clear of
    the names shown (and the node moved with it); None if neither way is clear."""
    x, y, size, label = where[key]
    box = label_box(x, y, size, label, above=above)
    hit = [other for other in kept if _overlap(box, other)]
    if not hit:
        return box
    fixed = [shape_box(*where[k][:3]) for k in _others(key, where, shown, shapes_apart)]
    left = min(other[0] for other in hit) - box[2]
    right = max(other[2] for other in hit) - box[0]
    for dx in sorted((left, right), key=abs):
        moved = label_box(x + dx, y, size, label, above=above)
        shape = shape_box(x + dx, y, size)
        if not any(_overlap(moved, other) or _overlap(shape, other) for other in (*kept, *fixed)):
            where[key] = (x + dx, y, size, label)
            return moved
    return None


def _make_room(key: str, owner: str, box: Box, where: dict[str, tuple[float, float, float, str]],
               kept: list[Box], shown: set[str], near: Sequence[str] = (),
               shapes_apart: bool = False) -> bool:
    """Move the node ``key`` out of the name ``box`` of ``owner``, to the nearest place
    beside or below it that is clear of the names shown and their nodes, one from which
    no line to its neighbours (``near``) crosses that name first; False if there is none,
    or its own name is shown."""
    if key in shown:
        return False
    x, y, size, label = where[key]
    fixed = [shape_box(*where[k][:3])
             for k in _others(key, where, {*shown, owner}, shapes_apart)]
    places = sorted([(box[0] - size - _GAP, y), (box[2] + size + _GAP, y),
                     (x, box[3] + size + _GAP)], key=lambda p: abs(p[0] - x) + abs(p[1] - y))
    clear = [p for p in places
             if not any(_through(p, where[o][:2], box) for o in near if o != owner)]
    for px, py in clear + [p for p in places if p not in clear]:
        shape = shape_box(px, py, size)
        if not any(_overlap(shape, other) for other in (*kept, box, *fixed)):
            where[key] = (px, py, size, label)
            return True
    return False


def _others(key: str, where: dict[str, tuple[float, float, float, str]],
            shown: Collection[str], every: bool) -> Collection[str]:
    """The nodes a node moved aside must keep off: every other node, or those ``shown``."""
    return [k for k in where if k != key] if every else shown


def _through(p: tuple[float, float], q: tuple[float, float], box: Box, steps: int = 32) -> bool:
    """Whether the straight line from p to q passes through the box."""
    return any(box[0] < p[0] + (q[0] - p[0]) * i / steps < box[2]
               and box[1] < p[1] + (q[1] - p[1]) * i / steps < box[3] for i in range(steps + 1))
