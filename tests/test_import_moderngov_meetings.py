"""Importing a council's meetings and who attended them from its ModernGov site: saved
GetMeetings and GetMeeting responses dated from today, and a live crawl of a local server
(127.0.0.1 only) serving them."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmodel import open_source
from graphmodel.cli import main
from graphmodel.importers.moderngov import import_moderngov
from graphmodel.importers.moderngov_meetings import (Attendee, default_since, meeting_list,
                                                     parse_attendees)
from moderngov_meetings_site import OFFICER_EMAIL, OFFICER_PHONE, VENUE, write_meetings
from moderngov_server import serving
from moderngov_site import write_site

COUNCIL = "Stroud District Council"
TODAY = _dt.date.today()


def day(days: int) -> str:
    return (TODAY + _dt.timedelta(days=days)).isoformat()


@pytest.fixture
def site(tmp_path):
    return write_meetings(write_site(tmp_path / "site"))


@pytest.fixture
def imported(site, tmp_path):
    report = import_moderngov(str(site), tmp_path / "stroud", council=COUNCIL)
    return report, open_source(report.path)


def meetings(network):
    return network.tables["meetings"]


def attended(network, meeting):
    """Who is recorded at a meeting: person -> (role, status)."""
    return {a.person: (a.role, a.status) for a in network.tables["attendance"].values()
            if a.meeting == meeting}


def said(report):
    return [str(p) for p in report.problems]


def test_a_confirmed_past_meeting_was_held_and_one_called_off_is_kept_as_such(imported):
    _, stroud = imported
    assert {m.id: (m.body, m.date, m.status) for m in meetings(stroud).values()} == {
        "meeting-501": ("committee-12", day(-60), "held"),
        "meeting-502": ("committee-12", day(-30), "cancelled"),
        "meeting-504": ("committee-12", day(30), "scheduled"),      # to come
        "meeting-511": ("committee-15", day(-90), "held"),
        "meeting-513": ("committee-15", day(-45), "held"),
        "meeting-512": ("committee-15", day(-10), "postponed"),     # "Moved" on the site
        "meeting-521": ("committee-20", day(-120), "held")}
    assert meetings(stroud)["meeting-511"].notes == (
        "ModernGov status: Confirmed; Special Meeting. "
        "Attendance not recorded for 1 listed as expected.")


def test_meetings_before_twelve_months_are_left_out_and_counted(imported):
    report, stroud = imported
    assert "meeting-503" not in meetings(stroud)        # fourteen months ago
    since = default_since(TODAY).isoformat()
    assert [p for p in said(report) if "left out (give" in p] == [
        f"GetMeetings_lCommitteeId=12.xml: Cabinet: 1 meeting before {since} left out "
        "(give an earlier --since to read them) (warning)"]


def test_since_reads_older_meetings_or_leaves_out_more(site, tmp_path):
    older = (TODAY - _dt.timedelta(days=500)).strftime("%d/%m/%Y")
    result = CliRunner().invoke(main, ["import", "moderngov", str(site), "--out",
                                       str(tmp_path / "older"), "--since", older])
    assert result.exit_code == 0, result.output
    stroud = open_source(tmp_path / "older")
    assert meetings(stroud)["meeting-503"].status == "held"
    # the site keeps no attendance for it: the meeting stays, its attendance unknown
    assert not attended(stroud, "meeting-503")
    assert (f"GetMeeting_lMeetingId=503.xml: the meeting of the Cabinet on {day(-420)} was "
            "kept, but its attendance could not be read; import again when the site has it "
            "(warning)"
            ) in result.stderr.splitlines()
    later = import_moderngov(str(site), tmp_path / "later", since=day(-75))
    assert sorted(meetings(open_source(later.path))) == [
        "meeting-501", "meeting-502", "meeting-504", "meeting-512", "meeting-513"]
    assert [p for p in said(later) if "left out (give" in p] == [
        f"GetMeetings_lCommitteeId=12.xml: Cabinet: 1 meeting before {day(-75)} left out "
        "(give an earlier --since to read them) (warning)",
        f"GetMeetings_lCommitteeId=15.xml: Overview and Scrutiny Committee: 1 meeting "
        f"before {day(-75)} left out (give an earlier --since to read them) (warning)",
        f"GetMeetings_lCommitteeId=20.xml: Planning Committee: 1 meeting before {day(-75)} "
        "left out (give an earlier --since to read them) (warning)"]


def test_each_attendee_is_recorded_with_their_role_and_attendance(imported):
    _, stroud = imported
    assert attended(stroud, "meeting-501") == {
        "sian-jones": ("chair", "present"),              # "Present, as expected"
        "tom-brown": ("vice_chair", "apologies"),
        "mrs-jo-clerk": ("support_officer", "in_attendance")}
    assert attended(stroud, "meeting-511") == {
        "priya-shah": ("chair", "present"),
        "tom-brown": ("member", "substitute_sent"),      # "Apologies, sent substitute"
        "ann-green": ("substitute", "present"),          # "Present as substitute"
        "mrs-jo-clerk": ("support_officer", "in_attendance")}
    assert attended(stroud, "meeting-521") == {
        "priya-shah": ("member", "absent"),
        "tom-brown": ("vice_chair", "present"),
        "raj-patel": ("substitute", "present"),          # a "Reserve"
        "ms-lee-harper": ("attendee", "in_attendance")}     # a guest, with no role given
    # nobody attends a meeting that was called off or is still to come
    assert not any(attended(stroud, m) for m in ("meeting-502", "meeting-504", "meeting-512"))


def test_an_attendee_still_listed_as_expected_is_unknown_not_absent(imported):
    _, stroud = imported
    assert "mr-alan-key" not in attended(stroud, "meeting-511")
    assert [a.meeting for a in stroud.tables["attendance"].values()
            if a.person == "mr-alan-key"] == ["meeting-513"]


def test_an_attendee_with_no_user_id_is_the_member_of_that_name(imported):
    _, stroud = imported
    # Mr Alan Key, co-opted to the Overview and Scrutiny Committee, is linked to no user
    assert attended(stroud, "meeting-513")["mr-alan-key"] == ("member", "present")
    assert [p.id for p in stroud.people.values() if p.name == "Mr Alan Key"] == ["mr-alan-key"]


def test_attendees_are_the_councillors_their_user_id_says(imported):
    _, stroud = imported
    # "Councillor Si&#226;n Jones", user 101, is the Siân Jones who chairs the Cabinet
    assert [p.id for p in stroud.people.values() if p.name == "Siân Jones"] == ["sian-jones"]
    assert {m.body for m in stroud.memberships.values() if m.person == "sian-jones"} == {
        "committee-12", "outside-body-5", "outside-body-8"}


def test_officers_substitutes_and_guests_are_people_but_never_members(imported):
    _, stroud = imported
    assert {p: stroud.people[p].kind for p in ("mrs-jo-clerk", "ann-green", "raj-patel",
                                                "ms-lee-harper")} == {
        "mrs-jo-clerk": "officer", "ann-green": "elected_member", "raj-patel": "elected_member",
        "ms-lee-harper": "other"}
    assert [p.id for p in stroud.people.values() if p.name == "Mrs Jo Clerk"] == ["mrs-jo-clerk"]
    members = {m.person for m in stroud.memberships.values()}
    assert not members & {"mrs-jo-clerk", "ann-green", "raj-patel", "ms-lee-harper"}


def test_every_meeting_and_attendance_cites_the_response_it_came_from(imported):
    _, stroud = imported
    held = meetings(stroud)["meeting-501"]
    assert stroud.documents[held.source_document].reference == \
        "GetMeetings_lCommitteeId=12.xml"
    assert held.source_section == "meeting 501"
    for record in stroud.tables["attendance"].values():
        number = record.meeting.removeprefix("meeting-")
        assert stroud.documents[record.source_document].reference == \
            f"GetMeeting_lMeetingId={number}.xml"


def test_no_venue_agenda_or_contact_detail_of_a_meeting_reaches_the_dataset(imported, site):
    report, _ = imported
    served = (site / "GetMeeting_lMeetingId=501.xml").read_bytes()
    assert b"\r\n" in served and OFFICER_EMAIL.encode() in served    # CRLF, as sent
    for file in Path(report.path).iterdir():
        text = file.read_text(encoding="utf-8")
        for private in (VENUE, "Ebley Mill", "GL5 4UB", OFFICER_PHONE, OFFICER_EMAIL,
                        "Apologies for absence", "mgConvert2PDF"):
            assert private not in text, (file.name, private)


def test_a_site_that_does_not_answer_get_meetings_is_asked_once(tmp_path):
    site = write_site(tmp_path / "site")
    report = import_moderngov(str(site), tmp_path / "out", council=COUNCIL)
    assert not meetings(open_source(report.path))
    assert [p for p in said(report) if "GetMeetings" in p] == [
        "GetMeetings_lCommitteeId=12.xml: the site does not answer GetMeetings: no meetings "
        "or attendance were read, so it was skipped (warning)"]


def test_a_past_meeting_neither_confirmed_nor_called_off_is_left_out_with_a_warning(
        site, tmp_path):
    listing = site / "GetMeetings_lCommitteeId=20.xml"
    listing.write_bytes(listing.read_bytes().replace(b">Confirmed<", b">Provisional<"))
    report = import_moderngov(str(site), tmp_path / "out", council=COUNCIL)
    assert "meeting-521" not in meetings(open_source(report.path))
    assert ("GetMeetings_lCommitteeId=20.xml:meeting 521: status: a meeting on "
            f"{day(-120)} the site calls 'Provisional' is neither confirmed nor called off: "
            "it was left out (warning)") in said(report)


def test_a_field_given_as_an_attribute_is_read_as_one_given_as_an_element():
    answer = (b'<?xml version="1.0" encoding="utf-8"?>\r\n<getmeeting><meeting>'
              b'<attendees><attendee userid="101" name="Councillor Si&#226;n Jones" '
              b'roledescription="Chair" attendance="Present, as expected"/>'
              b'<attendee><name>Mrs Jo Clerk (jo.clerk@example.gov.uk)</name></attendee>'
              b"</attendees></meeting></getmeeting>")
    assert parse_attendees(answer) == [
        Attendee("101", "Councillor Siân Jones", "Chair", "Present, as expected"),
        Attendee(None, "Mrs Jo Clerk", None, None)]     # the address in brackets dropped
    assert parse_attendees(b"<html><body>Server Error</body></html>") is None


# --- live: a local server serving the saved responses -------------------------------

@pytest.fixture
def live_site(tmp_path):
    folder = write_meetings(write_site(tmp_path / "served"))
    with serving(folder) as site:
        yield site


def test_a_live_crawl_asks_each_committees_meetings_and_each_held_meeting_once(
        live_site, tmp_path):
    url, log = live_site
    cache = tmp_path / "cache"
    report = import_moderngov(url, tmp_path / "out", council=COUNCIL, delay=0, cache=cache)
    asked = [(a.operation, a.query) for a in log if a.operation.startswith("GetMeeting")]
    frm, to = default_since(TODAY), TODAY + _dt.timedelta(days=366)
    assert asked == [
        *[("GetMeetings", {"lCommitteeId": c, "sFromDate": frm.strftime("%d/%m/%Y"),
                           "sToDate": to.strftime("%d/%m/%Y")}) for c in ("12", "15", "20")],
        # attendance of the held meetings only: not of those called off or to come
        *[("GetMeeting", {"lMeetingId": m}) for m in ("501", "511", "513", "521")]]
    # the twelve pages and answers of committees, their structure and outside bodies,
    # then seven for meetings
    assert report.requests == len(log) == 19
    stroud = open_source(report.path)
    assert attended(stroud, "meeting-501")["sian-jones"] == ("chair", "present")
    assert stroud.documents[meetings(stroud)["meeting-501"].source_document].reference == \
        meeting_list("12", frm, to).url(url)
    # the web service's contact details are not kept in the cache either
    saved = (cache / "GetMeeting_lMeetingId=501.xml").read_text(encoding="utf-8")
    assert "Jo Clerk" in saved and f"<email>{OFFICER_EMAIL}" not in saved
    again = import_moderngov(url, tmp_path / "again", council=COUNCIL, delay=0, cache=cache)
    assert again.requests == 0 and len(log) == 19
    assert open_source(again.path) == stroud
