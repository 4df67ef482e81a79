"""The representation and overlaps views of a big network, with the people folded into
their bodies: what a council's maps draw once its people would bury its bodies.

Above :data:`FOLD_ABOVE` nodes, :func:`fold` keeps the bodies of a view's skeleton and
folds its seat holders into them: the representation view draws the bodies only
(coloured by the organisation's seat status, the seats counted in their names), the
overlaps view the bodies' interlock network (two bodies linked by the members they share,
networkx's weighted bipartite projection). :func:`band_layout` then sets the bodies out
as a register reads, in a band per category with its caption: as many bodies as the
canvas holds at a readable size as boxes with their names inside, the rest as small
squares in the colours of their status, whose names a click or a pointer shows.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from graphmodel.maps import labels, styling, views
from graphmodel.model import Membership

__all__ = ["SMALL_SQUARE", "FOLD_ABOVE", "FOLDED_VIEWS", "CANVAS", "Folded", "folds", "fold", "band_of",
           "Item", "Bands", "band_layout", "seat_count", "holder_names", "folded_words",
           "UNLINED", "interlocks_drawn", "linked_order", "GAP", "LINKED_GAP"]

FOLD_ABOVE = 60
"""A representation or overlaps view of more nodes than this draws its bodies only."""
FOLDED_VIEWS = ("representation", "overlaps")
CANVAS = (950.0, 600.0)
"""The map's canvas on a 1366x768 screen, in pixels: what the bands are fitted to."""
READABLE = 12.5
"""The least size in pixels a name is drawn at on that canvas (vis-network hides a name
under 12 pixels)."""
SMALL = 9
"""The size of the square a body whose name is not shown is drawn as (half its width)."""
SMALL_SQUARE = "Small square: a body not named at this size"
"""What the legend of a folded map, on the page and in its image, says of such a square."""
_FIT = 0.96   # the page fits the drawing to 96% of the canvas
GAP = 10.0
"""The room between two bodies in a band."""
LINKED_GAP = 22.0
"""... where lines link them: room for a line to pass between two names."""
_BAND_GAP = 22.0


@dataclass
class Folded:
    """A view's skeleton with its people folded into their bodies."""
    skeleton: views.Skeleton
    holders: dict[str, list[tuple[views.Drawn, Membership | None]]]
    """Body node key -> the seat holders folded into it, with their seat there."""
    people: int
    """How many people and posts were folded."""
    links: int = 0
    """How many pairs of bodies share members (the overlaps view)."""
    least: int = 1
    """The fewest members a pair of bodies drawn linked shares."""


def folds(view: str, nodes: int, fold_above: int | None, focused: bool) -> bool:
    """Whether a view of so many nodes is drawn folded."""
    return (view in FOLDED_VIEWS and fold_above is not None and nodes > fold_above
            and not focused)


def fold(sk: views.Skeleton, view: str) -> Folded:
    """The bodies of a representation or overlaps skeleton, their seat holders folded in;
    in the overlaps view linked by the members they share."""
    bodies = {k: v for k, v in sk.nodes.items() if v[0] == "body"}
    holders: dict[str, list[tuple[views.Drawn, Membership | None]]] = defaultdict(list)
    for link in sk.links:
        if link.relationship in ("member_of", "seat_of") and link.target in bodies:
            seat = next((r for r in link.records if isinstance(r, Membership)), None)
            holders[link.target].append((sk.nodes[link.source][1], seat))
    people = sum(1 for rtype, _ in sk.nodes.values() if rtype in ("person", "post"))
    folded = views.Skeleton(bodies, [], sk.notice)
    links: list[views.Link] = []
    least = 1
    if view == "overlaps":
        links = _interlocks(sk, bodies)
        least = strongest(links, LINKS_PER_BODY * len(bodies))
        for link in links:
            if len(link.records) >= least:
                folded.link(link)
    return Folded(folded.sorted(), dict(holders), people, len(links), least)


