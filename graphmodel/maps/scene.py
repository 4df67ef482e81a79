"""A map as data: nodes with positions, styles and facts, links, and the findings on them.

:func:`prepare` takes a network as of a day (pseudonymised if asked) and
reviews it once; :func:`draw` then turns one view of it into a :class:`Map`,
which :mod:`graphmodel.maps.page` renders as HTML. Everything a reader sees
in a tooltip is a (label, text) pair here (:mod:`graphmodel.maps.tooltips` says
what): the page shows it as text, never as markup. Nodes are placed by
:mod:`graphmodel.maps.layout`.
"""
from __future__ import annotations

import datetime as _dt
import math
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field, replace
from typing import Collection, Iterable, Sequence

from graphmodel.analysis.attendance import SeatAttendance, seat_attendance
from graphmodel.analysis.findings import Finding
from graphmodel.analysis.organisation import NoOrganisation, no_organisation_message
from graphmodel.analysis.representation import (HOLDER_NOT_NAMED, NO_SEAT, NOT_RECORDED, SEAT,
                                                VACANT, representation, rights_held)
from graphmodel.analysis.review import review
from graphmodel.graph import node_key, sitter_key
from graphmodel.maps import (communities, folded, labels, layout, routing, styling, tooltips,
                             views)
from graphmodel.maps.privacy import pseudonymise as scrub
from graphmodel.model import Body, Membership, Network, NominationRight
from graphmodel.registry import Standards
from graphmodel.standards import load_rules
from graphmodel.words import count

__all__ = ["Node", "Edge", "Map", "Review", "prepare", "draw", "VIEW_TITLES",
           "finding_nodes", "count", "lines_clear_of_names"]

VIEW_TITLES = {
    "network": "the whole network",
    "accountability": "accountability: reporting lines and scrutiny",
    "representation": "representation: where the organisation has a seat",
    "overlaps": "overlaps: people on several bodies, and the bodies they link",
    "ego": "one record and its neighbourhood",
}
_LABEL_WIDTH = 18


@dataclass
class Node:
    key: str
    id: str
    type: str
    kind: str
    label: str
    family: str
    group: str
    status: str | None = None
    facts: list[tuple[str, str]] = field(default_factory=list)
    findings: list[int] = field(default_factory=list)
    flagged: bool = False
    size: int = 16
    x: float = 0.0
    y: float = 0.0
    font: int = labels.MINOR
    find: str = ""
    shape: str | None = None
    """A shape of its own in this view ("box" in the org chart), else its family's."""
    above: bool = False
    """Its name drawn above its shape, not beneath (in layers whose lines come from below)."""
    group_of: str | None = None
    """On a map too big to draw whole, the group this node is folded into until opened."""
    name: str = ""
    """The record's name, where the label does not give it whole."""


@dataclass
class Edge:
    key: str
    source: str
    target: str
    relationship: str
    facts: list[tuple[str, str]] = field(default_factory=list)
    width: float | None = None
    elbow: bool = False
    """Drawn across from its source, then up or down into its target (an org chart's line)."""
    curve: tuple[str, float] | None = None
    """Bent clear of a name it would cross: vis-network's smooth type and roundness
    (see :mod:`graphmodel.maps.routing`); None to draw it as its relationship's look says."""
    variant: str | None = None
    """A look of its own within its relationship: "inferred" for an inferred reporting line."""
    on_selection: bool = False
    """Left out of the first view, drawn with its nodes' selection: on a map drawn as its
    communities, a link between two of them, or one no bend keeps clear of a name."""

    @property
    def look(self) -> styling.EdgeStyle:
        return styling.edge_look(self.relationship, self.variant)


@dataclass
class Map:
    """One view of a network, ready to render."""
    id: str
    view: str
    title: str
    summary: str
    dataset: str
    as_of: str
    organisation: str
    nodes: list[Node]
    edges: list[Edge]
    findings: list[Finding]
    evidence: list[list[str]] = field(default_factory=list)
    notice: str | None = None
    sparse: str | None = None
    """Set when the view has too little to draw: what it holds, in words."""
    captions: list[tuple[float, float, str]] = field(default_factory=list)
    """Words drawn on the map at (x, y), left-aligned, such as the name of a band of nodes."""
    groups: list[tuple[str, float, float]] = field(default_factory=list)
    """On a map too big to draw whole, each group drawn as one node until opened: its name
    (such as "312 partnership boards") and place."""
    frame: tuple[float, float] = layout.FRAME
    """The area the layout was stretched over (see :data:`graphmodel.maps.layout.FRAME`):
    the page never draws the map larger than this area fitted to its canvas."""
    folded: str | None = None
    """On a map drawn with its people folded into their bodies, what was folded, in words."""
    full: "Map | None" = None
    """... and the same view with the people drawn, which the page shows on request."""


@dataclass
class Review:
    """A network as of one day, reviewed once, from which any number of maps are drawn."""
    network: Network
    current: Network
    findings: list[Finding]
    org: str | None
    as_of: str
    pseudonymised: bool = False
    renamed: dict[str, str] = field(default_factory=dict)
    rules: Standards = field(default_factory=dict)
    """The standards the review applied (see :func:`graphmodel.standards.load_rules`)."""

    @property
    def org_name(self) -> str:
        """The organisation's name ("" when the dataset names none)."""
        org = self.network.organisations.get(self.org or "")
        return org.name if org else ""


def prepare(network: Network, org: str | None = None, as_of: "str | _dt.date | None" = None,
            rules: Standards | None = None, pseudonymise: bool = False) -> Review:
    """Review a network once for drawing maps of it.

    Parameters
    ----------
    network : the Network
    org : the organisation the review speaks for (default: the dataset's home organisation)
    as_of : the day (default: the day the dataset describes, else today)
    rules : rules from :func:`graphmodel.standards.load_rules` (default: the default file)
    pseudonymise : replace people's names with labels such as "Officer 7"
    """
    day = network.review_day(as_of).isoformat()
    rules = rules if rules is not None else load_rules()
    renamed: dict[str, str] = {}
    if pseudonymise:
        network, renamed = scrub(network)
    org = org or network.dataset.home_organisation
    findings = review(network, org=org, rules=rules, as_of=day)
    return Review(network, network.as_of(day), findings, org, day, pseudonymise, renamed, rules)


