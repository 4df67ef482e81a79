"""The Cypher the store runs, kept as files in ``cypher/`` that a reviewer can read.

``schema.cypher``, ``load.cypher`` and ``read.cypher`` hold named queries
(a ``// name: ...`` line before each). They are written from the mapping in
:mod:`graphmodel.store.mapping` by ``python -m graphmodel.store.queries`` and a
test checks they are current; the store only ever *loads* them, unless record types
or relationships were added to the schema at run time (``SCHEMA.add``): it then runs
the same queries written from the schema in force. Labels and relationship types come
from the schema; every value is a parameter.
"""
from __future__ import annotations

import re
import sys
import textwrap
from importlib import resources
from pathlib import Path

from graphmodel.model import SCHEMA, record_type
from graphmodel.store.mapping import (LINK_ROW, NODE_STATE, RELATIONSHIPS_TO, Edge, Mapping,
                                      Row, current_mapping, edge_row, edge_state, node_row,
                                      node_update_row)

__all__ = ["query", "queries", "generate_files"]

_HEADER = """\
// Generated from the schema (graphmodel/model.py's relationships, through
// graphmodel/store/mapping.py) by `python -m graphmodel.store.queries`.
// Parameters: $dataset (the dataset id), $load (this load's number, or null for the
// dataset's bulk load), $rows or $ids.
// Every node is keyed by (dataset, id); `WHERE x.id IS NOT NULL` lets the (dataset, id)
// uniqueness index serve a look-up by dataset alone. A relationship belongs to the
// dataset of the body it points to, and is keyed by its id within that dataset.
"""


def queries(file: str) -> dict[str, str]:
    """The named queries of one file in cypher/ (for a schema added to at run time, as
    they would be written from it)."""
    return SCHEMA.derived(_queries, file)


def _queries(file: str) -> dict[str, str]:
    if SCHEMA.extended:
        text = generate_files()[file]
    else:
        text = resources.files("graphmodel.cypher").joinpath(file).read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for block in re.split(r"^// name: ", text, flags=re.M)[1:]:
        name, _, body = block.partition("\n")
        found[name.strip()] = "\n".join(line for line in body.splitlines()
                                        if not line.startswith("//")).strip().rstrip(";")
    return found


def query(file: str, name: str) -> str:
    return queries(file)[name]


def _schema(m: Mapping) -> str:
    out = [_HEADER, "// name: dataset_key",
           "CREATE CONSTRAINT graphmodel_dataset_key IF NOT EXISTS "
           "FOR (d:Dataset) REQUIRE d.id IS UNIQUE;\n",
           "// name: load_lock_key",
           "// one load lock per dataset, even when two loads begin at once",
           "CREATE CONSTRAINT graphmodel_load_lock_key IF NOT EXISTS "
           "FOR (l:LoadLock) REQUIRE l.dataset IS UNIQUE;\n"]
    for label in m.node_labels.values():
        out += [f"// name: {label}_key",
                f"CREATE CONSTRAINT graphmodel_{label.lower()}_key IF NOT EXISTS "
                f"FOR (n:{label}) REQUIRE (n.dataset, n.id) IS UNIQUE;\n"]
    out += ["// Relationships have no uniqueness constraint: it costs every relationship",
            "// written an index entry and a check. The loader keeps them unique (see",
            "// graphmodel/store/diff.py); the constraints earlier versions made are dropped.\n"]
    for edge in m.edges:
        out += [f"// name: {edge.type}_key_dropped",
                f"DROP CONSTRAINT graphmodel_{edge.type.lower()}_key IF EXISTS;\n"]
    return "\n".join(out)


def _set(var: str, row: Row, names: list[str]) -> str:
    """``n.name = row.name, ...``: each column from the row (an empty one is removed)."""
    return ",\n    ".join(f"{var}.{c} = {row.read(c)}" for c in names)


def _properties(row: Row, names: list[str], var: str = "row") -> str:
    """``id: row.id, ...``: properties from the row (a null one is not stored)."""
    return ",\n    ".join(f"{c}: {row.read(c, var)}" for c in names)


