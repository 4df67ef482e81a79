"""Benchmark: read and validate a large synthetic dataset directory.

    python benchmarks/read_validate.py --bodies 20000 --people 200000 --seed 1

Generates the dataset with :func:`graphmodel.generate.generate` (unless --dir
already holds one), then reads and validates it with ``graphmodel.read_source``
in a fresh Python process, and reports the row counts, the wall time of the
read and the peak resident memory of that process against the targets:
at least 1,000,000 memberships, read and validated within 4 times the time
pandas' ``read_csv`` takes to parse the same files (its anchor, timed in its
own fresh process in the same run: the parse a notebook user would do, with no
validation), in at most 600 MiB, with no errors. pandas is an optional extra
(``pip install -e '.[bench]'``; ``make benchmark`` installs it).

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
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import verdict  # noqa: E402
TARGET_MEMBERSHIPS = 1_000_000
TARGET_TIMES_PANDAS = 4.0
TARGET_BYTES = 600 * 1024 ** 2

# What each child process reports of itself: its peak resident memory (bytes) and CPU.
USAGE = r"""
import resource
def usage():
    u = resource.getrusage(resource.RUSAGE_SELF)
    return {"peak": u.ru_maxrss * (1 if sys.platform == "darwin" else 1024),
            "cpu": u.ru_utime + u.ru_stime}
"""

# The anchor, in a child process of its own: pandas' read_csv of every CSV file of the
# dataset (argv[1]), each kept as a DataFrame as a notebook would hold them.
PANDAS = r"""
import json, sys, time
from pathlib import Path
try:
    import pandas
except ImportError:
    print(json.dumps({"missing": True}))
    sys.exit(0)
files = sorted(Path(sys.argv[1]).glob("*.csv"))
started, cpu_started = time.perf_counter(), time.process_time()
frames = [pandas.read_csv(f) for f in files]
seconds, read_cpu = time.perf_counter() - started, time.process_time() - cpu_started
print(json.dumps({"seconds": seconds, "read_cpu": read_cpu, "files": len(files),
                  "version": pandas.__version__,
                  "rows": sum(len(f) for f in frames), **usage()}))
"""

# Runs in the child process: argv[1] is the dataset, argv[2] the mode.
CHILD = r"""
import json, sys, time
source, mode = sys.argv[1], sys.argv[2]
import graphmodel
if mode == "tracemalloc":
    import tracemalloc
    tracemalloc.start(8)
started, cpu_started = time.perf_counter(), time.process_time()
if mode == "profile":
    import cProfile, pstats
    profiler = cProfile.Profile()
    network, problems = profiler.runcall(graphmodel.read_source, source)
else:
    network, problems = graphmodel.read_source(source)
seconds, read_cpu = time.perf_counter() - started, time.process_time() - cpu_started
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
    "read_cpu": read_cpu,
    "counts": network.counts() if network is not None else None,
    "errors": len(errors),
    "warnings": len(problems) - len(errors),
    "first_problems": [str(p) for p in problems[:10]],
    **usage(),
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
    for file in directory.glob("*.csv"):
        file.read_bytes()  # both reads below find the files in the page cache
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(ROOT)] + [p for p in [os.environ.get("PYTHONPATH")] if p]))
    pandas = _child(PANDAS, [str(directory)], env)
    child_mode = "profile" if args.profile else "tracemalloc" if args.tracemalloc else "plain"
    started = time.perf_counter()
    result = _child(CHILD, [str(source), child_mode], env)
    process_seconds = time.perf_counter() - started
    if result is None:
        print("the read failed")
        return 1

    counts = result["counts"] or {}
    print("counts: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    print(f"problems: {result['errors']} errors, {result['warnings']} warnings")
    for line in result["first_problems"]:
        print(f"  {line}")
    memberships = counts.get("memberships", 0)
    seconds, peak = result["seconds"], result["peak"]
    ours = (f"read + validate {seconds:.1f} s ({result['read_cpu']:.1f} s CPU; whole process "
            f"{process_seconds:.1f} s wall, {result['cpu']:.1f} s CPU)")
    if child_mode != "plain":
        print(f"(--{child_mode} slows the read: the figures below are not the benchmark's)")
    if args.xlsx:  # the targets are the CSV read's: only "no errors" is judged
        print(f"{ours}, peak RSS {peak / 2**20:,.0f} MiB")
        return 0 if _no_errors(result) else 1
    met = [verdict(f"memberships {memberships:,}", f">= {TARGET_MEMBERSHIPS:,}",
                   memberships >= TARGET_MEMBERSHIPS)]
    if pandas is None or pandas.get("missing"):
        print("pandas is not installed, so the time has no anchor to be judged against: "
              "install it with `.venv/bin/python -m pip install -e '.[bench]'` "
              "(make benchmark does)")
        print(ours)
        met.append(False)
    else:
        anchor = (f"pandas {pandas['version']} read_csv of the same {pandas['files']} files "
                  f"{pandas['seconds']:.2f} s ({pandas['read_cpu']:.2f} s CPU, peak RSS "
                  f"{pandas['peak'] / 2**20:,.0f} MiB)")
        # on a busy machine the wall times swing with the other work; the CPU times less
        times, cpu_times = seconds / pandas["seconds"], result["read_cpu"] / pandas["read_cpu"]
        met.append(verdict(f"{ours}, {times:.1f}x pandas ({cpu_times:.1f}x in CPU time)",
                           f"<= {TARGET_TIMES_PANDAS:.0f}x pandas", times <= TARGET_TIMES_PANDAS,
                           anchor))
    met.append(verdict(f"peak RSS {peak / 2**20:,.0f} MiB", f"<= {TARGET_BYTES / 2**20:,.0f} MiB",
                       peak <= TARGET_BYTES))
    met.append(_no_errors(result))
    return 0 if all(met) else 1


def _child(code: str, argv: list[str], env: dict[str, str]) -> dict[str, Any] | None:
    """Run ``code`` in a fresh Python process; what it printed last, as JSON (None if it
    failed)."""
    done = subprocess.run([sys.executable, "-c", "import sys\n" + USAGE + code, *argv],
                          stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT, check=False)
    if done.returncode != 0:
        print(f"a child process failed (exit code {done.returncode})")
        return None
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _no_errors(result: dict[str, Any]) -> bool:
    return verdict(f"{result['errors']} errors", "no errors",
                   result["errors"] == 0 and result["counts"] is not None)


if __name__ == "__main__":
    sys.exit(main())
