"""Maps, decks and review packs as data and HTML: what they draw, and what they never leak."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmodel import open_source
from graphmodel.cli import main
from graphmodel.maps import VIEWS, MapTooLarge, UnknownRecord, make_map
from graphmodel.maps.deck import write_deck
from graphmodel.gallery import write_gallery
from graphmodel.maps.page import map_page, safe_json
from graphmodel.model import Body, Membership, Person
from graphmodel.pack import write_report

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seed_data"
LEEDS_DAY, HARBOROUGH_DAY = "2014-07-24", "2014-01-16"
HOSTILE = "<img src=x onerror=\"document.title='owned'\">"


def rows(dataset: str, table: str) -> list[dict[str, str]]:
    with open(SEED / dataset / f"{table}.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def expected_network_counts(network) -> tuple[int, int]:
    """Nodes and links of the whole-network view, counted straight from the tables."""
    t = network.tables
    nodes = sum(len(t[name]) for name in ("organisations", "bodies", "people", "posts"))
    links = (sum(bool(m.person) + bool(m.post) for m in t["memberships"].values())
             + len(t["reporting_lines"]) + len(t["scrutiny_links"])
             + len(t["nomination_rights"]) + len(t["resourcing"])
             # a succession is drawn while both bodies are: the predecessor may be gone
             + sum(s.predecessor in t["bodies"] and s.successor in t["bodies"]
                   for s in t["successions"].values())
             + sum(bool(p.organisation) for p in t["people"].values())
             + sum(bool(p.organisation) + bool(p.holder) for p in t["posts"].values())
             + sum(bool(o.parent) for o in t["organisations"].values())
             + sum(bool(b.organisation) for b in t["bodies"].values())
             + len(on_behalf_of_links(network)))
    return nodes, links


def on_behalf_of_links(network) -> set[tuple[str, str]]:
    """(seat holder, organisation) for each seat held on behalf of another organisation
    than the holder's own: a post's seat is held by its holder, if it has one."""
    t, pairs = network.tables, set()
    for m in t["memberships"].values():
        post = t["posts"].get(m.post or "")
        who = (t["people"][m.person] if m.person else
               t["people"][post.holder] if post and post.holder else post)
        if who is not None and m.on_behalf_of and m.on_behalf_of != who.organisation:
            pairs.add((who.id, m.on_behalf_of))
    return pairs


def map_data(html: str) -> dict:
    """What a map's page drawing and its words read: its two blocks of data as one."""
    blocks = re.findall(r'<script type="application/json" class="gm-(?:data|info)"[^>]*>'
                        r'(.*?)</script>', html, re.S)
    return {k: v for block in blocks[:2] for k, v in json.loads(block).items()}


def test_the_map_command_draws_each_view_the_library_offers_and_no_other(tmp_path, dataset_dir,
                                                                        network):
    for view in VIEWS:
        out, focus = tmp_path / f"{view}.html", "board" if view == "ego" else None
        result = CliRunner().invoke(main, ["map", str(dataset_dir), "--view", view,
                                           *(["--focus", focus] if focus else []),
                                           "--as-of", "2012-06-01", "--out", str(out)])
        assert result.exit_code == 0, (view, result.output)
        drawn = map_data(out.read_text(encoding="utf-8"))
        library = make_map(network, view, focus=focus, as_of="2012-06-01")
        assert [n["id"] for n in drawn["nodes"]] == [n.key for n in library.nodes], view
        assert [e["id"] for e in drawn["edges"]] == [e.key for e in library.edges], view
    refused = CliRunner().invoke(main, ["map", str(dataset_dir), "--view", "org-chart"])
    assert refused.exit_code == 2
    assert refused.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--view': 'org-chart' is not one of "
        + ", ".join(f"'{view}'" for view in VIEWS) + ".")


def test_together_for_peace_is_linked_to_the_organisation_its_seat_is_held_for(leeds):
    m = make_map(leeds, "network", as_of=LEEDS_DAY)
    links = {(e.source, e.target) for e in m.edges if e.relationship == "on_behalf_of"}
    assert {(f"{'post' if who.startswith('post') else 'person'}:{who}", f"organisation:{org}")
            for who, org in on_behalf_of_links(leeds.as_of(LEEDS_DAY))} == links
    # people.csv: Mike Love works for no organisation of the network's own; his seat on the
    # Safer and Stronger Communities Partnership Board is held for Together for Peace
    assert links == {("person:mike-love", "organisation:together-for-peace")}


def test_harboroughs_single_reporting_line_is_said_in_words_not_drawn(harborough):
    m = make_map(harborough, "accountability", as_of=HARBOROUGH_DAY)
    lines = rows("harborough", "reporting_lines")
    assert [(r["body"], r["reports_to"]) for r in lines] == \
        [("harborough-improvement-team", "hit-steering-group")]
    assert m.sparse == ("There is too little to draw here: this view holds 1 link (Harborough "
                        "Improvement Team (HIT) reports to HIT Steering Group).")
    html = map_page(m)
    assert "too little to draw" in html and 'class="gm-data"' not in html


