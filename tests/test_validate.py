"""Validation: every problem as file:row: field: message, never a traceback."""
from __future__ import annotations

import csv

import pytest

from graphmodel import InvalidData, open_source, read_source


def rewrite(path, table, edit):
    """Apply edit(rows) to a table's rows (header first) and write it back."""
    file = path / f"{table}.csv"
    with open(file, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    edit(rows)
    with open(file, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return file


def set_cell(path, table, row_id, column, value):
    def edit(rows):
        col = rows[0].index(column)
        for row in rows[1:]:
            if row[0] == row_id:
                row[col] = value
    return rewrite(path, table, edit)


def messages(path):
    network, problems = read_source(path)
    return network, [str(p) for p in problems]


def test_a_valid_dataset_has_no_problems(dataset_dir, network):
    assert read_source(dataset_dir) == (network, [])


def test_an_unknown_reference_names_the_row_and_suggests_the_likely_id(dataset_dir):
    file = set_cell(dataset_dir, "memberships", "m-ann", "body", "boardd")
    network, found = messages(dataset_dir)
    assert network is None
    assert found == [f"{file}:2: body: unknown body 'boardd' (did you mean 'board'?)"]


def test_a_duplicate_id_points_at_the_first_use(dataset_dir):
    file = set_cell(dataset_dir, "people", "bob", "id", "ann")
    _, found = messages(dataset_dir)
    assert f"{file}:3: id: duplicate id 'ann'; first used on row 2" in found


@pytest.mark.parametrize("value, expected", [
    ("2013-02-30", "'2013-02-30' does not exist: February 2013 has 28 days"),
    ("31/02/2013", "'31/02/2013' (day/month/year) does not exist: February 2013 has 28 days"),
    ("20130314", "'20130314' is not a date graphmodel reads (did you mean 2013-03-14?); "
                 "write YYYY-MM-DD (or YYYY-MM, YYYY, DD/MM/YYYY)"),
    ("14.03.13", "'14.03.13' has a two-digit year (did you mean 2013-03-14?); write the "
                 "year in full"),
    ("41729", "'41729' is a spreadsheet's number for a day, not a date (did you mean "  # Excel
              "2014-03-31?); format the cell as a date, or write 2014-03-31"),
    ("soon", "'soon' is not a date; write YYYY-MM-DD (or YYYY-MM, YYYY, DD/MM/YYYY)"),
])
def test_bad_and_impossible_dates(dataset_dir, value, expected):
    file = set_cell(dataset_dir, "memberships", "m-ann", "start", value)
    _, found = messages(dataset_dir)
    assert found == [f"{file}:2: start: {expected}"]


@pytest.mark.parametrize("typed, stored", [("14/03/2013", "2013-03-14"),
                                            ("3/4/2013", "2013-04-03"),
                                            ("2013/03/14", "2013-03-14"),
                                            ("14.03.2013", "2013-03-14"),
                                            ("March 2013", "2013-03")])
def test_a_uk_date_is_read_day_first_and_kept_as_iso(dataset_dir, typed, stored):
    set_cell(dataset_dir, "memberships", "m-ann", "start", typed)
    network, found = messages(dataset_dir)
    assert found == []
    assert network.memberships["m-ann"].start == stored


def test_an_end_before_its_start(dataset_dir):
    file = set_cell(dataset_dir, "memberships", "m-bob", "end", "2011-01-01")
    _, found = messages(dataset_dir)
    assert found == [f"{file}:3: end: 2011-01-01 is before start 2012-05-01"]


def test_an_unknown_enum_value_lists_the_choices_and_suggests_one(dataset_dir):
    file = set_cell(dataset_dir, "memberships", "m-ann", "role", "chiar")
    _, found = messages(dataset_dir)
    assert found == [f"{file}:2: role: 'chiar' is not one of chair, vice_chair, member, "
                     "trustee, support_officer, lead_officer, observer, attendee, substitute, "
                     "adviser, other (did you mean 'chair'?)"]


def test_enum_values_are_read_in_any_case_and_with_spaces(dataset_dir):
    set_cell(dataset_dir, "memberships", "m-ann", "role", "Vice Chair")
    network, found = messages(dataset_dir)
    assert found == [] and network.memberships["m-ann"].role == "vice_chair"


def test_a_missing_required_field(dataset_dir):
    file = set_cell(dataset_dir, "bodies", "board", "name", "")
    _, found = messages(dataset_dir)
    assert found == [f"{file}:3: name: is required but empty"]


def test_a_missing_required_column_and_the_other_problems_of_its_rows(dataset_dir):
    def drop_kind(rows):
        col = rows[0].index("kind")
        for row in rows:
            del row[col]
    file = rewrite(dataset_dir, "people", drop_kind)
    set_cell(dataset_dir, "people", "bob", "organisation", "polise")
    _, found = messages(dataset_dir)
    assert found == [f"{file}:1: kind: required column is missing from the header",
                     f"{file}:3: organisation: unknown organisation 'polise' "
                     "(did you mean 'police'?)"]


def test_an_unknown_column_is_not_read_and_the_right_name_suggested(dataset_dir):
    file = rewrite(dataset_dir, "memberships",
                   lambda rows: rows[0].__setitem__(rows[0].index("on_behalf_of"), "on_behalf"))
    network, found = messages(dataset_dir)
    assert found == [f"{file}:1: on_behalf: not a column of memberships, so it was not read "
                     "(did you mean 'on_behalf_of'?); the columns are id, body, person, post, "
                     "role, on_behalf_of, nominated_by, start, end, notes, source_document, "
                     "source_section (warning)"]
    assert len(network.memberships) == 4
    assert network.memberships["m-ann"].on_behalf_of is None


def test_a_membership_needs_a_person_a_post_or_whom_it_is_held_for(dataset_dir):
    set_cell(dataset_dir, "memberships", "m-director", "on_behalf_of", "")
    file = set_cell(dataset_dir, "memberships", "m-director", "post", "")
    _, found = messages(dataset_dir)
    assert found == [f"{file}:4: person: a membership needs a person or a post, or the "
                     "organisation it is held on behalf of when the source names no holder"]


def test_a_seat_held_for_an_organisation_may_name_no_holder(dataset_dir):
    set_cell(dataset_dir, "memberships", "m-director", "post", "")
    network, found = messages(dataset_dir)
    assert found == []
    seat = network.memberships["m-director"]
    assert (seat.person, seat.post, seat.on_behalf_of) == (None, None, "council")


def test_a_byte_order_mark_as_excel_writes_it_is_passed_over(dataset_dir, network):
    file = dataset_dir / "people.csv"
    file.write_bytes(b"\xef\xbb\xbf" + file.read_bytes())
    assert messages(dataset_dir) == (network, [])


def test_a_utf16_file_is_refused_naming_the_encoding_to_use(dataset_dir):
    file = dataset_dir / "people.csv"
    file.write_bytes(file.read_text(encoding="utf-8").encode("utf-16"))
    network, found = messages(dataset_dir)
    assert network is None
    assert found == [f"{file}:1: file is UTF-16; save it as CSV UTF-8"]


def test_a_file_in_the_wrong_encoding_names_the_line(dataset_dir):
    file = dataset_dir / "people.csv"
    text = file.read_text(encoding="utf-8").replace("Bob Jones", "Bob Jönes")
    file.write_bytes(text.encode("latin-1"))
    _, found = messages(dataset_dir)
    assert found == [f"{file}:3: not UTF-8 (byte 0xf6); save the file as CSV UTF-8"]


def test_an_empty_file(dataset_dir):
    file = dataset_dir / "bodies.csv"
    file.write_bytes(b"")
    _, found = messages(dataset_dir)
    # and the seats on its bodies are not then reported as on unknown bodies
    assert found == [f"{file}: file is empty; it needs at least a header row naming the columns"]


def test_a_truncated_file_reports_the_short_row(dataset_dir):
    file = dataset_dir / "memberships.csv"
    data = file.read_bytes()
    file.write_bytes(data[: data.index(b"m-bob") + 12])
    _, found = messages(dataset_dir)
    assert found == [f"{file}:3: row has 3 values but the header has 12: the file may be "
                     "truncated, or a value holds an unquoted comma"]


def test_a_quote_left_open_is_reported_not_raised(dataset_dir):
    file = dataset_dir / "people.csv"
    file.write_bytes(file.read_bytes() + b'zed,"Zed Open,officer\n')
    _, found = messages(dataset_dir)
    assert found == [f"{file}:4: cannot be read as CSV (unexpected end of data); the file may "
                     "be truncated or a quote left open"]


def test_a_missing_dataset_table(dataset_dir):
    (dataset_dir / "dataset.csv").unlink()
    _, found = messages(dataset_dir)
    assert found == [f"{dataset_dir}: no dataset table: add dataset.csv with columns "
                     "id, name, home_organisation, description, as_of"]


def test_a_misnamed_table_is_an_error_with_a_suggestion(dataset_dir):
    (dataset_dir / "memberhips.csv").write_text("id\n", encoding="utf-8")
    network, found = messages(dataset_dir)
    assert network is None
    assert found == [f"{dataset_dir / 'memberhips.csv'}: not a table graphmodel knows (did you "
                     "mean 'memberships.csv'?): rename the file to 'memberships.csv' to have "
                     "it read, or to a name unlike any table's to leave it out"]


def test_a_file_unlike_any_table_is_reported_as_not_read(dataset_dir, network):
    (dataset_dir / "Notes.csv").write_text("what,who\nchase Bob,Ann\n", encoding="utf-8")
    got, found = messages(dataset_dir)
    assert got == network
    assert found == [f"{dataset_dir / 'Notes.csv'}: not a table graphmodel knows, so it was "
                     "not read; the tables are dataset.csv, documents.csv, organisations.csv, "
                     "areas.csv, themes.csv, bodies.csv, people.csv, posts.csv, memberships.csv, "
                     "reporting_lines.csv, scrutiny_links.csv, nomination_rights.csv, "
                     "successions.csv, resourcing.csv, assessments.csv, meetings.csv, "
                     "attendance.csv (warning)"]


def test_every_problem_is_reported_at_once(dataset_dir):
    set_cell(dataset_dir, "memberships", "m-ann", "body", "nowhere")
    set_cell(dataset_dir, "people", "bob", "kind", "wizard")
    set_cell(dataset_dir, "bodies", "board", "established", "2011-02-31")
    with pytest.raises(InvalidData) as caught:
        open_source(dataset_dir)
    fields = sorted(p.field for p in caught.value.problems)
    assert fields == ["body", "established", "kind"]


def test_a_declared_composition_larger_than_the_board_is_a_warning(dataset_dir):
    set_cell(dataset_dir, "bodies", "board", "declared_size", "10")
    network, found = messages(dataset_dir)
    assert network.bodies["board"].declared_size == 10   # a warning: the network is read
    assert found == [f"{dataset_dir / 'bodies.csv'}:3: declared_composition: declares 15 "
                     "member seats but declared_size is 10 (warning)"]


def test_a_row_with_a_bad_date_and_an_unknown_reference_reports_both(dataset_dir):
    set_cell(dataset_dir, "memberships", "m-ann", "start", "01/02/13")
    file = set_cell(dataset_dir, "memberships", "m-ann", "body", "boardd")
    _, found = messages(dataset_dir)
    assert sorted(found) == [
        f"{file}:2: body: unknown body 'boardd' (did you mean 'board'?)",
        f"{file}:2: start: '01/02/13' has a two-digit year (did you mean 2013-02-01?); "
        "write the year in full"]
