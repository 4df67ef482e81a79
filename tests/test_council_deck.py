"""A council's deck and review pack: the legible views chosen at size, and a title slide
that says the council's network in the numbers that matter.

The council is the generator's council profile (150 bodies, some 480 seats); its deck is
read in a real headless Chromium at 1366x768 and 1920x1080, measured from the boxes the
browser and vis-network draw.
"""
from __future__ import annotations

import re
from collections import Counter

import pytest

from graphmodel.analysis.review import review
from graphmodel.generate.council import council_network
from graphmodel.maps.deck import deck_html, write_deck
from graphmodel.maps.matrix import seat_matrix
from graphmodel.maps.matrix_slide import SLIDE_BODIES, SLIDE_HOLDERS, slide_part
from graphmodel.maps.scene import prepare
from graphmodel.pack import write_pack

from map_measures import measure
from test_browser import Visit, browser, labels_on_shapes, overlapping  # noqa: F401
from test_maps import HARBOROUGH_DAY

COUNCIL = "o1"


@pytest.fixture(scope="module")
def council():
    return council_network(0)


@pytest.fixture(scope="module")
def day(council):
    return council.review_day(None).isoformat()


@pytest.fixture(scope="module")
def deck(council, tmp_path_factory):
    return write_deck(council, tmp_path_factory.mktemp("council-deck") / "deck.html")


def _slides(html: str) -> list[str]:
    return re.findall(r'<section class="gm-slide[^"]*" id="slide-\d+"[^>]*aria-label="\d+ of '
                      r'\d+: ([^"]*)"', html)


def test_a_councils_deck_shows_its_bodies_linked_and_who_sits_where(deck):
    titles = _slides(deck.read_text(encoding="utf-8"))
    assert titles[:6] == ["Title", "The whole network", "Who is accountable to whom",
                          "Where Newburn County Council has a seat",
                          "The bodies linked by the members they share", "Who sits where"]


def test_the_whole_network_slide_draws_the_lines_clear_of_its_names_and_says_so(deck):
    """Too many lines to pass between the names of a council's whole network: the slide
    draws those that do and says how many of how many, the pack's map the rest."""
    html = deck.read_text(encoding="utf-8")
    slide = html[html.index('id="slide-2"'):html.index('id="slide-3"')]
    drawn, total = map(int, re.search(r"(\d+) of (\d+) links drawn, those clear of the names",
                                      slide).groups())
    assert 0 < drawn < total
    assert slide.count('"from":') == drawn


def test_a_small_registers_deck_has_no_folded_slides(harborough):
    titles = _slides(deck_html(prepare(harborough, as_of=HARBOROUGH_DAY)))
    assert "Who sits where" not in titles
    assert "The bodies linked by the members they share" not in titles


def test_the_matrix_slide_shows_the_most_seated_bodies_and_the_people_on_them(council, day):
    m = seat_matrix(council, day)
    bodies, people = slide_part(m)
    assert len(bodies) == SLIDE_BODIES < len(m.columns)
    assert len(people) == SLIDE_HOLDERS < len(m.rows)
    # no body left off has more seats than one shown
    assert min(b.seats for b in bodies) >= max(b.seats for b in m.columns if b not in bodies)
    assert bodies[0].name == "Full Council"
    shown = {b.key for b in bodies}
    on_them = Counter(r for (r, b), c in m.cells.items() if b in shown for _ in c.seats)
    assert min(on_them[p.key] for p in people) >= max(
        n for r, n in on_them.items() if r not in {p.key for p in people})


def test_each_finding_slide_names_the_subject_of_its_warning(council, day):
    """A person or a post the finding is about is named on its slide's map, as a body is,
    however crowded the people around it."""
    from graphmodel.maps import labels
    from graphmodel.maps.highlights import finding_map, key_findings
    from graphmodel.maps.layout import SLIDE_FRAME

    rv = prepare(council, as_of=day)
    subjects = 0
    for i, f in enumerate(key_findings(rv.findings, 8)):
        m = finding_map(rv, f, f"slide-{i}-map", frame=SLIDE_FRAME)
        if m is None or f.severity == "info":
            continue
        [subject] = [n for n in m.nodes if n.key == f"{f.subject.type}:{f.subject.id}"]
        assert subject.flagged and subject.font == labels.MAJOR, f.subject
        subjects += subject.type in ("person", "post")
    assert subjects >= 2


