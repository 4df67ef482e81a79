"""The Neo4j store: load a Network into a database, read it back, keep the two in sync.

A load compares the source with what the database holds for that dataset
(a node by its stored fingerprint, a relationship by its properties and
endpoints), then writes only what was added or changed,
in batched ``UNWIND`` queries inside managed transactions: nodes first, then
their links, then the relationships between them. Nothing is deleted unless
``prune`` is asked for. Several datasets live side by side in one database,
each record carrying its dataset's id.

A load marks its dataset ``loading`` before it writes and ``complete`` after;
reading a dataset whose last load never finished is refused. Running the load
again converges exactly to the source: records written by the unfinished load
that the source no longer has are removed.

One load of a dataset runs at a time: a load holds the dataset's lock (a
``LoadLock`` node; see :func:`load_lock`) and a second is refused meanwhile.

Credentials come from NEO4J_USERNAME and NEO4J_PASSWORD; they are never
logged or printed.
"""
from __future__ import annotations

import logging
import operator
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Callable, Iterable, Iterator
from urllib.parse import urlsplit

from graphmodel.memory import without_cycle_collection
from graphmodel.model import DATASET_TYPE, RECORD_TYPES, Dataset, Network, record_type
from graphmodel.problems import GraphmodelError
from graphmodel.store.mapping import (EDGES, EDGES_BY_TABLE, LINK_ROW, LINKS, NODE_LABELS,
                                      NODE_STATE, RELATIONSHIP_TYPES, RELATIONSHIPS_TO,
                                      TABLES_BY_LABEL, Edge,
                                      column_getter, columns_key, edge_row, edge_state,
                                      fingerprint, from_props, from_relationship, node_row,
                                      node_update_row, record_hash, relationship_columns)
from graphmodel.store.queries import queries, query

__all__ = ["StoreError", "BadUri", "ServerUnreachable", "WrongCredentials",
           "UnknownDatabase", "NotNeo4j5", "IncompleteDataset", "UnknownDataset", "LoadLocked",
           "connect", "Store", "Change", "LoadReport", "load", "load_lock", "read"]

DEFAULT_BATCH = 5000
LOCK_STALE_AFTER = 120.0   # seconds without a heartbeat before a load's lock lapses
HEARTBEAT_EVERY = 15.0     # seconds between a load's heartbeats


# The driver's own log lines (retries, notifications) would reach the terminal through
# Python's last-resort handler; graphmodel reports errors itself, in one line.
logging.getLogger("neo4j").addHandler(logging.NullHandler())
logging.getLogger("neo4j").propagate = False


class StoreError(GraphmodelError):
    exit_code = 10


class ServerUnreachable(StoreError):
    exit_code = 11


class WrongCredentials(StoreError):
    exit_code = 12


class UnknownDatabase(StoreError):
    exit_code = 13


class NotNeo4j5(StoreError):
    exit_code = 14


class IncompleteDataset(StoreError):
    exit_code = 15


class UnknownDataset(StoreError):
    exit_code = 16


class LoadLocked(StoreError):
    """Another load of the dataset holds its lock."""
    exit_code = 17


class BadUri(StoreError):
    """A URI that is not a Neo4j server's: a usage error."""
    exit_code = 2


BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _safe_uri(uri: str) -> str:
    """The URI without any user or password in it, for messages; BadUri unless it is a
    Bolt URI with a host (and a port from 1 to 65535, if it has one)."""
    try:
        parts = urlsplit(uri)
        port = parts.port
    except ValueError as exc:   # a port out of range, a broken IPv6 address
        raise BadUri(f"{uri!r} is not a Neo4j URI ({exc}); it looks like "
                     "bolt://127.0.0.1:7687") from None
    host = parts.hostname or ""
    safe = f"{parts.scheme}://{host}{f':{port}' if port else ''}"
    if parts.scheme.lower() in ("http", "https"):
        raise BadUri(f"{safe}: an HTTP address; graphmodel talks to Neo4j over Bolt: "
                     f"use bolt://{host or '127.0.0.1'}:7687 (Bolt's usual port)")
    if parts.scheme.lower() not in BOLT_SCHEMES or not host:
        raise BadUri(f"{safe if host else 'the URI'} is not a Neo4j URI: it should look like "
                     f"bolt://127.0.0.1:7687 (schemes: {', '.join(BOLT_SCHEMES)})")
    return safe


