"""Reading a big table quickly reads it exactly as the careful reading does: the same
records from good rows, every problem of a bad row, and a big file checked a piece at
a time names the same line as a file checked whole."""
from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from graphmodel import read_source
from graphmodel.io import csvdir
from graphmodel.io.tables import Collected, TableReader
from graphmodel.model import record_type

# what officers write in a membership's cells: ids with stray spaces, roles by their
# aliases and in any case, dates in several forms, blank and odd cells
CELLS = {
    "id": ["m1", " m2 ", "", "  "],
    "body": ["b1", " b1", "", "\t"],
    "person": ["p1", "p1 ", "", " "],
    "post": ["", "post-1"],
    "role": ["member", "Chair", "vice chairman", "", " ", "emperor", "CO-OPTED"],
    "on_behalf_of": ["", "o1"],
    "nominated_by": ["", "b2"],
    "start": ["", "2024-01-02", "2/1/2024", "1 March 2023", "31/02/2024", "soon"],
    "end": ["", "2025-12-31", " ", "2024-13-01"],
    "notes": ["", " ", "a note", "  two  spaces "],
    "source_document": ["", "d1"],
    "source_section": ["", "row 1", " row  2 ", "line\nbreak", "tab\there", "\xa0nbsp",
                       "\u2028", "Café minutes"],
}


def membership_rows():
    columns = list(CELLS)
    return st.tuples(*(st.sampled_from(CELLS[c]) | st.text(string.printable, max_size=6)
                       for c in columns)).map(list)


@settings(max_examples=400, deadline=None)
@given(membership_rows())
def test_a_row_read_quickly_is_the_record_the_careful_reading_makes(cells):
    rt = record_type("memberships")
    out = Collected()
    reader = TableReader(rt, "memberships.csv", list(CELLS), out)
    careful = reader._careful(2, cells)
    try:
        quick = reader._builder()(cells)
    except ValueError:
        quick = None
    # the quick reading takes a row only if the careful one finds nothing wrong in it,
    # and then makes the very record the careful one would
    assert (quick is None) == (careful is None)
    if careful is not None:
        assert quick == rt.cls(**careful)
        assert [getattr(quick, c) for c in rt.columns] == \
            [getattr(rt.cls(**careful), c) for c in rt.columns]


def test_a_table_read_quickly_reports_each_bad_row_as_before(dataset_dir):
    """Good rows, a bad one and a duplicate, each problem on its own row."""
    file = dataset_dir / "memberships.csv"
    lines = file.read_text(encoding="utf-8").splitlines()
    header, first = lines[0], lines[1].split(",")
    role = header.split(",").index("role")
    bad = list(first)
    bad[0], bad[role] = "m-bad", "emperor"
    file.write_text("\n".join([*lines, ",".join(bad), lines[1]]) + "\n", encoding="utf-8")
    network, problems = read_source(dataset_dir)
    found = [str(p) for p in problems]
    assert network is None
    assert len(found) == 2
    assert found[0].startswith(f"{file}:{len(lines) + 1}: role: 'emperor' is not one of chair, ")
    assert found[1] == (f"{file}:{len(lines) + 2}: id: duplicate id {first[0]!r}; first used "
                        "on row 2")


def test_a_file_checked_in_pieces_names_the_line_of_a_bad_byte(dataset_dir, monkeypatch):
    """A character of two bytes split between two pieces is good UTF-8; a bad byte
    far into the file is found on its line, however the file is cut into pieces."""
    file = dataset_dir / "people.csv"
    text = file.read_text(encoding="utf-8").replace("Bob Jones", "Bob Jönes")
    good = text.encode("utf-8")
    lines = good.split(b"\n")
    bad_line = len(lines) - 1   # the last row, so the bad byte is in the last piece
    lines[bad_line - 1] = lines[bad_line - 1] + b"\xff"
    for piece in (1, 2, 3, 7, 64):
        monkeypatch.setattr(csvdir, "_CHUNK", piece)
        file.write_bytes(good)
        network, problems = read_source(dataset_dir)
        assert network is not None and problems == []
        assert "Bob Jönes" in {p.name for p in network.people.values()}
        file.write_bytes(b"\n".join(lines))
        _, problems = read_source(dataset_dir)
        assert [str(p) for p in problems] == [
            f"{file}:{bad_line}: not UTF-8 (byte 0xff); save the file as CSV UTF-8"]


def test_a_byte_order_mark_alone_is_a_file_with_no_header(dataset_dir):
    file = dataset_dir / "bodies.csv"
    file.write_bytes(b"\xef\xbb\xbf")
    network, problems = read_source(dataset_dir)
    assert network is None
    assert str(problems[0]) == \
        f"{file}: file is empty; it needs at least a header row naming the columns"
