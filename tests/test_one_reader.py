"""One date reader and one vocabulary: a table of dates and of role words, each run through
every reader (a register's CSV files and its workbook, an appointments list, a ModernGov
site's saved responses, a Popolo file), each giving the same value or the same refusal."""
from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any, Callable

import pytest
from click.testing import CliRunner

from graphmodel.cli import main
from graphmodel.importers.appointments import import_appointments
from graphmodel.importers.moderngov import import_moderngov
from graphmodel.model import Body, Dataset, Membership, Network, Organisation, Person
from graphmodel.problems import InvalidData
from graphmodel.sources import read_source, write_source
from moderngov_site import _councillor, _member, _page, write_site

FORMS = "write YYYY-MM-DD (or YYYY-MM, YYYY, DD/MM/YYYY)"

# what is typed (text, or in a workbook a date cell) -> the day kept
DATES_READ: list[tuple[Any, str]] = [
    ("2019-05-01", "2019-05-01"), ("2019-5-1", "2019-05-01"),
    ("01/05/2019", "2019-05-01"), ("1/5/2019", "2019-05-01"),
    ("01.05.2019", "2019-05-01"), ("01-05-2019", "2019-05-01"),
    ("2019/05/01", "2019-05-01"), ("1st May 2019", "2019-05-01"),
    ("May 1, 2019", "2019-05-01"), ("01-May-2019", "2019-05-01"),
    ("31 December 2019", "2019-12-31"), ("May 2019", "2019-05"), ("Sept 2019", "2019-09"),
    ("09/2019", "2019-09"), ("2019-05", "2019-05"), ("2019", "2019"),
    ("2019-05-01T19:00:00+01:00", "2019-05-01"),
    (dt.date(2019, 5, 1), "2019-05-01"), (dt.datetime(2019, 12, 31, 9, 30), "2019-12-31"),
]
# what is typed -> what every reader says of it
DATES_REFUSED: list[tuple[Any, str]] = [
    ("43586", "'43586' is a spreadsheet's number for a day, not a date (did you mean "
              "2019-05-01?); format the cell as a date, or write 2019-05-01"),
    (43831, "'43831' is a spreadsheet's number for a day, not a date (did you mean "
            "2020-01-01?); format the cell as a date, or write 2020-01-01"),
    ("1/5/19", "'1/5/19' has a two-digit year (did you mean 2019-05-01?); write the year "
               "in full"),
    ("31.03.14", "'31.03.14' has a two-digit year (did you mean 2014-03-31?); write the year "
                 "in full"),
    ("1 May 19", "'1 May 19' has a two-digit year (did you mean 2019-05-01?); write the year "
                 "in full"),
    ("31/02/2019", "'31/02/2019' (day/month/year) does not exist: February 2019 has 28 days"),
    ("2019-02-30", "'2019-02-30' does not exist: February 2019 has 28 days"),
    ("30 Feb 2020", "'30 Feb 2020' does not exist: February 2020 has 29 days"),
    ("20190501", f"'20190501' is not a date graphmodel reads (did you mean 2019-05-01?); "
                 f"{FORMS}"),
    ("next spring", f"'next spring' is not a date; {FORMS}"),
]

# the word a source uses -> the role kept
ROLES_READ = [
    ("Chair", "chair"), ("Chairman", "chair"), ("Chairperson", "chair"),
    ("Chairwoman", "chair"), ("Chair of Governors", "chair"), ("Convenor", "chair"),
    ("Vice-Chair", "vice_chair"), ("Vice-Chairman", "vice_chair"),
    ("Vice Chairperson", "vice_chair"), ("Deputy Chair", "vice_chair"),
    ("Deputy Chairman", "vice_chair"), ("VICE_CHAIR", "vice_chair"),
    ("Member", "member"), ("Committee Member", "member"), ("Voting Member", "member"),
    ("Co-opted Member", "member"),
    ("Substitute", "substitute"), ("Sub", "substitute"), ("Reserve", "substitute"),
    ("Named Substitute", "substitute"), ("Observer", "observer"),
    ("Independent Person", "adviser"), ("Adviser", "adviser"), ("Advisor", "adviser"),
    ("Trustee", "trustee"), ("Director", "trustee"), ("Lead Officer", "lead_officer"),
    ("Support Officer", "support_officer"), ("Attendee", "attendee"),
    ("In attendance", "attendee"),
]
ROLE_LIST = ("chair, vice_chair, member, trustee, support_officer, lead_officer, observer, "
             "attendee, substitute, adviser, other")
