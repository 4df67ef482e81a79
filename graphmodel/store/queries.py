"""The Cypher the store runs, kept as files in ``cypher/`` that a reviewer can read.

``schema.cypher``, ``load.cypher`` and ``read.cypher`` hold named queries
(a ``// name: ...`` line before each). They are written from the mapping in
:mod:`graphmodel.store.mapping` by ``python -m graphmodel.store.queries`` and a
test checks they are current; the store only ever *loads* them. Labels and
relationship types come from the schema; every value is a parameter.
"""
from __future__ import annotations

import functools
import re
import sys
import textwrap
from importlib import resources
from pathlib import Path

from graphmodel.model import record_type
from graphmodel.store.mapping import EDGES, LINKS, NODE_LABELS

__all__ = ["query", "queries", "generate_files"]

_HEADER = """\
// Generated from graphmodel/store/mapping.py by `python -m graphmodel.store.queries`.
// Parameters: $dataset (the dataset id), $load (this load's number, or null for the
// dataset's bulk load), $rows or $ids.
// Every node is keyed by (dataset, id); `WHERE x.id IS NOT NULL` lets the (dataset, id)
// uniqueness index serve a look-up by dataset alone. A relationship belongs to the
// dataset of the body it points to, and is keyed by its id within that dataset.
"""


@functools.cache
def queries(file: str) -> dict[str, str]:
    """The named queries of one file in cypher/."""
    text = resources.files("graphmodel.cypher").joinpath(file).read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for block in re.split(r"^// name: ", text, flags=re.M)[1:]:
        name, _, body = block.partition("\n")
        found[name.strip()] = "\n".join(line for line in body.splitlines()
                                        if not line.startswith("//")).strip().rstrip(";")
    return found


def query(file: str, name: str) -> str:
    return queries(file)[name]


def _schema() -> str:
    out = [_HEADER, "// name: dataset_key",
           "CREATE CONSTRAINT graphmodel_dataset_key IF NOT EXISTS "
           "FOR (d:Dataset) REQUIRE d.id IS UNIQUE;\n",
           "// name: load_lock_key",
           "// one load lock per dataset, even when two loads begin at once",
           "CREATE CONSTRAINT graphmodel_load_lock_key IF NOT EXISTS "
           "FOR (l:LoadLock) REQUIRE l.dataset IS UNIQUE;\n"]
    for label in NODE_LABELS.values():
        out += [f"// name: {label}_key",
                f"CREATE CONSTRAINT graphmodel_{label.lower()}_key IF NOT EXISTS "
                f"FOR (n:{label}) REQUIRE (n.dataset, n.id) IS UNIQUE;\n"]
    out += ["// Relationships have no uniqueness constraint: it costs every relationship",
            "// written an index entry and a check. The loader keeps them unique (see",
            "// neo4j.py); the constraints earlier versions made are dropped.\n"]
    for edge in EDGES:
        out += [f"// name: {edge.type}_key_dropped",
                f"DROP CONSTRAINT graphmodel_{edge.type.lower()}_key IF EXISTS;\n"]
    return "\n".join(out)


def _columns(table: str) -> list[str]:
    return [c for c in record_type(table).columns]


def _assignments(var: str, table: str, first: int) -> str:
    """``n.name = row[3], ...``: each column of a record from its place in the row."""
    return ",\n    ".join(f"{var}.{c} = row[{first + i}]" for i, c in enumerate(_columns(table)))


def _literal(columns: list[str], first: int, row: str = "row") -> str:
    """``{id: row[3], ...}``: properties from places in the row (a null one is not stored)."""
    return ",\n    ".join(f"{c}: {row}[{first + i}]" for i, c in enumerate(columns))


