"""Turning rows of text into records and back, shared by CSV files and workbooks.

A table is read against its record type's columns (see :mod:`graphmodel.model`):
each cell is converted by the column's kind, and every problem is reported with
the file, row and column, so an officer can find and mend it.
"""
from __future__ import annotations

import dataclasses
import difflib
import re
import sys
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Sequence

from graphmodel import dates
from graphmodel.composition import normalise_composition
from graphmodel.io.rowcode import Cell, row_builder
from graphmodel.model import DATASET_TYPE, SCHEMA, Dataset, Network, Record, RecordType, Vocabulary
from graphmodel.names import suggest
from graphmodel.problems import NotRead, Problem
from graphmodel.words import count

__all__ = ["TableReader", "to_cells", "format_cell", "Collected", "UnreadableCell",
           "table_key"]

_TRUE = {"yes", "y", "true", "1"}
_FALSE = {"no", "n", "false", "0"}


def table_key(name: str) -> str:
    """A sheet, file or column name as it is matched: any case, spaces or hyphens for _."""
    return re.sub(r"[\s\-]+", "_", name.replace("\ufeff", "").strip().lower())


class UnreadableCell:
    """A cell whose value cannot be had (a formula with no saved value); ``message`` says why."""
    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


class CellError(ValueError):
    """A cell that cannot be read; the message says what to write instead."""


def _text(raw: str) -> str | None:
    return raw if raw != "" and not raw.isspace() else None


# one-line labels: trimmed, and runs of spaces, tabs or line breaks read as one space
LABELS = frozenset({"name", "title", "publisher", "category", "seats", "source_section"})


def _label(raw: str) -> str | None:
    return " ".join(raw.split()) or None


def _ident(raw: str) -> str | None:
    raw = raw.strip()
    return sys.intern(raw) if raw else None


def _int(raw: str) -> int | None:
    raw = raw.strip().replace(",", "")
    if not raw:
        return None
    try:
        # "12.0" is whole; int() on its digits, not float(), so large counts stay exact
        # and a very long number is a CellError rather than an OverflowError
        value = int(raw.partition(".")[0]) if re.fullmatch(r"-?\d+(\.0+)?", raw) else int(raw)
    except ValueError:
        raise CellError(f"{raw[:40]!r} is not a whole number") from None
    if value < 0:
        raise CellError(f"{value} is negative; counts cannot be")
    return value


def _number(raw: str) -> float | None:
    raw = raw.strip().lstrip("£").replace(",", "")
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise CellError(f"{raw!r} is not a number; write digits such as 530000") from None
    if value != value or value in (float("inf"), float("-inf")) or value < 0:
        raise CellError(f"{raw!r} is not a usable amount (it must be 0 or more)")
    return value


def _bool(raw: str) -> bool | None:
    low = raw.strip().lower()
    if not low:
        return None
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise CellError(f"{raw!r} is not yes or no")


_DAYS: dict[str, str | None] = {}   # each distinct date cell read once (a big table has
_DAYS_HELD = 1 << 16                # a few thousand days over a million rows)


def _date(raw: str) -> str | None:
    day = _DAYS.get(raw, _DAYS)
    if day is not _DAYS:
        return day  # type: ignore[return-value]
    try:
        day = dates.read_date(raw)
    except dates.DateError as exc:
        raise CellError(str(exc)) from None
    if day is not None:
        day = sys.intern(day)
    if len(_DAYS) < _DAYS_HELD:
        _DAYS[raw] = day
    return day


def _composition(raw: str) -> str | None:
    try:
        return normalise_composition(raw)
    except ValueError as exc:
        raise CellError(str(exc)) from None


def _list(raw: str) -> tuple[str, ...]:
    return tuple(sys.intern(p.strip()) for p in raw.split(";") if p.strip())


class _Enum:
    """A cell's value among ``choices``: one of them or an alias of one, written as the
    value it means."""
    __slots__ = ("choices", "exact")

    def __init__(self, choices: Vocabulary) -> None:
        self.choices = choices
        self.exact = {c: sys.intern(c) for c in choices}

    def __call__(self, raw: str) -> str | None:
        hit = self.exact.get(raw)
        if hit is not None:
            return hit
        if not raw.strip():
            return None
        value = self.choices.canonical(raw)
        if value is None:
            raise CellError(self.choices.refusal(raw))
        return self.exact[value]


def _enum(choices: Vocabulary) -> Callable[[str], str | None]:
    return _Enum(choices)


_CONVERTERS: dict[str, Callable[[str], Any]] = {
    "int": _int, "number": _number, "bool": _bool, "date": _date,
    "composition": _composition, "list": _list,
}


def converter(f: dataclasses.Field[Any]) -> Callable[[str], Any]:
    meta = f.metadata
    if meta["enum"]:
        return _enum(meta["enum"])
    if meta["kind"] == "text":
        if meta["ref"] or f.name == "id":
            return _ident
        return _label if f.name in LABELS else _text
    return _CONVERTERS[meta["kind"]]


