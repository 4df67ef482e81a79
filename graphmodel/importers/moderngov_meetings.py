"""Meetings and attendance from a ModernGov site's web service.

``GetMeetings`` lists a committee's meetings between two dates (asked as dd/mm/yyyy),
each with its date and status ("Confirmed", "Confirmed; Special Meeting", "Cancelled",
"Postponed", "Moved"); ``GetMeeting`` gives one meeting's attendees, each with a role
("Chair", "Committee Member", "Officer", "Substitute", "Reserve") and their attendance
("Present, as expected", "Present as substitute", "Apologies", "Apologies, sent
substitute", "Absent", "In attendance", "Expected"). Only ids, dates, statuses, names,
roles and attendance are read: a meeting's venue, agenda, minutes and documents never
are, nor any contact detail.

A meeting up to today whose status is confirmed was held; a cancelled, postponed or
moved one is kept as such; one after today is scheduled. Attendance is read for held
meetings only. An attendee the site lists as "Expected" at a past meeting has no
recorded attendance: that is unknown, not an absence, and no record is made of it.
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as _dt
import re
from dataclasses import dataclass
from typing import Callable, ContextManager, Iterator

from lxml import etree

from graphmodel.dates import DateError, read_date
from graphmodel.importers.common import (NetworkBuilder, add_person, document, person_name,
                                         role_of, slug, split_organisation)
from graphmodel.importers.crawl import Request, SavedSite
from graphmodel.importers.moderngov_pages import _local, _xml
from graphmodel.model import (ATTENDANCE_STATUSES, ROLES, Attendance, Body, Document,
                              Meeting, Person)

__all__ = ["ListedMeeting", "Attendee", "parse_meetings", "parse_attendees",
           "meeting_status", "attendance_status", "meeting_list", "meeting_details",
           "read_meetings", "default_since", "AHEAD"]

AHEAD = _dt.timedelta(days=366)   # how far ahead scheduled meetings are asked for

Progress = Callable[[int, str], ContextManager[Callable[[int], None]]]


@dataclass(frozen=True)
class ListedMeeting:
    """A meeting as GetMeetings lists it: its id, date and status as the site words them."""
    id: str
    date: str
    status: str


@dataclass(frozen=True)
class Attendee:
    """One attendee as GetMeeting lists them: user id if any, name, role and attendance."""
    uid: str | None
    name: str
    role: str | None
    attendance: str | None


def _site_date(day: _dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def meeting_list(committee_id: str, since: _dt.date, until: _dt.date) -> Request:
    """GetMeetings for a committee, saved under the committee whatever dates were asked."""
    return Request("mgWebService.asmx/GetMeetings",
                   (("lCommitteeId", committee_id), ("sFromDate", _site_date(since)),
                    ("sToDate", _site_date(until))),
                   saved_as=(("lCommitteeId", committee_id),))


def meeting_details(meeting_id: str) -> Request:
    return Request("mgWebService.asmx/GetMeeting", (("lMeetingId", meeting_id),))


def default_since(today: _dt.date) -> _dt.date:
    """Twelve months before ``today`` (28 February for the 29th)."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:
        return today.replace(year=today.year - 1, day=28)


def _field(element: etree._Element, *names: str) -> str | None:
    """A field of an element, given as an attribute or a child element, by any of names."""
    for key, value in element.attrib.items():
        if etree.QName(key).localname.lower() in names and str(value).strip():
            return " ".join(str(value).split())
    for child in element:
        if _local(child) in names:
            # lxml gives an element's text as str; its stubs say str or bytes
            text = " ".join("".join(child.itertext()).split())  # type: ignore[arg-type]
            if text:
                return text
    return None


def parse_meetings(page_text: bytes) -> list[ListedMeeting] | None:
    """The meetings of a GetMeetings response; None if it is not one (an error page)."""
    root = _xml(page_text)
    if root is None or _local(root) == "html":
        return None
    found = []
    for element in root.iter():
        meeting_id = _field(element, "meetingid") if _local(element) == "meeting" else None
        if meeting_id:
            found.append(ListedMeeting(meeting_id, _field(element, "meetingdate") or "",
                                       _field(element, "meetingstatus") or ""))
    return found


# an e-mail address or a phone number in brackets after a name: never kept
_CONTACT = re.compile(r"@|\d[\d ()\-]{6,}\d")


def parse_attendees(page_text: bytes) -> list[Attendee] | None:
    """The attendees of a GetMeeting response; None if it is not one (an error page).
    Only the user id, name, role and attendance of each are read."""
    root = _xml(page_text)
    if root is None or not any(_local(e) == "meeting" for e in root.iter()):
        return None
    found = []
    for element in root.iter():
        if _local(element) != "attendee":
            continue
        named = _field(element, "name", "fullusername", "attendeename", "membername")
        if not named:
            continue
        name, _, _ = split_organisation(named)   # brackets after a name are not kept
        if _CONTACT.search(name):
            continue
        found.append(Attendee(_field(element, "userid", "memberid", "councillorid", "uid"),
                              name, _field(element, "roledescription", "role", "attendeerole"),
                              _field(element, "attendance", "attendancedescription",
                                     "attendancestatus")))
    return found


