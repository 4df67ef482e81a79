"""A dataset directory: one UTF-8 CSV file per record type (``bodies.csv``, ...).

Only ``dataset.csv`` is required; a table with no file is empty. File names match
in any case (``Memberships.csv``). Files are checked for their encoding, emptiness
and truncation before their rows are read; the byte-order mark Excel's "CSV UTF-8"
writes is passed over.
"""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from graphmodel.io.tables import (Collected, TableReader, all_types, claim_tables, iter_tables,
                                  to_cells)
from graphmodel.model import Network, RecordType
from graphmodel.problems import Problem

if TYPE_CHECKING:
    from _csv import Reader

__all__ = ["read_csv_dir", "write_csv_dir"]

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_csv_dir(path: str | os.PathLike[str]) -> Collected:
    """Read every table of a dataset directory, collecting problems as it goes."""
    root = Path(path)
    out = Collected()
    out.files["_source"] = str(root)
    names = sorted(p.name for p in root.iterdir()
                   if p.suffix.lower() == ".csv" and not p.name.startswith((".", "~$"))
                   and p.is_file())  # hidden files and Office lock files are not tables
    claimed = claim_tables(names, lambda name: str(root / name), out, "file", ".csv")
    for rt in all_types():
        if rt.name in claimed:
            _read_file(rt, root / claimed[rt.name], out)
    return out


def _decode(file: Path, out: Collected) -> bytes | None:
    where = str(file)
    data = file.read_bytes()
    if not data.strip():
        out.problems.append(Problem(where, None, None, "file is empty; it needs at least "
                                    "a header row naming the columns"))
        return None
    if data.startswith(_UTF16_BOMS):
        out.problems.append(Problem(where, 1, None, "file is UTF-16; save it as CSV UTF-8"))
        return None
    while data.startswith(_UTF8_BOM):  # Excel's "CSV UTF-8" starts with one
        data = data[len(_UTF8_BOM):]
    try:
        data.decode("utf-8")  # only to check; the rows are decoded as they are read
        return data
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        out.problems.append(Problem(where, line, None, f"not UTF-8 (byte 0x{data[exc.start]:02x}); "
                                    "save the file as CSV UTF-8"))
        return None


def _read_file(rt: RecordType, file: Path, out: Collected) -> None:
    text = _decode(file, out)
    if text is None:
        out.unread.add(rt.name)
        return
    where = str(file)
    if b"\x00" in text:
        out.problems.append(Problem(where, None, None, "file holds NUL bytes; it is not "
                                    "a text CSV file"))
        out.unread.add(rt.name)
        return
    # a TextIOWrapper decodes as it goes; StringIO(text) would copy the whole file
    # into a 4-bytes-a-character buffer (300 MiB for a 75 MiB file)
    reader = csv.reader(io.TextIOWrapper(io.BytesIO(text), encoding="utf-8", newline=""),
                        strict=True)
    try:
        header = next(reader, None)
        if header is None:  # nothing but a byte-order mark
            out.problems.append(Problem(where, None, None, "file is empty; it needs at least "
                                        "a header row naming the columns"))
            return
        table = TableReader(rt, where, header, out)
        table.read(_numbered(reader))
    except csv.Error as exc:
        out.unread.add(rt.name)
        out.problems.append(Problem(where, reader.line_num, None,
                                    f"cannot be read as CSV ({exc}); the file may be "
                                    "truncated or a quote left open"))


def _numbered(reader: Reader) -> Iterator[tuple[int, list[str]]]:
    """Each row with the line it starts on (a quoted value may run over several lines)."""
    while True:
        start = reader.line_num + 1
        cells = next(reader, None)
        if cells is None:
            return
        yield start, cells


def write_csv_dir(network: Network, path: str | os.PathLike[str]) -> Path:
    """Write every table (empty ones as a header) to a dataset directory."""
    root = Path(path)
    root.mkdir(parents=True, exist_ok=True)
    for rt, records in iter_tables(network):
        with open(root / f"{rt.name}.csv", "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            # with "\n" as line end the csv module leaves a lone "\r" unquoted, and a
            # reader then splits the row there: quote every cell of such a row
            quoted = csv.writer(handle, lineterminator="\n", quoting=csv.QUOTE_ALL)
            writer.writerow(rt.columns)
            for record in records:
                cells = to_cells(record, rt.columns)
                (quoted if any("\r" in c for c in cells) else writer).writerow(cells)
    return root
