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
    "enum": "{v} = {c}[0].get(raw)\nif {v} is None:\n    {v} = {c}[1](raw)\n",
    "cached": "{v} = {c}[0].get(raw, unseen)\nif {v} is unseen:\n    {v} = {c}[1](raw)\n",
    "call": "{v} = {c}(raw)\n",
}


def row_builder(cls: type, cells: Sequence[Cell], required: Sequence[str],
                missing: type[Exception]) -> Callable[[Sequence[Any]], Any]:
    """A function from a row's cells to a record of ``cls``; it raises ``missing`` when a
    ``required`` column is empty, and whatever a converter raises."""
    defaults = {f.name: f.default for f in dataclasses.fields(cls)}
    namespace: dict[str, Any] = {"cls": cls, "missing": missing, "unseen": _UNSEEN,
                                 "intern": __import__("sys").intern}
    body, arguments = [], []
    for n, (index, name, how, convert) in enumerate(cells):
        v, c = f"v{n}", f"c{n}"
        namespace[c] = convert
        body.append(f"raw = cells[{index}]\n" + _HOW[how].format(v=v, c=c))
        if name in required:
            body.append(f"if {v} is None or {v} == ():\n    raise missing({name!r})\n")
        default = defaults[name]
        if default is None or default is dataclasses.MISSING or default == ():
            arguments.append(f"{name}={v}")   # an empty cell is the default itself
        else:   # an empty cell takes the column's default ("member")
            namespace[f"d{n}"] = default
            arguments.append(f"{name}={v} if {v} is not None else d{n}")
    lines = "".join(body).replace("\n", "\n    ")
    source = (f"def build(cells):\n    {lines}\n"
              f"    return cls({', '.join(arguments)})\n")
    exec(compile(source, f"<{cls.__name__} row>", "exec"), namespace)  # noqa: S102
    build: Callable[[Sequence[Any]], Any] = namespace["build"]
    return build