def credentials() -> tuple[str, str] | None:
    """(user, password) from NEO4J_USERNAME / NEO4J_PASSWORD, or None for no auth."""
    password = os.environ.get("NEO4J_PASSWORD")
    if password is None:
        return None
    return os.environ.get("NEO4J_USERNAME", "neo4j"), password


class Store:
    """An open connection to one database of a Neo4j 5 server."""

    def __init__(self, uri: str, database: str | None = None,
                 auth: tuple[str, str] | None = None) -> None:
        from neo4j import GraphDatabase, exceptions as ne

        self.uri = _safe_uri(uri)
        if urlsplit(uri).username or urlsplit(uri).password:
            raise StoreError("put the user name and password in NEO4J_USERNAME and "
                             "NEO4J_PASSWORD, not in the URI")
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        try:
            self.driver = GraphDatabase.driver(uri, auth=auth if auth else None,
                                               connection_timeout=10,
                                               max_transaction_retry_time=30,
                                               notifications_min_severity="OFF")
        except (ValueError, ne.ConfigurationError) as exc:
            raise BadUri(f"{self.uri}: not a Neo4j URI ({exc})") from None
        try:  # fails fast, where a transaction would retry for half a minute
            self.driver.verify_connectivity()
        except Exception as exc:
            self.driver.close()
            raise self._translate(exc) from None
        self.server = self._check_server()

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _translate(self, exc: Exception) -> StoreError:
        from neo4j import exceptions as ne

        where = self.uri + (f" database {self.database!r}" if self.database else "")
        code = str(getattr(exc, "code", "") or "")
        text, cause = str(exc), exc.__cause__ or exc.__context__
        while cause is not None:
            text, cause = f"{text} {cause}", cause.__cause__ or cause.__context__
        if isinstance(exc, ne.AuthError) or "Unauthorized" in code:
            return WrongCredentials(f"{where}: the server refused the credentials; set "
                                    "NEO4J_USERNAME and NEO4J_PASSWORD")
        if "DatabaseNotFound" in code:
            return UnknownDatabase(f"{where}: the server has no such database; omit "
                                   "--database for the default one")
        if "looks like HTTP" in text:
            return NotNeo4j5(f"{where}: an HTTP server answers there, not Neo4j's Bolt; "
                             "use the Bolt port (usually 7687)")
        if isinstance(exc, ne.SessionExpired) or "ProcedureNotFound" in code:
            return NotNeo4j5(f"{where}: the server there does not answer like Neo4j 5")
        if isinstance(exc, (ne.ServiceUnavailable, OSError)):
            return ServerUnreachable(f"{where}: no Neo4j server answers there; start one "
                                     "with `graphmodel neo4j start` or check NEO4J_URI")
        return StoreError(f"{where}: {getattr(exc, 'message', None) or text}")

    def _check_server(self) -> dict[str, str]:
        return check_version(self.uri, self.run("read.cypher", "server"))

    def run(self, file: str, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run one named query in a managed transaction (write for load.cypher)."""
        text = query(file, name)

        def work(tx):
            # not record.data(): it walks every nested value in Python, which for the
            # million values of a load's state costs more than the query itself
            return [dict(record.items()) for record in tx.run(text, **params)]
        try:
            with self.driver.session(database=self.database) as session:
                if file == "load.cypher" or file == "schema.cypher":
                    return session.execute_write(work)
                return session.execute_read(work)
        except StoreError:
            raise
        except Exception as exc:  # the driver's own errors become one clear line
            from neo4j import exceptions as ne
            if isinstance(exc, (ne.Neo4jError, ne.DriverError, OSError)):
                raise self._translate(exc) from None
            raise

    def ensure_schema(self) -> None:
        for name in queries("schema.cypher"):
            self.run("schema.cypher", name)

    def datasets(self) -> list[dict[str, Any]]:
        return self.run("read.cypher", "datasets")


def check_version(uri: str, components: list[dict[str, Any]]) -> dict[str, str]:
    """The server's version from dbms.components(); NotNeo4j5 unless Neo4j 5 or later."""
    kernel = next((c for c in components if c.get("name") == "Neo4j Kernel"), None)
    version = str(kernel.get("version")) if kernel else ""
    major = version.split(".")[0]
    if not kernel or not major.isdigit() or int(major) < 5:
        found = f"Neo4j {version}" if kernel else "not Neo4j"
        raise NotNeo4j5(f"{uri}: the server is {found}; graphmodel needs Neo4j 5 or later")
    return {"version": version, "edition": str(kernel.get("edition"))}


def connect(uri: str, database: str | None = None,
            auth: Callable[[], tuple[str, str] | None] | None = None) -> Store:
    """Open a store with credentials from the environment.

    ``auth`` may be a function asked for credentials when the environment has
    none and the server refuses to go without (the CLI prompts on a terminal).
    """
    env = credentials()
    try:
        return Store(uri, database, env)
    except WrongCredentials:
        asked = auth() if (auth and env is None) else None
        if asked is None:
            raise
        return Store(uri, database, asked)


# --- what changed ---------------------------------------------------------------------

@dataclass
class Change:
    """What a load adds, changes and removes in one table."""
    added: list[Any] = field(default_factory=list)
    changed: list[Any] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)     # not in the source any more
    abandoned: list[str] = field(default_factory=list)   # written by a load that never finished
    copies: list[str] = field(default_factory=list)      # element ids of a second copy of a record

    def counts(self) -> dict[str, int]:
        return {"added": len(self.added), "changed": len(self.changed),
                "removed": len(self.removed) + len(self.abandoned) + len(self.copies)}


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


