"""Who sits where as one self-contained HTML page: sortable, searchable and printable.

A plain table (so a screen reader reads each cell with its row's and column's names),
every name escaped here, and graphmodel's own script and style sheet inline
(``matrix.js``, ``matrix.css``): nothing is fetched. The script reorders rows and
columns, hides those a search does not match, and lays the table out for print in
parts of :data:`PRINT_COLUMNS` bodies, each part's header row repeated on every page.
"""
from __future__ import annotations

from html import escape
from itertools import groupby
from pathlib import Path

from graphmodel.maps import assets
from graphmodel.maps.matrix import HOLDER_NOT_NAMED, MARKS, ORDERS, Cell, Line, Matrix
from graphmodel.maps.matrix_image import write_matrix_image
from graphmodel.maps.page import write_html

__all__ = ["matrix_page", "write_matrix", "PRINT_COLUMNS"]

PRINT_COLUMNS = 21
"""Bodies printed side by side on one A4 landscape page, each column wide enough for its
name in three lines of 12 px type, up a header short enough (under a quarter of the page)
for Chromium to repeat it on every page: a wider matrix prints in parts, one after another."""

_ORDER_WORDS = {"category": "category and organisation", "name": "name",
                "seats": "number of seats"}
_NO_ORG = "Organisation not recorded"


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _data(line: Line) -> str:
    return (f'data-key="{_e(line.key)}" data-name="{_e(line.name)}" '
            f'data-group="{_e(line.group)}" data-seats="{line.seats}"')


def _column_heads(columns: list[Line]) -> str:
    groups = "".join(f'<th scope="colgroup" class="gm-mx-group" colspan="{len(list(run))}" '
                     f'title="{_e(group)}">'
                     f"<span>{_e(group)}</span></th>"
                     for group, run in groupby(columns, key=lambda c: c.group))
    names = "".join(f'<th scope="col" class="gm-mx-body" {_data(c)} title="{_e(c.name)}: '
                    f'{c.seats} seat{"s" if c.seats != 1 else ""}">'
                    f"<span>{_e(c.name)}</span></th>" for c in columns)
    return (f'<thead>\n<tr class="gm-mx-groups"><td class="gm-mx-corner"></td>{groups}</tr>\n'
            f'<tr class="gm-mx-bodies"><th scope="col" class="gm-mx-corner">'
            f"Seat holder</th>{names}</tr>\n</thead>")


def _cell(row: Line, column: Line, cell: Cell | None) -> str:
    if cell is None:
        return "<td></td>"
    mark = cell.mark
    said = f"{row.name}, {column.name}: {'; '.join(cell.roles)}"
    dates = [f"from {m.start}" for m in cell.seats if m.start]
    if dates:
        said += f" ({', '.join(dates)})"
    said += (f"; attendance: {'; '.join(cell.attendance)}" if cell.attendance
             else "; attendance: not recorded")
    extra = f"<small>{len(cell.seats)}</small>" if len(cell.seats) > 1 else ""
    shown = f"<small>{_e(cell.attendance[0])}</small>" if cell.attendance else ""
    return (f'<td class="gm-mx-seat gm-mx-{mark.key}" title="{_e(said)}">'
            f"{mark.letter}{extra}{shown}</td>")


def _rows(m: Matrix, rows: list[Line], columns: list[Line]) -> str:
    out = ["<tbody>"]
    for group, run in groupby(rows, key=lambda r: r.group):
        out.append(f'<tr class="gm-mx-orgrow" data-group="{_e(group)}"><th scope="rowgroup" '
                   f'colspan="{len(columns) + 1}">{_e(group or _NO_ORG)}</th></tr>')
        for r in run:
            note = f' title="{_e(r.note)}"' if r.note else ""
            cells = "".join(_cell(r, c, m.cell(r.key, c.key)) for c in columns)
            org = f'<span class="gm-mx-org">{_e(r.group)}</span>' if r.group else ""
            unnamed = " gm-mx-unnamed" if r.key.startswith(HOLDER_NOT_NAMED) else ""
            out.append(f'<tr class="gm-mx-person{unnamed}" {_data(r)}><th scope="row"{note}>'
                       f"{_e(r.name)}{org}</th>{cells}</tr>")
    out.append("</tbody>")
    return "\n".join(out)


