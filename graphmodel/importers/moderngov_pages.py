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

__all__ = ["Committee", "Councillor", "Seat", "parse_committees", "parse_councillors",
           "parse_seats", "parse_outside_bodies", "committees_declared"]


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


def parse_seats(page_text: bytes) -> list[Seat]:
    """The membership list of a committee or outside body page."""
    soup = _soup(page_text)
    heading = soup.find(lambda tag: tag.name in ("h2", "h3", "h4", "caption")
                        and tag.get_text(strip=True).lower().startswith("membership"))
    scope = heading.find_next(["ul", "ol"]) if heading else None
    items = (scope or soup).find_all("li")
    seats = []
    for item in items:
        link = item.find("a", href=re.compile("mgUserInfo", re.I))
        if link is None and scope is None:
            continue  # outside a membership list, only linked names are members
        text = item.get_text(" ", strip=True)
        named = link.get_text(" ", strip=True) if link else text
        name, _, organisation = split_organisation(named)
        _, roles, org_after = split_organisation(text)
        if name:
            seats.append(Seat(_query_id(_href(link), "UID") if link else None, name,
                              tuple(r for r in roles if r != organisation
                                    and not _CONTACT.search(r)),
                              organisation or org_after))
    return seats


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
