"""Spreadsheets and CSV files as officers really bring them, read through the CLI.

The Leeds seed dataset is exported with the CLI, then edited the ways a register is
edited in Excel: a sheet renamed, headers capitalised, a column and a notes sheet added,
names typed with stray spaces, dates typed the UK way or entered as Excel dates. Every
record must read back, and what was not read must be said, by every command.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from graphmodel.cli import main
from graphmodel.model import DATASET_TYPE, RECORD_TYPES
from graphmodel.sources import PruneRefused, open_source_noting, refuse_to_prune

SEED = Path(__file__).resolve().parent.parent / "seed_data"
TABLES = ", ".join(rt.name for rt in (DATASET_TYPE,) + RECORD_TYPES)
PEOPLE_COLUMNS = "id, name, kind, organisation, notes, source_document, source_section"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def export(source, to, out):
    result = run("export", source, "--to", to, "--out", out)
    assert result.exit_code == 0, result.stderr
    return Path(out)


def columns(sheet):
    return {cell.value: cell.column for cell in sheet[1]}


def row_of(sheet, record_id):
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == record_id)


def set_value(sheet, record_id, column, value):
    sheet.cell(row_of(sheet, record_id), columns(sheet)[column], value)


@pytest.fixture
def edited_book(tmp_path):
    """Leeds as an officer's workbook: every edit keeps the facts, only their form changes."""
    path = export(SEED / "leeds", "xlsx", tmp_path / "leeds.xlsx")
    book = load_workbook(path)
    book["memberships"].title = "renaming"  # openpyxl would make it "Memberships1"
    book["renaming"].title = "Memberships"
    for cell in book["bodies"][1]:  # 'on_behalf_of' becomes 'On Behalf Of'
        cell.value = cell.value.replace("_", " ").title()
    people = book["people"]
    comments = people.max_column + 1
    people.cell(1, comments, "Comments")
    people.cell(2, comments, "check his employer")
    set_value(people, "mike-love", "name", "  Mike   Love ")
    set_value(book["organisations"], "leeds-city-council", "name", "Leeds City\u00a0Council\t")
    documents = book["documents"]
    set_value(documents, "scrutiny-spb-2013", "date", "14/03/2013")   # typed the UK way
    set_value(documents, "cluster-representation-2013", "date", dt.datetime(2013, 6, 4))
    notes = book.create_sheet("Notes")
    notes["A1"] = "Ask Democratic Services for the 2014 terms of reference"
    book.save(path)
    return path


def notices_of(path):
    return [f"{path}[Notes]: not a table graphmodel knows, so it was not read; the tables "
            f"are {TABLES} (warning)",
            f"{path}[people]:1: Comments: not a column of people, so it was not read; "
            f"the columns are {PEOPLE_COLUMNS} (warning)"]


def test_an_edited_workbook_reads_back_with_every_record_and_says_what_it_did_not_read(
        edited_book, tmp_path):
    result = run("export", edited_book, "--to", "csv", "--out", tmp_path / "back")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == notices_of(edited_book) + [f"wrote {tmp_path / 'back'}"]
    original = export(SEED / "leeds", "csv", tmp_path / "original")
    for file in sorted(original.iterdir()):
        assert (tmp_path / "back" / file.name).read_text(encoding="utf-8") == \
            file.read_text(encoding="utf-8"), file.name


def test_validate_lists_the_unread_parts_as_warnings(edited_book):
    result = run("validate", edited_book)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == notices_of(edited_book)
    # the dataset's row and Leeds's 118 records, from its 17 tables (not from the Notes)
    assert result.stderr == (f"read 119 records in 17 tables from {edited_book}: 0 errors, "
                             "2 warnings\n")


@pytest.mark.parametrize("command, options", [
    (["summary"], []), (["list", "bodies"], []), (["gaps"], []), (["chains"], []),
    (["overlaps"], []), (["resources"], []), (["check"], []),
    (["diff"], ["--from", "2012-06-01", "--to", "2013-06-01"]),
])
def test_every_command_prints_what_it_did_not_read(edited_book, command, options):
    result = run(*command, edited_book, *options)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[:2] == notices_of(edited_book)
    assert "not read" not in result.stdout


