"""What a deck and a review pack lead with: the key findings and a map of each.

Shared by :mod:`graphmodel.maps.deck` and :mod:`graphmodel.pack`, so a
presentation and the committee paper beside it tell the same story.
"""
from __future__ import annotations

from collections import Counter
from typing import Sequence

from graphmodel.analysis.findings import SEVERITIES, Finding
from graphmodel.maps import folded, layout, views
from graphmodel.maps.scene import Map, Review, draw, finding_nodes
from graphmodel.maps.styling import humanise

__all__ = ["key_findings", "finding_map", "finding_heading", "try_draw", "tally", "MAX_KEY",
           "held", "folded_views"]

MAX_KEY = 8
"""How many findings a deck gives a slide each (the review pack lists them all)."""


def key_findings(findings: list[Finding], limit: int = MAX_KEY) -> list[Finding]:
    """The most severe findings, one per subject, at most ``limit``; notes only if nothing
    more severe was found."""
    rank = {s: i for i, s in enumerate(reversed(SEVERITIES))}
    serious = [f for f in findings if f.severity != "info"] or list(findings)
    chosen, seen = [], set()
    for f in sorted(serious, key=lambda f: (rank.get(f.severity, 9), f.rule, f.subject.name,
                                           f.subject.id)):
        if (f.subject.type, f.subject.id) in seen:
            continue
        seen.add((f.subject.type, f.subject.id))
        chosen.append(f)
        if len(chosen) == limit:
            break
    return chosen


def finding_heading(f: Finding) -> str:
    """``Leicestershire Health and Wellbeing Board: unrepresented``."""
    return f"{f.subject.name}: {humanise(f.rule).lower()}"


def finding_map(rv: Review, f: Finding, map_id: str,
                frame: tuple[float, float] = layout.FRAME) -> Map | None:
    """The neighbourhood of a finding's subject (or of the records it rests on), drawn
    over ``frame``."""
    whole = views.build_view(rv.current, "network", rv.org)
    centres = finding_nodes(f, whole.nodes)
    if not centres:
        return None
    return try_draw(rv, "ego", map_id, focus=centres, title=finding_heading(f), frame=frame)


def try_draw(rv: Review, view: str, map_id: str, focus: str | Sequence[str] | None = None,
             title: str | None = None,
             frame: tuple[float, float] = layout.FRAME, people: bool = True,
             canvas: tuple[float, float] = folded.CANVAS) -> Map | None:
    """A map (as :func:`graphmodel.maps.scene.draw` draws it), or None when it is too big
    to draw (the caller says so instead)."""
    try:
        return draw(rv, view, focus=focus, map_id=map_id, title=title, frame=frame,
                    people=people, canvas=canvas)
    except views.MapTooLarge:
        return None


def tally(findings: list[Finding]) -> str:
    """``74 findings: 40 warnings, 34 notes``."""
    if not findings:
        return "No findings."
    counts = Counter(f.severity for f in findings)
    words = {"error": "error", "warning": "warning", "info": "note"}
    parts = [f"{counts[s]} {words.get(s, s)}{'s' if counts[s] != 1 else ''}"
             for s in reversed(SEVERITIES) if counts[s]]
    return f"{len(findings)} finding{'s' if len(findings) != 1 else ''}: {', '.join(parts)}."


def held(rv: Review, table: str) -> str:
    """How many records of a table are current on the review's day, as a deck and a pack
    count them: reporting lines say how many of them are inferred.

    >>> from graphmodel.analysis.example import tiny_network, line
    >>> from graphmodel.maps.scene import prepare
    >>> rv = prepare(tiny_network(line("a", "b"), line("c", "b", kind="inferred")))
    >>> held(rv, "reporting_lines"), held(rv, "bodies")
    ('2 (1 inferred)', '3')
    """
    n = len(rv.current.tables[table])
    inferred = sum(ln.kind == "inferred" for ln in rv.current.reporting_lines.values()) \
        if table == "reporting_lines" else 0
    return f"{n} ({inferred} inferred)" if inferred else str(n)


def folded_views(rv: Review) -> list[str]:
    """The whole views that a network of this size draws with its people folded into its
    bodies (the representation view only where an organisation is reviewed): the sign
    that a deck and a pack should lead with the legible forms."""
    return [view for view in folded.FOLDED_VIEWS if view != "representation" or rv.org
            if folded.folds(view, len(views.build_view(rv.current, view, rv.org).nodes),
                            folded.FOLD_ABOVE, False)]
