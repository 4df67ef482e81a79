"""A blank register workbook to fill in by hand: every sheet with its header and help
(:mod:`graphmodel.io.workbook_help`), and no records."""
from __future__ import annotations

import os
from pathlib import Path

from graphmodel.io.tables import all_types
from graphmodel.io.workbook import write_tables

__all__ = ["write_template"]


def write_template(path: str | os.PathLike[str]) -> Path:
    """A blank register: every sheet with its header and help, and no records."""
    return write_tables(((rt, []) for rt in all_types()), path)