def test_the_library_returns_what_was_not_read_beside_the_network(edited_book):
    network, notices = open_source_noting(edited_book)
    assert [str(n) for n in notices] == notices_of(edited_book)
    assert len(network.memberships) == 18
    assert network.people["mike-love"].name == "Mike Love"
    with pytest.raises(PruneRefused) as refused:
        refuse_to_prune(edited_book, notices)
    assert refused.value.notices == notices and refused.value.exit_code == 2


def test_the_summary_of_the_edited_workbook_counts_every_membership(edited_book):
    original = run("summary", SEED / "leeds", "--format", "json")
    edited = run("summary", edited_book, "--format", "json")
    assert edited.stdout == original.stdout
    assert json.loads(edited.stdout)["counts"]["memberships"] == 18


def test_a_sheet_named_close_to_a_table_is_an_error(tmp_path):
    path = export(SEED / "leeds", "xlsx", tmp_path / "leeds.xlsx")
    book = load_workbook(path)
    book["memberships"].title = "Membership"
    book.save(path)
    result = run("summary", path)
    assert result.exit_code == 3  # invalid data
    assert result.stderr.splitlines()[0] == (
        f"{path}[Membership]: not a table graphmodel knows (did you mean 'memberships'?): "
        "rename the sheet to 'memberships' to have it read, or to a name unlike any table's "
        "to leave it out")


def test_two_sheets_holding_one_table_are_an_error(tmp_path):
    path = export(SEED / "leeds", "xlsx", tmp_path / "leeds.xlsx")
    book = load_workbook(path)
    book.copy_worksheet(book["people"]).title = "People "
    book.save(path)
    result = run("validate", path)
    assert result.exit_code == 3  # invalid data
    assert result.stdout.splitlines() == [
        f"{path}[People ]: holds the people table, as does sheet 'people'; keep one of them"]


def test_a_formula_with_no_saved_value_names_its_cell(tmp_path):
    path = export(SEED / "leeds", "xlsx", tmp_path / "leeds.xlsx")
    book = load_workbook(path)
    sheet = book["memberships"]
    row, end = row_of(sheet, "ssc-board-love"), columns(sheet)["end"]
    sheet.cell(row, end, "=TODAY()")  # openpyxl saves a formula without its value
    sheet.cell(row, columns(sheet)["body"], "ssc-partnership-bord")
    book.save(path)
    result = run("validate", path)
    assert result.exit_code == 3  # invalid data
    assert sorted(result.stdout.splitlines()) == [
        f"{path}[memberships]:{row}: body: unknown body 'ssc-partnership-bord' "
        "(did you mean 'ssc-partnership-board'?)",
        f"{path}[memberships]:{row}: end: cell I{row} holds the formula =TODAY() but no saved "
        "value; open the workbook in Excel or LibreOffice and save it, or type the value"]


def with_saved_value(path, formula, value):
    """Save a formula's value into the workbook, as Excel does (openpyxl cannot)."""
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    for name, data in parts.items():
        if name.startswith("xl/worksheets/"):
            parts[name] = re.sub(rb'(<c r="[A-Z]+\d+")(><f>' + re.escape(formula) + rb"</f>)(?:<v ?/>|<v></v>)",
                                 rb'\1 t="str"\2<v>' + value + b"</v>", data)
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)


def test_a_formula_is_read_by_its_saved_value(tmp_path):
    path = export(SEED / "leeds", "xlsx", tmp_path / "leeds.xlsx")
    book = load_workbook(path)
    set_value(book["people"], "mike-love", "name", '="Mike "&"Love"')
    book.create_sheet("Totals")["A1"] = "=COUNTA(people!A:A)"  # a formula in a sheet not read
    book.save(path)
    with_saved_value(path, b'"Mike "&amp;"Love"', b"Mike Love")
    result = run("export", path, "--to", "csv", "--out", tmp_path / "back")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "back" / "people.csv").read_text(encoding="utf-8") == \
        (SEED / "leeds" / "people.csv").read_text(encoding="utf-8")


