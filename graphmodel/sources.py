"""Open any SOURCE: a dataset directory, an ``.xlsx`` workbook or a Popolo ``.json`` file.

``read_source`` never raises for bad data: it returns the Network (or None) and
every problem found. ``open_source`` raises :class:`InvalidData` instead.

Among the problems, :class:`NotRead` notices (warnings) name the sheets, files and
columns a source held that graphmodel has no place for: ``not_read(problems)``
picks them out, and ``open_source_noting`` returns them with the Network.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from graphmodel.memory import no_cycle_collection
from graphmodel.names import closest
from graphmodel.model import Network
from graphmodel.problems import InvalidData, NotRead, Problem, UsageError, errors
from graphmodel.words import count, plural

if TYPE_CHECKING:
    from graphmodel.io.tables import Collected

__all__ = ["read_source", "read_counted", "Reading", "validate", "open_source", "open_source_noting", "not_read",
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
    reading = read_counted(source, dataset, auth)
    return reading.network, reading.problems


@dataclass(frozen=True)
class Reading:
    """What reading a source gave: the Network (None on errors), every problem, and
    how many records were read from each table the source holds (the dataset's row
    included)."""
    network: Network | None
    problems: list[Problem]
    records: dict[str, int]


def read_counted(source: Source, dataset: str | None = None,
                 auth: Credentials | None = None) -> Reading:
    """:func:`read_source`, saying also how many records each table gave."""
    # each reader is imported when its kind of source is read (see graphmodel.startup)
    if is_store_uri(source):
        from graphmodel.store.connection import connect
        from graphmodel.store.read import read
        with connect(str(source), auth=auth) as store:
            stored = read(store, dataset)
        return Reading(stored, [], {"dataset": 1, **stored.counts()})
    from graphmodel.validate import build_network
    with no_cycle_collection():
        collected = _collect(source)
        network, problems = build_network(collected)
    held = {"dataset": int(collected.dataset is not None),
            **{name: len(records) for name, records in collected.tables.items()}}
    return Reading(network, problems, {table: n for table, n in held.items()
                                       if n or table in collected.files})


def _collect(source: Source) -> Collected:
    """Every record and problem a dataset directory, workbook or Popolo file holds."""
    path = Path(source)
    if not path.exists():
        raise SourceNotFound(f"{source}: no such file or directory{_near_path(path)}; SOURCE "
                             "is a dataset directory, an .xlsx workbook or a Popolo .json file")
    if path.is_dir():
        from graphmodel.io.csvdir import read_csv_dir
        return read_csv_dir(path)
    if path.suffix.lower() == ".xlsx":
        from graphmodel.io.workbook import read_workbook
        return read_workbook(path)
    if path.suffix.lower() == ".json":
        from graphmodel.io.popolo import read_popolo
        return read_popolo(path)
    raise SourceNotFound(f"{source}: not a dataset directory, .xlsx or .json file")


def _near_path(path: Path) -> str:
    """A did-you-mean hint: a file or folder of a near name beside where SOURCE points."""
    try:
        names = sorted(p.name for p in path.parent.iterdir())
    except OSError:
        return ""
    near = closest(path.name, names) if path.name else None
    return f" (did you mean {str(path.parent / near)!r}?)" if near else ""


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
            f"{source}: nothing was loaded or pruned, because {count(len(notices), 'part')} of it "
            f"{plural(len(notices), 'was')} not read and pruning would delete from Neo4j whatever records they hold; "
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