def test_the_whole_leeds_network_draws_every_record_and_relationship(leeds):
    m = make_map(leeds, "network", as_of=LEEDS_DAY)
    assert (len(m.nodes), len(m.edges)) == expected_network_counts(leeds.as_of(LEEDS_DAY))
    assert len({n.key for n in m.nodes}) == len(m.nodes)


def unnamed_warnings(m) -> list[str]:
    """The subjects of warnings on a map whose names wait for the zoom (not drawn large)."""
    from graphmodel.maps import labels

    return [n.label.replace("\n", " ") for n in m.nodes
            if n.flagged and (n.font != labels.MAJOR or not n.label)]


def test_the_harborough_decks_whole_network_names_every_subject_of_a_warning(harborough):
    """Slide 2 of Harborough's deck: the Health and Wellbeing Board, the Welland Market
    Towns Group and the Director of Community Services are warned about; their names
    show at the first view, with the nine other warned bodies'."""
    from graphmodel.maps.layout import VIEW_SLIDE_FRAME
    from graphmodel.maps.scene import draw, prepare

    m = draw(prepare(harborough, as_of=HARBOROUGH_DAY), "network", frame=VIEW_SLIDE_FRAME,
             people=False)
    warned = {n.key for n in m.nodes if n.flagged}
    assert {"body:leicestershire-health-wellbeing-board", "body:welland-market-towns-group",
            "post:hdc-director-community-services"} <= warned and len(warned) == 12
    assert unnamed_warnings(m) == []


@pytest.mark.parametrize("dataset, day", [("leeds", LEEDS_DAY), ("harborough", HARBOROUGH_DAY)])
@pytest.mark.parametrize("view", ["network", "accountability", "representation", "overlaps"])
def test_every_subject_of_a_warning_is_named_on_the_seed_maps_and_slides(dataset, day, view):
    """On each map page and on the deck's slide of each view (a lower frame), every warned
    record's name shows at the first view: Leeds's Chair of the Safer and Stronger
    Communities scrutiny board, whose name the hosting lines to the City Council ran
    through, is moved to where none does."""
    from graphmodel.maps.highlights import try_draw
    from graphmodel.maps.layout import VIEW_SLIDE_FRAME
    from graphmodel.maps.scene import prepare

    rv = prepare(open_source(SEED / dataset), as_of=day)
    for frame in ({}, {"frame": VIEW_SLIDE_FRAME, "people": False}):
        m = try_draw(rv, view, "map", **frame)
        assert m is not None
        assert unnamed_warnings(m) == [], frame


def test_a_councils_outside_bodies_drawn_in_layers_name_every_warned_body():
    """The accountability view of the generator's council profile, too many bodies for an
    org chart of boxes, is drawn in layers: each warned body is named, moved with its
    name to free room where its neighbours' names leave none."""
    from graphmodel.generate.council import council_network

    m = make_map(council_network(0), "accountability")
    assert not m.folded and not m.groups and len(m.nodes) > 100
    assert sum(n.flagged for n in m.nodes) >= 10
    assert unnamed_warnings(m) == []


def test_the_harborough_representation_map_shows_the_llep_board_as_unrepresented(harborough):
    m = make_map(harborough, "representation", as_of=HARBOROUGH_DAY)
    status = {n.id: n.status for n in m.nodes if n.type == "body"}
    # memberships.csv: Councillor Pain sits on the LLEP Board for Leicestershire County Council
    pain = next(r for r in rows("harborough", "memberships") if r["id"] == "pain-llep-board")
    assert pain["on_behalf_of"] == "leicestershire-county-council"
    assert status["llep-board"] == "unrepresented"
    # ... while the Director of Community Services holds the parking board seat for HDC
    assert status["parking-partnership-board"] == "represented"
    assert status["hdc-executive"] == "own"
    llep = next(n for n in m.nodes if n.id == "llep-board")
    assert llep.flagged and llep.label.startswith("\u26a0 ")
    assert ("Representation", "No seat held on behalf of Harborough District Council") in llep.facts


def test_the_leeds_accountability_map_puts_full_council_above_the_scrutiny_boards(leeds):
    m = make_map(leeds, "accountability", as_of=LEEDS_DAY)
    y = {n.id: n.y for n in m.nodes}
    lines = [r for r in rows("leeds", "reporting_lines") if r["reports_to"] == "full-council"]
    assert len(lines) == 5 and all(y[r["body"]] > y["full-council"] for r in lines)
    scrutiny = [e for e in m.edges if e.relationship == "scrutinises"]
    current = [r for r in rows("leeds", "scrutiny_links") if not r["end"]]
    assert {e.key for e in scrutiny} == {f"scrutinises:{r['id']}" for r in current}