def test_values_beyond_the_last_named_column_are_reported_not_read(tmp_path):
    path = export(SEED / "leeds", "xlsx", tmp_path / "leeds.xlsx")
    book = load_workbook(path)
    sheet = book["people"]
    sheet.cell(3, sheet.max_column + 2, "left the council")
    book.save(path)
    result = run("summary", path)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"{path}[people]:3: holds values beyond the last named column, so they were not "
        "read; name the column or move the values (warning)",
        "as of 2014-07-24 (the date the dataset describes)"]


@pytest.fixture
def excel_csv_dir(tmp_path):
    """Leeds saved from Excel as "CSV UTF-8": a byte-order mark on every file, some file
    names capitalised, headers with spaces, a column and a notes file added."""
    folder = export(SEED / "leeds", "csv", tmp_path / "leeds")
    for file in sorted(folder.iterdir()):
        header, *rows = file.read_text(encoding="utf-8").split("\n")
        header = ",".join(f" {name.replace('_', ' ').title()} " for name in header.split(","))
        if file.name == "people.csv":
            header += ",Comments"
            rows = [row + ",to check" if row else row for row in rows]
        target = folder / {"memberships.csv": "Memberships.CSV",
                           "people.csv": "People.csv"}.get(file.name, file.name)
        file.unlink()
        target.write_bytes(b"\xef\xbb\xbf" + "\n".join([header, *rows]).encode("utf-8"))
    (folder / "Notes.csv").write_bytes(b"\xef\xbb\xbfto do\nchase the 2014 minutes\n")
    return folder


def test_csv_files_saved_by_excel_read_back_whole(excel_csv_dir, tmp_path):
    result = run("export", excel_csv_dir, "--to", "csv", "--out", tmp_path / "back")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"{excel_csv_dir / 'Notes.csv'}: not a table graphmodel knows, so it was not read; "
        "the tables are " + ", ".join(t + ".csv" for t in TABLES.split(", ")) + " (warning)",
        f"{excel_csv_dir / 'People.csv'}:1: Comments: not a column of people, so it was not "
        f"read; the columns are {PEOPLE_COLUMNS} (warning)",
        f"wrote {tmp_path / 'back'}"]
    original = SEED / "leeds"
    for file in sorted(original.iterdir()):
        assert (tmp_path / "back" / file.name).read_text(encoding="utf-8") == \
            file.read_text(encoding="utf-8"), file.name


def test_load_prune_refuses_while_something_was_not_read(store, neo4j_uri, edited_book):
    env = {"NEO4J_URI": neo4j_uri}
    result = CliRunner(env=env).invoke(main, ["load", str(edited_book), "--prune"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == notices_of(edited_book) + [
        f"error: {edited_book}: nothing was loaded or pruned, because 2 parts of it were not "
        "read and pruning would delete from Neo4j whatever records they hold; rename the "
        "sheets, files or columns to the names of tables and columns (or remove them), or "
        "load without --prune"]
    assert store.driver.execute_query("MATCH (n) RETURN count(n)", database_=store.database
                                      ).records[0][0] == 0
    dry_run = CliRunner(env=env).invoke(main, ["load", str(edited_book), "--prune", "--dry-run"])
    assert dry_run.exit_code == 0, dry_run.stderr  # it deletes nothing, so it may show the way
    assert dry_run.stderr.splitlines()[:2] == notices_of(edited_book)
    loaded = CliRunner(env=env).invoke(main, ["load", str(edited_book), "--format", "json"])
    assert loaded.exit_code == 0, loaded.stderr
    assert json.loads(loaded.stdout)["changes"]["memberships"]["added"] == 18
