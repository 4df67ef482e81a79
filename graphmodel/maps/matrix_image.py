"""Who sits where as an image for committee papers (SVG or PNG), drawn by matplotlib.

Laid out in inches at the size it is meant to be printed, every name in
:data:`FONT_PT` point type (12 px at 96 pixels to the inch), so a paper that
places it at its own size keeps its names legible; the figure grows with the
matrix rather than shrinking its type. The same fixed settings as the maps'
images (:mod:`graphmodel.maps.image`), so the same matrix gives the same file.
"""
from __future__ import annotations

import textwrap
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from graphmodel.maps.image import save_figure
from graphmodel.maps.matrix import MARKS, Line, Matrix

if TYPE_CHECKING:   # (matplotlib loads when an image is drawn)
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["write_matrix_image", "matrix_figure", "FONT_PT", "DPI"]

FONT_PT = 9.0
"""The size of every name: 9 pt is 12 px at 96 pixels to the inch."""
DPI = 100
_CELL = 0.34            # inches: a seat's square, two lines of a name high
_CHAR = FONT_PT * 0.56 / 72   # inches: the width of an average character at FONT_PT
_NAMES_MAX = 4.2        # inches: the widest the seat holders' names may run
_HEADS_MAX = 2.8        # inches: the tallest the bodies' names may run
_INK, _MUTED, _RULE = "#1a1a1a", "#4d4d4d", "#d9d9d9"


def _fit(text: str, width: float, lines: int = 1) -> str:
    """Text wrapped into at most ``lines`` lines of ``width`` inches, cut with an ellipsis."""
    chars = max(4, int(width / _CHAR))
    wrapped = textwrap.wrap(text, chars) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][:chars - 1].rstrip() + "\u2026"
    return "\n".join(wrapped)


def _layout(rows: list[Line]) -> list[tuple[str, Line | None]]:
    """The image's lines from top to bottom: each organisation's heading, then its people."""
    out: list[tuple[str, Line | None]] = []
    for group, run in groupby(rows, key=lambda r: r.group):
        out.append((group or "Organisation not recorded", None))
        out.extend((r.name, r) for r in run)
    return out


def matrix_figure(m: Matrix) -> Figure:
    """The matrix drawn at its print size: names on the left, bodies' names up the top."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    rows, columns = m.ordered("category")
    lines = _layout(rows)
    names_w = min(_NAMES_MAX, max([len(r.name) * _CHAR for r in rows] + [1.5])) + 0.15
    heads_h = min(_HEADS_MAX, max([len(_fit(c.name, _HEADS_MAX, 2).split("\n")[0]) * _CHAR
                                   for c in columns] + [1.0])) + 0.1
    top = 0.75 + 0.3 + heads_h            # title, summary, categories, then the bodies' names
    width = max(names_w + len(columns) * _CELL + 0.3, 7.0)
    height = top + len(lines) * _CELL + 0.9 + _CELL * len(_category_key(columns))
    fig = Figure(figsize=(width, height), dpi=DPI)
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_axis_off()
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.text(0.15, 0.3, m.title, fontsize=14, fontweight="bold", color=_INK, va="center")
    ax.text(0.15, 0.6, m.summary, fontsize=FONT_PT, color=_MUTED, va="center")
    x0 = names_w
    unnamed = _categories(ax, columns, x0, top - heads_h - 0.15)
    for i, c in enumerate(columns):
        ax.text(x0 + (i + 0.5) * _CELL, top - 0.05, _fit(c.name, heads_h - 0.1, 2),
                rotation=90, ha="center", va="bottom", linespacing=1.05, fontsize=FONT_PT, color=_INK)
    at = {c.key: x0 + i * _CELL for i, c in enumerate(columns)}
    for j, (label, row) in enumerate(lines):
        y = top + j * _CELL
        ax.plot([0.1, x0 + len(columns) * _CELL], [y, y], color=_RULE, linewidth=0.5)
        if row is None:
            ax.text(0.15, y + _CELL / 2, _fit(label, width - 0.3), fontweight="bold",
                    va="center", fontsize=FONT_PT, color=_INK)
            continue
        ax.text(0.15, y + _CELL / 2, _fit(label, names_w - 0.2, 2), va="center", linespacing=1.05,
                fontstyle="italic" if row.key.startswith("unnamed:") else "normal", fontsize=FONT_PT, color=_INK)
        for c in columns:
            cell = m.cell(row.key, c.key)
            if cell is None:
                continue
            mark = cell.mark
            ax.add_patch(Rectangle((at[c.key] + 0.02, y + 0.02), _CELL - 0.04, _CELL - 0.04,
                                   facecolor=mark.colour, edgecolor="none"))
            ax.text(at[c.key] + _CELL / 2, y + _CELL / 2, mark.letter, ha="center",
                    va="center", color="white", fontsize=FONT_PT, fontweight="bold")
    _key(ax, top + len(lines) * _CELL + 0.35, width, unnamed)
    return fig


def _runs(columns: list[Line]) -> list[tuple[str, int]]:
    return [(group, len(list(run))) for group, run in groupby(columns, key=lambda c: c.group)]


def _fits(group: str, n: int) -> bool:
    return len(group) * _CHAR <= n * _CELL - 0.06


def _category_key(columns: list[Line]) -> list[str]:
    """The categories whose names do not fit over their bodies: numbered there, named below."""
    runs = _runs(columns)
    return [f"{i}: {group}" for i, (group, n) in enumerate(runs, 1) if not _fits(group, n)]


def _categories(ax: Axes, columns: list[Line], x0: float, y: float) -> list[str]:
    """Each run of bodies of one category under a rule, named where its name fits, else
    numbered (the numbers returned, named in the key)."""
    start = 0
    for i, (group, n) in enumerate(_runs(columns), 1):
        left, right = x0 + start * _CELL + 0.03, x0 + (start + n) * _CELL - 0.03
        ax.plot([left, right], [y + 0.12, y + 0.12], color=_MUTED, linewidth=1.2)
        ax.text(left, y, group if _fits(group, n) else str(i), fontsize=FONT_PT, color=_INK,
                fontweight="bold", va="bottom", ha="left")
        start += n
    return _category_key(columns)


def _key(ax: Axes, y: float, width: float, categories: list[str]) -> None:
    """What the marks mean, and the categories numbered over their bodies."""
    from matplotlib.patches import Rectangle

    x = 0.15
    for mark in MARKS:
        ax.add_patch(Rectangle((x, y - _CELL / 2), _CELL - 0.04, _CELL - 0.04,
                               facecolor=mark.colour, edgecolor="none"))
        ax.text(x + (_CELL - 0.04) / 2, y - 0.02, mark.letter, ha="center", va="center",
                color="white", fontsize=FONT_PT, fontweight="bold")
        words = mark.words.split(":")[0]
        ax.text(x + _CELL + 0.05, y - 0.02, words, va="center", fontsize=FONT_PT, color=_INK)
        x += _CELL + 0.2 + len(words) * _CHAR
    for i, line in enumerate(categories, 1):
        ax.text(0.15, y + i * _CELL, _fit(f"Category {line}", width - 0.3), va="center",
                fontsize=FONT_PT, color=_INK)


def write_matrix_image(m: Matrix, path: str | Path) -> Path:
    """Write the matrix as an SVG or PNG image (by the path's suffix)."""
    return save_figure(lambda: matrix_figure(m), path)
