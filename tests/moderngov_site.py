"""Saved responses of a small ModernGov site, in the shapes real sites answer with,
written by the tests (never fetched): committees (one expired, one deleted),
councillors by ward (one with a home address, phone number and e-mail address),
committee pages with chairs, and outside bodies with an appointee from another council;
outside-body pages as real sites publish them (CRLF line endings, brackets and accents
as entities, attributes in any order, names separated by ``<br>``, the number of places
stated, a vacancy, a table of appointees, an empty list), and the list of outside
bodies by category.

``python tests/moderngov_site.py FOLDER`` writes the site as an import saves it (a
saved crawl): the README's tour imports the one in examples/, and a test checks it is
what this writes."""
from __future__ import annotations

from pathlib import Path

HOME_ADDRESS = "12 Acacia Avenue, Cirencester GL7 1AA"
HOME_PHONE = "01285 623000"
EMAIL = "sian.jones@example.org"

COMMITTEES = """<?xml version="1.0" encoding="utf-8"?>
<committees><committeescount> 5</committeescount>
<committee><committeeid>12</committeeid><committeetitle>Cabinet</committeetitle>
  <committeedeleted>False</committeedeleted><committeeexpired>False</committeeexpired>
  <committeecategory>Executive</committeecategory></committee>
<committee><committeeid>15</committeeid><committeetitle>Overview and Scrutiny Committee</committeetitle>
  <committeedeleted>False</committeedeleted><committeeexpired>False</committeeexpired></committee>
<committee><committeeid>20</committeeid><committeetitle>Planning Committee</committeetitle>
  <committeedeleted>False</committeedeleted><committeeexpired>False</committeeexpired></committee>
<committee><committeeid>31</committeeid><committeetitle>Local Plan Working Party</committeetitle>
  <committeedeleted>False</committeedeleted><committeeexpired>True</committeeexpired></committee>
<committee><committeeid>40</committeeid><committeetitle>Test Panel</committeetitle>
  <committeedeleted>True</committeedeleted><committeeexpired>False</committeeexpired></committee>
</committees>"""


def _councillor(uid: str, name: str, party: str, start: str, end: str, extra: str = "") -> str:
    return f"""<councillor><councillorid>{uid}</councillorid><fullusername>{name}</fullusername>
      <politicalpartytitle>{party}</politicalpartytitle><keyposts></keyposts>{extra}
      <termsofoffice><term><startdate>{start}</startdate><enddate>{end}</enddate></term>
      </termsofoffice></councillor>"""


COUNCILLORS = f"""<?xml version="1.0" encoding="utf-8"?>
<councillorsbyward><wards>
<ward><wardtitle>Abbey</wardtitle><councillors>
{_councillor("101", "Councillor Si&#226;n Jones", "Labour", "02/05/2019", "04/05/2027",
             f"<homeaddress><line1>{HOME_ADDRESS}</line1></homeaddress>"
             f"<homephone>{HOME_PHONE}</homephone><email>{EMAIL}</email>")}
{_councillor("102", "Councillor Tom Brown", "Green Party", "04/05/2023", "04/05/2027")}
</councillors></ward>
<ward><wardtitle>Brook</wardtitle><councillors>
{_councillor("103", "Councillor Priya Shah", "Liberal Democrats", "02/05/2019", "04/05/2027")}
</councillors></ward>
</wards></councillorsbyward>"""


def _page(title: str, items: list[str]) -> str:
    lis = "".join(f"<li>{i}</li>" for i in items)
    return (f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
            f"<div class='mgContent'><h2 class='mgSectionTitle'>Membership</h2>"
            f"<ul class='mgBulletList'>{lis}</ul>"
            f"<h2>Contact information</h2><p>Democratic Services, 01285 623001</p></div>"
            f"</body></html>")


def _member(uid: str, name: str, after: str = "") -> str:
    return f'<a href="mgUserInfo.aspx?UID={uid}">{name}</a>{after}'


# the outside bodies listed after the first two (their pages are added below PAGES)
OUTSIDE_BODIES_ADDED = (
    '<li><a href="mgOutsideBodyDetails.aspx?ID=7">Stroud Citizens Advice</a></li>'
    '<li><a href="mgOutsideBodyDetails.aspx?ID=8">Gloucestershire Rural Community Council'
    "</a></li>"
    '<li><a href="mgOutsideBodyDetails.aspx?ID=9">Severn Estuary Partnership</a></li>')

