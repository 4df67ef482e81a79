"""A presentation deck: one offline HTML file of slides for a committee meeting.

The slides: a title, the whole network, the accountability hierarchy, one slide
per key finding (its focused map and what it means in plain English), and a
closing count of every finding. Arrow keys, Page Up/Down, Home/End and the
Previous and Next buttons move between them.
"""
from __future__ import annotations

from collections import Counter
from html import escape
from pathlib import Path
from typing import Any

from graphmodel.maps.highlights import (MAX_KEY, finding_heading, finding_map, key_findings,
                                        tally, try_draw)
from graphmodel.maps.page import document, map_section, write_html
from graphmodel.maps.scene import Review, evidence_text, prepare

__all__ = ["deck_html", "write_deck"]


def _e(text: Any) -> str:
    return escape(str(text), quote=True)


def _slide(number: int, total: int, title: str, body: str, extra_class: str = "") -> str:
    return (f'<section class="gm-slide {extra_class}" id="slide-{number}" '
            f'aria-roledescription="slide" aria-label="{number} of {total}: {_e(title)}"'
            f'{" hidden" if number > 1 else ""}>{body}</section>')


def _title_slide(rv: Review) -> str:
    counts = rv.current.counts()
    facts = [("Bodies", counts["bodies"]), ("Organisations", counts["organisations"]),
             ("People", counts["people"]), ("Posts", counts["posts"]),
             ("Memberships", counts["memberships"]), ("Reporting lines", counts["reporting_lines"]),
             ("Scrutiny links", counts["scrutiny_links"])]
    rows = "".join(f"<tr><th scope=\"row\">{k}</th><td>{v}</td></tr>" for k, v in facts)
    description = rv.network.dataset.description or ""
    return (f"<h1 id=\"deck-title\">{_e(rv.network.dataset.name)}</h1>"
            f"<p class=\"gm-message\">As of {_e(rv.as_of)}, for {_e(rv.org_name)}. "
            f"{_e(tally(rv.findings))}</p>"
            f"<table class=\"gm-counts\"><caption class=\"gm-vh\">What the network holds"
            f"</caption>{rows}</table>"
            f"<p>{_e(description)}</p>"
            "<p class=\"gm-help\">Move with the arrow keys, Page Up and Page Down, or the "
            "Previous and Next buttons at the foot of the screen.</p>")


def _map_slide(rv: Review, view: str, heading: str, number: int) -> str:
    m = try_draw(rv, view, f"slide-{number}-map")
    if m is None:
        return (f"<h2>{_e(heading)}</h2><p class=\"gm-notice\">This network is too big to draw "
                "whole on a slide: see the review pack's focused maps, or draw one part with "
                "graphmodel map --view ego --focus ID.</p>")
    return map_section(m, heading=heading, level=2, lazy=True, tables_open=False)


_EVIDENCE_SHOWN = 5


def _finding_slide(rv: Review, f: Any, number: int) -> str:
    cited = "".join(f"<li>{_e(evidence_text(rv.network, e))}</li>"
                    for e in f.evidence[:_EVIDENCE_SHOWN])
    if len(f.evidence) > _EVIDENCE_SHOWN:
        cited += (f"<li>and {len(f.evidence) - _EVIDENCE_SHOWN} more records (the review pack "
                  "lists them all)</li>")
    standard = f.data.get("standard")
    text = (f"<p class=\"gm-message\">{_e(f.message)}</p>"
            + (f"<p>Drawn from:</p><ul>{cited}</ul>" if cited else "")
            + (f"<p class=\"gm-standard\">The standard: {_e(standard)}</p>" if standard else ""))
    heading = finding_heading(f)
    m = finding_map(rv, f, f"slide-{number}-map")
    drawn = "" if m is None else map_section(m, heading=f"Map: {heading}", level=3, lazy=True,
                                             tables_open=False)
    return f"<h2>{_e(heading)}</h2>{text}{drawn}"


def _closing_slide(rv: Review) -> str:
    counts = Counter(f.rule for f in rv.findings)
    rows = "".join(f"<tr><th scope=\"row\">{_e(rule)}</th><td>{n}</td></tr>"
                   for rule, n in sorted(counts.items()))
    return ("<h2>Every finding, by rule</h2>"
            f"<p class=\"gm-message\">{_e(tally(rv.findings))} The review pack lists each "
            "with its evidence.</p>"
            f"<table class=\"gm-counts\"><thead><tr><th scope=\"col\">Rule</th>"
            f"<th scope=\"col\">Findings</th></tr></thead><tbody>{rows}</tbody></table>")


def deck_html(rv: Review, max_findings: int = MAX_KEY) -> str:
    """The deck of a reviewed network as one HTML page."""
    bodies = [("Title", _title_slide(rv), "gm-title-slide")]
    bodies.append(("The whole network", None, "network"))
    bodies.append(("Who is accountable to whom", None, "accountability"))
    for f in key_findings(rv.findings, max_findings):
        bodies.append((finding_heading(f), f, "finding"))
    bodies.append(("Every finding, by rule", _closing_slide(rv), ""))
    total = len(bodies)
    slides = []
    for number, (title, content, kind) in enumerate(bodies, start=1):
        if kind in ("network", "accountability"):
            content = _map_slide(rv, kind, title, number)
        elif kind == "finding":
            content = _finding_slide(rv, content, number)
        slides.append(_slide(number, total, title, content,
                             "gm-title-slide" if kind == "gm-title-slide" else ""))
    nav = ('<nav class="gm-deck-nav" aria-label="Slides">'
           '<button type="button" id="gm-prev">Previous</button>'
           f'<span id="gm-counter" aria-live="polite">Slide 1 of {total}</span>'
           '<button type="button" id="gm-next">Next</button></nav>')
    return document(f"{rv.network.dataset.name}: presentation", "".join(slides) + nav,
                    scripts=("network.js", "deck.js"), body_class="gm-deck")


def write_deck(network: Any, path: str | Path, org: str | None = None, as_of: Any = None,
               rules: dict[str, Any] | None = None, pseudonymise: bool = False,
               max_findings: int = MAX_KEY) -> Path:
    """Review a network and write its presentation deck as one HTML file.

    Parameters are those of :func:`graphmodel.maps.make_map`; ``max_findings`` caps
    the slides given to findings.
    """
    rv = prepare(network, org=org, as_of=as_of, rules=rules, pseudonymise=pseudonymise)
    return write_html(deck_html(rv, max_findings), path)
