"""Read a dataset back from a Neo4j store into a Network.

A dataset whose last load never finished is refused (:class:`IncompleteDataset`),
saying whether a load of it is running or was interrupted.
"""
from __future__ import annotations

from graphmodel.memory import without_cycle_collection
from graphmodel.model import DATASET_TYPE, RECORD_TYPES, Dataset, Network
from graphmodel.store.connection import Store
from graphmodel.store.errors import IncompleteDataset, UnknownDataset
from graphmodel.store.lock import LOCK_STALE_AFTER, holder_gone
from graphmodel.store.mapping import EDGES_BY_TABLE, NODE_LABELS, from_props, from_relationship

__all__ = ["pick_dataset", "read"]


def pick_dataset(store: Store, dataset: str | None) -> str:
    """The dataset named, or the only one in the database."""
    held = [d["id"] for d in store.datasets()]
    if dataset:
        if dataset not in held:
            raise UnknownDataset(f"{store.uri}: no dataset {dataset!r}; the database holds "
                                 f"{', '.join(held) or 'none'}")
        return dataset
    if len(held) == 1:
        return held[0]
    raise UnknownDataset(f"{store.uri}: holds {len(held)} datasets "
                         f"({', '.join(held) or 'none'}); choose one with --dataset NAME")


@without_cycle_collection
def read(store: Store, dataset: str | None = None) -> Network:
    """The Network a dataset holds; refused while its last load is unfinished."""
    dataset = pick_dataset(store, dataset)
    meta = store.dataset(dataset)
    if meta.get("load_state") != "complete":
        holder = store.run("read.cypher", "load_lock", dataset=dataset,
                           stale_after=LOCK_STALE_AFTER)
        if holder and holder[0]["live"] and not holder_gone(holder[0]):
            raise IncompleteDataset(
                f"{store.uri}: dataset {dataset!r} is being loaded by {holder[0]['holder']} "
                f"since {holder[0]['since']}; read it when that load has finished")
        raise IncompleteDataset(
            f"{store.uri}: dataset {dataset!r} is incomplete: a load started at "
            f"{meta.get('load_started', 'an unknown time')} did not finish. Run "
            "`graphmodel load SOURCE` again to complete it")
    network = Network(Dataset(dataset, meta.get("name") or dataset, **{
        c: meta.get(c) for c in DATASET_TYPE.columns if c not in ("id", "name")}))
    for rt in RECORD_TYPES:
        if rt.name in NODE_LABELS:
            rows = store.run("read.cypher", f"read_{NODE_LABELS[rt.name]}", dataset=dataset)
            records = [from_props(rt.name, row["p"]) for row in rows]
        else:
            edge = EDGES_BY_TABLE[rt.name]
            rows = store.run("read.cypher", f"read_{edge.type}", dataset=dataset)
            records = [from_relationship(edge, row["p"], row["source"], row["source_label"],
                                         row["target"]) for row in rows]
        # the store keeps no order: hold records by id so output is stable
        network.tables[rt.name] = {r.id: r for r in sorted(records, key=lambda r: r.id)}
    return network