def _legend(m: Matrix) -> str:
    marks = "".join(f'<li><span class="gm-mx-seat gm-mx-{k.key}">{k.letter}</span> '
                    f"{_e(k.words)}</li>" for k in MARKS)
    recorded = any(c.attendance for c in m.cells.values())
    attendance = ("a seat's attendance is shown under its mark" if recorded else
                  "attendance: not recorded in this dataset")
    return (f'<ul class="gm-mx-legend" aria-label="What the marks mean">{marks}'
            f"<li>a number beside a mark: seats held on that body; {attendance}; point at "
            "a cell for the seat's role and dates</li></ul>")


def _controls() -> str:
    options = "".join(f'<option value="{o}">{_ORDER_WORDS[o]}</option>' for o in ORDERS)
    return ('<div class="gm-mx-controls">'
            '<label for="gm-mx-find">Find a name</label> '
            '<input id="gm-mx-find" type="search" autocomplete="off" '
            'placeholder="person, body, organisation or category"> '
            f'<label for="gm-mx-order">Order by</label> <select id="gm-mx-order">{options}'
            '</select> <span id="gm-mx-shown" role="status" aria-live="polite"></span></div>')


def matrix_section(m: Matrix) -> str:
    """The matrix's heading, controls, legend and table (also for a deck or a pack)."""
    rows, columns = m.ordered("category")
    seatless = ""
    if m.seatless:
        seatless = (f'<p class="gm-mx-seatless">Bodies with no seat recorded on {m.as_of}, '
                    f"not columns here: {_e('; '.join(m.seatless))}.</p>")
    return (f'<section class="gm-matrix" id="gm-matrix" data-print-columns="{PRINT_COLUMNS}">\n'
            f"<h1>{_e(m.title)}</h1>\n<p class=\"gm-mx-summary\">{_e(m.summary)}. "
            "Rows are seat holders grouped by organisation, columns bodies grouped by "
            "category.</p>\n"
            f"{_controls()}\n{_legend(m)}\n"
            f'<div class="gm-mx-scroll" tabindex="0" aria-label="The matrix (scrolls)">'
            f'<table class="gm-mx-table gm-mx-grouped" id="gm-mx-table">\n'
            f"<caption>{_e(m.title)}, as of {_e(m.as_of)}</caption>\n"
            f"{_column_heads(columns)}\n{_rows(m, rows, columns)}\n</table></div>\n"
            f'<div class="gm-mx-print" id="gm-mx-print"></div>\n{seatless}\n</section>')


def matrix_page(m: Matrix) -> str:
    """A page holding the matrix: what ``graphmodel matrix`` writes. Its policy allows its
    one script, by hash, and no connection to any host."""
    script = assets.runtime_script("matrix.js")
    policy = ("default-src 'none'; style-src 'unsafe-inline'; "
              f"script-src {assets.script_hash(script)}; base-uri 'none'; form-action 'none'")
    return ("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="generator" content="graphmodel">\n'
            f"<title>{_e(m.title)}</title>\n<style>{assets.style_sheet('matrix.css')}</style>\n"
            f'</head>\n<body>\n<main id="main">\n{matrix_section(m)}\n</main>\n'
            f"<script>{script}</script>\n</body>\n</html>\n")


def write_matrix(m: Matrix, path: str | Path) -> Path:
    """Write the matrix as one self-contained HTML page (or, for a path ending in .svg or
    .png, as an image for papers)."""
    if Path(path).suffix.lower() in (".svg", ".png"):
        return write_matrix_image(m, path)
    return write_html(matrix_page(m), path)
