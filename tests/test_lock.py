"""One load of a dataset at a time: a lock held in the database, tried with real processes
against the real Neo4j server of the test session."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graphmodel.store.neo4j import LoadLocked, load, read

SEED = Path(__file__).resolve().parent.parent / "seed_data"

# A second process that takes the town dataset's lock through the library, as a load
# does, beats its heartbeat every half second and holds the lock until it is killed.
HOLDER = """
import sys, time
from graphmodel.store.neo4j import connect, load_lock
with connect(sys.argv[1]) as store:
    store.ensure_schema()
    with load_lock(store, sys.argv[2], heartbeat=0.5):
        print("holding", flush=True)
        time.sleep(600)
"""


def cli(*args):
    return subprocess.run([sys.executable, "-m", "graphmodel.cli", *map(str, args)],
                          capture_output=True, text=True, env=os.environ.copy())


def locks(store) -> int:
    return store.driver.execute_query("MATCH (l:LoadLock) RETURN count(l)",
                                      database_=store.database).records[0][0]


@pytest.fixture
def holder(store):
    """A process holding the town dataset's load lock."""
    process = subprocess.Popen([sys.executable, "-c", HOLDER, store.uri, "town"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=os.environ.copy())
    assert process.stdout.readline() == "holding\n", process.stderr.read()
    yield process
    process.kill()
    process.wait()


def test_a_second_load_of_the_dataset_is_refused_while_another_holds_its_lock(
        store, holder, dataset_dir):
    result = cli("load", dataset_dir, "--uri", store.uri)
    assert result.returncode == 17
    assert "dataset 'town' is being loaded by " in result.stderr
    assert f"(process {holder.pid}) since " in result.stderr
    assert "--break-lock" in result.stderr and "Traceback" not in result.stderr
    assert read_datasets(store) == []               # the refused load wrote nothing
    other = cli("load", SEED / "harborough", "--uri", store.uri)
    assert other.returncode == 0, other.stderr      # other datasets load meanwhile


def test_a_live_holder_keeps_its_lock_by_its_heartbeat(store, holder, network):
    time.sleep(2)
    with pytest.raises(LoadLocked):                 # it beat within the last second
        load(network, store, stale_after=1)


def test_a_killed_loads_lock_lapses_after_its_last_heartbeat(store, holder, network,
                                                            dataset_dir):
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    refused = cli("load", dataset_dir, "--uri", store.uri)
    assert refused.returncode == 17                 # two minutes have not passed
    time.sleep(1.5)
    report = load(network, store, stale_after=1)
    assert len(report.notes) == 1
    assert report.notes[0].startswith("took over the lock of dataset 'town' held by ")
    assert f"(process {holder.pid})" in report.notes[0]
    assert read(store, "town") == network
    assert locks(store) == 0


def test_break_lock_takes_over_a_killed_loads_lock_at_once(store, holder, dataset_dir,
                                                           network):
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    result = cli("load", dataset_dir, "--uri", store.uri, "--break-lock")
    assert result.returncode == 0, result.stderr
    assert "note: took over the lock of dataset 'town' held by " in result.stderr
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


def read_datasets(store) -> list[str]:
    return [d["id"] for d in store.datasets()]