def _load(m: Mapping) -> str:
    out = [_HEADER,
           "// Rows are lists: a record's columns and the store's own values (names beginning",
           "// with _) in the places graphmodel/store/mapping.py gives them; the comment",
           "// before a query names them. Nodes and relationships already known are",
           "// addressed by elementId.\n",
           "// name: take_lock",
           "// One load of a dataset at a time: its LoadLock node, made in a transaction of",
           "// its own. It is taken when free, when its holder has given no heartbeat for",
           "// $stale_after seconds (a load that was killed), when it is still held by",
           "// $stale_token (a holder known to be gone), or when $take_over is true.",
           "MERGE (l:LoadLock {dataset: $dataset})",
           "ON CREATE SET l.token = $token, l.holder = $holder, l.host = $host, l.pid = $pid,",
           "    l.since = datetime(), l.heartbeat = datetime()",
           "WITH l, l.holder AS was_holder, toString(l.since) AS was_since,",
           "     l.token IN [$token, coalesce($stale_token, $token)] OR $take_over OR",
           "     l.heartbeat < datetime() - duration({seconds: $stale_after}) AS ours",
           "FOREACH (_ IN CASE WHEN ours AND l.token <> $token THEN [1] ELSE [] END |",
           "    SET l.token = $token, l.holder = $holder, l.host = $host, l.pid = $pid,",
           "        l.since = datetime(), l.heartbeat = datetime())",
           "RETURN ours AS taken, was_holder, was_since, l.holder AS holder, l.token AS token,",
           "       l.host AS host, l.pid AS pid, toString(l.since) AS since,",
           "       toString(l.heartbeat) AS heartbeat;\n",
           "// name: heartbeat_lock",
           "MATCH (l:LoadLock {dataset: $dataset, token: $token})",
           "SET l.heartbeat = datetime()",
           "RETURN count(l) AS held;\n",
           "// name: release_lock",
           "MATCH (l:LoadLock {dataset: $dataset, token: $token})",
           "DELETE l;\n",
           "// name: begin_load",
           "// Marks the dataset as loading, numbers this load and remembers earlier loads",
           "// that never finished. The dataset's first load is its bulk load: the records",
           "// it writes carry no _load of their own, the dataset's bulk_load stands for it.",
           "MERGE (d:Dataset {id: $dataset})",
           "WITH d, coalesce(d.incomplete_loads, []) +",
           "     CASE WHEN d.load_state = 'loading' THEN [d.load_id] ELSE [] END AS unfinished",
           "SET d.incomplete_loads = unfinished, d.load_state = 'loading',",
           "    d.load_id = coalesce(d.load_id, 0) + 1, d.load_started = toString(datetime())",
           "SET d.bulk_load = coalesce(d.bulk_load, d.load_id)",
           "RETURN unfinished, d.load_id AS load, d.bulk_load AS bulk_load;\n",
           "// name: finish_load",
           "MATCH (d:Dataset {id: $dataset})",
           "SET d += $properties, d.load_state = 'complete', d.loaded_at = toString(datetime()),",
           "    d.incomplete_loads = []",
           "RETURN d.id AS id;\n",
           "// name: delete_nodes",
           "UNWIND $ids AS eid",
           "MATCH (n) WHERE elementId(n) = eid",
           "DETACH DELETE n;\n",
           "// name: delete_relationships",
           "UNWIND $ids AS eid",
           "MATCH ()-[r]->() WHERE elementId(r) = eid",
           "DELETE r;\n"]
    for table, label in m.node_labels.items():
        out += _node_writes(table, label, m.links.get(label, []))
    for edge in m.edges:
        row, target = edge_row(edge), RELATIONSHIPS_TO
        out += [f"// name: create_{edge.type}",
                _wrapped(target.describe({"_target": "elementId of the body pointed to",
                                         "_relationships": "[...]"}),
                         "// row: ", "//      "),
                _wrapped(row.describe({"_source": "elementId of its source",
                                      **{c: "..." for c in edge.properties}}),
                         "// each relationship: ", "//   "),
                "// Grouped by body, so each body is looked up once and its relationships",
                "// are written together.",
                "UNWIND $rows AS row",
                f"MATCH (b) WHERE elementId(b) = {target.read('_target')}",
                f"UNWIND {target.read('_relationships')} AS m",
                f"MATCH (a) WHERE elementId(a) = {row.read('_source', 'm')}",
                f"CREATE (a)-[r:{edge.type} {{\n    {_properties(row, edge.properties, 'm')},",
                "    _load: $load}]->(b);\n"]
    return "\n".join(out)


