"""A county council's ModernGov site, written by the tests (never fetched): 32 current
committees (a full council, a cabinet, scrutiny committees, sub-committees named after
their parents or listed in their category, a police and crime panel with its
complaints subcommittee), 65 councillors in wards and parties, about 280 committee
seats with chairmen, vice-chairmen, co-opted members, an independent person and
substitutes, and 60 outside bodies by category, some with nobody appointed; each
committee's meetings of the last year and a half (one cancelled here and there, one to
come) with who attended: most members present, some apologies, a councillor who has
attended nothing for seven months, one who last attended five months ago, and officers
in attendance.

The people and bodies are invented; the shapes are those real sites answer with:
CRLF line endings, entities, a leading space in the committee count, and the role
words councils write ("Chairman", "Vice-Chairman", "Co-opted Member", "Reserve").

``python tests/moderngov_council.py FOLDER`` writes the site, to import with
``graphmodel import moderngov FOLDER --council "Wealdshire County Council"``.
"""
from __future__ import annotations

import datetime as _dt
import random
from html import escape
from pathlib import Path

COUNCIL = "Wealdshire County Council"

# (title, category); the first is the full council
COMMITTEES = [
    ("Wealdshire County Council", "Council"),
    ("Cabinet", "Executive"),
    ("Scrutiny Commission", "Scrutiny"),
    ("Adults and Communities Overview and Scrutiny Committee", "Scrutiny"),
    ("Children and Families Overview and Scrutiny Committee", "Scrutiny"),
    ("Environment and Climate Change Overview and Scrutiny Committee", "Scrutiny"),
    ("Health Overview and Scrutiny Committee", "Scrutiny"),
    ("Highways and Transport Overview and Scrutiny Committee", "Scrutiny"),
    ("Corporate Governance Committee", "Audit"),
    ("Development Control and Regulatory Board", "Regulatory"),
    ("Licensing Committee", "Regulatory"),
    ("Licensing Sub-Committee", "Licensing Committee"),
    ("Appointments Committee", "Employment"),
    ("Appointments Sub-Committee", "Appointments Committee"),
    ("Employment Committee", "Employment"),
    ("Employment Appeals Sub-Committee", "Employment"),
    ("Pension Fund Committee", "Pensions"),
    ("Investment Sub-Committee", "Pension Fund Committee"),
    ("Local Pension Board", "Pensions"),
    ("Standards Committee", "Standards"),
    ("Standards Hearing Sub-Committee", "Standards"),
    ("Constitution Committee", "Committees"),
    ("Health and Wellbeing Board", "Partnerships"),
    ("Police and Crime Panel", "Partnerships"),
    ("Police and Crime Panel Complaints Subcommittee", "Partnerships"),
    ("Schools Forum", "Partnerships"),
    ("Standing Advisory Council on Religious Education", "Partnerships"),
    ("Corporate Parenting Panel", "Committees"),
    ("Member Development Panel", "Committees"),
    ("Local Access Forum", "Partnerships"),
    ("Joint Health Scrutiny Committee", "Scrutiny"),
    ("Climate Emergency Working Group", "Committees"),
]
GONE = [("Brexit Advisory Panel", "Committees", "expired"),
        ("Covid Recovery Task and Finish Group", "Scrutiny", "deleted")]
SIZES = {"Cabinet": 8, "Scrutiny Commission": 12, "Investment Sub-Committee": 4,
         "Licensing Sub-Committee": 3, "Appointments Sub-Committee": 4,
         "Employment Appeals Sub-Committee": 3, "Standards Hearing Sub-Committee": 3,
         "Police and Crime Panel Complaints Subcommittee": 4, "Local Pension Board": 3,
         "Member Development Panel": 5, "Climate Emergency Working Group": 6,
         "Corporate Parenting Panel": 6, "Local Access Forum": 2}
