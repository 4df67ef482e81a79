"""What a load changes: a network compared with what the store holds for its dataset.

A node is compared by its stored fingerprint, a relationship by its properties
and endpoints. A record the source no longer has is *removed* (deleted only
with ``prune``) unless a load that never finished wrote it: it is then
*abandoned*, and a load removes it to converge exactly to the source.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from graphmodel.model import RECORD_TYPES, Network, Record, record_type
from graphmodel.store.connection import Store
from graphmodel.store.mapping import (EDGES_BY_TABLE, NODE_LABELS, NODE_STATE,
                                      RELATIONSHIP_TYPES, column_getter, columns_key,
                                      edge_state, record_hash, relationship_columns)

__all__ = ["Change", "diff"]


@dataclass
class Change:
    """What a load adds, changes and removes in one table."""
    added: list[Record] = field(default_factory=list)
    changed: list[Record] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)     # not in the source any more
    abandoned: list[str] = field(default_factory=list)   # written by a load that never finished
    copies: list[str] = field(default_factory=list)      # element ids of a second copy of a record

    def counts(self) -> dict[str, int]:
        return {"added": len(self.added), "changed": len(self.changed),
                "removed": len(self.removed) + len(self.abandoned) + len(self.copies)}


def _state_query(table: str) -> str:
    return f"state_{NODE_LABELS.get(table) or RELATIONSHIP_TYPES[table]}"


def diff(store: Store, network: Network, unfinished: Iterable[int] = (),
         bulk_load: int | None = None,
         element_ids: dict[str, dict[str, str]] | None = None,
         new: bool = False) -> dict[str, Change]:
    """Compare a network with what the store holds for its dataset.

    A record with no load number of its own was written by ``bulk_load``. A
    ``new`` dataset holds nothing yet, so nothing is read.
    ``element_ids``, if given, is filled with table -> id -> elementId of every
    node and relationship the dataset holds, so the writes can address them.
    """
    unfinished = set(unfinished)
    changes = {}
    for rt in RECORD_TYPES:
        change = Change()
        held = {} if new else _held(_states(store, rt.name, network.dataset.id), change.copies)
        records, compared = network.tables[rt.name], _comparison(rt.name)
        for key, record in records.items():
            state = held.get(key)
            if state is None:
                change.added.append(record)
            elif state[0] != compared(record):
                change.changed.append(record)
        for key, (_, load, _) in held.items():
            if key not in records:
                load = bulk_load if load is None else load
                (change.abandoned if load in unfinished else change.removed).append(key)
        if element_ids is not None:
            element_ids[rt.name] = {key: state[2] for key, state in held.items()}
        changes[rt.name] = change
    return changes


def _comparison(table: str) -> Callable[[Record], int]:
    """What a record of the table is compared by: a node's stored fingerprint, or
    the key of a relationship's columns (see ``_states``)."""
    if table in NODE_LABELS:
        return record_hash
    getter = column_getter(record_type(table).cls)
    return lambda record: columns_key(getter(record))


def _states(store: Store, table: str, dataset: str
            ) -> Iterator[tuple[str, int, int | None, str]]:
    """(id, what it is compared by, load, elementId) of each record of a table the
    dataset holds.

    Nodes carry their fingerprint; for a relationship, the key of the columns its
    properties and endpoints give.
    """
    results = store.run("read.cypher", _state_query(table), dataset=dataset)
    if table in NODE_LABELS:
        node = NODE_STATE.getter("id", "_hash", "_load", "_node")
        for result in results:
            yield from map(node, result["state"])
        return
    edge = EDGES_BY_TABLE[table]
    columns = relationship_columns(edge)
    held = edge_state(edge).getter("_load", "_relationship")
    for result in results:
        target = result["target"]
        for row in result["state"]:
            values = columns(row, target)
            yield (values[0], columns_key(values), *held(row))


def _held(states: Iterable[tuple[str, int, int | None, str]],
          copies: list[str]) -> dict[str, tuple[int, int | None, str]]:
    """(what it is compared by, load, elementId) by record id; the element id of any
    second copy goes in ``copies``.

    Relationships have no uniqueness constraint: the loader creates only what the
    dataset does not hold, and removes a copy should one ever appear.
    """
    held: dict[str, tuple[int, int | None, str]] = {}
    for key, compared, load, eid in states:
        if key in held:
            copies.append(eid)
        else:
            held[key] = (compared, load, eid)
    return held
