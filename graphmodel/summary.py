"""What a source holds: its dataset, home organisation and how many of each record."""
from __future__ import annotations

import datetime as _dt
from dataclasses import asdict
from typing import Any

from graphmodel.model import SCHEMA, Current, Network, record_type

__all__ = ["summarise", "render_summary", "listing", "LISTABLE"]

LISTABLE: Current[str] = Current(lambda: SCHEMA.derived(_listable))
"""The tables that can be listed: those the maps draw as nodes (organisations, bodies,
people, posts, and any drawn that the schema gained since)."""


def _listable() -> tuple[str, ...]:
    return tuple(rt.name for rt in SCHEMA.record_types if rt.node)


def summarise(network: Network, as_of: "str | _dt.date | None" = None) -> dict[str, Any]:
    """Counts per record type: of every record, or with ``as_of`` only those current then."""
    view = network.as_of(as_of) if as_of is not None else network
    home = network.home_organisation
    return {
        "dataset": {"id": network.dataset.id, "name": network.dataset.name,
                    "home_organisation": {"id": network.dataset.home_organisation,
                                          "name": home.name if home else None}},
        "as_of": str(as_of) if as_of is not None else None,
        "counts": view.counts(),
    }


def render_summary(summary: dict[str, Any], fmt: str = "table") -> str:
    """A summary from :func:`summarise` as JSON, or as a line naming the dataset over a
    table of counts."""
    from graphmodel import render

    if fmt == "json":
        return render.to_json(summary)
    ds = summary["dataset"]
    home = ds["home_organisation"]["name"] or "none named"
    counted = f"current on {summary['as_of']}" if summary["as_of"] else "records"
    rows = [{"record type": k, counted: v} for k, v in summary["counts"].items()]
    return (f"{ds['name']} ({ds['id']}), home organisation: {home}, as of {summary['as_of']}\n"
            + render.table(rows, ["record type", counted]))


def listing(network: Network, what: str) -> list[dict[str, Any]]:
    """Every organisation, body, person or post (a table of :data:`LISTABLE`) as a plain
    dict (id, name, kind, ...); a record of a table without kinds has its type as its kind."""
    if what not in LISTABLE:
        raise ValueError(f"cannot list {what!r}; choose one of {', '.join(LISTABLE)}")
    rows, kind = [], record_type(what).key
    for record in network.tables[what].values():
        row = asdict(record) if hasattr(record, "__dataclass_fields__") else dict(record)
        row.setdefault("kind", kind)
        rows.append({k: list(v) if isinstance(v, tuple) else v for k, v in row.items()})
    return rows
