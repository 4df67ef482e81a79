"""Reading ModernGov's answers: the web service's XML and the pages' HTML.

Only what a record needs is read: ids, titles, names, parties, wards, key posts,
terms of office, roles and organisations named in brackets. Contact details are
never read, and an e-mail address or phone number in brackets after a name is
dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Tag
from lxml import etree

from graphmodel.importers.common import split_organisation
from graphmodel.importers.crawl import safe_xml_parser

__all__ = ["Committee", "Councillor", "Seat", "MembershipList", "parse_committees",
           "parse_councillors", "parse_seats", "parse_membership", "parse_outside_bodies",
           "committees_declared"]


@dataclass(frozen=True)
class Committee:
    """A committee as GetCommittees lists it."""
    id: str
    title: str
    category: str | None
    deleted: bool
    expired: bool


@dataclass(frozen=True)
class Councillor:
    """A councillor as GetCouncillorsByWard lists them: no contact details."""
    uid: str
    name: str
    party: str | None
    ward: str | None
    key_posts: str | None
    terms: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Seat:
    """One line of a membership list: who, by user id if linked, and the brackets."""
    uid: str | None
    name: str
    roles: tuple[str, ...]
    organisation: str | None


@dataclass(frozen=True)
class MembershipList:
    """What a committee or outside-body page lists: the seats, the lines naming a vacant
    place ("Vacancy", "To be appointed"), the number of places the page states and its
    words ("Number of representatives: 2"), and whether the list itself was found (under
    a heading such as "Membership" or "Our representatives"; an empty list found is no
    one, a list not found is unknown)."""
    seats: tuple[Seat, ...]
    vacant: tuple[str, ...]
    places: int | None
    places_stated: str | None
    heading: str | None      # the heading the list was found under

    @property
    def found(self) -> bool:
        return self.heading is not None


def _xml(page_text: bytes) -> etree._Element | None:
    try:
        return etree.fromstring(page_text, parser=safe_xml_parser())
    except etree.XMLSyntaxError:
        return None


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname.lower() if isinstance(element.tag, str) else ""


def _child_text(element: etree._Element, name: str) -> str | None:
    for child in element:
        if _local(child) == name:
            # lxml gives an element's text as str; its stubs say str or bytes
            text = " ".join("".join(child.itertext()).split())  # type: ignore[arg-type]
            return text or None
    return None


def parse_committees(page_text: bytes) -> list[Committee] | None:
    """The committees of a GetCommittees response; None if it is not one."""
    root = _xml(page_text)
    if root is None or _local(root) != "committees":
        return None
    return [Committee(_child_text(c, "committeeid") or "", _child_text(c, "committeetitle") or "",
                      _child_text(c, "committeecategory"),
                      _child_text(c, "committeedeleted") == "True",
                      _child_text(c, "committeeexpired") == "True")
            for c in root.iter() if _local(c) == "committee"]


def committees_declared(page_text: bytes) -> int | None:
    """The number of committees a GetCommittees response says it lists (" 131")."""
    root = _xml(page_text)
    declared = _child_text(root, "committeescount") if root is not None else None
    return int(declared) if declared and declared.isdigit() else None


def parse_councillors(page_text: bytes) -> list[Councillor] | None:
    """The councillors of a GetCouncillorsByWard response; None if it is not one.

    Only the fields named here are read: contact details never leave the XML."""
    root = _xml(page_text)
    if root is None:
        return None
    found = []
    for element in root.iter():
        uid = _child_text(element, "councillorid") if _local(element) == "councillor" else None
        if not uid:
            continue
        ward = next((_child_text(a, "wardtitle") for a in element.iterancestors()
                     if _local(a) == "ward"), None)
        terms = tuple((_child_text(t, "startdate") or "", _child_text(t, "enddate") or "")
                      for t in element.iter() if _local(t) == "term")
        found.append(Councillor(uid,
                                _child_text(element, "fullusername") or "",
                                _child_text(element, "politicalpartytitle"), ward,
                                _child_text(element, "keyposts"), terms))
    return found


def _soup(page_text: bytes) -> BeautifulSoup:
    return BeautifulSoup(page_text, "lxml")


def _href(tag: Tag) -> str:
    """A link's address ("" if none): one value, as bs4 gives it for href."""
    href = tag.get("href")
    return href if isinstance(href, str) else ""