@dataclass
class Collected:
    """Records read from every table of a source, and the problems met."""
    dataset: Dataset | None = None
    # the records of each table by id, as a Network holds them (see Network.tables)
    tables: dict[str, dict[str, Any]] = field(
        default_factory=lambda: {rt.name: {} for rt in SCHEMA.record_types})
    # the row each record was read from: each table's in the order of its records (a
    # list of numbers takes a fraction of the memory of a dict by id, at a million rows)
    rows: dict[str, list[int | str]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # ids of rows that were rejected, and tables that could not be read at all: a
    # reference to them is not reported again as unknown
    rejected: set[tuple[str, str]] = field(default_factory=set)
    unread: set[str] = field(default_factory=set)
    # the source as a whole could not be read (a damaged workbook, broken JSON): no table
    # in it is reported missing
    unreadable: bool = False
    # the readable cells of rows that were not kept (table, row, values), so that their
    # references are checked in the same pass as their bad cells
    partial: list[tuple[str, int | str, dict[str, Any]]] = field(default_factory=list)


class TableReader:
    """Reads the rows of one table (a CSV file or a sheet) into ``Collected``.

    Headers match the columns in any case and with spaces for underscores; a column
    graphmodel does not know is reported as not read, and the rest are read.
    """

    def __init__(self, rt: RecordType, where: str, header: Sequence[Any],
                 out: Collected) -> None:
        self.rt, self.where, self.out = rt, where, out
        out.files[rt.name] = where
        self.header = [_header_name(h, rt.columns) for h in header]
        self.ok, self.complete = self._check_header()
        if not self.complete:
            out.unread.add(rt.name)
        columns = {f.name: f for f in rt.fields}
        self.plan = [(i, name, converter(columns[name]),
                      columns[name].metadata["required"] and columns[name].default is None)
                     for i, name in enumerate(self.header) if name in columns]
        self.nameless = [i for i, name in enumerate(self.header) if name == ""]
        self.numbers = out.rows.setdefault(rt.name, [])

    def problem(self, row: int | str | None, fld: str | None, message: str,
                level: str = "error") -> None:
        self.out.problems.append(Problem(self.where, row, fld, message, level))

    def _check_header(self) -> tuple[bool, bool]:
        """(readable, complete): no column twice; every required column present."""
        known = self.rt.columns
        readable = complete = True
        seen: set[str] = set()
        for name in self.header:
            if name in seen and name in known:
                self.problem(1, name, "column appears twice in the header; keep one")
                readable = complete = False
            seen.add(name)
            if name and name not in known:
                self.out.problems.append(NotRead(
                    self.where, 1, name, f"not a column of {self.rt.name}, so it was not read"
                    + suggest(table_key(name), known) + f"; the columns are {', '.join(known)}"))
        for f in self.rt.fields:
            if f.metadata["required"] and f.name not in seen and f.default is None:
                self.problem(1, f.name, "required column is missing from the header")
                complete = False
        return readable, complete

    def read(self, rows: Iterable[tuple[int | str, Sequence[Any]]]) -> None:
        """Convert ``(row number, cells)`` pairs; blank rows are passed over."""
        if not self.ok:
            return
        if self.nameless:
            rows = self._watched(rows)
        # with a required column missing, each row is still checked for its other
        # problems, but none is kept
        checking_only = not self.complete
        width = len(self.header)
        cls, table, numbers = self.rt.cls, self.out.tables.get(self.rt.name), self.numbers
        add_number = numbers.append
        where: dict[str, int] | None = None   # each id's place, made at the first duplicate
        # fast path: the whole row converted and its record built in one call; any row
        # it cannot take (a bad cell, a workbook value) goes the careful way
        build, blank = self._builder(), (None, "")
        for number, cells in rows:
            if (not cells or cells[0] in blank) and all(c in blank for c in cells):
                continue  # a blank row, whatever its width (",,,," or an empty sheet row)
            if len(cells) != width:
                self.problem(number, None, f"row has {count(len(cells), 'value')} but the header "
                             f"has {width}: the file may be truncated, or a value holds an "
                             "unquoted comma")
                continue
            if checking_only:
                self._careful(number, cells, keep=False)
                continue
            try:
                record = build(cells)
            except (CellError, AttributeError, TypeError):
                values = self._careful(number, cells)
                if values is None:
                    continue
                record = cls(**values)
            if table is None:
                self._dataset(number, record)
                continue
            key = record.id
            if key in table:
                if where is None:
                    where = {k: i for i, k in enumerate(table)}
                self.problem(number, "id", f"duplicate id {key!r}; first used on row "
                             f"{numbers[where[key]]}")
                self.out.partial.append((self.rt.name, number, self._careful(number, cells) or {}))
                continue
            table[key] = record
            if where is not None:
                where[key] = len(numbers)
            add_number(number)

    def _builder(self) -> Callable[[Sequence[Any]], Any]:
        """The function that reads a row whose every cell is good (see rowcode)."""
        referred = {t for rt in all_types() for f in rt.fields for t in f.metadata["ref"] or ()}
        cells: list[Cell] = []
        for i, name, convert, _ in self.plan:
            if convert is _ident:
                how = "ident" if name != "id" or self.rt.name in referred else "plain_ident"
                cells.append((i, name, how, None))
            elif convert is _text or convert is _label:
                cells.append((i, name, "text" if convert is _text else "label", None))
            elif isinstance(convert, _Enum):
                cells.append((i, name, "enum", (convert.exact, convert)))
            elif convert is _date:
                cells.append((i, name, "cached", (_DAYS, _date)))
            else:
                cells.append((i, name, "call", convert))
        required = [name for _, name, _, req in self.plan if req]
        return row_builder(self.rt.cls, cells, required, CellError)

    def _watched(self, rows: Iterable[tuple[int | str, Sequence[Any]]]
                 ) -> Iterator[tuple[int | str, Sequence[Any]]]:
        """Rows as they come, noting the first values under a column with no name."""
        noted = False
        for number, cells in rows:
            if not noted and len(cells) == len(self.header) \
                    and any(cells[i] not in (None, "") for i in self.nameless):
                self.out.problems.append(NotRead(
                    self.where, number, None, "holds values in a column with no name in the "
                    "header, so they were not read; name the column or move the values"))
                noted = True
            yield number, cells

    def _careful(self, number: int | str, cells: Sequence[Any],
                 keep: bool = True) -> dict[str, Any] | None:
        """A row's values, reporting every bad cell; None if any was bad (or not ``keep``)."""
        values, bad = {}, False
        for i, name, convert, required in self.plan:
            raw = cells[i]
            try:
                value = convert(raw if type(raw) is str else to_text(raw))
            except CellError as exc:
                self.problem(number, name, str(exc))
                bad = True
                continue
            if value is None and required:
                self.problem(number, name, "is required but empty")
                bad = True
            elif value is not None and value != ():
                values[name] = value
        if bad or not keep:
            if values.get("id"):
                self.out.rejected.add((self.rt.name, values["id"]))
            self.out.partial.append((self.rt.name, number, values))
            return None
        return values

    def _dataset(self, number: int | str, record: Dataset) -> None:
        if self.out.dataset is not None:
            self.problem(number, None, "the dataset table must have exactly one row")
            return
        self.out.dataset = record
        self.out.rows["dataset"] = [number]


def _header_name(cell: Any, columns: Sequence[str]) -> str:
    """A header cell as the column it names ('On behalf of ' is on_behalf_of), else as
    written (spaces collapsed), or '' if blank."""
    text = "" if cell is None else str(cell)
    key = table_key(text)
    return key if key in columns else " ".join(text.split())


def to_text(value: Any) -> str:
    """A workbook cell (number, date, bool, None) as the text a CSV would hold."""
    if value is None:
        return ""
    if isinstance(value, UnreadableCell):
        raise CellError(value.message)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "date") and callable(value.date):
        return value.date().isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def format_cell(value: Any) -> str:
    """A record's value as the text of a cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        return "; ".join(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def to_cells(record: Record, columns: Sequence[str]) -> list[str]:
    return [format_cell(getattr(record, c)) for c in columns]


def all_types() -> tuple[RecordType, ...]:
    """The dataset's table, then every table of the schema in force."""
    return (DATASET_TYPE, *SCHEMA.record_types)