# a word that is no role and no alias of one -> what every reader says of it
ROLES_REFUSED = [
    ("Chairmen", f"'Chairmen' is not one of {ROLE_LIST} (did you mean 'chair'?)"),
    ("Treasurer", f"'Treasurer' is not one of {ROLE_LIST}"),
    ("Vice Chairs", f"'Vice Chairs' is not one of {ROLE_LIST} (did you mean 'vice_chair'?)"),
]

# Each reader takes a column of values (dates or role words) and gives, for each,
# ("read", value kept) or ("refused", message).
Outcome = tuple[str, str]


# --- a register: CSV files and a workbook -------------------------------------------------

def register(count: int) -> Network:
    """A valid register with one seat per value to try, m0, m1, ..."""
    records: list[Any] = [Organisation("council", "Town Council", "local_authority"),
                          Body("board", "Safer Town Board", "partnership_board")]
    for i in range(count):
        records += [Person(f"p{i}", f"Person {i}", "elected_member", "council"),
                    Membership(f"m{i}", "board", person=f"p{i}", on_behalf_of="council")]
    return Network(Dataset("town", "Town", "council"), records)


def _register_outcomes(network: Network | None, problems: list[Any], column: str,
                       count: int, row_of: Callable[[int], Any]) -> list[Outcome]:
    said = {p.row: p.message for p in problems if p.field == column and p.level == "error"}
    assert len(said) == len([p for p in problems if p.level == "error"]), problems
    outcomes = []
    for i in range(count):
        if row_of(i) in said:
            outcomes.append(("refused", said[row_of(i)]))
        else:
            assert network is not None, problems
            outcomes.append(("read", getattr(network.memberships[f"m{i}"], column)))
    return outcomes


