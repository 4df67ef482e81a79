"""The review pack: everything a committee paper needs, in one directory.

* ``index.html``: the warnings and errors first, in plain English, grouped under
  what their rule finds; then the counts by rule (each linked to its findings),
  the maps, then every finding with short citations and a button
  that shows it on a map (whose details link back to the finding's row), and
  the sources cited, each once; self-contained and offline;
* ``report.md``: the same in plain English, with an image of each map beside its
  section, to paste into a committee paper;
* ``images/``: those images (PNG), drawn without a browser, and one of who sits where;
* ``matrix.html``: who sits where, every seat holder by every body, a page that sorts,
  finds and prints (the legible form of a council too big for a map of its people);
* ``findings.csv``: every finding, one a row, for a spreadsheet.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from html import escape
from pathlib import Path

from graphmodel.analysis.attendance import body_attendance, person_attendance
from graphmodel.analysis.findings import SEVERITIES, Finding, render_findings
from graphmodel.maps.highlights import (finding_heading, finding_map, folded_views, held,
                                        key_findings, tally, try_draw)
from graphmodel.maps.image import write_image
from graphmodel.maps.matrix import Matrix, seat_matrix
from graphmodel.maps.matrix_page import write_matrix
from graphmodel.maps.page import document, findings_table, map_section
from graphmodel.maps.scene import VIEW_TITLES, Map, Review, prepare
from graphmodel.maps.tooltips import citation, sources_cited
from graphmodel.model import Network
from graphmodel.registry import Standards, registered
from graphmodel.registry import what_it_finds as phrase
from graphmodel.words import count

__all__ = ["write_report", "write_pack", "report_markdown", "report_html", "pack_maps",
           "needing_attention", "what_it_finds", "attendance_tables", "who_sits_where"]

_HEADINGS = {"error": "Errors", "warning": "Warnings", "info": "Notes"}
_WORDS = {"error": "error", "warning": "warning", "info": "note"}
_VIEWS = ("representation", "accountability", "network")


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _md(text: object) -> str:
    """Text that Markdown shows as written: no stray emphasis, links, tags or table cells."""
    text = re.sub(r"([\\`*_\[\]<>|])", r"\\\1", " ".join(str(text).split()))
    return re.sub(r"^([#+-]|\d+\.)", r"\\\1", text)


def _anchor(rule: str) -> str:
    return "rule-" + re.sub(r"[^a-z0-9-]+", "-", rule.lower())


def pack_maps(rv: Review) -> list[tuple[str, str, Map | None]]:
    """The pack's maps: (file stem, heading, Map or None when too big to draw): the
    views first, then each key finding's neighbourhood."""
    views = [v for v in _VIEWS if v != "representation" or rv.org]
    views += [v for v in folded_views(rv) if v not in views]   # a council's: its overlaps too
    out = [(view, VIEW_TITLES[view].capitalize(), try_draw(rv, view, f"map-{view}"))
           for view in views]
    for i, f in enumerate(key_findings(rv.findings), start=1):
        out.append((f"finding-{i}", finding_heading(f), finding_map(rv, f, f"map-finding-{i}")))
    return out


def who_sits_where(rv: Review) -> Matrix | None:
    """The review's matrix of who sits where, or None when no seat is held on its day."""
    m = seat_matrix(rv.network, rv.as_of)
    return m if m.columns else None


_MATRIX_WORDS = ("matrix.html beside this file shows every seat holder by every body; it sorts, "
                 "finds a name and prints.")


def _matrix_md(rv: Review) -> list[str]:
    m = who_sits_where(rv)
    if m is None:
        return []
    return ["## Who sits where", "", f"{_md(m.summary)}. {_md(_MATRIX_WORDS)}", "",
            "![Who sits where](images/matrix.png)", ""]


def _matrix_html(rv: Review) -> str:
    m = who_sits_where(rv)
    if m is None:
        return ""
    return ('<h2 id="who-sits-where">Who sits where</h2>'
            f'<p class="gm-message">{_e(m.summary)}. <a href="matrix.html">The matrix</a> '
            "shows every seat holder by every body; it sorts, finds a name and prints. An "
            'image of it for papers: <a href="images/matrix.png">images/matrix.png</a>.</p>')


def _whose(rv: Review) -> str:
    """Whose review this is, after the day: the organisation, or why there is none."""
    if rv.org:
        return f", for {rv.org_name}"
    return (", for no organisation in particular (the rules about its seats and resources "
            "need --org ID)")