def _comparison(table: str) -> Callable[[Any], int]:
    """What a record of the table is compared by: a node's stored fingerprint, or
    the key of a relationship's columns (see ``_states``)."""
    if table in NODE_LABELS:
        return record_hash
    getter = column_getter(record_type(table).cls)
    return lambda record: columns_key(getter(record))


def _states(store: Store, table: str, dataset: str) -> Iterator[tuple[str, int, Any, str]]:
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
    edge = _EDGES[table]
    columns = relationship_columns(edge)
    held = edge_state(edge).getter("_load", "_relationship")
    for result in results:
        target = result["target"]
        for row in result["state"]:
            values = columns(row, target)
            yield (values[0], columns_key(values), *held(row))


def _held(states: Iterable[tuple[str, int, Any, str]],
          copies: list[str]) -> dict[str, tuple[Any, Any, str]]:
    """(what it is compared by, load, elementId) by record id; the element id of any
    second copy goes in ``copies``.

    Relationships have no uniqueness constraint: the loader creates only what the
    dataset does not hold, and removes a copy should one ever appear.
    """
    held: dict[str, tuple[Any, Any, str]] = {}
    for key, compared, load, eid in states:
        if key in held:
            copies.append(eid)
        else:
            held[key] = (compared, load, eid)
    return held


# --- loading --------------------------------------------------------------------------

def _batches(rows: Iterable[Any], size: int,
             weight: Callable[[Any], int] | None = None) -> Iterator[tuple[list[Any], int]]:
    """(batch, its weight): rows gathered until their weight (one each by default) is ``size``."""
    if weight is None:
        rows = iter(rows)
        while batch := list(islice(rows, size)):
            yield batch, len(batch)
        return
    batch, total = [], 0
    for row in rows:
        batch.append(row)
        total += weight(row)
        if total >= size:
            yield batch, total
            batch, total = [], 0
    if batch:
        yield batch, total


def _by_body(records: list[Any], column: str, size: int) -> Iterator[tuple[str, list[Any]]]:
    """Records grouped by the body they point to, in order of first appearance; a group
    larger than ``size`` comes in parts."""
    groups: dict[str, list[Any]] = {}
    for record in records:
        groups.setdefault(getattr(record, column), []).append(record)
    for body, group in groups.items():
        for start in range(0, len(group), size):
            yield body, group[start:start + size]


