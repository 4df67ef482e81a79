"""What each view of a network draws: which records become nodes, which relationships links.

A view builds a :class:`Skeleton` (records and the links between them, nothing
about drawing) from a network as it stood on one day. :func:`focus_on` keeps a
neighbourhood of it; :func:`fit_size` keeps it small enough to stay interactive.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Protocol

from graphmodel.graph import NODE_TABLES, RELATIONSHIPS, node_key, sitter_key
from graphmodel.maps.styling import humanise
from graphmodel.names import suggest
from graphmodel.model import SCHEMA, Membership, Network, Record
from graphmodel.problems import UsageError
from graphmodel.words import count

__all__ = ["VIEWS", "MAX_NODES", "Link", "Skeleton", "build_view", "focus_on", "fit_size",
           "resolve_focus", "UnknownRecord", "MapTooLarge", "sitters", "Drawn"]

VIEWS = ("network", "accountability", "representation", "overlaps", "ego")

MAX_NODES = 2000
"""A map draws at most this many nodes: beyond it people are folded into their bodies,
and beyond that bodies are grouped by kind, each group opened on click
(benchmarks/maps.py measures a map of this size)."""


class Drawn(Record, Protocol):
    """A record drawn as a node: the schema draws only tables whose records have a name
    (see :class:`graphmodel.model.RecordType`), the node's label."""

    @property
    def name(self) -> str: ...


class UnknownRecord(UsageError):
    """No record with the id given to --focus."""


class MapTooLarge(UsageError):
    """Kept for callers that caught it: maps are no longer refused for their size."""


@dataclass(frozen=True)
class Link:
    """A relationship drawn between two nodes, and the record (or records) behind it."""
    key: str
    source: str
    target: str
    relationship: str
    records: tuple[Record, ...] = ()


@dataclass
class Skeleton:
    """The records a view draws (node key -> (record type, record)) and their links."""
    nodes: dict[str, tuple[str, Drawn]] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    notice: str | None = None
    groups: dict[str, str] = field(default_factory=dict)
    """Node key -> the group it is drawn folded into until opened ("312 partnership boards")."""

    def add(self, record_type: str, record: Drawn) -> str:
        key = node_key(record_type, record.id)
        self.nodes.setdefault(key, (record_type, record))
        return key

    def link(self, link: Link) -> None:
        if link.source in self.nodes and link.target in self.nodes:
            self.links.append(link)

    def sorted(self) -> "Skeleton":
        """The same skeleton in a fixed order, whatever order the source held records in."""
        return Skeleton(dict(sorted(self.nodes.items())), sorted(self.links, key=lambda l: l.key),
                        self.notice, self.groups)


def sitters(network: Network) -> dict[str, list[Membership]]:
    """Who sits where: each seat holder's node key -> their memberships."""
    seats: dict[str, list[Membership]] = defaultdict(list)
    for m in network.memberships.values():
        who = sitter_key(network, m)
        if who is not None:
            seats[who].append(m)
    return seats


def _tables_of_types() -> dict[str, str]:
    """Node type -> the table drawn as it (``body`` -> ``bodies``)."""
    return {rtype: table for table, rtype in NODE_TABLES.items()}


def _record(network: Network, key: str) -> tuple[str, Drawn] | None:
    rtype, rid = key.split(":", 1)
    record: Drawn | None = network.tables[SCHEMA.derived(_tables_of_types)[rtype]].get(rid)
    return (rtype, record) if record is not None else None


def _holder(network: Network, key: str) -> tuple[str, Drawn]:
    """The record of a seat holder's node key, which :func:`sitters` found in the network."""
    found = _record(network, key)
    if found is None:
        raise UnknownRecord(f"no record {key} in {network.dataset.id}")
    return found


def network_view(network: Network, org: str | None) -> Skeleton:
    """Every organisation, body, person and post (every record the schema draws as a
    node), and every relationship between them."""
    sk = Skeleton()
    nodes = dict(NODE_TABLES)
    for table, rtype in nodes.items():
        for record in network.tables[table].values():
            sk.add(rtype, record)
    for rel, (table, src, src_type, dst, dst_type) in RELATIONSHIPS.items():
        a_node = table in nodes   # its records are drawn themselves, not behind the link
        for record in network.tables[table].values():
            a, b = getattr(record, src), getattr(record, dst)
            if a and b:
                sk.link(Link(f"{rel}:{record.id}", node_key(src_type, a), node_key(dst_type, b),
                             rel, () if a_node else (record,)))
    _on_behalf_of(network, sk)
    return sk