PAGES = {
    "mgCommitteeDetails_ID=12.html": _page("Cabinet", [
        _member("101", "Councillor Si&#226;n Jones", " (Chair)"),
        _member("102", "Councillor Tom Brown", " (Vice-Chair)")]),
    "mgCommitteeDetails_ID=15.html": _page("Overview and Scrutiny Committee", [
        _member("103", "Councillor Priya Shah", " (Chair)"),
        _member("102", "Councillor Tom Brown"),
        "Mr Alan Key (Co-opted Member)"]),
    "mgCommitteeDetails_ID=20.html": _page("Planning Committee", [
        _member("103", "Councillor Priya Shah"),
        _member("102", "Councillor Tom Brown", f" (Vice-Chair) ({EMAIL}) ({HOME_PHONE})")]),
    "mgListOutsideBodies.html": (
        "<html><body><h1>Outside bodies</h1><ul>"
        '<li><a href="mgOutsideBodyDetails.aspx?ID=5">Cotswold Water Park Trust</a></li>'
        '<li><a href="mgOutsideBodyDetails.aspx?ID=6">Police and Crime Panel</a></li>'
        + OUTSIDE_BODIES_ADDED + "</ul></body></html>"),
    "mgOutsideBodyDetails_ID=5.html": _page("Cotswold Water Park Trust", [
        _member("101", "Councillor Si&#226;n Jones", " (Trustee)"),
        _member("200", "Cllr Jane Doe (Cotswold District Council)")]),
    "mgOutsideBodyDetails_ID=6.html": _page("Police and Crime Panel", [
        _member("103", "Councillor Priya Shah")]),
}


PAGES.update({
    # "Our representatives", CRLF, brackets as entities, two names in one item
    "mgOutsideBodyDetails_ID=7.html": "\r\n".join([
        "<html><head><title>Outside body - Stroud Citizens Advice</title></head><body>",
        '<div class="mgContent"><h2 class="mgSubTitleTxt">Stroud Citizens Advice</h2>',
        "<h2 class='mgSectionTitle'>Details</h2>",
        "<p>Advice on benefits, debt and housing.</p>",
        "<p>Number of representatives: 2</p>",
        '<h2 class="mgSectionTitle">Our representatives</h2>',
        '<ul  class="mgBulletList" >',
        "<li><a title='Link to councillor' HREF='mgUserInfo.aspx?bcr=1&amp;UID=103'>\r\n"
        "Councillor Priya Shah</a><br/>\r\n"
        '<A class="mgLink" href="mgUserInfo.aspx?UID=102">Councillor Tom Brown</A> '
        "&#40;Deputy&#41; </li>",
        "<li>Vacancy</li>",
        "</ul>",
        "<h2 class='mgSectionTitle'>Contact information</h2><p>01453 754321</p></div>",
        "</body></html>"]),
    # appointees in a table with a caption; a place to be appointed; "2 representatives"
    "mgOutsideBodyDetails_ID=8.html": (
        "<html><body><h1>Gloucestershire Rural Community Council</h1>"
        "<p>The council appoints 2 representatives.</p>"
        '<table class="mgStatsTable"><caption>Council representatives</caption>'
        "<tr><th>Name</th><th>Role</th></tr>"
        '<tr><td><a href="mgUserInfo.aspx?UID=101">Councillor Si&acirc;n Jones</a></td>'
        "<td>Director</td></tr>"
        "<tr><td>To be appointed</td><td></td></tr></table></body></html>"),
    # an outside body the council has no one on: the list is empty
    "mgOutsideBodyDetails_ID=9.html": _page("Severn Estuary Partnership", []),
})

# the same outside bodies, listed by category as mgListOutsideBodiesByCategory.aspx does
OUTSIDE_BODIES_BY_CATEGORY = (
    "<html><body><h1>Outside bodies by category</h1>"
    '<h2 class="mgSubTitleTxt">Environment</h2><ul class="mgBulletList">'
    '<li><a href="mgOutsideBodyDetails.aspx?ID=5">Cotswold Water Park Trust</a></li></ul>'
    '<h3 class="mgSubSubTitleTxt">Estuaries and coast</h3><ul class="mgBulletList">'
    '<li><a title="Link to details" href="mgOutsideBodyDetails.aspx?ID=9">Severn Estuary '
    "Partnership</a></li></ul>"
    '<h2 class="mgSubTitleTxt">Community safety</h2><ul class="mgBulletList">'
    '<li><a href="mgOutsideBodyDetails.aspx?ID=6">Police and Crime Panel</a></li></ul>'
    '<h2 class="mgSubTitleTxt">Communities</h2><ul class="mgBulletList">'
    '<li><a href="mgOutsideBodyDetails.aspx?ID=7">Stroud Citizens Advice</a></li>'
    '<li><a href="mgOutsideBodyDetails.aspx?ID=8">Gloucestershire Rural Community '
    "Council</a></li></ul></body></html>")


