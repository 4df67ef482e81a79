"""One load of a dataset at a time: a lock held in the database, tried with real processes
against the real Neo4j server of the test session."""
from __future__ import annotations

import getpass
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graphmodel.store.errors import LoadLocked
from graphmodel.store.load import load
from graphmodel.store.lock import LOCK_STALE_AFTER
from graphmodel.store.read import read

SEED = Path(__file__).resolve().parent.parent / "seed_data"

# A second process that takes the town dataset's lock through the library, as a load
# does, beats its heartbeat every half second and holds the lock until it is killed. Given
# a host name, it says it runs there: a load on another machine, whose death this one
# cannot see.
HOLDER = """
import socket, sys, time
if len(sys.argv) > 3:
    socket.gethostname = lambda: sys.argv[3]
from graphmodel.store.connection import connect
from graphmodel.store.lock import load_lock
with connect(sys.argv[1]) as store:
    store.ensure_schema()
    with load_lock(store, sys.argv[2], heartbeat=0.5):
        store.run("load.cypher", "begin_load", dataset=sys.argv[2])   # as a load does
        print("holding", flush=True)
        time.sleep(600)
"""


def cli(*args):
    return subprocess.run([sys.executable, "-m", "graphmodel.cli", *map(str, args)],
                          capture_output=True, text=True, env=os.environ.copy())


def locks(store) -> int:
    return store.driver.execute_query("MATCH (l:LoadLock) RETURN count(l)",
                                      database_=store.database).records[0][0]


def _hold(store, *host):
    process = subprocess.Popen([sys.executable, "-c", HOLDER, store.uri, "town", *host],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=os.environ.copy())
    assert process.stdout.readline() == "holding\n", process.stderr.read()
    return process


@pytest.fixture
def holder(store):
    """A process of this machine holding the town dataset's load lock."""
    process = _hold(store)
    yield process
    process.kill()
    process.wait()


@pytest.fixture
def remote_holder(store):
    """A process holding the lock, as if on another machine."""
    process = _hold(store, "another-machine")
    yield process
    process.kill()
    process.wait()


def holding(process, host=None):
    """How a message names the load holding a lock: who, where, which process."""
    return re.escape(f"{getpass.getuser()}@{host or socket.gethostname()} "
                     f"(process {process.pid})")


def _kill(process):
    process.send_signal(signal.SIGKILL)
    process.wait()


def test_a_second_load_of_the_dataset_is_refused_while_another_holds_its_lock(
        store, holder, dataset_dir):
    result = cli("load", dataset_dir, "--uri", store.uri)
    assert result.returncode == 17
    assert re.fullmatch(
        rf"error: {re.escape(store.uri)}: dataset 'town' is being loaded by {holding(holder)} "
        r"since \S+ \(last heartbeat \S+\); wait for that load to finish\. A load that was "
        rf"killed gives up its lock {LOCK_STALE_AFTER:.0f} seconds after its last heartbeat "
        r"\(at once if it ran on this machine\); if you are sure no load is running, run the "
        r"load again with --break-lock\n", result.stderr), result.stderr
    assert bodies(store) == 0                       # the refused load wrote nothing
    other = cli("load", SEED / "harborough", "--uri", store.uri)
    assert other.returncode == 0, other.stderr      # other datasets load meanwhile


def test_reading_a_dataset_while_it_loads_says_who_is_loading_it(store, holder):
    result = cli("summary", store.uri, "--dataset", "town")
    assert result.returncode == 15
    assert re.fullmatch(
        rf"error: {re.escape(store.uri)}: dataset 'town' is being loaded by {holding(holder)} "
        r"since \S+; read it when that load has finished\n", result.stderr), result.stderr


def test_a_live_holder_keeps_its_lock_by_its_heartbeat(store, holder, network):
    time.sleep(2)
    with pytest.raises(LoadLocked):                 # it beat within the last second
        load(network, store, stale_after=1)


def test_the_lock_of_a_load_killed_on_this_machine_is_taken_over_at_once(
        store, holder, dataset_dir, network):
    _kill(holder)
    result = cli("load", dataset_dir, "--uri", store.uri)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(rf"note: took over the lock of dataset 'town' held by "
                        rf"{holding(holder)} since \S+", result.stderr.splitlines()[0])
    assert read(store, "town") == network
    assert locks(store) == 0


def test_a_killed_remote_loads_lock_lapses_after_its_last_heartbeat(store, remote_holder,
                                                                    network, dataset_dir):
    _kill(remote_holder)
    refused = cli("load", dataset_dir, "--uri", store.uri)
    assert refused.returncode == 17                 # two minutes have not passed
    assert re.match(rf"error: {re.escape(store.uri)}: dataset 'town' is being loaded by "
                    rf"{holding(remote_holder, 'another-machine')} since ", refused.stderr)
    time.sleep(1.5)
    report = load(network, store, stale_after=1)
    [note] = report.notes
    assert re.fullmatch(rf"took over the lock of dataset 'town' held by "
                        rf"{holding(remote_holder, 'another-machine')} since \S+", note)
    assert read(store, "town") == network
    assert locks(store) == 0


def test_break_lock_takes_over_a_remote_loads_lock_at_once(store, remote_holder, dataset_dir,
                                                           network):
    _kill(remote_holder)
    result = cli("load", dataset_dir, "--uri", store.uri, "--break-lock")
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(rf"note: took over the lock of dataset 'town' held by "
                        rf"{holding(remote_holder, 'another-machine')} since \S+",
                        result.stderr.splitlines()[0])
    assert read(store, "town") == network
    assert locks(store) == 0


def test_a_load_that_fails_gives_its_lock_back(store, network):
    def disk_full(table, rows):
        raise OSError("no space left on device")
    with pytest.raises(OSError):
        load(network, store, progress=disk_full)
    assert locks(store) == 0
    report = load(network, store)                   # not refused, nothing taken over
    assert report.notes == []
    assert read(store, "town") == network


def bodies(store) -> int:
    return store.driver.execute_query("MATCH (b:Body {dataset: 'town'}) RETURN count(b)",
                                      database_=store.database).records[0][0]

