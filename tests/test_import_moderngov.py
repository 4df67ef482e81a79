"""Importing a council's ModernGov site: from saved responses, and live from a local
server started by the test (127.0.0.1 only) that serves the same responses."""
from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from click.testing import CliRunner

from graphmodel import open_source
from graphmodel.cli import main
from graphmodel.importers.crawl import Request, SiteError
from graphmodel.importers.moderngov import import_moderngov
from moderngov_site import EMAIL, HOME_ADDRESS, HOME_PHONE, write_site

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
        "Police and Crime Panel": "panel"}
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
    assert sorted(priya) == ["committee-15", "committee-20", "outside-body-6"]


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
        f"wrote {out}: 8 documents, 2 organisations, 5 bodies, 5 people, 10 memberships "
        "(4 warnings above)")
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

class _Site(http.server.BaseHTTPRequestHandler):
    folder: Path
    log: list

    def do_GET(self):  # noqa: N802 - the name http.server calls
        parts = urlsplit(self.path)
        request = Request(parts.path.lstrip("/"), tuple(parse_qsl(parts.query)))
        self.log.append((time.monotonic(), request.file_name, self.headers["User-Agent"]))
        file = self.folder / request.file_name
        if not file.exists():
            self.send_error(404)
            return
        body = file.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/xml" if request.is_xml else "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def live_site(tmp_path):
    """A ModernGov-like site on 127.0.0.1, its folder of responses and its request log."""
    folder = write_site(tmp_path / "served", councillors=True)
    (folder / "mgListOutsideBodies.html").unlink()          # this site lists them by category
    (folder / "mgListOutsideBodiesByCategory.html").write_text(
        "<html><body><h1>Outside bodies by category</h1>"
        '<h2>Environment</h2><ul><li><a href="mgOutsideBodyDetails.aspx?ID=5">'
        "Cotswold Water Park Trust</a></li></ul>"
        '<h2>Community safety</h2><ul><li><a href="mgOutsideBodyDetails.aspx?ID=6">'
        "Police and Crime Panel</a></li></ul></body></html>", encoding="utf-8")
    handler = type("Handler", (_Site,), {"folder": folder, "log": []})
    server = http.server.HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", folder, handler.log
    finally:
        server.shutdown()
        server.server_close()


def test_a_live_crawl_is_polite_and_a_re_run_fetches_nothing(live_site, tmp_path):
    url, _, log = live_site
    cache = tmp_path / "cache"
    report = import_moderngov(url + "/mgListCommittees.aspx", tmp_path / "out",
                              council=COUNCIL, delay=0.2, cache=cache)
    fetched = [name for _, name, _ in log]
    # committees, councillors, the list of outside bodies (tried plain, then by
    # category), three committee pages and two outside-body pages, once each, and the
    # first committee's meetings (this site has none: the others are not asked)
    assert len(fetched) == len(set(fetched)) == report.requests == 10
    assert "mgListOutsideBodies.html" in fetched             # answered 404
    assert [n for n in fetched if n.startswith("GetMeetings")] == [  # answered 404
        next(n for n in fetched if n.startswith("GetMeetings_lCommitteeId=12_"))]
    assert all("graphmodel" in agent for _, _, agent in log)
    gaps = [b - a for (a, _, _), (b, _, _) in zip(log, log[1:])]
    assert min(gaps) >= 0.19
    stroud = open_source(report.path)
    assert stroud.documents[membership(stroud, "committee-12", "sian-jones").source_document] \
        .reference == f"{url}/mgCommitteeDetails.aspx?ID=12"
    assert stroud.bodies["outside-body-5"].category == "Environment"
    assert stroud.bodies["outside-body-6"].category == "Community safety"
    again = import_moderngov(url, tmp_path / "again", council=COUNCIL, delay=0.2, cache=cache)
    assert again.requests == 0 and len(log) == 10
    assert open_source(again.path) == stroud


def test_an_interrupted_crawl_resumes_and_its_cache_reads_offline(live_site, tmp_path):
    url, _, log = live_site
    cache = tmp_path / "cache"
    import_moderngov(url, tmp_path / "out", council=COUNCIL, delay=0, cache=cache)
    (cache / "mgCommitteeDetails_ID=15.html").unlink()      # as if stopped before it
    log.clear()
    import_moderngov(url, tmp_path / "out", council=COUNCIL, delay=0, cache=cache)
    assert [name for _, name, _ in log] == ["mgCommitteeDetails_ID=15.html"]
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
    assert [name for _, name, _ in log] == ["GetCommittees_lDummy=0.xml"] * 2


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
