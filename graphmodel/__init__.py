"""graphmodel: local-government partnership networks as a graph, and what is wrong with them.

The library is light to import; heavy parts (networkx, neo4j, openpyxl) load
when first used.
"""
from graphmodel.model import Network  # noqa: F401
from graphmodel.problems import GraphmodelError, InvalidData, Problem  # noqa: F401
from graphmodel.sources import open_source, read_source, write_source  # noqa: F401

__version__ = "0.1.0"

__all__ = ["Network", "GraphmodelError", "InvalidData", "Problem", "open_source",
           "read_source", "write_source"]
