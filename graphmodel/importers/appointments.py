"""A dataset from a flat list of appointments to outside bodies (CSV or ``.xlsx``).

One row per appointment: body, person, role, on behalf of, start, end, notes.
Headers are matched as officers write them ("Outside Body", "Councillor
appointed", "Date of appointment", "Term ends"...); a title row above the
header, blank rows, UK dates (DD/MM/YYYY) and date cells are taken in their stride
(dates and roles are read as a register's are: :func:`graphmodel.dates.read_date`,
``ROLES`` in :mod:`graphmodel.model`; a role that is none is kept in the notes). A column
that is not recognised is reported, not fatal; every problem of every row is
reported at once, and nothing is written while one is an error.
"""
from __future__ import annotations

import csv
import dataclasses
import os
import re
from pathlib import Path
from typing import Any, Iterator

from graphmodel.dates import DateError, read_date
from graphmodel.importers.common import (ImportReport, NetworkBuilder, add_body, add_person,
                                         document, guess_body_kind, person_name, role_of,
                                         slug)
from graphmodel.model import ROLES, Dataset, Membership, Organisation
from graphmodel.problems import InvalidData, Problem, UsageError, errors

__all__ = ["import_appointments", "FIELDS", "match_header"]

# Each field, with the words officers use for it (compared lower case, punctuation as spaces)
FIELDS: dict[str, tuple[str, ...]] = {
    "body": ("body", "outside body", "name of body", "organisation appointed to", "partnership",
             "board", "committee", "outside organisation", "appointed to", "name of outside body"),
    "person": ("person", "name", "appointee", "councillor", "member", "representative",
               "nominee", "councillor appointed", "appointed", "name of appointee"),
    "role": ("role", "position", "capacity", "role on body", "appointed as", "type"),
    "on_behalf_of": ("on behalf of", "representing", "organisation represented", "for"),
    "start": ("start", "start date", "from", "date appointed", "appointed on",
              "date of appointment", "appointment date", "term start", "appointed from"),
    "end": ("end", "end date", "to", "until", "expiry", "expires", "term ends",
            "term end", "date of expiry", "appointed until", "end of term"),
    "notes": ("notes", "note", "comments", "comment", "remarks", "details"),
}
# a header naming none of the above exactly is matched by a telling word in it
_WORDS = (("start", r"\bstart|\bfrom\b|appointed on|date appointed"),
          ("end", r"\bend|expir|until|\bto\b"),
          ("on_behalf_of", r"behalf|represent"), ("body", r"\bbody\b|\bbodies\b"),
          ("role", r"\brole\b|position"), ("notes", r"note|comment"),
          ("person", r"\bname\b|councillor|appointee|member"))


def _words(header: Any) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", str(header or "").lower()).split())


def match_header(header: Any) -> str | None:
    """The field a column header means, or None."""
    words = _words(header)
    for name, synonyms in FIELDS.items():
        if words in synonyms:
            return name
    return next((name for name, pattern in _WORDS if re.search(pattern, words)), None)


