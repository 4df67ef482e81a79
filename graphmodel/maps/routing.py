"""Links drawn clear of the names: a link that would cross a name shown at the first view
is bent, one way or the other, as little as takes it clear.

vis-network draws a straight link from node to node, and a curved one (its smooth types
``curvedCW`` and ``curvedCCW``) as a quadratic Bezier curve through a point to one side;
an org chart's reporting line (``horizontal``) runs across from the child, then up into
its parent. The same curves are computed here, in the layout's units, and tested against
every name's box (:func:`graphmodel.maps.labels.label_box`, estimated generously): a
link passes over no name, its own nodes' names beneath or above their shapes included
(only a name inside its node's box, such as an org chart's, is hidden under the line's
end, which the box covers).
"""
from __future__ import annotations

import math
from typing import Collection, NamedTuple, Sequence

from graphmodel.maps import labels

__all__ = ["Box", "Curve", "Place", "points", "crossed", "clear_curve", "clear_spot",
           "name_box", "ROUNDNESS"]

Point = tuple[float, float]
Box = tuple[float, float, float, float]
_STEPS = 16

ROUNDNESS = (0.15, 0.3, 0.45, 0.6, 0.8, 1.0)
"""How far a link may bend to pass clear of a name, least first (vis-network's roundness:
the share of the link's length its curve stands out to one side, and more)."""


class Curve(NamedTuple):
    """How vis-network draws a link: "straight", "curvedCW", "curvedCCW", "horizontal"
    (across, then up or down), "cubic-vertical" or "cubic-horizontal" (an S, out of its
    source and into its target upright or level), and how round."""
    kind: str
    roundness: float = 0.0


class Place(NamedTuple):
    """A node as the router sees it: its key and where it is."""
    key: str
    x: float
    y: float


def _via(a: Point, b: Point, curve: Curve) -> Point:
    """vis-network's control point of a curved link (its ``_getViaCoordinates``)."""
    r = curve.roundness
    if curve.kind == "horizontal":
        dx = (1 - r) * abs(b[0] - a[0])
        return (b[0] - dx if a[0] < b[0] else b[0] + dx, a[1])
    o, up = b[0] - a[0], a[1] - b[1]
    length = math.hypot(o, up)
    turn = 0.5 * r + 0.5 if curve.kind == "curvedCW" else 0.5 * -r + 0.5
    angle = (math.atan2(up, o) + turn * math.pi) % (2 * math.pi)
    reach = (0.5 * r + 0.5) * length
    return (a[0] + reach * math.sin(angle), a[1] + reach * math.cos(angle))


def _cubic(a: Point, b: Point, curve: Curve) -> list[Point]:
    """An S-shaped link (vis-network's ``cubicBezier``, its direction forced): out of a
    and into b upright ("vertical") or level ("horizontal")."""
    r, dx, dy = curve.roundness, a[0] - b[0], a[1] - b[1]
    if curve.kind == "cubic-horizontal":
        c1, c2 = (a[0] - r * dx, a[1]), (b[0] + r * dx, b[1])
    else:
        c1, c2 = (a[0], a[1] - r * dy), (b[0], b[1] + r * dy)
    out = []
    for i in range(_STEPS + 1):
        t = i / _STEPS
        u = 1 - t
        out.append(tuple(u ** 3 * p + 3 * u * u * t * q + 3 * u * t * t * w + t ** 3 * z
                         for p, q, w, z in zip(a, c1, c2, b)))
    return out   # type: ignore[return-value]


def points(a: Point, b: Point, curve: Curve) -> list[Point]:
    """Points along the link from a to b, as vis-network draws it."""
    if curve.kind == "straight":
        return [a, b]
    if curve.kind.startswith("cubic-"):
        return _cubic(a, b, curve)
    v = _via(a, b, curve)
    out = []
    for i in range(_STEPS + 1):
        t = i / _STEPS
        out.append(((1 - t) ** 2 * a[0] + 2 * t * (1 - t) * v[0] + t * t * b[0],
                    (1 - t) ** 2 * a[1] + 2 * t * (1 - t) * v[1] + t * t * b[1]))
    return out