UNLINED = "Shares members with (no line drawn: it would cross a name)"
"""The detail of a body that names the bodies it is linked to by no line."""


def interlocks_drawn(drawn: int, strong: int, links: int, least: int) -> str:
    """What an interlock map says of its links: how many of them it draws, and which.

    >>> interlocks_drawn(144, 144, 1532, 3)
    '144 of 1,532 links drawn: those of 3 or more shared members'
    >>> print(interlocks_drawn(90, 144, 1532, 3))  # doctest: +NORMALIZE_WHITESPACE
    90 of 1,532 links drawn: those of 3 or more shared members clear of the names
    (54 more in the details)
    >>> interlocks_drawn(12, 12, 12, 1)
    '12 links drawn, one for each pair of bodies that share members'
    """
    if drawn == links:
        return f"{drawn:,} links drawn, one for each pair of bodies that share members"
    said = f"{drawn:,} of {links:,} links drawn: those of {least} or more shared members"
    if drawn < strong:
        said += f" clear of the names ({strong - drawn:,} more in the details)"
    return said


def linked_order(links: Sequence[views.Link]) -> dict[str, float]:
    """Each linked body's place in an order that keeps the bodies linked by the most
    members next to each other (networkx's Fiedler vector of the weighted links, as its
    spectral ordering, each connected part in turn), 0 to 1; a body with no link has none.

    >>> from graphmodel.maps.views import Link
    >>> chain = [Link(a + b, a, b, "shares_members", ("p",) * n)
    ...          for a, b, n in [("d", "b", 5), ("b", "a", 4), ("a", "c", 3), ("x", "y", 2)]]
    >>> place = linked_order(chain)
    >>> "".join(sorted(place, key=place.get)) in ("dbacxy", "cabdxy")
    True
    """
    import networkx as nx

    graph = nx.Graph()
    graph.add_weighted_edges_from((l.source, l.target, len(l.records)) for l in links)
    ordered: list[str] = []
    for part in sorted(nx.connected_components(graph), key=lambda p: (-len(p), min(p))):
        if len(part) < 3:
            ordered += sorted(part)
            continue
        sub = nx.Graph()   # (built in a fixed order, the vector's sign fixed: the same map
        sub.add_nodes_from(sorted(part))   # whatever order the sets come in)
        sub.add_weighted_edges_from(sorted((a, b, w) for a, b, w in
                                           graph.subgraph(part).edges(data="weight")))
        vector = nx.fiedler_vector(sub, weight="weight", seed=0)
        sign = -1.0 if vector[0] > 0 else 1.0
        ordered += [k for _, k in sorted((round(sign * v, 9), k)
                                         for k, v in zip(sub.nodes, vector))]
    return {k: i / max(len(ordered), 1) for i, k in enumerate(ordered)}


LINKS_PER_BODY = 2
"""The interlock network draws about this many links a body, the strongest."""


def strongest(links: Sequence[views.Link], most: int) -> int:
    """The least number of shared members a link drawn has, so that at most ``most``
    links are drawn (the strongest); 1 when every link fits.

    >>> from graphmodel.maps.views import Link
    >>> links = [Link(str(n), "a", "b", "shares_members", ("p",) * n) for n in (1, 1, 2, 5)]
    >>> strongest(links, 4), strongest(links, 2), strongest(links, 1)
    (1, 2, 5)
    """
    weights = sorted((len(link.records) for link in links), reverse=True)
    if len(weights) <= most:
        return 1
    least = weights[most - 1] if most > 0 else weights[0] + 1
    return least + 1 if weights[most] == least else least


