"""How records become a Neo4j graph: node labels, relationship types, derived links,
and the rows the queries exchange.

Everything here is derived from the record types and relationships of the schema in
force (:data:`graphmodel.model.SCHEMA`), when it is asked for. Records whose relationships run between
two other records (memberships, reporting lines, scrutiny links, nominations,
successions, resourcing, assessments) are Neo4j relationships, always to a body;
every other record is a node. Every node and relationship carries all of its
record's fields as properties and the bookkeeping property ``_load`` (the number
of the load that wrote it, so a load that was killed can be finished exactly; the
records of a dataset's first, bulk load carry none and the dataset node's
``bulk_load`` stands for it). Nodes also carry ``_hash``, a fingerprint of the
record, to tell what changed, and ``dataset`` (several datasets share one
database). A relationship belongs to the dataset of the body it points to; a load
compares its properties and endpoints (see :func:`relationship_columns`).

Reference columns of node records (a person's organisation, a body's areas)
also become *links* (``WORKS_FOR``, ``COVERS``) so that Neo4j Browser and Bloom
can walk them; links are derived and rebuilt, never read back.

The rows sent with ``UNWIND`` and the state rows read back are Cypher lists whose
layout each :class:`Row` below defines once: the queries in ``cypher/`` are
written from them and the store builds and reads rows with them.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import marshal
import operator
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from graphmodel.model import SCHEMA, Current, CurrentMap, Record, Relationship, record_type

__all__ = ["NODE_LABELS", "RELATIONSHIP_TYPES", "LINKS", "Edge", "EDGES", "Mapping",
           "store_mapping", "current_mapping", "TABLES_BY_LABEL", "EDGES_BY_TABLE",
           "Row", "node_row", "node_update_row", "LINK_ROW",
           "NODE_STATE", "RELATIONSHIPS_TO", "edge_row", "edge_state", "record_hash",
           "fingerprint", "columns_key", "column_getter", "relationship_columns", "from_props", "from_relationship"]


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


@dataclass(frozen=True)
class Mapping:
    """Which tables are nodes (and their labels), which are relationships, and the links
    made from node records' reference columns: label -> [(column, link type, target label)]."""
    node_labels: dict[str, str]
    edges: tuple[Edge, ...]
    links: dict[str, list[tuple[str, str, str]]]


def _stored_between(r: Relationship) -> bool:
    """Whether the relationship's record is itself a relationship between two others."""
    return "id" not in (r.source, r.target)


def _label(table: str) -> str:
    return record_type(table).label


def store_mapping(relationships: Iterable[Relationship] | None = None) -> Mapping:
    """The store's mapping derived from the schema's relationships (those in force
    unless given) and its record types."""
    relationships = tuple(SCHEMA.relationships if relationships is None else relationships)
    grouped: dict[tuple[str, str], list[Relationship]] = {}
    for r in filter(_stored_between, relationships):
        grouped.setdefault((r.table, r.stored_as), []).append(r)
    edges = []
    for (table, type_), sources in grouped.items():
        (target,) = {(r.target, _label(r.target_table)) for r in sources}
        edges.append(Edge(table, type_, tuple((r.source, _label(r.source_table))
                                              for r in sources), target))
    edge_tables = [e.table for e in edges]
    if len(set(edge_tables)) != len(edge_tables):
        raise ValueError("a table's records are one kind of Neo4j relationship: "
                         f"{edge_tables} has one twice")
    _check_columns(edges)
    node_labels = {rt.name: rt.label for rt in SCHEMA.record_types if rt.name not in edge_tables}
    links: dict[str, list[tuple[str, str, str]]] = {}
    for r in relationships:
        if not _stored_between(r):
            other = r.target_table if r.source == "id" else r.source_table
            links.setdefault(node_labels[r.table], []).append(
                (r.column, r.stored_as, node_labels[other]))
    return Mapping(node_labels, tuple(edges), links)


def _check_columns(edges: list[Edge]) -> None:
    """What relationship_columns relies on: no lists on a relationship (Neo4j gives lists
    back where the record has tuples), and no column starting with _ (the store's own
    values in a row)."""
    for e in edges:
        if any(f.metadata["kind"] == "list" for f in record_type(e.table).fields):
            raise ValueError(f"{e.table} are stored as relationships, which hold no lists")
    for rt in SCHEMA.record_types:
        if any(c.startswith("_") for c in rt.columns):
            raise ValueError(f"{rt.name}: a column name may not begin with _ (the store's own)")


def current_mapping() -> Mapping:
    """The mapping of the schema in force."""
    return SCHEMA.derived(store_mapping)


NODE_LABELS: CurrentMap[str, str] = CurrentMap(lambda: current_mapping().node_labels)
EDGES: Current[Edge] = Current(lambda: current_mapping().edges)
LINKS: CurrentMap[str, list[tuple[str, str, str]]] = CurrentMap(lambda: current_mapping().links)
RELATIONSHIP_TYPES: CurrentMap[str, str] = CurrentMap(
    lambda: {e.table: e.type for e in current_mapping().edges})
TABLES_BY_LABEL: CurrentMap[str, str] = CurrentMap(
    lambda: {label: table for table, label in current_mapping().node_labels.items()})
