"""Network -> networkx views: the whole graph, people and bodies, reporting lines.

Node keys are ``"<type>:<id>"`` (``"body:ssc-partnership-board"``) so that an
organisation and a body sharing an id stay apart. Each node carries
``record_type``, ``id``, ``name`` and ``kind``; each edge a ``relationship``
(``seat_for``: an organisation's seat on a body whose holder is not named).
Take ``network.as_of(date)`` first for a view of one day.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from graphmodel.model import RELATIONSHIPS as SCHEMA, Network, Relationship

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["node_key", "NODE_TABLES", "DRAWN", "RELATIONSHIPS", "drawn", "network_graph",
           "people_bodies",
           "accountability_graph", "sitter_key"]

NODE_TABLES = {"organisations": "organisation", "bodies": "body", "people": "person",
               "posts": "post"}



def drawn(relationships: Iterable[Relationship] = SCHEMA) -> dict[str, Relationship]:
    """The schema's relationships the views draw, by name; those that hold only while
    some columns are empty (a seat whose holder is not named) come last."""
    shown = [r for r in relationships if r.drawn]
    for r in shown:
        if not {r.source_table, r.target_table} <= NODE_TABLES.keys():
            raise ValueError(f"relationship {r.name} is drawn, but the views draw no "
                             f"{r.source_table} or {r.target_table}")
    return {r.name: r for r in sorted(shown, key=lambda r: bool(r.unless))}


DRAWN = drawn()
# relationship -> (table, source column, source type, target column, target type):
# those drawn whenever both ends are set
RELATIONSHIPS: dict[str, tuple[str, str, str, str, str]] = {
    name: (r.table, r.source, NODE_TABLES[r.source_table], r.target, NODE_TABLES[r.target_table])
    for name, r in DRAWN.items() if not r.unless}


def node_key(record_type: str, record_id: str) -> str:
    return f"{record_type}:{record_id}"


def _attrs(record: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """A record's fields as graph attributes: no None, lists joined (GraphML needs scalars)."""
    out = {}
    for name in record.__slots__:
        value = getattr(record, name)
        if value is None or name in skip:
            continue
        out[name] = "; ".join(value) if isinstance(value, tuple) else value
    return out


def network_graph(network: Network) -> "nx.MultiDiGraph":
    """Every organisation, body, person and post, and every relationship between them."""
    import networkx as nx

    g = nx.MultiDiGraph(dataset=network.dataset.id, name=network.dataset.name)
    for table, rtype in NODE_TABLES.items():
        for record in network.tables[table].values():
            g.add_node(node_key(rtype, record.id), record_type=rtype, label=record.name,
                       **_attrs(record))
    for r in DRAWN.values():
        src, dst = r.source, r.target
        src_type, dst_type = NODE_TABLES[r.source_table], NODE_TABLES[r.target_table]
        for record in network.tables[r.table].values():
            a, b = getattr(record, src), getattr(record, dst)
            if a and b and not (r.unless and any(getattr(record, c) for c in r.unless)):
                attrs = _attrs(record, skip=(src, dst)) if r.table not in NODE_TABLES else {}
                g.add_edge(node_key(src_type, a), node_key(dst_type, b),
                           key=f"{r.name}:{record.id}", relationship=r.name, **attrs)
    return g


def people_bodies(network: Network) -> "nx.Graph":
    """The bipartite graph of who sits where: people (``bipartite=0``) and bodies (``=1``).

    A seat held by a post whose holder is named counts for the holder; a post
    with no named holder appears as its own node. Edge ``memberships`` lists
    the membership ids behind each person-body pair.
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
            rtype, rid = sitter.split(":", 1)
            record = network.people.get(rid) if rtype == "person" else network.posts.get(rid)
            g.add_node(sitter, bipartite=0, name=record.name if record else rid,
                       kind=getattr(record, "kind", "post"))
        body = node_key("body", m.body)
        if g.has_edge(sitter, body):
            g.edges[sitter, body]["memberships"].append(m.id)
        else:
            g.add_edge(sitter, body, memberships=[m.id])
    return g


def sitter_key(network: Network, m: Any) -> str | None:
    """Who holds a seat: the person, else the post's named holder, else the post itself."""
    if m.person:
        return node_key("person", m.person)
    if m.post:
        post = network.posts.get(m.post)
        return node_key("person", post.holder) if post and post.holder else node_key("post", m.post)
    return None


def accountability_graph(network: Network) -> "nx.DiGraph":
    """Bodies and the reporting lines between them (edge: body -> body it reports to)."""
    import networkx as nx

    g = nx.DiGraph()
    for body in network.bodies.values():
        g.add_node(body.id, name=body.name, kind=body.kind)
    for line in network.reporting_lines.values():
        g.add_edge(line.body, line.reports_to, id=line.id, kind=line.kind)
    return g
