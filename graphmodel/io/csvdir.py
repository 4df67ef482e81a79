"""A dataset directory: one UTF-8 CSV file per record type (``bodies.csv``, ...).

Only ``dataset.csv`` is required; a table with no file is empty. File names match
in any case (``Memberships.csv``). Files are checked for their encoding, emptiness
and truncation before their rows are read; the byte-order mark Excel's "CSV UTF-8"
writes is passed over.
"""
from __future__ import annotations

import codecs
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


_CHUNK = 1 << 20


def _check(file: Path, out: Collected) -> int | None:
    """How many bytes of byte-order marks the file starts with, once it is found to be
    UTF-8 text with something in it; None (the problem reported) if it is not. The file
    is checked a piece at a time: a big table is never held whole in memory."""
    where = str(file)
    with open(file, "rb") as handle:
        if handle.read(2).startswith(_UTF16_BOMS):
            out.problems.append(Problem(where, 1, None, "file is UTF-16; save it as CSV UTF-8"))
            return None
        handle.seek(0)
        skip = 0
        while handle.read(len(_UTF8_BOM)) == _UTF8_BOM:  # Excel's "CSV UTF-8" starts with one
            skip += len(_UTF8_BOM)
        handle.seek(skip)
        # empty: nothing but spaces and line ends (a byte-order mark alone is not empty:
        # it is read, and found to have no header)
        empty, nul, bad = skip == 0, False, None
        decoder, lines = codecs.getincrementaldecoder("utf-8")(), 1
        while chunk := handle.read(_CHUNK):
            empty = empty and not chunk.strip()
            nul = nul or b"\x00" in chunk
            if bad is None and (not chunk.isascii() or decoder.getstate()[0]):
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    # exc.object is what the decoder held over from the last piece, then this
                    held = len(exc.object) - len(chunk)
                    at = exc.start - held
                    lines += chunk[:max(at, 0)].count(b"\n")
                    bad = (lines, exc.object[exc.start])
            if bad is None:
                lines += chunk.count(b"\n")
        if bad is None:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError as exc:
                bad = (lines, exc.object[exc.start])
    if empty:
        out.problems.append(Problem(where, None, None, "file is empty; it needs at least "
                                    "a header row naming the columns"))
        return None
    if bad is not None:
        out.problems.append(Problem(where, bad[0], None, f"not UTF-8 (byte 0x{bad[1]:02x}); "
                                    "save the file as CSV UTF-8"))
        return None
    if nul:
        out.problems.append(Problem(where, None, None, "file holds NUL bytes; it is not "
                                    "a text CSV file"))
        return None
    return skip


def _read_file(rt: RecordType, file: Path, out: Collected) -> None:
    skip = _check(file, out)
    if skip is None:
        out.unread.add(rt.name)
        return
    where = str(file)
    with open(file, "rb") as handle:
        handle.seek(skip)
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
        reader = csv.reader(text, strict=True)
        try:
            header = next(reader, None)
            if header is None:  # nothing but a byte-order mark
                out.problems.append(Problem(where, None, None, "file is empty; it needs at "
                                            "least a header row naming the columns"))
                return
            table = TableReader(rt, where, header, out)
            table.read(_numbered(reader))
        except csv.Error as exc:
            out.unread.add(rt.name)
            out.problems.append(Problem(where, reader.line_num, None,
                                        f"cannot be read as CSV ({exc}); the file may be "
                                        "truncated or a quote left open"))


def _numbered(reader: Reader) -> Iterator[tuple[int, list[str]]]:
    """Each row with the line it starts on (a quoted value may run over several lines):
    zip asks for the line before it reads each row."""
    return zip(iter(lambda: reader.line_num + 1, None), reader)


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
