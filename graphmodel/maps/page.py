"""Maps as self-contained HTML: one file, every script and style inline, nothing fetched.

Names and notes are user data: every piece of it is escaped here, or travels to
the page's script as JSON (safe inside ``<script>``: ``<``, ``>`` and ``&`` are
written as ``\\u003c`` ...) and is put on the page as text, never as markup. A
Content-Security-Policy allows only the page's own inline scripts, by hash, and
no connection to any host, so even a name that slipped through could not run.

The same nodes, links and findings as the drawing are written out as tables a
screen reader can read, and every control works from the keyboard.
"""
from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path
from typing import Iterable

from graphmodel.analysis.findings import Finding
from graphmodel.graph import NODE_TABLES
from graphmodel.maps import assets, folded, styling
from graphmodel.maps.pyvis_page import BIG, network_data, vis_file, vis_style_sheet
from graphmodel.maps.scene import Map, Node, count as _count, finding_nodes

__all__ = ["map_page", "map_section", "document", "safe_json", "write_html",
           "findings_table", "finding_ref", "SEVERITY_WORDS"]

SEVERITY_WORDS = {"error": "Error", "warning": "Warning", "info": "Note"}


def safe_json(data: object) -> str:
    """JSON that cannot end its <script> element or open a comment, whatever names hold."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    for char, code in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


def escape_text(text: object) -> str:
    return escape(str(text), quote=True)


# ------------------------------------------------------------------ what the script needs

def _name(n: Node) -> str:
    return n.name or n.label.replace("\u26a0 ", "").replace("\n", " ")


def _data(m: Map) -> dict[str, object]:
    """What the page needs to draw the map: pyvis's nodes, edges and options (and, on a map
    too big to draw whole, which group each folded node is in)."""
    folded = {n.key: n.group_of for n in m.nodes if n.group_of}
    return {"id": m.id, **network_data(m), **({"folded": folded} if folded else {})}


def _info(m: Map) -> dict[str, object]:
    """What tooltips, details, search, filters and tables say: read by the page's script
    only when first needed, so that it does not delay the first drawing of a big map."""
    keys = {n.key for n in m.nodes}
    return {
        "nodeInfo": {n.key: {"name": _name(n), "find": n.find, "group": n.group,
                             "type": styling.humanise(n.type), "kind": styling.humanise(n.kind),
                             "facts": n.facts, "findings": n.findings} for n in m.nodes},
        # a link's name ("A — reports to — B") is made by the page when it is shown
        "edgeInfo": {e.key: {"facts": e.facts, "rel": e.look.label}
                     for e in m.edges},
        "findings": [{"severity": SEVERITY_WORDS.get(f.severity, f.severity), "rule": f.rule,
                      "message": f.message, "evidence": evidence, "ref": finding_ref(f),
                      "standard": str(f.data.get("standard", "")), "about": f.subject.name,
                      # the node its table's button shows, if it is on the map
                      "node": next(iter(finding_nodes(f, keys)), None)}
                     for f, evidence in zip(m.findings, m.evidence)],
    }


# ------------------------------------------------------------------ legend and filters

_SHAPES = {
    "dot": '<circle cx="12" cy="12" r="8"/>',
    "square": '<rect x="4" y="4" width="16" height="16"/>',
    "box": '<rect x="1" y="6" width="22" height="12" rx="2"/>',
    "diamond": '<polygon points="12,2 22,12 12,22 2,12"/>',
    "hexagon": '<polygon points="12,3 20,7.5 20,16.5 12,21 4,16.5 4,7.5"/>',
    "triangle": '<polygon points="12,3 21,20 3,20"/>',
    "triangleDown": '<polygon points="3,4 21,4 12,21"/>',
    "star": '<polygon points="12,2 14.6,9 22,9 16,13.5 18.2,21 12,16.6 5.8,21 8,13.5 2,9 9.4,9"/>',
}


def _swatch(shape: str, fill: str, border: str, width: int, dashes: tuple[int, ...]) -> str:
    dash = f' stroke-dasharray="{" ".join(map(str, dashes))}"' if dashes else ""
    body = _SHAPES.get(shape, _SHAPES["dot"])
    body = body.replace("/>", f' fill="{fill}" stroke="{border}" stroke-width="{min(width, 3)}"'
                        f'{dash}/>')
    return f'<svg class="gm-swatch" viewBox="0 0 24 24" aria-hidden="true" focusable="false">{body}</svg>'


def _line(style: styling.EdgeStyle) -> str:
    dash = f' stroke-dasharray="{" ".join(map(str, style.dashes))}"' if style.dashes else ""
    arrow = (f'<polygon points="40,6 33,2 33,10" fill="{style.color}"/>' if style.arrow else "")
    return (f'<svg class="gm-swatch gm-line" viewBox="0 0 42 12" aria-hidden="true" '
            f'focusable="false"><line x1="1" y1="6" x2="{34 if style.arrow else 41}" y2="6" '
            f'stroke="{style.color}" stroke-width="{min(style.width, 3)}"{dash}/>{arrow}</svg>')


def legend_html(m: Map, level: int) -> str:
    items = []
    shapes = {n.family: n.shape for n in m.nodes if n.shape}   # an org chart's boxes
    shapes.update((n.family, "box") for n in m.nodes if n.shape == "box")
    for key in sorted({n.family for n in m.nodes}, key=list(styling.FAMILIES).index):
        s = styling.node_style(key)
        items.append((_swatch(shapes.get(key, s.shape), s.fill, s.border, s.border_width,
                              s.dashes), s.label))
    for key in sorted({n.status for n in m.nodes if n.status}, key=list(styling.STATUS_STYLES).index):
        s = styling.STATUS_STYLES[key]
        items.append((_swatch("square", s.fill, s.border, s.border_width, s.dashes),
                      f"{s.label.replace('the organisation', m.organisation)} (fill; the "
                      "shape shows the kind)"))
    if any(n.shape == "square" and not n.label for n in m.nodes):   # a folded map's
        items.append((_swatch("square", styling.PALE, styling.INK, 1, ()),
                      f"{folded.SMALL_SQUARE} (point at it, click it or find it for its "
                      "name)"))
    if any(n.flagged for n in m.nodes):
        f = styling.FLAGGED
        items.append((_swatch("box" if shapes else "dot", f.fill, f.border, f.border_width, ()),
                      "Subject of a warning or error: thick outline (black on a red body), "
                      "\u26a0 before its name"))
    for line in styling.edge_looks((e.relationship, e.variant) for e in m.edges):
        items.append((_line(line), line.label))
    rows = "".join(f"<li>{svg}<span>{escape_text(label)}</span></li>" for svg, label in items)
    # a div, not a section: several maps on a page would repeat the same landmark names
    return (f'<div class="gm-legend"><h{level} id="{m.id}-legend-h">Legend</h{level}>'
            f'<ul aria-labelledby="{m.id}-legend-h">{rows}</ul></div>')


def _group_label(group: str) -> str:
    rtype, kind = group.split(":", 1)
    if rtype == "organisation":
        return f"{styling.humanise(kind)} (organisation)"
    return "Post" if rtype == "post" else styling.humanise(kind)


def filters_html(m: Map) -> str:
    counts: dict[str, int] = {}
    for n in m.nodes:
        counts[n.group] = counts.get(n.group, 0) + 1
    order = list(dict.fromkeys(NODE_TABLES.values()))   # the schema's order of tables
    boxes = []
    for i, group in enumerate(sorted(counts, key=lambda g: (order.index(g.split(":")[0]), g))):
        boxes.append(f'<li><input type="checkbox" id="{m.id}-f{i}" data-group="{escape_text(group)}" '
                     f'checked><label for="{m.id}-f{i}">{escape_text(_group_label(group))} '
                     f'({counts[group]})</label></li>')
    return (f'<fieldset class="gm-filters"><legend>Show on the map</legend>'
            f'<ul>{"".join(boxes)}</ul></fieldset>')


# ------------------------------------------------------------------ text alternative

def _facts_text(facts: list[tuple[str, str]]) -> str:
    return "; ".join(f"{label}: {value}" for label, value in facts)


def _show(m: Map, key: str, name: str) -> str:
    return (f'<button type="button" class="gm-show" data-map="{m.id}" data-node="{escape_text(key)}">'
            f'Show on map<span class="gm-vh">: {escape_text(name)}</span></button>')


def tables_html(m: Map, open_: bool) -> str:
    """The map's nodes, links and findings as tables. On a big map the page's script
    fills the node and link rows when the tables are first opened, from the same data as
    the drawing: thousands of rows written out would slow the first paint."""
    names = {n.key: _name(n) for n in m.nodes}
    lazy = len(m.nodes) >= BIG and not open_
    node_rows = "" if lazy else "".join(
        f"<tr><th scope=\"row\">{escape_text(names[n.key])}</th><td>{escape_text(styling.humanise(n.type))}</td>"
        f"<td>{escape_text(styling.humanise(n.kind))}</td><td>{len(n.findings) or ''}</td>"
        f"<td>{escape_text(_facts_text(n.facts))}</td><td>{_show(m, n.key, names[n.key])}</td></tr>"
        for n in m.nodes)
    edge_rows = "" if lazy else "".join(
        f"<tr><td>{escape_text(names[e.source])}</td><td>{escape_text(e.look.label)}"
        f"</td><td>{escape_text(names[e.target])}</td><td>{escape_text(_facts_text(e.facts))}</td></tr>"
        for e in m.edges)
    return (
        f'<details class="gm-alt"{" open" if open_ else ""}{" data-fill" if lazy else ""}>'
        f'<summary>The map as tables: '
        f"{_count(len(m.nodes), 'node')}, {_count(len(m.edges), 'link')}, "
        f"{_count(len(m.findings), 'finding')}</summary>"
        f'<table class="gm-table"><caption>Nodes of the map</caption><thead><tr>'
        '<th scope="col">Name</th><th scope="col">Type</th><th scope="col">Kind</th>'
        '<th scope="col">Findings</th><th scope="col">Details</th>'
        '<th scope="col">On the map</th></tr></thead>'
        f'<tbody class="gm-node-rows">{node_rows}</tbody></table>'
        f'<table class="gm-table"><caption>Links of the map</caption><thead><tr>'
        '<th scope="col">From</th><th scope="col">Relationship</th><th scope="col">To</th>'
        f'<th scope="col">Details</th></tr></thead><tbody class="gm-edge-rows">{edge_rows}</tbody>'
        '</table>'
        f"{findings_table(m.findings, m.evidence, 'Findings on this map', m, rows=not lazy)}"
        "</details>")


def finding_ref(f: Finding) -> str:
    """The id of a finding's row in a findings table, which a map's details link back to."""
    raw = f"finding-{f.rule}-{f.subject.type}-{f.subject.id}"
    return re.sub(r"[^A-Za-z0-9_-]+", "-", raw)


def findings_table(findings: list[Finding], evidence: list[list[str]], caption: str,
                   m: Map | None = None, anchors: dict[int, str] | None = None,
                   rows: bool = True) -> str:
    """Findings as a table; with a map, each has a button that shows its subject on it.
    ``anchors`` (the review pack's table of every finding) gives some rows (by index) an
    id to link to, in a cell of theirs, and every row the id maps link back to. Without
    ``rows`` (a big map's), the page's script makes the rows when the table is opened."""
    keys = {n.key for n in m.nodes} if m else set()
    body, refs = [], set()
    for i, (f, cited) in enumerate(zip(findings, evidence) if rows else ()):
        shown = finding_nodes(f, keys)
        button = _show(m, shown[0], f.subject.name) if m and shown else ""
        mark = (f' id="{escape_text(anchors[i])}"' if anchors and i in anchors else "")
        ref = finding_ref(f)
        row_id = f' id="{escape_text(ref)}"' if anchors is not None and ref not in refs else ""
        refs.add(ref)
        body.append(
            f'<tr{row_id}><td{mark}>'
            f"{escape_text(SEVERITY_WORDS.get(f.severity, f.severity))}</td>"
            f"<td>{escape_text(f.rule)}</td><th scope=\"row\">{escape_text(f.subject.name)}</th>"
            f"<td>{escape_text(f.message)}</td><td>{escape_text('; '.join(cited))}</td><td>{button}</td></tr>")
    tbody = "<tbody>" if rows else '<tbody class="gm-finding-rows">'
    return (f'<table class="gm-table"><caption>{escape_text(caption)}</caption><thead><tr>'
            '<th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">About</th>'
            '<th scope="col">Finding</th><th scope="col">Evidence</th>'
            f'<th scope="col">On the map</th></tr></thead>'
            f'{tbody}{"".join(body)}</tbody></table>')


# ------------------------------------------------------------------ a map and a page

def _legend_box(m: Map, level: int) -> str:
    """The legend, in view at once (beside the map, or over its corner on a slide); a
    button hides it."""
    return (f'<div class="gm-legend-box"><button type="button" class="gm-legend-toggle" '
            f'aria-expanded="true" aria-controls="{m.id}-legend">Hide legend</button>'
            f'<div id="{m.id}-legend">{legend_html(m, level)}</div></div>')


def _side(m: Map, level: int) -> str:
    """Search, what is selected, and filters by kind."""
    return (
        f'<div class="gm-side">{_legend_box(m, level + 1)}'
        f'<form class="gm-search" role="search" aria-label="Find on the map {escape_text(m.title)}">'
        f'<label for="{m.id}-q">Find a name, id or initials</label>'
        f'<input type="search" id="{m.id}-q" autocomplete="off">'
        f'<button type="submit">Find</button></form>'
        f'<p class="gm-status" role="status" id="{m.id}-status"></p>'
        f'<div class="gm-details-box"><h{level + 1} id="{m.id}-details-h">Selected</h{level + 1}>'
        f'<div class="gm-details" id="{m.id}-details">Nothing selected yet: click a node or a '
        f'link, or find a name.</div></div>'
        f'{filters_html(m)}<button type="button" class="gm-reset">Show everything again</button>'
        f'</div>')


_HELP = ("Drag the background to move the map, scroll to zoom (more names appear), click a "
         "node to highlight its neighbourhood, drag a node to move it. With the keyboard: Tab "
         "to the map, then the arrow keys move it, + and - zoom and 0 fits it; or find a name; "
         "or use the tables below, whose buttons show a node on the map.")


def sparse_section(m: Map, heading: str | None = None, level: int = 2) -> str:
    """A view with too little to draw, said in words."""
    h = f"h{level}"
    return (f'<section class="gm-map gm-sparse" id="{m.id}" aria-labelledby="{m.id}-h">'
            f'<{h} id="{m.id}-h">{escape_text(heading or m.title)}</{h}>'
            f'<p class="gm-message">{escape_text(m.sparse)}</p></section>')


def map_section(m: Map, heading: str | None = None, level: int = 2, lazy: bool = False,
                tables_open: bool | None = None, bare: bool = False) -> str:
    """One interactive map with its legend, and (unless ``bare``, as on a slide) its
    search, details, filters and tables. A map drawn with its people folded into its
    bodies comes with the same view with its people, hidden until a button shows it."""
    if m.full is not None and not bare:
        return (_section(m, heading, level, lazy, tables_open, bare,
                         _unfold(m.folded or "", "show people", m.full.id, m.id, m.notice))
                + _section(m.full, heading, level, True, tables_open, bare,
                           _unfold("People drawn", "fold them into their bodies", m.id,
                                   m.full.id, m.full.notice), hidden=True))
    return _section(m, heading, level, lazy, tables_open, bare)


def _unfold(said: str, action: str, show: str, hide: str, note: str | None) -> str:
    """What a folded map folded, and the button that shows the other map in its place
    (one line, with the map's notice: the map below still fits the window)."""
    return (f'<p class="gm-folded" role="note">{escape_text(said)}: <button type="button" '
            f'class="gm-unfold" data-show="{escape_text(show)}" data-hide="{escape_text(hide)}">'
            f'{escape_text(action)}</button>{"; " + escape_text(note) if note else ""}</p>')


def _section(m: Map, heading: str | None, level: int, lazy: bool, tables_open: bool | None,
             bare: bool, folded: str = "", hidden: bool = False) -> str:
    if m.sparse:
        return sparse_section(m, heading, level)
    h = f"h{level}"  # the map's heading; its panels' headings are one level down
    notice = folded or (f'<p class="gm-notice" role="note">{escape_text(m.notice)}</p>'
                        if m.notice else "")
    open_ = len(m.nodes) <= 60 if tables_open is None else tables_open
    extras = "" if bare else (f'<p class="gm-help">{escape_text(_HELP)}</p>'
                              f'{tables_html(m, open_)}')
    return (
        f'<section class="gm-map{" gm-bare" if bare else ""}" id="{m.id}" data-gm-map'
        f'{" data-lazy" if lazy else ""}{" hidden" if hidden else ""} aria-labelledby="{m.id}-h">'
        f'<{h} id="{m.id}-h">{escape_text(heading or m.title)}</{h}>'
        f'<p class="gm-summary">{escape_text(m.summary)}</p>{notice}'
        f'<div class="gm-layout"><div class="gm-stage">'
        # the script names vis-network's frame with this label: that frame takes the keys
        f'<div class="gm-canvas" id="{m.id}-canvas" data-label="{escape_text(m.title)}: the '
        f'arrow keys move the map, + and - zoom, 0 fits it; the same nodes and links are in '
        f'the tables below"></div>{_legend_box(m, level + 1) if bare else ""}</div>'
        f'{"" if bare else _side(m, level)}</div>{extras}'
        f'<script type="application/json" class="gm-data">{safe_json(_data(m))}</script>'
        f'<script type="application/json" class="gm-info" id="{m.id}-info">'
        f'{safe_json(_info(m))}</script>'
        f"</section>")


_INFO = re.compile(r'<script type="application/json" class="gm-info" id="[^"]*">[^<]*</script>')
"""A map's block of names, facts and findings (JSON with no ``<`` in it: see safe_json)."""


def document(title: str, body: str, scripts: tuple[str, ...] = ("network.js",),
             body_class: str = "") -> str:
    """A whole HTML page: vis-network, the style sheet and scripts inline, and a policy
    that fetches nothing."""
    sources = [vis_file("vis-network.min.js"), *(assets.runtime_script(s) for s in scripts)]
    policy = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
              f"script-src {' '.join(assets.script_hash(s) for s in sources)}; "
              "base-uri 'none'; form-action 'none'")
    inline = "".join(f"<script>{s}</script>\n" for s in sources)
    # the maps' names, facts and findings go after the scripts: the first drawing need not
    # wait for the browser to read them
    inline += "".join(f"{block}\n" for block in _INFO.findall(body))
    body = _INFO.sub("", body)
    classes = f' class="{escape_text(body_class)}"' if body_class else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="graphmodel">\n'
        f"<title>{escape_text(title)}</title>\n<style>{vis_style_sheet()}"
        f"{assets.style_sheet()}</style>\n</head>\n"
        f"<body{classes}>\n"
        '<a class="gm-skip" href="#main">Skip to the content</a>\n'
        f'<main id="main">\n{body}\n</main>\n{inline}</body>\n</html>\n')


def map_page(m: Map) -> str:
    """A page holding one map: what ``graphmodel map`` writes."""
    return document(m.title, map_section(m, heading=m.title, level=1))


def write_html(text: str, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    return path
