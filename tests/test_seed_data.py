"""The seed datasets say what the source reports say.

Each test reads like a sentence of a report (sources 000-004) and checks it through the
public API, so a wrong or missing fact in ``seed_data/`` makes a test fail.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from graphmodel import open_source, read_source
from graphmodel.model import DATASET_TYPE, RECORD_TYPES

SEED = Path(__file__).resolve().parent.parent / "seed_data"
DATASETS = ("leeds", "harborough")
SSC = "ssc-partnership-board"
HDC = "harborough-district-council"
LCC_HARBOROUGH = "leicestershire-county-council"


def body_named(net, name):
    matches = [b for b in net.bodies.values() if b.name == name]
    assert len(matches) == 1, f"expected one body named {name!r}, found {len(matches)}"
    return matches[0]


def memberships_of(net, body_id):
    return [m for m in net.memberships.values() if m.body == body_id]


def scrutinised_by(net, body_id):
    return {net.bodies[s.scrutiny_body].name for s in net.scrutiny_links.values()
            if s.body == body_id}


def reports_to(net, body_id):
    return {r.reports_to for r in net.reporting_lines.values() if r.body == body_id}


# --- both datasets: files, provenance, loading -------------------------------------------

@pytest.mark.parametrize("name", DATASETS)
def test_dataset_loads_without_errors_or_warnings(name):
    network, problems = read_source(SEED / name)
    assert network.dataset.id == name
    assert [str(p) for p in problems] == []


@pytest.mark.parametrize("name", DATASETS)
def test_every_table_has_a_file_with_the_schema_header(name):
    for rt in (DATASET_TYPE,) + RECORD_TYPES:
        path = SEED / name / f"{rt.name}.csv"
        assert path.exists(), path
        with open(path, encoding="utf-8", newline="") as handle:
            assert next(csv.reader(handle)) == list(rt.columns), path


@pytest.mark.parametrize("name", DATASETS)
def test_files_are_utf8_without_bom_with_newlines_and_csv_module_quoting(name):
    for path in sorted((SEED / name).glob("*.csv")):
        data = path.read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf"), path
        assert b"\r" not in data, path
        text = data.decode("utf-8")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        again = io.StringIO()
        csv.writer(again, lineterminator="\n").writerows(rows)
        assert again.getvalue() == text, f"{path} is not written with csv module quoting"


@pytest.mark.parametrize("name", DATASETS)
def test_every_record_cites_a_document_and_a_section(name):
    net = open_source(SEED / name)
    for record in net.records():
        if record.__class__.__name__ == "Document":
            continue
        assert record.source_document in net.documents, record.id
        assert record.source_section and record.source_section.strip(), record.id


@pytest.mark.parametrize("name", DATASETS)
def test_documents_reference_the_source_files(name):
    net = open_source(SEED / name)
    refs = {d.reference for d in net.documents.values()}
    expected = {"leeds": {"000_6e0979c5e020c8b3.txt", "001_6e31b0eaa2e22e55.txt",
                          "002_593ca2822bc8e53e.txt", "003_8e46368f77a088da.txt"},
                "harborough": {"004_f7fdf98715fc290b.txt"}}[name]
    assert refs == expected
    for doc in net.documents.values():
        assert doc.title and doc.publisher and doc.date


def test_home_organisations(leeds, harborough):
    assert leeds.home_organisation.name == "Leeds City Council"
    assert harborough.home_organisation.name == "Harborough District Council"


# --- Leeds: the strategic partnership boards and their scrutiny (000, 002) ---------------

FIVE_PAIRS = {  # scrutiny board -> strategic partnership board (000 para 3 table)
    "Scrutiny Board (Safer and Stronger Communities)":
        "Safer and Stronger Communities Partnership Board",
    "Scrutiny Board (Children and Families)": "Children's Trust Board",
    "Scrutiny Board (Sustainable Economy and Culture)":
        "Sustainable Economy and Culture Partnership Board",
    "Scrutiny Board (Housing and Regeneration)": "Housing and Regeneration Partnership Board",
    "Scrutiny Board (Health & Wellbeing & Adult Social Care)": "Health and Wellbeing Board",
}


def test_the_ssc_board_is_scrutinised_by_the_ssc_scrutiny_board(leeds):
    assert scrutinised_by(leeds, SSC) == {"Scrutiny Board (Safer and Stronger Communities)"}


def test_each_scrutiny_board_is_critical_friend_to_its_strategic_partnership_board(leeds):
    pairs = {(leeds.bodies[s.scrutiny_body].name, leeds.bodies[s.body].name)
             for s in leeds.scrutiny_links.values() if s.end is None}
    assert pairs == set(FIVE_PAIRS.items())
    strategic = {b.name for b in leeds.bodies.values()
                 if b.kind == "strategic_partnership_board"}
    assert strategic == set(FIVE_PAIRS.values())


def test_the_inquiry_sessions_were_in_march_2013(leeds):
    dates = {"11 March", "14 March", "21 March", "26 March", "27 March"}
    notes = " ".join(s.notes for s in leeds.scrutiny_links.values() if s.end is None)
    assert all(f"{d} 2013" in notes for d in dates)


def test_scrutiny_boards_report_to_council_the_commissioning_body(leeds):
    council = body_named(leeds, "Full Council")
    assert council.kind == "full_council"
    for scrutiny in FIVE_PAIRS:
        assert reports_to(leeds, body_named(leeds, scrutiny).id) == {council.id}


def test_ssc_board_has_15_members_of_whom_4_people_are_named(leeds):
    board = leeds.bodies[SSC]
    assert board.declared_size == 15
    assert board.declared_composition == "partner=11; elected_member=4; support_officer=4"
    named = {leeds.people[m.person].name for m in memberships_of(leeds, SSC) if m.person}
    assert named == {"Bishop John Packer", "Mike Love", "Neil Evans", "Rachael Loftus"}


def test_ssc_board_remit(leeds):
    themes = {leeds.themes[t].name for t in leeds.bodies[SSC].themes}
    assert {"Community safety", "Community capacity", "Community relations",
            "Street cleaning", "Parks and green spaces"} <= themes


def test_ssc_board_is_chaired_by_the_portfolio_holder_whose_name_is_not_given(leeds):
    chairs = [m for m in memberships_of(leeds, SSC) if m.role == "chair"]
    assert len(chairs) == 1
    chair = chairs[0]
    assert chair.person is None
    post = leeds.posts[chair.post]
    assert post.name == "Portfolio holder for Neighbourhoods, Planning and Support Services"
    assert post.holder is None
    assert chair.on_behalf_of == "leeds-city-council"


def test_vice_chair_is_bishop_john_packer_who_also_chairs_the_migration_partnership(leeds):
    (vice,) = [m for m in memberships_of(leeds, SSC) if m.role == "vice_chair"]
    assert leeds.people[vice.person].name == "Bishop John Packer"
    migration = body_named(leeds, "Leeds Migration Partnership")
    chairs = [m.person for m in memberships_of(leeds, migration.id) if m.role == "chair"]
    assert chairs == [vice.person]


def test_mike_love_represents_together_for_peace(leeds):
    (love,) = [m for m in memberships_of(leeds, SSC) if m.person == "mike-love"]
    assert love.role == "member"
    assert leeds.organisations[love.on_behalf_of].name == "Together for Peace"


def test_neil_evans_is_director_of_environment_and_neighbourhoods(leeds):
    (evans,) = [m for m in memberships_of(leeds, SSC) if m.person == "neil-evans"]
    post = leeds.posts[evans.post]
    assert post.name == "Director of Environment and Neighbourhoods"
    assert post.holder == "neil-evans"
    assert leeds.people["neil-evans"].organisation == "leeds-city-council"


def test_the_chair_of_the_scrutiny_board_attends_the_partnership_board(leeds):
    attendees = [m for m in memberships_of(leeds, SSC) if m.role == "attendee"]
    assert [leeds.posts[m.post].name for m in attendees] == [
        "Chair of the Safer and Stronger Communities Scrutiny Board"]
    scrutiny = body_named(leeds, "Scrutiny Board (Safer and Stronger Communities)")
    assert [m.post for m in memberships_of(leeds, scrutiny.id) if m.role == "chair"] == [
        attendees[0].post]


def test_supporting_partnerships_report_to_the_ssc_board(leeds):
    for name in ("Safer Leeds Executive", "Stronger Communities Partnership",
                 "Leeds Migration Partnership", "Cleaner-greener work-stream"):
        assert reports_to(leeds, body_named(leeds, name).id) == {SSC}, name
    sle = body_named(leeds, "Safer Leeds Executive")
    assert sle.kind == "supporting_partnership"
    assert sle.category == "Community Safety Partnership"


def test_no_one_is_invented_to_fill_the_counts(leeds):
    assert {p.name for p in leeds.people.values()} == {
        "Bishop John Packer", "Mike Love", "Neil Evans", "Rachael Loftus"}
    area_committees = [b.name for b in leeds.bodies.values() if b.kind == "area_committee"]
    assert area_committees == ["Outer East Area Committee"]
    assert len([b for b in leeds.bodies.values() if b.kind == "cluster_partnership"]) == 5
    assert "10 area committees, 3 administrative areas and 25 children's services clusters" \
        in leeds.dataset.description


# --- Leeds: the December 2012 review (000 para 6, 002 paras 30-31) ----------------------

def test_leeds_initiative_board_was_replaced_by_the_best_city_leadership_network(leeds):
    (succession,) = leeds.successions.values()
    assert leeds.bodies[succession.predecessor].name == "Leeds Initiative Board"
    assert leeds.bodies[succession.successor].name == "Best City Leadership Network"
    assert succession.date == "2012-12"
    assert leeds.bodies[succession.predecessor].dissolved == "2012-12"
    assert leeds.bodies[succession.successor].established == "2012-12"
    assert leeds.bodies[succession.successor].kind == "network"


def test_on_1_june_2013_the_leeds_initiative_board_no_longer_exists(leeds):
    then = leeds.as_of("2013-06-01")
    assert "leeds-initiative-board" not in then.bodies
    assert "best-city-leadership-network" in then.bodies
    before = leeds.as_of("2012-11-30")
    assert "leeds-initiative-board" in before.bodies
    assert "best-city-leadership-network" not in before.bodies


def test_third_sector_partnership_reported_to_the_leeds_initiative_board_until_2012_12(leeds):
    tsp = body_named(leeds, "Third Sector Partnership")
    lines = [r for r in leeds.reporting_lines.values() if r.body == tsp.id]
    assert [(r.reports_to, r.end) for r in lines] == [("leeds-initiative-board", "2012-12")]
    assert reports_to(leeds.as_of("2013-06-01"), tsp.id) == set()
    assert reports_to(leeds.as_of("2012-06-01"), tsp.id) == {"leeds-initiative-board"}


def test_resources_scrutiny_board_was_critical_friend_to_the_third_sector_partnership(leeds):
    tsp = body_named(leeds, "Third Sector Partnership")
    assert scrutinised_by(leeds, tsp.id) == {"Scrutiny Board (Resources and Council Services)"}
    assert scrutinised_by(leeds.as_of("2013-06-01"), tsp.id) == set()


def test_strategic_boards_have_no_line_to_the_best_city_leadership_network(leeds):
    assert not [r for r in leeds.reporting_lines.values()
                if r.reports_to == "best-city-leadership-network"]
    assert ("How the strategic partnership boards are held to account under the new "
            "arrangements still needs clarity (ssc-board-report-2013 para 30), so no reporting "
            "line to it is recorded.") in leeds.bodies["best-city-leadership-network"].notes


# --- Leeds: cluster partnerships (001, 003) ---------------------------------------------

CLUSTERS = {"Temple Newsam Learning Partnership", "Brigshaw cluster",
            "Beeston Cottingley and Middleton cluster", "Alwoodley cluster", "OPEN XS cluster"}


def cluster_ids(net):
    return {b.id for b in net.bodies.values() if b.kind == "cluster_partnership"}


def test_named_clusters_sit_under_the_childrens_trust_board(leeds):
    assert {leeds.bodies[c].name for c in cluster_ids(leeds)} == CLUSTERS
    for c in cluster_ids(leeds):
        assert reports_to(leeds, c) == {"childrens-trust-board"}
        assert leeds.bodies[c].category == "Strategic and Key Partnership"
        assert ("recommendation 6.1 of 4 June 2013 re-categorises the clusters as Community "
                "and Local Engagement partnerships") in leeds.bodies[c].notes


def test_member_management_committee_appointed_to_every_cluster_from_october_2011(leeds):
    mmc = body_named(leeds, "Member Management Committee")
    rights = [n for n in leeds.nomination_rights.values() if n.nominating_body == mmc.id]
    assert {n.body for n in rights} == cluster_ids(leeds)
    assert {(n.start, n.end) for n in rights} == {("2011-10", "2013-06")}
    later = leeds.as_of("2014-01-01")
    assert not [n for n in later.nomination_rights.values() if n.nominating_body == mmc.id]


def test_outer_east_area_committee_nominates_to_brigshaw_and_temple_newsam(leeds):
    outer_east = body_named(leeds, "Outer East Area Committee")
    rights = [n for n in leeds.nomination_rights.values()
              if n.nominating_body == outer_east.id]
    assert {leeds.bodies[n.body].name for n in rights} == {
        "Brigshaw cluster", "Temple Newsam Learning Partnership"}
    later = leeds.as_of("2014-01-01")
    assert {n.body for n in later.nomination_rights.values()} == {n.body for n in rights}


def test_brigshaw_and_temple_newsam_are_governed_by_a_co_operative_trust(leeds):
    for name in ("Brigshaw cluster", "Temple Newsam Learning Partnership"):
        cluster = body_named(leeds, name)
        assert ("Governance is through a Co-operative Trust with elected members as trustees"
                in cluster.notes)
        roles = {m.role for m in memberships_of(leeds, cluster.id)
                 if m.post == "cluster-elected-member"}
        assert roles == {"trustee"}


# --- Harborough: the partnership register (004) ------------------------------------------

def register_rows(net):
    return [r for r in net.resourcing.values() if r.source_section == "table in para 4.1"]


def test_register_excerpt_totals_104_hours_and_538000_pounds(harborough):
    rows = register_rows(harborough)
    assert len(rows) == 5
    assert sum(r.officer_hours_per_month for r in rows) == 104
    assert sum(r.money_per_year for r in rows) == 538_000
    assert all(r.estimate is True and r.organisation == HDC for r in rows)


def test_register_excerpt_rows(harborough):
    figures = {harborough.bodies[r.body].name: (r.officer_hours_per_month, r.money_per_year)
               for r in register_rows(harborough)}
    assert figures == {
        "Leicester & Leicestershire Economic Partnership Board": (0, 8000),
        "LLEP Private Sector Growth Group": (40, 0),
        "Better Business Partnership": (4, 0),
        "Broadband Leicestershire Programme Board": (40, 530_000),
        "Housing Planning & Infrastructure Group": (20, 0),
    }


def test_stepping_stones_costs_4000_a_year(harborough):
    (row,) = [r for r in harborough.resourcing.values()
              if r.body == "stepping-stones-partnership"]
    assert row.money_per_year == 4000
    assert row.source_section == "para 4.14"


SIX_BOARDS = ("Leicestershire Children & Young People Board",
              "Strategic Partnership Board (Community Safety City and County)",
              "Leicestershire Health and Wellbeing Board",
              "Leicestershire Rural Partnership Management Board",
              "Leicestershire Stronger Communities Board",
              "Leicester & Leicestershire Economic Partnership Board")


@pytest.mark.parametrize("name", SIX_BOARDS)
def test_six_boards_have_no_hdc_representation(harborough, name):
    board = body_named(harborough, name)
    assert not [m for m in memberships_of(harborough, board.id) if m.on_behalf_of == HDC]


def test_councillor_pain_attends_the_llep_board_for_lcc(harborough):
    llep = body_named(harborough, "Leicester & Leicestershire Economic Partnership Board")
    (pain,) = memberships_of(harborough, llep.id)
    assert harborough.people[pain.person].name == "Councillor Pain"
    assert harborough.people[pain.person].kind == "elected_member"
    assert pain.on_behalf_of == LCC_HARBOROUGH
    assert harborough.organisations[pain.on_behalf_of].name == "Leicestershire County Council"
    assert ("His HDC organisation is inferred from the report's wording"
            in harborough.people[pain.person].notes)


def test_director_of_community_services_represents_hdc_on_housing_and_parking(harborough):
    for name, delegate in (("Leicestershire Together Housing Partnership Group",
                            "Strategic Planning Services Manager"),
                           ("Leicestershire Parking Partnership Board",
                            "Regulatory Services Manager")):
        board = body_named(harborough, name)
        seats = memberships_of(harborough, board.id)
        assert [(harborough.posts[m.post].name, m.on_behalf_of) for m in seats] == [
            ("Director of Community Services", HDC)]
        (a,) = [a for a in harborough.assessments.values() if a.body == board.id]
        assert a.recommendation == "reduce"
        assert a.notes.startswith(f"Delegate to the {delegate}")


def test_chief_executive_and_portfolio_holder_lead_on_the_environment_board(harborough):
    board = body_named(harborough, "Leicestershire Environment Board")
    seats = {(harborough.posts[m.post].name, m.role) for m in memberships_of(harborough, board.id)}
    assert seats == {("Chief Executive", "lead_officer"),
                     ("Portfolio Holder for the Leicestershire Environment Board", "member")}


def test_director_of_communities_attended_sustainable_harborough_in_october_2013(harborough):
    (seat,) = memberships_of(harborough, "sustainable-harborough")
    assert (seat.role, seat.start, seat.end) == ("attendee", "2013-10", "2013-10")
    assert harborough.posts[seat.post].name == "Director of Communities"
    assert not memberships_of(harborough.as_of("2014-01-16"), "sustainable-harborough")


def test_officer_hours_without_a_named_officer_are_seats_with_no_holder(harborough):
    assert {p.name for p in harborough.people.values()} == {"Councillor Pain",
                                                            "Ann Marie Hawkins"}
    with_hours = {r.body for r in register_rows(harborough) if r.officer_hours_per_month}
    unnamed = {m.body for m in harborough.memberships.values()
               if not (m.person or m.post) and m.on_behalf_of == HDC
               and m.source_section == "table in para 4.1"}
    assert unnamed == with_hours
    assert "hdc-officer-not-named" not in harborough.posts   # no stand-in holder


def recommendation(net, name):
    body = body_named(net, name)
    (a,) = [a for a in net.assessments.values() if a.body == body.id]
    assert a.organisation == HDC and a.date == "2014-01-16"
    return a


@pytest.mark.parametrize("name, expected", [
    ("Leicester & Leicestershire Economic Partnership Board", "increase"),
    ("LLEP Private Sector Growth Group", "increase"),
    ("Better Business Partnership", "increase"),
    ("Broadband Leicestershire Programme Board", "increase"),
    ("Housing Planning & Infrastructure Group", "increase"),
    ("Leicestershire Rural Partnership", "increase"),
    ("Leicestershire Environment Board", "increase"),
    ("Welland Market Towns Group", "withdraw"),
    ("Welland Audit Partnership", "maintain"),
    ("Leicestershire Together Housing Partnership Group", "reduce"),
    ("Leicestershire Parking Partnership Board", "reduce"),
    ("Leicestershire Children & Young People Board", "review"),
    ("Rural Youth Voice Project", "review"),
    ("Harborough Improvement Team (HIT)", "review"),
    ("Harborough Innovation Centre", "review"),
    ("Harborough Tourism Partnership", "review"),
    ("Sustainable Harborough", "review"),
    ("Leicestershire Voluntary Sector Strategy Group", "review"),
    ("Stepping Stones Partnership", "review"),
])
def test_register_recommendations(harborough, name, expected):
    assert recommendation(harborough, name).recommendation == expected


def test_welland_partnerships_other_than_audit_are_low_value(harborough):
    assert recommendation(harborough, "Welland Market Towns Group").value == "low"
    assert recommendation(harborough, "Welland Audit Partnership").value != "low"


@pytest.mark.parametrize("name", [
    "Leicestershire Together Commissioning Board",
    "Leicestershire Together Commissioning Executive",
    "Leicestershire Environment Board",
    "Leicestershire Health and Wellbeing Board",
    "Supporting Leicestershire Families Commissioning Board",
    "Leicestershire Safer Communities Strategy Board",
])
def test_leicestershire_together_boards_are_of_importance(harborough, name):
    assert recommendation(harborough, name).value == "high"


def test_rural_youth_voice_project_ends_in_january_2015(harborough):
    project = body_named(harborough, "Rural Youth Voice Project")
    assert project.dissolved == "2015-01"
    assert project.id in harborough.as_of("2015-01-31").bodies
    assert project.id not in harborough.as_of("2015-02-01").bodies


def test_older_people_are_covered_only_by_the_health_and_wellbeing_partnership(harborough):
    covering = {b.name for b in harborough.bodies.values() if "older-people" in b.themes}
    assert covering == {"Harborough Health and Wellbeing Partnership"}
    assert harborough.themes["older-people"].source_section == "para 2.11"


def test_harborough_attends_no_partnership_dedicated_to_older_people(harborough):
    """Para 2.11: 'no partnerships that HDC attends dedicated to Older People-though this
    is included in the work of the Harborough Health and Wellbeing Partnership'."""
    from graphmodel.analysis.representation import representation_gaps

    found = {f.subject.id: f for f in representation_gaps(harborough)
             if f.rule == "theme-uncovered"}
    older = found["older-people"]
    assert older.message == (
        "No body Harborough District Council sits on is dedicated to Older people, though "
        "it is included in the work of the Harborough Health and Wellbeing Partnership.")
    assert {(e.type, e.id, e.source_section) for e in older.evidence} == {
        ("theme", "older-people", "para 2.11"),
        ("body", "harborough-health-wellbeing-partnership", "para 2.11")}