def _on_behalf_of(network: Network, sk: Skeleton) -> None:
    """A link from each seat holder to each other organisation they sit on behalf of (one
    per pair, carrying every such seat)."""
    seats: dict[tuple[str, str], list[Membership]] = defaultdict(list)
    for who, held in sitters(network).items():
        own = getattr(sk.nodes.get(who, (None, None))[1], "organisation", None)
        for m in held:
            if m.on_behalf_of and m.on_behalf_of != own:
                seats[(who, node_key("organisation", m.on_behalf_of))].append(m)
    for (who, org), ours in sorted(seats.items()):
        sk.link(Link(f"on_behalf_of:{who}|{org}", who, org, "on_behalf_of", tuple(ours)))


def accountability_view(network: Network, org: str | None) -> Skeleton:
    """Bodies, the reporting lines between them and the scrutiny links over them."""
    sk = Skeleton()
    for body in network.bodies.values():
        sk.add("body", body)
    for line in network.reporting_lines.values():
        sk.link(Link(f"reports_to:{line.id}", node_key("body", line.body),
                     node_key("body", line.reports_to), "reports_to", (line,)))
    for link in network.scrutiny_links.values():
        sk.link(Link(f"scrutinises:{link.id}", node_key("body", link.scrutiny_body),
                     node_key("body", link.body), "scrutinises", (link,)))
    return sk


def representation_view(network: Network, org: str | None) -> Skeleton:
    """The organisation, every body, and the seats held on the organisation's behalf."""
    if org is None:
        raise UnknownRecord("the representation view is drawn for one organisation: give it "
                            "with --org ID")
    sk = Skeleton()
    home = sk.add("organisation", network.organisations[org])
    for body in network.bodies.values():
        key = sk.add("body", body)
        if body.organisation == org:
            sk.link(Link(f"hosted_by:{body.id}", key, home, "hosted_by"))
    for who, seats in sitters(network).items():
        ours = [m for m in seats if m.on_behalf_of == org]
        if not ours:
            continue
        rtype, record = _holder(network, who)
        sk.add(rtype, record)
        if getattr(record, "organisation", None) == org:
            sk.link(Link(f"{'works_for' if rtype == 'person' else 'post_in'}:{record.id}", who,
                         home, "works_for" if rtype == "person" else "post_in"))
        for m in ours:
            sk.link(Link(f"member_of:{m.id}", who, node_key("body", m.body),
                         "member_of" if rtype == "person" else "seat_of", (m,)))
    return sk


def overlaps_view(network: Network, org: str | None, min_bodies: int = 2) -> Skeleton:
    """People on several bodies, those bodies, and the bodies they link (interlocks)."""
    sk = Skeleton()
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for who, seats in sorted(sitters(network).items()):
        bodies = sorted({m.body for m in seats})
        if len(bodies) < min_bodies:
            continue
        sk.add(*_holder(network, who))
        for body_id in bodies:
            sk.add("body", network.bodies[body_id])
        for m in seats:
            sk.link(Link(f"member_of:{m.id}", who, node_key("body", m.body),
                         "member_of" if who.startswith("person:") else "seat_of", (m,)))
        for i, a in enumerate(bodies):
            for b in bodies[i + 1:]:
                shared[(a, b)].append(who)
    for (a, b), people in sorted(shared.items()):
        records = tuple(_holder(network, who)[1] for who in people)
        sk.link(Link(f"shares_members:{a}|{b}", node_key("body", a), node_key("body", b),
                     "shares_members", records))
    return sk


_BUILDERS: dict[str, Callable[[Network, str | None], Skeleton]] = {
    "network": network_view, "ego": network_view, "accountability": accountability_view,
    "representation": representation_view, "overlaps": overlaps_view,
}