EDGES_BY_TABLE: CurrentMap[str, Edge] = CurrentMap(
    lambda: {edge.table: edge for edge in current_mapping().edges})


@dataclass(frozen=True)
class Row:
    """The layout of the rows one query sends or gives back, defined here once.

    Rows are Cypher lists whose places the layout names (``row[2]`` in a query): a
    record's columns keep their names and the store's own values (a fingerprint, an
    element id) begin with ``_``. Lists rather than maps: a map sends every key with
    every row, and for a million relationships the server spent about a tenth of a
    load decoding those keys and looking values up by them. The queries are written
    with :meth:`read` and :meth:`literal`, the store builds rows with :meth:`make`
    and reads them with :meth:`getter`.
    """
    names: tuple[str, ...]

    def place(self, name: str) -> int:
        """Where a named value is in a row."""
        assert name in self.names, name
        return self.names.index(name)

    def read(self, name: str, row: str = "row") -> str:
        """Cypher giving one value of a row."""
        return f"{row}[{self.place(name)}]"

    def literal(self, values: dict[str, str], indent: str = " ") -> str:
        """Cypher building a row from an expression for each value."""
        return "[" + f",{indent}".join(values[n] for n in self.names) + "]"

    def describe(self, values: dict[str, str]) -> str:
        """A row's layout in words, for the comments of cypher/: each place's name and value."""
        return "[" + ", ".join(f"{n}: {values[n]}" for n in self.names) + "]"

    def make(self, *values: Any) -> list[Any]:
        """A row from its values in layout order."""
        return list(values)

    def getter(self, *names: str) -> Callable[[list[Any]], Any]:
        """A function giving the named value of a row (several: a tuple of them)."""
        return operator.itemgetter(*map(self.place, names))


def node_row(table: str) -> Row:
    """A node to create: its fingerprint and its columns."""
    return SCHEMA.derived(_row, "_hash", table)


def node_update_row(table: str) -> Row:
    """A node to rewrite: its element id, fingerprint and columns."""
    return SCHEMA.derived(_row, "_node", "_hash", table)


def _row(*names: str) -> Row:
    """The row of the names, then the columns of the table named last."""
    return Row((*names[:-1], *record_type(names[-1]).columns))


LINK_ROW = Row(("_node", "_target"))                     # element ids of the two ends
NODE_STATE = Row(("id", "_hash", "_load", "_node"))     # what the store holds of a node
RELATIONSHIPS_TO = Row(("_target", "_relationships"))   # a body and the relationships to it


def edge_row(edge: Edge) -> Row:
    """A relationship to create: its source's element id and its properties."""
    return SCHEMA.derived(_edge_row, edge, "_source")


def edge_state(edge: Edge) -> Row:
    """What the store holds of a relationship: its element id, load, source and properties."""
    return SCHEMA.derived(_edge_row, edge, "_relationship", "_load", "_source", "_source_label")


def _edge_row(edge: Edge, *names: str) -> Row:
    """The row of the names, then the properties of the edge."""
    return Row((*names, *edge.properties))


@functools.cache
def column_getter(cls: type[Record], columns: tuple[str, ...] = ()
                  ) -> Callable[[Record], tuple[Any, ...]]:
    """A function giving a record's columns (all, in schema order, by default) as a tuple."""
    columns = columns or tuple(f.name for f in dataclasses.fields(cls))
    get = operator.attrgetter(*columns)
    return get if len(columns) > 1 else lambda record: (get(record),)


def record_hash(record: Record) -> int:
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


def relationship_columns(edge: Edge) -> Callable[[list[Any], str], tuple[Any, ...]]:
    """A function giving a relationship's record columns in schema order from a row of
    its ``edge_state`` and the id of the body it points to.

    The same values the record read back would have, without building it: a
    load compares a million relationships this way.
    """
    main_column, main_label = edge.source[0]
    source = edge_state(edge).getter("_source", "_source_label", *edge.properties)
    places = {edge.target[0]: 0, main_column: 1}
    places.update((c, 2 + i) for i, c in enumerate(edge.properties))
    pick = operator.itemgetter(*(places[c] for c in record_type(edge.table).columns))

    def columns(row: list[Any], target: str) -> tuple[Any, ...]:
        source_id, label, *properties = source(row)
        # from another kind of source (a membership of a post), the main column is empty
        return pick((target, source_id if label == main_label else None, *properties))
    return columns


def from_props(table: str, properties: dict[str, Any]) -> Record:
    """The record a node or relationship holds (bookkeeping properties dropped)."""
    rt = record_type(table)
    fields = {}
    for f in rt.fields:
        if f.name in properties:
            value = properties[f.name]
            fields[f.name] = tuple(value) if isinstance(value, list) else value
    return rt.cls(**fields)


def from_relationship(edge: Edge, properties: dict[str, Any], source: str, source_label: str,
                      target: str) -> Record:
    """The record a relationship holds, its endpoint columns taken from its endpoints."""
    columns = dict(properties)
    columns[edge.target[0]] = target
    main_column, main_label = edge.source[0]
    if source_label == main_label:
        columns[main_column] = source
    return from_props(edge.table, columns)
