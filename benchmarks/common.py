"""What the benchmarks share: the generated dataset they run on."""
from __future__ import annotations

import argparse
from pathlib import Path

HERE = Path(__file__).resolve().parent


def dataset_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bodies", type=int, default=20000)
    parser.add_argument("--people", type=int, default=200000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", default=str(HERE / "data"))


def dataset_dir(args: argparse.Namespace) -> Path:
    """The generated dataset for these arguments, generating it the first time."""
    from graphmodel.generate import generate

    path = Path(args.dir) / f"synthetic-{args.bodies}-{args.people}-s{args.seed}"
    if not (path / "dataset.csv").exists():
        print(f"generating {path} ...", flush=True)
        generate(path, bodies=args.bodies, people=args.people, seed=args.seed)
    return path


def verdict(figure: str, target: str, met: bool, anchor: str = "") -> bool:
    """Print one judged figure on one line: the figure, its target, the anchor measured
    in the same run (what a user would pick instead), and met or NOT met.

    >>> verdict("read 5.1 s", "<= 4x pandas", True, "pandas 1.3 s")
    met      read 5.1 s   (target <= 4x pandas; anchor pandas 1.3 s)
    True
    """
    beside = f"target {target}" + (f"; anchor {anchor}" if anchor else "")
    print(f"{'met' if met else 'NOT met':<8} {figure}   ({beside})", flush=True)
    return met
