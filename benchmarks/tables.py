"""Benchmark: the findings table, piped (one row a line) and fitted to a terminal.

    python benchmarks/tables.py --rows 100000 --width 100

Renders the same findings table (severity, rule, subject and a message long enough
to wrap) as ``graphmodel check`` prints it: once with no width limit, as when the
output is piped, and once fitted to a terminal ``--width`` columns wide, which wraps
the message column. Target: a piped table of 100,000 findings in <= 5 s. Anchor, in
the same run: the standard library's ``csv.writer`` writing the same rows, what a
script would print them with instead.
"""
from __future__ import annotations

import argparse
import csv
import io
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from common import verdict  # noqa: E402
from graphmodel.analysis.findings import Finding, Subject, to_rows  # noqa: E402
from graphmodel.render import table  # noqa: E402

COLUMNS = ["severity", "rule", "subject", "message"]


def findings(n: int) -> list[Finding]:
    return [Finding("person-load", "warning", Subject(f"person-{i}", f"Person {i}", "person"),
                    f"Person {i} sits on 12 bodies, more than the 8 the standards allow; "
                    "their seats are listed in the evidence.") for i in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--width", type=int, default=100)
    args = parser.parse_args()
    rows = to_rows(findings(args.rows))
    start = time.perf_counter()
    table(rows, COLUMNS, width=None)   # piped: no width limit
    piped = time.perf_counter() - start
    start = time.perf_counter()
    table(rows, COLUMNS, width=args.width)
    fitted = time.perf_counter() - start
    start = time.perf_counter()
    csv.writer(io.StringIO()).writerows([row[c] for c in COLUMNS] for row in rows)
    plain = time.perf_counter() - start
    print(f"{args.rows:,} findings: piped {piped:.2f} s, fitted to {args.width} columns "
          f"{fitted:.2f} s")
    met = verdict(f"{args.rows:,} findings piped {piped:.2f} s", "<= 5 s", piped <= 5,
                  f"csv.writer {plain:.2f} s")
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
