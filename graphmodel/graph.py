"""Network -> networkx views: the whole graph, people and bodies, reporting lines.

Node keys are ``"<type>:<id>"`` (``"body:ssc-partnership-board"``) so that an
organisation and a body sharing an id stay apart. Each node carries
``record_type``, ``id``, ``name`` and ``kind``; each edge a ``relationship``
(``seat_for``: an organisation's seat on a body whose holder is not named).
Take ``network.as_of(date)`` first for a view of one day.
"""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any, Collection, Iterable

from graphmodel.model import (SCHEMA, CurrentMap, Membership, Network, Person, Post, Record,
                              Relationship, ReportingLine, record_type)

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["node_key", "NODE_TABLES", "DRAWN", "RELATIONSHIPS", "drawn", "network_graph",
           "people_bodies",
           "accountability_graph", "sitter_key", "seat_holder", "seats_held"]

NODE_TABLES: CurrentMap[str, str] = CurrentMap(lambda: SCHEMA.derived(_node_tables))
"""The tables drawn as nodes -> their node type (``bodies`` -> ``body``), as the schema
declares them (:attr:`graphmodel.model.RecordType.node`)."""


def _node_tables() -> dict[str, str]:
    return {rt.name: rt.node for rt in SCHEMA.record_types if rt.node}


def drawn(relationships: Iterable[Relationship] | None = None) -> dict[str, Relationship]:
    """The relationships the views draw (of the schema in force unless given), by name;
    those that hold only while some columns are empty (a seat whose holder is not named)
    come last."""
    shown = [r for r in (SCHEMA.relationships if relationships is None else relationships)
             if r.drawn]
    nodes = _node_tables()
    for r in shown:
        if not {r.source_table, r.target_table} <= nodes.keys():
            raise ValueError(f"relationship {r.name} is drawn, but the views draw no "
                             f"{r.source_table} or {r.target_table}")
    return {r.name: r for r in sorted(shown, key=lambda r: bool(r.unless))}


DRAWN: CurrentMap[str, Relationship] = CurrentMap(lambda: SCHEMA.derived(drawn))
"""The relationships the views draw, by name."""
RELATIONSHIPS: CurrentMap[str, tuple[str, str, str, str, str]] = CurrentMap(
    lambda: SCHEMA.derived(_drawn_whenever_set))
"""Relationship -> (table, source column, source type, target column, target type): those
drawn whenever both ends are set."""


def _drawn_whenever_set() -> dict[str, tuple[str, str, str, str, str]]:
    nodes = _node_tables()
    return {name: (r.table, r.source, nodes[r.source_table], r.target, nodes[r.target_table])
            for name, r in SCHEMA.derived(drawn).items() if not r.unless}


def node_key(record_type: str, record_id: str) -> str:
    return f"{record_type}:{record_id}"


def _attrs(record: Record, columns: tuple[str, ...], skip: tuple[str, ...] = ()
           ) -> dict[str, Any]:
    """A record's columns as graph attributes: no None, lists joined (GraphML needs scalars)."""
    out = {}
    for name in columns:
        value = getattr(record, name)
        if value is None or name in skip:
            continue
        out[name] = "; ".join(value) if isinstance(value, tuple) else value
    return out


def network_graph(network: Network) -> "nx.MultiDiGraph":
    """Every organisation, body, person and post, and every relationship between them."""
    import networkx as nx

    g = nx.MultiDiGraph(dataset=network.dataset.id, name=network.dataset.name)
    nodes = _node_tables()
    for table, rtype in nodes.items():
        columns = record_type(table).columns
        for record in network.tables[table].values():
            g.add_node(node_key(rtype, record.id), record_type=rtype, label=record.name,
                       **_attrs(record, columns))
    for r in SCHEMA.derived(drawn).values():
        src, dst = r.source, r.target
        src_type, dst_type = nodes[r.source_table], nodes[r.target_table]
        columns = record_type(r.table).columns
        for record in network.tables[r.table].values():
            a, b = getattr(record, src), getattr(record, dst)
            if a and b and not (r.unless and any(getattr(record, c) for c in r.unless)):
                attrs = _attrs(record, columns, skip=(src, dst)) if r.table not in nodes else {}
                g.add_edge(node_key(src_type, a), node_key(dst_type, b),
                           key=f"{r.name}:{record.id}", relationship=r.name, **attrs)
    return g


