"""Who turns up: the six-month rule (Local Government Act 1972 s.85), low attendance and
dormant bodies, read from the meetings and attendance a register records."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import SEED

from graphmodel import open_source, write_source
from graphmodel.analysis.attendance import (attendance_findings, body_attendance,
                                            person_attendance, seat_attendance)
from graphmodel.analysis.example import (attended, body, councillor, meeting, seat,
                                         tiny_network)
from graphmodel.cli import main
from graphmodel.model import Person

# the review day of every tiny network: 2014-01-01
PLANNING = body("planning", "Planning Committee", "committee", organisation="council")
COUNCIL_MEETING = body("full", "Full Council", "full_council", organisation="council")
PANEL = body("panel", "Police and Crime Panel", "panel", organisation="police")
ANN = councillor("ann", "Cllr Ann Smith")
BOB = councillor("bob", "Cllr Bob Jones")


LICENSING = body("licensing", "Licensing Committee", "committee", organisation="council")


def town(*records):
    """The Town Council with its Planning Committee, Licensing Committee and Full
    Council, Cllr Ann Smith on the Planning Committee, and Cllr Bob Jones, who attended
    the Licensing Committee in December."""
    return tiny_network(PLANNING, LICENSING, COUNCIL_MEETING, PANEL, ANN, BOB,
                        seat("planning", "ann"), seat("licensing", "bob"),
                        meeting("licensing", "2013-12-10"),
                        attended("licensing", "2013-12-10", "bob"), *records)


def six_month(net, **rules):
    return [f for f in attendance_findings(net, rules={"attendance": {"six-month-rule": rules}}
                                           if rules else None)
            if f.rule == "six-month-rule"]


def about(findings, person="ann"):
    return [(f.severity, f.message) for f in findings if f.subject.id == person]


def test_a_councillor_who_attended_five_months_ago_is_not_reported():
    net = town(meeting("planning", "2013-08-01"), attended("planning", "2013-08-01", "ann"))
    assert about(six_month(net)) == []


def test_a_councillor_who_last_attended_seven_months_ago_has_ceased_to_be_a_member():
    net = town(meeting("planning", "2013-06-01"), attended("planning", "2013-06-01", "ann"),
               meeting("planning", "2013-09-01"),
               attended("planning", "2013-09-01", "ann", "apologies"))
    ((severity, message),) = about(six_month(net))
    assert severity == "error"
    assert message.startswith("Cllr Ann Smith has attended no meeting that counts since the "
                              "Planning Committee on 2013-06-01: six months ran out on "
                              "2013-12-01.")
    (finding,) = [f for f in six_month(net) if f.subject.id == "ann"]
    assert finding.data["deadline"] == "2013-12-01" and finding.data["days_left"] == -31
    assert ("attendance_record", "planning@2013-06-01/ann") in \
        [(e.type, e.id) for e in finding.evidence]
    assert "s.85(1)" in str(finding.data["standard"])


def test_a_councillor_nearing_six_months_is_warned_how_many_days_are_left():
    net = town(meeting("planning", "2013-07-10"), attended("planning", "2013-07-10", "ann"))
    ((severity, message),) = about(six_month(net))
    assert severity == "warning"
    assert "unless they attend one by 2014-01-10 (9 days)" in message
    assert about(six_month(net, warn_days=7)) == []


def test_a_councillor_with_no_attendance_recorded_at_all_is_a_note_not_a_breach():
    net = town()
    assert about(six_month(net)) == [
        ("info", "No attendance is recorded for Cllr Ann Smith, so whether they attended a "
                 "meeting in the last 6 months is unknown.")]
    # Bob attended the Licensing Committee in December: nothing to say of him
    assert about(six_month(net), "bob") == []


def test_a_dataset_recording_no_attendance_gives_no_attendance_findings():
    net = tiny_network(PLANNING, ANN, seat("planning", "ann"), meeting("planning", "2013-11-01"))
    assert [f.rule for f in attendance_findings(net)] == []
    assert [f for f in attendance_findings(open_source(SEED / "leeds"))] == []


def test_attending_only_as_the_councils_representative_on_an_outside_body_counts():
    net = town(meeting("planning", "2013-05-01"), attended("planning", "2013-05-01", "ann"),
               seat("panel", "ann"), meeting("panel", "2013-10-15"),
               attended("panel", "2013-10-15", "ann"))
    assert about(six_month(net)) == []


def test_attending_an_outside_body_for_someone_else_does_not_count():
    net = town(meeting("planning", "2013-05-01"), attended("planning", "2013-05-01", "ann"),
               seat("panel", "ann", on_behalf_of="police"), meeting("panel", "2013-10-15"),
               attended("panel", "2013-10-15", "ann"))
    assert [s for s, _ in about(six_month(net))] == ["error"]


def test_an_absence_the_council_approved_starts_the_six_months_again():
    net = town(meeting("planning", "2013-05-01"), attended("planning", "2013-05-01", "ann"),
               meeting("planning", "2013-09-01"),
               attended("planning", "2013-09-01", "ann", "apologies", absence_approved=True))
    assert about(six_month(net)) == []
    unapproved = town(meeting("planning", "2013-05-01"),
                      attended("planning", "2013-05-01", "ann"),
                      meeting("planning", "2013-09-01"),
                      attended("planning", "2013-09-01", "ann", "apologies"))
    assert [s for s, _ in about(six_month(unapproved))] == ["error"]


def test_a_meeting_whose_attendance_is_not_recorded_is_not_an_absence():
    net = town(meeting("planning", "2013-05-01"), attended("planning", "2013-05-01", "ann"),
               meeting("planning", "2013-09-01"))
    ((severity, message),) = about(six_month(net))
    assert severity == "info"
    assert ("attendance at 1 meeting since that would count is not recorded (first the "
            "Planning Committee on 2013-09-01)") in message


def test_a_meeting_unrecorded_after_the_six_months_ran_out_leaves_the_breach_known():
    # Ann last attended in May; the months ran out on 2013-11-01; the Planning
    # Committee's December meeting, whose attendance is not recorded, came too late
    net = town(meeting("planning", "2013-05-01"), attended("planning", "2013-05-01", "ann"),
               meeting("planning", "2013-12-20"))
    ((severity, message),) = about(six_month(net))
    assert severity == "error" and "six months ran out on 2013-11-01" in message


def test_a_full_council_meeting_counts_for_every_councillor_and_an_unrecorded_one_is_unknown():
    net = town(meeting("planning", "2013-05-01"), attended("planning", "2013-05-01", "ann"),
               meeting("full", "2013-10-12"), attended("full", "2013-10-12", "bob"))
    # the Full Council met in October, before her six months ran out: Ann is not recorded there, so unknown
    assert [s for s, _ in about(six_month(net))] == ["info"]
    there = town(meeting("planning", "2013-05-01"), attended("planning", "2013-05-01", "ann"),
                 meeting("full", "2013-10-12"),
                 attended("full", "2013-10-12", "ann", "in_attendance", role="attendee"))
    assert about(six_month(there)) == []


def test_a_cancelled_meeting_is_neither_attendance_nor_unknown():
    net = town(meeting("planning", "2013-05-01"), attended("planning", "2013-05-01", "ann"),
               meeting("planning", "2013-09-01", status="cancelled"))
    assert [s for s, _ in about(six_month(net))] == ["error"]


def test_only_the_organisations_councillors_are_held_to_the_rule():
    other = Person("carol", "Cllr Carol White", "elected_member", "county")
    net = town(other, seat("planning", "carol"), meeting("planning", "2013-03-01"),
               attended("planning", "2013-03-01", "carol"))
    assert about(six_month(net), "carol") == []


DAYS = ["2013-02-05", "2013-05-07", "2013-08-06", "2013-11-05"]


def board_year(*statuses: str, unrecorded: int = 0):
    """A partnership board meeting quarterly in 2013, Bob's attendance at each."""
    records = [meeting("board", d) for d in DAYS]
    records += [attended("board", d, "bob", s) for d, s in zip(DAYS[unrecorded:], statuses)]
    return tiny_network(body("board", "Safer Town Board"), seat("board", "bob"), *records)