def meeting_status(status: str, day: str, today: str) -> str | None:
    """A meeting's status from the site's words and its date (ISO): None when a past
    meeting's status says neither that it was held nor that it was called off."""
    words = status.lower()
    if "cancel" in words:
        return "cancelled"
    if re.search(r"postpone|moved|re-?arranged|re-?scheduled", words):
        return "postponed"
    if day > today:
        return "scheduled"
    return "held" if "confirm" in words else None


# ModernGov's attendance words not among the statuses' own words ("Present virtual",
# "In attendance virtual"...), in the order they are tried
_ATTENDANCE = (
    (r"sent (a )?substitute|substitute sent", "substitute_sent"),
    (r"apolog", "apologies"),
    (r"in attendance", "in_attendance"),
    (r"absent|did not attend|not present", "absent"),
    (r"present|attended", "present"),
)
UNRECORDED = "unrecorded"


def attendance_status(words: str | None) -> str | None:
    """An attendance status; ``UNRECORDED`` for "Expected" or nothing (unknown, not an
    absence); None for words that are none of ModernGov's."""
    text = " ".join((words or "").split())
    if text.lower() in ("", "expected"):
        return UNRECORDED
    return ATTENDANCE_STATUSES.canonical(text) or next(
        (status for pattern, status in _ATTENDANCE if re.search(pattern, text, re.I)), None)


@contextlib.contextmanager
def _quiet(length: int, label: str) -> Iterator[Callable[[int], None]]:
    yield lambda n: None


