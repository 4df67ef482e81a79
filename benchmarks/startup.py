"""Benchmark: ``graphmodel check`` on a small network, as a user runs it.

    python benchmarks/startup.py                      # 7 runs of each, after one warm-up
    python benchmarks/startup.py --against OTHER/bin/graphmodel

Times ``graphmodel check`` in a fresh process, wall clock from start to exit, on both
seed datasets and on a council of a real council's size (``graphmodel generate
--profile council``, seed 0, written to a temporary folder), each run once to warm the
disk cache and then ``--runs`` times, judging the median. Anchors, measured in the same
run with the same Python: its bare start-up (``python -c pass``) and ``python -c "import
networkx"``, the library a notebook user would start from. Targets: a seed dataset's
check <= 0.5 s, the council's <= 1 s. Runs alternate between the commands, so a swing
in the machine's load falls on all of them; with ``--against`` (another installation's
``graphmodel``, e.g. the code before a change) its runs alternate with these too and
its figures are printed beside them. Exits 0 when every target is met.

Python keeps each module it compiles as bytecode, so a user's second run of a command
reads it rather than compiling the source again; the runs here do the same, keeping it
in a scratch folder of their own (``PYTHONPYCACHEPREFIX``) even where the environment
says not to write it (``PYTHONDONTWRITEBYTECODE``), and so writing nothing beside the
code measured. ``--compile-each-run`` measures instead with nothing kept, every module
compiled afresh in every run.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import verdict  # noqa: E402

SEEDS = HERE.parent / "seed_data"
TARGETS = {"leeds": 0.5, "harborough": 0.5, "council": 1.0}


def run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds from starting the command in a fresh process to its exit, and the CPU
    seconds (user + system) it used: the steadier figure on a machine shared with other work."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             env=env)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):   # 1: it found something to report
        raise SystemExit(f"{' '.join(command)} failed (exit code "
                         f"{os.waitstatus_to_exitcode(status)})")
    return elapsed, usage.ru_utime + usage.ru_stime


def timings(commands: dict[str, list[str]], runs: int,
            env: dict[str, str] | None) -> dict[str, list[tuple[float, float]]]:
    """Each command's runs: one warm-up, then ``runs`` rounds, one run of each a round."""
    for command in commands.values():
        run(command, env)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(run(command, env))
    return times


def environment(scratch: Path, compile_each_run: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    if compile_each_run:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env["PYTHONPYCACHEPREFIX"] = str(scratch / "bytecode")
    return env


def _load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def _graphmodel() -> str:
    beside = Path(sys.executable).with_name("graphmodel")
    return str(beside) if beside.exists() else "graphmodel"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--graphmodel", default=_graphmodel(),
                        help="the graphmodel command to time (default: this Python's)")
    parser.add_argument("--against", help="another graphmodel command to alternate with")
    parser.add_argument("--compile-each-run", action="store_true",
                        help="keep no bytecode: every run compiles every module afresh")
    args = parser.parse_args()
    python = str(Path(args.graphmodel).with_name("python")) if "/" in args.graphmodel \
        else sys.executable
    print(f"machine: {os.cpu_count()} CPUs, load average before {_load()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="graphmodel-startup-") as scratch:
        council = Path(scratch) / "council"
        subprocess.run([args.graphmodel, "generate", "--profile", "council", "--out",
                        str(council)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=True)
        datasets = {"leeds": SEEDS / "leeds", "harborough": SEEDS / "harborough",
                    "council": council}
        commands = {"python -c pass": [python, "-c", "pass"],
                    "import networkx": [python, "-c", "import networkx"]}
        for name, path in datasets.items():
            commands[f"check {name}"] = [args.graphmodel, "check", str(path)]
            if args.against:
                commands[f"earlier check {name}"] = [args.against, "check", str(path)]
        measured = timings(commands, args.runs, environment(Path(scratch),
                                                            args.compile_each_run))
    times = {name: [w for w, _ in runs] for name, runs in measured.items()}
    for name, runs in measured.items():
        walls = times[name]
        print(f"{name:<26} median {statistics.median(walls):.3f} s wall (min {min(walls):.3f}, "
              f"max {max(walls):.3f}), {statistics.median(c for _, c in runs):.3f} s CPU")
    print(f"load average after {_load()}; bytecode "
          + ("compiled afresh in every run" if args.compile_each_run else "kept between runs"))
    bare = statistics.median(times["python -c pass"])
    networkx = statistics.median(times["import networkx"])
    anchor = f"python start-up {bare:.2f} s, import networkx {networkx:.2f} s"
    met = True
    for name, target in TARGETS.items():
        figure = statistics.median(times[f"check {name}"])
        earlier = f"; before {statistics.median(times[f'earlier check {name}']):.2f} s" \
            if args.against else ""
        met &= verdict(f"check {name} {figure:.2f} s wall (median of {args.runs})",
                       f"<= {target:g} s", figure <= target, anchor + earlier)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