def draw(rv: Review, view: str = "network", focus: str | Sequence[str] | None = None,
         depth: int = 1, max_nodes: int = views.MAX_NODES, map_id: str | None = None,
         title: str | None = None, frame: tuple[float, float] = layout.FRAME,
         fold_above: int | None = folded.FOLD_ABOVE, people: bool = True,
         canvas: tuple[float, float] = folded.CANVAS) -> Map:
    """One view of a reviewed network as a Map: nodes placed, styled and described.

    ``focus`` (ids, names or ``type:id`` keys) keeps those records and everything
    within ``depth`` links of them; the ego view needs one. ``frame`` is the area the
    layout is stretched over: its proportions should be the canvas's. A whole
    representation or overlaps view of more than ``fold_above`` nodes (None: never)
    draws its bodies only, its people folded into them; the Map then holds the view
    with its people too (``full``), unless ``people`` is False (a slide, which has no
    button to show them); its bodies are fitted to ``canvas``, the canvas in pixels
    it is shown on at 1366x768, as is a whole network view drawn as its communities.
    """
    if view == "representation" and rv.org is None:
        raise NoOrganisation(no_organisation_message(rv.network))
    skeleton = views.build_view(rv.current, view, rv.org)
    centres = _centres(rv, focus)
    if view == "ego" and not centres:
        raise views.UnknownRecord("the ego view draws one record and its neighbourhood: "
                                  "give it with --focus ID")
    if centres:
        skeleton = views.focus_on(skeleton, centres, depth)
    if folded.folds(view, len(skeleton.nodes), fold_above, bool(centres)):
        full = draw(rv, view, max_nodes=max_nodes, map_id=f"{map_id or 'map-' + view}-people",
                    title=title, frame=frame, fold_above=None) if people else None
        return _draw_folded(rv, view, skeleton, full, map_id or f"map-{view}", title, canvas)
    skeleton = views.fit_size(skeleton, view, max_nodes)
    findings = [f for f in rv.findings if set(finding_nodes(f, skeleton.nodes))]
    attended = _attendance(rv)
    nodes = _nodes(rv, skeleton, view, findings, attended)
    for n in nodes:
        n.group_of = skeleton.groups.get(n.key)
    edges = [_edge(rv.current, link, attended) for link in skeleton.links]
    captions = _org_chart(nodes, edges, frame) if view == "accountability" \
        and not skeleton.groups else None
    groups: list[tuple[str, float, float]] = []
    if skeleton.groups:
        groups = _place_groups(nodes, edges, skeleton.groups, frame, view)
        captions = []
    as_communities = captions is None and communities.applies(view, len(nodes), bool(centres))
    if as_communities:
        captions = _communities(nodes, edges, skeleton, canvas)
        # the names the communities' layout chose all stay: the links within a community
        # are bent clear of them and of the captions
        boxes = [communities.caption_box(*c) for c in captions]
        _route(nodes, [e for e in edges if not e.on_selection], [n.key for n in nodes],
               keep={n.key for n in nodes if n.font == labels.MAJOR}, taken=boxes, move=False)
        _hold_back_crossing(nodes, edges, boxes)
    elif captions is None:
        captions = _spread(nodes, edges, skeleton.links, view, frame, set(centres))
    elif not groups:
        _route(nodes, edges, [n.key for n in nodes])
    focus_names = ", ".join(_name(skeleton, c) for c in centres)
    heading = title or (f"{rv.network.dataset.name}: {VIEW_TITLES[view]}"
                        + (f", around {focus_names}" if centres else ""))
    summary = (f"{_drawn(nodes, edges)}{_between(edges, as_communities)}, as of "
               f"{rv.as_of}" + (f", for {rv.org_name}" if view == "representation" else "")
               + findings_shown(len(findings), len(rv.findings)))
    evidence = [[tooltips.evidence_text(rv.network, e) for e in f.evidence] for f in findings]
    return Map(map_id or f"map-{view}", view, heading, summary, rv.network.dataset.name,
               rv.as_of, rv.org_name, nodes, edges, findings, evidence, skeleton.notice,
               _sparse(skeleton, view, centres), captions, groups, frame)


def _draw_folded(rv: Review, view: str, skeleton: views.Skeleton, full: Map | None, map_id: str,
                 title: str | None, canvas: tuple[float, float] = folded.CANVAS) -> Map:
    """The view's bodies only, set out in bands by category, their seat holders folded into
    them: counted in their names (representation) and listed in their details."""
    fold = folded.fold(skeleton, view)
    sk = fold.skeleton
    findings = [f for f in rv.findings if set(finding_nodes(f, sk.nodes))]
    nodes = _nodes(rv, sk, view, findings, _attendance(rv))
    # a warning about a person folded away is in the details of its bodies, but only the
    # subject of a warning is marked as one
    subjects = {node_key(f.subject.type, f.subject.id) for f in findings
                if f.severity != "info"}
    degree = Counter(k for l in sk.links for k in (l.source, l.target))
    near = folded.linked_order(sk.links)
    items = []
    for n in nodes:
        record = sk.nodes[n.key][1]
        held = fold.holders.get(n.key, [])
        n.flagged = n.key in subjects
        n.shape = "box"
        n.label = _label(record.name, n.flagged) + (
            f"\n{folded.seat_count(len(held))}" if view == "representation" and held else "")
        if held:
            n.facts.append(("Seats held on behalf of " + rv.org_name if view == "representation"
                            and rv.org_name else "Members on other bodies of this map",
                            f"{len(held)}: {folded.holder_names(held)}"))
        items.append(folded.Item(n.key, folded.band_of(record), n.label, must=n.flagged,
                                 rank=len(held) + degree[n.key] / 1000,
                                 order=near.get(n.key, 0.0)))
    bands = folded.band_layout(items, canvas, folded.LINKED_GAP if sk.links else folded.GAP)
    _place(nodes, bands.places)
    for n in nodes:
        n.name = sk.nodes[n.key][1].name
        if n.key in bands.named:
            n.font = labels.MAJOR
        else:   # a small square, named by its tooltip, the details and the search
            n.shape, n.size, n.label = "square", folded.SMALL, ""
    edges = [_edge(rv.current, link) for link in sk.links]
    notice = sk.notice
    if edges:
        edges, notice = _interlocks_clear_of_names(nodes, edges, fold, bands.captions)
    heading = title or f"{rv.network.dataset.name}: {VIEW_TITLES[view]}"
    summary = (f"{_drawn(nodes, edges)}, as of {rv.as_of}"
               + (f", for {rv.org_name}" if view == "representation" else "")
               + findings_shown(len(findings), len(rv.findings)))
    evidence = [[tooltips.evidence_text(rv.network, e) for e in f.evidence] for f in findings]
    return Map(map_id, view, heading, summary, rv.network.dataset.name, rv.as_of, rv.org_name,
               nodes, edges, findings, evidence, notice, None, bands.captions,
               folded=folded.folded_words(fold.people), full=full)


