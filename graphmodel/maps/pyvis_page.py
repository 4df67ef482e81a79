"""Every map is a ``pyvis.network.Network``: its nodes, edges and options, as vis-network reads them.

A prepared :class:`~graphmodel.maps.scene.Map` (nodes, links, positions, shapes,
colours, line patterns and labels) goes into a pyvis Network; pyvis's nodes,
edges and options then go into graphmodel's own page
(:mod:`~graphmodel.maps.page`), not pyvis's template, which loads scripts and
styles from other hosts. vis-network's script and style sheet are inlined from
the pyvis package, so the page fetches nothing. Physics is off: positions are
graphmodel's layout, and a dragged node stays where it is dropped.

Tooltips are made as DOM elements with ``textContent`` by the page's script,
never passed as strings (which vis-network would read as HTML).
"""
from __future__ import annotations

import functools
import importlib.util
import json
import re
from pathlib import Path
from typing import TypedDict

from graphmodel.maps import assets, labels, styling
from graphmodel.maps.scene import Edge, Map, Node

__all__ = ["network_data", "vis_options", "vis_file", "vis_style_sheet", "node_look", "FONT", "BIG"]

FONT = 'Arial, "Liberation Sans", "DejaVu Sans", sans-serif'
BIG = 500
"""From this many nodes on, links are hidden while the map moves (vis-network's own
option for big graphs), so panning stays smooth."""
_VIS = ("lib", "vis-9.1.2")


class NodeLook(TypedDict):
    """How a node is drawn, on a page or in an image."""
    shape: str
    size: int
    fill: str
    border: str
    width: int
    dashes: list[int]


def node_look(style: styling.NodeStyle, status: styling.NodeStyle | None,
              flagged: bool) -> NodeLook:
    """Shape, fill, outline and its pattern of a node of this style, status and flag."""
    fill = status.fill if status else style.fill
    dashes = status.dashes if status and status.dashes else style.dashes
    border, width = style.border, (status.border_width if status else style.border_width)
    if flagged:
        # a vermillion ring would vanish round a vermillion (unrepresented) body
        border = styling.FLAGGED.border if fill != styling.FLAGGED.border else styling.INK
        width = styling.FLAGGED.border_width
    return {"shape": style.shape, "size": style.size, "fill": fill, "border": border,
            "width": width, "dashes": list(dashes)}


def vis_options(nodes: int = 0) -> dict[str, object]:
    """vis-network's options: our layout as it is, nodes draggable, no physics."""
    big = nodes >= BIG
    return {
        "layout": {"improvedLayout": False},
        "physics": {"enabled": False},
        "edges": {"smooth": False},
        "nodes": {"physics": False, "shapeProperties": {"borderDashes": False},
                  "font": {"face": FONT, "color": styling.INK, "size": labels.MINOR,
                           "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"drawThreshold": labels.DRAW_THRESHOLD,
                                        "maxVisible": 40}}},
        "interaction": {"dragNodes": True, "dragView": True, "zoomView": True, "hover": True,
                        "tooltipDelay": 150, "multiselect": False, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big,
                        # (vis-network's focus on hover would scroll the page:
                        # the page's script focuses the map on a click, without scrolling)
                        "keyboard": {"enabled": True, "bindToWindow": False,
                                     "autoFocus": False}},
    }


def _vis_style(n: Node) -> dict[str, object]:
    """How vis-network draws a node: shape, colours, size, font and outline (not its
    place). Nodes that look alike share one vis-network
    group: a big map then builds its nodes from a few styles, not thousands of copies."""
    look = node_look(styling.node_style(n.family), styling.STATUS_STYLES.get(n.status or ""),
                     n.flagged)
    colour = {"background": look["fill"], "border": look["border"]}
    font: dict[str, object] = {"size": n.font}
    extra: dict[str, object] = {}
    if n.shape == "box":   # the name inside: plain text, in the colour that reads on the fill
        font.update(strokeWidth=0, color=styling.text_on(look["fill"]))
        # vis-network fades a name within a pixel of its threshold: solid from 12 px here
        extra["scaling"] = {"label": {"drawThreshold": labels.DRAW_THRESHOLD - 1}}
    if look["dashes"]:   # (what every node shares is said once, in the options)
        extra["shapeProperties"] = {"borderDashes": look["dashes"]}
    return {**extra, "shape": n.shape or look["shape"], "size": n.size,
            "color": {**colour, "highlight": colour, "hover": colour},
            "font": font, "borderWidth": look["width"], "borderWidthSelected": look["width"] + 2}


def _styles(nodes: list[Node]) -> tuple[dict[str, dict[str, object]], list[str]]:
    """The distinct styles of the nodes, named ``s0``, ``s1``...; and each node's style."""
    names: dict[str, str] = {}
    styles: dict[str, dict[str, object]] = {}
    mine = []
    for n in nodes:
        style = _vis_style(n)
        name = names.setdefault(json.dumps(style, sort_keys=True), f"s{len(names)}")
        styles[name] = style
        mine.append(name)
    return styles, mine


_LINE: dict[str, object] = {"color": "#848484", "arrows": "", "dashes": False, "smooth": False,
                         "width": 1}
"""vis-network's own look of a link (its defaults, as graphmodel's options leave them)."""


def _common_line(edges: list[dict[str, object]]) -> dict[str, object]:
    """The look most links share, said once in the options: vis-network then builds
    thousands of links from their ends alone, not from thousands of copies of it."""
    counts: dict[str, int] = {}
    for edge in edges:
        # a dash pattern is never shared: vis-network's options would make the list an
        # object, and draw its own pattern
        key = json.dumps({k: edge[k] for k in _LINE if k in edge and edge[k] != _LINE[k]
                          and not isinstance(edge[k], list)}, sort_keys=True)
        counts[key] = counts.get(key, 0) + 1
    common: dict[str, object] = json.loads(max(counts, key=counts.__getitem__)) if counts else {}
    return common