def test_the_leeds_accountability_map_is_an_org_chart_of_named_boxes(leeds):
    """Full Council, the Children's Trust Board and the Safer and Stronger Communities
    Partnership Board head the chart; each body reporting to one sits in the column to its
    right, lower down; the bodies with no reporting line are set apart below a caption."""
    m = make_map(leeds, "accountability", as_of=LEEDS_DAY)
    at = {n.id: (n.x, n.y) for n in m.nodes}
    assert {n.shape for n in m.nodes} == {"box"}
    lines = rows("leeds", "reporting_lines")
    current = [r for r in lines if not r["end"]]
    roots = {r["reports_to"] for r in current} - {r["body"] for r in current}
    assert roots == {"full-council", "childrens-trust-board", "ssc-partnership-board"}
    assert {at[r][1] for r in roots} == {min(y for _, y in at.values())}
    for r in current:
        child, parent = at[r["body"]], at[r["reports_to"]]
        assert child[1] > parent[1] and child[0] > parent[0], r["body"]
    # the five clusters under the Children's Trust Board: one column, one row each
    clusters = [at[r["body"]] for r in current if r["reports_to"] == "childrens-trust-board"]
    assert len(clusters) == 5 and len({x for x, _ in clusters}) == 1
    assert len({y for _, y in clusters}) == 5
    (x, y, caption), = m.captions
    assert caption == "No reporting line recorded"
    on_a_line = {r["body"] for r in current} | roots
    apart = [at[k] for k in at if k not in on_a_line]
    assert apart and all(py > y for _, py in apart)
    assert all(py < y for k, (_, py) in at.items() if k in on_a_line)
    assert {e.relationship for e in m.edges if e.elbow} == {"reports_to"}


def test_an_org_chart_stacks_childless_children_and_sets_loose_nodes_apart():
    from graphmodel.maps.layout import org_chart

    # a council with a committee (which has a panel under it) and two boards; a lone trust
    keys = ["council", "committee", "panel", "board-a", "board-b", "trust"]
    up = [("committee", "council"), ("panel", "committee"), ("board-a", "council"),
          ("board-b", "council")]
    chart = org_chart(keys, up, (100.0, 50.0), (1000.0, 500.0))
    at = chart.places
    assert at["council"][1] < at["committee"][1] < at["panel"][1]
    assert at["board-a"][0] == at["board-b"][0] == at["council"][0] + 100
    assert at["panel"][0] == at["committee"][0] + 100
    assert len({at[k] for k in keys}) == len(keys)
    assert chart.apart is not None and at["trust"][0] > chart.apart[0]
    assert org_chart(keys, up, (100.0, 50.0), (1000.0, 500.0)) == chart   # deterministic


def test_the_overlaps_map_shows_exactly_the_people_on_two_or_more_bodies(leeds):
    m = make_map(leeds, "overlaps", as_of=LEEDS_DAY)
    current = leeds.as_of(LEEDS_DAY)
    bodies_of: dict[str, set] = {}
    for ms in current.memberships.values():
        if ms.person:
            bodies_of.setdefault(ms.person, set()).add(ms.body)
    busy = {p for p, bodies in bodies_of.items() if len(bodies) >= 2}
    assert busy <= {n.id for n in m.nodes if n.type == "person"}
    assert "bishop-john-packer" in busy     # vice-chair of the SSC board, chair of migration
    assert any(e.relationship == "shares_members" for e in m.edges)


def test_an_ego_map_holds_the_body_and_its_neighbours_only(leeds):
    m = make_map(leeds, "ego", focus="ssc-partnership-board", as_of=LEEDS_DAY)
    ids = {n.id for n in m.nodes}
    members = {r["person"] for r in rows("leeds", "memberships")
               if r["body"] == "ssc-partnership-board" and r["person"]}
    assert {"ssc-partnership-board", "scrutiny-ssc"} | members <= ids
    assert "cluster-alwoodley" not in ids
    focus, keys = "body:ssc-partnership-board", {f"{n.type}:{n.id}" for n in m.nodes}
    assert all({e.source, e.target} <= keys for e in m.edges)
    linked = {end for e in m.edges if focus in (e.source, e.target) for end in (e.source, e.target)}
    assert keys == linked, keys - linked  # every node drawn is the body or one link from it


def test_the_ego_view_needs_a_focus_and_an_unknown_focus_is_named(leeds):
    with pytest.raises(UnknownRecord, match="--focus"):
        make_map(leeds, "ego", as_of=LEEDS_DAY)
    with pytest.raises(UnknownRecord, match="did you mean 'ssc-partnership-board'"):
        make_map(leeds, "ego", focus="ssc-partnership-bored", as_of=LEEDS_DAY)


