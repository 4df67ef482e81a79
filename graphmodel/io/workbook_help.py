"""A register workbook's help: what makes a blank sheet easy to fill in by hand.

Every table sheet gets a bold, frozen header row, column widths to suit what a
column holds, and drop-down lists: the allowed values of every column that has
them (kinds, roles, levels, recommendations, yes/no) and the ids of the sheet a
column refers to (a membership's body from the bodies sheet). An
``Instructions`` sheet, generated from the schema's documentation, says what
every column means; readers pass over it, as notes rather than data.

``graphmodel template`` writes such a workbook with no records
(:mod:`graphmodel.io.template`); ``graphmodel export --to xlsx`` writes the same
help around the records (:mod:`graphmodel.io.workbook`).
"""
from __future__ import annotations

import dataclasses
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation

from graphmodel.column_help import describe_columns, describe_table
from graphmodel.io.tables import all_types
from graphmodel.model import RecordType

__all__ = ["INSTRUCTIONS", "prepare_sheet", "add_drop_downs", "write_instructions"]

INSTRUCTIONS = "Instructions"
_LAST_ROW = 1_048_576          # the last row of an .xlsx sheet
_WIDTHS = {"date": 12, "bool": 8, "int": 10, "number": 12, "list": 28, "composition": 28}
_WIDE = {"name": 36, "title": 40, "notes": 60, "description": 48, "reference": 36,
         "source_section": 16}

GUIDANCE = (
    "Each sheet is one table; its first row names the columns. Write one record per row.",
    "Ids are short names of your choosing (ssc-board, ann-smith); other sheets refer to "
    "records by them, and the drop-down lists offer the ids already written.",
    "Dates: 2013-06-04, or 2013-06 or 2013 where only a month or a year is known.",
    "Lists (areas, themes): ids separated by ;",
    "Leave a cell empty when something is not known.",
    "Cite your sources: every record's source_document is an id on the documents sheet, "
    "and source_section the paragraph, table or page.",
    "Check the workbook with: graphmodel validate register.xlsx",
    "This sheet is read as notes, never as data.",
)


def _width(f: dataclasses.Field[Any]) -> int:
    meta = f.metadata
    if meta["enum"]:
        width = max(len(v) for v in meta["enum"]) + 3
    elif meta["ref"] and meta["kind"] != "list" or f.name == "id":
        width = 22
    else:
        width = _WIDE.get(f.name, _WIDTHS.get(meta["kind"], 20))
    return max(width, len(f.name) + 3)


def prepare_sheet(sheet: WriteOnlyWorksheet, rt: RecordType) -> None:
    """Freeze the header row and size the columns (before any row is written)."""
    sheet.freeze_panes = "A2"
    # openpyxl gives a write-only sheet a worksheet's column_dimensions; its stubs omit them
    dimensions = sheet.column_dimensions  # type: ignore[attr-defined]
    for i, f in enumerate(rt.fields, start=1):
        dimensions[get_column_letter(i)].width = _width(f)


def _ids_of(table: str) -> str:
    # the ids written so far on that sheet: a list that grows as rows are added
    return f"OFFSET('{table}'!$A$2,0,0,MAX(1,COUNTA('{table}'!$A:$A)-1),1)"


def add_drop_downs(sheet: WriteOnlyWorksheet, rt: RecordType) -> None:
    """A drop-down list on every column with allowed values or a single reference."""
    for i, f in enumerate(rt.fields, start=1):
        meta = f.metadata
        if meta["enum"] or meta["kind"] == "bool":
            values = meta["enum"] or ("yes", "no")
            rule = DataValidation(type="list", formula1='"' + ",".join(values) + '"',
                                  allow_blank=True, showErrorMessage=True,
                                  errorTitle=f"{rt.name}: {f.name}",
                                  error="Choose one of: " + ", ".join(values))
        elif meta["ref"] and len(meta["ref"]) == 1 and meta["kind"] != "list":
            rule = DataValidation(type="list", formula1=_ids_of(meta["ref"][0]),
                                  allow_blank=True, showErrorMessage=True, errorStyle="warning",
                                  errorTitle=f"{rt.name}: {f.name}",
                                  error=f"Not an id on the {meta['ref'][0]} sheet (yet).")
        else:
            continue
        column = get_column_letter(i)
        rule.add(f"{column}2:{column}{_LAST_ROW}")
        # openpyxl gives a write-only sheet a worksheet's data_validations; its stubs omit them
        sheet.data_validations.append(rule)  # type: ignore[attr-defined]


def write_instructions(book: Workbook) -> None:
    """The Instructions sheet: how to fill the workbook in, then every table's columns."""
    sheet: WriteOnlyWorksheet = book.create_sheet(INSTRUCTIONS)
    dimensions = sheet.column_dimensions  # type: ignore[attr-defined]  # as in prepare_sheet
    for column, width in zip("ABCD", (24, 40, 12, 70)):
        dimensions[column].width = width
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")

    def row(*values: str, font: Font | None = None) -> None:
        cells = []
        for value in values:
            cell = WriteOnlyCell(sheet, value=value or None)
            cell.alignment = wrap
            if font:
                cell.font = font
            cells.append(cell)
        sheet.append(cells)

    row("How to fill in this register", font=Font(bold=True, size=14))
    for line in GUIDANCE:
        row(line)
    for rt in all_types():
        row()
        row(f"Sheet {rt.name}", describe_table(rt), font=bold)
        row("column", "holds", "required", "meaning", font=bold)
        for values in describe_columns(rt):
            row(*values)
