"""A presentation deck: one offline HTML file of 16:9 slides for a committee meeting.

The slides: a title (the network's numbers that matter), the whole network, the
accountability hierarchy, where the home organisation has a seat (when the dataset
names one), and for a network big enough that its people are folded into its bodies
(a council's) the bodies they link and who sits where; then one slide per key
finding (what it means in plain English, and its focused map), and a closing
count of every finding. Each slide fits the screen with no scrolling, its map
filling the room the words leave; the evidence goes in speaker notes, which the
N key shows and hides. Arrow keys, Page Up/Down, Home/End and the Previous and
Next buttons move between slides; printing gives one slide a page, so the deck
saves as a PDF.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
from collections import Counter
from html import escape
from pathlib import Path

from graphmodel.analysis.findings import Finding
from graphmodel.maps.headline import headline_html
from graphmodel.maps.highlights import (MAX_KEY, finding_heading, finding_map, folded_views,
                                        key_findings, tally, try_draw)
from graphmodel.maps.layout import SLIDE_FRAME, VIEW_SLIDE_FRAME
from graphmodel.maps.matrix import seat_matrix
from graphmodel.maps.matrix_slide import matrix_slide
from graphmodel.maps.page import document, map_section, write_html
from graphmodel.maps.scene import Map, Review, lines_clear_of_names, prepare
from graphmodel.maps.tooltips import evidence_text
from graphmodel.model import Network
from graphmodel.registry import Standards
from graphmodel.words import count, plural

__all__ = ["deck_html", "write_deck"]

_EVIDENCE_SHOWN = 8
_FOLDED_CANVAS = (1010.0, 590.0)
"""A whole view's map on a slide at 1366x768, in pixels, below a one-line summary: what a
folded map's bodies are fitted to."""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _slide(number: int, total: int, title: str, body: str, notes: str = "",
           extra_class: str = "") -> str:
    aside = (f'<aside class="gm-notes" aria-label="Speaker notes" hidden>'
             f'<h3>Speaker notes</h3>{notes}</aside>') if notes else ""
    return (f'<section class="gm-slide {extra_class}" id="slide-{number}" '
            f'aria-roledescription="slide" aria-label="{number} of {total}: {_e(title)}"'
            f'{" hidden" if number > 1 else ""}>{body}{aside}</section>')


def _title_slide(rv: Review) -> str:
    org = f", for {_e(rv.org_name)}" if rv.org else ""
    return (f"<h1 id=\"deck-title\">{_e(rv.network.dataset.name)}</h1>"
            f"<p class=\"gm-message\">As of {_e(rv.as_of)}{org}.</p>{headline_html(rv)}"
            "<p class=\"gm-help\">Arrow keys or the buttons move between slides; N shows the "
            "speaker notes.</p>")


def _map_slide(rv: Review, view: str, heading: str, number: int) -> str:
    m = try_draw(rv, view, f"slide-{number}-map", frame=VIEW_SLIDE_FRAME, people=False,
                 canvas=_FOLDED_CANVAS)
    if m is not None and m.folded:
        m = _said_folded(m)
    elif m is not None and folded_views(rv):
        m = _lines_clear(m)
    if m is None:
        return (f"<h2>{_e(heading)}</h2><p class=\"gm-message\">This network is too big to draw "
                "whole on a slide: see the review pack's focused maps, or draw one part with "
                "graphmodel map --view ego --focus ID.</p>")
    return map_section(m, heading=heading, level=2, lazy=True, bare=True)


def _said_folded(m: Map) -> Map:
    """A folded map's summary on a slide: its bodies, what was folded into them and which
    links are drawn, on the one line the map's room allows (a slide has no button to show
    the people)."""
    said = f"{count(len(m.nodes), 'body')}, {m.folded}"
    return dataclasses.replace(m, notice=None, summary=said + (
        f"; {m.notice}" if m.notice else f", as of {m.as_of}"))


def _lines_clear(m: Map) -> Map:
    """A map of a network whose people are folded elsewhere (a council's whole network),
    its lines kept to those that pass clear of the names: the slide says how many, and
    the review pack's map draws them all."""
    clear, left = lines_clear_of_names(m)
    if not left:
        return m
    said = (f"{count(len(clear.nodes), 'node')}; {len(clear.edges):,} of "
            f"{count(len(m.edges), 'link')} drawn, those clear of the names (the review "
            f"pack's map draws them all), as of {m.as_of}")
    return dataclasses.replace(clear, summary=said)


def _matrix_slide(rv: Review) -> str:
    return ("<h2>Who sits where</h2>"
            + matrix_slide(seat_matrix(rv.network, rv.as_of),
                           "The review pack's matrix (matrix.html, and graphmodel matrix)"))


