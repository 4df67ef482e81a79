"""Attendance: who turns up to the meetings of the bodies they sit on.

Reads the meetings a register or a council's calendar records and who attended each
(:class:`graphmodel.model.Meeting`, :class:`graphmodel.model.Attendance`). Unknown
is never absent: a meeting with no attendance recorded for someone says nothing of
whether they were there, and a dataset that records no attendance at all gives no
findings here.

- ``six-month-rule``: a councillor of the authority with no recorded attendance at
  any meeting that counts for six consecutive months ceases to be a member (Local
  Government Act 1972 s.85): a warning as the day nears, an error past it.
- ``low-attendance``: someone present at fewer than a share of the meetings of a body
  they were expected at.
- ``dormant-body``: a current body whose recorded meetings stopped.

:func:`seat_attendance`, :func:`body_attendance` and :func:`person_attendance` give
the same counts as tables, for a seat's details on a map and the review pack.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import functools
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Iterator

from graphmodel import dates
from graphmodel.analysis.findings import Finding, Found, evidence_for, subject_of
from graphmodel.analysis.runner import run_rules
from graphmodel.model import (Attendance, Body, Meeting, Membership, Network, Person,
                              in_period)
from graphmodel.registry import Settings, Standards, rule, view
from graphmodel.words import count, plural

__all__ = ["THERE", "NOT_MET", "months_before", "months_after", "AttendanceView",
           "SeatAttendance", "BodyAttendance", "seat_attendance", "body_attendance",
           "person_attendance", "attendance_findings", "records_attendance"]

THERE = frozenset({"present", "in_attendance"})
"""The attendance statuses of someone who was at the meeting."""
NOT_MET = frozenset({"cancelled", "postponed"})
"""The statuses of a meeting that did not take place on its day. A meeting of no
status, or still "scheduled" once its day has passed, is not known not to have met."""


def months_after(day: _dt.date, months: int) -> _dt.date:
    """The same day ``months`` later (the month's last day where it has no such day).

    >>> months_after(_dt.date(2013, 8, 31), 6), months_after(_dt.date(2013, 3, 1), 12)
    (datetime.date(2014, 2, 28), datetime.date(2014, 3, 1))
    """
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return _dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_before(day: _dt.date, months: int) -> _dt.date:
    """The same day ``months`` earlier.

    >>> months_before(_dt.date(2014, 1, 1), 12)
    datetime.date(2013, 1, 1)
    """
    return months_after(day, -months)


def _on(meeting: Meeting) -> _dt.date:
    # the last day a partial date can mean: a meeting "in 2013-06" is not taken as
    # earlier than it may have been, so no clock runs out sooner than the record allows
    return dates.latest(meeting.date)


def records_attendance(network: Network) -> bool:
    """Whether the network records any attendance at all."""
    return bool(network.attendance)


class AttendanceView:
    """The meetings and attendance of a network up to a day, indexed once for the rules.

    ``net`` is the network as of the day (meetings up to it, attendance at them);
    bodies and seats are looked up in the whole network, as a meeting's body may
    since have been dissolved and a seat held then may since have ended.
    """

    def __init__(self, network: Network, day: _dt.date, org: str | None = None):
        self.whole, self.day, self.org = network, day, org
        self.net = network.as_of(day)
        self.meetings_of: dict[str, list[Meeting]] = defaultdict(list)
        for meeting in sorted(self.net.meetings.values(), key=_on):
            self.meetings_of[meeting.body].append(meeting)
        self.at: dict[str, dict[str, Attendance]] = defaultdict(dict)
        self.by: dict[str, list[Attendance]] = defaultdict(list)
        for row in self.net.attendance.values():
            self.at[row.meeting][row.person] = row
            self.by[row.person].append(row)

    @functools.cached_property
    def seats(self) -> dict[tuple[str, str], list[Membership]]:
        """Every seat, past and present, by (its holder, its body); worked out only when a
        rule asks, as a network recording no attendance needs none of them."""
        seats: dict[tuple[str, str], list[Membership]] = defaultdict(list)
        for m in self.whole.memberships.values():
            person = _sitter(self.whole, m)
            if person:
                seats[(person, m.body)].append(m)
        return seats

    @functools.cached_property
    def sitters(self) -> dict[str, list[str]]:
        """Who held a seat on each body, at any time."""
        out: dict[str, list[str]] = defaultdict(list)
        for person, body_id in self.seats:
            out[body_id].append(person)
        return out

    def meeting(self, row: Attendance) -> Meeting:
        return self.net.meetings[row.meeting]

    def body(self, body_id: str) -> Body | None:
        return self.whole.bodies.get(body_id)

    def met(self, body_id: str, since: _dt.date | None = None) -> list[Meeting]:
        """The body's meetings up to the day (after ``since``) not known not to have met."""
        return [m for m in self.meetings_of.get(body_id, ())
                if m.status not in NOT_MET and (since is None or _on(m) > since)]

    def seated(self, person: str, body_id: str, on: _dt.date,
               roles: Iterable[str] = ()) -> list[Membership]:
        """The person's seats on the body on a day (of roles other than ``roles``)."""
        left_out = set(roles)
        return [m for m in self.seats.get((person, body_id), ())
                if m.role not in left_out and in_period(m.start, m.end, on)]


def _sitter(network: Network, m: Membership) -> str | None:
    """Who sits in a seat: its person, else its post's named holder."""
    if m.person:
        return m.person
    post = network.posts.get(m.post or "")
    return post.holder if post else None


@view("attendance")
def _view(network: Network, day: _dt.date, org: str | None, rules: Standards) -> AttendanceView:
    return AttendanceView(network, day, org)


# ----------------------------------------------------------------- the tables

@dataclass(frozen=True)
class SeatAttendance:
    """Someone's attendance at the meetings of one body they sit on, over a period.

    ``expected``: meetings held while they held a seat there at which their attendance
    is recorded; ``unrecorded``: meetings held then with no attendance recorded for them
    (unknown, not absent, and not in ``expected``).
    """
    person: str
    body: str
    expected: int
    present: int
    apologies: int
    absent: int
    substitute_sent: int
    unrecorded: int
    last_present: str | None
    rows: tuple[Attendance, ...] = ()

    @property
    def share(self) -> float | None:
        """The share of expected meetings they were at; None when none is recorded."""
        return self.present / self.expected if self.expected else None

    def text(self) -> str:
        """``present at 3 of 4 meetings recorded (apologies 1); 1 not recorded``."""
        if not self.expected:
            return f"not recorded at any of {count(self.unrecorded, 'meeting')}" \
                if self.unrecorded else "no meetings recorded"
        others = [f"{word} {n}" for word, n in (("apologies", self.apologies),
                                                 ("absent", self.absent),
                                                 ("substitute sent", self.substitute_sent)) if n]
        text = f"present at {self.present} of {count(self.expected, 'meeting')} recorded"
        text += f" ({', '.join(others)})" if others else ""
        if self.unrecorded:
            text += f"; {self.unrecorded} not recorded"
        return text


def _seat_count(v: AttendanceView, person: str, body_id: str, since: _dt.date,
                roles: Iterable[str] = (), seat: Membership | None = None) -> SeatAttendance:
    """A person's attendance at a body's meetings after ``since``, while seated there."""
    tally: dict[str, int] = defaultdict(int)
    rows: list[Attendance] = []
    unrecorded, last = 0, None
    for meeting in v.met(body_id, since):
        on = _on(meeting)
        held = [seat] if seat is not None and in_period(seat.start, seat.end, on) else \
            [] if seat is not None else v.seated(person, body_id, on, roles)
        if not held:
            continue
        row = v.at.get(meeting.id, {}).get(person)
        if row is None:
            unrecorded += 1
            continue
        rows.append(row)
        tally["present" if row.status in THERE else row.status] += 1
        if row.status in THERE:
            last = meeting.date
    expected = sum(tally.values())
    return SeatAttendance(person, body_id, expected, tally["present"], tally["apologies"],
                          tally["absent"], tally["substitute_sent"], unrecorded, last,
                          tuple(rows))


def seat_attendance(network: Network, as_of: "str | _dt.date | None" = None,
                    months: int = 12) -> dict[str, SeatAttendance]:
    """Each seat's attendance over the ``months`` to the day (a membership's id -> its
    attendance), for the seats of bodies that record any meeting attendance.

    >>> from graphmodel.analysis.example import tiny_network, seat, meeting, attended
    >>> net = tiny_network(seat("board", "ann"), meeting("board", "2013-11-05"),
    ...                    attended("board", "2013-11-05", "ann", "apologies"))
    >>> seat_attendance(net)["board/ann"].text()
    'present at 0 of 1 meeting recorded (apologies 1)'
    """
    v = AttendanceView(network, network.review_day(as_of))
    since = months_before(v.day, months)
    recorded_at = {v.net.meetings[m].body for m in v.at if m in v.net.meetings}
    out = {}
    for m in v.net.memberships.values():
        person = _sitter(network, m)
        if person and m.body in recorded_at:
            out[m.id] = _seat_count(v, person, m.body, since, seat=m)
    return out


@dataclass(frozen=True)
class BodyAttendance:
    """A body's meetings over a period and how well they were attended."""
    body: str
    name: str
    meetings: int          # held (or not known not to have been)
    cancelled: int
    recorded: int          # of ``meetings``, those with attendance recorded
    expected: int          # member-meetings recorded
    present: int
    last_meeting: str | None

    @property
    def share(self) -> float | None:
        return self.present / self.expected if self.expected else None


def body_attendance(network: Network, as_of: "str | _dt.date | None" = None,
                    months: int = 12) -> list[BodyAttendance]:
    """Each body with meetings recorded in the ``months`` to the day: how many it held,
    how many were cancelled or postponed, and how many of its members' places were filled
    at those whose attendance is recorded."""
    v = AttendanceView(network, network.review_day(as_of))
    since = months_before(v.day, months)
    out = []
    for body_id, meetings in v.meetings_of.items():
        within = [m for m in meetings if _on(m) > since]
        body = v.body(body_id)
        if not within or body is None:
            continue
        held = [m for m in within if m.status not in NOT_MET]
        seats = [_seat_count(v, p, body_id, since) for p in v.sitters.get(body_id, ())]
        last = next((m.date for m in reversed(meetings) if m.status not in NOT_MET), None)
        out.append(BodyAttendance(
            body_id, body.name, len(held), len(within) - len(held),
            sum(1 for m in held if v.at.get(m.id)), sum(s.expected for s in seats),
            sum(s.present for s in seats), last))
    return sorted(out, key=lambda b: b.name)


def person_attendance(network: Network, as_of: "str | _dt.date | None" = None,
                      months: int = 12) -> list[tuple[Person, Body, SeatAttendance]]:
    """Each person's attendance at each body they sat on in the ``months`` to the day,
    where any of those meetings has attendance recorded; by person, then body."""
    v = AttendanceView(network, network.review_day(as_of))
    since = months_before(v.day, months)
    out = []
    for person_id, body_id in v.seats:
        person, body = network.people.get(person_id), v.body(body_id)
        if person is None or body is None or not any(v.at.get(m.id) for m in v.met(body_id, since)):
            continue
        counted = _seat_count(v, person_id, body_id, since)
        if counted.expected or counted.unrecorded:
            out.append((person, body, counted))
    return sorted(out, key=lambda t: (t[0].name, t[1].name))


def attendance_findings(network: Network, org: str | None = None,
                        rules: Standards | None = None,
                        as_of: "str | _dt.date | None" = None) -> list[Finding]:
    """The findings of the attendance rules, most severe first (the six-month rule only
    for an organisation: ``org``, else the dataset's home organisation)."""
    return run_rules(network, rules, org, as_of, topics=["attendance"])


# ----------------------------------------------------------------- the rules

def _counts(v: AttendanceView, row: Attendance) -> bool:
    """Whether an attendance counts under s.85: present as a member at a meeting of one
    of the authority's bodies (in attendance at its full council), or there as its
    representative at a meeting of another body."""
    if row.status not in THERE:
        return False
    meeting = v.meeting(row)
    body = v.body(meeting.body)
    if body is None:
        return False
    if body.organisation == v.org:
        return row.status == "present" or body.kind == "full_council"
    return any(m.on_behalf_of == v.org for m in v.seated(row.person, body.id, _on(meeting)))


def _expected_at(v: AttendanceView, person: str, meeting: Meeting) -> bool:
    """Whether attending the meeting would have counted for the councillor: the
    authority's full council, or a body they held a seat on then."""
    body = v.body(meeting.body)
    if body is None:
        return False
    if body.organisation == v.org and body.kind == "full_council":
        return True
    seats = v.seated(person, body.id, _on(meeting))
    return any(body.organisation == v.org or m.on_behalf_of == v.org for m in seats)


def _councillors(v: AttendanceView) -> list[Person]:
    return [p for p in v.net.people.values()
            if p.kind == "elected_member" and p.organisation == v.org]


def _unrecorded_since(v: AttendanceView, person: str, since: _dt.date) -> list[Meeting]:
    """Meetings after ``since`` that would have counted, with nothing recorded for them."""
    return [m for meetings in v.meetings_of.values() for m in meetings
            if _on(m) > since and m.status not in NOT_MET
            and person not in v.at.get(m.id, {}) and _expected_at(v, person, m)]


def _meeting_name(v: AttendanceView, meeting: Meeting) -> str:
    body = v.body(meeting.body)
    return f"the {body.name if body else meeting.body} on {meeting.date}"


def _clock(v: AttendanceView, rows: list[Attendance]
           ) -> tuple[Attendance | None, str]:
    """The attendance from which the six months run, and why: the last that counts or
    the last approved absence; else the first recorded (no attendance since then)."""
    resets = [(r, "attended") for r in rows if _counts(v, r)]
    resets += [(r, "approved") for r in rows if r.absence_approved and r.status not in THERE]
    if resets:
        return max(resets, key=lambda t: _on(v.meeting(t[0])))
    first = min(rows, key=lambda r: _on(v.meeting(r)), default=None)
    return first, "first recorded"


@rule("attendance", "six-month-rule", {"months": "count", "warn_days": "count"},
      needs_organisation=True)
def _six_months(v: AttendanceView, settings: Settings) -> Iterator[Found]:
    """A councillor of the organisation with no recorded attendance at a meeting that
    counts for ``months`` months, who ceases to be a member unless the authority approved
    the reason (a warning within ``warn_days`` days of it, an error past it). Meetings of
    the organisation's bodies count, and attending as its representative at another
    body's; an approved absence (``absence_approved``) starts the months again. A meeting
    that would have counted with no attendance recorded for them makes it a note
    (unknown, not absent), as does a councillor with no attendance recorded at all.

    >>> from graphmodel.analysis.example import (tiny_network, body, seat, meeting,
    ...                                          attended, councillor, run_rule, show)
    >>> net = tiny_network(councillor("ann", "Cllr Ann Smith"), seat("planning", "ann"),
    ...                    body("planning", "Planning Committee", "committee",
    ...                         organisation="council"),
    ...                    meeting("planning", "2013-05-20"),
    ...                    attended("planning", "2013-05-20", "ann"))
    >>> show(run_rule(net, "six-month-rule"))
    error: Cllr Ann Smith has attended no meeting that counts since the Planning
      Committee on 2013-05-20: six months ran out on 2013-11-20. Under s.85(1) a
      councillor who attends no meeting for six months ceases to be a member, unless the
      authority approved the reason before then.
    """
    if not any(p.kind == "elected_member" and p.organisation == v.org
               for row in v.net.attendance.values()
               for p in (v.net.people.get(row.person),) if p):
        return   # no councillor's attendance is recorded: the dataset does not cover it
    months, warn = settings["months"], settings["warn_days"]
    for person in _councillors(v):
        rows = v.by.get(person.id, [])
        if not rows:
            yield Found(subject_of(person, "person"),
                        f"No attendance is recorded for {person.name}, so whether they "
                        f"attended a meeting in the last {months} months is unknown.",
                        evidence_for([("person", person)]), {"recorded": 0}, "info")
            continue
        yield from _clock_finding(v, person, rows, months, warn)


def _clock_finding(v: AttendanceView, person: Person, rows: list[Attendance], months: int,
                   warn: int) -> Iterator[Found]:
    start, why = _clock(v, rows)
    assert start is not None
    meeting = v.meeting(start)
    began = _on(meeting)
    deadline = months_after(began, months)
    days_left = (deadline - v.day).days
    if days_left > warn:
        return
    since = {"attended": f"has attended no meeting that counts since {_meeting_name(v, meeting)}",
             "approved": f"has attended no meeting that counts since the authority approved "
                         f"their absence from {_meeting_name(v, meeting)}",
             "first recorded": f"is recorded at no meeting that counts since the first "
                               f"meeting recorded for them, {_meeting_name(v, meeting)}"}[why]
    evidence = evidence_for([("person", person), ("attendance_record", start),
                             ("meeting", meeting)])
    data: dict[str, object] = {"since": meeting.date, "deadline": deadline.isoformat(),
                               "days_left": days_left, "clock": why}
    # a meeting after the months ran out could not have stopped them running out
    unknown = [m for m in _unrecorded_since(v, person.id, began) if _on(m) <= deadline]
    if unknown:
        first = unknown[0]
        yield Found(subject_of(person, "person"), (
            f"{person.name} {since}, but attendance at {count(len(unknown), 'meeting')} "
            f"since that would count is not recorded (first {_meeting_name(v, first)}), so "
            f"whether the {months} months ran out on {deadline.isoformat()} is unknown."),
            evidence + evidence_for([("meeting", first)]),
            {**data, "unrecorded_meetings": len(unknown)}, "info")
    elif days_left < 0:
        yield Found(subject_of(person, "person"), (
            f"{person.name} {since}: six months ran out on {deadline.isoformat()}. Under "
            f"s.85(1) a councillor who attends no meeting for six months ceases to be a "
            f"member, unless the authority approved the reason before then."
            if months == 6 else
            f"{person.name} {since}: {months} months ran out on {deadline.isoformat()}."),
            evidence, data, "error")
    else:
        yield Found(subject_of(person, "person"), (
            f"{person.name} {since}: unless they attend one by {deadline.isoformat()} "
            f"({count(days_left, 'day')}), or the authority approves the reason, they cease "
            f"to be a member (s.85(1))."), evidence, data, "warning")


@rule("attendance", "low-attendance",
      {"min_share": "amount", "months": "count", "min_meetings": "count",
       "support_roles": "words"})
def _low(v: AttendanceView, settings: Settings) -> Iterator[Found]:
    """Someone present at fewer than ``min_share`` of the meetings of a body they were
    expected at (``min_meetings`` meetings at least, over ``months`` months). Only
    meetings whose attendance is recorded for them count, either way (unknown, not
    absent); roles that support a body (``support_roles``) are not expected.

    >>> from graphmodel.analysis.example import (tiny_network, seat, meeting, attended,
    ...                                          run_rule, show)
    >>> days = ["2013-03-05", "2013-06-04", "2013-09-03", "2013-12-03"]
    >>> net = tiny_network(seat("board", "bob"), *[meeting("board", d) for d in days],
    ...                    attended("board", days[0], "bob"),
    ...                    *[attended("board", d, "bob", "apologies") for d in days[1:]])
    >>> show(run_rule(net, "low-attendance"))
    warning: Bob was present at 1 of the 4 meetings of the Board recorded in the 12
      months to 2014-01-01 for which they held a seat (25%; apologies 3).
    """
    if not v.net.attendance:
        return
    since = months_before(v.day, settings["months"])
    floor, fewest = settings["min_share"], settings["min_meetings"]
    roles = settings["support_roles"]
    for person_id, body_id in sorted(v.seats):
        person, body = v.whole.people.get(person_id), v.body(body_id)
        if person is None or body is None:
            continue
        counted = _seat_count(v, person_id, body_id, since, roles)
        if counted.expected < max(fewest, 1) or (counted.share or 0) >= floor:
            continue
        others = [f"{word} {n}" for word, n in (
            ("apologies", counted.apologies), ("absent", counted.absent),
            ("substitute sent", counted.substitute_sent)) if n]
        share = f"{counted.share:.0%}" + (f"; {', '.join(others)}" if others else "")
        seats = [("membership", m) for m in v.seats[(person_id, body_id)]]
        yield Found(subject_of(person, "person"), (
            f"{person.name} was present at {counted.present} of the {counted.expected} "
            f"{plural(counted.expected, 'meeting')} of the {body.name} recorded in the "
            f"{settings['months']} months to {v.day.isoformat()} for which they held a seat "
            f"({share})."),
            evidence_for([("person", person), *seats,
                          *[("attendance_record", r) for r in counted.rows]]),
            {"body": body_id, "expected": counted.expected, "present": counted.present,
             "share": round(counted.share or 0, 3), "apologies": counted.apologies,
             "absent": counted.absent, "substitute_sent": counted.substitute_sent,
             "unrecorded": counted.unrecorded})


@rule("attendance", "dormant-body", {"months": "count", "kinds": "kinds"},
      for_each_body=True)
def _dormant(v: AttendanceView, body: Body, settings: Settings) -> Found | None:
    """A current body with no meeting recorded in the last ``months`` months, where its
    meetings are recorded at all (one established since is not counted). A cancelled or
    postponed meeting is not a meeting held; one of no status is not known not to be.

    >>> from graphmodel.analysis.example import tiny_network, body, meeting, run_rule, show
    >>> net = tiny_network(body("forum", "Older People's Forum"),
    ...                    meeting("forum", "2012-09-12"),
    ...                    meeting("forum", "2013-03-13", status="cancelled"))
    >>> show(run_rule(net, "dormant-body"))
    warning: The Older People's Forum has no meeting recorded in the 12 months to
      2014-01-01: its last was on 2012-09-12 (1 meeting since was cancelled or
      postponed).
    """
    kinds = settings["kinds"]
    meetings = v.meetings_of.get(body.id)
    if not meetings or (kinds != "all" and body.kind not in kinds):
        return None
    since = months_before(v.day, settings["months"])
    if body.established and dates.latest(body.established) > since:
        return None
    if v.met(body.id, since):
        return None
    held = v.met(body.id)
    last = held[-1] if held else None
    called_off = [m for m in meetings if m.status in NOT_MET and (last is None or _on(m) > _on(last))]
    said = (f"its last was on {last.date}" if last else
            f"none of its {count(len(meetings), 'recorded meeting')} was held")
    if called_off and last:
        said += (f" ({count(len(called_off), 'meeting')} since "
                 f"{'was' if len(called_off) == 1 else 'were'} cancelled or postponed)")
    records: list[tuple[str, Body | Meeting]] = [("body", body)]
    records += [("meeting", m) for m in ([last] if last else []) + called_off]
    return Found(subject_of(body, "body"), (
        f"The {body.name} has no meeting recorded in the {settings['months']} months to "
        f"{v.day.isoformat()}: {said}."), evidence_for(records),
        {"last_meeting": last.date if last else None, "called_off": len(called_off)})
