"""A council's committee structure read from its ModernGov site: each reporting line is
inferred (the site implies it, never states it), with its reason, and nothing is inferred
where the site leaves it open."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from graphmodel import open_source
from graphmodel.cli import main
from graphmodel.analysis.accountability import accountability_findings
from graphmodel.importers.moderngov import import_moderngov
from graphmodel.importers.moderngov_structure import ROOT_REASON, parse_structure
from graphmodel.maps import make_map
from graphmodel.maps.page import legend_html
from graphmodel.maps.pyvis_page import network_data
from moderngov_site import COUNTY, COUNTY_STRUCTURE, write_county_site, write_site


def read(tmp_path, structure: bool):
    site = write_county_site(tmp_path / "site", structure=structure)
    report = import_moderngov(str(site), tmp_path / "wessex", council=COUNTY)
    return report, open_source(report.path)


@pytest.fixture
def wessex(tmp_path):
    """The county's site with no committee structure page."""
    return read(tmp_path, structure=False)


@pytest.fixture
def structured(tmp_path):
    """The county's site with its committee structure page."""
    return read(tmp_path, structure=True)


def line_from(network, name: str):
    """The one reporting line from the committee with this name (None if it has none)."""
    found = [ln for ln in network.reporting_lines.values()
             if network.bodies[ln.body].name == name]
    assert len(found) <= 1, found
    return found[0] if found else None


def parent_of(network, name: str) -> str | None:
    line = line_from(network, name)
    return network.bodies[line.reports_to].name if line else None


def warnings(report) -> list[str]:
    return [str(p) for p in report.problems if "reporting line" in p.message
            or "full council" in p.message]


def test_the_appointments_sub_committee_reports_to_the_appointments_committee_by_category(
        wessex):
    _, net = wessex
    line = line_from(net, "Appointments Sub-Committee")
    assert parent_of(net, "Appointments Sub-Committee") == "Appointments Committee"
    assert line.kind == "inferred"
    assert line.notes == ("Inferred from its category on the site, 'Appointments Committee', "
                          "which names the Appointments Committee, and from its name, which "
                          "makes it a sub-committee or panel of the Appointments Committee.")
    assert net.documents[line.source_document].reference == "GetCommittees_lDummy=0.xml"
    assert line.source_section == "committee 4"


def test_sub_committees_report_to_the_committee_their_names_make_them_part_of(wessex):
    _, net = wessex
    # "Planning &amp; Regulation" on the site, in a response with CRLF line ends
    assert parent_of(net, "Planning & Regulation Sub-Committee") == \
        "Planning & Regulation Committee"
    # the longest start of "Police and Crime Panel Complaints" that is a committee's title
    complaints = line_from(net, "Police and Crime Panel Complaints Subcommittee")
    assert net.bodies[complaints.reports_to].name == "Police and Crime Panel"
    assert complaints.notes == ("Inferred from its name, which makes it a sub-committee or "
                                "panel of the Police and Crime Panel.")


def test_the_county_council_is_the_root_and_every_committee_with_no_parent_reports_to_it(
        wessex):
    _, net = wessex
    council = net.bodies["committee-1"]
    assert (council.name, council.kind) == (COUNTY, "full_council")
    assert line_from(net, COUNTY) is None
    for name in ("Cabinet", "Appointments Committee", "Police and Crime Panel",
                 "Audit and Governance Committee"):
        line = line_from(net, name)
        assert (parent_of(net, name), line.kind) == (COUNTY, "inferred"), name
        assert line.notes == ROOT_REASON[:1].upper() + ROOT_REASON[1:] + "."


