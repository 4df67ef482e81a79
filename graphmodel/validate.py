"""Checks that need more than one cell: references, date order, who holds a seat.

Cell-level checks (kinds, allowed values, required fields, duplicate ids) happen
as tables are read; this module checks the records against each other.
"""
from __future__ import annotations

from itertools import compress, count
from operator import attrgetter
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Callable, Iterator

from graphmodel import dates
from graphmodel.composition import composition
from graphmodel.model import (DATASET_TYPE, SCHEMA, Body, Membership, NominationRight, Network,
                              Record, RecordType, Relationship, record_type)
from graphmodel.names import suggest_id
from graphmodel.problems import Problem, errors

if TYPE_CHECKING:
    from graphmodel.io.tables import Collected

__all__ = ["check_references", "build_network"]

_SUGGESTION_LIMIT = 50  # close-match search is slow on huge tables; enough for a person to act

Checked = Record | SimpleNamespace
"""What is checked: a record, or the readable cells of a row that was not kept (its
columns as attributes, None where a cell was bad)."""
Found = Iterator[tuple[str, str, str]]
"""Problems of one record: (column, message, level)."""


def _refs(rt: RecordType) -> list[tuple[str, tuple[str, ...], bool]]:
    return [(f.name, f.metadata["ref"], f.metadata["kind"] == "list")
            for f in rt.fields if f.metadata["ref"]]


def check_references(c: Collected) -> list[Problem]:
    """Every reference names an existing record; dates run forwards; no record links a
    record to itself where its relationship may not (see ``Relationship.self_link``);
    seats have a holder or an organisation they are held for; a nomination right is held
    by a body or an organisation, one of the two."""
    problems: list[Problem] = []
    suggestions = [0]

    def unknown(where: str, row: int | str | None, name: str, value: str,
                targets: tuple[str, ...]) -> None:
        hint = ""
        if suggestions[0] < _SUGGESTION_LIMIT:
            suggestions[0] += 1
            hint = suggest_id(value, *(c.tables[t] for t in targets))
        what = " or ".join(record_type(t).singular for t in targets)
        problems.append(Problem(where, row, name, f"unknown {what} {value!r}{hint}"))

    def check(rt: RecordType, where: str, row: int | str | None, record: Checked) -> None:
        for name, targets, is_list in _refs(rt):
            value = getattr(record, name)
            if not value:
                continue
            for v in (value if is_list else (value,)):
                if not any(v in c.tables[t] or (t, v) in c.rejected or t in c.unread
                           for t in targets):
                    unknown(where, row, name, v, targets)
        for field, message, level in _record_checks(rt, record):
            problems.append(Problem(where, row, field, message, level))

    if c.dataset is None:
        if c.unreadable:
            pass  # the reader has said why; no table in it can be found missing
        elif "dataset" not in c.files:
            source = c.files.get("_source", "source")
            table = "a dataset sheet" if source.lower().endswith(".xlsx") else "dataset.csv"
            problems.append(Problem(source, None, None, f"no dataset table: add {table} with "
                                    "columns " + ", ".join(DATASET_TYPE.columns)))
        elif not any(p.file == c.files["dataset"] and p.level == "error" for p in c.problems):
            problems.append(Problem(c.files["dataset"], None, None, "the dataset table has no "
                                    "row: add one row under the header"))
    elif c.dataset.home_organisation and \
            c.dataset.home_organisation not in c.tables["organisations"]:
        row = c.rows.get("dataset", [2])[0]
        unknown(c.files["dataset"], row, "home_organisation", c.dataset.home_organisation,
                ("organisations",))
    for rt in SCHEMA.record_types:
        records = c.tables[rt.name]
        where, rows = c.files.get(rt.name, rt.name), c.rows.get(rt.name, [])
        suspects = _suspects(rt, records, c.tables)
        keys = list(records) if suspects else []
        for i in suspects:
            check(rt, where, rows[i] if i < len(rows) else None, records[keys[i]])
    for table, row, values in c.partial:  # rows not kept: the rest of their problems
        rt = record_type(table)
        record = SimpleNamespace(**{name: values.get(name) for name in rt.columns})
        check(rt, c.files.get(table, table), row, record)
    return problems


def _self_links(rt: RecordType) -> list[tuple[Relationship, str]]:
    """The relationships of a table's records that may not link a record to itself, each
    with the column a self link is reported on."""
    return SCHEMA.derived(_self_links_of, rt.name)


def _self_links_of(table: str) -> list[tuple[Relationship, str]]:
    return [(r, r.source if r.target == "id" else r.target) for r in SCHEMA.relationships
            if r.table == table and not r.self_link and r.source_table == r.target_table]


