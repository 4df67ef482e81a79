"""Benchmark: read and validate a large synthetic dataset directory.

    python benchmarks/read_validate.py --bodies 20000 --people 200000 --seed 1

Generates the dataset with :func:`graphmodel.generate.generate` (unless --dir
already holds one), then reads and validates it with ``graphmodel.read_source``
in a fresh Python process, and reports the row counts, the wall time of the
read and the peak resident memory of that process against the targets:
at least 1,000,000 memberships, under 30 seconds, under 2 GiB.

--xlsx reads the same dataset as one workbook instead (written once beside the
directory): a workbook reads far slower than CSV, so use a smaller dataset
(--bodies 2000 --people 20000); the targets are the CSV read's, so only "no
errors" is judged.

--profile prints the top functions by cumulative and internal time (cProfile)
of the read; --tracemalloc prints where the memory still held after the read
was allocated. Both slow the read down, so their figures are not the benchmark's.
Exits 0 when every target is met, 1 otherwise.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MEMBERSHIPS = 1_000_000
TARGET_SECONDS = 30.0
TARGET_BYTES = 2 * 1024 ** 3

# Runs in the child process: argv[1] is the dataset, argv[2] the mode.
CHILD = r"""
import json, sys, time
source, mode = sys.argv[1], sys.argv[2]
import graphmodel
if mode == "tracemalloc":
    import tracemalloc
    tracemalloc.start(8)
started = time.perf_counter()
if mode == "profile":
    import cProfile, pstats
    profiler = cProfile.Profile()
    network, problems = profiler.runcall(graphmodel.read_source, source)
else:
    network, problems = graphmodel.read_source(source)
seconds = time.perf_counter() - started
if mode == "profile":
    stats = pstats.Stats(profiler, stream=sys.stderr).strip_dirs()
    stats.sort_stats("cumulative").print_stats(25)
    stats.sort_stats("tottime").print_stats(25)
if mode == "tracemalloc":
    snapshot = tracemalloc.take_snapshot()
    top = snapshot.statistics("lineno")
    total = sum(s.size for s in top)
    print(f"tracemalloc: {total / 2**20:.0f} MiB held after the read", file=sys.stderr)
    for stat in top[:20]:
        print(f"{stat.size / 2**20:8.1f} MiB {stat.count:>9} blocks  {stat.traceback[0]}",
              file=sys.stderr)
errors = [p for p in problems if p.level == "error"]
print(json.dumps({
    "seconds": seconds,
    "counts": network.counts() if network is not None else None,
    "errors": len(errors),
    "warnings": len(problems) - len(errors),
    "first_problems": [str(p) for p in problems[:10]],
}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bodies", type=int, default=20000)
    parser.add_argument("--people", type=int, default=200000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, default=None,
                        help="dataset directory (default benchmarks/data/"
                             "synthetic-B-P-sS); generated there unless it holds dataset.csv")
    parser.add_argument("--xlsx", action="store_true",
                        help="read the dataset as an .xlsx workbook (written once beside it)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--profile", action="store_true", help="cProfile the read")
    mode.add_argument("--tracemalloc", action="store_true",
                      help="show where the memory held after the read was allocated")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    from graphmodel.generate import generate

    directory = args.dir or ROOT / "benchmarks" / "data" / (
        f"synthetic-{args.bodies}-{args.people}-s{args.seed}")
    if (directory / "dataset.csv").exists():
        print(f"using the dataset in {directory}")
    else:
        started = time.perf_counter()
        counts = generate(directory, args.bodies, args.people, seed=args.seed)
        print(f"generated {sum(counts.values()):,} rows in {directory} "
              f"in {time.perf_counter() - started:.1f} s")
    size = sum(f.stat().st_size for f in directory.glob("*.csv"))
    print(f"dataset: {size / 2**20:.0f} MiB of CSV")
    source = directory
    if args.xlsx:
        source = directory.with_suffix(".xlsx")
        if not source.exists():
            from graphmodel import open_source, write_source
            write_source(open_source(directory), source, "xlsx")
        print(f"reading the workbook {source} ({source.stat().st_size / 2**20:.0f} MiB)")

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} CPUs, load average {load} (other work slows the wall time)")
    child_mode = "profile" if args.profile else "tracemalloc" if args.tracemalloc else "plain"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(ROOT)] + [p for p in [os.environ.get("PYTHONPATH")] if p]))
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD, str(source), child_mode],
                          stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT, check=False)
    process_seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    peak_bytes = peak if sys.platform == "darwin" else peak * 1024  # Linux reports KiB
    if done.returncode != 0:
        print(f"the read failed (exit code {done.returncode})")
        return 1
    result = json.loads(done.stdout.strip().splitlines()[-1])

    counts = result["counts"] or {}
    print("counts: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    print(f"problems: {result['errors']} errors, {result['warnings']} warnings")
    for line in result["first_problems"]:
        print(f"  {line}")
    memberships = counts.get("memberships", 0)
    seconds = result["seconds"]
    checks = [
        (f"memberships {memberships:,} >= {TARGET_MEMBERSHIPS:,}",
         memberships >= TARGET_MEMBERSHIPS),
        (f"read + validate {seconds:.1f} s < {TARGET_SECONDS:.0f} s (whole process "
         f"{process_seconds:.1f} s wall, {cpu:.1f} s CPU)", seconds < TARGET_SECONDS),
        (f"peak RSS {peak_bytes / 2**20:,.0f} MiB < {TARGET_BYTES / 2**20:,.0f} MiB",
         peak_bytes < TARGET_BYTES),
        ("no errors", result["errors"] == 0 and result["counts"] is not None),
    ]
    if args.xlsx:  # the targets are the CSV read's: only "no errors" is judged
        print(f"read + validate {seconds:.1f} s (whole process {process_seconds:.1f} s wall, "
              f"{cpu:.1f} s CPU), peak RSS {peak_bytes / 2**20:,.0f} MiB")
        checks = checks[-1:]
    if child_mode != "plain":
        print(f"(--{child_mode.replace('plain', '')} slows the read: the figures below "
              "are not the benchmark's)")
    for text, ok in checks:
        print(f"{'met ' if ok else 'MISSED'} {text}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
