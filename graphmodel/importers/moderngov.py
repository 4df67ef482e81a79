"""A dataset from a council's ModernGov ("modern.gov") democracy site.

Read: committees (web service ``GetCommittees``), councillors with party, ward
and terms of office (``GetCouncillorsByWard``), each committee's membership and
roles (page ``mgCommitteeDetails.aspx``), outside bodies and their appointees
(``mgListOutsideBodies.aspx`` or ``mgListOutsideBodiesByCategory.aspx``, then
``mgOutsideBodyDetails.aspx``). Deleted and expired committees are left out (a
warning names each). Only names, parties, wards, key posts and terms are kept:
addresses, phone numbers and e-mail addresses are never read into a record.

A committee page lists the committee's whole membership: a committee whose list was
found is ``membership_complete``. An outside body's page lists the council's own
appointees there: it states the council's right to appoint to the body (a nomination
right held by the council, with the number of places where the page gives it, or as
its list gives them with the places it lists as vacant). Lines such as "Vacancy" or
"To be appointed" are vacant places, never people. Role words are read through the
schema's vocabulary (``ROLES``): on an outside body a "Deputy" is the council's
substitute representative.
"""
from __future__ import annotations

import contextlib
import dataclasses
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
from graphmodel.importers.moderngov_pages import (Councillor, MembershipList, Seat,
                                                  committees_declared, parse_committees,
                                                  parse_councillors, parse_membership,
                                                  parse_outside_bodies)
from graphmodel.model import (ROLES, Body, Dataset, Document, Membership, NominationRight,
                              Organisation, Person)
from graphmodel.words import count
from graphmodel.importers.moderngov_structure import (GivenLine, infer_structure,
                                                      read_given_lines)

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

# roles in which someone attends an outside body without filling one of the council's
# places there (its deputy stands in for its representative)
_NOT_A_PLACE = ("substitute", "observer", "attendee", "adviser")


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
        listed = parse_membership(page.text)
        section = {**cite, "source_section": listed.heading or "Membership"}
        seats = [self._seat(body, seat, section) for seat in listed.seats]
        if request.path == outside_body_page("").path:
            self._appointments(body, listed, seats, section)
            return
        if listed.found:   # a committee's page lists its whole membership
            self.build.add(dataclasses.replace(self.build.get(Body, body),
                                               membership_complete=True))
        if listed.vacant:
            self.build.warn(request.url(self.site.base), None, None,
                            f"the {self._body_name(body)} lists "
                            f"{count(len(listed.vacant), 'vacant place')} "
                            f"({'; '.join(dict.fromkeys(listed.vacant))}): no one was read "
                            "for it")

    def _appointments(self, body: str, listed: MembershipList, seats: list[Membership],
                      section: dict[str, str]) -> None:
        """The council's right to appoint to an outside body, whose page lists its
        appointees there: the places as the page states them, else as its list gives
        them when it lists a vacancy (the council's appointees and the vacant places)."""
        home = self.build.dataset.home_organisation
        if not listed.found and not seats:
            self.build.warn(self._where(section), None, None,
                            f"no list of the council's representatives on the "
                            f"{self._body_name(body)} was found on the page: whether anyone "
                            "sits there for it is not known, and no right to appoint or "
                            "vacancy is recorded")
            return
        ours = [m for m in seats if m.on_behalf_of == home and m.role not in _NOT_A_PLACE]
        places = listed.places if listed.places is not None else (
            len(ours) + len(listed.vacant) if listed.vacant else None)
        notes = []
        if listed.places_stated:
            notes.append(f"Places as the page states them: {listed.places_stated!r}.")
        elif places is not None:
            notes.append(f"Places as the list gives them: {count(len(ours), 'appointee')} "
                         f"and {count(len(listed.vacant), 'vacant place')}.")
        if listed.vacant:
            notes.append(f"Listed as vacant: {'; '.join(listed.vacant)}.")
        assert home is not None   # the council is the home organisation of its import
        self.build.add(NominationRight(
            self.build.free_id(NominationRight, f"{home}-appoints-to-{body}"), body=body,
            nominating_organisation=home, seats="the council's representatives",
            places=places, notes=" ".join(notes) or None, **section))

    def _where(self, provenance: dict[str, str]) -> str:
        return self.build.get(Document, provenance["source_document"]).reference

    def _body_name(self, body: str) -> str:
        return self.build.get(Body, body).name

    def _seat(self, body: str, seat: Seat, provenance: dict[str, str]) -> Membership:
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
        membership: Membership = self.build.add(Membership(
            self.build.free_id(Membership, f"{body}-{person}"), body, person=person,
            role=roles[0] if roles else "member", on_behalf_of=on_behalf_of,
            notes=f"Listed as: {'; '.join(unread)}." if unread else None, **provenance))
        return membership


def read_moderngov(site: SavedSite, council: str | None = None,
                   progress: Progress = _quiet,
                   lines: "list[GivenLine] | None" = None,
                   since: str | None = None) -> NetworkBuilder:
    """Everything the site gives, as records (and warnings) in a builder; ``lines``, the
    reporting lines given by hand, replace those the site implies; meetings from
    ``since`` (ISO; default twelve months back) and those to come."""
    job = _Import(site, council)
    pages = job.committees()
    committees = [(body, dict(request.params)["ID"]) for body, request in pages]
    infer_structure(job.build, job.site, job.council, lines or [])
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
                     progress: Progress = _quiet,
                     lines: str | os.PathLike[str] | None = None,
                     since: str | None = None) -> ImportReport:
    """Read a ModernGov site (its address, or a folder of saved responses) and write a
    dataset directory to ``out``; the report lists what was skipped or inferred.
    ``lines`` is a CSV file of reporting lines given by hand (see
    :func:`~graphmodel.importers.moderngov_structure.read_given_lines`)."""
    given = read_given_lines(lines) if lines is not None else None
    opened = open_site(site, cache, delay)
    report = read_moderngov(opened, council, progress, given, since).write(out)
    report.requests = opened.requests
    return report