OUTSIDE = {
    "Health and Social Care": ["Wealdshire Partnership NHS Trust Council of Governors",
                               "Healthwatch Wealdshire", "Wealdshire Hospice",
                               "Carers Centre Wealdshire", "Age UK Wealdshire",
                               "Integrated Care Partnership", "Mental Health Forum"],
    "Community Safety": ["Community Safety Partnership", "Youth Offending Management Board",
                         "Wealdshire Fire and Rescue Authority",
                         "Safeguarding Adults Board", "Road Safety Partnership",
                         "Domestic Abuse Local Partnership Board"],
    "Economy and Regeneration": ["Local Enterprise Partnership", "Wealdshire Chamber of Trade",
                                 "Market Towns Forum", "Rural Growth Network",
                                 "East Wealdshire Business Improvement District",
                                 "Regional Transport Board", "Airport Consultative Committee",
                                 "Skills Advisory Panel"],
    "Environment and Countryside": ["Wealdshire Wildlife Trust", "Downs National Landscape Board",
                                    "Flood and Coastal Committee", "Waste Partnership",
                                    "Canal Restoration Trust", "Forest Partnership",
                                    "River Weald Catchment Partnership", "Climate Action Network"],
    "Culture and Heritage": ["Wealdshire Music Hub", "County Record Office Trust",
                             "Weald Museum Trust", "Theatre Royal Wealdshire",
                             "Arts Partnership", "Heritage Open Days Committee",
                             "Library Friends Forum"],
    "Education and Young People": ["Wealdshire College Corporation",
                                   "University of Wealdshire Court",
                                   "Admissions Forum", "Youth Council", "Virtual School Board",
                                   "Early Years Partnership", "Outdoor Education Trust"],
    "Local Government Associations": ["Local Government Association General Assembly",
                                      "County Councils Network", "Regional Employers",
                                      "Rural Services Network", "Coastal Councils Group",
                                      "District and County Councils Liaison Group"],
    "Trusts and Charities": ["Wealdshire Community Foundation", "Almshouse Charity",
                             "Citizens Advice Wealdshire", "Rural Community Council",
                             "Voluntary Action Wealdshire", "Poor's Land Charity",
                             "Sports Partnership Trust", "Wealdshire Show Society",
                             "Armed Forces Covenant Board", "Twinning Association",
                             "Wealdshire Scouts Council"],
}
FIRST = ["Anne", "Brian", "Carol", "David", "Elaine", "Frank", "Gita", "Hugh", "Irene",
         "James", "Karen", "Liam", "Mair", "Nigel", "Olwen", "Peter", "Rita", "Simon",
         "Tariq", "Una", "Victor", "Wendy", "Yusuf", "Zoe", "Ruth", "Dev", "Siân", "Niamh"]
LAST = ["Ashby", "Baxter", "Carter", "Dunn", "Ellis", "Fowler", "Grant", "Hughes", "Iqbal",
        "Jarvis", "Khan", "Lowe", "Marsh", "Noakes", "O'Brien", "Patel", "Quinn", "Rees",
        "Shaw", "Turner", "Vaughan", "Walsh", "Young", "Zielinski", "Ford", "Osei"]
WARDS = ["Abbey", "Brookside", "Castle", "Downsview", "East Weald", "Fairfield", "Greenhill",
         "Harbour", "Ivydene", "Kingsmead", "Longford", "Millbrook", "Northgate", "Oakley",
         "Priory", "Queensway", "Riverside", "St Mary's", "Thornbury", "Upperton",
         "Valley", "Westgate"]
PARTIES = ["Conservative"] * 5 + ["Liberal Democrat"] * 3 + ["Labour"] * 2 + ["Green Party",
                                                                               "Independent"]


def _crlf(text: str) -> bytes:
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")


def _councillors(rng: random.Random) -> list[tuple[str, str, str, str]]:
    """(uid, name, party, ward) of 65 councillors, three to a ward at most."""
    names: set[str] = set()
    found = []
    while len(found) < 65:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name in names:
            continue
        names.add(name)
        found.append((str(1000 + len(found)), name, rng.choice(PARTIES),
                      WARDS[len(found) % len(WARDS)]))
    return found


def _committees_xml() -> str:
    rows = [(i + 1, t, c, "") for i, (t, c) in enumerate(COMMITTEES)]
    rows += [(90 + i, t, c, how) for i, (t, c, how) in enumerate(GONE)]
    items = "".join(
        f"<committee><committeeid>{i}</committeeid>"
        f"<committeetitle>{escape(t)}</committeetitle>"
        f"<committeedeleted>{how == 'deleted'}</committeedeleted>"
        f"<committeeexpired>{how == 'expired'}</committeeexpired>"
        f"<committeecategory>{escape(c)}</committeecategory></committee>\n"
        for i, t, c, how in rows)
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<committees>'
            f"<committeescount> {len(rows)}</committeescount>\n{items}</committees>\n")