_HELD = ("bodies", "organisations", "people", "posts", "memberships", "reporting_lines",
         "scrutiny_links")


def what_it_finds(rv: Review, rule: str) -> str:
    """What a rule finds, in a phrase, as the review's standards set it, naming the
    organisation reviewed."""
    topic = registered()[rule].topic
    text = phrase(rule, rv.rules.get(topic, {}).get(rule))
    if rv.org:
        text = text.replace("The organisation", rv.org_name).replace("the organisation",
                                                                       rv.org_name)
    return text


def needing_attention(rv: Review) -> list[tuple[str, str, list[Finding]]]:
    """The errors, then the warnings, by rule: (severity, rule, findings), each rule in
    the order of its first finding."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for severity in reversed(SEVERITIES[1:]):
        for f in rv.findings:
            if f.severity == severity:
                groups.setdefault((severity, f.rule), []).append(f)
    return [(severity, rule, found) for (severity, rule), found in groups.items()]


def _attention_heading(rv: Review) -> str:
    """``What needs attention: 1 error, 14 warnings``."""
    found = [count(sum(f.severity == s for f in rv.findings), _WORDS[s])
             for s in reversed(SEVERITIES[1:]) if any(f.severity == s for f in rv.findings)]
    return "What needs attention" + (f": {', '.join(found)}" if found else "")


def _attention_md(rv: Review) -> list[str]:
    groups = needing_attention(rv)
    if not groups:
        return ["No warnings or errors: every finding is a note."]
    lines: list[str] = []
    for severity, rule, found in groups:
        lines += [f"**{_md(what_it_finds(rv, rule))}** ({count(len(found), _WORDS[severity])}, "
                  f"rule [{_md(rule)}](#{_anchor(rule)}))", ""]
        lines += [f"- {_md(f.message)}" for f in found] + [""]
    return lines


def _summary_md(rv: Review) -> list[str]:
    lines = [f"# Review of {_md(rv.network.dataset.name)}", "",
             f"As of {rv.as_of}{_md(_whose(rv))}. {tally(rv.findings)}", "",
             f"## {_md(_attention_heading(rv))}", ""] + _attention_md(rv)
    lines += ["## Findings by rule", "", "| Rule | What it finds | Findings |", "|---|---|---|"]
    by_rule = Counter(f.rule for f in rv.findings)
    lines += [f"| [{_md(rule)}](#{_anchor(rule)}) | {_md(what_it_finds(rv, rule))} | {n} |"
              for rule, n in sorted(by_rule.items())]
    lines += ["", f"| Records current on {rv.as_of} | How many |", "|---|---|"]
    lines += [f"| {name.replace('_', ' ').capitalize()} | {held(rv, name)} |" for name in _HELD]
    return lines


_ATTENDANCE_MONTHS = 12
_BODY_COLUMNS = ("Body", "Meetings held", "Cancelled or postponed", "With attendance recorded",
                 "Members present", "Share", "Last met")
_PERSON_COLUMNS = ("Person", "Body", "Present", "Apologies", "Absent", "Substitute sent",
                   "Not recorded", "Share", "Last present")


def _share(present: int, expected: int) -> str:
    return f"{present / expected:.0%}" if expected else "not recorded"


def attendance_tables(rv: Review) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """The rows of the attendance tables, per body and per person, over the year to the
    day; none when the dataset records no attendance."""
    if not rv.network.attendance:
        return [], []
    bodies: list[tuple[str, ...]] = [(b.name, str(b.meetings), str(b.cancelled), str(b.recorded),
               f"{b.present} of {b.expected}", _share(b.present, b.expected),
               b.last_meeting or "")
              for b in body_attendance(rv.network, rv.as_of, _ATTENDANCE_MONTHS)]
    people: list[tuple[str, ...]] = [(p.name, b.name, f"{a.present} of {a.expected}", str(a.apologies),
               str(a.absent), str(a.substitute_sent), str(a.unrecorded),
               _share(a.present, a.expected), a.last_present or "")
              for p, b, a in person_attendance(rv.network, rv.as_of, _ATTENDANCE_MONTHS)]
    return bodies, people


_ATTENDANCE_NOTE = ("Over the 12 months to {day}. Meetings whose attendance is not recorded "
                    "for someone are counted apart (not recorded), never as absences.")


def _attendance_md(rv: Review) -> list[str]:
    bodies, people = attendance_tables(rv)
    if not bodies and not people:
        return []
    lines = ["", "## Attendance", "", _md(_ATTENDANCE_NOTE.format(day=rv.as_of)), ""]
    for heading, columns, rows in (("By body", _BODY_COLUMNS, bodies),
                                   ("By person", _PERSON_COLUMNS, people)):
        lines += [f"### {heading}", "", "| " + " | ".join(columns) + " |",
                  "|" + "---|" * len(columns)]
        lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows] + [""]
    return lines


def _attendance_html(rv: Review) -> str:
    bodies, people = attendance_tables(rv)
    if not bodies and not people:
        return ""
    parts = ['<h2 id="attendance">Attendance</h2>',
             f'<p class="gm-message">{_e(_ATTENDANCE_NOTE.format(day=rv.as_of))}</p>']
    for heading, columns, rows in (("By body", _BODY_COLUMNS, bodies),
                                   ("By person", _PERSON_COLUMNS, people)):
        head = "".join(f'<th scope="col">{_e(c)}</th>' for c in columns)
        body = "".join("<tr>" + f'<th scope="row">{_e(row[0])}</th>'
                       + "".join(f"<td>{_e(c)}</td>" for c in row[1:]) + "</tr>"
                       for row in rows)
        parts.append(f'<table class="gm-table"><caption>Attendance {heading.lower()}</caption>'
                     f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    return "".join(parts)


def report_markdown(rv: Review, maps: list[tuple[str, str, Map | None]] | None = None) -> str:
    """The review as Markdown for a committee paper, with an image of each map (in
    ``images/`` beside it: :func:`write_pack` draws them)."""
    lines = _summary_md(rv) + ["", "## Maps", "",
                               "Interactive versions are in `index.html` beside this file: it "
                               "opens in any browser, with no internet connection.", ""]
    for stem, heading, m in maps if maps is not None else pack_maps(rv):
        text = (m.sparse if m is not None and m.sparse else
                "Too big to draw whole." if m is None else m.summary)
        lines += [f"### {_md(heading)}", "", _md(text), ""]
        if m is not None and not m.sparse:
            lines += [f"![{_md(heading)}](images/{stem}.png)", ""]
    lines += _matrix_md(rv)
    lines += _attendance_md(rv)
    anchored: set[str] = set()
    for severity in reversed(SEVERITIES):
        chosen = [f for f in rv.findings if f.severity == severity]
        if not chosen:
            continue
        lines += ["", f"## {_HEADINGS.get(severity, severity)}", ""]
        for i, f in enumerate(chosen, start=1):
            mark = "" if f.rule in anchored else f'<a id="{_anchor(f.rule)}"></a>'
            anchored.add(f.rule)
            lines += [f"{i}. {mark}**{_md(f.subject.name)}** ({_md(f.rule)}): {_md(f.message)}",
                      ""]
            cited = "; ".join(citation(e) for e in f.evidence)
            if cited:
                lines += [f"   Evidence: {_md(cited)}.", ""]
            if f.data.get("standard"):
                lines += [f"   Standard: {_md(f.data['standard'])}", ""]
    lines += ["", "## Sources", ""]
    for doc in sources_cited(rv.network, rv.findings):
        lines += [f"- **{_md(doc.id)}**: {_md(doc.title)}"
                  + "".join(f", {_md(x)}" for x in (doc.publisher, doc.date, doc.reference) if x),
                  ""]
    lines += ["Every finding is also in `findings.csv`.", ""]
    return "\n".join(lines)


def _attention_html(rv: Review) -> str:
    groups = needing_attention(rv)
    if not groups:
        return '<p class="gm-message">No warnings or errors: every finding is a note.</p>'
    parts = []
    for severity, rule, found in groups:
        items = "".join(f"<li>{_e(f.message)}</li>" for f in found)
        parts.append(
            f'<section class="gm-attention gm-{_e(severity)}"><h3>{_e(what_it_finds(rv, rule))}'
            f' <span class="gm-rule">({count(len(found), _WORDS[severity])}, rule '
            f'<a href="#{_anchor(rule)}">{_e(rule)}</a>)</span></h3><ul>{items}</ul></section>')
    return "".join(parts)


def _summary_html(rv: Review) -> str:
    by_rule = Counter(f.rule for f in rv.findings)
    rows = "".join(f'<tr><th scope="row"><a href="#{_anchor(rule)}">{_e(rule)}</a></th>'
                   f"<td>{_e(what_it_finds(rv, rule))}</td><td>{n}</td></tr>"
                   for rule, n in sorted(by_rule.items()))
    return (f"<h1>Review of {_e(rv.network.dataset.name)}</h1>"
            f"<p class=\"gm-summary\">As of {_e(rv.as_of)}{_e(_whose(rv))}. "
            f"{_e(tally(rv.findings))} The "
            "same findings are in report.md and findings.csv beside this page.</p>"
            '<nav aria-label="On this page"><a href="#by-rule">Findings by rule</a> \u00b7 '
            '<a href="#maps">Maps</a> \u00b7 '
            + ('<a href="#who-sits-where">Who sits where</a> \u00b7 '
               if who_sits_where(rv) else "")
            + '<a href="#every-finding">Every finding</a> '
            '\u00b7 <a href="#sources">Sources</a></nav>'
            f'<h2 id="attention">{_e(_attention_heading(rv))}</h2>{_attention_html(rv)}'
            f'<h2 id="by-rule">Findings by rule</h2>'
            f'<table class="gm-counts"><caption class="gm-vh">Findings by rule, and what each '
            f'rule finds</caption><thead><tr><th scope="col">Rule</th><th scope="col">What it finds</th>'
            f'<th scope="col">Findings</th></tr></thead><tbody>{rows}</tbody></table>')


def report_html(rv: Review, maps: list[tuple[str, str, Map | None]] | None = None) -> str:
    """The review pack's index page: summary, maps, findings, sources; self-contained."""
    maps = maps if maps is not None else pack_maps(rv)
    parts = [_summary_html(rv), '<h2 id="maps">Maps</h2>']
    for i, (stem, heading, m) in enumerate(maps):
        if m is None:
            parts.append(f"<h3>{_e(heading)}</h3><p class=\"gm-notice\">Too big to draw whole: "
                         "the key findings have focused maps.</p>")
            continue
        parts.append(map_section(m, heading=heading, level=3, lazy=i > 0, tables_open=False))
    parts.append(_matrix_html(rv))
    parts.append(_attendance_html(rv))
    overview = next((m for stem, _, m in maps if stem == "network" and m and not m.sparse), None)
    evidence = [[citation(e) for e in f.evidence] for f in rv.findings]
    parts.append('<h2 id="every-finding">Every finding</h2>')
    firsts = {f.rule: i for i, f in reversed(list(enumerate(rv.findings)))}
    parts.append(findings_table(rv.findings, evidence, "Every finding, most severe first",
                                overview, {i: _anchor(rule) for rule, i in firsts.items()}))
    sources = "".join(
        f"<li><strong>{_e(d.id)}</strong>: {_e(d.title)}"
        + "".join(f", {_e(x)}" for x in (d.publisher, d.date, d.reference) if x) + "</li>"
        for d in sources_cited(rv.network, rv.findings))
    parts.append(f'<h2 id="sources">Sources</h2><ul class="gm-sources">{sources}</ul>')
    return document(f"Review of {rv.network.dataset.name}", "".join(parts),
                    body_class="gm-report")