def _query_id(href: str, key: str) -> str | None:
    query = {k.lower(): v for k, v in parse_qs(urlsplit(href).query).items()}
    return query.get(key.lower(), [None])[0]


# an e-mail address or a phone number in brackets after a name: never kept
_CONTACT = re.compile(r"@|\d[\d ()\-]{6,}\d")


# the heading (or a table's caption) over a page's list of members or appointees
# (the whole heading: a body called "Members' Allowances Panel" heads its own page)
_LIST_HEADING = re.compile(r"^(membership|members|(our |the council'?s |council )?"
                           r"(representatives?|appointees?))\s*:?$", re.I)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5")
# a line naming a place, not a person: "Vacancy", "Vacant seat", "To be appointed"
_VACANT = re.compile(r"^(\d+\s+)?(vacanc(y|ies)|vacant(\s+(seat|place|post|position))?|"
                     r"(to be|awaiting)\s+(appointed|nominated|confirmed)|"
                     r"appointment to be made|tbc|tba)\b", re.I)
_NUMBERS = {w: n for n, w in enumerate("one two three four five six seven eight nine "
                                       "ten eleven twelve".split(), 1)}
_NUMBER = r"(\d+|" + "|".join(_NUMBERS) + r")"
# "Number of representatives: 2", "Number of places: 3", "2 representatives" (never the
# number of members or seats: those may count the whole body, not the council's places)
_PLACES = re.compile(r"\bnumber of (?:council )?(?:representatives|places|appointees)"
                     r"\s*(?:[:\-\u2013]|is|are)?\s*" + _NUMBER + r"\b|\b" + _NUMBER +
                     r"\s+(?:council\s+)?(?:representatives|places|appointees)\b", re.I)


def parse_seats(page_text: bytes) -> list[Seat]:
    """The membership list of a committee or outside body page."""
    return list(parse_membership(page_text).seats)


def parse_membership(page_text: bytes) -> MembershipList:
    """The list of a committee's members or of the council's appointees to an outside
    body, the places it lists as vacant, and the number of places the page states.

    Read from the list (or table) under a heading such as "Membership", "Members", "Our
    representatives" or "Appointees", else from the names linked to a member's page
    anywhere on the page. Names separated by ``<br>`` are separate seats."""
    soup = _soup(page_text)
    heading = soup.find(lambda tag: tag.name in (*_HEADINGS, "caption")
                        and bool(_LIST_HEADING.match(tag.get_text(" ", strip=True))))
    scope = _list_under(heading) if heading else None
    seats, vacant = [], []
    for line in _lines(scope) if scope is not None else _linked_lines(soup):
        text = " ".join(line.get_text(" ", strip=True).split())
        bare = " ".join(re.sub(r"\([^()]*\)", " ", text).split())
        if _VACANT.match(bare):
            vacant.extend([text] * _count(bare))
            continue
        seat = _seat(line, text)
        if seat is not None:
            seats.append(seat)
    stated = _PLACES.search(" ".join(soup.get_text(" ").split()))
    places = _number(next(g for g in stated.groups() if g)) if stated else None
    return MembershipList(tuple(seats), tuple(vacant), places,
                          stated.group(0) if stated else None,
                          heading.get_text(" ", strip=True) if heading else None)


def _list_under(heading: Tag) -> Tag | BeautifulSoup:
    """The list, table or paragraph of names a heading stands over; an empty part of the
    page when it stands over none (no one is listed)."""
    if heading.name == "caption":
        return heading.find_parent("table") or BeautifulSoup("", "lxml")
    for tag in heading.find_all_next(True):
        if tag.name in _HEADINGS:
            break
        if tag.name in ("ul", "ol", "table"):
            return tag
        if tag.name == "p" and (tag.find("a", href=re.compile("mgUserInfo", re.I))
                                or _VACANT.match(tag.get_text(" ", strip=True))):
            return tag
    return BeautifulSoup("", "lxml")


