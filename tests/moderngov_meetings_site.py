"""Saved GetMeetings and GetMeeting responses of the small ModernGov site that
moderngov_site.py writes, dated from the day the tests run: held meetings, a cancelled
and a moved one, one before the default twelve months, one to come; attendees present,
with apologies, absent, sent a substitute, a substitute and a reserve present, officers
and a guest in attendance, and one still "Expected" (attendance not recorded).

The shapes follow what public code reading ModernGov's web service reads from it: the
operations ``mgWebService.asmx/GetMeetings?lCommitteeId=&sFromDate=&sToDate=`` (dates as
dd/mm/yyyy) and ``GetMeeting?lMeetingId=`` (Democracy Club's minutes scrapers, the
pyPreservica.Gov harvester, symroe/CouncillorData's list of operations); lower-case
elements, ``meetingid`` then ``meetingdate`` (dd/mm/yyyy), ``meetingstatus`` ("Confirmed",
"Cancelled", as councils' published GetMeetings answers show), ``meetinglocation``, agenda
items with their minutes as escaped HTML and ``linkeddoc`` documents; and the attendance
words of ModernGov's attendance pages ("Present, as expected", "Present as substitute",
"In attendance", "Apologies"...). The answers are written with CRLF line ends and
entities, as ASP.NET sends them, and with a venue, an agenda, an officer's phone number and
e-mail address that must never reach a dataset."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

VENUE = "Council Chamber, Ebley Mill, Westward Road, Stroud GL5 4UB"
OFFICER_PHONE = "01453 754321"
OFFICER_EMAIL = "jo.clerk@example.gov.uk"


def _day(today: _dt.date, days: int) -> str:
    return (today + _dt.timedelta(days=days)).strftime("%d/%m/%Y")


def _listing(committee: str, title: str, meetings: list[tuple[str, str, str]]) -> str:
    rows = "".join(f"""
<meeting>
<meetingid>{mid}</meetingid>
<meetingdate>{day}</meetingdate>
<meetingtime>18:00</meetingtime>
<meetingstatus>{status}</meetingstatus>
<meetinglocation>{VENUE}</meetinglocation>
</meeting>""" for mid, day, status in meetings)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<getmeetings xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<committeeid>{committee}</committeeid>
<committeetitle>{title}</committeetitle>
<meetings>{rows}
</meetings>
</getmeetings>"""


def _attendee(uid: str | None, name: str, role: str, attendance: str, extra: str = "") -> str:
    return (f"\n<attendee>{f'<userid>{uid}</userid>' if uid else ''}<name>{name}</name>"
            f"<roledescription>{role}</roledescription><attendance>{attendance}</attendance>"
            f"{extra}</attendee>")


_OFFICER = _attendee("900", "Mrs Jo Clerk", "Officer", "In attendance",
                     f"<email>{OFFICER_EMAIL}</email><telephone>{OFFICER_PHONE}</telephone>")


def _meeting(mid: str, committee: str, day: str, attendees: list[str]) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<getmeeting xmlns:xsd="http://www.w3.org/2001/XMLSchema">
<meeting>
<meetingid>{mid}</meetingid>
<committeeid>{committee}</committeeid>
<meetingdate>{day}</meetingdate>
<meetingtime>18:00</meetingtime>
<meetingstatus>Confirmed</meetingstatus>
<meetinglocation>{VENUE}</meetinglocation>
<isminutepublished>True</isminutepublished>
<attendees>{"".join(attendees)}
</attendees>
<agenda>
<agendaitem>
<agendaitemtitle>Apologies for absence &amp; substitutions</agendaitemtitle>
<minutesnonemptyhtmlbody>&lt;p&gt;Contact: Jo Clerk, {OFFICER_PHONE}, {OFFICER_EMAIL}&lt;/p&gt;</minutesnonemptyhtmlbody>
<linkeddocuments><linkeddoc><attachmentid>7001</attachmentid><title>Minutes</title>
<url>mgConvert2PDF.aspx?ID=7001</url></linkeddoc></linkeddocuments>
</agendaitem>
</agenda>
</meeting>
</getmeeting>"""


def responses(today: _dt.date) -> dict[str, str]:
    """The responses, by the name a crawl saves each under, dated from ``today``."""
    return {
        "GetMeetings_lCommitteeId=12.xml": _listing("12", "Cabinet", [
            ("501", _day(today, -60), "Confirmed"),
            ("502", _day(today, -30), "Cancelled"),
            ("503", _day(today, -420), "Confirmed"),          # before twelve months
            ("504", _day(today, 30), "Confirmed")]),           # to come
        "GetMeetings_lCommitteeId=15.xml": _listing("15", "Overview &amp; Scrutiny Committee", [
            ("511", _day(today, -90), "Confirmed; Special Meeting"),
            ("513", _day(today, -45), "Confirmed"),
            ("512", _day(today, -10), "Moved")]),
        "GetMeetings_lCommitteeId=20.xml": _listing("20", "Planning Committee", [
            ("521", _day(today, -120), "Confirmed")]),
        "GetMeeting_lMeetingId=501.xml": _meeting("501", "12", _day(today, -60), [
            _attendee("101", "Councillor Si&#226;n Jones", "Chair", "Present, as expected"),
            _attendee("102", "Councillor Tom Brown", "Vice-Chair", "Apologies"),
            _OFFICER]),
        "GetMeeting_lMeetingId=511.xml": _meeting("511", "15", _day(today, -90), [
            _attendee("103", "Councillor Priya Shah", "Chair", "Present, as expected"),
            _attendee("102", "Councillor Tom Brown", "Committee Member",
                      "Apologies, sent substitute"),
            _attendee("104", "Councillor Ann Green", "Substitute", "Present as substitute"),
            _attendee(None, "Mr Alan Key", "Committee Member", "Expected"),
            _OFFICER]),
        "GetMeeting_lMeetingId=513.xml": _meeting("513", "15", _day(today, -45), [
            _attendee("103", "Councillor Priya Shah", "Chair", "Present, as expected"),
            _attendee("102", "Councillor Tom Brown", "Committee Member", "Absent"),
            _attendee(None, "Mr Alan Key", "Co-opted Member", "Present, as expected")]),
        "GetMeeting_lMeetingId=521.xml": _meeting("521", "20", _day(today, -120), [
            _attendee("103", "Councillor Priya Shah", "Committee Member", "Absent"),
            _attendee("102", "Councillor Tom Brown", "Vice-Chair", "Present, as expected"),
            _attendee("105", "Councillor Raj Patel", "Reserve", "Present as substitute"),
            _attendee(None, "Ms Lee Harper (Gloucestershire County Council)", "",
                      "In attendance")]),
    }


def write_meetings(folder: Path, today: _dt.date | None = None) -> Path:
    """Add the meetings' responses to a site written by moderngov_site.write_site, with
    CRLF line ends as the web service sends them."""
    for name, text in responses(today or _dt.date.today()).items():
        (folder / name).write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    return folder
