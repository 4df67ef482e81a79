"""Benchmark: the batched Neo4j load against a naive one-row-per-transaction loop.

    python benchmarks/neo4j_load.py --bodies 20000 --people 200000 --seed 1

Generates the dataset (once, under benchmarks/data/), starts a fresh local Neo4j
(or uses NEO4J_URI if set, which must be an empty database you can write to)
and loads the dataset with ``graphmodel.store.load.load`` twice:

1. into the server just started (its Java code not yet compiled: the slowest case);
2. the same records again as a second dataset beside the first, into the server
   the first load has warmed up, as a store that has been running a while is.

Then it re-loads the first (nothing changes) and, in the same run, times a
naive loop that MERGEs one membership per transaction on a sample. Prints
every rate and whether the targets are met (batched >= 20,000 memberships/s
over the whole load; >= 50x the naive rate).

``--runs N`` repeats the first load on N servers, each started afresh, and
judges the median: on a shared 2-core machine the same load's time varies by a
tenth or more from run to run. Every run's figure is printed as well.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import dataset_arguments, dataset_dir  # noqa: E402

TARGET = 20_000

NAIVE = """
MERGE (p:Person {dataset: $dataset, id: $person})
MERGE (b:Body {dataset: $dataset, id: $body})
MERGE (p)-[m:MEMBER_OF {dataset: $dataset, id: $id}]->(b)
SET m.role = $role, m.on_behalf_of = $on_behalf_of, m.start = $start, m.end = $end
"""


def naive_rate(store, network, sample: int) -> float:
    """One MERGE-heavy transaction per membership, as a first attempt would be written."""
    memberships = [m for m in network.memberships.values() if m.person][:sample]
    started = time.perf_counter()
    with store.driver.session(database=store.database) as session:
        for m in memberships:
            session.execute_write(lambda tx, m=m: tx.run(
                NAIVE, dataset="naive-loop", person=m.person, body=m.body, id=m.id,
                role=m.role, on_behalf_of=m.on_behalf_of, start=m.start, end=m.end).consume())
    return len(memberships) / (time.perf_counter() - started)


def server_cpu_seconds(pid: int | None) -> float | None:
    """CPU time the local server has used so far (Linux), or None."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(") ", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, TypeError, ValueError, IndexError):
        return None


def timed_load(store, network, batch_size: int, label: str, pid: int | None) -> dict:
    """Load a network, timing the whole load and the membership phase, with the CPU
    time each side used (the client's all threads; the server's if it is local)."""
    from graphmodel.store.load import load

    phases: dict[str, list[float]] = {}

    def progress(table: str, rows: int) -> None:
        now = time.perf_counter()
        phases.setdefault(table, [now, now])[1] = now
    server_before, client_before = server_cpu_seconds(pid), time.process_time()
    started = time.perf_counter()
    load(network, store, batch_size=batch_size, progress=progress)
    seconds = time.perf_counter() - started
    client_cpu, server_after = time.process_time() - client_before, server_cpu_seconds(pid)
    first, last = phases["memberships"]
    # from the end of the phase before to the last membership batch
    before = max((end for _, (_, end) in phases.items() if end <= first), default=started)
    memberships = len(network.memberships)
    result = {"seconds": round(seconds, 1), "memberships_per_second": round(memberships / seconds),
              "membership_phase_seconds": round(last - before, 1),
              "membership_phase_per_second": round(memberships / (last - before)),
              "client_cpu_seconds": round(client_cpu, 1),
              "server_cpu_seconds": round(server_after - server_before, 1)
              if server_after is not None and server_before is not None else None}
    print(f"{label}: {sum(network.counts().values()):,} records ({memberships:,} memberships) "
          f"in {seconds:.1f} s = {result['memberships_per_second']:,} memberships/s over the "
          f"whole load; writing the memberships {result['membership_phase_seconds']} s = "
          f"{result['membership_phase_per_second']:,}/s; CPU: client {client_cpu:.1f} s, "
          f"server {result['server_cpu_seconds']} s", flush=True)
    return result


def fresh_server(heap: str):
    """A local server started afresh in a temporary directory: (info, home)."""
    from graphmodel.store import server

    home = Path(tempfile.mkdtemp(prefix="graphmodel-bench-"))
    return server.start(7690, home=home, heap=heap, pagecache="2g"), home