def build_view(network: Network, view: str, org: str | None) -> Skeleton:
    """The skeleton of one view of a network (already taken as of its day)."""
    if view not in _BUILDERS:
        raise UnknownRecord(f"no view {view!r}; the views are {', '.join(VIEWS)}")
    return _BUILDERS[view](network, org).sorted()


def resolve_focus(network: Network, focus: str) -> str:
    """A node key from ``type:id``, a bare id, or a name (bodies, then people, ...)."""
    if ":" in focus and focus.split(":", 1)[0] in SCHEMA.derived(_tables_of_types):
        if _record(network, focus):
            return focus
    for table, rtype in NODE_TABLES.items():
        if focus in network.tables[table]:
            return node_key(rtype, focus)
    wanted = focus.strip().lower()
    for table, rtype in NODE_TABLES.items():
        for record in network.tables[table].values():
            if record.name.strip().lower() == wanted:
                return node_key(rtype, record.id)
    everything = [rid for table in NODE_TABLES for rid in network.tables[table]]
    raise UnknownRecord(f"nothing called {focus!r} in {network.dataset.id} (a body, person, "
                        f"organisation or post id or name)" + suggest(focus, everything))


def focus_on(sk: Skeleton, centres: list[str], depth: int = 1) -> Skeleton:
    """The centres and everything within ``depth`` links of them."""
    around: dict[str, set[str]] = defaultdict(set)
    for link in sk.links:
        around[link.source].add(link.target)
        around[link.target].add(link.source)
    keep = {c for c in centres if c in sk.nodes}
    frontier = set(keep)
    for _ in range(depth):
        frontier = {n for f in frontier for n in around[f]} - keep
        keep |= frontier
    return Skeleton({k: v for k, v in sk.nodes.items() if k in keep},
                    [l for l in sk.links if l.source in keep and l.target in keep], sk.notice)


def fit_size(sk: Skeleton, view: str, max_nodes: int = MAX_NODES) -> Skeleton:
    """The skeleton, with people and posts folded into their bodies if it is too big, and
    the bodies and organisations grouped by kind if even that is too big."""
    if len(sk.nodes) <= max_nodes:
        return sk
    folded = {k: v for k, v in sk.nodes.items() if v[0] not in ("person", "post")}
    links = [l for l in sk.links if l.source in folded and l.target in folded]
    hidden = len(sk.nodes) - len(folded)
    first = (f"The full {view} map would draw {len(sk.nodes):,} nodes, more than the "
             f"{max_nodes:,} a map stays interactive with, so ")
    people = (f"its {hidden:,} people and posts are counted on their bodies instead of drawn"
              if hidden else "")
    if len(folded) <= max_nodes:
        return Skeleton(folded, links, first + people + ". Draw one part with --focus ID for them.")
    groups = _groups(folded)
    grouped = (f"its {len(folded):,} bodies and organisations are drawn in "
               f"{count(len(set(groups.values())), 'group')} by kind, such as "
               f"\u201c{max(groups.values(), key=_group_size)}\u201d: click a group to open it, "
               "or find a record by name")
    return Skeleton(folded, links, first + (f"{people}, and " if people else "") + grouped
                    + ". Draw one part with --focus ID.", groups)


def _group_size(label: str) -> int:
    return int(label.split(" ", 1)[0].replace(",", ""))


def _groups(nodes: dict[str, tuple[str, Drawn]]) -> dict[str, str]:
    """Each node's group: the records of its type and kind, named with how many there are."""
    kinds: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, (rtype, record) in nodes.items():
        kinds[(rtype, getattr(record, "kind", None) or rtype)].append(key)
    groups: dict[str, str] = {}
    for (rtype, kind), keys in sorted(kinds.items()):
        if len(keys) < 2:
            continue
        words = humanise(kind)
        words = words[:1].lower() + words[1:] if words[1:2].islower() else words
        if rtype == "organisation" and not words.endswith("organisation"):
            words += " organisation"   # "2 NHS organisations"
        label = f"{len(keys):,} {_plural(words)}"
        groups.update((k, label) for k in keys)
    return groups


def _plural(words: str) -> str:
    if words.endswith("y") and not words.endswith(("ay", "ey", "oy")):
        return words[:-1] + "ies"
    return words if words.endswith("s") else words + "s"
