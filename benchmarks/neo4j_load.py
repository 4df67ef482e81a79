"""Benchmark: the batched Neo4j load against a naive one-row-per-transaction loop.

    python benchmarks/neo4j_load.py --bodies 20000 --people 200000 --seed 1

Generates the dataset (once, under benchmarks/data/), starts a fresh local Neo4j
(or uses NEO4J_URI if set, which must be an empty database you can write to),
loads the dataset with ``graphmodel.store.neo4j.load`` and then, in the same
run, times a naive loop that MERGEs one membership per transaction on a sample.
Prints both rates and whether the targets are met (batched >= 20,000
memberships/s; >= 50x the naive rate).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import dataset_arguments, dataset_dir  # noqa: E402


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    dataset_arguments(parser)
    parser.add_argument("--batch-size", type=int, default=10000)
    parser.add_argument("--sample", type=int, default=2000, help="rows for the naive loop")
    parser.add_argument("--heap", default="4g", help="heap of the local server")
    args = parser.parse_args()

    from graphmodel import open_source
    from graphmodel.store import server
    from graphmodel.store.neo4j import connect, load

    source = dataset_dir(args)
    t0 = time.perf_counter()
    network = open_source(source)
    read_seconds = time.perf_counter() - t0
    counts = network.counts()
    print(f"read {counts['memberships']:,} memberships in {read_seconds:.1f} s", flush=True)

    info = None
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        home = Path(tempfile.mkdtemp(prefix="graphmodel-bench-"))
        info = server.start(7690, home=home, heap=args.heap, pagecache="2g")
        uri = info.uri
    try:
        with connect(uri) as store:
            store.ensure_schema()
            phases: dict[str, list[float]] = {}

            def progress(table: str, rows: int) -> None:
                now = time.perf_counter()
                phases.setdefault(table, [now, now])[1] = now
            t0 = time.perf_counter()
            load(network, store, batch_size=args.batch_size, progress=progress)
            load_seconds = time.perf_counter() - t0
            first, last = phases["memberships"]
            # from the end of the phase before to the last membership batch
            before = max((end for t, (_, end) in phases.items() if end <= first), default=t0)
            phase_seconds = last - before
            rate = counts["memberships"] / load_seconds
            print(f"batched load: {sum(counts.values()):,} records "
                  f"({counts['memberships']:,} memberships) in {load_seconds:.1f} s = "
                  f"{rate:,.0f} memberships/s over the whole load", flush=True)
            print(f"  of which writing the memberships: {phase_seconds:.1f} s = "
                  f"{counts['memberships'] / phase_seconds:,.0f} memberships/s", flush=True)
            t0 = time.perf_counter()
            again = load(network, store, batch_size=args.batch_size)
            reload_seconds = time.perf_counter() - t0
            print(f"re-load of the same source: {reload_seconds:.1f} s, "
                  f"unchanged={again.unchanged}", flush=True)
            naive = naive_rate(store, network, args.sample)
            print(f"naive loop: {args.sample:,} memberships, one per transaction: "
                  f"{naive:,.0f} memberships/s", flush=True)
    finally:
        if info:
            server.stop_instance(info)
    result = {
        "memberships": counts["memberships"], "records": sum(counts.values()),
        "load_seconds": round(load_seconds, 1), "memberships_per_second": round(rate),
        "membership_phase_seconds": round(phase_seconds, 1),
        "reload_seconds": round(reload_seconds, 1),
        "naive_memberships_per_second": round(naive, 1), "speedup": round(rate / naive, 1),
        "targets_met": {"memberships >= 1,000,000": counts["memberships"] >= 1_000_000,
                        ">= 20,000 memberships/s": rate >= 20_000,
                        ">= 50x naive": rate / naive >= 50},
    }
    print(json.dumps(result, indent=2))
    return 0 if all(result["targets_met"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