def _interlocks_clear_of_names(nodes: list[Node], edges: list[Edge], fold: folded.Folded,
                               captions: list[tuple[float, float, str]]
                               ) -> tuple[list[Edge], str]:
    """The interlocks that run, straight or bent, clear of every name but their own
    bodies' and of the bands' captions; one that cannot is left out of the drawing and
    named in the details of its two bodies. Those drawn, and what the map says of them."""
    by_key = {n.key: n for n in nodes}
    at = {n.key: routing.Place(n.key, n.x, n.y) for n in nodes}
    names = {n.key: routing.name_box(n.x, n.y, n.size, n.label, True)
             for n in nodes if n.font == labels.MAJOR}
    names.update((f"\0caption {i}", _caption_box(c)) for i, c in enumerate(captions))
    room = 40.0
    within = (min(n.x for n in nodes) - room, min(n.y for n in nodes) - room,
              max(n.x for n in nodes) + room, max(n.y for n in nodes) + room)
    unlined: dict[str, list[str]] = {}
    drawn = []
    inside = {n.key for n in nodes if n.shape == "box"}
    for e in edges:
        if _bend(e, names, at, within, inside):
            drawn.append(e)
            continue
        shared = dict(e.facts).get("Shared members", "").split(":", 1)[0]
        for end, other in ((e.source, e.target), (e.target, e.source)):
            unlined.setdefault(end, []).append(f"{by_key[other].name} ({shared})")
    for key, others in unlined.items():
        by_key[key].facts.append((folded.UNLINED, "; ".join(others)))
    return drawn, folded.interlocks_drawn(len(drawn), len(edges), fold.links, fold.least)


def lines_clear_of_names(m: Map) -> tuple[Map, int]:
    """The map with only the links that pass clear of every name shown, their own nodes'
    too unless inside their boxes (each drawn as it is, bent or not), and how many were
    left out: a slide's map of a network too dense for every line to find a way between
    its names."""
    names = [(n.key, routing.name_box(n.x, n.y, n.size, n.label, n.shape == "box", n.above))
             for n in m.nodes if n.font == labels.MAJOR and n.label]
    at = {n.key: (n.x, n.y) for n in m.nodes}
    inside = {n.key for n in m.nodes if n.shape == "box"}
    clear = [e for e in m.edges if e.source == e.target or not routing.crossed(
        routing.points(at[e.source], at[e.target],
                       routing.Curve(*e.curve) if e.curve else _look(e)),
        [(k, box) for k, box in names if k not in inside or k not in (e.source, e.target)])]
    return replace(m, edges=clear), len(m.edges) - len(clear)


def _between(edges: list[Edge], communities: bool) -> str:
    """What a map leaves out of its first view: the links between its communities, if it
    is drawn as its communities, and those no way was found for clear of the names."""
    later = sum(1 for e in edges if e.on_selection)
    why = "between communities or across names" if communities else "across names"
    return f" ({later:,} of them, {why}, drawn when a node is selected)" if later else ""


def _hold_back_crossing(nodes: list[Node], edges: list[Edge],
                        taken: Sequence[routing.Box]) -> None:
    """The links of a map drawn as its communities that no bend took clear of a name or
    a caption, left for their nodes' selection."""
    at = {n.key: n for n in nodes}
    names = [(n.key, routing.name_box(n.x, n.y, n.size, n.label, n.shape == "box", n.above))
             for n in nodes if n.font == labels.MAJOR]
    names += [(f"\0caption {i}", box) for i, box in enumerate(taken)]
    for e in edges:
        if e.on_selection or e.source == e.target:
            continue
        a, b = at[e.source], at[e.target]
        line = routing.points((a.x, a.y), (b.x, b.y),
                              routing.Curve(*e.curve) if e.curve else _look(e))
        e.on_selection = bool(routing.crossed(line, [
            (k, box) for k, box in names
            if k not in (e.source, e.target) or at.get(k) is None or at[k].shape != "box"]))


def findings_shown(shown: int, total: int) -> str:
    """How many of the day's findings a map shows (those about what it draws).

    >>> findings_shown(85, 93), findings_shown(1, 1), findings_shown(0, 0)
    ("; 85 of the day's 93 findings", "; 1 of the day's 1 finding", '')
    """
    return f"; {shown:,} of the day's {count(total, 'finding')}" if total else ""


def _place_groups(nodes: list[Node], edges: list[Edge], groups: dict[str, str],
                  frame: tuple[float, float], view: str) -> list[tuple[str, float, float]]:
    """Groups placed as the view's own layout places nodes: the accountability view's in
    an org chart of the reporting lines between them, the others by their links."""
    if view == "accountability":
        places = layout.grouped_layout([n.key for n in nodes], _reporting(edges), groups, frame,
                                       layout.layered_layout)
    else:
        places = layout.grouped_layout([n.key for n in nodes],
                                       [(e.source, e.target) for e in edges], groups, frame)
    _place(nodes, places)
    for n in nodes:
        n.font = labels.MAJOR if n.group_of is None else labels.MINOR
    return [(label, *places[label]) for label in sorted(set(groups.values()))]