def _itself(link: Relationship, record: Checked) -> str | None:
    """The id a record links to itself by a relationship, if it does."""
    a, b = getattr(record, link.source, None), getattr(record, link.target, None)
    if not (a and b):
        return None
    ours = set(a if isinstance(a, tuple) else (a,))   # a list column names several
    return next((v for v in (b if isinstance(b, tuple) else (b,)) if v in ours), None)


def _suspects(rt: RecordType, records: dict[str, Any],
              tables: dict[str, dict[str, Any]]) -> list[int]:
    """The places of a table's records that may have a problem, in table order: a quick
    sieve, column by column, before each is checked in full (most have none)."""
    refs = _refs(rt)
    if any(is_list or len(targets) > 1 for _, targets, is_list in refs):
        return list(range(len(records)))   # lists, and columns naming either of two tables
    values = list(records.values())
    found: set[int] = set()
    for name, targets, _ in refs:
        unknown = set(map(attrgetter(name), values)).difference(tables[targets[0]])
        unknown.difference_update((None, ""))
        if unknown:   # look up the rows only when some value is unknown
            found.update(i for i, v in enumerate(map(attrgetter(name), values))
                         if v in unknown)
    start, end = rt.period
    if start and end:
        ISO = 10
        found.update(i for i, (x, y) in enumerate(zip(map(attrgetter(start), values),
                                                       map(attrgetter(end), values)))
                     if x and y and (len(x) != ISO or len(y) != ISO or y < x))
    for link, _ in _self_links(rt):
        found.update(i for i, r in enumerate(values) if _itself(link, r))
    content = _CONTENT_CHECKS.get(rt.name)
    if content is not None:
        found.update(compress(count(), map(content[0], values)))
    return sorted(found)


def _record_checks(rt: RecordType, r: Checked) -> Found:
    start, end = rt.period
    if start and end:
        a, b = getattr(r, start, None), getattr(r, end, None)
        if a and b and dates.latest(b) < dates.earliest(a):
            yield end, f"{b} is before {start} {a}", "error"
    for link, column in _self_links(rt):
        same = _itself(link, r)
        if same:
            ends = record_type(link.source_table)
            yield column, (f"{link.source} and {link.target} both name {same!r}: the "
                           f"{ends.singular} {link.phrase} itself; name two different "
                           f"{ends.name}"), "error"
    content = _CONTENT_CHECKS.get(rt.name)
    if content is not None:
        yield from content[1](r)


def _seat_unheld(r: Membership | SimpleNamespace) -> bool:
    return not (r.person or r.post or r.on_behalf_of)


def _seat_problems(r: Membership | SimpleNamespace) -> Found:
    if _seat_unheld(r):
        # a seat held on behalf of an organisation may have no named holder
        yield "person", ("a membership needs a person or a post, or the organisation it is "
                         "held on behalf of when the source names no holder"), "error"


def _nominator_not_one(r: NominationRight | SimpleNamespace) -> bool:
    return bool(r.nominating_body) == bool(r.nominating_organisation)


def _nominator_problems(r: NominationRight | SimpleNamespace) -> Found:
    if not _nominator_not_one(r):
        return
    if r.nominating_body:
        yield "nominating_organisation", (
            f"names both a nominating body ({r.nominating_body!r}) and a nominating "
            f"organisation ({r.nominating_organisation!r}): keep the body that nominates, "
            "or the organisation when the source names no appointing body"), "error"
    else:
        yield "nominating_body", ("a nomination right needs who holds it: the "
                                  "nominating_body, or the nominating_organisation when "
                                  "the source names no appointing body"), "error"


def _composition_declared(r: Body | SimpleNamespace) -> bool:
    return bool(r.declared_composition) and r.declared_size is not None


def _composition_problems(r: Body | SimpleNamespace) -> Found:
    declared, size = r.declared_composition, r.declared_size
    if declared and size is not None:
        seats = sum(count for kind, count in composition(declared).items()
                    if "officer" not in kind)
        if seats > size:
            yield "declared_composition", (f"declares {seats} member seats but "
                                           f"declared_size is {size}"), "warning"


# what a record of these tables must say for it to mean anything: (a quick test that a
# record may have a problem, the problems), beside what the schema declares of every table.
# Each takes a record of its own table (or a row not kept), which no static type ties to
# the table's name: hence Any.
_CONTENT_CHECKS: dict[str, tuple[Callable[[Any], bool], Callable[[Any], Found]]] = {
    "memberships": (_seat_unheld, _seat_problems),
    "nomination_rights": (_nominator_not_one, _nominator_problems),
    "bodies": (_composition_declared, _composition_problems),
}


def build_network(c: Collected) -> tuple[Network | None, list[Problem]]:
    """Check what was collected; a Network when there are no errors."""
    problems = c.problems + check_references(c)
    if errors(problems) or c.dataset is None:
        return None, problems
    net = Network(c.dataset)
    net.tables = c.tables
    return net, problems