class _Line:
    """Part of a list item, table row or paragraph: one name, with what follows it up to
    the next ``<br>``."""

    def __init__(self, parts: list[Tag | str]) -> None:
        self.parts = parts

    def get_text(self, separator: str = "", strip: bool = False) -> str:
        texts = [p.get_text(separator, strip=strip) if isinstance(p, Tag) else
                 (p.strip() if strip else str(p)) for p in self.parts]
        return separator.join(t for t in texts if t)

    def find(self, name: str, href: re.Pattern[str]) -> Tag | None:
        for part in self.parts:
            if isinstance(part, Tag):
                if part.name == name and href.search(_href(part)):
                    return part
                found = part.find(name, href=href)
                if isinstance(found, Tag):
                    return found
        return None


def _split_at_breaks(element: Tag) -> list[_Line]:
    lines: list[_Line] = [_Line([])]
    for child in element.children:
        if isinstance(child, Tag) and child.name == "br":
            lines.append(_Line([]))
        elif isinstance(child, Tag) and child.find("br") and child.name not in ("a",):
            inner = _split_at_breaks(child)
            lines[-1].parts.extend(inner[0].parts)
            lines.extend(inner[1:])
        elif isinstance(child, (Tag, str)):
            lines[-1].parts.append(child)
    return [line for line in lines if line.get_text(strip=True)]


def _lines(scope: Tag | BeautifulSoup) -> list[_Line]:
    """Each name of a list, table or paragraph; a table row's cells after the first give
    the role."""
    if scope.name == "p":
        return _split_at_breaks(scope)
    rows = scope.find_all("tr") if scope.name == "table" else scope.find_all("li")
    lines = []
    for row in rows:
        cells = row.find_all(["td"]) if row.name == "tr" else [row]
        if not cells:
            continue   # a table's header row
        first = _split_at_breaks(cells[0])
        extra = [f" ({c.get_text(' ', strip=True)})" for c in cells[1:]
                 if c.get_text(strip=True)]
        if first and extra:
            first[-1].parts.extend(extra)
        lines.extend(first)
    return lines


def _linked_lines(soup: BeautifulSoup) -> list[_Line]:
    """With no list found: list items naming a member by a link to their page."""
    return [line for item in soup.find_all("li") for line in _split_at_breaks(item)
            if line.find("a", re.compile("mgUserInfo", re.I))]


def _seat(line: _Line, text: str) -> Seat | None:
    link = line.find("a", re.compile("mgUserInfo", re.I))
    named = link.get_text(" ", strip=True) if link else text
    name, _, organisation = split_organisation(named)
    _, roles, org_after = split_organisation(text)
    if not name:
        return None
    return Seat(_query_id(_href(link), "UID") if link else None, name,
                tuple(r for r in roles if r != organisation and not _CONTACT.search(r)),
                organisation or org_after)


def _count(vacancy: str) -> int:
    """How many places a vacancy line stands for: "2 vacancies" two, else one."""
    number = re.match(r"\d+", vacancy)
    return int(number.group(0)) if number else 1


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def parse_outside_bodies(page_text: bytes) -> list[tuple[str, str, str | None]]:
    """(id, name, category) of each outside body listed; the category is the heading
    the body is listed under, on the by-category page."""
    found, seen, heading = [], set(), None
    for tag in _soup(page_text).find_all(["h2", "h3", "a"]):    # in document order
        if tag.name != "a":
            heading = tag.get_text(" ", strip=True) or None
            continue
        if not re.search("mgOutsideBodyDetails", _href(tag), re.I):
            continue
        body_id = _query_id(_href(tag), "ID")
        if body_id and body_id not in seen:
            seen.add(body_id)
            found.append((body_id, tag.get_text(" ", strip=True), heading))
    return found
