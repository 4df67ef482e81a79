"""GraphML and GEXF for Gephi, yEd and Cytoscape: the whole network as one graph.

Beside what the maps draw, the files hold the meetings: each a node (``meeting:ID``)
linked to its body (``meeting_of``), and each attendance a link from the person to the
meeting (``attendance``) carrying the role and status.
"""
from __future__ import annotations

import os
from pathlib import Path
import networkx as nx

from graphmodel.graph import network_graph, node_key
from graphmodel.model import Network, Record

__all__ = ["write_graph"]


def write_graph(network: Network, path: str | os.PathLike[str], to: str = "graphml") -> Path:
    """Write the network graph (see :func:`graphmodel.graph.network_graph`)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    graph = _with_meetings(network_graph(network), network)
    graph.graph = {k: v for k, v in graph.graph.items() if v is not None}
    if to == "graphml":
        nx.write_graphml(graph, target)
    elif to == "gexf":
        nx.write_gexf(_record_ids_renamed(graph), target)
    else:
        raise ValueError(f"unknown graph format {to!r}; choose graphml or gexf")
    return target


def _fields(record: Record, *skip: str) -> dict[str, object]:
    """A record's set fields, as scalars a graph file holds."""
    return {f: v for f in record.__dataclass_fields__ if f not in skip
            and (v := getattr(record, f)) is not None}


def _with_meetings(graph: nx.MultiDiGraph, network: Network) -> nx.MultiDiGraph:
    """The graph with each meeting a node of its body, and who attended each."""
    for m in network.meetings.values():
        body = network.bodies.get(m.body)
        key = node_key("meeting", m.id)
        graph.add_node(key, record_type="meeting",
                       label=f"{body.name if body else m.body}, {m.date}", **_fields(m))
        graph.add_edge(key, node_key("body", m.body), key=f"meeting_of:{m.id}",
                       relationship="meeting_of")
    for a in network.attendance.values():
        if a.meeting in network.meetings:
            graph.add_edge(node_key("person", a.person), node_key("meeting", a.meeting),
                           key=f"attendance:{a.id}", relationship="attendance",
                           **_fields(a, "meeting", "person"))
    return graph


def _record_ids_renamed(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph with each record's ``id`` kept as ``record_id``: GEXF takes an ``id``
    attribute as the node's or link's id in the file, and a record's id is unique only
    within its table (an organisation and a body may both be 'police')."""
    for data in [d for _, d in graph.nodes(data=True)] + [d for *_, d in graph.edges(data=True)]:
        if "id" in data:
            data["record_id"] = data.pop("id")
    return graph
