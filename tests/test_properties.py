"""Property-based tests: every reader survives whatever it is fed, every writer round-trips.

1. Malformed dataset directories, workbooks and Popolo files never make ``read_source``
   raise: each run ends in a valid Network (problems are at most warnings) or in None
   with at least one error, and every problem reads ``file:row: field: message``
   (``file: message`` when it has no row, ``file:row: message`` for a whole row).
2. Generated valid networks survive CSV -> xlsx -> Popolo (with graphmodel's extension
   block) unchanged, and a plain Popolo file keeps every field Popolo can carry.
"""
from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import os
import tempfile
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st

from graphmodel.io.popolo import to_popolo
from graphmodel.model import (AREA_KINDS, BODY_KINDS, LEVELS, LINE_KINDS, ORGANISATION_KINDS,
                              PERSON_KINDS, RECOMMENDATIONS, RECORD_TYPES, ROLES, Area,
                              Assessment, Body, Dataset, Document, Membership, Network,
                              NominationRight, Organisation, Person, Post, ReportingLine,
                              Resourcing, ScrutinyLink, Succession, Theme, record_type)
from graphmodel.problems import Problem, errors
from graphmodel.sources import read_source, write_source

# The whole file runs in under a minute; examples per test are set beside each one.
# GRAPHMODEL_PROPERTY_SCALE=20 multiplies them for a longer hunt.
SCALE = int(os.environ.get("GRAPHMODEL_PROPERTY_SCALE", "1"))
FAST = dict(deadline=None, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])


@contextmanager
def scratch() -> Iterator[Path]:
    # hypothesis runs a test body many times; a function-scoped tmp_path would be shared
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(tmp)


# --- the outcome every reader must reach ----------------------------------------------------

def check_problem(p: Any) -> None:
    assert isinstance(p, Problem), p
    assert isinstance(p.file, str) and p.file.strip(), p
    assert isinstance(p.message, str) and p.message.strip(), p
    assert "\n" not in p.message, p
    assert p.level in ("error", "warning"), p
    assert p.row is None or (isinstance(p.row, int) and p.row >= 1) or (
        isinstance(p.row, str) and p.row), p
    if p.row is None:
        assert p.field is None, f"{p}: a field needs a row to be found by"
    text = str(p)
    head = f"{p.file}: " if p.row is None else f"{p.file}:{p.row}: "
    assert text.startswith(head), text
    body = text[len(head):]
    if p.field:  # file:row: field: message
        assert body.startswith(f"{p.field}: "), text
        body = body[len(p.field) + 2:]
    # otherwise file: message, or file:row: message for a whole row
    assert body == p.message + (" (warning)" if p.level == "warning" else ""), text


def check_outcome(result: Any) -> Network | None:
    """A valid Network and no errors, or None and at least one error; never anything else."""
    network, problems = result
    assert isinstance(problems, list)
    for p in problems:
        check_problem(p)
    if network is None:
        assert errors(problems), "no network, and no error says why"
        return None
    assert isinstance(network, Network) and isinstance(network.dataset, Dataset)
    assert not errors(problems), [str(p) for p in errors(problems)]
    home = network.dataset.home_organisation
    assert home is None or home in network.organisations
    # whatever was accepted is a valid dataset: it is written and read back unchanged
    with scratch() as tmp:
        again, more = read_source(write_source(network, tmp / "again", "csv"))
        assert again is not None, [str(p) for p in errors(more)]
        assert_same(again, network)
    return network


def read_ok(path: Path) -> Network:
    network, problems = read_source(path)
    for p in problems:
        check_problem(p)
    assert network is not None, [str(p) for p in errors(problems)]
    assert not errors(problems)
    return network


def assert_same(got: Network, want: Network) -> None:
    assert got.dataset == want.dataset
    for name in want.tables:
        assert got.tables[name] == want.tables[name], name
    assert got == want


# --- a small valid dataset that the malformed inputs start from --------------------------

def base_network() -> Network:
    doc1 = dict(source_document="doc1", source_section="Appendix 1, p. 4")
    return Network(Dataset("base", 'Base "partnerships", 2013', "lcc", "A small, valid dataset"), [
        Document("doc1", "Partnerships register, 2013", "Leeds City Council", "2013-06",
                 "https://example.org/register.pdf"),
        Document("doc2", 'Terms of reference "ToR"', date="2012"),
        Organisation("lcc", "Leeds City Council", "local_authority", **doc1),
        Organisation("nhs", "NHS Leeds", "nhs", notes="a note over\ntwo lines"),
        Organisation("val", "Voluntary Action, Leeds", "third_sector", parent="lcc"),
        Area("leeds", "Leeds", "city"),
        Area("inner-east", "Inner East", "administrative_area", parent="leeds"),
        Theme("safety", "Community safety"),
        Theme("health", "Health & wellbeing"),
        Body("hwb", "Health and Wellbeing Board", "strategic_partnership_board",
             organisation="lcc", areas=("leeds",), themes=("health", "safety"),
             declared_size=12, declared_composition="partner=8; elected_member=4",
             established="2013-04", terms_of_reference=True, **doc1),
        Body("scb", "Scrutiny Board (Health)", "scrutiny_board", organisation="lcc",
             established="2010-05-01", dissolved="2020"),
        Body("sub", "Older people's partnership", "partnership", areas=("inner-east",),
             review_date="2014-03-31", notes='meets quarterly, "rotating" chair'),
        Body("old", "Old board", "partnership_board", dissolved="2012-12"),
        Person("p1", "Cllr Ann O'Brien", "elected_member", organisation="lcc"),
        Person("p2", "Dr محمد", "partner_representative", organisation="nhs",
               source_document="doc2"),
        Post("dir", "Director of Public Health", organisation="lcc", holder="p2"),
        Membership("m1", "hwb", person="p1", role="chair", on_behalf_of="lcc",
                   start="2013-04-01", end="2015", **doc1),
        Membership("m2", "hwb", person="p2", post="dir", role="vice_chair",
                   on_behalf_of="nhs", nominated_by="scb", start="2013"),
        Membership("m3", "sub", post="dir"),
        ReportingLine("rl1", "sub", "hwb", start="2013-05"),
        ReportingLine("rl2", "hwb", "old", kind="informal", end="2012-12"),
        ScrutinyLink("sl1", "scb", "hwb", start="2013"),
        NominationRight("nr1", "scb", "hwb", seats="elected member representatives"),
        Succession("s1", "old", "hwb", date="2013-04-01"),
        Resourcing("r1", "lcc", "hwb", officer_hours_per_month=12.5, money_per_year=530000.0,
                   lead_post="dir", estimate=True, start="2013"),
        Assessment("a1", "lcc", "hwb", value="high", risk="low", recommendation="maintain",
                   date="2014-01"),
    ])