def _councillors_xml(councillors: list[tuple[str, str, str, str]]) -> str:
    wards: dict[str, list[str]] = {}
    for uid, name, party, ward in councillors:
        wards.setdefault(ward, []).append(
            f"<councillor><councillorid>{uid}</councillorid>"
            f"<fullusername>Councillor {escape(name)}</fullusername>"
            f"<politicalpartytitle>{escape(party)}</politicalpartytitle>"
            f"<keyposts></keyposts><termsofoffice><term><startdate>06/05/2021</startdate>"
            f"<enddate>01/05/2025</enddate></term><term><startdate>02/05/2025</startdate>"
            f"<enddate>04/05/2029</enddate></term></termsofoffice></councillor>")
    body = "".join(f"<ward><wardtitle>{escape(w)}</wardtitle><councillors>{''.join(cs)}"
                   "</councillors></ward>\n" for w, cs in wards.items())
    return f'<?xml version="1.0" encoding="utf-8"?>\n<councillorsbyward><wards>\n{body}' \
           "</wards></councillorsbyward>\n"


def _page(title: str, heading: str, items: list[str], before: str = "") -> str:
    lis = "".join(f"<li>{i}</li>\n" for i in items)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><title>{escape(title)}</title></head>\n'
            f'<body><div id="modgov"><div class="mgHeader"><h1 class="mgMainTitleTxt">'
            f"{escape(title)}</h1></div>\n<div class=\"mgContent\">{before}\n"
            f'<h2 class="mgSectionTitle">{heading}</h2>\n<ul class="mgBulletList">\n{lis}</ul>\n'
            "<h2>Contact information</h2><p>Democratic Services, County Hall, 01632 960000</p>"
            "</div></div></body></html>\n")


def _member(uid: str, name: str, after: str = "") -> str:
    return f'<a href="mgUserInfo.aspx?UID={uid}">Councillor {escape(name)}</a>{after}'


def _committee_items(title: str, people: list[tuple[str, str, str, str]],
                     rng: random.Random) -> tuple[list[str], list[tuple[str, str]]]:
    """The membership list's items, and (user id, name) of each councillor on it."""
    if title == COUNCIL:
        chair, vice = rng.sample(range(len(people)), 2)
        return [_member(uid, name, " (Chairman)" if i == chair else
                        " (Vice-Chairman)" if i == vice else "")
                for i, (uid, name, _, _) in enumerate(people)], \
            [(uid, name) for uid, name, _, _ in people]
    size = SIZES.get(title, rng.randint(9, 12))
    chosen = rng.sample(people, size)
    return _extra_items(title, chosen, people, rng), [(uid, name) for uid, name, _, _ in chosen]


def _extra_items(title: str, chosen: list[tuple[str, str, str, str]],
                 people: list[tuple[str, str, str, str]], rng: random.Random) -> list[str]:
    size = len(chosen)
    items = [_member(uid, name, " (Chairman)" if i == 0 else " (Vice-Chairman)" if i == 1
                     and size > 3 else "") for i, (uid, name, _, _) in enumerate(chosen)]
    if title == "Cabinet":
        items[2] = items[2] + " (Cabinet Lead Member for Health)"
    if title.startswith("Children and Families"):
        items += ["Mrs Helen Ward (Co-opted Member)", "Mr Graham Lee (Parent Governor)"]
    if title == "Standards Committee":
        items += ["Ms Rowena Hart (Independent Person)"]
    if title == "Police and Crime Panel":
        items += ["Councillor Jo Bell (Eastbrook District Council)",
                  "Councillor Ravi Mistry (Weald Valley Borough Council)",
                  "Mr Tom Knight (Independent Member)",
                  _member(rng.choice(people)[0], rng.choice(people)[1], " (Substitute)")]
    if title == "Pension Fund Committee":
        items += ["Mr Alan Price (Employee Representative)"]
    return items


def _outside_items(rng: random.Random, people: list[tuple[str, str, str, str]],
                   n: int) -> tuple[str, list[str]]:
    places = rng.choice([1, 1, 1, 2, 2, 3])
    appointed = 0 if n % 9 == 4 else places - (1 if n % 11 == 5 and places > 1 else 0)
    chosen = rng.sample(people, appointed)
    items = [_member(uid, name, " (Substitute)" if n % 13 == 7 and i == 1 else "")
             for i, (uid, name, _, _) in enumerate(chosen)]
    if appointed < places and n % 2:
        items += ["Vacancy"] * (places - appointed)
    before = f"<p>Number of representatives: {places}</p>" if n % 3 else ""
    return before, items