def _spread(nodes: list[Node], edges: list[Edge], links: list[views.Link], view: str,
            frame: tuple[float, float], centres: set[str]) -> list[tuple[float, float, str]]:
    """Nodes placed as shapes with names beneath (an accountability view too big for
    boxes in layers, any other by their links), the names that fit shown, the links
    routed clear of them; the captions drawn on the map."""
    keys, pairs = [n.key for n in nodes], [(e.source, e.target) for e in edges]
    ranked, first = _label_order(nodes, links, view)
    captions: list[tuple[float, float, str]] = []
    if view == "accountability":
        chart = layout.layered_chart(keys, _reporting(edges), frame)
        _place(nodes, chart.places)
        captions = [(*chart.apart, NO_LINE)] if chart.apart else []
        # lines into a parent come from below and run across from the child: names
        # above the shapes keep clear of them
        for n in nodes:
            n.above = True
        for e in edges:
            e.elbow = e.relationship == "reports_to"
    else:
        room = {n.key: labels.room(n.size, n.label) for n in nodes if n.key in first or n.flagged}
        _place(nodes, layout.force_layout(keys, pairs, frame, room))
        _shapes_apart(nodes)
        _names_away_from_lines(nodes, pairs)
    taken = [_caption_box(c) for c in captions]
    # a person's or post's name took room first; where no bend of a line clears it, it
    # waits for the zoom rather than be crossed, unless the map's centre or a warning's
    # subject: every warning names its subject at the first view
    people = {n.key for n in nodes if n.type in ("person", "post") and not n.flagged}
    keep = (first - people) | centres
    # (an org chart keeps to its rows: there a name the map must show comes first)
    laid, apart = _state(nodes, edges), view != "accountability"
    _size_labels(nodes, ranked, first, pairs, taken, shapes_apart=apart)
    _route(nodes, edges, ranked, keep, taken)
    crossed = _warned_people_crossed(nodes, edges)
    if crossed:
        # ... and where that left links for a selection, their names are drawn again,
        # moved first to where no line runs through them, if that leaves fewer
        once, left = _state(nodes, edges), sum(e.on_selection for e in edges)
        _restore(nodes, edges, laid)
        _size_labels(nodes, ranked, first, pairs, taken, crossed, apart)
        _route(nodes, edges, ranked, keep, taken)
        if sum(e.on_selection for e in edges) >= left:
            _restore(nodes, edges, once)
    return captions


_State = tuple[list[tuple[float, float, bool, int]], list[tuple[tuple[str, float] | None, bool]]]


def _state(nodes: list[Node], edges: list[Edge]) -> _State:
    """Where the nodes are and how their names and links are drawn."""
    return ([(n.x, n.y, n.above, n.font) for n in nodes],
            [(e.curve, e.on_selection) for e in edges])


def _restore(nodes: list[Node], edges: list[Edge], state: _State) -> None:
    """Put the nodes and links back as :func:`_state` found them."""
    for n, (x, y, above, font) in zip(nodes, state[0]):
        n.x, n.y, n.above, n.font = x, y, above, font
    for e, (curve, later) in zip(edges, state[1]):
        e.curve, e.on_selection = curve, later


def _warned_people_crossed(nodes: list[Node], edges: list[Edge]) -> set[str]:
    """The people and posts, subjects of warnings, whose names a link left for a
    selection would cross."""
    at = {n.key: routing.Place(n.key, n.x, n.y) for n in nodes}
    names = [(n.key, routing.name_box(n.x, n.y, n.size, n.label, False, n.above))
             for n in nodes if n.flagged and n.type in ("person", "post")
             and n.font == labels.MAJOR]
    return {k for e in edges if e.on_selection and names
            for k in routing.crossed(_drawn_line(e, at), names)}


SHAPES_APART = 4.0
"""The least room, in frame units, between two nodes' shapes: a presenter clicks one, not
the one drawn under it."""


def _shapes_apart(nodes: list[Node], rounds: int = 20) -> None:
    """Nodes whose shapes the layout drew on one another pushed apart, each pair along
    the line between them (to either side of a pair drawn at one place), until none
    overlap or ``rounds`` passes are done."""
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(nodes):
            for b in nodes[i + 1:]:
                need = a.size + b.size + SHAPES_APART
                dx, dy = b.x - a.x, b.y - a.y
                gap = math.hypot(dx, dy)
                if gap >= need:
                    continue
                ux, uy = (dx / gap, dy / gap) if gap > 1e-9 else (1.0, 0.0)
                push = (need - gap) / 2
                a.x, a.y = a.x - ux * push, a.y - uy * push
                b.x, b.y = b.x + ux * push, b.y + uy * push
                moved = True
        if not moved:
            return


def _names_away_from_lines(nodes: list[Node], pairs: list[tuple[str, str]]) -> None:
    """Each name above its shape where fewer of the node's own links would run through it
    there than beneath (a line leaving a node downwards runs through a name beneath)."""
    at = {n.key: n for n in nodes}
    ends: dict[str, list[Node]] = defaultdict(list)
    for a, b in pairs:
        if a != b and a in at and b in at:
            ends[a].append(at[b])
            ends[b].append(at[a])
    for n in nodes:
        n.above = _own_lines_through(n, ends[n.key], True) < \
            _own_lines_through(n, ends[n.key], False)


def _own_lines_through(n: Node, others: list[Node], above: bool) -> int:
    box = routing.name_box(n.x, n.y, n.size, n.label, False, above)
    return sum(bool(routing.crossed([(n.x, n.y), (o.x, o.y)], [(n.key, box)])) for o in others)


def _caption_box(caption: tuple[float, float, str]) -> routing.Box:
    """Where a caption is drawn (bold, left-aligned on its place, its middle level with it)."""
    x, y, text = caption
    return (x, y - labels.MAJOR * 0.7, x + labels.MAJOR * 0.62 * len(text), y + labels.MAJOR * 0.7)


ROUTED = 500
"""Maps of more nodes than this keep their links as drawn: among thousands of lines, few
names can be kept clear of them all, and the routing would hold up the drawing."""