def _interlocks(sk: views.Skeleton, bodies: dict[str, tuple[str, views.Drawn]]) -> list[views.Link]:
    """Bodies linked by the members they share: networkx's weighted projection of the
    bipartite graph of seat holders and bodies onto the bodies."""
    import networkx as nx
    from networkx.algorithms import bipartite

    graph = nx.Graph()
    graph.add_nodes_from(bodies, side="body")
    for link in sk.links:
        if link.relationship in ("member_of", "seat_of") and link.target in bodies:
            graph.add_node(link.source, side="holder")
            graph.add_edge(link.source, link.target)
    projected = bipartite.weighted_projected_graph(graph, sorted(bodies))
    out = []
    for a, b in sorted(tuple(sorted(e)) for e in projected.edges):
        shared = sorted(set(graph[a]) & set(graph[b]))
        out.append(views.Link(f"shares_members:{a.split(':', 1)[1]}|{b.split(':', 1)[1]}",
                              a, b, "shares_members",
                              tuple(sk.nodes[who][1] for who in shared)))
    return out


_COUNCIL_BAND = "Council committees"
_BAND_OF_FAMILY = {"council-body": _COUNCIL_BAND, "scrutiny-body": _COUNCIL_BAND,
                   "partnership-body": "Partnerships", "other-body": "Other bodies"}


def band_of(record: views.Drawn) -> str:
    """The band a body is drawn in: its category, else its sort of body."""
    category = getattr(record, "category", None)
    if category:
        return str(category)
    return _BAND_OF_FAMILY.get(styling.family("body", getattr(record, "kind", None)),
                               "Other bodies")


@dataclass(frozen=True)
class Item:
    """A body to set out: its key, band, label, and whether its name must show."""
    key: str
    band: str
    label: str
    must: bool = False
    rank: float = 0.0
    """Higher: its name is shown before others'."""
    order: float = 0.0
    """Where it goes in its band among the named (or the unnamed): lower first."""


@dataclass
class Bands:
    """Bodies set out in bands: each body's place and font, and the bands' captions."""
    places: dict[str, tuple[float, float]]
    named: set[str]
    """The bodies drawn as boxes with their names inside; the rest are small squares."""
    captions: list[tuple[float, float, str]]
    scale: float
    """The scale the page will draw it at on :data:`CANVAS`."""


def band_layout(items: Sequence[Item], canvas: tuple[float, float] = CANVAS,
                gap: float = GAP) -> Bands:
    """Bodies in a band per category (the council's own first, then by name): the bodies
    that must be named and as many others as fit at a readable size on ``canvas`` (the
    highest ranked first) as boxes with their names inside, ``gap`` apart, the rest as
    small squares."""
    order = sorted({i.band for i in items}, key=lambda b: (b != _COUNCIL_BAND, b))
    must = {i.key for i in items if i.must}
    optional = [i.key for i in sorted((i for i in items if not i.must),
                                      key=lambda i: (-i.rank, i.key))]

    def readable(bands: Bands) -> bool:
        return bands.scale * labels.MAJOR >= READABLE

    # the most names, best first, that the canvas still shows readable (a binary search)
    best = _best_width(items, order, must | set(optional), canvas, gap)
    if readable(best) or not optional:
        return best
    low, high = 0, len(optional) - 1
    best = _best_width(items, order, must, canvas, gap)
    while low < high:
        middle = (low + high + 1) // 2
        bands = _best_width(items, order, must | set(optional[:middle]), canvas, gap)
        if readable(bands):
            low, best = middle, bands
        else:
            high = middle - 1
    return best


def _best_width(items: Sequence[Item], order: list[str], named: set[str],
                canvas: tuple[float, float], gap: float) -> Bands:
    """The bands set out in the columns, of the width, that the canvas shows largest."""
    sizes = {i.key: labels.box_size([i.label]) if i.key in named else (2.0 * SMALL, 2.0 * SMALL)
             for i in items}
    widest = max([w for w, _ in sizes.values()] + [_caption_width(b) for b in order])
    best: Bands | None = None
    for columns in range(1, min(len(order), 6) + 1):
        for step in range(12):
            places, captions, extent = _columns(items, order, named, sizes,
                                                widest * (1 + step * 0.4), columns, gap)
            scale = _FIT * min(canvas[0] / max(extent[0], 1), canvas[1] / max(extent[1], 1))
            if best is None or scale > best.scale:
                best = Bands(places, set(named), captions, scale)
    assert best is not None
    return best


