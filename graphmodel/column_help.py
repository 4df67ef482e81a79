"""What each table and column of the schema holds and means, in words a council officer
reads: the register workbook's Instructions sheet and the manual's column reference
both show it.

Everything here is read from the schema (:mod:`graphmodel.model`): a record type's
docstring, and each field's kind, references, allowed values and ``doc``.
"""
from __future__ import annotations

from graphmodel.model import RecordType

__all__ = ["describe_table", "describe_columns"]

_KIND_WORDS = {"text": "text", "int": "whole number", "number": "number", "date": "date",
               "bool": "yes/no", "list": "ids separated by ;", "composition": "kind=count; ..."}

# the meaning of a column many tables share, where its field gives none of its own
_COMMON = {
    "id": "unique within the table; other tables refer to the record by it",
    "name": "the name as the documents give it",
    "kind": "what sort of record it is",
    "notes": "anything worth knowing that has no column of its own",
    "title": "the document's title", "publisher": "who published it",
    "date": "when it was published or decided",
    "description": "a line about the dataset",
}


def describe_table(rt: RecordType) -> str:
    """What a record type is, in one line."""
    return (rt.cls.__doc__ or "").strip().splitlines()[0]


def describe_columns(rt: RecordType) -> list[tuple[str, str, str, str]]:
    """(column, what it holds, required, meaning) for each column of a record type."""
    rows = []
    for f in rt.fields:
        meta = f.metadata
        holds = _KIND_WORDS[meta["kind"]]
        if meta["ref"]:
            holds = " or ".join(f"{t} id" for t in meta["ref"])
            holds += "s" if meta["kind"] == "list" else ""
        if meta["enum"]:
            holds = ", ".join(meta["enum"])
        required = "yes" if meta["required"] and f.default is None else (
            f"default {f.default}" if isinstance(f.default, str) else "")
        rows.append((f.name, holds, required, meta["doc"] or _COMMON.get(f.name, "")))
    return rows