def _route(nodes: list[Node], edges: list[Edge], ranked: list[str],
           keep: Iterable[str] = (), taken: Sequence[routing.Box] = (),
           move: bool = True) -> None:
    """Bend each link that would cross a name shown at the first view clear of it, the
    names of its own nodes too (a line leaving a node runs through its name beneath or
    above it), but for a name inside its box, which covers the line's end. Where no bend
    can, the name it crosses is left for the zoom, the least important first, unless it
    is one the map must show (``keep``, and the names inside an org chart's boxes); then
    an end's name is turned to the other side of its shape; then an end is moved aside,
    with its name (unless ``move`` is False: a map drawn as its communities keeps each
    node in its region). ``ranked`` are the nodes' keys, most important first."""
    if len(nodes) > ROUTED:
        return
    keep = set(keep) | {n.key for n in nodes if n.shape == "box"}
    inside = {n.key for n in nodes if n.shape == "box"}
    at = {n.key: routing.Place(n.key, n.x, n.y) for n in nodes}
    by_key = {n.key: n for n in nodes}
    half = max((n.size for n in nodes), default=0) + 40.0
    within = (min(n.x for n in nodes) - half, min(n.y for n in nodes) - half,
              max(n.x for n in nodes) + half, max(n.y for n in nodes) + half + 60.0)
    names = dict((n.key, routing.name_box(n.x, n.y, n.size, n.label, n.shape == "box",
                                          n.above)) for n in nodes if n.font == labels.MAJOR)
    names.update((f"\0caption {i}", box) for i, box in enumerate(taken))
    order = {k: i for i, k in enumerate(ranked)}
    tried: set[str] = set()   # (each node is offered a move once)
    turned: set[str] = set()  # (and each name a turn to the other side of its shape)
    # a name taken away only clears the way: each link is routed once, the stuck ones
    # again after each name they cross is taken away, or an end of theirs moved
    queue = deque(e for e in edges if e.source != e.target)
    while queue:
        e = queue.popleft()
        while not _bend(e, names, at, within, inside):
            crossed = routing.crossed(routing.points(
                (at[e.source].x, at[e.source].y), (at[e.target].x, at[e.target].y), _look(e)),
                [(k, b) for k, b in names.items()
                 if k not in inside or k not in (e.source, e.target)])
            dropped = sorted((k for k in crossed if k not in keep and k in by_key),
                             key=lambda k: -order.get(k, len(order)))
            if dropped:
                by_key[dropped[0]].font = labels.MINOR
                del names[dropped[0]]
                continue
            if any(_turn_name(by_key[k], nodes, edges, names, at, within, inside, turned)
                   for k in crossed if k in (e.source, e.target) and k not in inside):
                continue
            moved = _move_aside(nodes, edges, e, names, at, within, tried, inside) \
                if move else None
            if moved is not None:
                # its links are routed again, and any link its name now lies on
                box = names.get(moved)
                queue.extend(o for o in edges if o is not e and o.source != o.target and (
                    moved in (o.source, o.target) or box is not None
                    and routing.crossed(_drawn_line(o, at), [(moved, box)])))
                continue
            # no way clear of the names: the link waits for a selection of one of its nodes
            e.on_selection = True
            break
    if len(edges) <= SHAPES_ROUTED:
        _bend_clear_of_shapes(nodes, edges, names, at, within, inside, move)


SHAPES_ROUTED = 300
"""Maps of more links than this keep them clear of names alone: among hundreds of lines
most pass through some shape and few can be bent clear of them all: trying took a
council's overlaps view (2,010 links routed) 11 s to draw, against 1.8 s without."""


def _bend_clear_of_shapes(nodes: list[Node], edges: list[Edge], names: dict[str, routing.Box],
                          at: dict[str, routing.Place], within: routing.Box,
                          inside: set[str], move: bool = True) -> None:
    """Each link that runs through another node's shape bent clear of it, where a bend
    clear of the names too can be; once the names are settled (trying at each step of
    :func:`_route` too took a council's overlaps view 53 s under a profiler)."""
    sizes = {n.key: n.size for n in nodes}
    for e, _ in _through(edges, at, sizes):
        was = e.curve
        if not _bend(e, names, at, within, inside, sizes):
            e.curve = was
    if move and _move_off_lines(nodes, edges, names, at, within, inside):
        # ... and again where a node moved has left a way clear
        _bend_clear_of_shapes(nodes, edges, names, at, within, inside, move=False)


def _through(edges: list[Edge], at: dict[str, routing.Place],
             sizes: dict[str, int]) -> list[tuple[Edge, str]]:
    """(link, node) for each link drawn at the first view through another node's shape."""
    shapes = [(k, labels.shape_box(p.x, p.y, sizes[k] * SHAPE_CLEARED)) for k, p in at.items()]
    return [(e, k) for e in edges if e.source != e.target and not e.on_selection
            for k in routing.crossed(_drawn_line(e, at),
                                     [s for s in shapes if s[0] not in (e.source, e.target)])]


def _move_off_lines(nodes: list[Node], edges: list[Edge], names: dict[str, routing.Box],
                    at: dict[str, routing.Place], within: routing.Box, inside: set[str]) -> bool:
    """A node that a link no bend takes clear of still runs through (else an end of that
    link) moved, with its name, to the nearest place from which its own links are clear
    of the names, where it lies on no name or shape; kept there only if fewer links then
    run through shapes and no link crosses its name: three nodes in a row otherwise read
    as a chain. Whether any moved."""
    sizes = {n.key: n.size for n in nodes}
    by_key = {n.key: n for n in nodes}
    tried: set[str] = set()
    through = _through(edges, at, sizes)
    moved = False
    while True:   # the node in the way first, else an end of the link
        movable = [(key, k) for e, k in through for key in (k, e.target, e.source)
                   if key not in tried and key not in inside]
        if not movable:
            return moved
        key, way = movable[0]
        tried.add(key)
        if _moved_off(by_key[key], nodes, edges, names, at, within, inside, sizes,
                      len(through), "" if key == way else way):
            through, moved = _through(edges, at, sizes), True


def _moved_off(n: Node, nodes: list[Node], edges: list[Edge], names: dict[str, routing.Box],
               at: dict[str, routing.Place], within: routing.Box, inside: set[str],
               sizes: dict[str, int], before: int, avoid: str) -> bool:
    """:func:`_move_off_lines` of one node (``avoid``: the node in the way of a link of
    its, when it is that link's end): True if it moved."""
    own = [e for e in edges if n.key in (e.source, e.target) and e.source != e.target]
    if len(own) > MOVED_LINKS:
        return False
    name = names.get(n.key)
    shapes = [(o.key, labels.shape_box(o.x, o.y, o.size)) for o in nodes if o is not n]
    near = [at[e.target if e.source == n.key else e.source] for e in own]
    # (an end moved: a place whose links run clear of the shape in the way, too)
    clear = [(k, b) for k, b in names.items() if k != n.key] + [
        (f"\0shape {o.key}", labels.shape_box(o.x, o.y, o.size * SHAPE_CLEARED))
        for o in nodes if o.key == avoid]
    spot = routing.clear_spot(at[n.key], n.size, near, clear, shapes, within, inside,
                              name and (name[0] - n.x, name[1] - n.y,
                                        name[2] - n.x, name[3] - n.y), SHAPE_BEND)
    if spot is None:
        return False
    was = (n.x, n.y, at[n.key], name, [(e, e.curve) for e in edges])
    n.x, n.y = spot
    at[n.key] = routing.Place(n.key, *spot)
    if name:
        names[n.key] = routing.name_box(n.x, n.y, n.size, n.label, False, n.above)
    box = names.get(n.key)
    crossing = [e for e in edges if e.source != e.target and not e.on_selection
                and n.key not in (e.source, e.target) and box is not None
                and routing.crossed(_drawn_line(e, at), [(n.key, box)])]
    if all(_bend(e, names, at, within, inside, sizes) for e in own) and not crossing \
            and len(_through(edges, at, sizes)) < before:
        return True
    n.x, n.y, at[n.key] = was[0], was[1], was[2]
    if was[3] is not None:
        names[n.key] = was[3]
    for e, curve in was[4]:
        e.curve = curve
    return False