# --- unknown is not none: involvement with no named holder, and the bodies with no seat --

def findings_named(net, rule):
    from graphmodel.analysis.representation import representation_gaps

    return {f.subject.name for f in representation_gaps(net) if f.rule == rule}


@pytest.mark.parametrize("name", [
    # para 2.9: 'no direct officer or Member representation from HDC'
    "Leicestershire Children & Young People Board",
    "Strategic Partnership Board (Community Safety City and County)",
    "Leicestershire Health and Wellbeing Board",
    "Leicestershire Rural Partnership Management Board",
    "Leicestershire Stronger Communities Board",
    "Leicester & Leicestershire Economic Partnership Board",
    # para 4.2: 'HDC is not currently represented at the Leicestershire Rural Partnership'
    "Leicestershire Rural Partnership",
    # para 4.12: 'To date, HDC has not been represented on the Sustainable Harborough
    # partnership' (the Director of Communities attended once, in October)
    "Sustainable Harborough",
])
def test_bodies_the_report_says_have_no_hdc_seat_are_unrepresented(harborough, name):
    assert harborough.dataset.as_of == "2014-01-16"       # the report's date
    assert body_named(harborough, name).no_seat_for == (HDC,)
    assert name in findings_named(harborough, "unrepresented")
    assert name not in findings_named(harborough, "holder-not-named")
    assert name not in findings_named(harborough, "representation-unrecorded")