def _caption_width(band: str) -> float:
    return len(band) * labels.MAJOR * 0.62


Places = dict[str, tuple[float, float]]
Captions = list[tuple[float, float, str]]


def _columns(items: Sequence[Item], order: list[str], named: set[str],
             sizes: dict[str, tuple[float, float]], width: float, columns: int, gap: float
             ) -> tuple[Places, Captions, tuple[float, float]]:
    """Each band a block ``width`` wide, the blocks in ``columns`` side by side (each block
    in the shortest column so far); the places, the captions and the whole extent."""
    by_band: dict[str, list[Item]] = defaultdict(list)
    for i in items:
        by_band[i.band].append(i)
    heights = [0.0] * columns
    places: Places = {}
    captions: Captions = []
    right = 0.0
    for band in order:
        block, caption, (w, h) = _block(band, by_band[band], named, sizes, width, gap)
        c = heights.index(min(heights))
        x0, y0 = c * (width + _BAND_GAP), heights[c]
        places.update((k, (x + x0, y + y0)) for k, (x, y) in block.items())
        captions.append((caption[0] + x0, caption[1] + y0, band))
        heights[c] += h + _BAND_GAP
        right = max(right, x0 + w)
    return places, captions, (right, max(heights) - _BAND_GAP)


def _block(band: str, members: list[Item], named: set[str],
           sizes: dict[str, tuple[float, float]], width: float, gap: float
           ) -> tuple[Places, tuple[float, float], tuple[float, float]]:
    """One band: its caption, then its named boxes in rows, then its small squares, across
    ``width``; the places, the caption's place and the block's extent."""
    places: Places = {}
    right, y = _caption_width(band), labels.MAJOR * 1.5
    members = sorted(members, key=lambda i: (i.key not in named, i.order, -i.rank, i.label))
    for row in _rows(members, named, sizes, width, gap):
        height = max(sizes[i.key][1] for i in row)
        x = 0.0
        for i in row:
            w, _ = sizes[i.key]
            places[i.key] = (x + w / 2, y + height / 2)
            x += w + gap
        right = max(right, x - gap)
        y += height + gap
    return places, (0.0, labels.MAJOR * 0.6), (right, y - gap)


def _rows(members: Iterable[Item], named: set[str], sizes: dict[str, tuple[float, float]],
          width: float, gap: float = GAP) -> list[list[Item]]:
    """The band's boxes in rows no wider than ``width``; the small squares in rows of their own."""
    rows: list[list[Item]] = []
    x, large = 0.0, None
    for i in members:
        w = sizes[i.key][0]
        big = i.key in named
        if not rows or (x > 0 and x + w > width) or big != large:
            rows.append([])
            x, large = 0.0, big
        rows[-1].append(i)
        x += w + gap
    return rows


def seat_count(n: int) -> str:
    """How many seats, in words.

    >>> seat_count(1), seat_count(3)
    ('1 seat', '3 seats')
    """
    return f"{n} seat" if n == 1 else f"{n} seats"


def holder_names(holders: Iterable[tuple[views.Drawn, Membership | None]]) -> str:
    """The seat holders of a body, chairs first: ``Ann Lee (chair); Bo Wu``."""
    ordered = sorted(holders, key=lambda h: (_ROLE_ORDER.get(h[1].role if h[1] else "", 9),
                                             h[0].name))
    return "; ".join(name + (f" ({styling.humanise(seat.role).lower()})"
                             if seat and seat.role not in ("member", "") else "")
                     for name, seat in ((h[0].name, h[1]) for h in ordered))


_ROLE_ORDER = {"chair": 0, "vice_chair": 1, "member": 2}


def folded_words(people: int) -> str:
    """What a folded map says it folded.

    >>> folded_words(62), folded_words(1)
    ('62 people folded into their bodies', '1 person folded into their bodies')
    """
    return f"{people:,} {'person' if people == 1 else 'people'} folded into their bodies"