def test_a_tooltip_shows_a_seats_role_on_behalf_of_and_dates(network):
    m = make_map(network, "network", as_of="2013-01-01")
    seat = next(e for e in m.edges if e.key == "member_of:m-bob")
    assert ("Role", "Member") in seat.facts
    assert ("On behalf of", "County Police") in seat.facts
    assert ("From", "2012-05-01") in seat.facts and ("Until", "2013-05-31") in seat.facts
    bob = next(n for n in m.nodes if n.id == "bob")
    assert ("Seat", "Member of Safer Town Board, on behalf of County Police, from 2012-05-01, "
                    "until 2013-05-31") in bob.facts


def test_the_same_network_gives_byte_identical_pages(harborough):
    first = map_page(make_map(harborough, "representation", as_of=HARBOROUGH_DAY))
    again = map_page(make_map(harborough, "representation", as_of=HARBOROUGH_DAY))
    assert first == again


def test_json_in_the_page_cannot_close_its_script_or_open_a_comment():
    text = safe_json({"name": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"name": "</script><!-- & \u2028"}


def test_hostile_names_are_text_in_every_part_of_the_page(network):
    hostile = Network_with(network, HOSTILE, "</script><script>document.title='owned'</script><!--")
    html = map_page(make_map(hostile, "network", as_of="2013-01-01"))
    assert HOSTILE not in html and "<img" not in html.split("<script>")[0]
    assert "&lt;img src=x onerror=&quot;document.title=&#x27;owned&#x27;&quot;&gt;" in html
    # the data block runs to its real end: a name closing it early would truncate the JSON
    names = {n["name"] for n in map_data(html)["nodeInfo"].values()}
    assert {HOSTILE, "</script><script>document.title='owned'</script><!--"} <= names


def Network_with(network, body_name: str, person_name: str):
    """The small network plus a body and a person with the given names."""
    from graphmodel.model import Network
    extra = [Body("hostile", body_name, "partnership"),
             Person("mallory", person_name, "community_member"),
             Membership("m-mallory", "hostile", person="mallory", role="chair")]
    return Network(network.dataset, list(network.records()) + extra)


def test_every_page_inlines_its_scripts_and_fetches_nothing(harborough):
    html = map_page(make_map(harborough, "network", as_of=HARBOROUGH_DAY))
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy.split("script-src")[1]


@pytest.mark.parametrize("dataset", ["leeds", "harborough"])
def test_pseudonymised_outputs_name_no_person_from_the_source(tmp_path, dataset):
    network = open_source(SEED / dataset)
    people = rows(dataset, "people")
    names = {r["name"] for r in people} | {r["name"].split()[-1] for r in people}
    outputs = [map_page(make_map(network, view, as_of="2014-01-16", pseudonymise=True))
               for view in ("network", "representation", "overlaps")]
    write_deck(network, tmp_path / "deck.html", as_of="2014-01-16", pseudonymise=True)
    written = write_report(network, tmp_path / "pack", as_of="2014-01-16", pseudonymise=True)
    outputs += [(tmp_path / "deck.html").read_text(encoding="utf-8")]
    outputs += [p.read_text(encoding="utf-8") for p in written.values() if p.suffix != ".png"]
    for text in outputs:
        data = text.split("<script>")[0] + "".join(re.findall(r'class="gm-(?:data|info)"[^>]*>(.*?)</script>',
                                                                text, re.S))
        for name in names:
            assert not re.search(rf"\b{re.escape(name)}\b", data), name
    labels = {n.label for n in make_map(network, "network", as_of="2014-01-16",
                                        pseudonymise=True).nodes if n.type == "person"}
    assert labels and all(re.fullmatch(r"(\u26a0 )?[A-Z][\w -]+ \d+", label.replace("\n", " "))
                          for label in labels)


def test_pseudonymised_labels_are_stable_by_kind(leeds):
    a = make_map(leeds, "network", as_of=LEEDS_DAY, pseudonymise=True)
    b = make_map(leeds, "network", as_of=LEEDS_DAY, pseudonymise=True)
    kinds = {r["id"]: r["kind"] for r in rows("leeds", "people")}
    assert [n.label for n in a.nodes] == [n.label for n in b.nodes]
    officers = sum(1 for k in kinds.values() if k == "officer")
    assert {n.label for n in a.nodes if n.type == "person" and n.kind == "officer"} == \
        {f"Officer {i}" for i in range(1, officers + 1)}


def test_a_focus_by_real_id_still_works_when_pseudonymised(leeds):
    m = make_map(leeds, "ego", focus="mike-love", as_of=LEEDS_DAY, pseudonymise=True)
    assert "Partner representative 2" in {n.label.replace("\n", " ") for n in m.nodes}


def test_a_big_network_folds_people_into_bodies_then_groups_the_bodies_by_kind(tmp_path):
    from graphmodel.generate import generate

    generate(tmp_path / "big", bodies=300, people=2500, seed=3)
    big = open_source(tmp_path / "big")
    folded = make_map(big, "network", as_of="2025-03-31")
    assert folded.notice and "people and posts are counted on their bodies" in folded.notice
    assert {n.type for n in folded.nodes} <= {"body", "organisation"}
    assert not any(n.group_of for n in folded.nodes)
    grouped = make_map(big, "network", as_of="2025-03-31", max_nodes=100)
    assert "more than the 100 a map stays interactive with" in grouped.notice
    assert "click a group to open it" in grouped.notice
    members: dict[str, list] = {}
    for n in grouped.nodes:
        members.setdefault(n.group_of, []).append(n)
    groups = {label: ns for label, ns in members.items() if label}
    assert len(groups) < 100 <= sum(len(ns) for ns in groups.values())
    for label, ns in groups.items():   # "57 partnership boards": 57 bodies of one kind
        assert int(label.split(" ")[0].replace(",", "")) == len(ns)
        assert len({(n.type, n.kind) for n in ns}) == 1
    partnerships = [n for n in grouped.nodes if n.kind == "partnership_board"]
    assert partnerships and {n.group_of for n in partnerships} == \
        {f"{len(partnerships)} partnership boards"}
    assert grouped.nodes == make_map(big, "network", as_of="2025-03-31", max_nodes=100).nodes


def test_a_big_accountability_view_in_groups_is_still_an_org_chart(tmp_path):
    """Grouped by kind, the accountability view keeps its layers: wherever a body of one
    group (or a body on its own) reports to one of another, it is drawn on a lower row."""
    from graphmodel.generate import generate

    generate(tmp_path / "big", bodies=160, people=200, seed=1)
    m = make_map(open_source(tmp_path / "big"), "accountability", as_of="2025-03-31",
                 max_nodes=60)
    assert m.groups and "drawn in 14 groups by kind" in m.notice
    stand = {n.key: n.group_of or n.key for n in m.nodes}
    at = {**{n.key: (n.x, n.y) for n in m.nodes if not n.group_of},
          **{label: (x, y) for label, x, y in m.groups}}
    lines = {(stand[e.source], stand[e.target]) for e in m.edges
             if e.relationship == "reports_to" and stand[e.source] != stand[e.target]}
    assert len(lines) == 28
    assert [(child, parent) for child, parent in lines if at[child][1] <= at[parent][1]] == []
    # the summary counts the boxes drawn, not the records behind them
    assert m.summary.startswith("16 nodes and 30 links drawn: 14 groups of 150 records by "
                                "kind, each one node until opened, and 2 records on their own")


def test_the_map_command_draws_a_network_of_2100_bodies_in_groups_and_says_so(tmp_path):
    runner = CliRunner()
    made = runner.invoke(main, ["generate", "--bodies", "2100", "--people", "50", "--seed", "1",
                                "--out", str(tmp_path / "huge")])
    assert made.exit_code == 0, made.output
    result = runner.invoke(main, ["map", str(tmp_path / "huge"), "--out",
                                  str(tmp_path / "huge.html")])
    assert result.exit_code == 0, result.output
    assert "more than the 2,000 a map stays interactive with" in result.output
    assert "partnerships\u201d: click a group to open it" in result.output
    page = (tmp_path / "huge.html").read_text(encoding="utf-8")
    assert "click a group to open it" in page and '"id":"group:0"' in page


def test_the_map_command_draws_the_day_asked_for_and_asks_the_ego_view_for_a_focus(
        tmp_path, dataset_dir):
    """On 1 June 2012 the Safer Town Board still reported to the Town Initiative Board,
    dissolved that December: the accountability map of that day draws both boards and the
    line between them."""
    out = tmp_path / "town.html"
    result = CliRunner().invoke(main, ["map", str(dataset_dir), "--view", "accountability",
                                       "--as-of", "2012-06-01", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1].startswith(
        f"wrote {out}: 4 nodes and 3 links, as of 2012-06-01; ")
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    drawn = map_data(page)
    assert {n["id"] for n in drawn["nodes"]} == {"body:council-meeting", "body:board",
                                                 "body:old-board", "body:scrutiny"}
    assert {(e["from"], e["to"]) for e in drawn["edges"]} == {
        ("body:board", "body:old-board"), ("body:scrutiny", "body:council-meeting"),
        ("body:scrutiny", "body:board")}
    missing = CliRunner().invoke(main, ["map", str(dataset_dir), "--view", "ego"])
    assert missing.exit_code == 2
    assert missing.stderr.splitlines()[-1] == ("error: the ego view draws one record and its "
                                               "neighbourhood: give it with --focus ID")
    assert "Traceback" not in missing.output


def test_the_present_and_report_commands_review_the_day_asked_for(tmp_path, dataset_dir):
    """On 1 January 2013 the Town Initiative Board had been dissolved and the Safer Town
    Board's line to it had ended: the deck counts three bodies, says the accountability
    view has too little to draw, and the pack reports the board without a line."""
    deck = CliRunner().invoke(main, ["present", str(dataset_dir), "--as-of", "2013-01-01",
                                     "--out", str(tmp_path / "deck.html")])
    assert deck.exit_code == 0, deck.output
    slides = (tmp_path / "deck.html").read_text(encoding="utf-8")
    assert '<p class="gm-message">As of 2013-01-01, for Town Council.</p>' in slides
    assert '<li data-fact="bodies"><strong class="gm-number">3</strong> bodies' in slides
    assert ('<li data-fact="warnings"><strong class="gm-number">2</strong> warnings and 0 '
            'errors') in slides
    assert ("There is too little to draw here: this view holds 2 links (Safer Town Scrutiny "
            "Board reports to Full Council; Safer Town Scrutiny Board scrutinises Safer Town "
            "Board).") in slides
    pack = CliRunner().invoke(main, ["report", str(dataset_dir), "--as-of", "2013-01-01",
                                     "--out", str(tmp_path / "pack")])
    assert pack.exit_code == 0, pack.output
    assert {p.name for p in (tmp_path / "pack").iterdir()} == {"index.html", "report.md",
                                                               "findings.csv", "images",
                                                               "matrix.html"}
    with open(tmp_path / "pack" / "findings.csv", encoding="utf-8") as handle:
        found = sorted((r["rule"], r["subject_id"]) for r in csv.DictReader(handle))
    # the board declares 15 members and records 2; nobody is recorded on the Full Council
    # or the scrutiny board; the council's assessment recommends more for the board
    assert found == [("composition-unmet", "board"), ("empty-body", "council-meeting"),
                     ("empty-body", "scrutiny"), ("no-accountability-line", "board"),
                     ("recommendation", "board")]


def test_the_harborough_review_pack_tells_the_same_findings_three_ways(tmp_path, harborough):
    from graphmodel.analysis.review import review

    findings = review(harborough, as_of=HARBOROUGH_DAY)
    written = write_report(harborough, tmp_path, as_of=HARBOROUGH_DAY)
    with open(written["findings.csv"], encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    assert len(table) == len(findings)
    paper = written["report.md"].read_text(encoding="utf-8")
    assert "**Leicester & Leicestershire Economic Partnership Board** (unrepresented)" in paper
    assert "Councillor Pain is there on behalf of Leicestershire County Council" in paper
    index = written["index.html"].read_text(encoding="utf-8")
    assert index.count('class="gm-map"') >= 3


def test_the_review_pack_leads_with_counts_by_rule_and_cites_documents_by_id(tmp_path,
                                                                            harborough):
    written = write_report(harborough, tmp_path, as_of=HARBOROUGH_DAY)
    paper = written["report.md"].read_text(encoding="utf-8")
    summary, rest = paper.split("## Maps", 1)
    assert "| [unrepresented](#rule-unrepresented) |" in summary
    assert '<a id="rule-unrepresented"></a>' in rest
    # Councillor Pain's seat, cited by document id and paragraph; the title once, in Sources
    assert "Membership pain-llep-board \\[partnership-register-2014, para 2.9\\]" in paper
    assert paper.count("Partnership Register and Policy (report to the Scrutiny Panel") == 1
    assert paper.index("## Maps") < paper.index("## Warnings") < paper.index("## Sources")
    index = written["index.html"].read_text(encoding="utf-8")
    assert '<a href="#rule-unrepresented">unrepresented</a>' in index
    assert 'id="rule-unrepresented"' in index


def test_the_paper_embeds_an_image_of_each_map_it_draws(tmp_path, harborough):
    written = write_report(harborough, tmp_path, as_of=HARBOROUGH_DAY)
    paper = written["report.md"].read_text(encoding="utf-8")
    embedded = re.findall(r"!\[[^\]]*\]\((images/[^)]+\.png)\)", paper)
    assert "images/representation.png" in embedded and "images/network.png" in embedded
    # Harborough's one reporting line is said in words, so there is no accountability image
    assert "images/accountability.png" not in embedded and "too little to draw" in paper
    for name in embedded:
        assert (tmp_path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("suffix", ["svg", "png"])
def test_a_seed_map_exports_as_the_same_nontrivial_image_every_time(tmp_path, leeds, suffix):
    from graphmodel.maps import write_map

    m = make_map(leeds, "network", as_of=LEEDS_DAY)
    first = write_map(m, tmp_path / f"a.{suffix}").read_bytes()
    again = write_map(make_map(leeds, "network", as_of=LEEDS_DAY),
                      tmp_path / f"b.{suffix}").read_bytes()
    assert first == again and len(first) > 20_000
    if suffix == "svg":
        text = first.decode("utf-8")
        assert text.count("<path") > len(m.nodes)        # every node, link and letter
        assert "<dc:date>" not in text                   # no date: the same file each time
    else:
        assert first[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_accountability_images_legend_shows_the_kinds_as_the_boxes_it_draws(leeds):
    """The org chart draws each body as a box of its kind's colour: so does its legend."""
    from matplotlib.colors import to_hex
    from matplotlib.patches import Rectangle

    from graphmodel.maps import image, styling

    m = make_map(leeds, "accountability", as_of=LEEDS_DAY)
    assert {n.shape for n in m.nodes} == {"box"}
    legend = image._figure(m).axes[0].get_legend()
    entries = dict(zip([t.get_text() for t in legend.get_texts()], legend.legend_handles))
    kinds = {styling.node_style(n.family) for n in m.nodes}
    assert {k.label for k in kinds} <= set(entries)
    for kind in kinds:
        drawn = entries[kind.label]
        assert isinstance(drawn, Rectangle) and to_hex(drawn.get_facecolor()) == kind.fill.lower()


def test_the_map_command_writes_an_image_for_an_svg_or_png_path(tmp_path, dataset_dir):
    for suffix, start in (("svg", b"<?xml"), ("png", b"\x89PNG")):
        out = tmp_path / f"town.{suffix}"
        result = CliRunner().invoke(main, ["map", str(dataset_dir), "--as-of", "2012-06-01",
                                           "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert out.read_bytes().startswith(start)


def test_the_committed_visualisations_are_what_make_maps_writes(tmp_path):
    for dataset in ("leeds", "harborough"):
        written = write_gallery(open_source(SEED / dataset), tmp_path / dataset)
        committed = ROOT / "visualisations" / dataset
        for path in written:
            mine = committed / path.relative_to(tmp_path / dataset)
            assert mine.exists() and mine.read_bytes() == path.read_bytes(), \
                f"{mine} is out of date: run make maps"


# ------------------------------------------------------------------ pyvis draws every map

def test_every_map_is_a_pyvis_network_with_our_positions_and_physics_off(harborough):
    m = make_map(harborough, "representation", as_of=HARBOROUGH_DAY)
    data = map_data(map_page(m))
    assert [n["id"] for n in data["nodes"]] == [n.key for n in m.nodes]
    assert [(n["x"], n["y"], n["label"]) for n in data["nodes"]] == \
        [(n.x, n.y, n.label) for n in m.nodes]
    assert [(e["from"], e["to"], e["id"]) for e in data["edges"]] == \
        [(e.source, e.target, e.key) for e in m.edges]
    llep = next(n for n in data["nodes"] if n["id"] == "body:llep-board")
    # unrepresented: a dashed outline, in the style it shares with the other such boards
    assert data["options"]["groups"][llep["group"]]["shapeProperties"]["borderDashes"]
    assert not any("title" in item for item in data["nodes"] + data["edges"])
    options = data["options"]
    assert options["physics"] == {"enabled": False} and options["edges"]["smooth"] is False
    assert options["layout"]["improvedLayout"] is False
    assert options["interaction"]["dragNodes"] is True


def test_a_map_page_refers_to_no_other_host_and_keeps_names_as_text(network):
    person = "</script><script>document.title='owned'</script><!--"
    html = map_page(make_map(Network_with(network, HOSTILE, person), "network",
                             as_of="2013-01-01"))
    assert not re.search(r"""(src|href)\s*=\s*["']?https?://""", html)
    assert "vis.Network" in html and "vis-network" in html      # vis-network, inline
    assert HOSTILE not in html and person not in html


def test_importing_the_maps_loads_pyvis_only_when_a_map_is_drawn():
    import subprocess
    import sys

    code = ("import sys, graphmodel.cli, graphmodel.maps.page; "
            "print('pyvis' in sys.modules); "
            "from graphmodel import open_source; from graphmodel.maps import make_map; "
            "m = make_map(open_source(sys.argv[1]), 'representation'); "
            "print('pyvis' in sys.modules); graphmodel.maps.page.map_page(m); "
            "print('pyvis' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(SEED / "harborough")],
                         capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "True"]


def test_the_map_command_has_no_renderer_to_choose(dataset_dir):
    result = CliRunner().invoke(main, ["map", str(dataset_dir), "--renderer", "canvas"])
    assert result.exit_code == 2 and "No such option" in result.output


def shapes_on_shapes(m) -> list[tuple[str, str]]:
    """Pairs of nodes whose shapes the map draws on one another."""
    import math
    return [(a.key, b.key) for i, a in enumerate(m.nodes) for b in m.nodes[i + 1:]
            if math.dist((a.x, a.y), (b.x, b.y)) < a.size + b.size]


@pytest.mark.parametrize("frame", ["page", "slide"])
def test_the_whole_network_draws_no_shape_on_another(leeds, harborough, frame):
    """Harborough District Council's diamond, its scrutiny bodies and Leeds's Bishop John
    Packer each stand clear of the others, on the page and on the deck's slide: a
    presenter clicks the one they mean."""
    from graphmodel.maps.layout import FRAME, VIEW_SLIDE_FRAME
    from graphmodel.maps.scene import draw, prepare

    for network, day in ((leeds, LEEDS_DAY), (harborough, HARBOROUGH_DAY)):
        m = draw(prepare(network, as_of=day), "network",
                 frame=FRAME if frame == "page" else VIEW_SLIDE_FRAME, people=frame == "page")
        assert shapes_on_shapes(m) == []


def lines_through_shapes(m) -> list[tuple[str, str, str]]:
    """(source, target, node) for each link drawn at the first view through the middle of
    another node's shape (within SHAPE_CLEARED of its size from its centre)."""
    import math

    from graphmodel.maps import routing
    from graphmodel.maps.scene import SHAPE_CLEARED, _drawn_line

    def distance(p, a, b):
        (dx, dy), length = (b[0] - a[0], b[1] - a[1]), math.dist(a, b) ** 2
        t = 0 if not length else max(0, min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy)
                                             / length))
        return math.dist(p, (a[0] + t * dx, a[1] + t * dy))
    at = {n.key: routing.Place(n.key, n.x, n.y) for n in m.nodes}
    return [(e.source, e.target, n.key) for e in m.edges
            if e.source != e.target and not e.on_selection
            for line in [_drawn_line(e, at)] for n in m.nodes
            if n.key not in (e.source, e.target)
            and any(distance((n.x, n.y), a, b) < n.size * SHAPE_CLEARED
                    for a, b in zip(line, line[1:]))]


@pytest.mark.parametrize("frame", ["page", "slide"])
def test_a_line_runs_through_a_shape_only_where_no_bend_clears_it(leeds, harborough, frame):
    """The Brigshaw cluster's line to the Children's Trust Board passes by the cluster
    elected member's star, not through it, and Harborough's Chief Executive's line to
    the District Council by the Leicestershire Environment Board: a line through a shape
    reads as a link to it. On the slide no bend clears the Scrutiny Board (Children and
    Families)'s line to Full Council of Leeds City Council's diamond: a node is moved
    off it. Every line still through a shape is one that every slight bend would take
    across a name or another shape."""
    from graphmodel.maps import labels, routing
    from graphmodel.maps.layout import FRAME, VIEW_SLIDE_FRAME
    from graphmodel.maps.scene import SHAPE_BEND, SHAPE_CLEARED, _look, draw, prepare

    maps = {name: draw(prepare(network, as_of=day), "network",
                       frame=FRAME if frame == "page" else VIEW_SLIDE_FRAME,
                       people=frame == "page")
            for name, network, day in (("leeds", leeds, LEEDS_DAY),
                                       ("harborough", harborough, HARBOROUGH_DAY))}
    through = {name: lines_through_shapes(m) for name, m in maps.items()}
    assert ("body:cluster-brigshaw", "body:childrens-trust-board",
            "post:cluster-elected-member") not in through["leeds"]
    assert ("post:hdc-chief-executive", "organisation:harborough-district-council",
            "body:leicestershire-environment-board") not in through["harborough"]
    if frame == "slide":   # no bend clears it there: a node is moved off the line
        assert ("body:scrutiny-children-families", "body:full-council",
                "organisation:leeds-city-council") not in through["leeds"]
    for name, m in maps.items():
        by_key = {n.key: n for n in m.nodes}
        names = [(n.key, routing.name_box(n.x, n.y, n.size, n.label, n.shape == "box",
                                          n.above)) for n in m.nodes if n.font == labels.MAJOR]
        half = max(n.size for n in m.nodes) + 40.0
        within = (min(n.x for n in m.nodes) - half, min(n.y for n in m.nodes) - half,
                  max(n.x for n in m.nodes) + half, max(n.y for n in m.nodes) + half + 60.0)
        for source, target, _ in through[name]:
            a, b = by_key[source], by_key[target]
            edge = next(e for e in m.edges if (e.source, e.target) == (source, target))
            shapes = [(n.key, labels.shape_box(n.x, n.y, n.size * SHAPE_CLEARED))
                      for n in m.nodes if n.key not in (source, target)]
            assert routing.clear_curve(
                routing.Place(source, a.x, a.y), routing.Place(target, b.x, b.y),
                _look(edge), names + shapes, within, most=SHAPE_BEND) is None, (
                    name, source, target)