BASE = base_network()
ALL_TYPES = (record_type("dataset"),) + RECORD_TYPES


def _base_files() -> dict[str, bytes]:
    with scratch() as tmp:
        root = write_source(BASE, tmp / "base", "csv")
        return {p.name: p.read_bytes() for p in sorted(root.iterdir())}


def _base_bytes(to: str, name: str) -> bytes:
    with scratch() as tmp:
        return write_source(BASE, tmp / name, to).read_bytes()


BASE_CSV = _base_files()
BASE_TABLES = {name: list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
               for name, data in BASE_CSV.items()}
BASE_XLSX = _base_bytes("xlsx", "base.xlsx")
BASE_POPOLO = json.loads(_base_bytes("popolo", "base.json"))
BASE_PLAIN = {k: v for k, v in BASE_POPOLO.items() if k != "graphmodel"}


def test_the_base_dataset_is_valid_in_every_format():
    with scratch() as tmp:
        for to, name in (("csv", "d"), ("xlsx", "d.xlsx"), ("popolo", "d.json")):
            network, problems = read_source(write_source(BASE, tmp / name, to))
            assert problems == [] and network == BASE, to


def serialise(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def read_files(files: dict[str, bytes]) -> tuple[Network | None, list[Problem]]:
    with scratch() as tmp:
        root = tmp / "dataset"
        root.mkdir()
        for name, data in files.items():
            (root / name).write_bytes(data)
        return read_source(root)


# --- malformed cell values --------------------------------------------------------------

HOSTILE_TEXT = [
    "'}) DETACH DELETE n //", 'say "hello"', "O'Brien", "`backticks`", "a, b, c",
    "line one\nline two", "  padded name  ", "\ttabbed", "שלום עולם", "مجلس المدينة",
    "\u202eRTL override", "👩‍👩‍👧‍👦 family", "🏛️", "=SUM(A1:A2)", "+44 113", "-", "_x000D_",
    "yes", "1e5", "0012", "null", "None", "Robert'); DROP TABLE bodies;--",
    "<b>bold</b> & more", "back\\slash", "trailing newline\n", "\nleading newline",
]
BAD_DATES = ["2013-02-30", "2013/02/30", "31/02/2013", "13.03.13", "1/6/24", "Smarch 2013", "2013-13", "2013-00", "0999", "20130305",
             "2013-02-29", "yesterday", "2013-06-04T25", "99999", "41729", "1 May 19", "2013-06-4-1"]
BAD_ENUMS = ["unknown_kind", "chairpersons", "Local Authority Council", "x", "??"]
BAD_NUMBERS = ["-1", "abc", "1.5.2", "inf", "nan", "NaN", "-inf", "1e999", "0x10", "£-3"]
BAD_INTS = ["-1", "abc", "1.5", "-0.5", "1e3", "0x10", "1" * 5000, "-" + "9" * 400]
BAD_BOOLS = ["maybe", "2", "oui", "-"]
BAD_COMPOSITIONS = ["partner=eleven", "=", ";;", "partner", "Partner=1=2",
                    "partner=" + "9" * 5000]
ODD_CELLS = (HOSTILE_TEXT + BAD_DATES + BAD_ENUMS + BAD_NUMBERS + BAD_INTS + BAD_BOOLS
             + BAD_COMPOSITIONS + ["", " ", "9" * 400, "1,2,3", "２０１３", "Committee", "VICE CHAIR", "Yes", "£1,000", "12.0", "2013",
                "no-such-id", "hwb; nowhere", "lcc", "hwb", "p1", "dir", "m1"])
# csv.writer cannot write a NUL; the byte mutations below put NULs in files instead
CELL_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                    max_size=30)
CELLS = st.one_of(st.sampled_from(ODD_CELLS), CELL_TEXT)


# --- 1. malformed dataset directories -----------------------------------------------------