def low(net, **rules):
    return [f for f in attendance_findings(net, rules={"attendance": {"low-attendance": rules}})
            if f.rule == "low-attendance"]


def test_someone_present_at_fewer_than_half_the_meetings_is_reported():
    (found,) = low(board_year("present", "apologies", "absent", "substitute_sent"))
    assert found.severity == "warning" and found.subject.id == "bob"
    assert found.data["present"] == 1 and found.data["expected"] == 4
    assert "(25%; apologies 1, absent 1, substitute sent 1)" in found.message
    assert low(board_year("present", "present", "apologies", "absent")) == []
    assert len(low(board_year("present", "present", "apologies", "absent"), min_share=0.6)) == 1


def test_meetings_with_no_attendance_recorded_for_someone_do_not_count_against_them():
    # two of four meetings recorded: fewer than the three it takes to judge a share
    assert low(board_year("absent", "absent", unrecorded=2)) == []
    assert len(low(board_year("absent", "absent", unrecorded=2), min_meetings=2)) == 1


def test_a_support_officer_is_not_expected_at_the_meetings():
    net = tiny_network(body("board", "Safer Town Board"),
                       seat("board", "bob", role="support_officer"),
                       *[meeting("board", d) for d in DAYS],
                       *[attended("board", d, "bob", "absent") for d in DAYS])
    assert low(net) == []


