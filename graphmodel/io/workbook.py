"""A dataset as one ``.xlsx`` workbook: one sheet per table, named as the CSV files are.

Registers live in spreadsheets, so a workbook holds exactly what a dataset
directory holds. Text is always written as text (a name starting with ``=`` is
never turned into a formula), dates keep the precision they were given.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from graphmodel.io.tables import Collected, TableReader, all_types, format_cell, iter_tables, suggest
from graphmodel.io.template import INSTRUCTIONS
from graphmodel.model import Network
from graphmodel.problems import GraphmodelError, Problem

__all__ = ["read_workbook", "write_workbook", "write_tables"]


def read_workbook(path: str | os.PathLike) -> Collected:
    """Read every sheet of a workbook, collecting problems as it goes."""
    from openpyxl import load_workbook

    out = Collected()
    where = str(path)
    out.files["_source"] = where
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises almost anything on a bad file
        # (BadZipFile, KeyError, XML ParseError, zlib.error, AttributeError on a chartsheet...)
        out.problems.append(Problem(where, None, None, f"cannot be opened as an .xlsx workbook "
                                    f"({type(exc).__name__}: {exc}); save it from Excel as .xlsx"))
        return out
    try:
        types = {rt.name: rt for rt in all_types()}
        for sheet in book.sheetnames:
            if sheet not in types and sheet != INSTRUCTIONS:  # notes for people, not data
                out.problems.append(Problem(f"{where}[{sheet}]", None, None, "not a table "
                                            "graphmodel knows, so it was not read"
                                            + suggest(sheet, types), "warning"))
        for name, rt in types.items():
            if name in book.sheetnames:
                _read_sheet(rt, book[name], f"{where}[{name}]", out)
    except Exception as exc:  # noqa: BLE001 - sheets are parsed lazily, as they are read
        out.problems.append(Problem(where, None, None, f"workbook is damaged ({type(exc).__name__}: "
                                    f"{exc}); save it again from Excel as .xlsx"))
    finally:
        book.close()
    return out


def _read_sheet(rt, sheet, where: str, out: Collected) -> None:
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    if not header or all(h is None for h in header):
        out.problems.append(Problem(where, None, None, "sheet is empty; it needs a header row "
                                    "naming the columns"))
        return
    header = list(header)
    while header and header[-1] is None:
        header.pop()
    width = len(header)
    reader = TableReader(rt, where, header, out)

    def numbered():
        for number, cells in enumerate(rows, start=2):
            cells = list(cells)
            extra = [c for c in cells[width:] if c not in (None, "")]
            if extra:
                reader.problem(number, None, f"has values beyond the last column ({extra[0]!r})")
                continue
            yield number, (cells + [None] * width)[:width]
    reader.read(numbered())


_NOT_XML = re.compile("[\ufffe\uffff]")  # not XML characters: the file would not open


def _fits_a_number_cell(value: int | float) -> bool:
    """openpyxl writes numbers with 16 significant digits; others are written as text."""
    try:
        return float("%.16g" % value) == value
    except OverflowError:  # an int too large for a float
        return False


class WorkbookError(GraphmodelError):
    """A value that an .xlsx file cannot hold."""


def write_workbook(network: Network, path: str | os.PathLike) -> Path:
    """Write every table of a network to one workbook, a sheet per table, with the
    help of a register template (see :mod:`graphmodel.io.template`)."""
    return write_tables(iter_tables(network), path)


def write_tables(tables, path: str | os.PathLike) -> Path:
    """Write ``(record type, records)`` pairs as sheets, after an Instructions sheet."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    from graphmodel.io.template import add_drop_downs, prepare_sheet, write_instructions

    book = Workbook(write_only=True)
    write_instructions(book)
    bold = Font(bold=True)
    for rt, records in tables:
        sheet = book.create_sheet(rt.name)
        prepare_sheet(sheet, rt)
        header = []
        for name in rt.columns:
            cell = WriteOnlyCell(sheet, value=name)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for record in records:
            row = []
            for name in rt.columns:
                value = getattr(record, name)
                if isinstance(value, (int, float)) and not isinstance(value, bool) \
                        and _fits_a_number_cell(value):
                    row.append(value)
                    continue
                text = format_cell(value)
                if ILLEGAL_CHARACTERS_RE.search(text) or _NOT_XML.search(text):
                    raise WorkbookError(f"{rt.name} {record.id!r}: {name}: holds a control "
                                        "character that .xlsx cannot store; remove it or "
                                        "export to csv")
                cell = WriteOnlyCell(sheet, value=text or None)
                if text:
                    cell.data_type = "s"
                row.append(cell)
            sheet.append(row)
        add_drop_downs(sheet, rt)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    book.save(target)
    return target