BOMS = [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\xef\xbb\xbf" * 2]


def mutate_tables(data: st.DataObject, tables: dict[str, list[list[str]]]) -> None:
    """Change the rows of the tables: headers, cells, ids, rows."""
    name = data.draw(st.sampled_from(sorted(tables)), label="table")
    rows = tables[name]
    if not rows:
        return
    header = rows[0]
    op = data.draw(st.sampled_from([
        "cell", "cell", "cell", "duplicate_row", "drop_column", "drop_header_cell",
        "rename_column", "duplicate_column", "swap_columns", "add_row", "delete_row",
        "blank_row", "short_row", "long_row", "header_only"]), label="table op")
    width = len(header)
    if op == "cell" and len(rows) > 1:
        r = data.draw(st.integers(1, len(rows) - 1))
        c = data.draw(st.integers(0, len(rows[r]) - 1)) if rows[r] else None
        if c is not None:
            rows[r][c] = data.draw(CELLS, label="cell")
    elif op == "duplicate_row" and len(rows) > 1:
        rows.append(list(rows[data.draw(st.integers(1, len(rows) - 1))]))
    elif op in ("drop_column", "drop_header_cell") and width:
        c = data.draw(st.integers(0, width - 1))
        for row in (rows if op == "drop_column" else rows[:1]):
            if c < len(row):
                del row[c]
    elif op == "rename_column" and width:
        header[data.draw(st.integers(0, width - 1))] = data.draw(
            st.one_of(st.sampled_from(["ID", " id ", "Name", "nmae", "kind ", "", "id;name"]),
                      CELL_TEXT), label="new column name")
    elif op == "duplicate_column" and width:
        c = data.draw(st.integers(0, width - 1))
        for row in rows:
            if c < len(row):
                row.append(row[c])
    elif op == "swap_columns" and width > 1:
        a, b = data.draw(st.lists(st.integers(0, width - 1), min_size=2, max_size=2, unique=True))
        header[a], header[b] = header[b], header[a]
    elif op == "add_row":
        rows.append(data.draw(st.lists(CELLS, max_size=width + 2), label="new row"))
    elif op == "delete_row" and len(rows) > 1:
        del rows[data.draw(st.integers(1, len(rows) - 1))]
    elif op == "blank_row":
        rows.insert(data.draw(st.integers(1, len(rows))), [""] * data.draw(st.integers(0, 3)))
    elif op in ("short_row", "long_row") and len(rows) > 1:
        r = data.draw(st.integers(1, len(rows) - 1))
        if op == "short_row":
            rows[r] = rows[r][:-1]
        else:
            rows[r] = rows[r] + [data.draw(CELLS)]
    elif op == "header_only":
        del rows[1:]


def mutate_bytes(data: st.DataObject, files: dict[str, bytes]) -> None:
    """Damage the files themselves: encodings, BOMs, NULs, truncation, missing files."""
    op = data.draw(st.sampled_from([
        "append", "insert", "truncate", "bom", "latin-1", "utf-16", "utf-16-le", "nul",
        "empty", "whitespace", "delete", "extra_file", "random_file", "crlf", "cr",
        "open_quote"]), label="byte op")
    if op == "extra_file":
        files[data.draw(st.sampled_from(["bodys.csv", "notes.csv", "Bodies.csv"]))] = data.draw(
            st.binary(max_size=40))
        return
    if not files:
        return
    name = data.draw(st.sampled_from(sorted(files)), label="file")
    raw = files[name]
    at = data.draw(st.integers(0, len(raw)), label="offset")
    if op == "append":
        files[name] = raw + data.draw(st.binary(min_size=1, max_size=20))
    elif op == "insert":
        files[name] = raw[:at] + data.draw(st.binary(min_size=1, max_size=20)) + raw[at:]
    elif op == "truncate":
        files[name] = raw[:at]
    elif op == "bom":
        files[name] = data.draw(st.sampled_from(BOMS)) + raw
    elif op == "latin-1":
        files[name] = (raw.decode("utf-8", "replace") + "café, Zoë").encode("latin-1", "replace")
    elif op in ("utf-16", "utf-16-le"):
        files[name] = raw.decode("utf-8", "replace").encode(op)
    elif op == "nul":
        files[name] = raw[:at] + b"\x00" + raw[at:]
    elif op == "empty":
        files[name] = b""
    elif op == "whitespace":
        files[name] = b" \n\t\r\n"
    elif op == "delete":
        del files[name]
    elif op == "random_file":
        files[name] = data.draw(st.binary(max_size=60))
    elif op == "crlf":
        files[name] = raw.replace(b"\n", b"\r\n")
    elif op == "cr":
        files[name] = raw.replace(b"\n", b"\r")
    elif op == "open_quote":
        files[name] = raw[:at] + b'"' + raw[at:]


@settings(max_examples=200 * SCALE, **FAST)
@given(st.data())
def test_malformed_dataset_directories_end_in_a_network_or_errors(data):
    tables = copy.deepcopy(BASE_TABLES)
    for _ in range(data.draw(st.integers(0, 4), label="table mutations")):
        mutate_tables(data, tables)
    files = {name: serialise(rows) for name, rows in tables.items()}
    for _ in range(data.draw(st.integers(0, 3), label="byte mutations")):
        mutate_bytes(data, files)
    check_outcome(read_files(files))


@settings(max_examples=40 * SCALE, **FAST)
@given(st.data())
def test_a_directory_without_dataset_csv_is_an_error_not_an_exception(data):
    files = dict(BASE_CSV)
    del files["dataset.csv"]
    for name in data.draw(st.lists(st.sampled_from(sorted(files)), unique=True)):
        del files[name]
    network, problems = read_files(files)
    check_outcome((network, problems))
    assert network is None
    assert "no dataset table: add dataset.csv with columns id, name, home_organisation, " \
           "description, as_of" in [p.message for p in errors(problems)]


def _bad_value(data: st.DataObject, table: str, column: str, rows: list[list[str]],
               r: int) -> str | None:
    """A value the column cannot hold, or None when any value will do."""
    f = next(f for f in record_type(table).fields if f.name == column)
    meta = f.metadata
    if column == "id" and table != "dataset" and r >= 2 and data.draw(st.booleans()):
        return rows[r - 1][0]  # the id of the row above: a duplicate
    if meta["required"] and f.default is None and data.draw(st.booleans()):
        return data.draw(st.sampled_from(["", " ", "\t"]))
    if meta["enum"]:
        return data.draw(st.sampled_from(BAD_ENUMS + BAD_DATES))
    if meta["ref"]:
        bad = data.draw(st.sampled_from(["no-such-id", "Hwb", "lcc ;x", "p 1", "🏛️"]))
        return bad if meta["kind"] != "list" else f"{rows[r][rows[0].index(column)]}; {bad}"
    choices = {"date": BAD_DATES, "int": BAD_INTS, "number": BAD_NUMBERS, "bool": BAD_BOOLS,
               "composition": BAD_COMPOSITIONS}.get(meta["kind"])
    if choices:
        return data.draw(st.sampled_from(choices))
    if meta["required"] and f.default is None:
        return ""
    return None


@settings(max_examples=120 * SCALE, **FAST)
@given(st.data())
def test_a_bad_cell_is_reported_at_its_file_line_and_column(data):
    tables = copy.deepcopy(BASE_TABLES)
    name = data.draw(st.sampled_from([n for n, rows in sorted(tables.items()) if len(rows) > 1]))
    table = name[:-4]
    rows = tables[name]
    r = data.draw(st.integers(1, len(rows) - 1), label="row")
    column = data.draw(st.sampled_from(rows[0]), label="column")
    bad = _bad_value(data, table, column, rows, r)
    assume(bad is not None)
    rows[r][rows[0].index(column)] = bad
    # the line a row starts on: values with newlines make a row longer than one line
    line = 1 + sum(serialise([row]).count(b"\n") for row in rows[:r])
    files = dict(BASE_CSV, **{name: serialise(rows)})
    network, problems = read_files(files)
    check_outcome((network, problems))
    assert network is None
    assert any(p.file.endswith(name) and p.row == line and p.field == column
               for p in errors(problems)), [str(p) for p in problems]


@settings(max_examples=40 * SCALE, **FAST)
@given(st.data())
def test_blank_rows_are_passed_over(data):
    tables = copy.deepcopy(BASE_TABLES)
    for _ in range(data.draw(st.integers(1, 5))):
        rows = tables[data.draw(st.sampled_from(sorted(tables)))]
        width = data.draw(st.sampled_from([0, 1, len(rows[0]), len(rows[0]) + 1]))
        rows.insert(data.draw(st.integers(1, len(rows))), [""] * width)
    network, problems = read_files({name: serialise(rows) for name, rows in tables.items()})
    assert problems == [] and network == BASE, [str(p) for p in problems]


# --- 2. malformed workbooks -------------------------------------------------------------

_XML_ILLEGAL = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r") + "\ufffe\uffff"
XLSX_TEXT = st.text(st.characters(blacklist_categories=("Cs",),
                                  blacklist_characters=_XML_ILLEGAL), max_size=30)
XLSX_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10**20, 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(9999, 1, 1)),
    st.dates(min_value=dt.date(1900, 3, 1)), st.times(), XLSX_TEXT,
    st.sampled_from([c for c in ODD_CELLS if not any(ch in _XML_ILLEGAL for ch in c)]
                    + ["=1/0", "=A1", "#N/A"]))


