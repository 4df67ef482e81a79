"""A dataset as one ``.xlsx`` workbook: one sheet per table, named as the CSV files are.

Registers live in spreadsheets, so a workbook holds exactly what a dataset
directory holds. Text is always written as text (a name starting with ``=`` is
never turned into a formula), dates keep the precision they were given.

Reading, sheet names match in any case; other sheets are reported as not read. A
formula is read by the value the workbook saved with it; a formula with no saved
value (a file written by a program that does not calculate) is a problem naming
its cell, never an empty cell.
"""
from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path
from typing import Any, Iterable, Iterator

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from graphmodel.io.tables import (Collected, TableReader, UnreadableCell, all_types,
                                  claim_tables, format_cell, iter_tables)
from graphmodel.io.workbook_help import (INSTRUCTIONS, add_drop_downs, prepare_sheet,
                                         write_instructions)
from graphmodel.model import Network, Record, RecordType
from graphmodel.problems import GraphmodelError, NotRead, Problem

__all__ = ["read_workbook", "write_workbook", "write_tables"]


def read_workbook(path: str | os.PathLike[str]) -> Collected:
    """Read every sheet of a workbook, collecting problems as it goes."""
    out = Collected()
    where = str(path)
    out.files["_source"] = where
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises almost anything on a bad file
        # (BadZipFile, KeyError, XML ParseError, zlib.error, AttributeError on a chartsheet...)
        out.problems.append(Problem(where, None, None, f"cannot be opened as an .xlsx workbook "
                                    f"({type(exc).__name__}: {exc}); save it from Excel as .xlsx"))
        out.unreadable = True
        return out
    try:
        # the Instructions sheet of a template or export is notes for people, not data
        sheets = [s for s in book.sheetnames if s.strip().lower() != INSTRUCTIONS.lower()]
        claimed = claim_tables(sheets, lambda sheet: f"{where}[{sheet}]", out)
        formulas = _formula_cells(path, _sheets_with_formulas(path, book, claimed.values()))
        for rt in all_types():
            if rt.name in claimed:
                sheet = claimed[rt.name]
                _read_sheet(rt, book[sheet], f"{where}[{sheet}]", out, formulas.get(sheet, {}))
    except Exception as exc:  # noqa: BLE001 - sheets are parsed lazily, as they are read
        out.problems.append(Problem(where, None, None, f"workbook is damaged ({type(exc).__name__}: "
                                    f"{exc}); save it again from Excel as .xlsx"))
    finally:
        book.close()
    return out


_FORMULA = re.compile(rb"<(?:\w+:)?f[\s/>]")  # a cell's <f> element, in any XML namespace prefix


def _sheets_with_formulas(path: str | os.PathLike[str], book: Workbook, sheets: Iterable[str]
                          ) -> list[str]:
    """The sheets holding a formula, by a quick scan of their XML, so that a sheet without
    one (every sheet graphmodel writes) is read once only."""
    with zipfile.ZipFile(path) as archive:
        # openpyxl's name of a sheet's part; were it ever missing, the sheet is read twice
        parts = {sheet: getattr(book[sheet], "_worksheet_path", None) for sheet in sheets}
        return [sheet for sheet, part in parts.items()
                if part is None or _holds_formula(archive, part)]


def _holds_formula(archive: zipfile.ZipFile, part: str) -> bool:
    with archive.open(part.lstrip("/")) as xml:
        tail = b""
        while chunk := xml.read(1 << 20):
            if _FORMULA.search(tail + chunk):
                return True
            tail = chunk[-16:]
    return False


def _formula_cells(path: str | os.PathLike[str], sheets: list[str]
                   ) -> dict[str, dict[tuple[int, int], str]]:
    """The formula of every formula cell, by sheet and (row, column from 0)."""
    if not sheets:
        return {}
    book = load_workbook(path, read_only=True, data_only=False)
    try:
        return {sheet: {(cell.row, cell.column - 1): str(cell.value)
                        for row in book[sheet].iter_rows() for cell in row
                        if getattr(cell, "data_type", None) == "f"
                        and cell.row is not None and cell.column is not None}
                for sheet in sheets}
    finally:
        book.close()


def _read_sheet(rt: RecordType, sheet: ReadOnlyWorksheet, where: str, out: Collected,
                formulas: dict[tuple[int, int], str]) -> None:
    # the stubs give a read-only sheet Worksheet's iter_rows, whose self type refuses it
    rows = sheet.iter_rows(values_only=True)  # type: ignore[misc]
    first = next(rows, None)
    if not first or all(h is None for h in first):
        out.problems.append(Problem(where, None, None, "sheet is empty; it needs a header row "
                                    "naming the columns"))
        return
    header = list(first)
    while header and header[-1] is None:
        header.pop()
    width = len(header)
    reader = TableReader(rt, where, header, out)

    def numbered() -> Iterator[tuple[int, list[Any]]]:
        noted = False
        for number, row in enumerate(rows, start=2):
            cells: list[Any] = list(row)
            if not noted and any(c not in (None, "") for c in cells[width:]):
                noted = True
                out.problems.append(NotRead(where, number, None, "holds values beyond the last "
                                            "named column, so they were not read; name the "
                                            "column or move the values"))
            cells = (cells + [None] * width)[:width]
            if formulas:
                _mark_unsaved(cells, number, formulas)
            yield number, cells
    reader.read(numbered())


def _mark_unsaved(cells: list[Any], number: int, formulas: dict[tuple[int, int], str]) -> None:
    """Put an UnreadableCell where a formula has no saved value, so the row reports it."""
    for i, value in enumerate(cells):
        formula = formulas.get((number, i)) if value is None else None
        if formula is not None:
            cells[i] = UnreadableCell(
                f"cell {get_column_letter(i + 1)}{number} holds the formula {formula} but no "
                "saved value; open the workbook in Excel or LibreOffice and save it, or type "
                "the value")


_NOT_XML = re.compile("[\ufffe\uffff]")  # not XML characters: the file would not open


def _fits_a_number_cell(value: int | float) -> bool:
    """openpyxl writes numbers with 16 significant digits; others are written as text."""
    try:
        return float("%.16g" % value) == value
    except OverflowError:  # an int too large for a float
        return False


class WorkbookError(GraphmodelError):
    """A value that an .xlsx file cannot hold."""


def write_workbook(network: Network, path: str | os.PathLike[str]) -> Path:
    """Write every table of a network to one workbook, a sheet per table, with the
    help of a register template (see :mod:`graphmodel.io.workbook_help`)."""
    return write_tables(iter_tables(network), path)


def write_tables(tables: Iterable[tuple[RecordType, Iterable[Record]]],
                 path: str | os.PathLike[str]) -> Path:
    """Write ``(record type, records)`` pairs as sheets, after an Instructions sheet."""
    book = Workbook(write_only=True)
    write_instructions(book)
    bold = Font(bold=True)
    for rt, records in tables:
        sheet: WriteOnlyWorksheet = book.create_sheet(rt.name)
        prepare_sheet(sheet, rt)
        header = []
        for name in rt.columns:
            cell = WriteOnlyCell(sheet, value=name)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for record in records:
            row: list[Any] = []
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