def _node_values(table: str) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving a node's fingerprint and its record's columns in schema order."""
    columns = column_getter(record_type(table).cls)

    def values(record: Any) -> tuple[Any, ...]:
        values = columns(record)
        return (fingerprint(values), *values)
    return values


class _Rows(list):
    """A batch of rows as a query parameter.

    The driver formats every parameter for its debug log even when nothing is
    logged; for ten thousand rows that costs more than sending them, and the
    rows (names, notes) are user data that has no place in a log anyway.
    """
    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


class _Writer:
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

    def _run(self, name: str, key: str, batch: list[Any]) -> list[dict[str, Any]]:
        return self.store.run("load.cypher", name, dataset=self.dataset, load=self.load_tag,
                              **{key: _Rows(batch)})

    def write(self, name: str, rows: Iterable[Any], table: str | None = None,
              key: str = "rows", weight: Callable[[Any], int] | None = None
              ) -> list[dict[str, Any]]:
        """Run a query over batches of rows; ``weight`` says how many records a row holds."""
        from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

        results: list[dict[str, Any]] = []
        pending: dict[Any, int] = {}

        def collect(done: Iterable[Any]) -> None:
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

    def nodes(self, table: str, added: list[Any], changed: list[Any]) -> None:
        label, values = NODE_LABELS[table], _node_values(table)
        create, update = node_row(table), node_update_row(table)
        rows = (create.make(*values(r)) for r in added)
        for batch in self.write(f"create_{label}", rows, table):
            self.eid_of(table).update(zip(batch["ids"], batch["eids"]))
        eid = self.eid_of(table)
        self.write(f"update_{label}", (update.make(eid[r.id], *values(r)) for r in changed),
                   table)

    def links(self, table: str, records: list[Any], changed: list[Any]) -> None:
        label = NODE_LABELS[table]
        eid = self.eid_of(table)
        self.write(f"unlink_{label}", [eid[r.id] for r in changed], key="ids")
        for column, _, target_label in LINKS[label]:
            target = self.eid_of(_TABLES[target_label])
            self.write(f"link_{label}_{column}",
                       (LINK_ROW.make(eid[r.id], target[ref])
                        for r in records for ref in _refs(getattr(r, column))))

    def edges(self, edge: Edge, records: list[Any]) -> None:
        """Relationships, grouped by the body they point to.

        A million rows make building them the client's main cost, so each is
        built in one go.
        """
        sources = [column for column, _ in edge.source]
        columns, n = operator.attrgetter(*sources, *edge.properties), len(sources)
        first, *others = [self.eid_of(_TABLES[label]) for _, label in edge.source]
        make, to_body = edge_row(edge).make, RELATIONSHIPS_TO

        def row(record: Any) -> dict[str, Any]:
            values = columns(record)
            if values[0]:   # the main source (a membership's person) is set
                return make(first[values[0]], *values[n:])
            source = next(ids[v] for ids, v in zip(others, values[1:]) if v)
            return make(source, *values[n:])
        bodies = self.eid_of(_TABLES[edge.target[1]])
        rows = (to_body.make(bodies[body], list(map(row, group)))
                for body, group in _by_body(records, edge.target[0], self.batch_size))
        size = to_body.getter("_relationships")
        self.write(f"create_{edge.type}", rows, edge.table, weight=lambda row: len(size(row)))

    def delete(self, table: str, ids: list[str], copies: list[str]) -> None:
        """Records by id, and copies of records by element id."""
        name = "delete_nodes" if table in NODE_LABELS else "delete_relationships"
        eid = self.eid_of(table)
        self.write(name, [eid[key] for key in ids] + copies, key="ids")


_TABLES, _EDGES = TABLES_BY_LABEL, EDGES_BY_TABLE   # as the schema in force has them


def _refs(value: Any) -> tuple[str, ...]:
    """The ids a reference column holds: none, one, or a list."""
    return value if isinstance(value, tuple) else (value,) if value else ()



# --- one load at a time ---------------------------------------------------------------

def _holder() -> dict[str, Any]:
    """Who is loading: user, host and process, for the message a second load gets."""
    import getpass
    import socket
    try:
        user = getpass.getuser()
    except Exception:   # no user name in the environment or the password database
        user = "someone"
    host, pid = socket.gethostname(), os.getpid()
    return {"holder": f"{user}@{host} (process {pid})", "host": host, "pid": pid}


def _gone(row: dict[str, Any]) -> bool:
    """Whether a lock's holder was a process of this machine that no longer runs."""
    import socket
    if row.get("host") != socket.gethostname() or not row.get("pid"):
        return False
    try:
        os.kill(row["pid"], 0)
    except ProcessLookupError:
        return True
    except OSError:   # it runs, as another user
        return False
    return False