def mutate_book(data: st.DataObject, raw: bytes) -> bytes:
    """Change a workbook as a spreadsheet: cells, sheets, blank rows."""
    from openpyxl import load_workbook
    from openpyxl.styles import Font

    book = load_workbook(io.BytesIO(raw))
    for _ in range(data.draw(st.integers(1, 4), label="sheet mutations")):
        op = data.draw(st.sampled_from([
            "cell", "cell", "cell", "delete_sheet", "rename_sheet", "extra_sheet",
            "empty_sheet", "chartsheet", "blank_rows", "delete_rows", "move"]), label="sheet op")
        sheets = [s for s in book.sheetnames if hasattr(book[s], "iter_rows")]
        if not sheets:
            break
        ws = book[data.draw(st.sampled_from(sheets), label="sheet")]
        if op == "cell":
            ws.cell(data.draw(st.integers(1, ws.max_row + 2)),
                    data.draw(st.integers(1, ws.max_column + 2))).value = data.draw(
                XLSX_VALUES, label="value")
        elif op == "delete_sheet" and len(book.sheetnames) > 1:
            book.remove(ws)
        elif op == "rename_sheet":
            ws.title = data.draw(st.sampled_from(["Bodies", "bodies ", "body", "Sheet1",
                                                  "people2", "dataset (2)"]))
        elif op == "extra_sheet":
            extra = book.create_sheet(data.draw(st.sampled_from(["Notes", "bodys", "Sheet"])))
            for _ in range(data.draw(st.integers(0, 3))):
                extra.append(data.draw(st.lists(XLSX_VALUES, max_size=4)))
        elif op in ("empty_sheet", "chartsheet"):
            title = ws.title
            book.remove(ws)
            if op == "empty_sheet":
                book.create_sheet(title)
            else:
                book.create_chartsheet(title)
        elif op == "blank_rows":
            at = data.draw(st.integers(1, ws.max_row + 1))
            ws.insert_rows(at, data.draw(st.integers(1, 3)))
            ws.cell(at, 1).font = Font(italic=True)  # a styled cell: the row is kept, empty
        elif op == "delete_rows":
            ws.delete_rows(data.draw(st.integers(1, ws.max_row)), data.draw(st.integers(1, 3)))
        elif op == "move":
            ws.move_range("A1:C3", rows=data.draw(st.integers(0, 3)),
                          cols=data.draw(st.integers(0, 3)))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def offset(data: st.DataObject, length: int) -> int:
    # a fraction, not a byte count: openpyxl stamps the time into the file, so its length
    # varies between runs, and hypothesis needs the same draws to replay an example
    return length * data.draw(st.integers(0, 10**6), label="offset") // 10**6


