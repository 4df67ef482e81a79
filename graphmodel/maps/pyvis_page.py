"""Maps drawn by pyvis (vis-network): draggable nodes, for small and medium maps.

The same prepared :class:`~graphmodel.maps.scene.Map` as the canvas page (same
nodes, links, positions, shapes, colours, line patterns and labels) goes into a
``pyvis.network.Network``; pyvis's nodes, edges and options then go into
graphmodel's own page, not pyvis's template (which loads scripts and styles from
other hosts). vis-network's script and style sheet are inlined from the pyvis
package, so the page fetches nothing. Physics is off: positions are graphmodel's
layout, and a dragged node stays where it is dropped.

Tooltips are made as DOM elements with ``textContent`` by the page's script,
never passed as strings (which vis-network would read as HTML). Above
:data:`PYVIS_MAX_NODES` nodes vis-network grows slow; :class:`TooBigForPyvis`
then says to use the canvas renderer or a focus.
"""
from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from typing import Any

from graphmodel.maps import assets, styling
from graphmodel.maps.page import (FONT, document, escape_text, filters_html, legend_html,
                                  node_look, safe_json, tables_html)
from graphmodel.maps.scene import Edge, Map, Node, count
from graphmodel.problems import UsageError

__all__ = ["pyvis_page", "pyvis_section", "PYVIS_MAX_NODES", "TooBigForPyvis", "vis_options"]

PYVIS_MAX_NODES = 1000
_VIS = ("lib", "vis-9.1.2")


class TooBigForPyvis(UsageError):
    """A map with more nodes than vis-network draws briskly."""


def vis_options() -> dict[str, Any]:
    """vis-network's options: our layout as it is, nodes draggable, no physics."""
    return {
        "layout": {"improvedLayout": False},
        "physics": {"enabled": False},
        "edges": {"smooth": False},
        "nodes": {"font": {"face": FONT, "color": styling.INK, "size": 13}},
        "interaction": {"dragNodes": True, "dragView": True, "zoomView": True, "hover": True,
                        "tooltipDelay": 150, "multiselect": False,
                        "keyboard": {"enabled": True, "bindToWindow": False}},
    }


def _vis_node(n: Node) -> dict[str, Any]:
    look = node_look(styling.node_style(n.family), styling.STATUS_STYLES.get(n.status or ""),
                 n.flagged)
    colour = {"background": look["fill"], "border": look["border"]}
    return {"label": n.label, "shape": look["shape"], "size": n.size, "x": n.x, "y": n.y,
            "color": {**colour, "highlight": colour, "hover": colour},
            "borderWidth": look["width"], "borderWidthSelected": look["width"] + 2,
            "shapeProperties": {"borderDashes": look["dashes"] or False}, "physics": False}


def _vis_edge(e: Edge) -> dict[str, Any]:
    s = styling.edge_style(e.relationship)
    return {"id": e.key, "color": {"color": s.color, "highlight": s.color, "hover": s.color},
            "width": e.width or s.width, "dashes": list(s.dashes) or False,
            "arrows": {"to": {"enabled": s.arrow}}}


def _check_size(m: Map) -> None:
    if len(m.nodes) > PYVIS_MAX_NODES:
        raise TooBigForPyvis(
            f"this map has {count(len(m.nodes), 'node')}; the pyvis renderer draws at most "
            f"{PYVIS_MAX_NODES:,} (vis-network slows down past that): use --renderer canvas, "
            "or --focus ID to draw a neighbourhood")


def network_data(m: Map) -> dict[str, Any]:
    """pyvis's nodes, edges and options for a map (directed, so no link is merged away)."""
    from pyvis.network import Network

    _check_size(m)
    net = Network(directed=True)
    for n in m.nodes:
        net.add_node(n.key, **_vis_node(n))
    for e in m.edges:
        net.add_edge(e.source, e.target, **_vis_edge(e))
    net.options = vis_options()
    nodes, edges, *_ = net.get_network_data()
    return {"nodes": nodes, "edges": edges, "options": net.options}


def _tips(m: Map) -> dict[str, Any]:
    """What each tooltip says, as text: name and facts; and each node's group, for filters."""
    return {
        "nodes": {n.key: {"name": n.label.replace("\u26a0 ", "").replace("\n", " "),
                          "facts": n.facts, "group": n.group} for n in m.nodes},
        "edges": {e.key: {"name": styling.edge_style(e.relationship).label, "facts": e.facts}
                  for e in m.edges},
    }


@functools.lru_cache(maxsize=None)
def _vis_file(name: str) -> str:
    """vis-network's standalone script or style sheet, read from the pyvis package."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise assets.MissingAsset("pyvis is not installed: pip install pyvis")
    folder = Path(list(spec.submodule_search_locations)[0]).joinpath(*_VIS)
    path = folder / name
    if not path.is_file():
        raise assets.MissingAsset(f"pyvis has no {name} in {'/'.join(_VIS)}")
    return assets.inline_safe(path.read_text(encoding="utf-8"), name)


def pyvis_section(m: Map, level: int = 1) -> str:
    """One map drawn by vis-network, with its filters, legend and tables."""
    data = {"id": m.id, **network_data(m), "tips": _tips(m)}
    help_text = ("Drag a node to move it, drag the background to move the map, scroll to "
                 "zoom, point at a node or link for its details. With the keyboard: Tab to "
                 "the map, then the arrow keys move it and + and - zoom; or use the tables "
                 "below, whose buttons show a node on the map.")
    notice = f'<p class="gm-notice" role="note">{escape_text(m.notice)}</p>' if m.notice else ""
    return (
        f'<section class="gm-map" id="{m.id}" data-gm-pyvis aria-labelledby="{m.id}-h">'
        f'<h{level} id="{m.id}-h">{escape_text(m.title)}</h{level}>'
        f'<p class="gm-summary">{escape_text(m.summary)}</p>{notice}'
        f'<div class="gm-layout"><div class="gm-stage">'
        # the script names vis-network's frame with this label: that frame takes the keys
        f'<div class="gm-canvas" id="{m.id}-canvas" data-label="{escape_text(m.title)}: the arrow '
        f'keys move the map, + and - zoom; the same nodes and links are in the tables '
        f'below"></div>'
        f'<p class="gm-help">{escape_text(help_text)}</p></div>'
        f'<div class="gm-side"><p class="gm-status" role="status" id="{m.id}-status"></p>'
        f'{filters_html(m)}<button type="button" class="gm-reset">Show everything again</button>'
        f'{legend_html(m, level + 1)}</div></div>'
        f'{tables_html(m, len(m.nodes) <= 60)}'
        f'<script type="application/json" class="gm-pyvis-data">{safe_json(data)}</script>'
        "</section>")


def pyvis_page(m: Map) -> str:
    """A page holding one map drawn by pyvis (vis-network), every script inline."""
    body = pyvis_section(m)
    return document(m.title, body, scripts=("pyvis.js",),
                    vendor_scripts=(_vis_file("vis-network.min.js"),),
                    vendor_style=_vis_file("vis-network.css") + assets.style_sheet("pyvis.css"))
