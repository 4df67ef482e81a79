"""Rows of data as a plain-text table, JSON or CSV: the edge where results meet people."""
from __future__ import annotations

import csv
import io
import json
import shutil
import sys
import textwrap
from typing import Any, Iterable, Sequence

__all__ = ["table", "to_json", "to_csv", "plain", "terminal_width", "FORMATS"]

FORMATS = ("table", "json", "csv")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(map(str, value))
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    return str(value).replace("\n", " ")


def terminal_width() -> int | None:
    """The width of the terminal output goes to; None when it is piped (no limit)."""
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


def _fit(natural: list[int], floors: list[int], limit: int) -> list[int]:
    """Column widths within ``limit`` characters (two between columns): the widest
    column gives way first, none below its floor."""
    widths = list(natural)
    excess = sum(widths) + 2 * (len(widths) - 1) - limit
    while excess > 0:
        i = max(range(len(widths)), key=lambda k: widths[k] - floors[k])
        if widths[i] <= floors[i]:
            break   # as narrow as it goes: the terminal is narrower than the floors
        runner_up = max((w for k, w in enumerate(widths) if k != i), default=0)
        cut = min(excess, widths[i] - floors[i], max(1, widths[i] - runner_up))
        widths[i] -= cut
        excess -= cut
    return widths


def table(rows: Iterable[dict[str, Any]], columns: Sequence[str],
          width: int | None = -1) -> str:
    """An aligned text table with a header underline; empty rows give the header only.

    It fits ``width`` characters (default: the terminal's, no limit when piped): the
    widest text columns are wrapped onto more lines, numbers never are.
    """
    rows = list(rows)
    width = terminal_width() if width == -1 else width
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    natural = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    numeric = [bool(rows) and all(isinstance(r.get(c), (int, float)) for r in rows)
               for c in columns]
    floors = [n if num else min(n, max(len(c), 10))
              for n, c, num in zip(natural, columns, numeric)]
    widths = natural if width is None else _fit(natural, floors, width)

    def lines(values: list[str]) -> list[str]:
        wrapped = [textwrap.wrap(v, w, break_on_hyphens=False) or [""] if len(v) > w else [v]
                   for v, w in zip(values, widths)]
        return ["  ".join((part[k] if k < len(part) else "").rjust(w) if num else
                          (part[k] if k < len(part) else "").ljust(w)
                          for part, w, num in zip(wrapped, widths, numeric)).rstrip()
                for k in range(max(map(len, wrapped)))]
    out = lines(list(columns)) + lines(["-" * w for w in widths])
    for row in cells:
        out += lines(row)
    return "\n".join(out)


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def plain(value: Any) -> str:
    """A value as a CSV cell a spreadsheet or the next tool reads as meant: yes/no, whole
    numbers without a decimal point, lists joined with "; ", nothing for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return "; ".join(plain(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def to_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([plain(row.get(c)) for c in columns])
    return buffer.getvalue().rstrip("\n")
