"""Problems found in a source: where, which field, what is wrong, what to do."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Problem", "InvalidData", "GraphmodelError", "UsageError"]


class GraphmodelError(Exception):
    """Base of the errors graphmodel raises for users to read (never a traceback)."""
    exit_code = 1


class UsageError(GraphmodelError):
    """What was asked for cannot be done as asked: an unknown id, a missing file, a bad
    rules file, a map too big to draw. Exit code 2, as for a bad option."""
    exit_code = 2


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


class InvalidData(GraphmodelError):
    """A source with errors; ``problems`` lists every one found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.level == "error"]
        super().__init__(f"{len(errors)} problem(s) in the source")


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.level == "error"]