def test_only_the_bodies_of_paras_2_9_4_2_and_4_12_are_said_to_have_no_hdc_seat(harborough):
    said = {b.source_section for b in harborough.bodies.values() if b.no_seat_for}
    assert said == {"para 2.9", "para 4.2", "para 4.12"}
    assert len([b for b in harborough.bodies.values() if b.no_seat_for]) == 8
    assert findings_named(harborough, "unrepresented") == {
        b.name for b in harborough.bodies.values() if b.no_seat_for}


@pytest.mark.parametrize("name", [
    # para 2.8: a review of its Partnership and Governance Structure is underway
    "Leicestershire Together Partnership",
    # para 4.9: the review of the Improvement Team was reported to it
    "HIT Steering Group",
])
def test_bodies_named_without_their_membership_are_unrecorded_not_unrepresented(
        harborough, name):
    assert name not in findings_named(harborough, "unrepresented")
    assert name in findings_named(harborough, "representation-unrecorded")
    assert name not in findings_named(harborough, "empty-body")   # said once, not twice


@pytest.mark.parametrize("name", [
    "Best City Leadership Network",         # 000 para 6: replaced the Leeds Initiative Board
    "Safer Leeds Executive",                # 002 para 9: a major supporting partnership
    "Stronger Communities Partnership",     # 002 para 9
    "Leeds Alcohol Management Partnership",  # 002 para 21
    "Leeds Migration Partnership",          # 002 para 5: chaired by Bishop John Packer
])
def test_leeds_bodies_whose_membership_the_reports_do_not_give_are_unrecorded(leeds, name):
    assert name not in findings_named(leeds, "unrepresented")
    assert name in findings_named(leeds, "representation-unrecorded")


