"""The review pack: everything a committee paper needs, in one directory.

* ``index.html``: the findings with maps (representation, accountability, the
  whole network and each key finding's neighbourhood), self-contained and offline;
* ``report.md``: the findings in plain English with their evidence, to paste
  into a committee paper;
* ``findings.csv``: every finding, one a row, for a spreadsheet.
"""
from __future__ import annotations

import re
from collections import Counter
from html import escape
from pathlib import Path
from typing import Any

from graphmodel.analysis.findings import SEVERITIES, render_findings

__all__ = ["write_report", "write_pack", "report_markdown", "report_html"]

_HEADINGS = {"error": "Errors", "warning": "Warnings", "info": "Notes"}


def _e(text: Any) -> str:
    return escape(str(text), quote=True)


def _md(text: Any) -> str:
    """Text that Markdown shows as written: no stray emphasis, links, tags or table cells."""
    text = re.sub(r"([\\`*_\[\]<>|])", r"\\\1", " ".join(str(text).split()))
    return re.sub(r"^([#+-]|\d+\.)", r"\\\1", text)


def report_markdown(rv: Any) -> str:
    """The review as Markdown for a committee paper."""
    from graphmodel.maps.highlights import tally
    from graphmodel.maps.scene import evidence_text

    counts = rv.current.counts()
    lines = [f"# Review of {_md(rv.network.dataset.name)}", "",
             f"As of {rv.as_of}, for {_md(rv.org_name)}. {tally(rv.findings)}", "",
             "| What | How many |", "|---|---|"]
    lines += [f"| {name.replace('_', ' ').capitalize()} | {counts[name]} |" for name in
              ("bodies", "organisations", "people", "posts", "memberships", "reporting_lines",
               "scrutiny_links")]
    by_rule = Counter(f.rule for f in rv.findings)
    lines += ["", "| Rule | Findings |", "|---|---|"]
    lines += [f"| {_md(rule)} | {n} |" for rule, n in sorted(by_rule.items())]
    for severity in reversed(SEVERITIES):
        chosen = [f for f in rv.findings if f.severity == severity]
        if not chosen:
            continue
        lines += ["", f"## {_HEADINGS.get(severity, severity)}", ""]
        for i, f in enumerate(chosen, start=1):
            lines += [f"{i}. **{_md(f.subject.name)}** ({_md(f.rule)}): {_md(f.message)}", ""]
            cited = "; ".join(evidence_text(rv.network, e) for e in f.evidence)
            if cited:
                lines += [f"   Evidence: {_md(cited)}.", ""]
            if f.data.get("standard"):
                lines += [f"   Standard: {_md(f.data['standard'])}", ""]
    lines += ["", "## Maps", "",
              "The interactive maps are in `index.html` beside this file: it opens in any "
              "browser, with no internet connection, and lists the same nodes, links and "
              "findings as tables. Every finding is also in `findings.csv`.", ""]
    return "\n".join(lines)


def report_html(rv: Any) -> str:
    """The review pack's index page: findings with maps, self-contained."""
    from graphmodel.maps.highlights import finding_heading, finding_map, key_findings, tally, \
        try_draw
    from graphmodel.maps.page import document, findings_table, map_section
    from graphmodel.maps.scene import evidence_text

    name = rv.network.dataset.name
    parts = [f"<h1>Review of {_e(name)}</h1>",
             f"<p class=\"gm-summary\">As of {_e(rv.as_of)}, for {_e(rv.org_name)}. "
             f"{_e(tally(rv.findings))} The same findings are in report.md and findings.csv "
             "beside this page.</p>"]
    maps = [(view, try_draw(rv, view, f"map-{view}")) for view in
            ("representation", "accountability", "network")
            if view != "representation" or rv.org is not None]
    overview = dict(maps).get("network")
    evidence = [[evidence_text(rv.network, e) for e in f.evidence] for f in rv.findings]
    parts.append("<h2>Every finding</h2>")
    parts.append(findings_table(rv.findings, evidence, "Every finding, most severe first",
                                overview))
    for view, m in maps:
        if m is None:
            parts.append(f"<h2>{_e(view.capitalize())}</h2><p class=\"gm-notice\">Too big to "
                         "draw whole: the key findings below have focused maps.</p>")
            continue
        parts.append(map_section(m, level=2, lazy=view != "representation", tables_open=False))
    parts.append("<h2>Key findings</h2>")
    for i, f in enumerate(key_findings(rv.findings), start=1):
        m = finding_map(rv, f, f"map-finding-{i}")
        parts.append(f"<h3>{_e(finding_heading(f))}</h3><p>{_e(f.message)}</p>")
        if m is not None:
            parts.append(map_section(m, heading=f"Map: {finding_heading(f)}", level=3, lazy=True,
                                     tables_open=False))
    return document(f"Review of {name}", "".join(parts), body_class="gm-report")


def write_pack(rv: Any, out_dir: str | Path) -> dict[str, Path]:
    """Write the review pack of an already reviewed network (see write_report)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files = {"index.html": report_html(rv), "report.md": report_markdown(rv),
             "findings.csv": render_findings(rv.findings, "csv") + "\n"}
    written = {}
    for filename, text in files.items():
        path = out / filename
        path.write_text(text, encoding="utf-8", newline="\n")
        written[filename] = path
    return written


def write_report(network: Any, out_dir: str | Path, org: str | None = None, as_of: Any = None,
                 rules: dict[str, Any] | None = None,
                 pseudonymise: bool = False) -> dict[str, Path]:
    """Review a network and write its review pack: index.html, report.md, findings.csv.

    Parameters are those of :func:`graphmodel.maps.make_map`. Returns the paths written.
    """
    from graphmodel.maps.scene import prepare

    rv = prepare(network, org=org, as_of=as_of, rules=rules, pseudonymise=pseudonymise)
    return write_pack(rv, out_dir)