def damage_zip(data: st.DataObject, raw: bytes) -> bytes:
    """Damage the .xlsx file as bytes, or one XML part inside its zip."""
    op = data.draw(st.sampled_from(["truncate", "insert", "flip", "random", "empty",
                                    "part_truncate", "part_insert", "part_random",
                                    "part_drop"]), label="zip op")
    at = min(offset(data, len(raw)), len(raw) - 1)
    if op == "truncate":
        return raw[:at]
    if op == "insert":
        return raw[:at] + data.draw(st.binary(min_size=1, max_size=30)) + raw[at:]
    if op == "flip":
        return raw[:at] + bytes([raw[at] ^ data.draw(st.integers(1, 255))]) + raw[at + 1:]
    if op == "random":
        return data.draw(st.binary(max_size=200))
    if op == "empty":
        return b""
    source = zipfile.ZipFile(io.BytesIO(raw))
    names = source.namelist()
    part = data.draw(st.sampled_from(names), label="part")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            content = source.read(name)
            if name == part:
                cut = offset(data, len(content))
                if op == "part_drop":
                    continue
                if op == "part_truncate":
                    content = content[:cut]
                elif op == "part_insert":
                    content = (content[:cut] + data.draw(st.sampled_from(
                        [b"<", b"&", b"\xff\xfe", b"\x00", b"]]>", b"<c r='A1' t='s'><v>99999</v></c>",
                         b"<row r='0'/>", b"\xef\xbf\xbf"])) + content[cut:])
                else:
                    content = data.draw(st.binary(max_size=100))
            target.writestr(name, content)
    return out.getvalue()


@settings(max_examples=50 * SCALE, **FAST)
@given(st.data())
def test_malformed_workbooks_end_in_a_network_or_errors(data):
    raw = BASE_XLSX
    if data.draw(st.booleans(), label="edit as spreadsheet"):
        raw = mutate_book(data, raw)
    if data.draw(st.booleans(), label="damage bytes"):
        raw = damage_zip(data, raw)
    with scratch() as tmp:
        (tmp / "book.xlsx").write_bytes(raw)
        check_outcome(read_source(tmp / "book.xlsx"))


@settings(max_examples=8 * SCALE, **FAST)
@given(st.data())
def test_blank_workbook_rows_are_passed_over(data):
    from openpyxl import load_workbook
    from openpyxl.styles import Font

    book = load_workbook(io.BytesIO(BASE_XLSX))
    for _ in range(data.draw(st.integers(1, 4))):
        ws = book[data.draw(st.sampled_from(book.sheetnames))]
        at = data.draw(st.integers(2, ws.max_row + 2))
        ws.insert_rows(at)
        ws.cell(at, data.draw(st.integers(1, 3))).font = Font(italic=True)
    with scratch() as tmp:
        book.save(tmp / "book.xlsx")
        network, problems = read_source(tmp / "book.xlsx")
    assert problems == [] and network == BASE, [str(p) for p in problems]


# --- 3. malformed Popolo JSON -------------------------------------------------------------

POPOLO_KEYS = ["persons", "organizations", "memberships", "posts", "graphmodel", "dataset",
               "id", "name", "label", "classification", "parent_id", "founding_date",
               "dissolution_date", "person_id", "organization_id", "post_id", "role",
               "on_behalf_of_id", "start_date", "end_date", "sources", "url", "note",
               "home_organisation", "kind", "body", "start"] + [rt.name for rt in RECORD_TYPES]
JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20), st.sampled_from(ODD_CELLS + ["Chair", "lcc", "hwb", "p1", "dir"]))
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(POPOLO_KEYS), st.text(max_size=8)),
                        inner, max_size=5)),
    max_leaves=25)


def read_json_text(text: str | bytes, name: str = "doc.json") -> tuple[Network | None, list]:
    with scratch() as tmp:
        path = tmp / name
        path.write_bytes(text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text)
        return read_source(path)


@settings(max_examples=200 * SCALE, **FAST)
@given(JSON_VALUES)
def test_arbitrary_json_ends_in_a_network_or_errors(value):
    check_outcome(read_json_text(json.dumps(value)))


def _paths(obj: Any, at: tuple = ()) -> Iterator[tuple]:
    yield at
    if isinstance(obj, dict):
        for key, value in obj.items():
            yield from _paths(value, at + (key,))
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from _paths(value, at + (i,))


WRONG_TYPES = st.one_of(
    JSON_VALUES,
    st.sampled_from([[], {}, [{}], [[]], 0, 12, 1.5, True, None, "", {"name": "x"},
                     [{"url": {"a": 1}}], {"id": 5}, ["lcc"], "Chair", "VICE CHAIR",
                     "Vice-Chairman", "2013-02-30", "13/03/2013"])).map(copy.deepcopy)
# (a copy: a mutation must never change the strategy's own lists and objects)


