"""One function per table that turns a row's cells into its record, written for the
table's columns in the order its header gives them.

A table of a million rows spends most of its reading time converting cells one by one
and passing them to the record class through a dict. The function written here
converts each cell inline and builds the record in one call, as :mod:`dataclasses`
writes a record's ``__init__``. It takes only the rows a careful read would keep
unchanged: on any cell it cannot take (a bad value, a required cell left empty, a
workbook value that is not text) it raises, and the reader reads that row the careful
way, which reports every problem of the row.
"""
from __future__ import annotations

import dataclasses
import sys
from typing import Any, Callable, Sequence

__all__ = ["Cell", "row_builder"]

Cell = tuple[int, str, str, Any]
"""One column as the builder reads it: (index in the row, column, how, converter).

How: ``ident`` (trimmed, interned), ``plain_ident`` (trimmed: an id nothing refers to),
``text`` (as written, None if blank), ``label`` (runs of spaces read as one),
``enum`` (a ``{value: value}`` dict of the exact values, then the converter),
``cached`` (a ``(cache, converter)`` pair: the converter's answers by cell) or
``call`` (the converter)."""

_UNSEEN = object()

_HOW = {
    "ident": ("if raw:\n    raw = raw.strip()\n    {v} = intern(raw) if raw else None\n"
              "else:\n    {v} = None\n"),
    "plain_ident": "if raw:\n    {v} = raw.strip() or None\nelse:\n    {v} = None\n",
    "text": "{v} = raw if raw and not raw.isspace() else None\n",
    # a label already on one line with single spaces is taken as it is: printable text
    # holds no space but " ", and no run of them, and none at either end
    "label": ("if not raw:\n    {v} = None\nelif raw.isprintable() and '  ' not in raw "
              "and raw[0] != ' ' != raw[-1]:\n    {v} = raw\n"
              "else:\n    {v} = ' '.join(raw.split()) or None\n"),
    "enum": "{v} = {g}(raw)\nif {v} is None:\n    {v} = {c}(raw)\n",
    "cached": "{v} = {g}(raw, unseen)\nif {v} is unseen:\n    {v} = {c}(raw)\n",
    "call": "{v} = {c}(raw)\n",
}


def row_builder(cls: type, cells: Sequence[Cell], required: Sequence[str],
                missing: type[Exception]) -> Callable[[Sequence[Any]], Any]:
    """A function from a row's cells to a record of ``cls``; it raises ``missing`` when a
    ``required`` column is empty, and whatever a converter raises."""
    fields = dataclasses.fields(cls)
    defaults = {f.name: f.default for f in fields}
    namespace: dict[str, Any] = {"cls": cls, "missing": missing, "unseen": _UNSEEN,
                                 "intern": sys.intern}
    body, values = [], dict.fromkeys(defaults, "")
    for n, (index, name, how, convert) in enumerate(cells):
        v, c = f"v{n}", f"c{n}"
        if how in ("enum", "cached"):   # a dict's get, then the converter
            namespace[f"g{n}"], namespace[c] = convert[0].get, convert[1]
        else:
            namespace[c] = convert
        body.append(f"raw = cells[{index}]\n" + _HOW[how].format(v=v, c=c, g=f"g{n}"))
        if name in required:
            body.append(f"if {v} is None or {v} == ():\n    raise missing({name!r})\n")
        default = defaults[name]
        if default is None or default is dataclasses.MISSING or default == ():
            values[name] = v   # an empty cell is the default itself
        else:   # an empty cell takes the column's default ("member")
            namespace[f"d{n}"] = default
            values[name] = f"{v} if {v} is not None else d{n}"
    lines = "".join(body).replace("\n", "\n    ")
    source = f"def build(cells):\n    {lines}\n" + _construct(cls, fields, values, namespace)
    exec(compile(source, f"<{cls.__name__} row>", "exec"), namespace)  # noqa: S102
    build: Callable[[Sequence[Any]], Any] = namespace["build"]
    return build


def _construct(cls: type, fields: tuple[dataclasses.Field[Any], ...], values: dict[str, str],
               namespace: dict[str, Any]) -> str:
    """The lines that build the record from ``values`` (an expression per column given).

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``,
    the slowest part of building a record: a record of slots with no ``__post_init__``
    and a default for every column is built by setting its slots directly, as
    ``__init__`` would. Any other calls the class."""
    slots = cls.__dict__.get("__slots__", ())
    direct = not hasattr(cls, "__post_init__") and all(
        f.default is not dataclasses.MISSING and f.name in slots for f in fields)
    if not direct:
        given = ", ".join(f"{name}={value}" for name, value in values.items() if value)
        return f"    return cls({given})\n"
    namespace["new"] = object.__new__
    lines = ["    record = new(cls)\n"]
    for n, f in enumerate(fields):
        namespace[f"s{n}"] = getattr(cls, f.name).__set__
        if not values[f.name]:   # a column the table does not have: its default
            namespace[f"e{n}"] = f.default
        lines.append(f"    s{n}(record, {values[f.name] or f'e{n}'})\n")
    return "".join(lines) + "    return record\n"