class _Meetings:
    def __init__(self, site: SavedSite, build: NetworkBuilder, people_by_uid: dict[str, str],
                 since: _dt.date, today: _dt.date) -> None:
        self.site, self.build, self.people_by_uid = site, build, people_by_uid
        self.since, self.today = since, today
        self.held: list[tuple[str, ListedMeeting]] = []   # (meeting record id, listing)
        self.people_by_name = {record.name.lower(): record.id
                               for record in build.records.values() if isinstance(record, Person)}

    def where(self, request: Request) -> str:
        return request.url(self.site.base)

    def cite(self, request: Request, key: str, title: str, section: str) -> dict[str, str]:
        return {"source_document": document(self.build, key, title, self.where(request),
                                            self.build.home.name),
                "source_section": section}

    def listing(self, body: str, committee_id: str) -> bool:
        """Read a committee's meetings; False if the site has no answer for it."""
        request = meeting_list(committee_id, self.since, self.today + AHEAD)
        page = self.site.get(request)
        found = parse_meetings(page.text) if page else None
        if found is None:
            if page is not None:   # perhaps a passing error page: ask again next time
                self.site.forget(request)
            return False
        name = self.build.get(Body, body).name
        before = 0
        for listed in found:
            day = self._date(request, listed)
            if day is None:
                continue
            if day < self.since.isoformat():
                before += 1
                continue
            self._meeting(request, body, name, committee_id, listed, day)
        if before:
            self.build.warn(self.where(request), None, name,
                            f"{before} meeting{'s' if before > 1 else ''} before "
                            f"{self.since.isoformat()} left out (give an earlier --since to "
                            "read them)")
        return True

    def _date(self, request: Request, listed: ListedMeeting) -> str | None:
        text = listed.date.split(" ")[0] if listed.date else ""
        try:
            day = read_date(text)
        except DateError as exc:
            day, why = None, str(exc)
        else:
            why = "it has no date"
        if day is None or len(day) != 10:
            self.build.warn(self.where(request), f"meeting {listed.id}", "date",
                            f"{why if day is None else repr(listed.date) + ' is not a day'}: "
                            "the meeting was left out")
            return None
        return day

    def _meeting(self, request: Request, body: str, name: str, committee_id: str,
                 listed: ListedMeeting, day: str) -> None:
        status = meeting_status(listed.status, day, self.today.isoformat())
        if status is None:
            self.build.warn(self.where(request), f"meeting {listed.id}", "status",
                            f"a meeting on {day} the site calls {listed.status or 'nothing'!r} "
                            "is neither confirmed nor called off: it was left out")
            return
        key = f"meeting-{listed.id}"
        cite = self.cite(request, f"moderngov-meetings-{committee_id}",
                         f"Meetings of {name} (web service)", f"meeting {listed.id}")
        self.build.add(Meeting(
            key, body=body, date=day, status=status,
            notes=f"ModernGov status: {listed.status}." if listed.status else None,
            source_document=cite["source_document"], source_section=cite["source_section"]))
        if status == "held":
            self.held.append((key, listed))

    def attendance(self, key: str, listed: ListedMeeting) -> None:
        request = meeting_details(listed.id)
        page = self.site.get(request)
        attendees = parse_attendees(page.text) if page else None
        if page is not None and attendees is None:
            self.site.forget(request)   # perhaps a passing error page: ask again next time
        meeting = self.build.get(Meeting, key)
        body = self.build.get(Body, meeting.body).name
        if attendees is None:   # the meeting stays: its attendance is unknown, not none
            self.build.warn(self.where(request), None, None,
                            f"the meeting of the {body} on {meeting.date} was kept, but its "
                            "attendance could not be read; import again when the site has it")
            return
        provenance = self.cite(request, f"moderngov-meeting-{listed.id}",
                               f"{body}, {meeting.date} (web service)", "Attendance")
        unrecorded = sum(not self._attendee(key, a, provenance) for a in attendees)
        if unrecorded:
            said = f"Attendance not recorded for {unrecorded} listed as expected."
            self.build.add(dataclasses.replace(
                meeting, notes=" ".join(filter(None, (meeting.notes, said)))))

    def _attendee(self, meeting: str, attendee: Attendee, provenance: dict[str, str]) -> bool:
        """Record one attendee's attendance; False if the site does not record it."""
        where = self.build.get(Document, provenance["source_document"]).reference
        status = attendance_status(attendee.attendance)
        if status == UNRECORDED:
            return False
        notes = []
        if status is None:
            self.build.warn(where, None, attendee.name,
                            f"attendance {attendee.attendance!r} is not one ModernGov uses: "
                            "no attendance was recorded for it")
            return True
        role = self._role(attendee, status)
        if role is None:
            self.build.warn(where, None, attendee.name,
                            f"{ROLES.refusal(attendee.role or '')}: kept in the notes")
            notes.append(f"Listed as: {attendee.role}.")
            role = "other"
        person = self._person(attendee, role, provenance)
        self.build.add(Attendance(
            self.build.free_id(Attendance, f"{meeting}-{person}"), meeting=meeting,
            person=person, role=role, status=status, notes=" ".join(notes) or None,
            source_document=provenance["source_document"],
            source_section=provenance["source_section"]))
        return True

    @staticmethod
    def _role(attendee: Attendee, status: str) -> str | None:
        if attendee.role:
            return role_of(attendee.role)
        if "substitute" in (attendee.attendance or "").lower() and status == "present":
            return "substitute"
        return "attendee" if status == "in_attendance" else "member"

    def _person(self, attendee: Attendee, role: str, provenance: dict[str, str]) -> str:
        """The person an attendee is: a councillor by their user id, as memberships are
        matched; anyone else is added as a person (never given a membership)."""
        name, titled = person_name(attendee.name)
        # one with no user id (a co-opted member, an officer) by their name
        known = (self.people_by_uid.get(attendee.uid) if attendee.uid
                 else self.people_by_name.get(name.lower()))
        if known:
            return known
        kind = ("elected_member" if titled else
                "officer" if role in ("support_officer", "lead_officer") else "other")
        person = add_person(self.build, self.build.free_id(Person, slug(name)), name, kind,
                            None, provenance)
        if attendee.uid:
            self.people_by_uid[attendee.uid] = person
        else:
            self.people_by_name[name.lower()] = person
        return person


def read_meetings(site: SavedSite, build: NetworkBuilder, committees: list[tuple[str, str]],
                  people_by_uid: dict[str, str], *, since: _dt.date | None = None,
                  today: _dt.date | None = None, progress: Progress = _quiet) -> None:
    """Read the meetings of each committee (body id, ModernGov committee id) since
    ``since`` (default twelve months before today), and the attendance of each held one,
    into ``build``; attendees are matched to people by their ModernGov user id."""
    today = today or _dt.date.today()
    job = _Meetings(site, build, people_by_uid, since or default_since(today), today)
    with progress(len(committees), "Reading meetings") as update:
        for n, (body, committee_id) in enumerate(committees):
            read = job.listing(body, committee_id)
            update(1)
            if not read and n == 0:   # the site lacks the operation: ask no further
                build.warn(job.where(meeting_list(committee_id, job.since, today + AHEAD)),
                           None, None, "the site does not answer GetMeetings: no meetings or "
                           "attendance were read, so it was skipped")
                return
            if not read:
                build.warn(job.where(meeting_list(committee_id, job.since, today + AHEAD)),
                           None, build.get(Body, body).name, "the meetings could not be read; "
                           "the committee is kept, its meetings unknown")
    with progress(len(job.held), "Reading attendance") as update:
        for key, listed in job.held:
            job.attendance(key, listed)
            update(1)