def mutate_document(data: st.DataObject, doc: dict) -> None:
    """Replace, drop or retype one value somewhere in a Popolo document."""
    paths = [p for p in _paths(doc) if p]
    path = data.draw(st.sampled_from(paths), label="path")
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    key = path[-1]
    op = data.draw(st.sampled_from(["replace", "replace", "drop", "wrap", "number", "nest"]))
    if op == "replace":
        parent[key] = data.draw(WRONG_TYPES, label="new value")
    elif op == "drop":
        del parent[key]
    elif op == "wrap":
        parent[key] = [parent[key]]
    elif op == "number":
        parent[key] = data.draw(st.one_of(st.integers(), st.floats()))
    else:
        parent[key] = {"value": parent[key], "name": parent[key]}


@settings(max_examples=200 * SCALE, **FAST)
@given(st.data())
def test_popolo_documents_with_wrong_types_and_missing_keys(data):
    doc = copy.deepcopy(data.draw(st.sampled_from([BASE_POPOLO, BASE_PLAIN]), label="start"))
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        mutate_document(data, doc)
    note(json.dumps(doc, ensure_ascii=False)[:2000])
    check_outcome(read_json_text(json.dumps(doc)))


@settings(max_examples=100 * SCALE, **FAST)
@given(st.data())
def test_truncated_or_undecodable_popolo_text(data):
    text = json.dumps(data.draw(st.sampled_from([BASE_POPOLO, BASE_PLAIN])),
                      ensure_ascii=False).encode("utf-8")
    at = data.draw(st.integers(0, len(text)), label="offset")
    op = data.draw(st.sampled_from(["truncate", "insert", "latin-1", "utf-16", "bom",
                                    "deep", "huge_number"]))
    if op == "truncate":
        text = text[:at]
    elif op == "insert":
        text = text[:at] + data.draw(st.binary(min_size=1, max_size=8)) + text[at:]
    elif op == "latin-1":
        text = text.decode("utf-8").replace("Leeds", "Léeds").encode("latin-1", "replace")
    elif op == "utf-16":
        text = text.decode("utf-8").encode("utf-16")
    elif op == "bom":
        text = b"\xef\xbb\xbf" + text
    elif op == "deep":
        text = b"[" * data.draw(st.integers(900, 200_000)) + text
    else:  # more digits than Python turns into an int
        text = text.replace(b'"id": ', b'"id": ' + b"9" * data.draw(st.integers(4000, 6000)), 1)
    check_outcome(read_json_text(text))


@settings(max_examples=60 * SCALE, **FAST)
@given(st.data())
def test_a_nul_in_popolo_text_never_reaches_a_network(data):
    # JSON can say "\u0000"; a network holding it would export to a CSV file that no
    # reader accepts, so the Popolo reader refuses it as the CSV reader does
    doc = copy.deepcopy(data.draw(st.sampled_from([BASE_POPOLO, BASE_PLAIN]), label="start"))
    paths = [p for p in _paths(doc) if p and isinstance(_get(doc, p), str)]
    path = data.draw(st.sampled_from(paths), label="path")
    text = _get(doc, path)
    at = data.draw(st.integers(0, len(text)))
    _get(doc, path[:-1])[path[-1]] = text[:at] + "\x00" + text[at:]
    network = check_outcome(read_json_text(json.dumps(doc)))
    if network is not None:
        values = [network.dataset] + list(network.records())
        assert not any("\x00" in str(v) for r in values for v in vars_of(r)), path


def _get(doc: Any, path: tuple) -> Any:
    for key in path:
        doc = doc[key]
    return doc


def vars_of(record: Any) -> list[Any]:
    return [getattr(record, f) for f in record.__dataclass_fields__]


def spell(data: st.DataObject, role: str) -> str:
    """The role as an untidy file might write it: any case, spaces or hyphens, -man."""
    words = role.split("_")
    if role in ("chair", "vice_chair") and data.draw(st.booleans()):
        words[-1] = "chairman"
    if role == "vice_chair" and data.draw(st.booleans()):
        words = ["vicechair"]
    sep = data.draw(st.sampled_from([" ", "-", "_", "  ", " - "]))
    text = sep.join(words)
    text = "".join(ch.upper() if data.draw(st.booleans()) else ch for ch in text)
    return data.draw(st.sampled_from(["", " ", "\t"])) + text + data.draw(
        st.sampled_from(["", " "]))


# --- 4. round trips of generated valid networks ------------------------------------------

# .xlsx is XML 1.0: it cannot store C0 control characters other than \t and \n (the writer
# refuses them), XML parsing turns \r into \n, and U+FFFE/U+FFFF are not XML characters.
XLSX_UNSTORABLE = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n") + "\ufffe\uffff"
# A CSV file holding a NUL is refused as not text (and Popolo refuses a NUL to match).
CSV_UNSTORABLE = "\x00"
HOSTILE_IDS = ["o'brien", 'id "quoted"', "a,b", "🏛️", "שלום", "'}) DETACH DELETE n //",
               "`x`", "=1+1", "0012", "with space", "line\nbreak", "_x0041_", "ü"]


def texts(unstorable: str) -> st.SearchStrategy[str]:
    # Empty and whitespace-only text reads as a missing value: it cannot round-trip.
    chars = st.characters(blacklist_categories=("Cs",), blacklist_characters=unstorable)
    return st.one_of(st.sampled_from(HOSTILE_TEXT), st.text(chars, min_size=1, max_size=16),
                     st.text(chars, min_size=1, max_size=4).map(lambda s: f"  {s}\n")
                     ).filter(lambda s: s.strip() != "")