def test_no_report_lists_a_whole_membership_or_says_leeds_has_no_seat(leeds, harborough):
    # the SSC board has 15 members of whom 002 names 4 (para 7); 004 lists no board's members
    assert not [b.id for net in (leeds, harborough) for b in net.bodies.values()
                if b.membership_complete]
    assert not [b.id for b in leeds.bodies.values() if b.no_seat_for]


@pytest.mark.parametrize("name, section", [
    ("LLEP Private Sector Growth Group", "table in para 4.1"),
    ("Better Business Partnership", "table in para 4.1"),
    ("Broadband Leicestershire Programme Board", "table in para 4.1"),
    ("Housing Planning & Infrastructure Group", "table in para 4.1"),
    ("Leicestershire Together Commissioning Board", "para 2.8"),
    ("Supporting Leicestershire Families Commissioning Board", "para 2.8"),
    ("Welland Audit Partnership", "para 4.4"),
    ("Welland Market Towns Group", "para 4.4"),
    ("Harborough Tourism Partnership", "para 4.11"),
    ("Stepping Stones Partnership", "para 4.14"),
    ("Harborough Health and Wellbeing Partnership", "para 2.11"),
])
def test_register_bodies_with_no_named_hdc_holder_are_involvement_not_gaps(
        harborough, name, section):
    body = body_named(harborough, name)
    (seat,) = [m for m in memberships_of(harborough, body.id) if m.on_behalf_of == HDC]
    assert (seat.person, seat.post, seat.source_section) == (None, None, section)
    assert name not in findings_named(harborough, "unrepresented")
    assert name in findings_named(harborough, "holder-not-named")


def test_bodies_with_a_named_hdc_post_are_neither_gap_nor_unknown(harborough):
    for name in ("Leicestershire Parking Partnership Board", "Leicestershire Environment Board"):
        assert name not in findings_named(harborough, "unrepresented")
        assert name not in findings_named(harborough, "holder-not-named")


def test_leeds_is_described_as_of_its_latest_report(leeds):
    latest = max(d.date for d in leeds.documents.values() if d.date)
    assert leeds.dataset.as_of == latest == "2014-07-24"