def _rows(path: Path) -> Iterator[tuple[str, int, list[Any]]]:
    """(where, row number, cells) of every row of a CSV file or every sheet."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook
        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - openpyxl raises almost anything on a bad file
            raise UsageError(f"{path}: cannot be opened as an .xlsx workbook ({exc}); save "
                             "it from Excel as .xlsx") from None
        try:
            for sheet in book.worksheets:
                for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
                    yield f"{path}[{sheet.title}]", number, list(cells)
        finally:
            book.close()
        return
    if path.suffix.lower() != ".csv":
        raise UsageError(f"{path}: give a .csv file or an .xlsx workbook")
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            for number, line in enumerate(csv.reader(handle), start=1):
                yield str(path), number, line
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not UTF-8; save it as CSV UTF-8") from None


def _blank(cells: list[Any]) -> bool:
    return all(c is None or not str(c).strip() for c in cells)


def _cell(cells: list[Any], i: int) -> Any:
    value = cells[i] if i < len(cells) else None
    return value.strip() if isinstance(value, str) else value


class _Import:
    def __init__(self, path: Path, org: str, org_name: str | None) -> None:
        self.path = path
        name = org_name or org.replace("-", " ").replace("_", " ").title()
        home = Organisation(org, name, "local_authority")
        self.build = NetworkBuilder(Dataset(slug(path.stem), f"{name}: {path.name}", org,
                                            f"Imported from the appointments list {path.name}"),
                                    home)
        self.cite = {"source_document": document(self.build, "appointments-list", path.name,
                                                 path.name, name)}
        self.build.add(Organisation(org, name, "local_authority", **self.cite))
        self.errors: list[Problem] = []
        self.unread: list[Problem] = []     # headers naming no body or person column
        self.lists = 0                      # sheets (or the file) read as appointments

    def read(self) -> None:
        columns: dict[str, int] | None = None
        sheet = None
        for where, number, cells in _rows(self.path):
            if where != sheet:
                sheet, columns = where, None
            if _blank(cells):
                continue
            if columns is None:
                if sum(1 for c in cells if c not in (None, "")) >= 2:  # past a title row
                    columns = self._header(where, number, cells)
                continue
            if columns:
                self._row(where, number, cells, columns)

    def _header(self, where: str, number: int, cells: list[Any]) -> dict[str, int]:
        columns: dict[str, int] = {}
        unread: list[tuple[Any, str]] = []
        for i, header in enumerate(cells):
            if header in (None, ""):
                continue
            name = match_header(header)
            if name is None or name in columns:
                unread.append((header, "column not recognised, so it was not read"
                               if name is None else f"a second {name} column, so it was "
                               "not read"))
                continue
            columns[name] = i
        missing = [f for f in ("body", "person") if f not in columns]
        if missing:   # a table of something else: an error only if no sheet is a list
            self.unread.append(Problem(where, number, None, f"no {' or '.join(missing)} "
                                       f"column in the header ({', '.join(str(c) for c in cells if c)}); "
                                       "name the columns body, person, role, on behalf of, "
                                       "start, end, notes"))
            return {}
        for header, message in unread:
            self.build.warn(where, number, str(header), message)
        self.lists += 1
        return columns

    def _row(self, where: str, number: int, cells: list[Any], columns: dict[str, int]) -> None:
        value = {name: _cell(cells, i) for name, i in columns.items()}
        provenance = {**self.cite, "source_section": f"row {number}"}
        problems = len(self.errors)
        when = {f: self._date(where, number, f, value.get(f)) for f in ("start", "end")}
        if when["start"] and when["end"] and when["end"] < when["start"]:
            self.errors.append(Problem(where, number, "end", f"{when['end']} is before the "
                                       f"start {when['start']}; correct either date"))
        if not value.get("body"):
            self.errors.append(Problem(where, number, "body", "no body named; every row "
                                       "needs the body appointed to"))
        if len(self.errors) > problems:
            return
        body_name = " ".join(str(value["body"]).split())
        body = add_body(self.build, slug(body_name), body_name,
                        guess_body_kind(body_name, "other_body"), provenance)
        if not value.get("person"):
            self.build.warn(where, number, "person", f"nobody named on {body_name}: the body "
                            "is kept, the seat is not recorded")
            return
        self._membership(body, value, when, provenance, (where, number))

    def _membership(self, body: str, value: dict[str, Any], when: dict[str, str | None],
                    provenance: dict[str, str], at: tuple[str, int]) -> None:
        where, number = at
        org = self.build.home.id
        name, titled = person_name(str(value["person"]))
        person = add_person(self.build, slug(name), name,
                            "elected_member" if titled else "other",
                            org if titled else None, provenance)
        behalf = str(value.get("on_behalf_of") or "").strip()
        on_behalf_of = org if behalf.lower() in ("", org.lower(), self.build.home.name.lower()) \
            else self.build.organisation(behalf, provenance, "the on behalf of column",
                                         where, number)
        role_text = str(value.get("role") or "")
        role = role_of(role_text)
        notes = [str(value["notes"])] if value.get("notes") else []
        if role is None:
            notes.insert(0, f"Role given as: {role_text}.")
            self.build.warn(where, number, "role", f"{ROLES.refusal(role_text)}: read as "
                            "member, kept in the notes")
        self.build.add(Membership(
            self.build.free_id(Membership, f"{body}-{person}"), body, person=person,
            role=role or "member", on_behalf_of=on_behalf_of, start=when["start"],
            end=when["end"], notes=" ".join(notes) or None, **provenance))

    def _date(self, where: str, number: int, fld: str, raw: Any) -> str | None:
        try:
            return read_date(raw)
        except DateError as exc:
            self.errors.append(Problem(where, number, fld, str(exc)))
            return None


def import_appointments(file: str | os.PathLike[str], out: str | os.PathLike[str], *, org: str,
                        org_name: str | None = None) -> ImportReport:
    """Read a flat list of appointments and write a dataset directory to ``out``, with
    ``org`` (named ``org_name``) as the home organisation."""
    path = Path(file)
    if not path.is_file():
        raise UsageError(f"{file}: no such file; give a .csv file or an .xlsx workbook")
    job = _Import(path, org, org_name)
    job.read()
    if not job.lists:
        job.errors += job.unread or [Problem(str(path), None, None, "no appointments found: "
                                             "is there a header row naming body and person "
                                             "columns?")]
    else:
        job.build.problems += [dataclasses.replace(p, message="not read as appointments: "
                                                   + p.message, level="warning")
                               for p in job.unread]
    if errors(job.errors):
        raise InvalidData(job.errors + job.build.problems)
    return job.build.write(out)
