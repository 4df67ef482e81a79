"""GraphML and GEXF for Gephi, yEd and Cytoscape: the whole network as one graph."""
from __future__ import annotations

import os
from pathlib import Path
import networkx as nx

from graphmodel.graph import network_graph
from graphmodel.model import Network

__all__ = ["write_graph"]


def write_graph(network: Network, path: str | os.PathLike[str], to: str = "graphml") -> Path:
    """Write the network graph (see :func:`graphmodel.graph.network_graph`)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    graph = network_graph(network)
    graph.graph = {k: v for k, v in graph.graph.items() if v is not None}
    if to == "graphml":
        nx.write_graphml(graph, target)
    elif to == "gexf":
        nx.write_gexf(_record_ids_renamed(graph), target)
    else:
        raise ValueError(f"unknown graph format {to!r}; choose graphml or gexf")
    return target


def _record_ids_renamed(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph with each record's ``id`` kept as ``record_id``: GEXF takes an ``id``
    attribute as the node's or link's id in the file, and a record's id is unique only
    within its table (an organisation and a body may both be 'police')."""
    for data in [d for _, d in graph.nodes(data=True)] + [d for *_, d in graph.edges(data=True)]:
        if "id" in data:
            data["record_id"] = data.pop("id")
    return graph
