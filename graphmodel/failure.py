"""How a command fails: one clear line and an exit code, never a traceback.

An error graphmodel raises for its users prints its message (and, for a source
with errors, every problem). An operating-system error naming a file (a folder
where a file was meant, a path that cannot be written) prints the file and the
reason. Anything else is a bug: one line, and the details in a file in the
temporary directory, with credentials taken out. ``--debug`` (or
GRAPHMODEL_DEBUG=1) prints the traceback as well.
"""
from __future__ import annotations

import os
import platform
import re
import sys
import tempfile
import traceback
from importlib.metadata import PackageNotFoundError, version
from typing import Callable

from graphmodel.problems import INTERNAL, USAGE, GraphmodelError, InvalidData

__all__ = ["exit_code_for", "redact", "write_details"]

# user:password@ in a URI; the password of the environment wherever it appears
_URI_CREDENTIALS = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)[^/@\s]+@", re.I)


def redact(text: str) -> str:
    """``text`` without the Neo4j password or any credentials in a URI."""
    text = _URI_CREDENTIALS.sub(r"\g<scheme>[credentials]@", text)
    password = os.environ.get("NEO4J_PASSWORD")
    if password:
        text = text.replace(password, "[NEO4J_PASSWORD]")
    return text


def write_details(exc: BaseException, argv: list[str]) -> str:
    """Write what a bug report needs to a new file in the temporary directory; its path."""
    try:
        ours = version("graphmodel")
    except PackageNotFoundError:
        ours = "unknown"
    lines = [f"graphmodel {ours}, Python {platform.python_version()}, {platform.platform()}",
             "command: " + " ".join(["graphmodel", *argv]), "",
             *traceback.format_exception(exc)]
    fd, path = tempfile.mkstemp(prefix="graphmodel-error-", suffix=".txt")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(redact("\n".join(line.rstrip("\n") for line in lines)) + "\n")
    return path


def exit_code_for(exc: Exception, echo: Callable[[str], None], debug: bool = False,
                  argv: list[str] | None = None) -> int:
    """Say what went wrong through ``echo`` (to stderr) and return the exit code."""
    if debug:
        echo(redact("".join(traceback.format_exception(exc))).rstrip("\n"))
    if isinstance(exc, InvalidData):
        for problem in exc.problems:
            echo(str(problem))
        echo(f"error: {exc}; nothing was done")
        return exc.exit_code
    if isinstance(exc, GraphmodelError):
        echo(redact(f"error: {exc}"))
        return exc.exit_code
    if isinstance(exc, BrokenPipeError):
        # the reader went away (`graphmodel list ... | head`): not ours to report; keep
        # Python from failing again as it flushes stdout on the way out
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):   # stdout is no file (a test's capture)
            pass
        return 0
    if isinstance(exc, OSError) and exc.filename is not None:
        echo(f"error: {exc.filename}: {exc.strerror or exc}")
        return USAGE
    summary = redact(f"{type(exc).__name__}: {exc}".splitlines()[0])
    if debug:
        echo(f"internal error: {summary}")
        return INTERNAL
    path = write_details(exc, sys.argv[1:] if argv is None else argv)
    echo(f"internal error: {summary}; details in {path}; "
         "run with --debug to see the traceback")
    return INTERNAL