def test_nothing_is_inferred_where_the_site_leaves_the_parent_open(wessex):
    report, net = wessex
    for name in ("Pension Fund Panel", "Adoption Panel", "Licensing Sub-Committee"):
        assert line_from(net, name) is None, name   # not even to the council
    assert warnings(report) == [
        "GetCommittees_lDummy=0.xml: Pension Fund Panel: no reporting line was inferred: its "
        "category names the Audit and Governance Committee and its name makes it part of the "
        "Pension Fund Committee; give its line by hand (warning)",
        "GetCommittees_lDummy=0.xml: Adoption Panel: no reporting line was inferred: its "
        "category 'Fostering Panel' reads as a committee's name but names no current "
        "committee; give its line by hand (warning)",
        "GetCommittees_lDummy=0.xml: Licensing Sub-Committee: no reporting line was inferred: "
        "its name could make it part of the Licensing Committee (committee 14) and the "
        "Licensing Committee (committee 15); give its line by hand (warning)"]


def test_a_category_that_groups_committees_names_none_and_is_no_doubt(wessex):
    _, net = wessex
    # "Regulatory Committees", "Joint Committees", "Licensing Act 2003": groups, not parents
    assert parent_of(net, "Pension Fund Committee") == COUNTY
    # the two committees that share the title "Licensing Committee"
    lines = [ln for ln in net.reporting_lines.values() if ln.body in ("committee-14",
                                                                      "committee-15")]
    assert {net.bodies[ln.reports_to].name for ln in lines} == {COUNTY} and len(lines) == 2


def test_only_the_committees_left_open_have_no_accountability_line(wessex):
    _, net = wessex
    findings = accountability_findings(net)
    unanswered = {f.subject.name for f in findings if f.rule == "no-accountability-line"}
    assert unanswered == {"Pension Fund Panel", "Adoption Panel", "Licensing Sub-Committee"}


def test_the_structure_page_lists_each_committee_under_the_one_it_is_nested_in():
    nested = parse_structure(COUNTY_STRUCTURE.encode())
    assert nested == [("2", "1"), ("5", "1"), ("6", "5"), ("9", "1"), ("10", "9"), ("11", "1")]


def test_the_pension_fund_panel_reports_to_the_committee_it_is_nested_under_on_the_site(
        structured):
    report, net = structured
    line = line_from(net, "Pension Fund Panel")
    assert parent_of(net, "Pension Fund Panel") == "Pension Fund Committee"
    assert line.kind == "inferred"
    assert line.notes == ("Nested under Pension Fund Committee on the site's committee "
                          "structure page.")
    assert net.documents[line.source_document].reference == "mgCommitteeStructure.html"
    assert parent_of(net, "Cabinet") == COUNTY
    assert parent_of(net, "Planning & Regulation Sub-Committee") == \
        "Planning & Regulation Committee"
    # the page settles what the category and the name left open: no warning for it
    assert not [w for w in warnings(report) if "Pension Fund Panel" in w]
    # a committee the page does not nest is still placed by its category and name
    assert line_from(net, "Appointments Sub-Committee").notes.startswith(
        "Inferred from its category")


def test_a_site_with_no_full_council_gets_no_root_lines_and_one_warning(tmp_path):
    report = import_moderngov(str(write_site(tmp_path / "site")), tmp_path / "out",
                              council="Stroud District Council")
    net = open_source(report.path)
    assert not net.reporting_lines
    assert warnings(report) == [
        "GetCommittees_lDummy=0.xml: no committee is the full council (titled 'Council', "
        "'Full Council', 'County Council'...): no committee was taken to report to it; give "
        "the reporting lines by hand (warning)"]


def test_an_inferred_line_is_drawn_dashed_and_named_so_in_the_legend(structured):
    _, net = structured
    m = make_map(net, "accountability")
    inferred = [e for e in m.edges if e.relationship == "reports_to"]
    assert inferred and all(e.variant == "inferred" for e in inferred)
    drawn = {e["id"]: e for e in network_data(m)["edges"]}
    options = network_data(m)["options"]["edges"]
    dashes = [drawn[e.key].get("dashes", options.get("dashes")) for e in inferred]
    assert dashes == [[8, 6]] * len(inferred)
    legend = legend_html(m, 2)
    assert "reports to: inferred (the source implies it, does not state it)" in legend
    assert 'stroke-dasharray="8 6"' in legend


