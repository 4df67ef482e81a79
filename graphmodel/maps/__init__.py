"""Interactive maps of a network: self-contained HTML that works offline and in public papers.

From a notebook::

    from graphmodel import open_source
    from graphmodel.maps import make_map, write_map

    leeds = open_source("seed_data/leeds")
    m = make_map(leeds, "accountability", as_of="2014-07-24")
    write_map(m, "leeds-accountability.html")

A map is positioned in Python (:mod:`~graphmodel.maps.layout`, with networkx and
igraph), styled so shape, colour and line pattern each carry the meaning
(:mod:`~graphmodel.maps.styling`), made a ``pyvis.network.Network``
(:mod:`~graphmodel.maps.pyvis_page`) and written as one offline HTML file drawn by
vis-network (:mod:`~graphmodel.maps.page`), or as an SVG or PNG image
(:mod:`~graphmodel.maps.image`). :mod:`~graphmodel.maps.deck` makes presentations.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Sequence

from graphmodel.maps.folded import FOLD_ABOVE
from graphmodel.maps.image import write_image
from graphmodel.maps.page import map_page, write_html
from graphmodel.maps.scene import Map, Review, draw, prepare
from graphmodel.maps.views import MAX_NODES, VIEWS, MapTooLarge, UnknownRecord
from graphmodel.model import Network
from graphmodel.registry import Standards

__all__ = ["make_map", "write_map", "Map", "Review", "prepare", "draw", "VIEWS",
           "MAX_NODES", "FOLD_ABOVE", "MapTooLarge", "UnknownRecord"]


def make_map(network: Network, view: str = "network", focus: str | Sequence[str] | None = None,
             org: str | None = None, as_of: "str | _dt.date | None" = None,
             rules: Standards | None = None, pseudonymise: bool = False, depth: int = 1,
             max_nodes: int = MAX_NODES, fold_above: int | None = FOLD_ABOVE) -> Map:
    """One view of a network as a Map, with the review's findings on it.

    Parameters
    ----------
    network : the Network
    view : one of VIEWS: network, accountability, representation, overlaps, ego
    focus : a body, person, organisation or post (id, name or ``type:id``): keep it and
        everything within ``depth`` links; the ego view needs one
    org : the organisation whose representation is shown (default: the home organisation)
    as_of : the day (default: today)
    rules : rules from :func:`graphmodel.standards.load_rules` (default: the default file)
    pseudonymise : people's names become labels such as "Elected member 3"
    max_nodes : above this, people are folded into their bodies, then bodies grouped by kind
    fold_above : a whole representation or overlaps view of more nodes draws its bodies
        only, its people folded into them (the page has a button that shows them; None:
        never folded)
    """
    review = prepare(network, org=org, as_of=as_of, rules=rules, pseudonymise=pseudonymise)
    return draw(review, view, focus=focus, depth=depth, max_nodes=max_nodes,
                fold_above=fold_above)


def write_map(m: Map, path: str | Path) -> Path:
    """Write a map as one self-contained HTML file (or, for a path ending in .svg or
    .png, as a static image of the same view)."""
    if Path(path).suffix.lower() in (".svg", ".png"):
        return write_image(m, path)
    return write_html(map_page(m), path)
