"""Who sits where: the matrix of seat holders by bodies, as data, as a page and as an image."""
from __future__ import annotations

import re
from collections import Counter

import pytest
from click.testing import CliRunner

from graphmodel import open_source
from graphmodel.cli import main
from graphmodel.maps.matrix import HOLDER_NOT_NAMED, seat_matrix
from graphmodel.maps.matrix_image import DPI, matrix_figure, write_matrix_image
from graphmodel.maps.matrix_page import matrix_page, write_matrix
from graphmodel.model import Body, Membership, Network, Person

from test_maps import HARBOROUGH_DAY, HOSTILE, LEEDS_DAY, SEED, Network_with, rows


@pytest.fixture(scope="module")
def leeds():
    return seat_matrix(open_source(SEED / "leeds"), as_of=LEEDS_DAY)


def mark(matrix, who: str, body: str) -> str | None:
    cell = matrix.cell(who, f"body:{body}")
    return cell.mark.key if cell else None


def test_the_safer_and_stronger_communities_boards_chair_is_the_portfolio_holder(leeds):
    board = "ssc-partnership-board"
    assert mark(leeds, "post:portfolio-holder-neighbourhoods", board) == "chair"
    assert mark(leeds, "person:bishop-john-packer", board) == "vice_chair"
    assert mark(leeds, "person:mike-love", board) == "member"
    # the scrutiny board's chair attends the partnership board: another role than a seat's
    assert mark(leeds, "post:chair-scrutiny-ssc", board) == "other"
    assert mark(leeds, "post:chair-scrutiny-ssc", "scrutiny-ssc") == "chair"
    # Bishop John Packer also chairs the Leeds Migration Partnership, and sits nowhere else
    packer = {c for (r, c) in leeds.cells if r == "person:bishop-john-packer"}
    assert packer == {"body:ssc-partnership-board", "body:leeds-migration-partnership"}
    assert mark(leeds, "person:bishop-john-packer", "leeds-migration-partnership") == "chair"


def test_every_current_seat_is_in_one_cell_and_each_line_counts_its_seats(leeds):
    seats = rows("leeds", "memberships")
    assert leeds.seats == len(seats)
    by_body = Counter(r["body"] for r in seats)
    assert {c.key: c.seats for c in leeds.columns} == {f"body:{b}": n for b, n in by_body.items()}
    assert sum(r.seats for r in leeds.rows) == len(seats)
    # a post whose holder is not named sits as the post; a named holder as the person
    kinds = {r.key.split(":")[0] for r in leeds.rows}
    assert kinds == {"person", "post"}
    assert "person:neil-evans" in {r.key for r in leeds.rows}
    assert "post:director-environment-neighbourhoods" not in {r.key for r in leeds.rows}


def test_rows_and_columns_are_grouped_by_organisation_and_category(leeds):
    rows_, columns = leeds.ordered("category")
    groups = [r.group for r in rows_]
    assert groups == sorted(groups, key=lambda g: (g == "", g.casefold()))
    assert groups[0] == "Leeds City Council" and groups[-1] == ""   # no organisation recorded
    clusters = [c.name for c in columns if c.group == "Strategic and Key Partnership"]
    assert clusters == sorted(clusters, key=str.casefold) and len(clusters) == 5
    by_seats = leeds.ordered("seats")[1]
    assert by_seats[0].name == "Safer and Stronger Communities Partnership Board"
    assert [c.name for c in leeds.ordered("name")[1]][0] == "Alwoodley cluster"
    with pytest.raises(ValueError, match="category, name, seats"):
        leeds.ordered("age")


def test_bodies_with_no_seat_are_listed_not_dropped(leeds):
    with_seats = {c.key.split(":")[1] for c in leeds.columns}
    # the bodies that still existed on the day
    bodies = {r["id"]: r["name"] for r in rows("leeds", "bodies")
              if not r["dissolved"] or r["dissolved"] >= LEEDS_DAY}
    assert sorted(leeds.seatless, key=str.casefold) == leeds.seatless
    assert set(leeds.seatless) == {n for b, n in bodies.items() if b not in with_seats}
    assert "Full Council" in leeds.seatless


def test_a_seat_whose_holder_is_not_named_is_counted_for_its_organisation():
    harborough = seat_matrix(open_source(SEED / "harborough"), as_of=HARBOROUGH_DAY)
    unnamed = [r for r in harborough.rows if r.key.startswith(HOLDER_NOT_NAMED)]
    expected = sum(1 for r in rows("harborough", "memberships")
                   if not r["person"] and not r["post"])
    assert [r.name for r in unnamed] == ["Seat for Harborough District Council, holder not named"]
    assert unnamed[0].seats == expected > 0
    assert unnamed[0].group == "Harborough District Council"


