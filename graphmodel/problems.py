"""Problems found in a source: where, which field, what is wrong, what to do."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Problem", "NotRead", "InvalidData", "GraphmodelError", "UsageError", "EXIT_CODES",
           "FINDINGS", "USAGE", "INVALID_DATA", "INTERNAL", "INTERRUPTED", "STORE",
           "SERVER_UNREACHABLE", "WRONG_CREDENTIALS", "UNKNOWN_DATABASE", "NOT_NEO4J_5",
           "INCOMPLETE_DATASET", "UNKNOWN_DATASET", "LOAD_LOCKED", "LOCAL_SERVER"]

# What every command's exit code means (the README's table is checked against it).
FINDINGS, USAGE, INVALID_DATA, INTERNAL, INTERRUPTED = 1, 2, 3, 4, 130
# the store's errors (graphmodel.store.errors) and the local server's (graphmodel.store.server)
STORE, SERVER_UNREACHABLE, WRONG_CREDENTIALS, UNKNOWN_DATABASE = 10, 11, 12, 13
NOT_NEO4J_5, INCOMPLETE_DATASET, UNKNOWN_DATASET, LOAD_LOCKED, LOCAL_SERVER = 14, 15, 16, 17, 18
EXIT_CODES = {
    0: "success",
    FINDINGS: "findings at or above `--fail-on` (`check`)",
    USAGE: "usage error: a bad option or value, a missing SOURCE, an unknown id, "
           "an output path that cannot be written, a folder not written by graphmodel",
    INVALID_DATA: "invalid data: SOURCE has errors (`validate` lists them); nothing was done",
    INTERNAL: "internal error (a bug): one line, and a file holding the details",
    STORE: "store error not covered below",
    SERVER_UNREACHABLE: "Neo4j server unreachable",
    WRONG_CREDENTIALS: "wrong Neo4j credentials",
    UNKNOWN_DATABASE: "unknown Neo4j database",
    NOT_NEO4J_5: "not a Neo4j 5 server",
    INCOMPLETE_DATASET: "dataset incomplete: a load of it is running, or was interrupted "
                        "(load it again)",
    UNKNOWN_DATASET: "no such dataset in the database "
                     "(or several: choose one with `--dataset`)",
    LOAD_LOCKED: "another load of the dataset is running (the load lock is held)",
    LOCAL_SERVER: "the local Neo4j server could not be assembled or started",
    INTERRUPTED: "interrupted (Ctrl-C)",
}


class GraphmodelError(Exception):
    """Base of the errors graphmodel raises for users to read (never a traceback)."""
    exit_code = INVALID_DATA


class UsageError(GraphmodelError):
    """What was asked for cannot be done as asked: an unknown id, a missing file, a bad
    rules file, a map too big to draw. Exit code 2, as for a bad option."""
    exit_code = USAGE


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a source, as ``file:row: field: message``.

    ``row`` is the line of a CSV file (the header is line 1), the row of a
    workbook sheet, or a position such as ``memberships[3]`` in a JSON file.
    A ``warning`` is a gap worth knowing about; an ``error`` stops the load.
    """
    file: str
    row: int | str | None
    field: str | None
    message: str
    level: str = "error"

    def __str__(self) -> str:
        row = "" if self.row is None else self.row
        where = f"{self.file}:{row}:" if row != "" else f"{self.file}:"
        text = f"{where} {self.field}: {self.message}" if self.field else f"{where} {self.message}"
        return f"{text} (warning)" if self.level == "warning" else text


@dataclass(frozen=True)
class NotRead(Problem):
    """A sheet, file or column in a source that graphmodel has no place for, so did not read.

    It is a warning (the rest of the source is read), but ``load --prune`` refuses
    while there is one: what was not read would otherwise be deleted from the store.
    """
    level: str = "warning"


class InvalidData(GraphmodelError):
    """A source with errors; ``problems`` lists every one found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.level == "error"]
        super().__init__(f"{len(errors)} problem(s) in the source")


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.level == "error"]