_CLOSE = 0.75  # 'Membership' or 'organisation' is close to a table; 'Notes' or 'Sheet1' is not


def claim_tables(names: Iterable[str], where: Callable[[str], str], out: Collected,
                 kind: str = "sheet", suffix: str = "") -> dict[str, str]:
    """Which sheet (or file) holds each table, as ``{table: name}``; names match in any
    case and with spaces. One close to a table's name is an error (it may be that table,
    misspelt); any other is reported as not read."""
    tables = [rt.name for rt in all_types()]
    claimed: dict[str, str] = {}
    for name in names:
        key = table_key(name[:len(name) - len(suffix)])
        if key in claimed:
            out.problems.append(Problem(where(name), None, None, f"holds the {key} table, as "
                                        f"does {kind} {claimed[key]!r}; keep one of them"))
        elif key in tables:
            claimed[key] = name
        elif close := difflib.get_close_matches(key, tables, n=1, cutoff=_CLOSE):
            out.problems.append(Problem(where(name), None, None, (
                f"not a table graphmodel knows (did you mean {close[0] + suffix!r}?): rename "
                f"the {kind} to {close[0] + suffix!r} to have it read, or to a name unlike "
                "any table's to leave it out")))
        else:
            out.problems.append(NotRead(where(name), None, None, (
                "not a table graphmodel knows, so it was not read; the tables are "
                + ", ".join(t + suffix for t in tables))))
    return claimed


def iter_tables(network: Network) -> Iterator[tuple[RecordType, list[Record]]]:
    """Each table of a network, the dataset first, with its records."""
    yield DATASET_TYPE, [network.dataset]
    for rt in SCHEMA.record_types:
        yield rt, list(network.tables[rt.name].values())
