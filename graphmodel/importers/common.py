"""What the importers share: ids from names, roles, organisations named in brackets,
and a builder that turns collected records into a dataset that validates. Dates are
read by :func:`graphmodel.dates.read_date`, as every source's are."""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphmodel.model import (ROLES, Body, Dataset, Document, Network,
                              Organisation, Person)
from graphmodel.problems import InvalidData, Problem, errors
from graphmodel.sources import read_source, write_source
from graphmodel.words import count_records

__all__ = ["slug", "split_organisation", "guess_body_kind", "role_of",
           "person_name", "NetworkBuilder", "ImportReport"]


def slug(text: str) -> str:
    """An id from a name: 'Siân Jones (Chair)' -> 'sian-jones-chair'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "unnamed"


_BRACKETS = re.compile(r"\s*\(([^()]*)\)")
_ORGANISATION_WORDS = re.compile(r"\b(council|authority|trust|nhs|police|fire|"
                                 r"university|college)\b", re.I)


def split_organisation(text: str) -> tuple[str, list[str], str | None]:
    """'Cllr X (Cotswold District Council) (Chair)' -> ('Cllr X', ['Chair'],
    'Cotswold District Council'): the name, the other bracketed words, and an
    organisation named in brackets."""
    organisation, others = None, []
    for inner in (m.strip() for m in _BRACKETS.findall(text)):
        if organisation is None and _ORGANISATION_WORDS.search(inner):
            organisation = inner
        elif inner:
            others.append(inner)
    return " ".join(_BRACKETS.sub(" ", text).split()), others, organisation


_TITLES = re.compile(r"^(councillor|cllr\.?|county councillor|mayor)\s+", re.I)


def person_name(text: str) -> tuple[str, bool]:
    """A name without 'Councillor'/'Cllr' before it, and whether it was there."""
    name = " ".join(text.split())
    stripped = _TITLES.sub("", name)
    return stripped, stripped != name


_KIND_WORDS = (
    (r"\bfull council\b|^council$", "full_council"),
    (r"\bcabinet\b|\bexecutive\b", "executive"),
    (r"\bscrutiny\b", "scrutiny_board"),
    (r"\barea committee\b", "area_committee"),
    (r"\btrust\b", "trust"),
    (r"\bworking (group|party)\b|\btask (and|&) finish\b", "working_group"),
    (r"\bpanel\b", "panel"),
    (r"\bcommittee\b", "committee"),
    (r"\bboard\b", "partnership_board"),
    (r"\bpartnership\b", "partnership"),
    (r"\bnetwork\b|\bforum\b", "network"),
)


def guess_body_kind(name: str, default: str) -> str:
    """A body's kind from the words of its name ('... Scrutiny Committee' is a
    scrutiny board), else ``default``."""
    for pattern, kind in _KIND_WORDS:
        if re.search(pattern, name, re.I):
            return kind
    return default


def role_of(text: str | None) -> str | None:
    """A role as ModernGov or a list words it ('Vice-Chairman') among graphmodel's roles
    (see ``ROLES`` in graphmodel.model); member when blank, None when it is not one."""
    if not text or not text.strip():
        return "member"
    return ROLES.canonical(text)


@dataclass
class ImportReport:
    """What an import wrote, and everything it could not take as it was."""
    path: Path
    counts: dict[str, int]
    problems: list[Problem] = field(default_factory=list)
    requests: int = 0   # requests made to a site (none when all came from its cache)

    def summary(self) -> str:
        return ", ".join(count_records(n, table) for table, n in self.counts.items() if n)


class NetworkBuilder:
    """Collects records under unique ids, and warnings, then writes a dataset."""

    def __init__(self, dataset: Dataset, home: Organisation) -> None:
        self.dataset, self._home = dataset, home.id
        self.records: dict[tuple[type, str], Any] = {}
        self.problems: list[Problem] = []
        self._organisations: dict[str, str] = {}   # lower-case name -> id
        self.add(home)

    @property
    def home(self) -> Organisation:
        """The organisation making the appointments (as last added)."""
        home: Organisation = self.records[(Organisation, self._home)]
        return home

    def add(self, record: Any) -> Any:
        self.records[(type(record), record.id)] = record
        if isinstance(record, Organisation):
            self._organisations[record.name.lower()] = record.id
        return record

    def get(self, cls: type, key: str) -> Any:
        return self.records.get((cls, key))

    def free_id(self, cls: type, base: str) -> str:
        """``base``, or ``base-2``, ``base-3``... when a record already has it."""
        key, n = base, 1
        while (cls, key) in self.records:
            n += 1
            key = f"{base}-{n}"
        return key

    def warn(self, where: str, row: int | str | None, fld: str | None, message: str) -> None:
        self.problems.append(Problem(where, row, fld, message, "warning"))

    def organisation(self, name: str, provenance: dict[str, str], why: str, where: str,
                     row: int | str | None = None) -> str:
        """The id of the organisation with this name, created (with a warning) if new."""
        known = self._organisations.get(name.lower())
        if known:
            return known
        kind = "local_authority" if re.search(r"\bcouncil\b", name, re.I) else "other"
        org = self.add(Organisation(self.free_id(Organisation, slug(name)), name, kind,
                                    **provenance))
        self.warn(where, row, None, f"organisation {name!r} inferred from {why}; check it")
        return org.id

    def network(self) -> Network:
        return Network(self.dataset, self.records.values())

    def write(self, out: str | os.PathLike[str]) -> ImportReport:
        """Write the dataset directory and check it reads back without an error."""
        network = self.network()
        path = write_source(network, out, "csv")
        _, problems = read_source(path)
        if errors(problems):  # a bug in an importer: say so rather than leave a bad dataset
            raise InvalidData(problems)
        return ImportReport(path, network.counts(), self.problems)


def document(builder: NetworkBuilder, key: str, title: str, reference: str,
             publisher: str | None = None) -> str:
    """The id of the Document for a page, response or file, added once."""
    if builder.get(Document, key) is None:
        builder.add(Document(key, title, publisher, None, reference))
    return key


def add_person(builder: NetworkBuilder, key: str, name: str, kind: str,
               organisation: str | None, provenance: dict[str, str],
               notes: str | None = None) -> str:
    """The id of a person, added under ``key`` unless already there."""
    if builder.get(Person, key) is None:
        builder.add(Person(key, name, kind, organisation, notes, **provenance))
    return key


def add_body(builder: NetworkBuilder, key: str, name: str, kind: str,
             provenance: dict[str, str], **fields: Any) -> str:
    if builder.get(Body, key) is None:
        builder.add(Body(key, name, kind, **{**fields, **provenance}))
    return key