def _evidence_notes(rv: Review, f: Finding) -> str:
    cited = "".join(f"<li>{_e(evidence_text(rv.network, e))}</li>"
                    for e in f.evidence[:_EVIDENCE_SHOWN])
    if len(f.evidence) > _EVIDENCE_SHOWN:
        more = len(f.evidence) - _EVIDENCE_SHOWN
        cited += (f"<li>and {more} more {plural(more, 'record')} (the review pack "
                  "lists them all)</li>")
    standard = f.data.get("standard")
    return ((f"<p>Drawn from:</p><ul>{cited}</ul>" if cited else "")
            + (f"<p>The standard: {_e(standard)}</p>" if standard else ""))


def _finding_slide(rv: Review, f: Finding, number: int) -> str:
    heading = finding_heading(f)
    m = finding_map(rv, f, f"slide-{number}-map", frame=SLIDE_FRAME)
    drawn = "" if m is None else map_section(m, heading="On the map", level=3, lazy=True,
                                             bare=True)
    return f"<h2>{_e(heading)}</h2><p class=\"gm-message\">{_e(f.message)}</p>{drawn}"


_ROWS_IN_ONE_TABLE = 7  # more rules than this are shown as two tables side by side


def _closing_slide(rv: Review) -> str:
    counts = sorted(Counter(f.rule for f in rv.findings).items())
    half = -(-len(counts) // 2) if len(counts) > _ROWS_IN_ONE_TABLE else len(counts)
    tables = "".join(
        "<table class=\"gm-counts\"><thead><tr><th scope=\"col\">Rule</th>"
        "<th scope=\"col\">Findings</th></tr></thead><tbody>"
        + "".join(f"<tr><th scope=\"row\">{_e(rule)}</th><td>{n}</td></tr>" for rule, n in part)
        + "</tbody></table>"
        for part in (counts[:half], counts[half:]) if part)
    return ("<h2>Every finding, by rule</h2>"
            f"<p class=\"gm-message\">{_e(tally(rv.findings))} The review pack lists each "
            f"with its evidence.</p><div class=\"gm-count-tables\">{tables}</div>")


def _slides(rv: Review, max_findings: int) -> list[tuple[str, str, Finding | None]]:
    """(title, what kind of slide, its finding if it has one) of every slide, in order."""
    out: list[tuple[str, str, Finding | None]] = [("Title", "title", None),
                                       ("The whole network", "network", None),
                                       ("Who is accountable to whom", "accountability", None)]
    if rv.org:
        out.append((f"Where {rv.org_name} has a seat", "representation", None))
    out += _at_size(rv)
    out += [(finding_heading(f), "finding", f) for f in key_findings(rv.findings, max_findings)]
    out.append(("Every finding, by rule", "closing", None))
    return out


def _at_size(rv: Review) -> list[tuple[str, str, Finding | None]]:
    """A network whose people are folded into its bodies gets the bodies they link, and
    who sits where: the legible forms of a network too big to draw person by person."""
    if not folded_views(rv):
        return []
    return [("The bodies linked by the members they share", "overlaps", None),
            ("Who sits where", "matrix", None)]


def deck_html(rv: Review, max_findings: int = MAX_KEY) -> str:
    """The deck of a reviewed network as one HTML page."""
    plan = _slides(rv, max_findings)
    total = len(plan)
    slides = []
    for number, (title, kind, f) in enumerate(plan, start=1):
        notes = ""
        if kind == "title":
            content = _title_slide(rv)
            notes = f"<p>{_e(rv.network.dataset.description or '')}</p>"
        elif f is not None:   # a finding's slide
            content, notes = _finding_slide(rv, f, number), _evidence_notes(rv, f)
        elif kind == "closing":
            content = _closing_slide(rv)
        elif kind == "matrix":
            content = _matrix_slide(rv)
        else:
            content = _map_slide(rv, kind, title, number)
        slides.append(_slide(number, total, title, content, notes,
                             "gm-title-slide" if kind == "title" else ""))
    nav = ('<nav class="gm-deck-nav" aria-label="Slides">'
           '<button type="button" id="gm-prev">Previous</button>'
           f'<span id="gm-counter" aria-live="polite">Slide 1 of {total}</span>'
           '<button type="button" id="gm-next">Next</button>'
           '<button type="button" id="gm-notes" aria-pressed="false">Notes (N)</button></nav>')
    return document(f"{rv.network.dataset.name}: presentation", "".join(slides) + nav,
                    scripts=("network.js", "deck.js"), body_class="gm-deck")


def write_deck(network: Network, path: str | Path, org: str | None = None,
               as_of: "str | _dt.date | None" = None, rules: Standards | None = None,
               pseudonymise: bool = False, max_findings: int = MAX_KEY) -> Path:
    """Review a network and write its presentation deck as one HTML file.

    Parameters are those of :func:`graphmodel.maps.make_map`; ``max_findings`` caps
    the slides given to findings.
    """
    rv = prepare(network, org=org, as_of=as_of, rules=rules, pseudonymise=pseudonymise)
    return write_html(deck_html(rv, max_findings), path)
