"""How records become a Neo4j graph: node labels, relationship types, derived links.

Organisations, bodies, people, posts, areas, themes and documents are nodes;
memberships, reporting lines, scrutiny links, nominations, successions,
resourcing and assessments are relationships between them, always to a body.
Every node and relationship carries all of its record's fields as properties
and the bookkeeping property ``_load`` (the number of the load that wrote it,
so a load that was killed can be finished exactly; the records of a dataset's
first, bulk load carry none and the dataset node's ``bulk_load`` stands for it).
Nodes also carry ``_hash``, a fingerprint of the record, to tell what changed,
and ``dataset`` (several datasets share one database). A relationship belongs
to the dataset of the body it points to; it carries no fingerprint, as one more
property on each of a million relationships costs the load more than comparing
its properties when a later load compares.

Reference columns of node records (a person's organisation, a body's areas)
also become *links* (``WORKS_FOR``, ``COVERS``) so that Neo4j Browser and Bloom
can walk them; links are derived and rebuilt, never read back.
"""
from __future__ import annotations

import functools
import hashlib
import marshal
import operator
from dataclasses import dataclass
from typing import Any, Callable

from graphmodel.model import RECORD_TYPES, record_type

__all__ = ["NODE_LABELS", "RELATIONSHIP_TYPES", "LINKS", "Edge", "EDGES", "record_hash",
           "fingerprint", "columns_key", "column_getter", "relationship_columns", "from_props",
           "from_relationship"]

NODE_LABELS = {
    "documents": "Document", "organisations": "Organisation", "areas": "Area",
    "themes": "Theme", "bodies": "Body", "people": "Person", "posts": "Post",
}


@dataclass(frozen=True)
class Edge:
    """A record stored as a relationship from one node to another.

    The columns the endpoints stand for (a membership's body and person) are not
    repeated as properties: fewer properties make a million relationships much
    quicker to write, and reading takes them from the endpoints.
    """
    table: str
    type: str
    source: tuple[tuple[str, str], ...]   # (column, label): the first column that is set
    target: tuple[str, str]

    @property
    def properties(self) -> list[str]:
        """The columns stored on the relationship (all but the main endpoints)."""
        endpoints = {self.source[0][0], self.target[0]}
        return [c for c in record_type(self.table).columns if c not in endpoints]


EDGES = (
    # a seat whose holder is not named runs from the organisation it is held for
    Edge("memberships", "MEMBER_OF", (("person", "Person"), ("post", "Post"),
                                      ("on_behalf_of", "Organisation")), ("body", "Body")),
    Edge("reporting_lines", "REPORTS_TO", (("body", "Body"),), ("reports_to", "Body")),
    Edge("scrutiny_links", "SCRUTINISES", (("scrutiny_body", "Body"),), ("body", "Body")),
    Edge("nomination_rights", "NOMINATES_TO", (("nominating_body", "Body"),), ("body", "Body")),
    Edge("successions", "SUCCEEDED_BY", (("predecessor", "Body"),), ("successor", "Body")),
    Edge("resourcing", "RESOURCES", (("organisation", "Organisation"),), ("body", "Body")),
    Edge("assessments", "ASSESSES", (("organisation", "Organisation"),), ("body", "Body")),
)
RELATIONSHIP_TYPES = {e.table: e.type for e in EDGES}
# relationship_columns relies on these: the id first, and no lists (Neo4j gives lists
# back where the record has tuples)
assert all(record_type(e.table).columns[0] == "id" for e in EDGES)
assert not any(f.metadata.get("kind") == "list" for e in EDGES for f in record_type(e.table).fields)

# label -> [(column, link type, target label)]
LINKS: dict[str, list[tuple[str, str, str]]] = {
    "Organisation": [("parent", "PART_OF", "Organisation")],
    "Area": [("parent", "PART_OF", "Area")],
    "Body": [("organisation", "HOSTED_BY", "Organisation"), ("areas", "COVERS", "Area"),
             ("themes", "WORKS_ON", "Theme"), ("no_seat_for", "NO_SEAT_FOR", "Organisation")],
    "Person": [("organisation", "WORKS_FOR", "Organisation")],
    "Post": [("organisation", "POST_IN", "Organisation"), ("holder", "HELD_BY", "Person")],
}

assert set(NODE_LABELS) | set(RELATIONSHIP_TYPES) == {rt.name for rt in RECORD_TYPES}


@functools.cache
def column_getter(cls: type, columns: tuple[str, ...] = ()) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving a record's columns (all, in schema order, by default) as a tuple."""
    columns = columns or cls.__slots__
    get = operator.attrgetter(*columns)
    return get if len(columns) > 1 else lambda record: (get(record),)


def record_hash(record: Any) -> int:
    """A 64-bit fingerprint of every field, to tell a changed record from an unchanged one.

    An integer, not text: Neo4j stores it inline, which keeps a million
    relationships noticeably cheaper to write.
    """
    return fingerprint(column_getter(type(record))(record))


def fingerprint(values: tuple[Any, ...]) -> int:
    """The fingerprint of a record's columns, all of them in schema order."""
    digest = hashlib.blake2b(repr(values).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def columns_key(values: tuple[Any, ...]) -> int:
    """A key that tells one record's columns from another's within a single run.

    For relationships, whose fingerprint is never stored: both sides of a
    comparison are worked out in the same run, so this need not be stable across
    runs, only exact (marshal's format 2 tells every value and type apart) and
    much quicker than ``fingerprint`` over a million records.
    """
    return hash(marshal.dumps(values, 2))


def relationship_columns(edge: Edge) -> Callable[[list[Any]], tuple[Any, ...]]:
    """A function giving a relationship's record columns in schema order from
    [target id, source id, source label, its properties in ``edge.properties`` order...].

    The same values the record read back would have, without building it: a
    load compares a million relationships this way.
    """
    main_column, main_label = edge.source[0]
    places = {edge.target[0]: 0, main_column: 1}
    places.update((c, 3 + i) for i, c in enumerate(edge.properties))
    pick = operator.itemgetter(*(places[c] for c in record_type(edge.table).columns))

    def columns(values: list[Any]) -> tuple[Any, ...]:
        if values[2] != main_label:   # from another kind of source: a membership of a post
            values[1] = None
        return pick(values)
    return columns


def from_props(table: str, properties: dict[str, Any]) -> Any:
    """The record a node or relationship holds (bookkeeping properties dropped)."""
    rt = record_type(table)
    fields = {}
    for f in rt.fields:
        if f.name in properties:
            value = properties[f.name]
            fields[f.name] = tuple(value) if isinstance(value, list) else value
    return rt.cls(**fields)


def from_relationship(edge: Edge, properties: dict[str, Any], source: str, source_label: str,
                      target: str) -> Any:
    """The record a relationship holds, its endpoint columns taken from its endpoints."""
    columns = dict(properties)
    columns[edge.target[0]] = target
    main_column, main_label = edge.source[0]
    if source_label == main_label:
        columns[main_column] = source
    return from_props(edge.table, columns)