def write_pack(rv: Review, out_dir: str | Path) -> dict[str, Path]:
    """Write the review pack of an already reviewed network (see write_report)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    maps = pack_maps(rv)
    files = {"index.html": report_html(rv, maps), "report.md": report_markdown(rv, maps),
             "findings.csv": render_findings(rv.findings, "csv") + "\n"}
    written = {}
    for filename, text in files.items():
        path = out / filename
        path.write_text(text, encoding="utf-8", newline="\n")
        written[filename] = path
    for stem, _, m in maps:
        if m is not None and not m.sparse:
            written[f"images/{stem}.png"] = write_image(m, out / "images" / f"{stem}.png")
    matrix = who_sits_where(rv)
    if matrix is not None:
        written["matrix.html"] = write_matrix(matrix, out / "matrix.html")
        written["images/matrix.png"] = write_matrix(matrix, out / "images" / "matrix.png")
    return written


def write_report(network: Network, out_dir: str | Path, org: str | None = None,
                 as_of: "str | _dt.date | None" = None, rules: Standards | None = None,
                 pseudonymise: bool = False) -> dict[str, Path]:
    """Review a network and write its review pack: index.html, report.md, images/ and
    findings.csv.

    Parameters are those of :func:`graphmodel.maps.make_map`. Returns the paths written.
    """
    rv = prepare(network, org=org, as_of=as_of, rules=rules, pseudonymise=pseudonymise)
    return write_pack(rv, out_dir)
