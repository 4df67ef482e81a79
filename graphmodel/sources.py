"""Open any SOURCE: a dataset directory, an ``.xlsx`` workbook or a Popolo ``.json`` file.

``read_source`` never raises for bad data: it returns the Network (or None) and
every problem found. ``open_source`` raises :class:`InvalidData` instead.

Among the problems, :class:`NotRead` notices (warnings) name the sheets, files and
columns a source held that graphmodel has no place for: ``not_read(problems)``
picks them out, and ``open_source_noting`` returns them with the Network.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from graphmodel.memory import no_cycle_collection
from graphmodel.model import Network
from graphmodel.problems import InvalidData, NotRead, Problem, UsageError, errors

__all__ = ["read_source", "validate", "open_source", "open_source_noting", "not_read",
           "refuse_to_prune", "write_source", "EXPORT_FORMATS", "SourceNotFound", "NotRead", "PruneRefused"]

EXPORT_FORMATS = ("csv", "xlsx", "popolo", "graphml", "gexf")

Source = str | os.PathLike[str]
"""A SOURCE: a path, or the URI of a Neo4j store."""
Credentials = Callable[[], tuple[str, str] | None]
"""Asked for (user, password) when the environment has none and a store wants them."""


def is_store_uri(source: object) -> bool:
    """True for a Neo4j URI (bolt://, neo4j://, neo4j+s:// ...)."""
    return isinstance(source, str) and source.split("://", 1)[0] in (
        "bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc") and "://" in source


class SourceNotFound(UsageError):
    """The SOURCE named does not exist or is not a kind graphmodel reads."""


def read_source(source: Source, dataset: str | None = None,
                auth: Credentials | None = None) -> tuple[Network | None, list[Problem]]:
    """Read a source into a Network, returning it (None on errors) and all problems.

    A ``bolt://``, ``neo4j://`` or ``neo4j+s://`` URI reads a dataset from Neo4j
    (``dataset`` picks one when the database holds several).
    """
    # each reader is imported when its kind of source is read (see graphmodel.startup)
    if is_store_uri(source):
        from graphmodel.store.connection import connect
        from graphmodel.store.read import read
        with connect(str(source), auth=auth) as store:
            return read(store, dataset), []
    path = Path(source)
    if not path.exists():
        raise SourceNotFound(f"{source}: no such file or directory; SOURCE is a dataset "
                             "directory, an .xlsx workbook or a Popolo .json file")
    with no_cycle_collection():
        if path.is_dir():
            from graphmodel.io.csvdir import read_csv_dir
            collected = read_csv_dir(path)
        elif path.suffix.lower() == ".xlsx":
            from graphmodel.io.workbook import read_workbook
            collected = read_workbook(path)
        elif path.suffix.lower() == ".json":
            from graphmodel.io.popolo import read_popolo
            collected = read_popolo(path)
        else:
            raise SourceNotFound(f"{source}: not a dataset directory, .xlsx or .json file")
        from graphmodel.validate import build_network
        return build_network(collected)


def validate(source: Source, dataset: str | None = None,
             auth: Credentials | None = None) -> list[Problem]:
    """Every problem in a source (a path or a URI); an empty list when it is valid."""
    return read_source(source, dataset, auth)[1]


def open_source(source: Source, dataset: str | None = None,
                auth: Credentials | None = None) -> Network:
    """The Network in a source; raises InvalidData listing every problem if it has errors."""
    return open_source_noting(source, dataset, auth)[0]


def open_source_noting(source: Source, dataset: str | None = None,
                       auth: Credentials | None = None) -> tuple[Network, list[Problem]]:
    """The Network in a source and the notices of what in it was not read (see
    ``not_read``); raises InvalidData listing every problem if it has errors."""
    network, problems = read_source(source, dataset, auth)
    if network is None or errors(problems):
        raise InvalidData(problems)
    return network, not_read(problems)


def not_read(problems: list[Problem]) -> list[Problem]:
    """The sheets, files and columns of a source that were not read."""
    return [p for p in problems if isinstance(p, NotRead)]


class PruneRefused(UsageError):
    """``load --prune`` while part of SOURCE was not read: its records would be deleted.
    ``notices`` says what was not read."""

    def __init__(self, source: Source, notices: list[Problem]) -> None:
        self.notices = notices
        super().__init__(
            f"{source}: nothing was loaded or pruned, because {len(notices)} part(s) of it "
            "were not read and pruning would delete from Neo4j whatever records they hold; "
            "rename the sheets, files or columns to the names of tables and columns (or "
            "remove them), or load without --prune")


def refuse_to_prune(source: Source, notices: list[Problem]) -> None:
    """Raise PruneRefused if anything in the source was not read (``notices``)."""
    if notices:
        raise PruneRefused(source, notices)


def write_source(network: Network, path: str | os.PathLike[str], to: str = "csv") -> Path:
    """Write a network as a dataset directory, workbook, Popolo JSON, GraphML or GEXF."""
    if to == "csv":
        from graphmodel.io.csvdir import write_csv_dir
        return write_csv_dir(network, path)
    if to == "xlsx":
        from graphmodel.io.workbook import write_workbook
        return write_workbook(network, path)
    if to == "popolo":
        from graphmodel.io.popolo import write_popolo
        return write_popolo(network, path)
    if to in ("graphml", "gexf"):
        from graphmodel.io.gephi import write_graph
        return write_graph(network, path, to)
    raise ValueError(f"unknown export format {to!r}; choose one of {', '.join(EXPORT_FORMATS)}")