def idents(unstorable: str) -> st.SearchStrategy[str]:
    # Ids are trimmed on reading, and ';' separates the ids in a list column (areas, themes).
    chars = st.characters(blacklist_categories=("Cs",), blacklist_characters=unstorable + ";")
    return st.one_of(st.sampled_from(HOSTILE_IDS),
                     st.text(chars, min_size=1, max_size=10)).map(str.strip).filter(bool)


DAYS = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))
PRECISION = st.sampled_from([4, 7, 10])  # YYYY, YYYY-MM, YYYY-MM-DD


@st.composite
def periods(draw) -> tuple[str | None, str | None]:
    """A start and an end, either may be missing; partial dates still run forwards."""
    first, last = sorted([draw(DAYS), draw(DAYS)])
    start = first.isoformat()[:draw(PRECISION)] if draw(st.booleans()) else None
    end = last.isoformat()[:draw(PRECISION)] if draw(st.booleans()) else None
    return start, end


def one_date(draw) -> str | None:
    return draw(DAYS).isoformat()[:draw(PRECISION)] if draw(st.booleans()) else None


COMPOSITIONS = st.lists(st.tuples(st.from_regex(r"[a-z_]{1,12}", fullmatch=True),
                                  st.integers(0, 10**6)), min_size=1, max_size=3).map(
    lambda parts: "; ".join(f"{kind}={n}" for kind, n in parts))
AMOUNTS = st.none() | st.floats(min_value=0, allow_nan=False, allow_infinity=False)
SIZES = {"documents": (0, 2), "organisations": (1, 3), "areas": (0, 2), "themes": (0, 2),
         "bodies": (0, 4), "people": (0, 3), "posts": (0, 2), "memberships": (0, 4),
         "reporting_lines": (0, 3), "scrutiny_links": (0, 2), "nomination_rights": (0, 2),
         "successions": (0, 2), "resourcing": (0, 2), "assessments": (0, 2)}


@st.composite
def networks(draw, unstorable: str = XLSX_UNSTORABLE) -> Network:
    """A valid network: unique ids, references that resolve, dates that run forwards, no
    record linked to itself."""
    text = texts(unstorable)
    # names, titles and other one-line labels are read trimmed, with whitespace collapsed
    label = text.map(lambda s: " ".join(s.split())).filter(bool)

    def opt(strategy):
        return draw(st.none() | strategy)

    def pick(ids):
        return draw(st.sampled_from(ids))

    def ref(ids):
        return opt(st.sampled_from(ids)) if ids else None

    n = {table: draw(st.integers(lo, hi), label=table) for table, (lo, hi) in SIZES.items()}
    if not n["bodies"]:
        for table in ("memberships", "reporting_lines", "scrutiny_links", "nomination_rights",
                      "successions", "resourcing", "assessments"):
            n[table] = 0
    if n["bodies"] < 2:
        n["reporting_lines"] = n["scrutiny_links"] = n["successions"] = 0
        n["nomination_rights"] = 0
    if not (n["people"] or n["posts"]):
        n["memberships"] = 0
    # Ids are unique across all tables: Popolo keeps organisations and bodies in one list
    # of organizations, so an organisation and a body sharing an id would be one record.
    pool = iter(draw(st.lists(idents(unstorable), min_size=sum(n.values()),
                              max_size=sum(n.values()), unique=True), label="ids"))
    ids = {table: [next(pool) for _ in range(count)] for table, count in n.items()}
    docs, orgs, areas, themes, bodies, people, posts = (ids[t] for t in (
        "documents", "organisations", "areas", "themes", "bodies", "people", "posts"))

    def prov():
        return {"source_document": ref(docs), "source_section": opt(label)}

    def two_bodies():
        return draw(st.lists(st.sampled_from(bodies), min_size=2, max_size=2, unique=True))

    records: list[Any] = []
    for i in docs:
        records.append(Document(i, draw(label), opt(label), one_date(draw), opt(text)))
    for i in orgs:
        records.append(Organisation(i, draw(label), pick(ORGANISATION_KINDS),
                                    ref([o for o in orgs if o != i]), opt(text),
                                    **prov()))
    for i in areas:
        records.append(Area(i, draw(label), pick(AREA_KINDS), ref([a for a in areas if a != i]),
                            **prov()))
    for i in themes:
        records.append(Theme(i, draw(label), **prov()))
    for i in bodies:
        established, dissolved = draw(periods())
        records.append(Body(
            i, draw(label), pick(BODY_KINDS), opt(label), ref(orgs),
            tuple(draw(st.lists(st.sampled_from(areas), max_size=3))) if areas else (),
            tuple(draw(st.lists(st.sampled_from(themes), max_size=3))) if themes else (),
            opt(st.integers(0, 2**64) | st.integers(10**300, 10**310)), opt(COMPOSITIONS), established, dissolved,
            opt(st.booleans()), one_date(draw), opt(text), **prov(),
            membership_complete=opt(st.booleans()),
            no_seat_for=tuple(draw(st.lists(st.sampled_from(orgs), max_size=2, unique=True)))
            if orgs else ()))
    for i in people:
        records.append(Person(i, draw(label), pick(PERSON_KINDS), ref(orgs), opt(text), **prov()))
    for i in posts:
        records.append(Post(i, draw(label), ref(orgs), ref(people), opt(text), **prov()))
    for i in ids["memberships"]:
        holders = (["person"] if people else []) + (["post"] if posts else []) + (
            ["both"] if people and posts else [])
        holder = pick(holders)
        start, end = draw(periods())
        records.append(Membership(
            i, pick(bodies), pick(people) if holder in ("person", "both") else None,
            pick(posts) if holder in ("post", "both") else None, pick(ROLES), ref(orgs),
            ref(bodies), start, end, opt(text), **prov()))
    for i in ids["reporting_lines"]:
        body, reports_to = two_bodies()
        records.append(ReportingLine(i, body, reports_to, pick(LINE_KINDS), *draw(periods()),
                                     opt(text), **prov()))
    for i in ids["scrutiny_links"]:
        records.append(ScrutinyLink(i, *two_bodies(), *draw(periods()), opt(text), **prov()))
    for i in ids["nomination_rights"]:
        records.append(NominationRight(i, *two_bodies(), opt(label),
                                       *draw(periods()), opt(text), **prov()))
    for i in ids["successions"]:
        records.append(Succession(i, *two_bodies(), one_date(draw), opt(text), **prov()))
    for i in ids["resourcing"]:
        records.append(Resourcing(i, pick(orgs), pick(bodies), draw(AMOUNTS), draw(AMOUNTS),
                                  ref(posts), opt(st.booleans()), *draw(periods()), opt(text),
                                  **prov()))
    for i in ids["assessments"]:
        records.append(Assessment(i, pick(orgs), pick(bodies), ref(LEVELS), ref(LEVELS),
                                  ref(RECOMMENDATIONS), one_date(draw), opt(text), **prov()))
    dataset = Dataset(draw(idents(unstorable)), draw(label), pick(orgs), opt(text))
    return Network(dataset, records)