def _turn_name(n: Node, nodes: list[Node], edges: list[Edge], names: dict[str, routing.Box],
               at: dict[str, routing.Place], within: routing.Box, inside: set[str],
               turned: set[str]) -> bool:
    """Draw the name of ``n`` on the other side of its shape (above it, not beneath, or
    the other way), where it lies on no other name or shape and every link that would
    cross it there bends clear of it, its own links first; False, and nothing changed,
    where it cannot."""
    if n.key in turned:
        return False
    turned.add(n.key)
    box = routing.name_box(n.x, n.y, n.size, n.label, False, not n.above)
    if any(labels.overlaps(box, b) for k, b in names.items() if k != n.key) or any(
            labels.overlaps(box, labels.shape_box(o.x, o.y, o.size)) for o in nodes if o is not n):
        return False
    was, curves = names[n.key], [(o, o.curve) for o in edges]
    names[n.key] = box
    lines = [o for o in edges if o.source != o.target and (n.key in (o.source, o.target) or (
        routing.crossed(_drawn_line(o, at), [(n.key, box)])))]
    if all(_bend(o, names, at, within, inside) for o in lines):
        n.above = not n.above
        return True
    names[n.key] = was
    for o, curve in curves:
        o.curve = curve
    return False


def _drawn_line(e: Edge, at: dict[str, routing.Place]) -> list[tuple[float, float]]:
    """Points along the link as it is drawn now (bent or as its look says)."""
    return routing.points((at[e.source].x, at[e.source].y), (at[e.target].x, at[e.target].y),
                          routing.Curve(*e.curve) if e.curve else _look(e))


def _look(e: Edge) -> routing.Curve:
    """How a link is drawn unless bent: an org chart's elbow, its relationship's curve,
    or straight."""
    if e.elbow:
        return routing.Curve("horizontal", 1.0)
    if styling.edge_style(e.relationship).curved:
        return routing.Curve("curvedCW", 0.2)
    return routing.Curve("straight")


def _bend(e: Edge, names: dict[str, routing.Box], at: dict[str, routing.Place],
          within: routing.Box, inside: set[str], sizes: dict[str, int] | None = None
          ) -> bool:
    """The link bent as little as takes it clear of the names; False if no bend does.

    With the nodes' ``sizes``, clear of the other nodes' shapes too where a bend can
    be: a line through a shape on its way reads as a link to it."""
    a, b = at[e.source], at[e.target]
    reach = math.dist((a.x, a.y), (b.x, b.y))   # (no bend strays further than this)
    near = (min(a.x, b.x) - reach, min(a.y, b.y) - reach,
            max(a.x, b.x) + reach, max(a.y, b.y) + reach)
    drawn = _look(e)
    nearby = [(k, box) for k, box in names.items() if labels.overlaps(box, near)]
    chosen = None
    if sizes:
        shapes = [(f"\0shape {k}", box) for k, p in at.items() if k not in (e.source, e.target)
                  for box in [labels.shape_box(p.x, p.y, sizes[k] * SHAPE_CLEARED)]
                  if labels.overlaps(box, near)]
        chosen = routing.clear_curve(a, b, drawn, nearby + shapes, within, inside,
                                     most=SHAPE_BEND)
    if chosen is None:
        chosen = routing.clear_curve(a, b, drawn, nearby, within, inside)
    e.curve = None if chosen is None or chosen == drawn else (chosen.kind, chosen.roundness)
    return chosen is not None


SHAPE_CLEARED = 0.8
"""How much of a shape (a share of its size, from its centre) a link is bent clear of:
one that only grazes its edge reads as passing by."""

SHAPE_BEND = 0.45
"""The most a link is bent to clear a shape (:data:`routing.ROUNDNESS`): a wide loop
round it draws the eye more than the line through it did."""


MOVED_LINKS = 8
"""The most links a node may have for it to be moved aside to clear a name (one with more
has nowhere all of them are clear from)."""


def _move_aside(nodes: list[Node], edges: list[Edge], e: Edge,
                names: dict[str, routing.Box], at: dict[str, routing.Place],
                within: routing.Box, tried: set[str], inside: set[str]) -> str | None:
    """Move an end of a link that no bend takes clear of a name the map must show to the
    nearest place its links are clear from, an end whose name waits for the zoom first,
    else one whose name is shown, which moves with it (but not a box of an org chart,
    ``inside``); the node moved, or None if no such end can move."""
    shapes = [(n.key, labels.shape_box(n.x, n.y, n.size)) for n in nodes]
    by_key = {n.key: n for n in nodes}
    for end in sorted((e.target, e.source), key=lambda k: k in names):
        if end in inside or end in tried:
            continue
        tried.add(end)
        near = [at[l.target if l.source == end else l.source] for l in edges
                if end in (l.source, l.target) and l.source != l.target]
        if len(near) > MOVED_LINKS:
            continue
        n = by_key[end]
        name = names.get(end)
        spot = routing.clear_spot(at[end], n.size, near, list(names.items()), shapes, within,
                                  inside, name and (name[0] - n.x, name[1] - n.y,
                                                    name[2] - n.x, name[3] - n.y))
        if spot is not None:
            n.x, n.y = spot
            at[end] = routing.Place(end, *spot)
            if name:
                names[end] = routing.name_box(n.x, n.y, n.size, n.label, False, n.above)
            return end
    return None


