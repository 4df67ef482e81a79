"""One load of a dataset at a time: the dataset's load lock.

The lock is a ``LoadLock`` node in the database, taken in a transaction of its own and
kept alive by a heartbeat; a second load is refused while it is held.
"""
from __future__ import annotations

import getpass
import os
import socket
import threading
import uuid
from contextlib import contextmanager
from typing import Any, Iterator

from graphmodel.store.connection import Store
from graphmodel.store.errors import LoadLocked, StoreError

__all__ = ["LOCK_STALE_AFTER", "HEARTBEAT_EVERY", "load_lock", "holder_gone"]

LOCK_STALE_AFTER = 120.0   # seconds without a heartbeat before a load's lock lapses
HEARTBEAT_EVERY = 15.0     # seconds between a load's heartbeats


def _holder() -> dict[str, str | int]:
    """Who is loading: user, host and process, for the message a second load gets."""
    try:
        user = getpass.getuser()
    except Exception:   # no user name in the environment or the password database
        user = "someone"
    host, pid = socket.gethostname(), os.getpid()
    return {"holder": f"{user}@{host} (process {pid})", "host": host, "pid": pid}


def holder_gone(row: dict[str, Any]) -> bool:
    """Whether a lock's holder was a process of this machine that no longer runs."""
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
    token = uuid.uuid4().hex

    def take(stale_token: str | None = None) -> dict[str, Any]:
        return store.run("load.cypher", "take_lock", dataset=dataset, token=token,
                         stale_token=stale_token, stale_after=float(stale_after),
                         take_over=take_over, **_holder())[0]
    row = take()
    if not row["taken"] and holder_gone(row):
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
