"""Importing a flat list of appointments to outside bodies, as officers keep them."""
from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from click.testing import CliRunner
from hypothesis import given, strategies as st

from graphmodel import open_source
from graphmodel.cli import main
from graphmodel.importers.appointments import import_appointments, match_header
from graphmodel.dates import read_date
from graphmodel.problems import InvalidData

ORG = "stroud-district-council"


def cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def messy_sheet(path):
    """The register as a council keeps it: a title row, officers' own headers, a column
    graphmodel has no place for, blank rows, dates typed as DD/MM/YYYY and as dates."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Appointments 2024-25"
    for row in (
        ["Appointments to Outside Bodies 2024/25"],
        [],
        ["Name of Outside Body", "Councillor appointed", "Position", "Representing",
         "Date of Appointment", "Term Ends", "Comments", "Officer contact"],
        ["Cotswold Water Park Trust", "Cllr Siân Jones", "Trustee", None, "20/05/2024",
         dt.datetime(2027, 5, 19), None, "J Smith"],
        [None, None, None, None, None, None, None, None],
        ["Police and Crime Panel ", "Councillor Priya Shah", "Vice-Chair", "", "1/6/2024",
         None, "Panel meets quarterly", None],
        ["Citizens Advice Stroud", "Tom Brown", "Observer", "Gloucestershire County Council",
         "May 2023", None, None, None],
        ["Cotswold Water Park Trust", "Councillor Priya Shah", "Member", None, None, None,
         None, None],
        ["Rural Forum", None, None, None, None, None, None, None],
    ):
        sheet.append(row)
    contacts = book.create_sheet("Officer contacts")
    contacts.append(["Officer", "Telephone"])
    contacts.append(["J Smith", "01453 766321"])
    book.save(path)
    return path


@pytest.fixture
def imported(tmp_path):
    report = import_appointments(messy_sheet(tmp_path / "appointments.xlsx"), tmp_path / "out",
                                 org=ORG)
    return report, open_source(report.path)


def seat(network, body_name, person_name):
    body = next(b.id for b in network.bodies.values() if b.name == body_name)
    person = next(p.id for p in network.people.values() if p.name == person_name)
    return next(m for m in network.memberships.values()
                if m.body == body and m.person == person)


def test_officers_headers_are_understood():
    assert match_header("Name of Outside Body") == "body"
    assert match_header("Councillor appointed") == "person"
    assert match_header("Date of Appointment") == "start"
    assert match_header("Term Ends") == "end"
    assert match_header("Representing") == "on_behalf_of"
    assert match_header("Officer contact") is None


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_a_uk_date_is_the_same_day_in_iso(day):
    assert read_date(day.strftime("%d/%m/") + f"{day.year:04d}") == day.isoformat()
    assert read_date(f"{day.day}/{day.month}/{day.year:04d}") == day.isoformat()


def test_each_row_becomes_a_seat_with_role_and_uk_dates_in_iso(imported):
    _, stroud = imported
    trust = seat(stroud, "Cotswold Water Park Trust", "Siân Jones")
    assert (trust.role, trust.start, trust.end) == ("trustee", "2024-05-20", "2027-05-19")
    assert trust.on_behalf_of == ORG
    panel = seat(stroud, "Police and Crime Panel", "Priya Shah")
    assert (panel.role, panel.start, panel.notes) == ("vice_chair", "2024-06-01",
                                                      "Panel meets quarterly")
    assert seat(stroud, "Citizens Advice Stroud", "Tom Brown").start == "2023-05"


def test_a_councillor_appointed_twice_is_one_person(imported):
    _, stroud = imported
    assert [p.name for p in stroud.people.values()].count("Priya Shah") == 1
    assert stroud.people["priya-shah"].kind == "elected_member"
    assert stroud.people["priya-shah"].organisation == ORG
    assert stroud.people["tom-brown"].kind == "other"   # no title: not assumed a councillor


def test_a_seat_for_another_organisation_names_it_with_a_warning(imported, tmp_path):
    report, stroud = imported
    advice = seat(stroud, "Citizens Advice Stroud", "Tom Brown")
    assert stroud.organisations[advice.on_behalf_of].name == "Gloucestershire County Council"
    assert [str(p) for p in report.problems if "Gloucestershire" in p.message] == [
        f"{tmp_path / 'appointments.xlsx'}[Appointments 2024-25]:7: organisation 'Gloucestershire County "
        "Council' inferred from the on behalf of column; check it (warning)"]


def test_unknown_columns_and_empty_seats_are_reported_not_fatal(imported, tmp_path):
    report, stroud = imported
    said = [str(p) for p in report.problems]
    sheet = f"{tmp_path / 'appointments.xlsx'}[Appointments 2024-25]"
    assert f"{sheet}:3: Officer contact: column not recognised, so it was not read " \
           "(warning)" in said
    assert f"{sheet}:9: person: nobody named on Rural Forum: the body is kept, the seat is " \
           "not recorded (warning)" in said
    assert "Rural Forum" in {b.name for b in stroud.bodies.values()}
    assert len(stroud.memberships) == 4
    # the contacts sheet is named by its header, never by the telephone numbers under it
    assert said[-1] == (f"{tmp_path / 'appointments.xlsx'}[Officer contacts]:1: not read as appointments: no "
                        "body or person column in the header (Officer, Telephone); name the "
                        "columns body, person, role, on behalf of, start, end, notes (warning)")
    assert len(said) == 4


def test_every_seat_cites_its_row(imported):
    _, stroud = imported
    trust = seat(stroud, "Cotswold Water Park Trust", "Siân Jones")
    assert trust.source_section == "row 4"
    assert stroud.documents[trust.source_document].reference == "appointments.xlsx"


def test_every_bad_date_is_reported_at_once_and_nothing_is_written(tmp_path):
    file = tmp_path / "list.csv"
    file.write_text("Body,Name,Start date,End date\n"
                    "Trust,Cllr A,31/02/2024,\n"
                    "Board,Cllr B,01/06/2024,01/05/2024\n"
                    "Forum,Cllr C,next spring,\n", encoding="utf-8-sig")
    with pytest.raises(InvalidData) as caught:
        import_appointments(file, tmp_path / "out", org=ORG)
    said = [str(p) for p in caught.value.problems]
    assert f"{file}:2: start: '31/02/2024' (day/month/year) does not exist: February 2024 " \
           "has 29 days" in said
    assert f"{file}:3: end: 2024-05-01 is before the start 2024-06-01; correct either " \
           "date" in said
    assert f"{file}:4: start: 'next spring' is not a date; write YYYY-MM-DD (or " \
           "YYYY-MM, YYYY, DD/MM/YYYY)" in said
    assert len(said) == 3
    assert not (tmp_path / "out").exists()


def test_a_list_without_a_person_column_says_what_to_name_it(tmp_path):
    file = tmp_path / "list.csv"
    file.write_text("Body,Role\nTrust,Chair\n", encoding="utf-8")
    result = cli("import", "appointments", file, "--org", ORG, "--out", tmp_path / "out")
    assert result.exit_code == 3  # invalid data
    assert result.stderr.splitlines() == [
        f"{file}:1: no person column in the header (Body, Role); name the columns body, "
        "person, role, on behalf of, start, end, notes",
        "error: 1 problem in the source; nothing was done"]


def test_the_imported_list_runs_through_validate_summary_check_and_map(tmp_path):
    out = tmp_path / "out"
    result = cli("import", "appointments", messy_sheet(tmp_path / "list.xlsx"), "--org", ORG,
                 "--org-name", "Stroud District Council", "--out", out)
    assert result.exit_code == 0, result.output
    assert cli("validate", out).exit_code == 0
    assert cli("summary", out).stdout.splitlines()[0].startswith(
        "Stroud District Council: list.xlsx (list), home organisation: Stroud District "
        "Council, as of ")
    assert cli("check", out).exit_code == 0
    gaps = csv.DictReader(io.StringIO(cli("gaps", out, "--format", "csv").stdout))
    # nobody is recorded on the Rural Forum, for the council or anyone; a list of the
    # council's appointees cannot show who chairs the bodies, so no chair is said missing
    assert sorted((row["rule"], row["subject"]) for row in gaps) == [
        ("representation-unrecorded", "Citizens Advice Stroud"),
        ("representation-unrecorded", "Rural Forum")]
    assert cli("map", out, "--out", tmp_path / "map.html").exit_code == 0


def test_the_imported_list_loads_into_neo4j(tmp_path, store, neo4j_uri):
    report = import_appointments(messy_sheet(tmp_path / "list.xlsx"), tmp_path / "out", org=ORG)
    result = cli("load", report.path, "--uri", neo4j_uri)
    assert result.exit_code == 0, result.output
    stored = open_source(neo4j_uri, dataset="list")
    assert stored.memberships == open_source(report.path).memberships
    assert len(stored.memberships) == 4