def _load() -> str:
    out = [_HEADER,
           "// Rows are lists: a record's columns in schema order after the leading values named",
           "// in each query. Nodes and relationships already known are addressed by elementId.\n",
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
    for table, label in NODE_LABELS.items():
        out += [f"// name: create_{label}",
                "// row: [hash, columns...]; only for records the dataset does not hold yet",
                "UNWIND $rows AS row",
                f"CREATE (n:{label} {{\n    {_literal(_columns(table), 1)},",
                "    dataset: $dataset, _hash: row[0], _load: $load})",
                "// one record per batch: a record per node costs the client more than the write",
                "RETURN collect(n.id) AS ids, collect(elementId(n)) AS eids;\n",
                f"// name: update_{label}",
                "// row: [elementId, hash, columns...]; a column that is now empty is removed",
                "UNWIND $rows AS row",
                "MATCH (n) WHERE elementId(n) = row[0]",
                f"SET {_assignments('n', table, 2)},",
                "    n._hash = row[1], n._load = $load;\n"]
        links = LINKS.get(label, [])
        if links:
            types = "|".join(sorted({t for _, t, _ in links}))
            out += [f"// name: unlink_{label}",
                    "UNWIND $ids AS eid",
                    f"MATCH (n:{label})-[old:{types}]->() WHERE elementId(n) = eid",
                    "DELETE old;\n"]
        for column, link, target in links:
            out += [f"// name: link_{label}_{column}",
                    "// row: [elementId of the node, elementId of the target]",
                    "UNWIND $rows AS row",
                    "MATCH (n) WHERE elementId(n) = row[0]",
                    "MATCH (t) WHERE elementId(t) = row[1]",
                    f"CREATE (n)-[:{link}]->(t);\n"]
    for edge in EDGES:
        out += [f"// name: create_{edge.type}",
                "// row: [elementId of the body pointed to, [[elementId of the source node,",
                "//       the columns below...], ...]]: grouped by body, so each body is",
                "//       looked up once and its relationships are written together",
                "UNWIND $rows AS row",
                "MATCH (b) WHERE elementId(b) = row[0]",
                "UNWIND row[1] AS m",
                "MATCH (a) WHERE elementId(a) = m[0]",
                f"CREATE (a)-[r:{edge.type} {{\n    {_literal(edge.properties, 1, 'm')},",
                "    _load: $load}]->(b);\n"]
    return "\n".join(out)


def _read() -> str:
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
    for label in NODE_LABELS.values():
        out += [f"// name: read_{label}",
                f"MATCH (n:{label} {{dataset: $dataset}}) WHERE n.id IS NOT NULL",
                "RETURN properties(n) AS p;\n",
                f"// name: state_{label}",
                "// all in one record: a record each would cost the client more than the read",
                f"MATCH (n:{label} {{dataset: $dataset}}) WHERE n.id IS NOT NULL",
                "RETURN collect([n.id, n._hash, n._load, elementId(n)]) AS state;\n"]
    for edge in EDGES:
        target = f"(b:{edge.target[1]} {{dataset: $dataset}}) WHERE b.id IS NOT NULL"
        out += [f"// name: read_{edge.type}",
                f"MATCH (a)-[r:{edge.type}]->{target}",
                "RETURN properties(r) AS p, a.id AS source, labels(a)[0] AS source_label,",
                "       b.id AS target;\n",
                f"// name: state_{edge.type}",
                "// a record per body: for each relationship pointing to it, [elementId, _load,",
                "// source id, source label, the properties...], from which the loader works",
                "// out its fingerprint",
                f"MATCH {target}",
                f"CALL {{ WITH b MATCH (a)-[r:{edge.type}]->(b)",
                "       RETURN collect([elementId(r), r._load, a.id, labels(a)[0],",
                textwrap.fill(", ".join(f"r.{c}" for c in edge.properties), 88,
                              initial_indent=" " * 23, subsequent_indent=" " * 23)
                + "]) AS state }",
                "RETURN b.id AS target, state;\n"]
    return "\n".join(out)


def generate_files() -> dict[str, str]:
    """The generated files of cypher/, by name."""
    return {"schema.cypher": _schema(), "load.cypher": _load(), "read.cypher": _read()}


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "cypher")
    for name, text in generate_files().items():
        (folder / name).write_text(text, encoding="utf-8")