def test_seats_are_those_current_on_the_day(network):
    ended = Network(network.dataset, list(network.records()) + [
        Body("gone-board", "Gone Board", "partnership"),
        Person("ex", "Former Member", "community_member"),
        Membership("m-ex", "gone-board", person="ex", role="chair", end="2011-12-31")])
    before = seat_matrix(ended, as_of="2011-06-01")
    after = seat_matrix(ended, as_of="2012-06-01")
    assert before.cell("person:ex", "body:gone-board") is not None
    assert after.cell("person:ex", "body:gone-board") is None
    assert "body:gone-board" not in {c.key for c in after.columns}


def test_attendance_recorded_for_a_seat_shows_in_its_cell(leeds):
    network = open_source(SEED / "leeds")
    said = {"ssc-board-love": "attended 3 of 4 meetings"}
    m = seat_matrix(network, as_of=LEEDS_DAY, attendance=lambda s: said.get(s.id))
    cell = m.cell("person:mike-love", "body:ssc-partnership-board")
    assert cell.attendance == ["attended 3 of 4 meetings"]
    html = matrix_page(m)
    assert "attendance: attended 3 of 4 meetings" in html
    assert "attendance: not recorded in this dataset" not in html
    assert "attendance: not recorded in this dataset" in matrix_page(leeds)


def test_pseudonymised_matrix_names_no_person(tmp_path):
    network = open_source(SEED / "leeds")
    html = matrix_page(seat_matrix(network, as_of=LEEDS_DAY, pseudonymise=True))
    for person in rows("leeds", "people"):
        assert person["name"] not in html


def test_a_hostile_name_is_escaped_on_the_page(network):
    person = "</script><script>document.title='owned'</script><!--"
    m = seat_matrix(Network_with(network, HOSTILE, person), as_of="2013-01-01")
    html = matrix_page(m)
    assert HOSTILE not in html and "<img" not in html
    assert html.count("<script>") == 1 and "<!--" not in html
    assert "&lt;img src=x onerror=&quot;document.title=&#x27;owned&#x27;&quot;&gt;" in html
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy.split("script-src")[1]
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html)


def test_the_image_names_everyone_in_type_of_at_least_12_px_at_print_size(leeds, tmp_path):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = matrix_figure(leeds)
    renderer = FigureCanvasAgg(fig).get_renderer()
    names = {r.name for r in leeds.rows} | {c.name for c in leeds.columns}
    texts = [t for t in fig.findobj(lambda a: hasattr(a, "get_text") and hasattr(a, "get_fontsize"))
             if t.get_text()]
    drawn = " ".join(t.get_text().replace("\n", " ") for t in texts)
    for name in names:
        assert name in drawn
    for t in texts:
        assert t.get_fontsize() * 96 / 72 >= 12, t.get_text()   # points at print size, in px
    one_line = min(t.get_window_extent(renderer).height for t in texts
                   if t.get_text() in names and t.get_rotation() == 0)
    assert one_line * 96 / DPI >= 12
    for suffix in ("svg", "png"):
        path = write_matrix_image(leeds, tmp_path / f"matrix.{suffix}")
        assert path.stat().st_size > 1000
    again = write_matrix_image(leeds, tmp_path / "again.svg")
    assert again.read_bytes() == (tmp_path / "matrix.svg").read_bytes()


def test_the_matrix_command_writes_the_page_or_an_image(tmp_path):
    leeds = str(SEED / "leeds")
    result = CliRunner().invoke(main, ["matrix", leeds, "--out", str(tmp_path / "m.html")])
    assert result.exit_code == 0, result.output
    assert "18 seats held by 8 holders on 8 bodies, as of 2014-07-24" in result.output
    html = (tmp_path / "m.html").read_text(encoding="utf-8")
    assert html == matrix_page(seat_matrix(open_source(leeds), as_of=LEEDS_DAY))
    result = CliRunner().invoke(main, ["matrix", leeds, "--as-of", "2014-07-24",
                                       "--out", str(tmp_path / "m.png")])
    assert result.exit_code == 0 and (tmp_path / "m.png").read_bytes()[:4] == b"\x89PNG"
    result = CliRunner().invoke(main, ["matrix", leeds, "--out", str(tmp_path)])
    assert result.exit_code != 0 and "is a directory" in result.output
    assert write_matrix(seat_matrix(open_source(leeds)), tmp_path / "x.html").exists()