def register_csv(tmp_path: Path, column: str, values: list[Any]) -> list[Outcome]:
    folder = write_source(register(len(values)), tmp_path / "register", "csv")
    file = folder / "memberships.csv"
    with open(file, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    at = rows[0].index(column)
    for row, value in zip(rows[1:], values):
        row[at] = str(value)
    with open(file, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    network, problems = read_source(folder)
    return _register_outcomes(network, problems, column, len(values), lambda i: i + 2)


def register_xlsx(tmp_path: Path, column: str, values: list[Any]) -> list[Outcome]:
    from openpyxl import load_workbook

    path = write_source(register(len(values)), tmp_path / "register.xlsx", "xlsx")
    book = load_workbook(path)
    sheet = book["memberships"]
    at = [c.value for c in sheet[1]].index(column) + 1
    for i, value in enumerate(values):
        sheet.cell(i + 2, at).value = value      # a date cell, a number or text
    book.save(path)
    network, problems = read_source(path)
    return _register_outcomes(network, problems, column, len(values), lambda i: i + 2)


# --- an appointments list -------------------------------------------------------------------

def appointments(tmp_path: Path, column: str, values: list[Any]) -> list[Outcome]:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Outside body", "Councillor", "Role", "Start date"])
    for i, value in enumerate(values):
        sheet.append(["Safer Town Board", f"Cllr Person {i}",
                      value if column == "role" else "Member",
                      value if column == "start" else None])
    path = tmp_path / "appointments.xlsx"
    book.save(path)
    try:
        report = import_appointments(path, tmp_path / "imported", org="council")
    except InvalidData as refused:
        problems, seats = refused.problems, {}
    else:
        problems = report.problems
        seats = {m.person: m for m in read_source(report.path)[0].memberships.values()}
    said = {p.row: p.message for p in problems if p.field == column}
    outcomes = []
    for i, value in enumerate(values):
        message = said.get(i + 2)
        if message is None:
            outcomes.append(("read", getattr(seats[f"person-{i}"], column)))
        elif column == "role":     # a word no role: read as member, the word kept
            seat, after = seats[f"person-{i}"], ": read as member, kept in the notes"
            assert (seat.role, seat.notes) == ("member", f"Role given as: {value}.")
            assert message.endswith(after)
            outcomes.append(("refused", message.removesuffix(after)))
        else:
            outcomes.append(("refused", message))
    return outcomes


# --- a ModernGov site -----------------------------------------------------------------------

def moderngov(tmp_path: Path, column: str, values: list[Any]) -> list[Outcome]:
    """Dates are a councillor's terms of office (kept in their notes); roles are said in
    brackets after a name on a committee's page."""
    site = write_site(tmp_path / "site")
    uids = [str(500 + i) for i in range(len(values))]
    if column == "start":
        councillors = "".join(_councillor(uid, f"Councillor Person {i}", "Green", str(value), "")
                              for i, (uid, value) in enumerate(zip(uids, values)))
        (site / "GetCouncillorsByWard.xml").write_text(
            "<councillorsbyward><wards><ward><wardtitle>Abbey</wardtitle><councillors>"
            f"{councillors}</councillors></ward></wards></councillorsbyward>", encoding="utf-8")
    else:
        (site / "mgCommitteeDetails_ID=20.html").write_text(_page("Planning Committee", [
            _member(uid, f"Councillor Person {i}", f" ({value})")
            for i, (uid, value) in enumerate(zip(uids, values))]), encoding="utf-8")
    report = import_moderngov(str(site), tmp_path / "imported", council="Town Council")
    network = read_source(report.path)[0]
    assert network is not None
    outcomes = []
    for i, (uid, value) in enumerate(zip(uids, values)):
        said = [p.message for p in report.problems
                if (p.row, p.field) in ((f"councillor {uid}", "term of office"),
                                        (None, f"Councillor Person {i}"))]
        if column == "start":
            notes = network.people[f"person-{i}"].notes
            kept = notes.split("Terms of office: ")[1].rstrip(".")
            if said:   # the term is kept as the site gives it
                assert len(said) == 1 and said[0].endswith(": kept in the notes as given")
                assert kept == str(value)
                outcomes.append(("refused", said[0].removesuffix(": kept in the notes as given")))
            else:
                outcomes.append(("read", kept))
        else:
            seat = next(m for m in network.memberships.values()
                        if m.body == "committee-20" and m.person == f"person-{i}")
            if said:
                assert said[0].endswith(": kept in the notes") and len(said) == 1
                assert (seat.role, seat.notes) == ("member", f"Listed as: {value}.")
                outcomes.append(("refused", said[0].removesuffix(": kept in the notes")))
            else:
                outcomes.append(("read", seat.role))
    return outcomes


# --- a Popolo file --------------------------------------------------------------------------

def popolo(tmp_path: Path, column: str, values: list[Any]) -> list[Outcome]:
    key = {"start": "start_date", "role": "role"}[column]
    path = tmp_path / "council.json"
    path.write_text(json.dumps({
        "persons": [{"id": f"p{i}", "name": f"Person {i}"} for i in range(len(values))],
        "organizations": [
            {"id": "council", "name": "Town Council", "classification": "council"},
            {"id": "board", "name": "Safer Town Board", "classification": "committee"}],
        "memberships": [{"id": f"m{i}", "person_id": f"p{i}", "organization_id": "board",
                         "on_behalf_of_id": "council", "start_date": "2019", key: value}
                        for i, value in enumerate(values)]}), encoding="utf-8")
    network, problems = read_source(path)
    said = {p.row: p.message for p in problems if p.field in (column, key)}
    outcomes = []
    for i, value in enumerate(values):
        message = said.get(f"memberships[{i}]")
        if message is None:
            assert network is not None, problems
            outcomes.append(("read", getattr(network.memberships[f"m{i}"], column)))
        elif column == "role":     # a word no role: read as other, the word kept
            assert network is not None and message.endswith(": read as other, kept in the notes")
            assert network.memberships[f"m{i}"].notes == f"role: {value}"
            outcomes.append(("refused", message.removesuffix(": read as other, kept in the notes")))
        else:
            outcomes.append(("refused", message))
    return outcomes


TEXT_READERS = {"register CSV": register_csv, "ModernGov": moderngov, "Popolo": popolo}
CELL_READERS = {"register workbook": register_xlsx, "appointments list": appointments}
READERS = {**TEXT_READERS, **CELL_READERS}


def _for(reader: str, table: list[tuple[Any, str]]) -> list[tuple[Any, str]]:
    """The table as the reader gets it: a date cell only from a workbook; a number from a
    CSV file, a page or JSON as the digits."""
    if reader in CELL_READERS:
        return table
    return [(value, want) for value, want in table if not isinstance(value, dt.date)]


@pytest.mark.parametrize("reader", READERS)
def test_every_reader_reads_the_same_dates(tmp_path, reader):
    table = _for(reader, DATES_READ)
    got = READERS[reader](tmp_path, "start", [value for value, _ in table])
    assert got == [("read", day) for _, day in table]


@pytest.mark.parametrize("reader", READERS)
def test_every_reader_refuses_the_same_dates_with_the_same_message(tmp_path, reader):
    table = _for(reader, DATES_REFUSED)
    got = READERS[reader](tmp_path, "start", [value for value, _ in table])
    assert got == [("refused", message) for _, message in table]


@pytest.mark.parametrize("reader", READERS)
def test_every_reader_reads_the_same_role_words(tmp_path, reader):
    got = READERS[reader](tmp_path, "role", [word for word, _ in ROLES_READ])
    assert got == [("read", role) for _, role in ROLES_READ]


@pytest.mark.parametrize("reader", READERS)
def test_a_word_that_is_no_role_is_refused_alike_by_every_reader(tmp_path, reader):
    got = READERS[reader](tmp_path, "role", [word for word, _ in ROLES_REFUSED])
    assert got == [("refused", message) for _, message in ROLES_REFUSED]


# --- the command line's date options ---------------------------------------------------------

def run(*args: Any) -> Any:
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("typed", ["16/01/2014", "16 January 2014", "2014-1-16"])
def test_a_date_option_takes_what_the_data_takes(typed):
    harborough = Path(__file__).resolve().parent.parent / "seed_data" / "harborough"
    iso = run("gaps", harborough, "--as-of", "2014-01-16", "--format", "json")
    other = run("gaps", harborough, "--as-of", typed, "--format", "json")
    assert iso.exit_code == other.exit_code == 0, other.output
    assert other.stderr == iso.stderr == "as of 2014-01-16 (--as-of)\n"
    assert other.stdout == iso.stdout and json.loads(iso.stdout)


@pytest.mark.parametrize("option", [["summary", "--as-of"], ["diff", "--from"],
                                    ["diff", "--from", "2013", "--to"]])
def test_a_date_option_it_cannot_read_gets_the_readers_message(dataset_dir, option):
    for typed, message in DATES_REFUSED:
        result = run(option[0], dataset_dir, *option[1:], typed)
        assert result.exit_code == 2
        assert result.stderr.splitlines()[-1] == (
            f"Error: Invalid value for '{option[-1]}': {message}")