def _site_day(day: _dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _attendance(uid: str, day: _dt.date, today: _dt.date, away: str, late: str,
                rng: random.Random) -> str:
    """How a councillor is marked at a meeting: the one away for seven months sends
    apologies, the one last seen five months ago too since then; the rest mostly come."""
    if (uid == away and day > today - _dt.timedelta(days=215)) or \
            (uid == late and day > today - _dt.timedelta(days=150)):
        return "Apologies"
    return rng.choices(["Present, as expected", "Apologies", "Absent",
                        "Apologies, sent substitute"], [86, 9, 3, 2])[0]


def _meetings(committee: str, title: str, members: list[tuple[str, str]], today: _dt.date,
              first_id: int, away: str, late: str,
              rng: random.Random) -> dict[str, str]:
    """GetMeetings for a committee, and GetMeeting for each meeting held."""
    every = 28 if title == COUNCIL else rng.choice([42, 56, 63, 84])
    day, listed, files = today - _dt.timedelta(days=540 - rng.randint(0, every)), [], {}
    while day < today + _dt.timedelta(days=60):
        mid = str(first_id + len(listed))
        status = "Cancelled" if rng.random() < 0.06 else "Confirmed"
        listed.append(f"<meeting><meetingid>{mid}</meetingid><meetingdate>{_site_day(day)}"
                      f"</meetingdate><meetingtime>10:00</meetingtime><meetingstatus>{status}"
                      "</meetingstatus><meetinglocation>County Hall, Weald Road, Wealdbury WB1 "
                      "1AA</meetinglocation></meeting>")
        if status == "Confirmed" and day < today:
            people = "".join(
                f"<attendee><userid>{uid}</userid><name>Councillor {escape(name)}</name>"
                f"<roledescription>Committee Member</roledescription><attendance>"
                f"{_attendance(uid, day, today, away, late, rng)}</attendance></attendee>\n"
                for uid, name in members)
            people += ("<attendee><userid>9001</userid><name>Ms Dana Webb</name>"
                       "<roledescription>Officer</roledescription><attendance>In attendance"
                       "</attendance><email>dana.webb@wealdshire.example</email></attendee>\n")
            files[f"GetMeeting_lMeetingId={mid}.xml"] = (
                f'<?xml version="1.0" encoding="utf-8"?>\n<getmeeting><meeting><meetingid>{mid}'
                f"</meetingid><committeeid>{committee}</committeeid><meetingdate>"
                f"{_site_day(day)}</meetingdate><meetingstatus>Confirmed</meetingstatus>"
                f"<attendees>\n{people}</attendees></meeting></getmeeting>\n")
        day += _dt.timedelta(days=every)
    files[f"GetMeetings_lCommitteeId={committee}.xml"] = (
        f'<?xml version="1.0" encoding="utf-8"?>\n<getmeetings><committeeid>{committee}'
        f"</committeeid><committeetitle>{escape(title)}</committeetitle><meetings>\n"
        + "\n".join(listed) + "\n</meetings></getmeetings>\n")
    return files


def write_council_site(folder: Path, seed: int = 1, today: _dt.date | None = None) -> Path:
    """Write the county council's saved responses into ``folder``, its meetings dated
    from ``today`` (the day the tests run unless given)."""
    rng = random.Random(seed)
    today = today or _dt.date.today()
    folder.mkdir(parents=True, exist_ok=True)
    people = _councillors(rng)
    away, late = people[7][0], people[11][0]
    files = {"GetCommittees_lDummy=0.xml": _committees_xml(),
             "GetCouncillorsByWard.xml": _councillors_xml(people)}
    for i, (title, _) in enumerate(COMMITTEES):
        items, members = _committee_items(title, people, rng)
        files[f"mgCommitteeDetails_ID={i + 1}.html"] = _page(title, "Membership", items)
        files.update(_meetings(str(i + 1), title, members, today, 10000 + 100 * i, away, late,
                               rng))
    listing, n = [], 0
    for category, names in OUTSIDE.items():
        listing.append(f"<h2>{escape(category)}</h2>\n<ul>")
        for name in names:
            n += 1
            listing.append(f'<li><a href="mgOutsideBodyDetails.aspx?ID={200 + n}">'
                           f"{escape(name)}</a></li>")
            before, items = _outside_items(rng, people, n)
            files[f"mgOutsideBodyDetails_ID={200 + n}.html"] = _page(
                name, "Our representatives", items, before)
        listing.append("</ul>")
    files["mgListOutsideBodiesByCategory.html"] = _page(
        "Outside bodies by category", "Categories", []).replace(
        "<ul class=\"mgBulletList\">\n</ul>", "\n".join(listing))
    for name, text in files.items():
        (folder / name).write_bytes(_crlf(text))
    return folder


if __name__ == "__main__":
    import sys

    write_council_site(Path(sys.argv[1]))