def _node_writes(table: str, label: str, links: list[tuple[str, str, str]]) -> list[str]:
    """The queries that create, rewrite and link the nodes of one table."""
    create, update = node_row(table), node_update_row(table)
    columns = list(record_type(table).columns)
    out = [f"// name: create_{label}",
           "// only for records the dataset does not hold yet",
           _wrapped(_layout(create), "// row: ", "//   "),
           "UNWIND $rows AS row",
           f"CREATE (n:{label} {{\n    {_properties(create, columns)},",
           f"    dataset: $dataset, _hash: {create.read('_hash')}, _load: $load}})",
           "// one record per batch: a record per node costs the client more than the write",
           "RETURN collect(n.id) AS ids, collect(elementId(n)) AS eids;\n",
           f"// name: update_{label}",
           "// a column that is now empty is removed",
           _wrapped(_layout(update), "// row: ", "//   "),
           "UNWIND $rows AS row",
           f"MATCH (n) WHERE elementId(n) = {update.read('_node')}",
           f"SET {_set('n', update, columns)},",
           f"    n._hash = {update.read('_hash')}, n._load = $load;\n"]
    if links:
        types = "|".join(sorted({t for _, t, _ in links}))
        out += [f"// name: unlink_{label}",
                "UNWIND $ids AS eid",
                f"MATCH (n:{label})-[old:{types}]->() WHERE elementId(n) = eid",
                "DELETE old;\n"]
    for column, link, _ in links:
        out += [f"// name: link_{label}_{column}",
                f"// row: {_layout(LINK_ROW)}",
                "UNWIND $rows AS row",
                f"MATCH (n) WHERE elementId(n) = {LINK_ROW.read('_node')}",
                f"MATCH (t) WHERE elementId(t) = {LINK_ROW.read('_target')}",
                f"CREATE (n)-[:{link}]->(t);\n"]
    return out


def _read(m: Mapping) -> str:
    out = [_HEADER,
           "// name: server",
           "CALL dbms.components() YIELD name, versions, edition",
           "RETURN name, versions[0] AS version, edition;\n",
           "// name: datasets",
           "MATCH (d:Dataset)",
           "RETURN d.id AS id, d.name AS name, d.load_state AS state ORDER BY id;\n",
           "// name: dataset",
           "MATCH (d:Dataset {id: $dataset})",
           "RETURN properties(d) AS p;\n",
           "// name: load_lock",
           "// who holds the dataset's load lock, if anyone, and whether it has lapsed",
           "MATCH (l:LoadLock {dataset: $dataset})",
           "RETURN l.holder AS holder, l.host AS host, l.pid AS pid, toString(l.since) AS since,",
           "       l.heartbeat >= datetime() - duration({seconds: $stale_after}) AS live;\n"]
    state = NODE_STATE.literal({"id": "n.id", "_hash": "n._hash", "_load": "n._load",
                                "_node": "elementId(n)"})
    for label in m.node_labels.values():
        out += [f"// name: read_{label}",
                f"MATCH (n:{label} {{dataset: $dataset}}) WHERE n.id IS NOT NULL",
                "RETURN properties(n) AS p;\n",
                f"// name: state_{label}",
                "// all in one record: a record each would cost the client more than the read",
                f"// each: {_layout(NODE_STATE)}",
                f"MATCH (n:{label} {{dataset: $dataset}}) WHERE n.id IS NOT NULL",
                f"RETURN collect({state}) AS state;\n"]
    for edge in m.edges:
        target = f"(b:{edge.target[1]} {{dataset: $dataset}}) WHERE b.id IS NOT NULL"
        out += [f"// name: read_{edge.type}",
                f"MATCH (a)-[r:{edge.type}]->{target}",
                "RETURN properties(r) AS p, a.id AS source, labels(a)[0] AS source_label,",
                "       b.id AS target;\n",
                f"// name: state_{edge.type}",
                "// a record per body: what the store holds of each relationship pointing",
                "// to it, from which the loader works out its columns",
                _wrapped(_layout(edge_state(edge)), "// each: ", "//   "),
                f"MATCH {target}",
                f"CALL {{ WITH b MATCH (a)-[r:{edge.type}]->(b)",
                _wrapped(f"RETURN collect({_edge_state(edge)}) AS state }}", " " * 7,
                         " " * 15),
                "RETURN b.id AS target, state;\n"]
    return "\n".join(out)


def _layout(row: Row) -> str:
    """The names of a row's places, in order."""
    return "[" + ", ".join(row.names) + "]"


def _wrapped(text: str, first: str, others: str) -> str:
    """Text wrapped to 88 characters, never between a map's key and its value."""
    glued = text.replace(": ", ":\xa0").replace(" AS ", "\xa0AS\xa0")   # textwrap
    wrapped = textwrap.fill(glued, 88, initial_indent=first,  # breaks no \xa0
                            subsequent_indent=others)
    return wrapped.replace("\xa0", " ")


def _edge_state(edge: Edge) -> str:
    return edge_state(edge).literal({"_relationship": "elementId(r)", "_load": "r._load",
                                     "_source": "a.id", "_source_label": "labels(a)[0]",
                                     **{c: f"r.{c}" for c in edge.properties}})


def generate_files(mapping: Mapping | None = None) -> dict[str, str]:
    """The generated files of cypher/, by name (from another mapping: what they would be)."""
    mapping = current_mapping() if mapping is None else mapping
    return {"schema.cypher": _schema(mapping), "load.cypher": _load(mapping),
            "read.cypher": _read(mapping)}


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "cypher")
    for name, text in generate_files().items():
        (folder / name).write_text(text, encoding="utf-8")
