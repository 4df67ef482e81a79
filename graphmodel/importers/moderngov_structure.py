"""The committee structure of a ModernGov site: which committee reports to which.

ModernGov never states a reporting line, but a site implies its structure, and each
line read from it is recorded as ``inferred``, with the reason in its notes, citing
where it was read:

1. the committee structure page (``mgCommitteeStructure.aspx``), where the site has
   one: a committee nested under another in its lists reports to it;
2. otherwise, for a committee the page does not nest: the committee named by its
   category in ``GetCommittees`` ("Appointments Sub-Committee" in the category
   "Appointments Committee"), and the committee its name makes it part of
   ("X Sub-Committee", "X Subcommittee", "X Sub Committee" or "X Panel" under
   "X Committee" or "X", or under the committee the longest start of X names);
3. the full council (the committee titled "Council", "Full Council", "County
   Council", "<Name> County Council"...) is the root: every other current committee
   given no parent reports to it.

Nothing is inferred where the evidence is ambiguous (two candidate parents, a
category that reads as a committee's name but names none, a name that matches
several): each such committee is named in one warning, with the candidates. A site
with no full council gets no root lines, and one warning.

Lines given by hand (:func:`read_given_lines`, a CSV file) replace what would be
inferred: a committee with a line given has only the lines given, of the kind given.
"""
from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator, Sequence

from bs4 import Tag

from graphmodel.importers.common import NetworkBuilder, document
from graphmodel.importers.crawl import Request, SavedSite
from graphmodel.importers.moderngov_pages import _href, _query_id, _soup
from graphmodel.model import LINE_KINDS, Body, Document, ReportingLine
from graphmodel.problems import InvalidData, Problem, UsageError
from graphmodel.vocabulary import word_key

__all__ = ["STRUCTURE", "parse_structure", "infer_structure", "ROOT_REASON", "GivenLine",
           "read_given_lines"]

STRUCTURE = Request("mgCommitteeStructure.aspx")
ROOT_REASON = ("a committee of the council, with no parent on the site: taken to report to "
               "the full council")
_COMMITTEES = "moderngov-committees"   # the document of GetCommittees' answer

_FULL_COUNCIL = re.compile(
    r"^(the\s+)?((full|county|city|borough|district|town|parish)\s+)?council$"
    r"|^(meeting\s+of\s+(the\s+)?)?full\s+council$"
    r"|^.+\s(county|city|borough|district|metropolitan\s+borough|town|parish)\s+council$",
    re.I)
_PART = re.compile(r"^(?P<stem>.+?)\s+(sub[\s-]?committee|panel)$", re.I)
# a category such as "Appointments Committee" names one committee; "Regulatory
# Committees" is a group of them
_LOOKS_LIKE_A_COMMITTEE = re.compile(r"\b(committee|panel|board|council|cabinet|forum)$", re.I)


def parse_structure(page_text: bytes) -> list[tuple[str, str]]:
    """(committee id, id of the committee it is nested under) for each committee the
    structure page lists inside another's list, in the page's order."""
    found = []
    for item in _soup(page_text).find_all("li"):
        own, outer = _committee_of(item), item.find_parent("li")
        while outer is not None and _committee_of(outer) is None:
            outer = outer.find_parent("li")
        if own and outer is not None:
            found.append((own, _committee_of(outer) or ""))
    return found


def _committee_of(item: Tag) -> str | None:
    """The id of the committee an item of a list names: its first link to a committee
    that is not in a list inside the item."""
    for link in item.find_all("a", href=re.compile("mgCommitteeDetails", re.I)):
        if link.find_parent("li") is item:
            return _query_id(_href(link), "ID")
    return None


@dataclass(frozen=True)
class _Committee:
    body: Body
    number: str          # its id on the site

    @property
    def key(self) -> str:
        return _key(self.body.name)


def _key(title: str) -> str:
    return word_key(title.replace("&", " and "))


@dataclass(frozen=True)
class _Parent:
    body: str
    reason: str
    document: str


