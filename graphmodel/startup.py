"""What graphmodel loads only when it is used, and why: the one list of deferred imports.

Every import is at the top of its module, except an import of what is named here. The
command line starts afresh on every call (``graphmodel --help`` included), and a notebook
that only reads a store imports the library too. Each library below takes from a few
hundredths of a second to several tenths to load, where the command line starts in under
a tenth. So a module that ``graphmodel`` or ``graphmodel.cli`` imports at start-up
imports them inside the function that needs them, and likewise any graphmodel module
that imports one of them at its top; everywhere else they are imported at the top.

``tests/test_imports.py`` holds every module of the package to this, and
``tests/test_cli.py`` checks that starting the command line loads none of them.
"""
from __future__ import annotations

__all__ = ["DEFERRED_LIBRARIES", "DEFERRED_MODULES"]

DEFERRED_LIBRARIES: tuple[str, ...] = (
    "networkx", "scipy", "numpy", "neo4j", "openpyxl", "pyvis", "matplotlib", "igraph",
    "requests", "bs4", "lxml", "yaml", "importlib.metadata")
"""The heavy libraries: graph analysis and layout, sparse matrices, the Neo4j driver, the
workbook reader, map drawing, the importers' HTTP and HTML parsing; and the standard
library's package metadata (half the command line's start again), which only a bug
report's version line needs."""

DEFERRED_MODULES: tuple[str, ...] = (
    "graphmodel.io.tables", "graphmodel.validate", "graphmodel.render",
    "graphmodel.generate", "graphmodel.store.server", "graphmodel.importers.appointments")
"""graphmodel's own modules deferred likewise. The table reader under the CSV, workbook
and Popolo readers, and validation: only reading a file needs them, and a network read
from Neo4j or built in a notebook, and the analyses of it, never load them. The output
formats (aligned tables, JSON, CSV): their standard modules add a tenth to the start of
a command that has not yet printed anything. The generator, the local server's manager
and the appointments importer, which only their own commands use: together they would
double the command line's start (about 0.07, 0.02 and 0.01 s)."""
