"""Load a Network into a Neo4j store, keeping the two in sync.

A load compares the source with what the database holds for that dataset
(:mod:`graphmodel.store.diff`), then writes only what was added or changed
(:mod:`graphmodel.store.writer`): nodes first, then their links, then the
relationships between them. Nothing is deleted unless ``prune`` is asked for.
Several datasets live side by side in one database, each record carrying its
dataset's id.

A load marks its dataset ``loading`` before it writes and ``complete`` after;
reading a dataset whose last load never finished is refused. Running the load
again converges exactly to the source: records written by the unfinished load
that the source no longer has are removed.

One load of a dataset runs at a time: a load holds the dataset's lock
(:func:`graphmodel.store.lock.load_lock`) and a second is refused meanwhile.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from graphmodel.memory import without_cycle_collection
from graphmodel.model import DATASET_TYPE, Network
from graphmodel.store.connection import Store
from graphmodel.store.diff import Change, diff
from graphmodel.store.lock import LOCK_STALE_AFTER, load_lock
from graphmodel.store.mapping import EDGES, LINKS, NODE_LABELS
from graphmodel.store.writer import Writer

__all__ = ["DEFAULT_BATCH", "LoadReport", "load"]

DEFAULT_BATCH = 5000


@dataclass
class LoadReport:
    """The outcome of a load (or of a dry run: nothing written)."""
    dataset: str
    changes: dict[str, Change]
    dry_run: bool
    prune: bool
    notes: list[str] = field(default_factory=list)   # e.g. a lapsed lock taken over

    def counts(self) -> dict[str, dict[str, int]]:
        out = {}
        for table, change in self.changes.items():
            c = change.counts()
            if not self.prune:
                c["removed"] = len(change.abandoned) + len(change.copies)
                c["not in source (kept without --prune)"] = len(change.removed)
            out[table] = c
        return out

    @property
    def unchanged(self) -> bool:
        return all(not (c.added or c.changed or c.abandoned or c.copies
                        or (self.prune and c.removed))
                   for c in self.changes.values())


@without_cycle_collection   # rows hold no cycles; a big network makes each collection slow
def load(network: Network, store: Store, *, batch_size: int = DEFAULT_BATCH,
         dry_run: bool = False, prune: bool = False, workers: int = 2,
         progress: Callable[[str, int], None] | None = None, break_lock: bool = False,
         stale_after: float = LOCK_STALE_AFTER) -> LoadReport:
    """Load a network into the store: idempotent, batched, nodes before relationships.

    ``progress(table, rows)`` is called as batches are written; ``workers``
    sessions write batches of the same query at once. One load of a dataset runs
    at a time (see :func:`load_lock`; ``break_lock`` takes over a held lock).
    """
    dataset = network.dataset.id
    if dry_run:
        meta = store.dataset(dataset)
        unfinished = meta.get("incomplete_loads", []) + (
            [meta["load_id"]] if meta.get("load_state") == "loading" else [])
        changes = diff(store, network, unfinished, meta.get("bulk_load"))
        return LoadReport(dataset, changes, True, prune)
    store.ensure_schema()
    with load_lock(store, dataset, stale_after=stale_after, take_over=break_lock) as note:
        report = _write(network, store, batch_size, prune, workers, progress)
    report.notes += [note] if note else []
    return report


def _write(network: Network, store: Store, batch_size: int, prune: bool, workers: int,
           progress: Callable[[str, int], None] | None) -> LoadReport:
    """The load itself, with the dataset's lock held."""
    dataset = network.dataset.id
    begun = store.run("load.cypher", "begin_load", dataset=dataset)[0]
    load_id, bulk_load = begun["load"], begun["bulk_load"]
    element_ids: dict[str, dict[str, str]] = {}
    changes = diff(store, network, begun["unfinished"], bulk_load, element_ids,
                   new=load_id == 1)
    # the bulk load's records carry no load number: the dataset's bulk_load stands for it
    tag = None if load_id == bulk_load else load_id
    writer = Writer(store, dataset, tag, batch_size, element_ids, progress, workers)
    for edge in EDGES:   # relationships that go (or are rewritten) first
        change = changes[edge.table]
        writer.delete(edge.table, change.abandoned + (change.removed if prune else [])
                      + [r.id for r in change.changed], change.copies)
    for table in NODE_LABELS:
        writer.nodes(table, changes[table].added, changes[table].changed)
    for table, label in NODE_LABELS.items():
        if label in LINKS:
            change = changes[table]
            writer.links(table, change.added + change.changed, change.changed)
    for edge in EDGES:
        change = changes[edge.table]
        writer.edges(edge, change.added + change.changed)
    for table in NODE_LABELS:
        change = changes[table]
        writer.delete(table, change.abandoned + (change.removed if prune else []), change.copies)
    ds = network.dataset
    store.run("load.cypher", "finish_load", dataset=dataset, properties={
        **{c: getattr(ds, c) for c in DATASET_TYPE.columns if c != "id"},
        "counts": [f"{k}={v}" for k, v in network.counts().items()]})
    return LoadReport(dataset, changes, False, prune)
