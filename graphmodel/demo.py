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
from graphmodel.sources import read_source

__all__ = ["seed_data_dir", "run_demo", "visualisations_dir"]


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
        network, problems = read_source(folder)
        if network is None:
            for problem in errors(problems):
                echo(str(problem))
            raise GraphmodelError(f"seed dataset {folder.name} has errors")
        counts = network.counts()
        current = network.as_of(today).counts()
        home = network.home_organisation
        echo(f"== {network.dataset.name}")
        echo(f"   home organisation: {home.name if home else 'none named'}")
        echo(f"   {counts['bodies']} bodies ({current['bodies']} still current), "
             f"{counts['organisations']} organisations, {counts['people']} people, "
             f"{counts['posts']} posts")
        echo(f"   {counts['memberships']} memberships, {counts['reporting_lines']} reporting "
             f"lines, {counts['scrutiny_links']} scrutiny links, "
             f"{counts['resourcing']} resourcing rows, {counts['assessments']} assessments")
        echo(f"   drawn from {counts['documents']} documents; "
             f"{len(problems)} warning(s) on validation")
        _review(network, echo)
        folder_out = out_root / network.dataset.id
        written = write_gallery(network, folder_out)
        echo(f"   maps, deck and review pack: {len(written)} files in {folder_out}")
        results[network.dataset.id] = counts
    return results


def _review(network: Network, echo: Callable[[str], None]) -> None:
    """A short review, as of the day the dataset describes: counts per rule, then headlines."""
    as_of = network.review_day().isoformat()
    findings = review(network, as_of=as_of)
    counts = Counter((f.severity, f.rule) for f in findings)
    echo(f"   review as of {as_of}{'' if network.dataset.as_of else ' (today)'}: "
         f"{len(findings)} findings")
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