@contextmanager
def load_lock(store: Store, dataset: str, *, stale_after: float = LOCK_STALE_AFTER,
              take_over: bool = False, heartbeat: float = HEARTBEAT_EVERY) -> Iterator[str]:
    """Hold the dataset's load lock while the block runs; LoadLocked if another load does.

    The lock is a node in the database, taken in a transaction of its own and
    kept alive by a heartbeat every ``heartbeat`` seconds; it is released when
    the block ends, however it ends. A lock whose holder was a process of this
    machine that has gone is taken over at once; one held from elsewhere lapses
    ``stale_after`` seconds after its last heartbeat; ``take_over`` takes any lock
    at once. Yields a note when a lock was taken over, else "".
    """
    import threading
    import uuid

    token = uuid.uuid4().hex

    def take(stale_token: str | None = None) -> dict[str, Any]:
        return store.run("load.cypher", "take_lock", dataset=dataset, token=token,
                         stale_token=stale_token, stale_after=float(stale_after),
                         take_over=take_over, **_holder())[0]
    row = take()
    if not row["taken"] and _gone(row):
        row = take(row["token"])   # only that holder's lock: not one taken meanwhile
    if not row["taken"]:
        raise LoadLocked(
            f"{store.uri}: dataset {dataset!r} is being loaded by {row['holder']} since "
            f"{row['since']} (last heartbeat {row['heartbeat']}); wait for that load to "
            f"finish. A load that was killed gives up its lock {stale_after:.0f} seconds "
            "after its last heartbeat (at once if it ran on this machine); if you are sure "
            "no load is running, run the load again with --break-lock")
    taken_over = row["was_since"] != row["since"]
    stopped = threading.Event()

    def beat() -> None:
        while not stopped.wait(heartbeat):
            try:
                store.run("load.cypher", "heartbeat_lock", dataset=dataset, token=token)
            except StoreError:   # the load itself will meet the same trouble and say so
                return
    thread = threading.Thread(target=beat, name="load-lock-heartbeat", daemon=True)
    thread.start()
    try:
        yield (f"took over the lock of dataset {dataset!r} held by {row['was_holder']} "
               f"since {row['was_since']}" if taken_over else "")
    finally:
        stopped.set()
        thread.join()
        try:
            store.run("load.cypher", "release_lock", dataset=dataset, token=token)
        except StoreError:   # unreleased, it lapses after stale_after seconds
            pass


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
        meta = _dataset_props(store, dataset)
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
    writer = _Writer(store, dataset, tag, batch_size, element_ids, progress, workers)
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


# --- reading --------------------------------------------------------------------------

def _dataset_props(store: Store, dataset: str) -> dict[str, Any]:
    rows = store.run("read.cypher", "dataset", dataset=dataset)
    return rows[0]["p"] if rows else {}


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
    meta = _dataset_props(store, dataset)
    if meta.get("load_state") != "complete":
        holder = store.run("read.cypher", "load_lock", dataset=dataset,
                           stale_after=LOCK_STALE_AFTER)
        if holder and holder[0]["live"] and not _gone(holder[0]):
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
            edge = _EDGES[rt.name]
            rows = store.run("read.cypher", f"read_{edge.type}", dataset=dataset)
            records = [from_relationship(edge, row["p"], row["source"], row["source_label"],
                                         row["target"]) for row in rows]
        # the store keeps no order: hold records by id so output is stable
        network.tables[rt.name] = {r.id: r for r in sorted(records, key=lambda r: r.id)}
    return network
