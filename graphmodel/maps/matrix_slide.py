"""Who sits where on a slide: the bodies with the most seats (rows) by the people with the
most seats on them (columns), as many as a 16:9 slide shows with every name at least 12
pixels high on a 1366x768 screen, and how many more the whole matrix holds.

A slide turns the matrix round (:mod:`graphmodel.maps.matrix` has people as rows): a
body's name runs along its row, where a long name has room, and a person's name up its
column. The whole matrix is the review pack's page (:mod:`graphmodel.maps.matrix_page`).
"""
from __future__ import annotations

from collections import Counter
from html import escape

from graphmodel.maps.matrix import MARKS, Line, Matrix
from graphmodel.words import count

__all__ = ["SLIDE_BODIES", "SLIDE_HOLDERS", "slide_part", "matrix_slide"]

SLIDE_BODIES = 20
"""Rows a slide holds: bodies, most seats first."""
SLIDE_HOLDERS = 40
"""Columns a slide holds: seat holders, most seats on those bodies first."""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def slide_part(m: Matrix, bodies: int = SLIDE_BODIES,
               holders: int = SLIDE_HOLDERS) -> tuple[list[Line], list[Line]]:
    """The bodies with the most seats, then the holders with the most seats on them (by
    their seats in all where even), each most first.

    >>> from graphmodel.maps.matrix import Cell
    >>> from graphmodel.model import Membership
    >>> def line(key, seats): return Line(key, key.split(":")[1], "", seats)
    >>> m = Matrix("t", "d", "2024-01-01", [line("person:ann", 2), line("person:bo", 1)],
    ...            [line("body:a", 2), line("body:b", 1)],
    ...            {("person:ann", "body:a"): Cell("person:ann", "body:a", [None]),
    ...             ("person:ann", "body:b"): Cell("person:ann", "body:b", [None]),
    ...             ("person:bo", "body:a"): Cell("person:bo", "body:a", [None])})
    >>> [[l.name for l in part] for part in slide_part(m, bodies=1, holders=5)]
    [['a'], ['ann', 'bo']]
    """
    chosen = sorted(m.columns, key=lambda c: (-c.seats, c.name.casefold()))[:bodies]
    keys = {c.key for c in chosen}
    on_them = Counter(row for (row, column), cell in m.cells.items() if column in keys
                      for _ in cell.seats)
    people = sorted((r for r in m.rows if on_them[r.key]),
                    key=lambda r: (-on_them[r.key], -r.seats, r.name.casefold()))[:holders]
    return chosen, people


def _more(m: Matrix, bodies: list[Line], people: list[Line], where: str) -> str:
    """What the slide leaves out, and where it is."""
    shown = sum(len(c.seats) for (r, b), c in m.cells.items()
                if b in {x.key for x in bodies} and r in {x.key for x in people})
    if shown == m.seats:
        return f"Every seat: {m.summary}."
    return (f"The {count(len(bodies), 'body')} with most seats and the "
            f"{count(len(people), 'holder')} with most seats on them: {shown:,} of the "
            f"{m.seats:,} seats. {where} holds all {count(len(m.rows), 'holder')} on "
            f"{count(len(m.columns), 'body')}.")


def matrix_slide(m: Matrix, where: str = "The review pack's matrix (matrix.html)",
                 bodies: int = SLIDE_BODIES, holders: int = SLIDE_HOLDERS) -> str:
    """A slide's body: a sentence of what is shown, the table, and what its marks mean."""
    rows, columns = slide_part(m, bodies, holders)
    heads = "".join(f'<th scope="col" title="{_e(p.name)}"><span>{_e(p.name)}</span></th>'
                    for p in columns)
    lines = []
    for b in rows:
        cells = []
        for p in columns:
            cell = m.cell(p.key, b.key)
            if cell is None:
                cells.append("<td></td>")
                continue
            mark = cell.mark
            cells.append(f'<td class="gm-dm-seat" style="background:{mark.colour}" '
                         f'title="{_e(p.name)}, {_e(b.name)}: {_e("; ".join(cell.roles))}">'
                         f"{mark.letter}</td>")
        lines.append(f'<tr><th scope="row" title="{_e(b.name)}: {count(b.seats, "seat")}">'
                     f'{_e(b.name)}</th>{"".join(cells)}</tr>')
    key = "".join(f'<li><span class="gm-dm-seat" style="background:{k.colour}">{k.letter}'
                  f"</span> {_e(k.words.split(':')[0])}</li>" for k in MARKS)
    return (f'<p class="gm-message">{_e(_more(m, rows, columns, where))}</p>'
            '<div class="gm-deck-matrix"><table><caption class="gm-vh">Who sits where: '
            f"bodies by seat holders, as of {_e(m.as_of)}</caption><thead><tr>"
            f'<td></td>{heads}</tr></thead><tbody>{"".join(lines)}</tbody></table>'
            f'<ul class="gm-dm-key" aria-label="What the marks mean">{key}</ul></div>')
