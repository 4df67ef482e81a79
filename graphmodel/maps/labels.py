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

from typing import Iterable, Sequence

__all__ = ["MAJOR", "MINOR", "DRAW_THRESHOLD", "label_box", "box_size", "shown_labels"]

MAJOR = 18
MINOR = 9
DRAW_THRESHOLD = 13
"""vis-network hides a label below this many pixels, less one: so shown labels are >= 12 px."""
_CHAR_WIDTH = 0.62   # of the font size: Arial's widest common letters, with room to spare
_LINE_HEIGHT = 1.3
_BOX_CHAR_WIDTH = 0.56   # measured in vis-network's boxes, Arial at 18 px
_GAP = 6.0

Box = tuple[float, float, float, float]


def label_box(x: float, y: float, node_size: float, label: str, font: float = MAJOR) -> Box:
    """Left, top, right, bottom of a label drawn under a node at (x, y)."""
    lines = label.split("\n")
    width = max(len(line) for line in lines) * font * _CHAR_WIDTH
    top = y + node_size + 2
    return (x - width / 2 - _GAP, top, x + width / 2 + _GAP,
            top + len(lines) * font * _LINE_HEIGHT + _GAP)


def box_size(labels: Iterable[str], font: float = MAJOR, margin: float = 5.0) -> tuple[float, float]:
    """Width and height of the widest and the tallest box with a label inside
    (vis-network's shape "box": lines ``font`` high, ``margin`` round its text)."""
    lines = [label.split("\n") for label in labels] or [[""]]
    width = max(len(line) for label in lines for line in label) * font * _BOX_CHAR_WIDTH
    return (width + 2 * margin, max(map(len, lines)) * font + 2 * margin)


def shape_box(x: float, y: float, node_size: float) -> Box:
    """Left, top, right, bottom of a node's shape (vis-network draws it 2 x size across)."""
    return (x - node_size, y - node_size, x + node_size, y + node_size)


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def shown_labels(nodes: Sequence[tuple[str, float, float, float, str]],
                 ranked: Iterable[str]) -> set[str]:
    """The keys whose labels are shown large: ``nodes`` are (key, x, y, size, label),
    ``ranked`` their keys, most important first."""
    where = {key: (x, y, size, label) for key, x, y, size, label in nodes}
    shapes = {key: shape_box(x, y, size) for key, x, y, size, _ in nodes}
    kept: list[Box] = []
    shown = set()
    for key in ranked:
        x, y, size, label = where[key]
        box = label_box(x, y, size, label)
        if any(_overlap(box, other) for other in kept) or any(
                _overlap(box, shape) for other, shape in shapes.items() if other != key):
            continue
        kept.append(box)
        shown.add(key)
    return shown