def test_the_review_pack_and_the_maps_tables_say_which_lines_are_inferred(wessex):
    from graphmodel.maps.page import tables_html
    from graphmodel.maps.scene import prepare
    from graphmodel.pack import report_markdown

    _, net = wessex
    pack = report_markdown(prepare(net), maps=[])
    assert "| Reporting lines | 11 (11 inferred) |" in pack
    table = tables_html(make_map(net, "accountability"), open_=True)
    assert ("<tr><td>Cabinet</td><td>reports to: inferred (the source implies it, does not "
            f"state it)</td><td>{COUNTY}</td>") in table
    assert "A committee of the council, with no parent on the site" in table   # its notes


def test_lines_given_by_hand_replace_what_would_be_inferred(tmp_path):
    given = tmp_path / "lines.csv"
    given.write_text("body,reports_to,kind,notes\r\n"
                     "Pension Fund Panel,Pension Fund Committee,formal,Constitution part 3\r\n"
                     "Licensing Sub-Committee,committee-14,,\r\n", encoding="utf-8")
    site = write_county_site(tmp_path / "site")
    report = import_moderngov(str(site), tmp_path / "wessex", council=COUNTY, lines=given)
    net = open_source(report.path)
    panel = line_from(net, "Pension Fund Panel")
    assert (parent_of(net, "Pension Fund Panel"), panel.kind, panel.notes) == (
        "Pension Fund Committee", "formal", "Constitution part 3")
    assert net.documents[panel.source_document].reference == "lines.csv"
    assert panel.source_section == "row 2"
    licensing = line_from(net, "Licensing Sub-Committee")
    assert (licensing.reports_to, licensing.kind) == ("committee-14", "formal")
    # the committees given lines are no longer in doubt; the others are inferred as before
    assert [w for w in warnings(report) if "Adoption Panel" not in w] == []
    assert line_from(net, "Cabinet").kind == "inferred"


def test_a_line_given_by_hand_that_names_no_single_committee_is_refused_by_row(tmp_path):
    given = tmp_path / "lines.csv"
    given.write_text("Body,Reports to,Kind\n"
                     "Licensing Sub-Committee,Licensing Committee,formal\n"
                     "Adoption Panel,Fostering Panel,formal\n"
                     "Cabinet,Wessex County Council,usual\n", encoding="utf-8")
    site = write_county_site(tmp_path / "site")
    result = CliRunner().invoke(main, ["import", "moderngov", str(site), "--out",
                                       str(tmp_path / "out"), "--council", COUNTY,
                                       "--lines", str(given)])
    assert result.exit_code == 3, result.output             # invalid data: nothing done
    assert f"{given}:4: kind: 'usual' is not one of formal, statutory, informal, inferred" \
        in result.stderr
    assert not (tmp_path / "out").exists()
    given.write_text(given.read_text().replace("usual", "statutory"))
    result = CliRunner().invoke(main, ["import", "moderngov", str(site), "--out",
                                       str(tmp_path / "out"), "--council", COUNTY,
                                       "--lines", str(given)])
    assert result.exit_code == 3
    assert (f"{given}:2: reports_to: 2 current committees are titled 'Licensing Committee' "
            "(committee-14, committee-15): give the id instead") in result.stderr
    assert (f"{given}:3: reports_to: no current committee on the site is 'Fostering Panel': "
            "give the title or id (such as committee-10) of one the import lists") \
        in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_site_with_two_committees_that_could_be_the_full_council_takes_neither(tmp_path):
    site = write_county_site(tmp_path / "site")
    file = site / "GetCommittees_lDummy=0.xml"
    file.write_text(file.read_text().replace(">Cabinet<", ">Full Council<"))
    report = import_moderngov(str(site), tmp_path / "out", council=COUNTY)
    net = open_source(report.path)
    assert {net.bodies[ln.reports_to].name for ln in net.reporting_lines.values()} == {
        "Appointments Committee", "Planning & Regulation Committee", "Police and Crime Panel"}
    assert warnings(report)[0] == (
        "GetCommittees_lDummy=0.xml: several committees could be the full council (the Wessex "
        "County Council and the Full Council): no committee was taken to report to it; give "
        "the reporting lines by hand (warning)")
