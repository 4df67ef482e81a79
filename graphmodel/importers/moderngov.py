"""A dataset from a council's ModernGov ("modern.gov") democracy site.

Read: committees (web service ``GetCommittees``), councillors with party, ward
and terms of office (``GetCouncillorsByWard``), each committee's membership and
roles (page ``mgCommitteeDetails.aspx``), outside bodies and their appointees
(``mgListOutsideBodies.aspx`` or ``mgListOutsideBodiesByCategory.aspx``, then
``mgOutsideBodyDetails.aspx``). Deleted and expired committees are left out (a
warning names each). Only names, parties, wards, key posts and terms are kept:
addresses, phone numbers and e-mail addresses are never read into a record.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import os
from typing import Callable, ContextManager, Iterator
from urllib.parse import urlsplit

from graphmodel.dates import DateError, as_date, read_date
from graphmodel.importers.common import (ImportReport, NetworkBuilder, add_body, add_person,
                                         document, guess_body_kind, person_name, role_of,
                                         slug)
from graphmodel.importers.crawl import Request, SavedSite, SiteError, open_site
from graphmodel.importers.moderngov_meetings import read_meetings
from graphmodel.importers.moderngov_pages import (Councillor, Seat, committees_declared,
                                                  parse_committees, parse_councillors,
                                                  parse_outside_bodies, parse_seats)
from graphmodel.model import (ROLES, Body, Dataset, Document, Membership, Organisation,
                              Person)

__all__ = ["import_moderngov", "read_moderngov", "COMMITTEES", "COUNCILLORS",
           "OUTSIDE_BODIES", "OUTSIDE_BODIES_BY_CATEGORY", "committee_page",
           "outside_body_page"]

COMMITTEES = Request("mgWebService.asmx/GetCommittees", (("lDummy", "0"),))
COUNCILLORS = Request("mgWebService.asmx/GetCouncillorsByWard")
OUTSIDE_BODIES = Request("mgListOutsideBodies.aspx")
OUTSIDE_BODIES_BY_CATEGORY = Request("mgListOutsideBodiesByCategory.aspx")


def committee_page(committee_id: str) -> Request:
    return Request("mgCommitteeDetails.aspx", (("ID", committee_id),))


def outside_body_page(body_id: str) -> Request:
    return Request("mgOutsideBodyDetails.aspx", (("ID", body_id),))


Progress = Callable[[int, str], ContextManager[Callable[[int], None]]]


@contextlib.contextmanager
def _quiet(length: int, label: str) -> Iterator[Callable[[int], None]]:
    yield lambda n: None


class _Import:
    def __init__(self, site: SavedSite, council: str | None) -> None:
        self.site = site
        self.council = council or urlsplit(site.describe()).hostname or "The council"
        home = Organisation(slug(self.council), self.council, "local_authority")
        self.build = NetworkBuilder(Dataset(slug(self.council), self.council + " (ModernGov)",
                                            home.id, f"Imported from {site.describe()} on "
                                            f"{_dt.date.today().isoformat()}"), home)
        self.people_by_uid: dict[str, str] = {}
        if council is None:
            self.build.warn(site.describe(), None, None, f"the council was named "
                            f"{self.council!r} after the site; give --council NAME")

    def cite(self, request: Request, key: str, title: str) -> dict[str, str]:
        return {"source_document": document(self.build, key, title,
                                            request.url(self.site.base), self.council)}

    def skipped(self, request: Request, why: str) -> None:
        self.build.warn(request.url(self.site.base), None, None, f"{why}, so it was skipped")

    def committees(self) -> list[tuple[str, Request]]:
        page = self.site.get(COMMITTEES)
        committees = parse_committees(page.text) if page else None
        if page is None or committees is None:
            if page is not None:   # perhaps a passing error page: ask again next time
                self.site.forget(COMMITTEES)
            raise SiteError(f"{self.site.describe()}: does not look like a ModernGov site "
                            f"({COMMITTEES.url(self.site.base)} "
                            f"{'is not a list of committees' if page else 'is missing'}); "
                            "give the address of its democracy pages, e.g. "
                            "https://democracy.example.gov.uk")
        self._check_count(page.text, len(committees))
        cite = self.cite(COMMITTEES, "moderngov-committees", "Committees (web service)")
        self.build.add(Organisation(self.build.home.id, self.council,
                                    "local_authority", **cite))
        pages = []
        for c in committees:
            if c.deleted or c.expired:
                self.build.warn(COMMITTEES.url(self.site.base), None, c.title,
                                f"committee {c.id} is {'deleted' if c.deleted else 'expired'} "
                                "on the site, so it was left out")
                continue
            body = add_body(self.build, f"committee-{c.id}", c.title,
                            guess_body_kind(c.title, "committee"),
                            {**cite, "source_section": f"committee {c.id}"},
                            category=c.category, organisation=self.build.dataset.home_organisation)
            pages.append((body, committee_page(c.id)))
        return pages

    def _check_count(self, page_text: bytes, listed: int) -> None:
        declared = committees_declared(page_text)
        if declared is not None and declared != listed:
            self.build.warn(COMMITTEES.url(self.site.base), None, None, f"the site counts "
                            f"{declared} committees but lists {listed}; {listed} were read")

    def councillors(self) -> None:
        page = self.site.get(COUNCILLORS)
        found = parse_councillors(page.text) if page else None
        if not found:
            self.skipped(COUNCILLORS, "the site does not answer GetCouncillorsByWard"
                         + (" with any councillor" if found == [] else "")
                         + ": no parties, wards or terms of office")
            return
        cite = self.cite(COUNCILLORS, "moderngov-councillors", "Councillors by ward (web service)")
        for c in found:
            if c.uid in self.people_by_uid:   # listed again, under another ward
                continue
            name, _ = person_name(c.name)
            self.people_by_uid[c.uid] = add_person(
                self.build, self.build.free_id(Person, slug(name)), name,
                "elected_member", self.build.dataset.home_organisation,
                {**cite, "source_section": f"ward {c.ward}" if c.ward else f"councillor {c.uid}"},
                self._notes(c))

    def _notes(self, c: Councillor) -> str | None:
        terms = []
        for start, end in c.terms:
            terms.append(" to ".join(self._date(d, c) for d in (start, end) if d))
        notes = [f"Party: {c.party}." if c.party else "", f"Ward: {c.ward}." if c.ward else "",
                 f"Key posts: {c.key_posts}." if c.key_posts else "",
                 f"Terms of office: {'; '.join(terms)}." if terms else ""]
        return " ".join(n for n in notes if n) or None

    def _date(self, text: str, c: Councillor) -> str:
        """A term's date in ISO; one that cannot be read is kept as given, with a warning."""
        try:
            return read_date(text) or text
        except DateError as exc:
            self.build.warn(COUNCILLORS.url(self.site.base), f"councillor {c.uid}",
                            "term of office", f"{exc}: kept in the notes as given")
            return text

    def outside_bodies(self) -> list[tuple[str, Request]]:
        for request in (OUTSIDE_BODIES, OUTSIDE_BODIES_BY_CATEGORY):
            page = self.site.get(request)
            if page is not None:
                break
        else:
            self.skipped(OUTSIDE_BODIES, "the site has no list of outside bodies")
            return []
        cite = self.cite(request, "moderngov-outside-bodies", "Outside bodies")
        pages = []
        for body_id, name, category in parse_outside_bodies(page.text):
            body = add_body(self.build, f"outside-body-{body_id}", name,
                            guess_body_kind(name, "other_body"),
                            {**cite, "source_section": f"outside body {body_id}"},
                            category=category if request is OUTSIDE_BODIES_BY_CATEGORY else None)
            pages.append((body, outside_body_page(body_id)))
        return pages

    def members(self, body: str, request: Request) -> None:
        page = self.site.get(request)
        if page is None:   # the body stays: a member it has is unknown, not absent
            self.build.warn(request.url(self.site.base), None, None,
                            f"the page is missing: the {self._body_name(body)} is kept, but "
                            "none of its members was read; import again when the site has it")
            return
        key = f"moderngov-{body}"
        cite = self.cite(request, key, f"Membership of {self._body_name(body)}")
        for seat in parse_seats(page.text):
            self._seat(body, seat, {**cite, "source_section": "Membership"})

    def _body_name(self, body: str) -> str:
        return self.build.get(Body, body).name

    def _seat(self, body: str, seat: Seat, provenance: dict[str, str]) -> None:
        name, titled = person_name(seat.name)
        person = self.people_by_uid.get(seat.uid or "")
        # a councillor sits for the council, or for the council named after them;
        # for anyone else who they represent is unknown, and left empty
        on_behalf_of = self.build.dataset.home_organisation if person or titled else None
        if seat.organisation:
            on_behalf_of = self.build.organisation(
                seat.organisation, provenance, f"'{seat.name}' on {self._body_name(body)}",
                self.build.get(Document, provenance["source_document"]).reference)
        if person is None:
            kind = "elected_member" if titled else (
                "co_opted_member" if any("co-opted" in r.lower() for r in seat.roles) else "other")
            person = add_person(self.build, self.build.free_id(Person, slug(name)), name,
                                kind, on_behalf_of if kind == "elected_member" else None,
                                provenance)
            if seat.uid:
                self.people_by_uid[seat.uid] = person
        roles = [r for r in (role_of(r) for r in seat.roles) if r]
        unread = [r for r in seat.roles if role_of(r) is None]
        for word in unread:
            self.build.warn(self.build.get(Document, provenance["source_document"]).reference,
                            None, seat.name, f"{ROLES.refusal(word)}: kept in the notes")
        self.build.add(Membership(
            self.build.free_id(Membership, f"{body}-{person}"), body, person=person,
            role=roles[0] if roles else "member", on_behalf_of=on_behalf_of,
            notes=f"Listed as: {'; '.join(unread)}." if unread else None, **provenance))


def read_moderngov(site: SavedSite, council: str | None = None,
                   progress: Progress = _quiet, since: str | None = None) -> NetworkBuilder:
    """Everything the site gives, as records (and warnings) in a builder; meetings from
    ``since`` (ISO; default twelve months back) and those to come."""
    job = _Import(site, council)
    pages = job.committees()
    committees = [(body, dict(request.params)["ID"]) for body, request in pages]
    job.councillors()
    pages += job.outside_bodies()
    with progress(len(pages), "Reading membership pages") as update:
        for body, request in pages:
            job.members(body, request)
            update(1)
    read_meetings(site, job.build, committees, job.people_by_uid, progress=progress,
                  since=as_date(since) if since else None)
    return job.build


def import_moderngov(site: str, out: str | os.PathLike[str], *, council: str | None = None,
                     delay: float = 1.0, cache: str | os.PathLike[str] | None = None,
                     progress: Progress = _quiet, since: str | None = None) -> ImportReport:
    """Read a ModernGov site (its address, or a folder of saved responses) and write a
    dataset directory to ``out``; the report lists what was skipped or inferred."""
    opened = open_site(site, cache, delay)
    report = read_moderngov(opened, council, progress, since).write(out)
    report.requests = opened.requests
    return report