# A county council's site, for its committee structure: the web service's answer with
# CRLF line ends and an entity in a title, as a Windows server sends it. The full council
# is titled after the council; the sub-committees and panels are placed by category or by
# name, two are ambiguous, and one's category names no committee.
COUNTY = "Wessex County Council"
COUNTY_COMMITTEES = [
    # id, title, category
    ("1", "Wessex County Council", "Council"),
    ("2", "Cabinet", "Executive"),
    ("3", "Appointments Committee", "Regulatory Committees"),
    ("4", "Appointments Sub-Committee", "Appointments Committee"),
    ("5", "Planning &amp; Regulation Committee", "Regulatory Committees"),
    ("6", "Planning &amp; Regulation Sub-Committee", "Regulatory Committees"),
    ("7", "Police and Crime Panel", "Joint Committees"),
    ("8", "Police and Crime Panel Complaints Subcommittee", "Joint Committees"),
    ("9", "Pension Fund Committee", "Regulatory Committees"),
    ("10", "Pension Fund Panel", "Audit and Governance Committee"),
    ("11", "Audit and Governance Committee", "Regulatory Committees"),
    ("12", "Adoption Panel", "Fostering Panel"),
    ("14", "Licensing Committee", "Regulatory Committees"),
    ("15", "Licensing Committee", "Licensing Act 2003"),
    ("16", "Licensing Sub-Committee", "Licensing Act 2003"),
]


def _county_committees() -> str:
    rows = [f"<committee><committeeid>{i}</committeeid><committeetitle>{title}"
            "</committeetitle><committeedeleted>False</committeedeleted><committeeexpired>"
            f"False</committeeexpired><committeecategory>{category}</committeecategory>"
            "</committee>" for i, title, category in COUNTY_COMMITTEES]
    return "\r\n".join(['<?xml version="1.0" encoding="utf-8"?>', "<committees>",
                        f"<committeescount> {len(rows)}</committeescount>", *rows,
                        "</committees>"])


def _nest(items: list[tuple[str, str, list]]) -> str:
    """Nested lists of committee links, as a structure page draws them (CRLF, and an
    ampersand written as an entity in a link's query)."""
    return "".join(
        f'<li><a href="mgCommitteeDetails.aspx?ID={i}&amp;bcr=1" title="{title}">{title}</a>'
        + (f'\r\n<ul class="mgBulletList">\r\n{_nest(below)}</ul>\r\n' if below else "")
        + "</li>\r\n" for i, title, below in items)


# the committee structure page: the council at the top, its committees nested under it,
# and the Pension Fund Panel under the Pension Fund Committee (which its category and its
# name leave open); the Appointments Sub-Committee is not on it
COUNTY_STRUCTURE = (
    "<html>\r\n<head><title>Committee structure</title></head>\r\n<body>\r\n"
    '<ul class="breadcrumb"><li><a href="mgListCommittees.aspx">Committees</a></li></ul>\r\n'
    '<h1>Committee structure</h1>\r\n<div class="mgContent">\r\n<ul class="mgBulletList">'
    + _nest([("1", "Wessex County Council", [
        ("2", "Cabinet", []),
        ("5", "Planning &amp; Regulation Committee", [
            ("6", "Planning &amp; Regulation Sub-Committee", [])]),
        ("9", "Pension Fund Committee", [("10", "Pension Fund Panel", [])]),
        ("11", "Audit and Governance Committee", [])])])
    + "</ul>\r\n</div>\r\n</body>\r\n</html>\r\n")


def write_county_site(folder: Path, *, structure: bool = False) -> Path:
    """Write a county council's committees (and, when asked, its committee structure
    page), each committee's page listing no one."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "GetCommittees_lDummy=0.xml").write_bytes(_county_committees().encode())
    for i, title, _ in COUNTY_COMMITTEES:
        (folder / f"mgCommitteeDetails_ID={i}.html").write_text(_page(title, []),
                                                                encoding="utf-8")
    if structure:
        (folder / "mgCommitteeStructure.html").write_bytes(COUNTY_STRUCTURE.encode())
    return folder


def write_site(folder: Path, *, councillors: bool = True) -> Path:
    """Write the saved responses into ``folder`` (without GetCouncillorsByWard when asked:
    a site missing one operation)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "GetCommittees_lDummy=0.xml").write_text(COMMITTEES, encoding="utf-8")
    if councillors:
        (folder / "GetCouncillorsByWard.xml").write_text(COUNCILLORS, encoding="utf-8")
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def write_saved_crawl(folder: Path) -> Path:
    """The site as an import keeps it in its cache: the responses, with the contact
    details taken out of the web service's answers."""
    from graphmodel.importers.crawl import without_contact_details

    write_site(folder)
    for xml in sorted(folder.glob("*.xml")):
        xml.write_bytes(without_contact_details(xml.read_bytes()))
    return folder


if __name__ == "__main__":
    import sys

    write_saved_crawl(Path(sys.argv[1]))