def _whole(z: float) -> float | int:
    """A position as an integer when it is one: a big map's page is shorter to read."""
    return int(z) if float(z).is_integer() else z


def _vis_edge(e: Edge) -> dict[str, object]:
    s = e.look
    smooth: dict[str, object] | bool = ({"enabled": True, "type": "curvedCW", "roundness": 0.2}
                                        if s.curved else False)
    if e.elbow:   # across from the child, then straight up into its parent's box
        smooth = {"enabled": True, "type": "horizontal", "roundness": 1.0}
    if e.curve:   # bent clear of a name it would cross
        kind, roundness = e.curve
        smooth = False if kind == "straight" else \
            {"enabled": True, "type": "cubicBezier", "forceDirection": kind.split("-")[1],
             "roundness": roundness} if kind.startswith("cubic-") else \
            {"enabled": True, "type": kind, "roundness": roundness}
    line: dict[str, object] = {"dashes": list(s.dashes)} if s.dashes else {}
    if smooth:   # straight unless said (the options' default)
        line["smooth"] = smooth
    if (e.width or s.width) != 1:   # (vis-network's default)
        line["width"] = e.width or s.width
    # one colour stands for the line, selected or pointed at; pyvis gives a directed
    # network's links an arrow, "" takes it away (and network_data drops the "")
    return {"id": e.key, "color": s.color, "arrows": "to" if s.arrow else "", **line,
            **({"hidden": True} if e.on_selection else {})}


def network_data(m: Map) -> dict[str, object]:
    """pyvis's nodes, edges and options for a map (directed, so no link is merged away)."""
    from pyvis.network import Network

    net = Network(directed=True)
    styles, style_of = _styles(m.nodes)
    for n, style in zip(m.nodes, style_of):
        # (vis-network takes a name's shift from the node's own font, not its group's)
        above = {"font": {"size": n.font, "vadjust": labels.above_shift(n.size, n.label,
                                                                        n.font)}} \
            if n.above else {}
        net.add_node(n.key, label=n.label, shape=n.shape or styling.node_style(n.family).shape,
                     x=_whole(n.x), y=_whole(n.y), group=style, **above)
    for e in m.edges:
        net.add_edge(e.source, e.target, **_vis_edge(e))
    nodes, edges, *_ = net.get_network_data()
    for n, node in zip(m.nodes, nodes):   # (its shape is its style's)
        node.pop("shape")
        if not n.label:   # (pyvis would name it by its id)
            del node["label"]
    net.options = {**vis_options(len(m.nodes)), "groups": styles}
    common = _common_line(edges)
    net.options["edges"] = {**net.options["edges"], **common}
    for edge in edges:
        for key in _LINE:
            if key not in edge and key in common:   # unlike the common line: say so
                edge[key] = _LINE[key]
            elif key in edge and (edge[key] == common.get(key, _LINE[key])):
                del edge[key]
    captions = [{"x": x, "y": y, "text": text, "size": labels.MAJOR} for x, y, text in m.captions]
    return {"nodes": nodes, "edges": edges, "options": net.options, "captions": captions,
            "frame": [_whole(z) for z in m.frame],
            **({"groups": _groups(m)} if m.groups else {}), **_names_on_zoom(m, nodes)}


def _names_on_zoom(m: Map, nodes: list[dict[str, object]]) -> dict[str, object]:
    """On a big map, the small names (drawn only once the reader zooms in) are taken out of
    the nodes and given to vis-network by the page when the zoom would show them: measuring
    thousands of names nobody sees yet would delay the first drawing."""
    if len(m.nodes) < BIG:
        return {}
    later = {}
    for n, node in zip(m.nodes, nodes):
        if n.font == labels.MINOR and n.shape != "box":
            later[n.key] = node.pop("label")   # (the node's id is its key)
    return {"namesOnZoom": later, "minor": labels.MINOR} if later else {}


def _groups(m: Map) -> list[dict[str, object]]:
    """The nodes a map too big to draw whole shows folded (vis-network clusters): each
    drawn as one box named with its count, opened on click."""
    colour = {"background": "#ffffff", "border": styling.INK}
    return [{"id": f"group:{i}", "label": label, "x": x, "y": y, "shape": "box",
             "borderWidth": 2, "color": {**colour, "highlight": colour, "hover": colour},
             "font": {"size": labels.MAJOR, "strokeWidth": 0, "color": styling.INK}}
            for i, (label, x, y) in enumerate(m.groups)]


@functools.lru_cache(maxsize=None)
def vis_file(name: str) -> str:
    """vis-network's standalone script or style sheet, read from the pyvis package."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise assets.MissingAsset("pyvis is not installed: pip install pyvis")
    path = Path(list(spec.submodule_search_locations)[0]).joinpath(*_VIS) / name
    if not path.is_file():
        raise assets.MissingAsset(f"pyvis has no {name} in {'/'.join(_VIS)}")
    return assets.inline_safe(path.read_text(encoding="utf-8"), name)


_PICTURE = re.compile(r"""[^{}]*\{[^{}]*url\(["']?data:[^{}]*\}""")
"""A rule of vis-network's style sheet that draws a picture: the icons of its editing
and navigation buttons (nine tenths of the sheet), which graphmodel's maps never show."""


@functools.lru_cache(maxsize=None)
def vis_style_sheet() -> str:
    """vis-network's style sheet from the pyvis package, without the buttons' pictures:
    a fifth of a megabyte less for the browser to read before it draws a map."""
    return _PICTURE.sub("", vis_file("vis-network.css"))
