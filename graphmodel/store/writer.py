"""The writes of a load: batched ``UNWIND`` queries over rows built from records, in
managed write transactions, several sessions at once.
"""
from __future__ import annotations

import operator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from itertools import islice
from typing import Any, Callable, Iterable, Iterator, TypeVar

from graphmodel.model import Record, record_type
from graphmodel.store.connection import Store
from graphmodel.store.mapping import (LINK_ROW, LINKS, NODE_LABELS, RELATIONSHIPS_TO,
                                      TABLES_BY_LABEL, Edge, column_getter, edge_row,
                                      fingerprint, node_row, node_update_row)

__all__ = ["Writer"]

Param = list[Any] | str
"""A row a query takes: a Cypher list (see graphmodel.store.mapping.Row), or an element id."""
Result = list[dict[str, Any]]
T = TypeVar("T")
P = TypeVar("P", bound=Param)


def _batches(rows: Iterable[T], size: int,
             weight: Callable[[T], int] | None = None) -> Iterator[tuple[list[T], int]]:
    """(batch, its weight): rows gathered until their weight (one each by default) is ``size``."""
    if weight is None:
        each = iter(rows)
        while some := list(islice(each, size)):
            yield some, len(some)
        return
    batch: list[T] = []
    total = 0
    for row in rows:
        batch.append(row)
        total += weight(row)
        if total >= size:
            yield batch, total
            batch, total = [], 0
    if batch:
        yield batch, total


def _by_body(records: list[Record], column: str, size: int
             ) -> Iterator[tuple[str, list[Record]]]:
    """Records grouped by the body they point to, in order of first appearance; a group
    larger than ``size`` comes in parts."""
    groups: dict[str, list[Record]] = {}
    for record in records:
        groups.setdefault(getattr(record, column), []).append(record)
    for body, group in groups.items():
        for start in range(0, len(group), size):
            yield body, group[start:start + size]


def _node_values(table: str) -> Callable[[Record], tuple[Any, ...]]:
    """A function giving a node's fingerprint and its record's columns in schema order."""
    columns = column_getter(record_type(table).cls)

    def values(record: Record) -> tuple[Any, ...]:
        values = columns(record)
        return (fingerprint(values), *values)
    return values


class _Rows(list[Param]):
    """A batch of rows as a query parameter.

    The driver formats every parameter for its debug log even when nothing is
    logged; for ten thousand rows that costs more than sending them, and the
    rows (names, notes) are user data that has no place in a log anyway.
    """
    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


class Writer:
    """Writes batches of rows with named queries, keeping track of element ids.

    Batches of one query run on ``workers`` sessions at once (the server runs each
    transaction on one core); a query's batches all finish before the next query.
    Rows are built lazily, so the next batch is built while earlier ones are written.
    """

    def __init__(self, store: Store, dataset: str, load_tag: int | None, batch_size: int,
                 element_ids: dict[str, dict[str, str]],
                 progress: Callable[[str, int], None] | None, workers: int = 2):
        self.store, self.dataset, self.load_tag = store, dataset, load_tag
        self.batch_size, self.eid, self.workers = batch_size, element_ids, workers
        self.progress = progress or (lambda table, n: None)

    def eid_of(self, table: str) -> dict[str, str]:
        """The element id of each record of a table, by record id."""
        return self.eid.setdefault(table, {})

    def _run(self, name: str, key: str, batch: Iterable[Param]) -> Result:
        return self.store.run("load.cypher", name, dataset=self.dataset, load=self.load_tag,
                              **{key: _Rows(batch)})

    def write(self, name: str, rows: Iterable[P], table: str | None = None,
              key: str = "rows", weight: Callable[[P], int] | None = None) -> Result:
        """Run a query over batches of rows; ``weight`` says how many records a row holds."""
        results: Result = []
        pending: dict[Future[Result], int] = {}

        def collect(done: Iterable[Future[Result]]) -> None:
            for future in done:
                results.extend(future.result())
                if table:
                    self.progress(table, pending.pop(future))
        with ThreadPoolExecutor(self.workers) as pool:
            for batch, records in _batches(rows, self.batch_size, weight):
                if len(pending) > self.workers:   # one batch waits ready, no more
                    collect(wait(pending, return_when=FIRST_COMPLETED)[0])
                pending[pool.submit(self._run, name, key, batch)] = records
            collect(list(pending))
        return results

    def nodes(self, table: str, added: list[Record], changed: list[Record]) -> None:
        label, values = NODE_LABELS[table], _node_values(table)
        create, update = node_row(table), node_update_row(table)
        rows = (create.make(*values(r)) for r in added)
        for batch in self.write(f"create_{label}", rows, table):
            self.eid_of(table).update(zip(batch["ids"], batch["eids"]))
        eid = self.eid_of(table)
        self.write(f"update_{label}", (update.make(eid[r.id], *values(r)) for r in changed),
                   table)

    def links(self, table: str, records: list[Record], changed: list[Record]) -> None:
        label = NODE_LABELS[table]
        eid = self.eid_of(table)
        self.write(f"unlink_{label}", [eid[r.id] for r in changed], key="ids")
        for column, _, target_label in LINKS[label]:
            target = self.eid_of(TABLES_BY_LABEL[target_label])
            self.write(f"link_{label}_{column}",
                       (LINK_ROW.make(eid[r.id], target[ref])
                        for r in records for ref in _refs(getattr(r, column))))

    def edges(self, edge: Edge, records: list[Record]) -> None:
        """Relationships, grouped by the body they point to.

        A million rows make building them the client's main cost, so each is
        built in one go.
        """
        sources = [column for column, _ in edge.source]
        columns, n = operator.attrgetter(*sources, *edge.properties), len(sources)
        first, *others = [self.eid_of(TABLES_BY_LABEL[label]) for _, label in edge.source]
        make, to_body = edge_row(edge).make, RELATIONSHIPS_TO

        def row(record: Record) -> list[Any]:
            values = columns(record)
            if values[0]:   # the main source (a membership's person) is set
                return make(first[values[0]], *values[n:])
            source = next(ids[v] for ids, v in zip(others, values[1:]) if v)
            return make(source, *values[n:])
        bodies = self.eid_of(TABLES_BY_LABEL[edge.target[1]])
        rows = (to_body.make(bodies[body], list(map(row, group)))
                for body, group in _by_body(records, edge.target[0], self.batch_size))
        size = to_body.getter("_relationships")
        self.write(f"create_{edge.type}", rows, edge.table, weight=lambda row: len(size(row)))

    def delete(self, table: str, ids: list[str], copies: list[str]) -> None:
        """Records by id, and copies of records by element id."""
        name = "delete_nodes" if table in NODE_LABELS else "delete_relationships"
        eid = self.eid_of(table)
        self.write(name, [eid[key] for key in ids] + copies, key="ids")


def _refs(value: str | tuple[str, ...] | None) -> tuple[str, ...]:
    """The ids a reference column holds: none, one, or a list."""
    return value if isinstance(value, tuple) else (value,) if value else ()