def _drawn(nodes: list[Node], edges: list[Edge]) -> str:
    """What the map draws at first, in words: its nodes and links, where a group of a map
    too big to draw whole is one node, and the links to a group one link per neighbour
    (as vis-network draws a cluster)."""
    stand = {n.key: n.group_of or n.key for n in nodes}
    members = sum(1 for n in nodes if n.group_of)
    if not members:
        return f"{count(len(nodes), 'node')} and {count(len(edges), 'link')}"
    plain = sum(1 for e in edges if stand[e.source] == e.source and stand[e.target] == e.target)
    merged = {frozenset((stand[e.source], stand[e.target])) for e in edges
              if stand[e.source] != stand[e.target]
              and (stand[e.source] != e.source or stand[e.target] != e.target)}
    groups = len({n.group_of for n in nodes if n.group_of})
    return (f"{count(len(set(stand.values())), 'node')} and {count(plain + len(merged), 'link')}"
            f" drawn: {count(groups, 'group')} of {members:,} records by kind, each one node "
            f"until opened, and {count(len(stand) - members, 'record')} on their own")


SPARSE_LINKS = 3
"""A whole view with fewer links than this is described in words, not drawn; except the
representation view, whose bodies are drawn by seat status however few there are and
however few seats link them (a body with no seat is the point of it)."""


def _sparse(skeleton: views.Skeleton, view: str, centres: list[str]) -> str | None:
    if centres or view == "ego" or len(skeleton.links) >= SPARSE_LINKS:
        return None
    if view == "representation" and any(t == "body" for t, _ in skeleton.nodes.values()):
        return None
    said = "; ".join(f"{_name(skeleton, l.source)} {styling.edge_style(l.relationship).label} "
                     f"{_name(skeleton, l.target)}" for l in skeleton.links)
    return (f"There is too little to draw here: this view holds "
            f"{count(len(skeleton.links), 'link')}" + (f" ({said})." if said else "."))


HUBS = 5
"""The best-connected bodies and organisations (with :data:`HUB_LINKS` links or more) whose
names a map shows first, moving other nodes out of their way."""
HUB_LINKS = 5


def _label_order(nodes: list[Node], links: list[views.Link],
                 view: str) -> tuple[list[str], set[str]]:
    """The nodes' keys, most important name first, and the nodes whose names must show:
    every subject of a warning, and the boards a representation map is about (no seat) and
    its organisation, else the hubs."""
    degree = Counter(k for l in links for k in (l.source, l.target))
    if view == "representation":
        first = {n.key for n in nodes if n.status == "unrepresented" or n.type == "organisation"}
    else:
        hubs = sorted((n for n in nodes if n.type in ("body", "organisation")
                       and degree[n.key] >= HUB_LINKS), key=lambda n: (-degree[n.key], n.key))
        first = {n.key for n in hubs[:HUBS]}
    first |= {n.key for n in nodes if n.flagged}   # people and posts too
    rank = {"organisation": 1, "body": 1}
    ranked = sorted(nodes, key=lambda n: (n.key not in first, not n.flagged,
                                          rank.get(n.type, 2), -degree[n.key], n.key))
    return [n.key for n in ranked], first


def _size_labels(nodes: list[Node], ranked: list[str], first: set[str],
                 links: list[tuple[str, str]], taken: Sequence[routing.Box] = (),
                 off_lines: Collection[str] = (), shapes_apart: bool = False) -> None:
    """Large names for the nodes that matter most, as many as fit without overlapping
    each other or the captions (``taken``); the names of ``off_lines`` moved, with their
    nodes, clear of the links (see :func:`graphmodel.maps.labels.shown_labels`)."""
    shown, places, above = labels.shown_labels(
        [(n.key, n.x, n.y, n.size, n.label) for n in nodes], ranked, first, links, taken,
        {n.key for n in nodes if n.above}, off_lines, shapes_apart)
    _place(nodes, places)
    for n in nodes:
        n.font = labels.MAJOR if n.key in shown else labels.MINOR
        n.above = n.key in above


def _communities(nodes: list[Node], edges: list[Edge], skeleton: views.Skeleton,
                 canvas: tuple[float, float]) -> list[tuple[float, float, str]]:
    """A big network view drawn as its communities, each in its own region under its
    caption, the links between them left for a node's selection; the names shown large
    chosen by importance (the subjects of warnings, the hubs, bodies before people)
    where they fit. The captions."""
    links = [(l.source, l.target) for l in skeleton.links]
    degree = Counter(k for link in links for k in link)
    found = communities.find([n.key for n in nodes], links)
    community = {k: i for i, group in enumerate(found) for k in group}
    for e in edges:
        e.on_selection = community[e.source] != community[e.target]
    names: list[str] = []
    for group in found:
        bodies = [(record.name, getattr(record, "category", None), degree[k])
                  for k in group for rtype, record in [skeleton.nodes[k]] if rtype == "body"]
        names.append(communities.caption(bodies, len(group) - len(bodies),
                                         [name.split(":")[0] for name in names]))
    rank = {"organisation": 1, "body": 1}
    order = sorted(nodes, key=lambda n: (not n.flagged, rank.get(n.type, 2), -degree[n.key],
                                         n.key))
    warned = {n.key for n in nodes if n.flagged}
    hubs = [n.key for n in order if n.type in rank and n.key not in warned]
    # the hubs give up their room to the subjects of warnings where both do not fit
    for named in (warned | set(hubs[:max(communities.NAMED - len(warned), communities.HUBS)]),
                  warned):
        boxes = {}
        for n in nodes:
            n.size = communities.NAMED_SIZE if n.key in named else communities.SMALL
            boxes[n.key] = communities.node_box(n.size, n.label if n.key in named else None)
        # the subjects of warnings first, then the hubs, each the largest first (which
        # packs them closest), then the rest
        ranked = sorted((n.key for n in order if n.key in named),
                        key=lambda k: (k not in warned,
                                       -communities.area(communities.union(boxes[k])))) + [
            n.key for n in order if n.key not in named]
        for gap in communities.GAPS:
            drawn = communities.community_layout(found, links, boxes, names,
                                                 communities.spread(canvas), ranked, named,
                                                 gap)
            if warned <= drawn.clear:
                break
        if warned <= drawn.clear:
            break
    _place(nodes, drawn.places)
    for n in nodes:
        n.font = labels.MAJOR if n.key in named and n.key in drawn.clear else labels.MINOR
    return drawn.captions


