"""What graphmodel loads only when it is used, and why: the one list of deferred imports.

Every import is at the top of its module, except an import of what is named here. The
command line starts afresh on every call (``graphmodel --help`` included), and a notebook
that only reads a store imports the library too; each of these libraries takes from a
few hundredths of a second (yaml, lxml) to whole seconds (igraph, matplotlib) to load,
against under a tenth of a second for the command line's start. So a module that
``graphmodel`` or ``graphmodel.cli`` imports at start-up imports them, or a graphmodel
module that imports them at its top, inside the function that needs them.

``tests/test_imports.py`` holds every module of the package to this, and
``tests/test_cli.py`` checks that starting the command line loads none of them.
"""
from __future__ import annotations

__all__ = ["DEFERRED_LIBRARIES", "DEFERRED_MODULES"]

DEFERRED_LIBRARIES: tuple[str, ...] = (
    "networkx", "scipy", "numpy", "neo4j", "openpyxl", "pyvis", "matplotlib", "igraph",
    "requests", "bs4", "lxml", "yaml")
"""The heavy libraries: graph analysis and layout, sparse matrices, the Neo4j driver, the
workbook reader, map drawing, and the importers' HTTP and HTML parsing."""

DEFERRED_MODULES: tuple[str, ...] = ("graphmodel.io.tables", "graphmodel.validate")
"""graphmodel's own modules that only reading a file needs: the table reader under the
CSV, workbook and Popolo readers, and validation. A network read from Neo4j or built in
a notebook, and the analyses of it, never load them."""