class _Structure:
    def __init__(self, build: NetworkBuilder, site: SavedSite, council: str) -> None:
        self.build, self.site, self.council = build, site, council
        self.committees = [_Committee(b, b.id.removeprefix("committee-"))
                           for (cls, _), b in build.records.items()
                           if cls is Body and b.id.startswith("committee-")]
        self.by_id = {c.number: c for c in self.committees}
        self.committees_url = build.get(Document, _COMMITTEES).reference
        self.doubtful: set[_Committee] = set()
        self.full_council: _Committee | None = None
        self.settled: set[_Committee] = set()   # the committees with lines given by hand

    def warn(self, where: str, c: _Committee, message: str) -> None:
        self.build.warn(where, None, c.body.name, message)

    def root(self) -> _Committee | None:
        """The full council; None, with a warning, when no committee or several could be."""
        own = _key(self.council)
        found = [c for c in self.committees
                 if _FULL_COUNCIL.match(" ".join(c.body.name.split())) or c.key == own]
        if len(found) == 1:
            self.full_council = found[0]
            return found[0]
        said = (f"several committees could be the full council ({_names(found)})" if found
                else "no committee is the full council (titled 'Council', 'Full Council', "
                     "'County Council'...)")
        self.build.warn(self.committees_url, None, None,
                        f"{said}: no committee was taken to report to it; give the reporting "
                        "lines by hand")
        return None

    def nested(self) -> dict[str, list[_Committee]]:
        """The committees each committee is nested under on the structure page (by the
        committee's id on the site); empty when the site has no such page."""
        page = self.site.get(STRUCTURE)
        if page is None:
            return {}
        under: dict[str, list[_Committee]] = {}
        for child, parent in parse_structure(page.text):
            if child in self.by_id and parent in self.by_id and child != parent:
                mine = under.setdefault(child, [])
                if self.by_id[parent] not in mine:
                    mine.append(self.by_id[parent])
        return under

    def parents(self, root: _Committee | None) -> Iterator[tuple[_Committee, _Parent]]:
        nested = self.nested()
        structure = (document(self.build, "moderngov-structure", "Committee structure",
                              STRUCTURE.url(self.site.base), self.council) if nested else "")
        for c in self.committees:
            if c is root or c in self.settled:
                continue
            above = nested.get(c.number, [])
            if len(above) > 1:
                self.warn(STRUCTURE.url(self.site.base), c, "no reporting line was inferred: "
                          f"the committee structure page nests it under {_names(above)}")
                continue
            if above:
                yield c, _Parent(above[0].body.id, f"nested under {above[0].body.name} on "
                                 "the site's committee structure page", structure)
                continue
            parent = self.inferred(c)
            if parent is not None:
                yield c, parent
            elif c not in self.doubtful and root is not None:
                yield c, _Parent(root.body.id, ROOT_REASON, _COMMITTEES)

    def inferred(self, c: _Committee) -> _Parent | None:
        """The parent its category and its name give (None, with a warning when the
        evidence is ambiguous, adding it to ``doubtful``)."""
        by_category = self._by_category(c)
        by_name = self._by_name(c) if by_category is not None else None
        if by_category is None or by_name is None:
            return None
        found = {p.body.id: p for p in by_category + by_name}
        if len(found) > 1:
            self._doubt(c, f"its category names the {by_category[0].body.name} and its name "
                        f"makes it part of the {by_name[0].body.name}")
            return None
        if not found:
            return None
        parent = next(iter(found.values()))
        reasons = ([f"its category on the site, '{c.body.category}', which names the "
                    f"{parent.body.name}"] if by_category else []) + (
            [f"its name, which makes it a sub-committee or panel of the {parent.body.name}"]
            if by_name else [])
        return _Parent(parent.body.id, "inferred from " + ", and from ".join(reasons),
                       _COMMITTEES)

    def _doubt(self, c: _Committee, why: str) -> None:
        self.doubtful.add(c)
        self.warn(self.committees_url, c, f"no reporting line was inferred: {why}; give its "
                  "line by hand")

    def _by_category(self, c: _Committee) -> list[_Committee] | None:
        """The committee its category names ([] for none; None when ambiguous)."""
        category = c.body.category
        if not category or _key(category) == c.key:
            return []
        named = [o for o in self.committees if o.key == _key(category) and o is not c]
        if not named and self.full_council and _FULL_COUNCIL.match(category.strip()):
            named = [self.full_council]   # "Council": the full council, whatever its title
        if len(named) > 1:
            self._doubt(c, f"its category '{category}' names {len(named)} committees "
                        f"({_names(named, numbered=True)})")
            return None
        if not named and _LOOKS_LIKE_A_COMMITTEE.search(category):
            self._doubt(c, f"its category '{category}' reads as a committee's name but "
                        "names no current committee")
            return None
        return named

    def _by_name(self, c: _Committee) -> list[_Committee] | None:
        """The committee its name makes it part of ([] for none; None when ambiguous):
        for "X Sub-Committee" or "X Panel", the committee titled "X" or "X Committee",
        else the longest start of X that is such a title."""
        part = _PART.match(" ".join(c.body.name.split()))
        words = part.group("stem").split() if part else []
        for n in range(len(words), 0, -1):
            stem = _key(" ".join(words[:n]))
            named = [o for o in self.committees
                     if o.key in (stem, stem + " committee") and o is not c]
            if len(named) > 1:
                self._doubt(c, f"its name could make it part of {_names(named, numbered=True)}")
                return None
            if named:
                return named
        return []