def dormant(net, **rules):
    return [f for f in attendance_findings(net, rules={"attendance": {"dormant-body": rules}})
            if f.rule == "dormant-body"]


def test_a_body_that_stopped_meeting_is_dormant_and_one_never_recorded_is_not():
    net = tiny_network(body("forum", "Older People's Forum"), body("board", "Safer Town Board"),
                       meeting("forum", "2012-10-01"), meeting("forum", "2013-04-01",
                                                               status="postponed"))
    (found,) = dormant(net)
    assert found.subject.id == "forum"
    assert found.message == ("The Older People's Forum has no meeting recorded in the 12 "
                             "months to 2014-01-01: its last was on 2012-10-01 (1 meeting "
                             "since was cancelled or postponed).")
    assert dormant(net, months=18) == []


def test_a_dissolved_body_and_one_established_within_the_period_are_not_dormant():
    net = tiny_network(body("old", "Town Initiative Board", dissolved="2013-06-30"),
                       body("new", "New Board", established="2013-06"),
                       meeting("old", "2012-05-01"), meeting("new", "2012-12-01",
                                                             status="cancelled"))
    assert dormant(net) == []


def test_a_seats_attendance_and_the_tables_per_body_and_per_person():
    net = board_year("present", "apologies", "present", "present")
    assert seat_attendance(net)["board/bob"].text() == \
        "present at 3 of 4 meetings recorded (apologies 1)"
    (row,) = body_attendance(net)
    assert (row.name, row.meetings, row.recorded, row.present, row.expected) == \
        ("Safer Town Board", 4, 4, 3, 4)
    ((person, board, counted),) = person_attendance(net)
    assert (person.id, board.id, counted.present, counted.last_present) == \
        ("bob", "board", 3, "2013-11-05")


def test_the_attendance_command_reports_the_findings(tmp_path):
    net = town(meeting("planning", "2013-06-01"), attended("planning", "2013-06-01", "ann"))
    folder = write_source(net, tmp_path / "town", "csv")
    result = CliRunner().invoke(main, ["attendance", str(folder), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "error,six-month-rule,person,ann,Cllr Ann Smith," in result.stdout
    help_text = CliRunner().invoke(main, ["attendance", "--help"]).output
    assert "six-month rule" in help_text


@pytest.mark.parametrize("status", ["Present, as expected", "Apologies", "In attendance",
                                    "Apologies, substitute sent", "did not attend"])
def test_what_a_council_publishes_is_read_as_an_attendance_status(status):
    from graphmodel.model import ATTENDANCE_STATUSES

    assert ATTENDANCE_STATUSES.canonical(status) in ATTENDANCE_STATUSES