def _centres(rv: Review, focus: str | Sequence[str] | None) -> list[str]:
    wanted = [focus] if isinstance(focus, str) else list(focus or ())
    centres = []
    for item in wanted:
        if rv.pseudonymised and ":" not in item:
            item = next((rv.renamed[f"{t}:{item}"] for t in ("person", "post")
                         if f"{t}:{item}" in rv.renamed), item)
        centres.append(views.resolve_focus(rv.current, rv.renamed.get(item, item)))
    return centres


def _name(skeleton: views.Skeleton, key: str) -> str:
    return skeleton.nodes[key][1].name if key in skeleton.nodes else key


def _place(nodes: list[Node], places: dict[str, tuple[float, float]]) -> None:
    for n in nodes:
        n.x, n.y = places[n.key]


NO_LINE = "No reporting line recorded"
"""The caption of the org chart's band of bodies with no reporting line."""


def _reporting(edges: list[Edge]) -> list[tuple[str, str]]:
    return [(e.source, e.target) for e in edges if e.relationship == "reports_to"]


def _org_chart(nodes: list[Node], edges: list[Edge],
               frame: tuple[float, float]) -> list[tuple[float, float, str]] | None:
    """Boxes with their names inside, in an org chart; the caption of its band apart.
    None, and nothing changed, when the names would be too small to read in the frame
    (a slide's low canvas): the view is then drawn in layers of shapes instead."""
    scrutiny = {e.target: e.source for e in reversed(edges) if e.relationship == "scrutinises"}
    chart = layout.legible_org_chart([n.key for n in nodes], [n.label for n in nodes],
                                     _reporting(edges), frame, scrutiny)
    if chart is None:
        return None
    _place(nodes, chart.places)
    for n in nodes:
        n.shape, n.font = "box", labels.MAJOR
    for e in edges:
        e.elbow = e.relationship == "reports_to"
    return [(*chart.apart, NO_LINE)] if chart.apart else []


def finding_nodes(finding: Finding, nodes: Iterable[str]) -> list[str]:
    """The node keys a finding is about: its subject, else the records of its evidence."""
    nodes = set(nodes)
    subject = node_key(finding.subject.type, finding.subject.id)
    if subject in nodes:
        return [subject]
    return sorted({node_key(e.type, e.id) for e in finding.evidence} & nodes)


# ------------------------------------------------------------------ nodes and edges

def _attendance(rv: Review) -> dict[str, SeatAttendance]:
    """Each seat's attendance over the year to the day, where any is recorded."""
    return seat_attendance(rv.network, rv.as_of) if rv.network.attendance else {}


def _nodes(rv: Review, skeleton: views.Skeleton, view: str,
           findings: list[Finding], attended: dict[str, SeatAttendance]) -> list[Node]:
    about: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(findings):
        for key in finding_nodes(f, skeleton.nodes):
            about[key].append(i)
    seats = _seats(rv.current)
    rights = rights_held(rv.current, rv.org) if view == "representation" and rv.org else {}
    loads = Counter(l.source for l in skeleton.links if l.relationship in ("member_of", "seat_of"))
    out = []
    for key, (rtype, record) in skeleton.nodes.items():
        kind = getattr(record, "kind", None) or rtype
        flagged = any(findings[i].severity != "info" for i in about[key])
        node = Node(key, record.id, rtype, kind, _label(record.name, flagged),
                    styling.family(rtype, kind), f"{rtype}:{kind}", findings=about[key],
                    flagged=flagged, find=_find_text(record))
        node.facts = tooltips.node_facts(rv.current, key, record, seats, attended)
        if view == "representation" and isinstance(record, Body) and rv.org:
            node.status = _status(record, rv.org, seats.get(key, []),
                                  rights.get(record.id, []))
            node.facts.insert(0, tooltips.representation_fact(node.status, rv.org_name))
        if view == "overlaps" and rtype in ("person", "post"):
            node.size = 12 + 3 * min(loads[key], 8)
            node.facts.insert(0, tooltips.sits_on_fact(loads[key]))
        out.append(node)
    return out


# the representation of a body (graphmodel.analysis.representation) as the map draws it: a
# vacancy is no seat held on the organisation's behalf (its finding says it is vacant)
_STATUS = {SEAT: "represented", HOLDER_NOT_NAMED: "represented", NO_SEAT: "unrepresented",
           VACANT: "unrepresented", NOT_RECORDED: "not-recorded"}


def _find_text(record: views.Drawn) -> str:
    """What a search matches: the name, the id and the initials (\"LLEP\")."""
    initials = "".join(w[0] for w in record.name.split() if w[:1].isupper())
    return " ".join((record.name, record.id, initials)).lower()


def _status(body: Body, org: str, seats: list[Membership],
            rights: list[NominationRight]) -> str:
    if body.organisation == org:
        return "own"
    return _STATUS[representation(body, org, seats, rights)]


def _label(name: str, flagged: bool) -> str:
    """A name wrapped onto short lines (three at most), with a warning sign if flagged."""
    words, lines, line = name.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > _LABEL_WIDTH:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    if len(lines) > 3:
        lines = lines[:3]
        lines[2] = lines[2][:_LABEL_WIDTH - 1] + "\u2026"
    return ("\u26a0 " if flagged else "") + "\n".join(lines)


def _seats(network: Network) -> dict[str, list[Membership]]:
    """Memberships by node key: on each body, and held by each person and post."""
    out: dict[str, list[Membership]] = defaultdict(list)
    for m in network.memberships.values():
        out[node_key("body", m.body)].append(m)
        if m.post:
            out[node_key("post", m.post)].append(m)
        who = sitter_key(network, m)
        if who and who.startswith("person:"):
            out[who].append(m)
    return out


def _edge(network: Network, link: views.Link,
          attended: dict[str, SeatAttendance] | None = None) -> Edge:
    edge = Edge(link.key, link.source, link.target, link.relationship,
                tooltips.link_facts(network, link, attended))
    if link.relationship == "reports_to" and any(getattr(r, "kind", None) == "inferred"
                                                 for r in link.records):
        edge.variant = "inferred"
    if link.relationship == "shares_members":
        edge.width = 1.5 + 1.5 * min(len(link.records), 6)
    return edge
