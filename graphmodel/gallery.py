"""The seed datasets' maps, deck and review pack, as ``make maps`` and ``graphmodel demo``
write them into ``visualisations/``.

Each dataset is drawn as of its latest dated document (the day its sources
describe), so the files depend only on the data and stay byte-identical from
one run to the next.
"""
from __future__ import annotations

import datetime as _dt
from collections import Counter
from pathlib import Path

from graphmodel.maps.deck import deck_html
from graphmodel.maps.highlights import try_draw
from graphmodel.maps.page import map_page, write_html
from graphmodel.maps.scene import Review, prepare
from graphmodel.maps.views import build_view
from graphmodel.model import Network
from graphmodel.pack import write_pack

__all__ = ["review_day", "write_gallery", "MAP_VIEWS"]

MAP_VIEWS = ("network", "accountability", "representation", "overlaps")


def review_day(network: Network) -> str | None:
    """The date of the dataset's latest dated document, or None."""
    dated = [d.date for d in network.documents.values() if d.date]
    return max(dated) if dated else None


def _busiest_body(rv: Review) -> str | None:
    skeleton = build_view(rv.current, "network", rv.org)
    links = Counter(k for l in skeleton.links for k in (l.source, l.target)
                    if k.startswith("body:"))
    ranked = sorted(links.items(), key=lambda item: (-item[1], item[0]))
    return ranked[0][0] if ranked else None


def write_gallery(network: Network, out_dir: str | Path,
                  as_of: "str | _dt.date | None" = None) -> list[Path]:
    """Write a dataset's maps (one per view), deck and review pack into ``out_dir``."""
    rv = prepare(network, as_of=as_of or review_day(network))
    out = Path(out_dir)
    written = []
    for view in MAP_VIEWS:
        if view == "representation" and rv.org is None:
            continue
        m = try_draw(rv, view, f"map-{view}")
        if m is not None:
            written.append(write_html(map_page(m), out / f"{view}.html"))
    centre = _busiest_body(rv)
    ego = try_draw(rv, "ego", "map-ego", focus=centre) if centre else None
    if ego is not None:
        written.append(write_html(map_page(ego), out / "ego.html"))
    written.append(write_html(deck_html(rv), out / "deck.html"))
    written += list(write_pack(rv, out / "review").values())
    return written
