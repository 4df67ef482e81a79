"""The main job on the bundled seed data: read, check and summarise each dataset."""
from __future__ import annotations

import datetime as _dt
from collections import Counter
from pathlib import Path
from typing import Callable

from graphmodel.analysis.review import review
from graphmodel.gallery import write_gallery
from graphmodel.model import Network
from graphmodel.problems import GraphmodelError, UsageError, errors
from graphmodel.registry import SEVERITIES
from graphmodel.sources import read_counted
from graphmodel.words import count, count_records

__all__ = ["seed_data_dir", "run_demo", "visualisations_dir", "current_counts", "how_to_run"]


def seed_data_dir(explicit: str | None = None) -> Path:
    """The seed_data directory: given, beside the package (a checkout), or in the cwd."""
    candidates = [Path(explicit)] if explicit else [
        Path(__file__).resolve().parent.parent / "seed_data", Path.cwd() / "seed_data"]
    for path in candidates:
        if (path / "leeds" / "dataset.csv").exists() or (explicit and path.is_dir()):
            return path
    raise UsageError("seed data not found: run from a checkout of graphmodel, "
                          "or pass --seed-data DIR")


def visualisations_dir(seed_root: Path, explicit: str | None = None) -> Path:
    """Where demo writes maps: given, else visualisations/ beside the seed data."""
    return Path(explicit) if explicit else seed_root.resolve().parent / "visualisations"


def run_demo(seed_data: str | None = None, echo: Callable[[str], None] = print,
             today: _dt.date | None = None, out: str | None = None) -> dict[str, dict[str, int]]:
    """Check and summarise every dataset under seed_data, and write its maps, deck and
    review pack under ``out`` (default: visualisations/ beside seed_data); returns counts
    per dataset."""
    root = seed_data_dir(seed_data)
    out_root = visualisations_dir(root, out)
    today = today or _dt.date.today()
    results = {}
    for folder in sorted(p for p in root.iterdir() if (p / "dataset.csv").exists()):
        reading = read_counted(folder)
        network, problems = reading.network, reading.problems
        if network is None:
            for problem in errors(problems):
                echo(str(problem))
            raise GraphmodelError(f"seed dataset {folder.name} has errors")
        home = network.home_organisation
        echo(f"== {network.dataset.name}")
        echo(f"   home organisation: {home.name if home else 'none named'}")
        records = sum(reading.records.values())
        echo(f"   read {count(records, 'record')} in {count(len(reading.records), 'table')}, "
             f"drawn from {count_records(network.counts()['documents'], 'documents')}: "
             f"{count(len(problems), 'warning')} on validation")
        day = network.review_day(None if network.dataset.as_of else today)
        for line in current_counts(network, day):
            echo(f"   {line}")
        _review(network, day, echo)
        folder_out = out_root / network.dataset.id
        written = write_gallery(network, folder_out)
        echo(f"   maps, deck and review pack: {count(len(written), 'file')} in {folder_out}")
        results[network.dataset.id] = network.counts()
    return results


# the record types whose counts the demo shows, in the order it shows them
SHOWN = ("bodies", "organisations", "people", "posts", "memberships", "reporting_lines",
         "scrutiny_links", "resourcing", "assessments")


def current_counts(network: Network, day: _dt.date) -> list[str]:
    """Lines saying how many records are current on the day reviewed, of how many in
    all: the counts the deck and the review pack show, and why they may be fewer than
    the tables hold."""
    why = "the day the dataset describes" if network.dataset.as_of else "today"
    every, current = network.counts(), network.as_of(day).counts()
    parts = [f"{current[t]:,} of {count_records(every[t], t)}" for t in SHOWN]
    return [f"current on {day.isoformat()} ({why}), of the records in all:",
            "  " + ", ".join(parts[:4]) + ",", "  " + ", ".join(parts[4:7]) + ",",
            "  " + ", ".join(parts[7:])]


def how_to_run(script: Path, on_path: str | None, cwd: Path) -> str:
    """The demo's last words: how to run graphmodel next from this shell, where
    ``script`` is the graphmodel that ran and ``on_path`` the one the shell finds (if
    any)."""
    example = "template --out register.xlsx"
    if on_path and Path(on_path).resolve() == script.resolve():
        return f"Next: graphmodel {example} (a register to fill in), or graphmodel --help."
    try:
        shown = script.absolute().relative_to(cwd.absolute())
    except ValueError:
        shown = script.absolute()
    why = (f"the graphmodel this shell finds by name is another one ({on_path})" if on_path
           else "this shell does not find graphmodel by name")
    return (f"Next: {why}, so run this one as {shown} (for example {shown} {example}), or "
            f"run `source {shown.parent / 'activate'}` once and then type graphmodel alone.")


def _review(network: Network, day: _dt.date, echo: Callable[[str], None]) -> None:
    """A short review, as of the day the dataset describes: counts per rule, then headlines."""
    as_of = day.isoformat()
    findings = review(network, as_of=as_of)
    counts = Counter((f.severity, f.rule) for f in findings)
    echo(f"   review as of {as_of}{'' if network.dataset.as_of else ' (today)'}: "
         f"{count(len(findings), 'finding')}")
    for severity in reversed(SEVERITIES):
        found = sorted((rule, n) for (sev, rule), n in counts.items() if sev == severity)
        if found:
            echo(f"     {severity}: " + ", ".join(f"{n} {rule}" for rule, n in found))
    for rule in HEADLINES:
        for f in [f for f in findings if f.rule == rule][:2]:
            echo(f"     - {f.message}")


# the rules whose first findings make the demo's headlines, in order
HEADLINES = ("unrepresented", "resourced-but-unrepresented", "no-accountability-line",
             "scrutiny-conflict", "single-point-of-failure", "recommendation")