def crossed(line: Sequence[Point], names: Sequence[tuple[str, Box]]) -> list[str]:
    """The keys of the names whose boxes the line passes through."""
    xs, ys = [p[0] for p in line], [p[1] for p in line]
    span = (min(xs), min(ys), max(xs), max(ys))
    out = []
    for key, box in names:
        if box[0] > span[2] or box[2] < span[0] or box[1] > span[3] or box[3] < span[1]:
            continue
        if any(labels.enters(p, q, box) for p, q in zip(line, line[1:])):
            out.append(key)
    return out


def clear_curve(a: Place, b: Place, curve: Curve, names: Sequence[tuple[str, Box]],
                within: Box, inside: Collection[str] = (), most: float = 1.0) -> Curve | None:
    """The curve, or the least bent one (bent ``most`` at most) that crosses no name and
    stays ``within`` the drawing (a curve outside it would be cut off at the canvas's
    edge); None when every one crosses a name. The names of the nodes ``inside`` are
    drawn inside their boxes, where a link's own end is hidden under the box."""
    others = [(k, box) for k, box in names if k not in inside or k not in (a.key, b.key)]
    ends = (a.x, a.y), (b.x, b.y)
    if not crossed(points(*ends, curve), others):
        return curve
    if curve.kind == "horizontal":
        return None
    bends = [Curve(kind, roundness) for roundness in ROUNDNESS
             for kind in ("curvedCW", "curvedCCW")]
    bends += [Curve(kind, roundness) for roundness in (0.5, 0.75, 1.0)
              for kind in ("cubic-vertical", "cubic-horizontal")]
    for bent in (b for b in bends if b.roundness <= most):
        line = points(*ends, bent)
        if all(within[0] <= x <= within[2] and within[1] <= y <= within[3]
               for x, y in line) and not crossed(line, others):
            return bent
    return None


def name_box(x: float, y: float, size: float, label: str, inside: bool,
             above: bool = False) -> Box:
    """The box of a node's name: inside its box (an org chart's), else beneath its shape
    (or above it)."""
    if inside:
        width, height = labels.box_size([label])
        return (x - width / 2, y - height / 2, x + width / 2, y + height / 2)
    return labels.label_box(x, y, size, label, above=above)


def clear_spot(node: Place, size: float, neighbours: Sequence[Place],
               names: Sequence[tuple[str, Box]], shapes: Sequence[tuple[str, Box]],
               within: Box, inside: Collection[str] = (), name: Box | None = None,
               most: float = 1.0) -> Point | None:
    """The nearest place to move a node to, from which a line to each of its neighbours,
    straight or bent, crosses no name (``inside`` as for :func:`clear_curve`), and where
    its shape lies on no name or other node; None if there is none within a few of its
    sizes. A node whose name is shown moves with it: ``name`` is its box from the node's
    centre, and it must lie clear too, of the lines to its neighbours as well. The lines
    may bend ``most`` at most (see :func:`clear_curve`)."""
    reaches = (2.0, 3.0, 4.5, 6.0, 8.0, 10.0, 13.0, 16.0, 20.0)
    far = (reaches[-1] + 1) * size + (max(map(abs, name)) if name else 0.0)
    around = (node.x - far, node.y - far, node.x + far, node.y + far)
    blocks = [(k, box) for k, box in (*names, *shapes) if k != node.key and _meet(around, box)]
    others = [(k, box) for k, box in names if k != node.key]
    for reach in reaches:
        for step in range(12):
            turn = step * math.pi / 6
            x, y = node.x + reach * size * math.cos(turn), node.y + reach * size * math.sin(turn)
            mine = [(x - size, y - size, x + size, y + size)]
            if name:
                mine.append((x + name[0], y + name[1], x + name[2], y + name[3]))
            if not (within[0] <= x <= within[2] and within[1] <= y <= within[3]):
                continue
            if any(_meet(m, box) for m in mine for _, box in blocks):
                continue
            moved = Place(node.key, round(x, 1), round(y, 1))
            seen = [*others, (node.key, mine[1])] if name else names
            if all(clear_curve(moved, o, Curve("straight"), seen, within, inside, most)
                   is not None for o in neighbours):
                return (moved.x, moved.y)
    return None


def _meet(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
