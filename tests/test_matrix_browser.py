"""The "who sits where" matrix in a real headless Chromium at 1366x768: its names legible,
its search hiding what does not match, and its print repeating the header on every page."""
from __future__ import annotations

import io

import pytest

from graphmodel import open_source
from graphmodel.generate import generate
from graphmodel.maps.matrix import seat_matrix
from graphmodel.maps.matrix_page import PRINT_COLUMNS, write_matrix

from test_browser import Visit, _unavailable, axe_serious, browser  # noqa: F401  (the fixture)
from test_maps import HOSTILE, LEEDS_DAY, SEED, Network_with

SHOWN_NAMES = """() => Array.from(document.querySelectorAll(
    '#gm-mx-table .gm-mx-body span, #gm-mx-table .gm-mx-person th'))
  .filter(e => e.offsetParent !== null)
  .map(e => ({text: e.textContent, px: parseFloat(getComputedStyle(e).fontSize),
              box: e.getBoundingClientRect().toJSON()}))"""
SHOWN_ROWS = """() => Array.from(document.querySelectorAll('#gm-mx-table .gm-mx-person'))
  .filter(e => !e.hidden).map(e => e.dataset.name)"""
SHOWN_COLUMNS = """() => Array.from(document.querySelectorAll('#gm-mx-table .gm-mx-body'))
  .filter(e => !e.hidden).map(e => e.dataset.name)"""


def open_matrix(browser, path) -> Visit:  # noqa: F811
    visit = Visit(browser, path, 1366, 768)
    visit.page.wait_for_selector("#gm-matrix[data-ready]", timeout=20_000)
    return visit


def test_the_leeds_matrix_names_everyone_legibly_and_its_search_hides_rows(browser, tmp_path):  # noqa: F811
    m = seat_matrix(open_source(SEED / "leeds"), as_of=LEEDS_DAY)
    visit = open_matrix(browser, write_matrix(m, tmp_path / "leeds-matrix.html"))
    page = visit.page
    names = page.evaluate(SHOWN_NAMES)
    assert len(names) == len(m.rows) + len(m.columns)
    assert all(n["px"] >= 12 for n in names), [n for n in names if n["px"] < 12]
    # each name drawn whole: in the window at first view, and tall or wide enough for a line
    assert all(n["box"]["bottom"] <= 768 and n["box"]["right"] <= 1366 for n in names)
    assert all(min(n["box"]["width"], n["box"]["height"]) >= 12 for n in names)
    # the board's chair is marked where the portfolio holder's row meets the board
    row = page.locator("tr[data-key='post:portfolio-holder-neighbourhoods']")
    board = [c.name for c in m.ordered("category")[1]].index(
        "Safer and Stronger Communities Partnership Board")
    chair = row.locator("td").nth(board)
    assert chair.inner_text() == "C" and "chair" in chair.get_attribute("title")
    visit.shot("matrix-leeds")
    assert axe_serious(page) == []

    page.get_by_label("Find a name").fill("migration")
    # a body found shows with the people on it: Bishop John Packer chairs the Leeds
    # Migration Partnership; everyone else is hidden
    assert page.evaluate(SHOWN_ROWS) == ["Bishop John Packer"]
    assert page.evaluate(SHOWN_COLUMNS) == ["Leeds Migration Partnership"]
    assert page.locator("#gm-mx-table tr[data-key='person:mike-love']").is_hidden()
    assert "1 of 8 seat holders" in page.locator("#gm-mx-shown").inner_text()
    # a person found shows with the bodies they sit on
    page.get_by_label("Find a name").fill("packer")
    assert page.evaluate(SHOWN_ROWS) == ["Bishop John Packer"]
    assert sorted(page.evaluate(SHOWN_COLUMNS)) == [
        "Leeds Migration Partnership", "Safer and Stronger Communities Partnership Board"]
    page.get_by_label("Find a name").fill("")
    assert len(page.evaluate(SHOWN_ROWS)) == len(m.rows)

    page.get_by_label("Order by").select_option("seats")
    shown = page.evaluate(SHOWN_COLUMNS)
    assert shown[0] == "Safer and Stronger Communities Partnership Board"
    assert shown == [c.name for c in m.ordered("seats")[1]]
    assert page.evaluate(SHOWN_ROWS) == [r.name for r in m.ordered("seats")[0]]
    visit.clean()


def test_printing_a_big_matrix_repeats_its_header_on_every_page(browser, tmp_path):  # noqa: F811
    try:
        from pypdf import PdfReader
    except ImportError:
        _unavailable("pypdf is not installed: pip install -e '.[test]'")
    generate(tmp_path / "council", 60, 80, seed=1)
    m = seat_matrix(open_source(tmp_path / "council"))
    assert len(m.rows) > 40 and len(m.columns) > PRINT_COLUMNS    # more than one page either way
    visit = open_matrix(browser, write_matrix(m, tmp_path / "matrix.html"))
    page = visit.page
    page.emulate_media(media="print")
    assert page.locator("#gm-mx-table").is_hidden()
    parts = page.locator("#gm-mx-print table")
    assert parts.count() == -(-len(m.columns) // PRINT_COLUMNS)   # the bodies a page holds
    px = page.evaluate("""() => Array.from(document.querySelectorAll(
        '#gm-mx-print .gm-mx-body span, #gm-mx-print .gm-mx-person th'))
        .map(e => parseFloat(getComputedStyle(e).fontSize))""")
    assert px and min(px) >= 12
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    pages = [p.extract_text() for p in pdf.pages]
    assert len(pages) >= 4
    for number, text in enumerate(pages, 1):
        assert "Seat holder" in text, number            # the header row, on every page
    first, second = m.ordered("category")[1][0].name, m.ordered("category")[1][PRINT_COLUMNS].name
    assert sum(first.split()[-1] in t for t in pages) >= 2
    assert sum(second.split()[-1] in t for t in pages) >= 2
    box = pdf.pages[0].mediabox
    assert float(box.width) > float(box.height)          # A4 landscape
    assert round(float(box.width) / 72 * 25.4) == 297
    visit.clean()


def test_a_hostile_name_in_the_matrix_shows_as_text_and_runs_nothing(browser, tmp_path,  # noqa: F811
                                                                     network):
    person = "</script><script>document.title='owned'</script><!--"
    m = seat_matrix(Network_with(network, HOSTILE, person), as_of="2013-01-01")
    visit = open_matrix(browser, write_matrix(m, tmp_path / "hostile.html"))
    page = visit.page
    assert page.title() != "owned" and page.locator("img").count() == 0
    page.get_by_label("Find a name").fill("owned")
    assert page.evaluate(SHOWN_ROWS) == [person]
    assert HOSTILE in page.evaluate(SHOWN_COLUMNS)
    page.get_by_label("Order by").select_option("name")
    assert page.locator("img").count() == 0 and page.title() != "owned"
    visit.clean()
