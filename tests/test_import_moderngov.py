"""Importing a council's ModernGov site: from saved responses, and live from a local
server started by the test (127.0.0.1 only) that serves the same responses."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmodel import open_source
from graphmodel.cli import main
from graphmodel.importers.crawl import SiteError
from graphmodel.importers.moderngov import import_moderngov
from graphmodel.model import ROLES
from moderngov_server import serving
from moderngov_site import (EMAIL, HOME_ADDRESS, HOME_PHONE, OUTSIDE_BODIES_BY_CATEGORY,
                            write_site)

COUNCIL = "Stroud District Council"


def cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def saved_site(tmp_path):
    return write_site(tmp_path / "site")


@pytest.fixture
def imported(saved_site, tmp_path):
    report = import_moderngov(str(saved_site), tmp_path / "stroud", council=COUNCIL)
    return report, open_source(report.path)


def membership(network, body, person):
    found = [m for m in network.memberships.values() if m.body == body and m.person == person]
    assert len(found) == 1, (body, person, found)
    return found[0]


def test_the_council_is_the_home_organisation_and_its_committees_are_bodies(imported):
    _, stroud = imported
    assert stroud.home_organisation.name == COUNCIL
    assert stroud.home_organisation.kind == "local_authority"
    assert {b.name: b.kind for b in stroud.bodies.values()} == {
        "Cabinet": "executive", "Overview and Scrutiny Committee": "scrutiny_board",
        "Planning Committee": "committee", "Cotswold Water Park Trust": "trust",
        "Police and Crime Panel": "panel", "Stroud Citizens Advice": "other_body",
        "Gloucestershire Rural Community Council": "other_body",
        "Severn Estuary Partnership": "partnership"}
    assert stroud.bodies["committee-12"].category == "Executive"
    assert stroud.bodies["committee-12"].organisation == stroud.dataset.home_organisation


def test_expired_and_deleted_committees_are_left_out_and_named(imported):
    report, stroud = imported
    names = {b.name for b in stroud.bodies.values()}
    assert "Local Plan Working Party" not in names and "Test Panel" not in names
    said = [str(p) for p in report.problems]
    assert said[:2] == [
        "GetCommittees_lDummy=0.xml: Local Plan Working Party: committee 31 is expired on the "
        "site, so it was left out (warning)",
        "GetCommittees_lDummy=0.xml: Test Panel: committee 40 is deleted on the site, so it "
        "was left out (warning)"]


def test_the_committee_count_with_its_leading_space_is_checked(saved_site, tmp_path):
    file = saved_site / "GetCommittees_lDummy=0.xml"
    file.write_text(file.read_text().replace("<committeescount> 5<", "<committeescount> 6<"))
    report = import_moderngov(str(saved_site), tmp_path / "out", council=COUNCIL)
    assert str(report.problems[0]) == ("GetCommittees_lDummy=0.xml: the site counts 6 "
                                       "committees but lists 5; 5 were read (warning)")


def test_the_cabinet_is_chaired_by_sian_jones_whose_name_was_entity_encoded(imported):
    _, stroud = imported
    sian = stroud.people["sian-jones"]
    assert sian.name == "Siân Jones"           # "Councillor Si&#226;n Jones" on the site
    assert sian.kind == "elected_member"
    chair = membership(stroud, "committee-12", "sian-jones")
    assert chair.role == "chair"
    assert chair.on_behalf_of == stroud.dataset.home_organisation
    assert membership(stroud, "committee-12", "tom-brown").role == "vice_chair"
    # contact details in brackets after a name are dropped, the role kept
    assert membership(stroud, "committee-20", "tom-brown").role == "vice_chair"
    assert membership(stroud, "committee-20", "tom-brown").notes is None


def test_a_councillor_on_a_committee_and_an_outside_body_is_one_person(imported):
    _, stroud = imported
    assert membership(stroud, "outside-body-5", "sian-jones").role == "trustee"
    assert [p.id for p in stroud.people.values() if p.name == "Siân Jones"] == ["sian-jones"]
    priya = [m.body for m in stroud.memberships.values() if m.person == "priya-shah"]
    # on Citizens Advice's page her link reads mgUserInfo.aspx?bcr=1&amp;UID=103
    assert sorted(priya) == ["committee-15", "committee-20", "outside-body-6", "outside-body-7"]


def test_councillors_keep_party_ward_and_terms_in_iso_dates(imported):
    _, stroud = imported
    # 02/05/2019 to 04/05/2027 on the site
    assert stroud.people["sian-jones"].notes == (
        "Party: Labour. Ward: Abbey. Terms of office: 2019-05-02 to 2027-05-04.")


def test_an_appointee_from_another_council_sits_for_it_with_a_warning(imported):
    report, stroud = imported
    jane = membership(stroud, "outside-body-5", "jane-doe")
    assert stroud.organisations[jane.on_behalf_of].name == "Cotswold District Council"
    assert stroud.people["jane-doe"].name == "Jane Doe"
    assert [str(p) for p in report.problems if "Cotswold District Council" in p.message] == [
        "mgOutsideBodyDetails_ID=5.html: organisation 'Cotswold District Council' inferred "
        "from 'Cllr Jane Doe' on Cotswold Water Park Trust; check it (warning)"]


def test_a_co_opted_member_is_not_assumed_to_sit_for_the_council(imported):
    _, stroud = imported
    key = membership(stroud, "committee-15", "mr-alan-key")
    assert stroud.people["mr-alan-key"].kind == "co_opted_member"
    assert key.on_behalf_of is None
    assert (key.role, key.notes) == ("member", None)   # a co-opted member is a member


def test_every_record_cites_the_response_it_came_from(imported):
    _, stroud = imported
    for record in [*stroud.bodies.values(), *stroud.people.values(),
                   *stroud.memberships.values()]:
        assert record.source_document in stroud.documents, record
    cabinet_seat = membership(stroud, "committee-12", "sian-jones")
    assert stroud.documents[cabinet_seat.source_document].reference == \
        "mgCommitteeDetails_ID=12.html"


def test_addresses_phone_numbers_and_email_addresses_reach_no_output_file(imported):
    report, _ = imported
    for file in Path(report.path).iterdir():
        text = file.read_text(encoding="utf-8")
        for private in (HOME_ADDRESS, "Acacia", HOME_PHONE, EMAIL):
            assert private not in text, (file.name, private)


# --- appointments to outside bodies are statements: the right, the places, the vacancies

def right_to(network, body):
    (right,) = [r for r in network.nomination_rights.values() if r.body == body]
    return right


def test_each_outside_body_page_states_the_council_s_right_to_appoint_citing_the_page(
        imported):
    _, stroud = imported
    for body in ("outside-body-5", "outside-body-6", "outside-body-7", "outside-body-8",
                 "outside-body-9"):
        right = right_to(stroud, body)
        assert (right.nominating_organisation, right.nominating_body) == (
            "stroud-district-council", None)
        assert stroud.documents[right.source_document].reference == \
            f"mgOutsideBodyDetails_ID={body.rsplit('-', 1)[1]}.html"
    # committees are the council's own: no right is recorded to them
    assert not [r for r in stroud.nomination_rights.values() if r.body.startswith("committee")]


def test_citizens_advice_has_two_places_one_vacant_and_a_deputy_who_fills_none(imported):
    """"Number of representatives: 2"; Priya Shah and Tom Brown on one line, separated by
    <br>, Tom Brown "&#40;Deputy&#41;"; then "Vacancy": CRLF line endings throughout."""
    _, stroud = imported
    right = right_to(stroud, "outside-body-7")
    assert right.places == 2
    assert right.source_section == "Our representatives"
    assert right.notes == ("Places as the page states them: 'Number of representatives: 2'. "
                           "Listed as vacant: Vacancy.")
    assert membership(stroud, "outside-body-7", "priya-shah").role == "member"
    assert membership(stroud, "outside-body-7", "tom-brown").role == "substitute"
    assert not [p for p in stroud.people.values() if "vacan" in p.name.lower()]


def test_a_table_of_council_representatives_with_a_place_to_be_appointed(imported):
    _, stroud = imported
    right = right_to(stroud, "outside-body-8")
    assert (right.places, right.source_section) == (2, "Council representatives")
    assert membership(stroud, "outside-body-8", "sian-jones").role == "trustee"  # Director
    assert [m.person for m in stroud.memberships.values() if m.body == "outside-body-8"] == [
        "sian-jones"]


def test_an_outside_body_with_an_empty_list_is_a_vacancy_not_unrecorded(imported):
    from graphmodel.analysis.representation import representation_gaps

    _, stroud = imported
    right = right_to(stroud, "outside-body-9")
    assert (right.places, right.notes) == (None, None)
    assert not [m for m in stroud.memberships.values() if m.body == "outside-body-9"]
    findings = representation_gaps(stroud)
    about = {(f.rule, f.subject.id) for f in findings}
    assert ("representation-unrecorded", "outside-body-9") not in about
    vacant = {f.subject.id: f for f in findings if f.rule == "vacant-appointment"}
    assert sorted(vacant) == ["outside-body-7", "outside-body-8", "outside-body-9"]
    assert vacant["outside-body-9"].message == (
        f"{COUNCIL} appoints members to the Severn Estuary Partnership and no one sits for it: "
        "its places are vacant.")
    assert vacant["outside-body-7"].message == (
        f"{COUNCIL} appoints 2 members to the Stroud Citizens Advice and 1 sits for it (Priya "
        "Shah); Tom Brown sits as substitute: 1 place is vacant.")
    page = next(e for e in vacant["outside-body-8"].evidence if e.type == "nomination_right")
    assert stroud.documents[page.source_document].reference == "mgOutsideBodyDetails_ID=8.html"


def test_places_are_counted_from_the_list_when_the_page_states_none(saved_site, tmp_path):
    page = saved_site / "mgOutsideBodyDetails_ID=7.html"
    page.write_bytes(page.read_bytes().replace(b"<p>Number of representatives: 2</p>", b"")
                     .replace(b"<li>Vacancy</li>", b"<li>Vacant seat</li><li>Vacancy</li>"))
    report = import_moderngov(str(saved_site), tmp_path / "out", council=COUNCIL)
    right = right_to(open_source(report.path), "outside-body-7")
    assert right.places == 3   # Priya Shah and two vacant places; the deputy fills none
    assert right.notes == ("Places as the list gives them: 1 appointee and 2 vacant places. "
                           "Listed as vacant: Vacant seat; Vacancy.")


def test_the_number_of_the_body_s_own_members_is_not_the_council_s_places(saved_site,
                                                                         tmp_path):
    page = saved_site / "mgOutsideBodyDetails_ID=6.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "<h2 class='mgSectionTitle'>Membership", "<p>Number of members: 12</p>"
        "<h2 class='mgSectionTitle'>Membership"), encoding="utf-8")
    report = import_moderngov(str(saved_site), tmp_path / "out", council=COUNCIL)
    assert right_to(open_source(report.path), "outside-body-6").places is None


def test_a_page_with_no_list_of_representatives_records_no_right_and_says_so(saved_site,
                                                                            tmp_path):
    page = saved_site / "mgOutsideBodyDetails_ID=9.html"
    page.write_text("<html><body><h1>Severn Estuary Partnership</h1><p>Page under "
                    "maintenance</p></body></html>", encoding="utf-8")
    report = import_moderngov(str(saved_site), tmp_path / "out", council=COUNCIL)
    assert not [r for r in open_source(report.path).nomination_rights.values()
                if r.body == "outside-body-9"]
    assert "mgOutsideBodyDetails_ID=9.html: no list of the council's representatives on the " \
           "Severn Estuary Partnership was found on the page: whether anyone sits there for " \
           "it is not known, and no right to appoint or vacancy is recorded (warning)" in \
           [str(p) for p in report.problems]


def test_a_committee_page_lists_the_whole_membership(imported, saved_site, tmp_path):
    _, stroud = imported
    assert [b.membership_complete for b in stroud.bodies.values()
            if b.id.startswith("committee")] == [True, True, True]
    assert [b.membership_complete for b in stroud.bodies.values()
            if b.id.startswith("outside-body")] == [None] * 5   # only the council's appointees
    (saved_site / "mgCommitteeDetails_ID=20.html").unlink()
    report = import_moderngov(str(saved_site), tmp_path / "out", council=COUNCIL)
    assert open_source(report.path).bodies["committee-20"].membership_complete is None


def test_a_committee_page_with_crlf_entities_and_attributes_in_any_order_reads_the_same(
        saved_site, tmp_path):
    page = saved_site / "mgCommitteeDetails_ID=12.html"
    page.write_bytes(
        b"<html>\r\n<body>\r\n<h2 class='mgSectionTitle'>Membership</h2>\r\n"
        b'<ul  class="mgBulletList" >\r\n'
        b"<li><a title='Link to councillor' HREF='mgUserInfo.aspx?bcr=1&amp;UID=101'>\r\n"
        b"Councillor Si&acirc;n Jones</a>&nbsp;&#40;Chairman&#41; </li>\r\n"
        b'<li><A href="mgUserInfo.aspx?UID=102" class="mgLink">Councillor Tom Brown</A> '
        b"&#40;Vice-Chairman&#41;</li>\r\n</ul>\r\n</body>\r\n</html>\r\n")
    stroud = open_source(import_moderngov(str(saved_site), tmp_path / "out",
                                          council=COUNCIL).path)
    assert membership(stroud, "committee-12", "sian-jones").role == "chair"
    assert membership(stroud, "committee-12", "tom-brown").role == "vice_chair"
    assert stroud.people["sian-jones"].name == "Siân Jones"
    assert stroud.bodies["committee-12"].membership_complete is True


@pytest.mark.parametrize("written, role", [
    ("Chair", "chair"), ("Chairman", "chair"), ("Chairwoman", "chair"),
    ("Vice-Chair", "vice_chair"), ("Vice-Chairman", "vice_chair"),
    ("Substitute", "substitute"), ("Reserve", "substitute"), ("Substitute Member", "substitute"),
    ("Deputy", "substitute"), ("Observer", "observer"), ("Non-voting", "observer"),
    ("Co-opted", "member"), ("Co-opted Member", "member"), ("Committee Member", "member"),
    ("Voting Member", "member"), ("Ex-officio", "member"),
    ("Independent Person", "adviser")])
def test_role_words_as_sites_write_them(saved_site, tmp_path, written, role):
    page = saved_site / "mgCommitteeDetails_ID=20.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "Councillor Priya Shah</a>", f"Councillor Priya Shah</a> &#40;{written}&#41;"),
        encoding="utf-8")
    report = import_moderngov(str(saved_site), tmp_path / "out", council=COUNCIL)
    seat = membership(open_source(report.path), "committee-20", "priya-shah")
    assert (seat.role, seat.notes) == (role, None)
    assert not [p for p in report.problems if "Priya" in str(p)]


def test_an_unknown_role_word_is_kept_in_the_notes_with_a_warning(saved_site, tmp_path):
    page = saved_site / "mgCommitteeDetails_ID=20.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "Councillor Priya Shah</a>", "Councillor Priya Shah</a> (Group Spokesperson)"),
        encoding="utf-8")
    report = import_moderngov(str(saved_site), tmp_path / "out", council=COUNCIL)
    seat = membership(open_source(report.path), "committee-20", "priya-shah")
    assert (seat.role, seat.notes) == ("member", "Listed as: Group Spokesperson.")
    assert [p.message for p in report.problems if p.field == "Councillor Priya Shah"] == [
        f"{ROLES.refusal('Group Spokesperson')}: kept in the notes"]


def test_an_independent_person_is_not_assumed_to_sit_for_the_council(saved_site, tmp_path):
    page = saved_site / "mgCommitteeDetails_ID=15.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "Mr Alan Key (Co-opted Member)", "Mrs Eve Long (Independent Person)"), encoding="utf-8")
    report = import_moderngov(str(saved_site), tmp_path / "out", council=COUNCIL)
    stroud = open_source(report.path)
    eve = membership(stroud, "committee-15", "mrs-eve-long")
    assert (eve.role, eve.on_behalf_of, stroud.people["mrs-eve-long"].kind) == (
        "adviser", None, "other")


def test_a_vacancy_on_a_committee_is_no_person_and_is_said(saved_site, tmp_path):
    page = saved_site / "mgCommitteeDetails_ID=20.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</ul>", "<li>Vacancy (Labour)</li></ul>"), encoding="utf-8")
    report = import_moderngov(str(saved_site), tmp_path / "out", council=COUNCIL)
    stroud = open_source(report.path)
    assert sorted(m.person for m in stroud.memberships.values() if m.body == "committee-20") \
        == ["priya-shah", "tom-brown"]
    assert "mgCommitteeDetails_ID=20.html: the Planning Committee lists 1 vacant place " \
           "(Vacancy (Labour)): no one was read for it (warning)" in \
           [str(p) for p in report.problems]


def test_a_site_missing_an_operation_is_imported_as_far_as_it_goes(tmp_path):
    site = write_site(tmp_path / "site", councillors=False)
    report = import_moderngov(str(site), tmp_path / "out", council=COUNCIL)
    stroud = open_source(report.path)
    assert "GetCouncillorsByWard.xml: the site does not answer GetCouncillorsByWard: no " \
           "parties, wards or terms of office, so it was skipped (warning)" in \
           [str(p) for p in report.problems]
    # the members are still read from the committee pages, as councillors by their title
    assert stroud.people["sian-jones"].kind == "elected_member"
    assert membership(stroud, "committee-12", "sian-jones").role == "chair"


def test_a_committee_whose_page_is_missing_is_kept_with_its_members_unknown(tmp_path):
    site = write_site(tmp_path / "site")
    (site / "mgCommitteeDetails_ID=20.html").unlink()
    report = import_moderngov(str(site), tmp_path / "out", council=COUNCIL)
    stroud = open_source(report.path)
    assert stroud.bodies["committee-20"].name == "Planning Committee"
    assert not [m for m in stroud.memberships.values() if m.body == "committee-20"]
    assert "mgCommitteeDetails_ID=20.html: the page is missing: the Planning Committee is " \
           "kept, but none of its members was read; import again when the site has it " \
           "(warning)" in [str(p) for p in report.problems]


def test_a_folder_that_is_not_a_moderngov_site_is_refused_clearly(tmp_path):
    (tmp_path / "not-a-site").mkdir()
    (tmp_path / "not-a-site" / "index.html").write_text("<html></html>")
    result = cli("import", "moderngov", tmp_path / "not-a-site", "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr == (f"error: {tmp_path / 'not-a-site'}: does not look like a ModernGov "
                             "site (GetCommittees_lDummy=0.xml is missing); give the address "
                             "of its democracy pages, e.g. https://democracy.example.gov.uk\n")
    assert not (tmp_path / "out").exists()


def test_the_imported_dataset_runs_through_summary_check_and_map(saved_site, tmp_path):
    out = tmp_path / "stroud"
    result = cli("import", "moderngov", saved_site, "--out", out, "--council", COUNCIL)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1] == (
        f"wrote {out}: 11 documents, 2 organisations, 8 bodies, 5 people, 13 memberships, "
        "5 nomination rights (5 warnings above)")   # no full council, no meetings
    assert cli("validate", out).exit_code == 0
    summary = cli("summary", out)
    assert summary.exit_code == 0
    assert summary.stdout.splitlines()[0].startswith(
        f"{COUNCIL} (ModernGov) (stroud-district-council), home organisation: {COUNCIL}, as of ")
    assert cli("check", out, "--fail-on", "error").exit_code == 0
    mapped = cli("map", out, "--view", "representation", "--out", tmp_path / "map.html")
    assert mapped.exit_code == 0, mapped.output
    assert "Cotswold Water Park Trust" in (tmp_path / "map.html").read_text(encoding="utf-8")


def test_the_imported_dataset_loads_into_neo4j(saved_site, tmp_path, store, neo4j_uri):
    out = tmp_path / "stroud"
    import_moderngov(str(saved_site), out, council=COUNCIL)
    result = cli("load", out, "--uri", neo4j_uri, "--format", "json")
    assert result.exit_code == 0, result.output
    stored = open_source(neo4j_uri, dataset="stroud-district-council")
    assert stored.memberships == open_source(out).memberships


# --- live: a local server serving the saved responses -------------------------------

@pytest.fixture
def live_site(tmp_path):
    """A ModernGov-like site on 127.0.0.1, its folder of responses and its request log."""
    folder = write_site(tmp_path / "served", councillors=True)
    (folder / "mgListOutsideBodies.html").unlink()          # this site lists them by category
    (folder / "mgListOutsideBodiesByCategory.html").write_text(OUTSIDE_BODIES_BY_CATEGORY,
                                                               encoding="utf-8")
    with serving(folder) as (url, log):
        yield url, folder, log


def test_a_live_crawl_is_polite_and_a_re_run_fetches_nothing(live_site, tmp_path):
    url, _, log = live_site
    cache = tmp_path / "cache"
    report = import_moderngov(url + "/mgListCommittees.aspx", tmp_path / "out",
                              council=COUNCIL, delay=0.2, cache=cache)
    fetched = [asked.name for asked in log]
    # committees, the committee structure page, councillors, the list of outside bodies
    # (tried plain, then by category), three committee pages and five outside-body pages,
    # once each, and the first committee's meetings (this site has none: the others are
    # not asked)
    assert len(fetched) == len(set(fetched)) == report.requests == 14
    assert "mgListOutsideBodies.html" in fetched             # answered 404
    assert "mgCommitteeStructure.html" in fetched            # answered 404, and remembered
    assert (cache / "mgCommitteeStructure.html.missing").exists()
    assert [n for n in fetched if n.startswith("GetMeetings")] == [  # answered 404
        next(n for n in fetched if n.startswith("GetMeetings_lCommitteeId=12_"))]
    assert all("graphmodel" in (asked.agent or "") for asked in log)
    gaps = [b.time - a.time for a, b in zip(log, log[1:])]
    assert min(gaps) >= 0.19
    stroud = open_source(report.path)
    assert stroud.documents[membership(stroud, "committee-12", "sian-jones").source_document] \
        .reference == f"{url}/mgCommitteeDetails.aspx?ID=12"
    assert stroud.bodies["outside-body-5"].category == "Environment"
    assert stroud.bodies["outside-body-6"].category == "Community safety"
    # an h3 under an h2 is a category of its own
    assert stroud.bodies["outside-body-9"].category == "Estuaries and coast"
    (right,) = [r for r in stroud.nomination_rights.values() if r.body == "outside-body-7"]
    assert right.places == 2
    assert stroud.documents[right.source_document].reference == \
        f"{url}/mgOutsideBodyDetails.aspx?ID=7"
    again = import_moderngov(url, tmp_path / "again", council=COUNCIL, delay=0.2, cache=cache)
    assert again.requests == 0 and len(log) == 14
    assert open_source(again.path) == stroud


def test_an_interrupted_crawl_resumes_and_its_cache_reads_offline(live_site, tmp_path):
    url, _, log = live_site
    cache = tmp_path / "cache"
    import_moderngov(url, tmp_path / "out", council=COUNCIL, delay=0, cache=cache)
    (cache / "mgCommitteeDetails_ID=15.html").unlink()      # as if stopped before it
    log.clear()
    import_moderngov(url, tmp_path / "out", council=COUNCIL, delay=0, cache=cache)
    assert [asked.name for asked in log] == ["mgCommitteeDetails_ID=15.html"]
    offline = import_moderngov(str(cache), tmp_path / "offline", council=COUNCIL)
    assert open_source(offline.path) == open_source(tmp_path / "out")
    # the web service's contact details are never saved (pages are kept as published)
    for file in cache.glob("*.xml"):
        for private in (HOME_ADDRESS, HOME_PHONE, EMAIL):
            assert private not in file.read_text(encoding="utf-8"), file.name


def test_a_live_site_that_is_not_moderngov_is_refused_and_asked_again_next_time(
        live_site, tmp_path):
    url, folder, log = live_site
    (folder / "GetCommittees_lDummy=0.xml").write_text("<html><body>Welcome</body></html>")
    for _ in range(2):
        result = cli("import", "moderngov", url, "--out", tmp_path / "out", "--delay", "0",
                     "--cache", tmp_path / "cache")
        assert result.exit_code == 2
        assert result.stderr == (f"error: {url}: does not look like a ModernGov site ({url}/"
                                 "mgWebService.asmx/GetCommittees?lDummy=0 is not a list of "
                                 "committees); give the address of its democracy pages, e.g. "
                                 "https://democracy.example.gov.uk\n")
    assert [asked.name for asked in log] == ["GetCommittees_lDummy=0.xml"] * 2


def test_each_site_address_has_its_own_cache(monkeypatch, tmp_path):
    from graphmodel.importers.crawl import default_cache

    monkeypatch.setenv("GRAPHMODEL_HOME", str(tmp_path))
    assert default_cache("https://democracy.example.gov.uk") == \
        tmp_path / "moderngov" / "democracy.example.gov.uk"
    assert default_cache("https://www.example.gov.uk/democracy") == \
        tmp_path / "moderngov" / "www.example.gov.uk_democracy"


def test_an_unreachable_site_is_a_clear_error(tmp_path):
    with pytest.raises(SiteError, match="cannot be reached"):
        import_moderngov("http://127.0.0.1:9/", tmp_path / "out", delay=0,
                         cache=tmp_path / "cache")
    result = cli("import", "moderngov", "http://127.0.0.1:9", "--out", tmp_path / "out",
                 "--cache", tmp_path / "cache")
    assert result.exit_code == 2
    assert result.stderr == ("error: http://127.0.0.1:9/mgWebService.asmx/GetCommittees?"
                             "lDummy=0: cannot be reached (ConnectionError); check the address "
                             "and the connection (what was read is kept, and a re-run resumes "
                             "from there)\n")