def stop(info, home: Path) -> None:
    from graphmodel.store import server

    server.stop_instance(info)
    shutil.rmtree(home, ignore_errors=True)


def first_load(network, args, run: int) -> dict:
    """Load into a server just started (NEO4J_URI's server, or a fresh local one)."""
    from graphmodel.store.connection import connect

    uri, info = os.environ.get("NEO4J_URI"), None
    if not uri:
        info, home = fresh_server(args.heap)
        uri = info.uri
    try:
        with connect(uri) as store:
            store.ensure_schema()
            label = "load into the server just started" + (
                f" (run {run + 1} of {args.runs})" if args.runs > 1 else "")
            result = timed_load(store, network, args.batch_size, label,
                                info.pid if info else None)
            if run == args.runs - 1:
                result["later"] = later_loads(store, network, args, info)
            return result
    finally:
        if info:
            stop(info, home)


def later_loads(store, network, args, info) -> dict:
    """On the server the first load warmed up: a second dataset, a re-load, the naive loop."""
    from graphmodel.store.load import load

    second = type(network)(replace(network.dataset, id=network.dataset.id + "-again"))
    second.tables = network.tables
    warmed = timed_load(store, second, args.batch_size,
                        "the same records as a second dataset, server warmed up",
                        info.pid if info else None)
    t0 = time.perf_counter()
    again = load(network, store, batch_size=args.batch_size)
    reload_seconds = time.perf_counter() - t0
    print(f"re-load of the same source: {reload_seconds:.1f} s, "
          f"unchanged={again.unchanged}", flush=True)
    naive = naive_rate(store, network, args.sample)
    print(f"naive loop: {args.sample:,} memberships, one per transaction: "
          f"{naive:,.0f} memberships/s", flush=True)
    return {"warmed": warmed, "reload_seconds": round(reload_seconds, 1),
            "reload_unchanged": again.unchanged, "naive": naive}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    dataset_arguments(parser)
    parser.add_argument("--batch-size", type=int, default=10000)
    parser.add_argument("--sample", type=int, default=2000, help="rows for the naive loop")
    parser.add_argument("--heap", default="4g", help="heap of the local server")
    parser.add_argument("--runs", type=int, default=1,
                        help="first loads, each into a server started afresh; the median is judged")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be 1 or more")
    if args.runs > 1 and os.environ.get("NEO4J_URI"):
        parser.error("--runs needs the local server: the server NEO4J_URI names "
                     "cannot be started afresh for each run")

    from graphmodel import open_source

    source = dataset_dir(args)
    t0 = time.perf_counter()
    network = open_source(source)
    counts = network.counts()
    print(f"read {counts['memberships']:,} memberships in {time.perf_counter() - t0:.1f} s",
          flush=True)
    runs = [first_load(network, args, run) for run in range(args.runs)]
    later = runs[-1].pop("later")
    result = summary(counts, runs, later)
    print(json.dumps(result, indent=2))
    return 0 if all(result["targets_met"].values()) else 1


def summary(counts: dict, runs: list[dict], later: dict) -> dict:
    """The figures and the targets: the just-started case judged by its median run."""
    rates = sorted(run["memberships_per_second"] for run in runs)
    median = statistics.median_low(rates)
    fresh = next(run for run in runs if run["memberships_per_second"] == median)
    warmed, naive = later["warmed"], later["naive"]
    slowest = min(median, warmed["memberships_per_second"])
    return {
        "memberships": counts["memberships"], "records": sum(counts.values()),
        "fresh_server": fresh,
        "fresh_server_runs": {"memberships_per_second": rates,
                              "seconds": sorted(run["seconds"] for run in runs),
                              "runs_meeting_target": sum(rate >= TARGET for rate in rates)},
        "warmed_server": warmed,
        "reload_seconds": later["reload_seconds"], "reload_unchanged": later["reload_unchanged"],
        "naive_memberships_per_second": round(naive, 1),
        "speedup_fresh": round(median / naive, 1),
        "targets_met": {
            "memberships >= 1,000,000": counts["memberships"] >= 1_000_000,
            f">= {TARGET:,} memberships/s, server just started (median run)": median >= TARGET,
            f">= {TARGET:,} memberships/s, server warmed up":
                warmed["memberships_per_second"] >= TARGET,
            ">= 50x naive": slowest / naive >= 50},
    }


if __name__ == "__main__":
    sys.exit(main())