def plain_popolo(network: Network) -> dict:
    """graphmodel's Popolo export without its extension block: what other tools read."""
    doc = to_popolo(network)
    del doc["graphmodel"]
    return doc


def assert_plain_popolo_keeps(want: Network, got: Network) -> None:
    """Every field Popolo itself can carry survives a plain Popolo file."""
    def provenance(network, record, exported):
        if not record.source_document:
            return None
        doc = network.documents.get(record.source_document)
        url = doc.reference if doc and doc.reference else record.source_document
        return (url if exported else doc.reference), record.source_section

    def same(table, fields):
        assert set(got.tables[table]) == set(want.tables[table]), table
        for key, w in want.tables[table].items():
            g = got.tables[table][key]
            for name in fields:
                assert getattr(g, name) == getattr(w, name), (table, key, name)
            assert provenance(got, g, False) == provenance(want, w, True), (table, key)

    same("people", ["name"])
    same("organisations", ["name", "kind", "parent"])
    same("bodies", ["name", "kind", "established", "dissolved"])
    same("posts", ["name", "organisation"])
    same("memberships", ["person", "body", "post", "role", "on_behalf_of", "start", "end"])
    for body in want.bodies:  # parent_id: the body it reports to (its first open line)
        parents = [line.reports_to for line in want.reporting_lines.values()
                   if line.body == body and line.end is None][:1]
        read = [line.reports_to for line in got.reporting_lines.values() if line.body == body]
        assert read == parents, body


@settings(max_examples=40 * SCALE, **FAST)
@given(networks())
def test_csv_xlsx_and_popolo_round_trips_keep_every_field(network):
    with scratch() as tmp:
        from_csv = read_ok(write_source(network, tmp / "csv", "csv"))
        assert_same(from_csv, network)
        from_xlsx = read_ok(write_source(from_csv, tmp / "book.xlsx", "xlsx"))
        assert_same(from_xlsx, network)
        assert_same(read_ok(write_source(from_xlsx, tmp / "back", "csv")), network)
        path = write_source(from_xlsx, tmp / "network.json", "popolo")
        assert_same(read_ok(path), network)
        doc = json.loads(path.read_text(encoding="utf-8"))
        del doc["graphmodel"]
        assert doc == plain_popolo(network)
        (tmp / "plain.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        assert_plain_popolo_keeps(network, read_ok(tmp / "plain.json"))


@settings(max_examples=30 * SCALE, **FAST)
@given(networks(unstorable=CSV_UNSTORABLE))
def test_csv_and_popolo_keep_control_characters_xlsx_cannot(network):
    with scratch() as tmp:
        from_csv = read_ok(write_source(network, tmp / "csv", "csv"))
        assert_same(from_csv, network)
        assert_same(read_ok(write_source(from_csv, tmp / "network.json", "popolo")), network)


@settings(max_examples=40 * SCALE, **FAST)
@given(st.data())
def test_untidy_plain_popolo_imports_with_warnings(data):
    network = data.draw(networks(), label="network")
    doc = plain_popolo(network)
    dropped: dict[str, set[str]] = {}
    for i, m in enumerate(doc["memberships"]):
        gone = data.draw(st.sets(st.sampled_from(["start_date", "end_date", "on_behalf_of_id"])))
        for key in gone:
            m.pop(key, None)
        dropped[f"memberships[{i}]"] = {"on_behalf_of_id", "start_date"} - set(m)
        m["role"] = spell(data, m["role"])
    note(json.dumps(doc["memberships"], ensure_ascii=False))
    got, problems = read_json_text(json.dumps(doc, ensure_ascii=False), "untidy.json")
    check_outcome((got, problems))
    assert got is not None
    for at, missing in dropped.items():
        warned = {p.field for p in problems if p.row == at and p.level == "warning"}
        assert missing <= warned, (at, missing, warned)
    for (at, m), want in zip(((f"memberships[{i}]", m) for i, m in enumerate(doc["memberships"])),
                             network.memberships.values()):
        read = got.memberships[want.id]
        assert read.role == want.role, (at, m["role"])
        assert read.on_behalf_of == m.get("on_behalf_of_id")
        assert (read.start, read.end) == (m.get("start_date"), m.get("end_date"))
