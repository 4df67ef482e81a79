"""Benchmark: write a large synthetic dataset with ``graphmodel generate``.

    python benchmarks/generate.py --bodies 20000 --people 200000 --seed 1 --runs 3

Runs the generator --runs times, each in a fresh Python process writing into a
temporary directory (removed afterwards), and reports each run's wall time, CPU
time (user + system) and peak resident memory, then the medians. CPU time is the
steadier figure on a machine shared with other work. With --against FILE (a copy
of an earlier generator module, e.g. taken with ``git show REV:graphmodel/generate.py``)
the runs alternate between it and the current generator, so both are measured under
the same load, and the output of the two is compared byte for byte: the one judged
figure (no time target is set for generating).
"""
from __future__ import annotations

import argparse
import filecmp
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import verdict  # noqa: E402

# Runs in the child process: argv[1] the module file ("" for the current generator),
# argv[2] the output directory, then bodies, people, seed.
CHILD = r"""
import importlib.util, sys
module, out, bodies, people, seed = sys.argv[1:6]
if module:
    spec = importlib.util.spec_from_file_location("earlier_generator", module)
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
else:
    import graphmodel.generate as generator
generator.generate(out, int(bodies), int(people), seed=int(seed))
"""


def run_once(module: str, out: Path, args: argparse.Namespace) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak MiB of one generation in a fresh process."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(ROOT)] + [p for p in [os.environ.get("PYTHONPATH")] if p]))
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", CHILD, module, str(out), str(args.bodies),
                              str(args.people), str(args.seed)], env=env, cwd=ROOT)
    _, status, usage = os.wait4(child.pid, 0)  # this child's own usage, not all children's
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"the generator failed (exit code {child.returncode})")
    peak = usage.ru_maxrss / 2**20 if sys.platform == "darwin" else usage.ru_maxrss / 1024
    return wall, usage.ru_utime + usage.ru_stime, peak


def same_files(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.glob("*.csv"))
    return names == sorted(p.name for p in b.glob("*.csv")) and all(
        filecmp.cmp(a / n, b / n, shallow=False) for n in names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bodies", type=int, default=20000)
    parser.add_argument("--people", type=int, default=200000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", type=Path, default=None,
                        help="an earlier generator module to alternate with")
    args = parser.parse_args(argv)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} CPUs, load average {load} (other work slows the wall time)")
    versions = {"current": ""}
    if args.against:
        versions = {"earlier": str(args.against.resolve()), "current": ""}
    figures: dict[str, list[tuple[float, float, float]]] = {name: [] for name in versions}
    with tempfile.TemporaryDirectory(prefix="graphmodel-generate-") as scratch:
        for run in range(1, args.runs + 1):
            for name, module in versions.items():
                out = Path(scratch) / name
                wall, cpu, peak = run_once(module, out, args)
                figures[name].append((wall, cpu, peak))
                print(f"run {run} {name:<8} {wall:7.2f} s wall  {cpu:6.2f} s CPU  "
                      f"peak {peak:,.0f} MiB", flush=True)
        identical = args.against is None or same_files(Path(scratch) / "earlier",
                                                       Path(scratch) / "current")
    for name, rows in figures.items():
        print(f"median {name:<8} {statistics.median(r[0] for r in rows):7.2f} s wall  "
              f"{statistics.median(r[1] for r in rows):6.2f} s CPU")
    if args.against:
        verdict("output: " + ("byte-identical" if identical else "DIFFERENT"),
                "byte-identical to the earlier generator's", identical,
                "the earlier generator: median "
                f"{statistics.median(r[0] for r in figures['earlier']):.2f} s wall")
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