def people_bodies(network: Network) -> "nx.Graph":
    """The bipartite graph of who sits where: people (``bipartite=0``) and bodies (``=1``).

    A seat held by a post whose holder is named counts for the holder; a post
    with no named holder appears as its own node (see :func:`sitter_key`). Edge
    ``memberships`` lists the membership ids behind each person-body pair. The
    overlaps rules read the same seats (by :func:`sitter_key`'s rule, coded with numpy).
    """
    import networkx as nx

    g = nx.Graph()
    for body in network.bodies.values():
        g.add_node(node_key("body", body.id), bipartite=1, name=body.name, kind=body.kind)
    for m in network.memberships.values():
        sitter = sitter_key(network, m)
        if sitter is None:
            continue
        if sitter not in g:
            record = seat_holder(network, m)
            name = record.name if record else sitter.split(":", 1)[1]
            g.add_node(sitter, bipartite=0, name=name, kind=getattr(record, "kind", "post"))
        seat_on = node_key("body", m.body)
        if g.has_edge(sitter, seat_on):
            g.edges[sitter, seat_on]["memberships"].append(m.id)
        else:
            g.add_edge(sitter, seat_on, memberships=[m.id])
    return g


def sitter_key(network: Network, m: Membership) -> str | None:
    """Who holds a seat, as a node key: the person; else the named holder of the post;
    else the post itself; None for a seat whose holder is not named.

    The one definition of who sits: the graph views, the overlaps and scrutiny
    rules, the representation rules and the maps all ask it (or :func:`seat_holder`,
    :func:`seats_held`, which do).

    >>> from graphmodel.model import Dataset, Post
    >>> net = Network(Dataset("demo", "Demo"), [Post("dcs", "Director", holder="ann")])
    >>> sitter_key(net, Membership("m1", "board", post="dcs"))
    'person:ann'
    >>> sitter_key(net, Membership("m2", "board", on_behalf_of="police")) is None
    True
    """
    who = _holder(network, m)
    return None if who is None else who[0] + ":" + who[1]


def _holder(network: Network, m: Membership) -> tuple[str, str] | None:
    """(record type, id) of who holds a seat: the rule :func:`sitter_key` states."""
    if m.person:
        return "person", m.person
    if m.post:
        post = network.posts.get(m.post)
        return ("person", post.holder) if post and post.holder else ("post", m.post)
    return None


def seat_holder(network: Network, m: Membership) -> Person | Post | None:
    """The record of who holds a seat (see :func:`sitter_key`): a Person or, for a post
    whose holder is not named, the Post; None when not named or not recorded."""
    who = _holder(network, m)
    if who is None:
        return None
    return (network.people if who[0] == "person" else network.posts).get(who[1])


def seats_held(network: Network) -> dict[tuple[str, str], list[Membership]]:
    """Who sits where: (sitter key, body id) -> the memberships behind it, in source order."""
    held: dict[tuple[str, str], list[Membership]] = defaultdict(list)
    for m in network.memberships.values():
        who = sitter_key(network, m)
        if who is not None:
            held[who, m.body].append(m)
    return held


def accountability_graph(network: Network, bodies: "Collection[str] | None" = None,
                         lines: "Iterable[ReportingLine] | None" = None,
                         details: bool = True) -> "nx.DiGraph":
    """Bodies and the reporting lines between them (edge: body -> body it reports to,
    with the line's ``id`` and ``kind``); with ``bodies``, those bodies only and the
    lines between them; with ``lines``, those lines rather than all the network's.
    ``details=False`` leaves out the bodies' names and kinds and the lines' ids and kinds
    (a third of the time of building it), for code that reads them from the records.

    The accountability rules (:mod:`graphmodel.analysis.accountability`) compute on
    this graph with networkx, over the lines current on the day they review: each
    body's distance from a root, the bodies below a break (``ancestors``), the chains
    up from a body (``all_simple_paths``) and the loops (``strongly_connected_components``).
    """
    import networkx as nx

    g = nx.DiGraph()
    kept = [b for b in network.bodies.values() if bodies is None or b.id in bodies]
    g.add_nodes_from(b.id for b in kept)
    chosen = [ln for ln in (network.reporting_lines.values() if lines is None else lines)
              if bodies is None or (ln.body in bodies and ln.reports_to in bodies)]
    if not details:
        g.add_edges_from((ln.body, ln.reports_to) for ln in chosen)
        return g
    # attributes set after: networkx reads an (id, attributes) pair by catching the
    # error hashing it raises, about a tenth of the time of building the graph
    nodes = g.nodes
    for b in kept:
        nodes[b.id].update(name=b.name, kind=b.kind)
    g.add_edges_from((ln.body, ln.reports_to, {"id": ln.id, "kind": ln.kind}) for ln in chosen)
    return g