def _names(committees: list[_Committee], numbered: bool = False) -> str:
    """'the Audit Committee and the Council', with each committee's id on the site when
    asked (two committees may share a title)."""
    said = [f"the {c.body.name}" + (f" (committee {c.number})" if numbered else "")
            for c in committees]
    return ", ".join(said[:-1]) + f" and {said[-1]}" if len(said) > 1 else "".join(said)


@dataclass(frozen=True)
class GivenLine:
    """A reporting line given by hand: its file and row, the committees as written (a
    title, or an id of the imported dataset such as ``committee-10``), kind and notes."""
    file: str
    row: int
    body: str
    reports_to: str
    kind: str
    notes: str | None


def read_given_lines(path: str | os.PathLike[str]) -> list[GivenLine]:
    """The reporting lines of a CSV file with the columns ``body`` and ``reports_to``,
    and optionally ``kind`` (formal unless given) and ``notes``; every error found at once.
    """
    file = str(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
            header = [word_key(h).replace(" ", "_") for h in (rows[0].keys() if rows else [])]
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{file}: cannot be read as a CSV file of reporting lines "
                         f"({type(exc).__name__}); give a UTF-8 CSV file") from None
    missing = [c for c in ("body", "reports_to") if c not in header]
    if missing or not rows:
        lacks = f"it has no {' or '.join(missing)} column" if rows else "it has no line"
        raise UsageError(f"{file}: a file of reporting lines needs the columns body and "
                         f"reports_to (with kind and notes if you like) and a row for each "
                         f"line; {lacks}")
    problems, found = [], []
    for n, raw in enumerate(rows, start=2):
        row = {word_key(k or "").replace(" ", "_"): (v or "").strip() for k, v in raw.items()
               if isinstance(v, str)}
        kind = LINE_KINDS.canonical(row.get("kind") or "formal")
        for column in ("body", "reports_to"):
            if not row.get(column):
                problems.append(Problem(file, n, column, "is blank: give a committee's "
                                        "title or id"))
        if kind is None:
            problems.append(Problem(file, n, "kind", LINE_KINDS.refusal(row["kind"])))
        if row.get("body") and row.get("reports_to") and kind:
            found.append(GivenLine(file, n, row["body"], row["reports_to"], kind,
                                   row.get("notes") or None))
    if problems:
        raise InvalidData(problems)
    return found


def _given(job: _Structure, given: Sequence[GivenLine]) -> Iterator[tuple[_Committee, _Committee,
                                                                         GivenLine]]:
    """Each line given, between the committees it names; an error for each it cannot
    match to one current committee."""
    problems = []
    by_body_id = {c.body.id: c for c in job.committees}
    for line in given:
        ends = []
        for column, said in (("body", line.body), ("reports_to", line.reports_to)):
            matched = ([by_body_id[said]] if said in by_body_id else
                       [c for c in job.committees if c.key == _key(said)])
            if len(matched) != 1:
                why = (f"{len(matched)} current committees are titled {said!r} "
                       f"({', '.join(c.body.id for c in matched)}): give the id instead"
                       if matched else f"no current committee on the site is {said!r}: give "
                       "the title or id (such as committee-10) of one the import lists")
                problems.append(Problem(line.file, line.row, column, why))
            ends.append(matched[0] if len(matched) == 1 else None)
        body, parent = ends
        if body and parent:
            yield body, parent, line
    if problems:
        raise InvalidData(problems)


def _add_given(build: NetworkBuilder, job: _Structure,
               given: Sequence[GivenLine]) -> set[_Committee]:
    """Add the lines given; the committees they are from."""
    lines = list(_given(job, given))
    for body, parent, line in lines:
        key = document(build, "reporting-lines-given", "Reporting lines given by hand",
                       Path(line.file).name)
        build.add(ReportingLine(
            f"{body.body.id}--reports-to--{parent.body.id}", body.body.id, parent.body.id,
            line.kind, notes=line.notes or "Given by hand.", source_document=key,
            source_section=f"row {line.row}"))
    return {body for body, _, _ in lines}


def infer_structure(build: NetworkBuilder, site: SavedSite, council: str,
                    given: Sequence[GivenLine] = ()) -> None:
    """Add an inferred reporting line for each current committee whose parent the site
    implies (see the module's docs), and the warnings for those it leaves open; the
    lines ``given`` by hand instead for the committees they are from."""
    job = _Structure(build, site, council)
    settled = _add_given(build, job, given)
    root = job.root()
    if root is not None and root.body.kind != "full_council":
        build.add(replace(root.body, kind="full_council"))
    job.settled = settled
    for c, parent in job.parents(root):
        build.add(ReportingLine(
            f"{c.body.id}--reports-to--{parent.body}", c.body.id, parent.body, "inferred",
            notes=parent.reason[:1].upper() + parent.reason[1:] + ".",
            source_document=parent.document, source_section=f"committee {c.number}"))
