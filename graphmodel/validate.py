"""Checks that need more than one cell: references, date order, who holds a seat.

Cell-level checks (kinds, allowed values, required fields, duplicate ids) happen
as tables are read; this module checks the records against each other.
"""
from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Iterator

from graphmodel import dates
from graphmodel.composition import composition
from graphmodel.model import DATASET_TYPE, RECORD_TYPES, Network, record_type
from graphmodel.names import suggest_id
from graphmodel.problems import Problem, errors

if TYPE_CHECKING:
    from graphmodel.io.tables import Collected

__all__ = ["check_references", "build_network"]

_SUGGESTION_LIMIT = 50  # close-match search is slow on huge tables; enough for a person to act


def _refs(rt) -> list[tuple[str, tuple[str, ...], bool]]:
    return [(f.name, f.metadata["ref"], f.metadata["kind"] == "list")
            for f in rt.fields if f.metadata["ref"]]


def check_references(c: Collected) -> list[Problem]:
    """Every reference names an existing record; dates run forwards; seats have a holder
    or an organisation they are held for."""
    problems: list[Problem] = []
    suggestions = [0]

    def unknown(where, row, name, value, targets):
        hint = ""
        if suggestions[0] < _SUGGESTION_LIMIT:
            suggestions[0] += 1
            hint = suggest_id(value, *(c.tables[t] for t in targets))
        what = " or ".join(record_type(t).label.lower() for t in targets)
        problems.append(Problem(where, row, name, f"unknown {what} {value!r}{hint}"))

    def check(rt, where, row, record):
        for name, targets, is_list in _refs(rt):
            value = getattr(record, name)
            if not value:
                continue
            for v in (value if is_list else (value,)):
                if not any(v in c.tables[t] or (t, v) in c.rejected or t in c.unread
                           for t in targets):
                    unknown(where, row, name, v, targets)
        for field, message, level in _record_checks(rt.name, record):
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
        unknown(c.files["dataset"], c.rows.get(("dataset", c.dataset.id), 2), "home_organisation",
                c.dataset.home_organisation,
                ("organisations",))
    for rt in RECORD_TYPES:
        refs = _refs(rt)
        where = c.files.get(rt.name, rt.name)
        tables = {t: c.tables[t] for _, targets, _ in refs for t in targets}
        simple = [(name, tables[targets[0]]) for name, targets, is_list in refs
                  if len(targets) == 1 and not is_list]
        checks = _checks_for(rt)
        for key, record in c.tables[rt.name].items():
            if all(getattr(record, name) in table for name, table in simple
                   if getattr(record, name)) and not checks(record):
                continue  # the common case: nothing to report
            check(rt, where, c.rows.get((rt.name, key)), record)
    for table, row, values in c.partial:  # rows not kept: the rest of their problems
        rt = record_type(table)
        record = SimpleNamespace(**{name: values.get(name) for name in rt.columns})
        check(rt, c.files.get(table, table), row, record)
    return problems


def _checks_for(rt) -> Any:
    """A quick test: might _record_checks find anything in a record of this table?"""
    columns = set(rt.columns)
    pairs = [(a, b) for a, b in (("start", "end"), ("established", "dissolved"))
             if a in columns and b in columns]
    seat = rt.name == "memberships"
    others = rt.name in ("reporting_lines", "scrutiny_links", "successions", "bodies")
    ISO = 10

    def suspicious(r: Any) -> bool:
        for a, b in pairs:
            x, y = getattr(r, a), getattr(r, b)
            if x and y and (len(x) != ISO or len(y) != ISO or y < x):
                return True
        return others or (seat and not (r.person or r.post or r.on_behalf_of))
    return suspicious


def _record_checks(table: str, r: Any) -> Iterator[tuple[str, str, str]]:
    for start, end in (("start", "end"), ("established", "dissolved")):
        a, b = getattr(r, start, None), getattr(r, end, None)
        if a and b and dates.latest(b) < dates.earliest(a):
            yield end, f"{b} is before {start} {a}", "error"
    if table == "memberships" and not (r.person or r.post or r.on_behalf_of):
        # a seat held on behalf of an organisation may have no named holder
        yield "person", ("a membership needs a person or a post, or the organisation it is "
                         "held on behalf of when the source names no holder"), "error"
    if table == "reporting_lines" and r.body == r.reports_to:
        yield "reports_to", "a body cannot report to itself", "error"
    if table == "scrutiny_links" and r.body == r.scrutiny_body:
        yield "body", "a body cannot scrutinise itself", "error"
    if table == "successions" and r.predecessor == r.successor:
        yield "successor", "a body cannot succeed itself", "error"
    if table == "bodies" and r.declared_composition and r.declared_size is not None:
        seats = sum(count for kind, count in composition(r.declared_composition).items()
                    if "officer" not in kind)
        if seats > r.declared_size:
            yield "declared_composition", (f"declares {seats} member seats but "
                                           f"declared_size is {r.declared_size}"), "warning"


def build_network(c: Collected) -> tuple[Network | None, list[Problem]]:
    """Check what was collected; a Network when there are no errors."""
    problems = c.problems + check_references(c)
    if errors(problems) or c.dataset is None:
        return None, problems
    net = Network(c.dataset)
    net.tables = c.tables
    return net, problems