def test_a_councils_review_pack_carries_the_matrix_and_its_folded_maps(council, tmp_path):
    rv = prepare(council)
    written = write_pack(rv, tmp_path)
    assert written["images/matrix.png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page = written["matrix.html"].read_text(encoding="utf-8")
    m = seat_matrix(council, rv.as_of)
    assert f"{m.summary}." in page and page.count('class="gm-mx-person') == len(m.rows)
    paper = written["report.md"].read_text(encoding="utf-8")
    assert "## Who sits where" in paper and "![Who sits where](images/matrix.png)" in paper
    index = written["index.html"].read_text(encoding="utf-8")
    assert '<a href="matrix.html">The matrix</a>' in index
    # the representation and overlaps maps are drawn folded, their people a button away
    for view in ("representation", "overlaps"):
        assert f'id="map-{view}-people"' in index
        assert written[f"images/{view}.png"].exists()


def _independent_numbers(council, day: str) -> dict[str, int]:
    """The title slide's numbers, counted here from the records themselves."""
    current = council.as_of(day)
    ours = [m for m in current.memberships.values() if m.on_behalf_of == COUNCIL]
    appointed = {r.body for r in current.nomination_rights.values()
                 if r.nominating_organisation == COUNCIL
                 or current.bodies[r.nominating_body].organisation == COUNCIL}
    vacant = {b for b in appointed if current.bodies[b].organisation != COUNCIL
              and not any(m.body == b for m in ours)}
    found = review(council, as_of=day)
    return {"bodies": len(current.bodies), "seats": len(ours), "vacancies": len(vacant),
            "warnings": sum(f.severity == "warning" for f in found)}


def _text_boxes(page, scope: str) -> list[dict]:
    """Every piece of text shown in ``scope``: its element's font size and its own box."""
    return page.evaluate(
        """scope => [...document.querySelectorAll(scope + ', ' + scope + ' *')].flatMap(e => {
             const own = [...e.childNodes].filter(n => n.nodeType === 3 && n.textContent.trim());
             if (!own.length || !e.offsetParent) return [];
             return own.map(n => { const r = document.createRange(); r.selectNodeContents(n);
               const b = r.getBoundingClientRect();
               return {id: n.textContent.trim().slice(0, 40), x: b.x, y: b.y, width: b.width,
                       height: b.height, font: parseFloat(getComputedStyle(e).fontSize)}; }); })""",
        scope)


@pytest.mark.parametrize("width, height", [(1366, 768), (1920, 1080)])
def test_every_slide_of_a_councils_deck_is_legible(browser, deck, council, day, width,
                                                   height):
    """Every name on every slide at least 12 px, none over another; the maps' names over
    no other node and no line across any name; every slide whole on the screen; the
    title slide's numbers right."""
    visit = Visit(browser, deck, width, height)
    page = visit.page
    numbers = {f: int(page.locator(f'#slide-1 [data-fact="{f}"] .gm-number').inner_text()
                      .replace(",", ""))
               for f in ("bodies", "seats", "vacancies", "warnings")}
    assert numbers == _independent_numbers(council, day)
    assert numbers["vacancies"] > 0 and numbers["seats"] > 400
    assert "not recorded" in page.locator('#slide-1 [data-fact="meetings"]').inner_text()
    total = page.locator(".gm-slide").count()
    for number in range(1, total + 1):
        page.evaluate(f"GM.slide({number - 1})")
        fits = page.evaluate(
            f"(s => [s.scrollHeight <= s.clientHeight, s.scrollWidth <= s.clientWidth])"
            f"(document.getElementById('slide-{number}'))")
        assert fits == [True, True], (number, width)
        words = _text_boxes(page, f"#slide-{number}")
        assert min(w["font"] for w in words) >= 12, (number, width)
        if page.locator(f"#slide-{number}-map[data-gm-map]").count():
            visit.drawn(f"slide-{number}-map")
            api = f"GM.maps['slide-{number}-map']"
            names = page.evaluate(f"{api}.labels()")
            assert names and min(b["font"] for b in names) >= 12, (number, width)
            assert overlapping(names) == [], (number, width)
            assert labels_on_shapes(names, page.evaluate(f"{api}.shapes()")) == [], number
            assert measure(visit, f"slide-{number}-map")["crossings"] == [], (number, width)
        if page.locator(f"#slide-{number} .gm-deck-matrix").count():
            heads = _text_boxes(page, f"#slide-{number} .gm-deck-matrix th")
            assert len(heads) == SLIDE_BODIES + SLIDE_HOLDERS
            assert overlapping(heads) == [], width
            if width == 1366:
                visit.shot("council-deck-matrix")
        visit.shot(f"council-deck-{width}x{height}-{number}")
        if number == 1 and width == 1366:
            visit.shot("council-deck-title")
    visit.clean()


def test_no_line_crosses_a_name_on_the_council_packs_folded_maps(browser, council, tmp_path):
    """The review pack's representation and overlaps maps, drawn folded, at 1366x768:
    every line drawn passes clear of every name shown (measured from vis-network's boxes),
    every name 12 px or more."""
    written = write_pack(prepare(council), tmp_path)
    visit = Visit(browser, written["index.html"], 1366, 768)
    found = {}
    for view in ("representation", "overlaps"):
        map_id = f"map-{view}"
        visit.page.evaluate(f"GM.init(document.getElementById({map_id!r}))")
        found[map_id] = measure(visit, map_id)
    assert all(m["names"] for m in found.values()), found
    assert {k: m["crossings"] for k, m in found.items() if m["crossings"]} == {}
    assert {k: m["small"] for k, m in found.items() if m["small"]} == {}
    visit.clean()
