"""GraphML and GEXF for Gephi, yEd and Cytoscape: the whole network as one graph."""
from __future__ import annotations

import os
from pathlib import Path

from graphmodel.graph import network_graph
from graphmodel.model import Network

__all__ = ["write_graph"]


def write_graph(network: Network, path: str | os.PathLike, to: str = "graphml") -> Path:
    """Write the network graph (see :func:`graphmodel.graph.network_graph`)."""
    import networkx as nx

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    graph = network_graph(network)
    graph.graph = {k: v for k, v in graph.graph.items() if v is not None}
    if to == "graphml":
        nx.write_graphml(graph, target)
    elif to == "gexf":
        nx.write_gexf(graph, target)
    else:
        raise ValueError(f"unknown graph format {to!r}; choose graphml or gexf")
    return target
