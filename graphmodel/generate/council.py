"""A council-shaped network: one county council's committees, its councillors and the
outside bodies it appoints to, as a real council's register of them reads.

:func:`council_network` draws, from one seed: a full council (every councillor sits on
it), a cabinet reporting to it, regulatory and area committees and their
sub-committees (each reporting to its parent), scrutiny committees under an overview
and scrutiny commission, scrutinising the cabinet and the committees whose work they
cover; about 40 of these in all, their membership complete, each with a chair and
mostly a vice chair from the party groups. Then 60 to 120 outside bodies in the
categories a council's register uses (health and social care, community safety, ...),
each with a right of the full council to appoint to it, mostly filled by one to three
councillors; the odd right has no appointee (a vacancy), and the odd body the council
has withdrawn from. Councillors (50 to 80) are in party groups (the party is in their
notes), a few co-opted members sit on standards and scrutiny. In all 400 to 800 seats.

Names of places and people are invented from :mod:`.vocabulary`; no person is real.
The same seed always gives the same network.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from random import Random
from typing import Any

from graphmodel.generate.distributions import AS_OF
from graphmodel.generate.vocabulary import FIRST_NAMES, PREFIXES, SUFFIXES, SURNAMES
from graphmodel.model import (Body, Dataset, Document, Membership, NominationRight,
                              Organisation, Person, Record, ReportingLine, ScrutinyLink,
                              Network)
from graphmodel.sources import write_source

__all__ = ["council_network", "generate_council", "OUTSIDE_CATEGORIES", "COMMITTEES_CATEGORY"]

DOCUMENT = "register"
COMMITTEES_CATEGORY = "Council committees"
MUNICIPAL_YEAR = f"{AS_OF.year - 1}-05-21"   # the annual meeting that made the appointments

PARTIES = (("Conservative", 0.42), ("Labour", 0.28), ("Liberal Democrat", 0.16),
           ("Green", 0.08), ("Independent", 0.06))

# (name, kind, parent, seats (low, high)); a parent's members fill a sub-committee's seats
_CORE = (
    ("Cabinet", "executive", "Full Council", (8, 10)),
    ("Overview and Scrutiny Commission", "scrutiny_board", "Full Council", (11, 13)),
    ("Audit and Governance Committee", "committee", "Full Council", (8, 10)),
    ("Planning and Regulation Committee", "committee", "Full Council", (11, 15)),
    ("Licensing Committee", "committee", "Full Council", (12, 15)),
    ("Standards Committee", "committee", "Full Council", (7, 9)),
    ("Employment Committee", "committee", "Full Council", (7, 9)),
    ("Pension Fund Committee", "committee", "Full Council", (7, 9)),
    ("Health and Wellbeing Board", "committee", "Full Council", (5, 7)),
    ("Adults and Health Scrutiny Committee", "scrutiny_board", "Overview and Scrutiny Commission", (9, 12)),
    ("Children and Families Scrutiny Committee", "scrutiny_board", "Overview and Scrutiny Commission", (9, 12)),
    ("Environment and Transport Scrutiny Committee", "scrutiny_board", "Overview and Scrutiny Commission", (9, 12)),
    ("Corporate Resources Scrutiny Committee", "scrutiny_board", "Overview and Scrutiny Commission", (9, 12)),
    ("Licensing Sub-Committee A", "committee", "Licensing Committee", (3, 3)),
    ("Licensing Sub-Committee B", "committee", "Licensing Committee", (3, 3)),
    ("Standards Hearing Sub-Committee", "committee", "Standards Committee", (3, 5)),
    ("Appeals Sub-Committee", "committee", "Employment Committee", (3, 5)),
)
_OPTIONAL = (
    ("Corporate Parenting Panel", "panel", "Cabinet", (7, 9)),
    ("Climate Change Advisory Panel", "panel", "Cabinet", (6, 9)),
    ("Highways and Transport Advisory Panel", "panel", "Cabinet", (6, 9)),
    ("Property and Assets Cabinet Sub-Committee", "committee", "Cabinet", (3, 4)),
    ("Constitution Committee", "committee", "Full Council", (6, 8)),
    ("Appointments Committee", "committee", "Full Council", (5, 7)),
    ("Rights of Way Committee", "committee", "Full Council", (7, 9)),
    ("Regulatory Committee", "committee", "Full Council", (9, 12)),
    ("Shareholder Committee", "committee", "Cabinet", (4, 6)),
    ("Local Pension Board", "committee", "Pension Fund Committee", (3, 4)),
    ("Pensions Investment Sub-Committee", "committee", "Pension Fund Committee", (3, 5)),
    ("Chief Officer Appointments Sub-Committee", "committee", "Employment Committee", (3, 5)),
    ("Licensing Sub-Committee C", "committee", "Licensing Committee", (3, 3)),
    ("Planning Sub-Committee (Minerals and Waste)", "committee", "Planning and Regulation Committee", (5, 7)),
    ("Audit Working Group", "working_group", "Audit and Governance Committee", (3, 5)),
    ("Economy and Growth Scrutiny Committee", "scrutiny_board", "Overview and Scrutiny Commission", (9, 12)),
    ("Health Scrutiny Sub-Committee", "scrutiny_board", "Adults and Health Scrutiny Committee", (5, 7)),
    ("Budget Scrutiny Task Group", "working_group", "Overview and Scrutiny Commission", (4, 6)),
    ("Flood Risk Scrutiny Task Group", "working_group", "Environment and Transport Scrutiny Committee", (4, 6)),
    ("School Admissions Task Group", "working_group", "Children and Families Scrutiny Committee", (4, 6)),
    ("Member Development Panel", "panel", "Full Council", (5, 7)),
    ("Joint Consultative Committee", "committee", "Employment Committee", (5, 7)),
    ("Fostering and Adoption Panel", "panel", "Corporate Parenting Panel", (3, 4)),
    ("Joint Health Overview and Scrutiny Committee", "scrutiny_board", "Adults and Health Scrutiny Committee", (3, 4)),
)
_AREAS = ("North", "South", "East", "West", "Central")
# which committees each scrutiny committee scrutinises (besides the cabinet)
_SCRUTINISES = {
    "Overview and Scrutiny Commission": ("Cabinet",),
    "Adults and Health Scrutiny Committee": ("Cabinet", "Health and Wellbeing Board"),
    "Children and Families Scrutiny Committee": ("Cabinet", "Corporate Parenting Panel"),
    "Environment and Transport Scrutiny Committee": ("Cabinet", "Highways and Transport Advisory Panel", "Climate Change Advisory Panel"),
    "Corporate Resources Scrutiny Committee": ("Cabinet", "Shareholder Committee", "Property and Assets Cabinet Sub-Committee"),
    "Economy and Growth Scrutiny Committee": ("Cabinet",),
}

# the categories of a council's register of outside bodies: name templates, and the
# kind of body each is ({c} the county, {p} a town)
OUTSIDE_CATEGORIES: dict[str, tuple[tuple[str, str], ...]] = {
    "Health and social care": (
        ("{c} Safeguarding Adults Board", "partnership_board"),
        ("{c} Integrated Care Partnership", "strategic_partnership_board"),
        ("{c} Carers Partnership Board", "partnership_board"),
        ("{c} Learning Disability Partnership Board", "partnership_board"),
        ("{p} Hospital League of Friends", "other_body"),
        ("{p} Community Health Forum", "network"),
        ("{c} Mental Health Alliance", "partnership"),
        ("{p} Almshouse Charity", "trust")),
    "Community safety": (
        ("{c} Police and Crime Panel", "panel"),
        ("{c} Fire and Rescue Authority", "other_body"),
        ("{p} Community Safety Partnership", "partnership"),
        ("{c} Youth Justice Management Board", "partnership_board"),
        ("{c} Domestic Abuse Partnership Board", "partnership_board"),
        ("{c} Road Safety Partnership", "partnership"),
        ("{p} Neighbourhood Watch Association", "network")),
    "Economy and regeneration": (
        ("{c} Local Enterprise Partnership", "strategic_partnership_board"),
        ("{p} Town Centre Partnership", "partnership"),
        ("{p} Business Improvement District Board", "partnership_board"),
        ("{c} Skills and Employment Board", "partnership_board"),
        ("{c} Rural Partnership", "partnership"),
        ("{p} Regeneration Company", "trust"),
        ("{p} Enterprise Zone Board", "partnership_board")),
    "Environment": (
        ("{p} Internal Drainage Board", "other_body"),
        ("{c} Waste Partnership", "partnership"),
        ("{p} Hills Landscape Partnership", "partnership"),
        ("{c} Local Access Forum", "network"),
        ("{p} Flood Partnership", "partnership"),
        ("{p} Canal Partnership", "partnership"),
        ("{c} Wildlife Trust Council", "trust")),
    "Culture and leisure": (
        ("{p} Museum Trust", "trust"),
        ("{p} Theatre Trust", "trust"),
        ("{c} Music Education Hub", "partnership"),
        ("{p} Leisure Trust", "trust"),
        ("{c} Sports Partnership", "partnership"),
        ("{p} Arts Centre Board", "trust"),
        ("{c} Archives Joint Committee", "committee")),
    "Education": (
        ("{p} College Corporation", "other_body"),
        ("{c} Standing Advisory Council on Religious Education", "panel"),
        ("{c} Schools Forum", "panel"),
        ("University of {c} Court", "other_body"),
        ("{p} Academy Trust Board", "trust"),
        ("{p} Educational Foundation", "trust")),
    "Transport": (
        ("{c} Enhanced Bus Partnership Board", "partnership_board"),
        ("{p} Airport Consultative Committee", "panel"),
        ("{c} Rail Partnership", "partnership"),
        ("{p} Community Transport Trust", "trust")),
    "Local government associations": (
        ("Local Government Association General Assembly", "network"),
        ("County Councils Network Council", "network"),
        ("Rural Services Network", "network"),
        ("{c} Association of Local Councils", "network"),
        ("{c} Leaders' Board", "partnership_board"),
        ("{c} Joint Coroners Committee", "committee")),
}
_CATEGORY_WEIGHTS = (("Health and social care", 18), ("Community safety", 14),
                     ("Economy and regeneration", 16), ("Environment", 16),
                     ("Culture and leisure", 14), ("Education", 10), ("Transport", 6),
                     ("Local government associations", 8))
# the partner that hosts the outside bodies of a category
_HOSTS = {"Health and social care": "o2", "Community safety": "o3",
          "Economy and regeneration": "o4", "Environment": "o5", "Culture and leisure": "o6",
          "Education": "o7", "Transport": "o5", "Local government associations": "o8"}
_PARTNERS = (("nhs", "NHS {c} Integrated Care Board"), ("police", "{c} Police"),
             ("business", "{c} Growth Company"), ("other", "{c} Environment Partnership"),
             ("third_sector", "{c} Culture Trust"), ("education", "{c} Education Partnership"),
             ("government", "Local Government Association"))
VACANCY = 0.05
"""Of the outside bodies, about this share have a right to appoint with no appointee."""
WITHDRAWN = 0.04
"""... and this share a body the council has withdrawn from (it says it holds no seat)."""


@dataclass
class _Council:
    """The network as it is drawn: records in order, ids counted per table."""
    rng: Random
    county: str
    records: list[Record] = field(default_factory=list)
    next_id: dict[str, int] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)   # by name
    members: dict[str, list[str]] = field(default_factory=dict)   # body id -> person ids

    def new_id(self, prefix: str) -> str:
        n = self.next_id.get(prefix, 0) + 1
        self.next_id[prefix] = n
        return f"{prefix}{n}"

    def add(self, record: Record) -> None:
        self.records.append(record)


def council_network(seed: int = 0, outside_bodies: bool = True) -> Network:
    """A county council's committees, councillors and (unless ``outside_bodies`` is
    False) the outside bodies it appoints to, drawn from ``seed``.

    >>> net = council_network(1)
    >>> net.bodies["b1"].name, net.bodies["b2"].name
    ('Full Council', 'Cabinet')
    >>> 50 <= sum(p.kind == "elected_member" for p in net.people.values()) <= 80
    True
    """
    rng = Random(seed)
    county = _place(rng)
    c = _Council(rng, county)
    dataset = Dataset("council", f"{county} County Council", "o1",
                      f"An invented county council, its committees and the outside bodies it "
                      f"appoints to (council profile, seed {seed}); nothing in it is real.",
                      AS_OF.isoformat())
    c.add(Document(DOCUMENT, f"{county} County Council: committees and outside bodies",
                   f"{county} County Council", AS_OF.isoformat(), "graphmodel generate "
                   f"--profile council --seed {seed}"))
    _organisations(c)
    councillors = _councillors(c)
    _committees(c, councillors)
    if outside_bodies:
        _outside_bodies(c, councillors)
    return Network(dataset, c.records)


def generate_council(out_dir: str | os.PathLike[str], seed: int = 0) -> dict[str, int]:
    """Write the council profile drawn from ``seed`` as a dataset directory; its row
    counts per table."""
    network = council_network(seed)
    write_source(network, Path(out_dir), "csv")
    return {"dataset": 1, **network.counts()}


def _place(rng: Random) -> str:
    return rng.choice(PREFIXES) + rng.choice(SUFFIXES)


def _cite(c: _Council, section: str) -> dict[str, Any]:
    return {"source_document": DOCUMENT, "source_section": section}


def _organisations(c: _Council) -> None:
    c.add(Organisation(c.new_id("o"), f"{c.county} County Council", "local_authority",
                       notes="home organisation", **_cite(c, "Constitution")))
    for kind, name in _PARTNERS:
        c.add(Organisation(c.new_id("o"), name.format(c=c.county), kind,
                           **_cite(c, "Outside bodies")))


def _councillors(c: _Council) -> dict[str, list[str]]:
    """Councillors by party group, the largest group first."""
    rng = c.rng
    count = rng.randint(52, 78)
    taken: set[str] = set()
    groups: dict[str, list[str]] = {}
    left = count
    for i, (party, share) in enumerate(PARTIES):
        seats = left if i == len(PARTIES) - 1 else max(1, round(count * share * rng.uniform(0.8, 1.2)))
        seats = min(seats, left)
        left -= seats
        for _ in range(seats):
            pid = c.new_id("p")
            c.add(Person(pid, _name(rng, taken), "elected_member", "o1",
                         notes=f"Party group: {party}", **_cite(c, "Councillors")))
            groups.setdefault(party, []).append(pid)
    return groups


def _name(rng: Random, taken: set[str]) -> str:
    while True:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        if name not in taken:
            taken.add(name)
            return name


def _body(c: _Council, name: str, kind: str, category: str, organisation: str,
          **columns: Any) -> Body:
    body = Body(c.new_id("b"), name, kind, category, organisation,
                **columns, **_cite(c, category))
    c.bodies[name] = body
    c.add(body)
    return body


def _committees(c: _Council, groups: dict[str, list[str]]) -> None:
    rng = c.rng
    everyone = [p for people in groups.values() for p in people]
    council = _body(c, "Full Council", "full_council", COMMITTEES_CATEGORY, "o1",
                    membership_complete=True, established="1974-04-01")
    _seat(c, council, everyone, groups, chair=True)
    chosen = list(_CORE)
    optional = list(_OPTIONAL)
    rng.shuffle(optional)
    areas = rng.randint(3, len(_AREAS))
    chosen += [(f"{a} Area Committee", "area_committee", "Full Council", (6, 10))
               for a in _AREAS[:areas]]
    wanted = rng.randint(38, 44) - 1 - len(chosen)
    names = {row[0] for row in chosen} | {"Full Council"}
    while wanted > 0:   # (a sub-committee only once its parent is chosen)
        row = next((r for r in optional if r[0] not in names and r[2] in names), None)
        if row is None:
            break
        chosen.append(row)
        names.add(row[0])
        wanted -= 1
    for name, kind, parent, (low, high) in chosen:
        _committee(c, name, kind, parent, rng.randint(low, high), groups)
    _co_opted(c)
    for scrutiny, subjects in _SCRUTINISES.items():
        for subject in subjects:
            if scrutiny in c.bodies and subject in c.bodies:
                c.add(ScrutinyLink(c.new_id("s"), c.bodies[scrutiny].id, c.bodies[subject].id,
                                   start=MUNICIPAL_YEAR, **_cite(c, "Scrutiny arrangements")))


# co-opted members: (body, what they are, role, how many)
_CO_OPTED = (("Standards Committee", "Independent person", "adviser", (2, 3)),
             ("Children and Families Scrutiny Committee", "Parent governor representative",
              "member", (1, 2)),
             ("Children and Families Scrutiny Committee", "Church representative", "member",
              (1, 1)))


def _co_opted(c: _Council) -> None:
    taken = {getattr(r, "name") for r in c.records if isinstance(r, Person)}
    for body_name, what, role, (low, high) in _CO_OPTED:
        body = c.bodies[body_name]
        for _ in range(c.rng.randint(low, high)):
            pid = c.new_id("p")
            c.add(Person(pid, _name(c.rng, taken), "co_opted_member", notes=what,
                         **_cite(c, f"Membership of {body.name}")))
            c.add(Membership(c.new_id("m"), body.id, pid, role=role, start=MUNICIPAL_YEAR,
                             notes=what, **_cite(c, f"Membership of {body.name}")))


def _committee(c: _Council, name: str, kind: str, parent_name: str, size: int,
               groups: dict[str, list[str]]) -> None:
    parent = c.bodies[parent_name]
    body = _body(c, name, kind, COMMITTEES_CATEGORY, "o1", membership_complete=True,
                 declared_size=size)
    c.add(ReportingLine(c.new_id("r"), body.id, parent.id, "formal",
                        **_cite(c, "Constitution")))
    pool = c.members[parent.id]
    if kind == "executive":   # the cabinet is of the largest group
        pool = next(iter(groups.values()))
    elif kind == "scrutiny_board" or parent.kind == "scrutiny_board":
        # no member of the cabinet scrutinises it
        cabinet = set(c.members.get(c.bodies["Cabinet"].id, ()))
        pool = [p for p in pool if p not in cabinet]
    members = _balanced(c.rng, pool, groups, min(size, len(pool)))
    _seat(c, body, members, groups, chair=True)


def _balanced(rng: Random, pool: list[str], groups: dict[str, list[str]],
              size: int) -> list[str]:
    """``size`` of the ``pool``, each group given seats in proportion to its share."""
    party = {p: g for g, people in groups.items() for p in people}
    by_group: dict[str, list[str]] = {}
    for p in pool:
        by_group.setdefault(party[p], []).append(p)
    chosen: list[str] = []
    for g, people in sorted(by_group.items(), key=lambda kv: -len(kv[1])):
        share = max(1 if len(chosen) < size else 0, round(size * len(people) / len(pool)))
        chosen += rng.sample(people, min(share, len(people), size - len(chosen)))
    rest = [p for p in pool if p not in chosen]
    chosen += rng.sample(rest, min(len(rest), size - len(chosen)))
    return chosen


def _seat(c: _Council, body: Body, members: list[str], groups: dict[str, list[str]],
          chair: bool) -> None:
    """Seats for ``members`` on ``body``: a chair from the largest group, and on bodies of
    five or more mostly a vice chair."""
    largest = set(next(iter(groups.values())))
    ordered = sorted(members, key=lambda p: p not in largest)
    vice = len(members) >= 5 and c.rng.random() < 0.85
    c.members[body.id] = list(members)
    for i, pid in enumerate(ordered):
        role = "chair" if chair and i == 0 else ("vice_chair" if vice and i == 1 else "member")
        c.add(Membership(c.new_id("m"), body.id, pid, role=role, on_behalf_of="o1",
                         start=MUNICIPAL_YEAR, **_cite(c, f"Membership of {body.name}")))


def _outside_bodies(c: _Council, groups: dict[str, list[str]]) -> None:
    rng = c.rng
    council = c.bodies["Full Council"]
    councillors = [p for people in groups.values() for p in people]
    towns = sorted({_place(rng) for _ in range(30)} - {c.county})
    names: set[str] = set()
    categories = [name for name, _ in _CATEGORY_WEIGHTS]
    weights = [w for _, w in _CATEGORY_WEIGHTS]
    target = rng.randint(60, 120)
    while len(names) < target:
        category = rng.choices(categories, weights)[0]
        template, kind = rng.choice(OUTSIDE_CATEGORIES[category])
        name = template.format(c=c.county, p=rng.choice(towns))
        if name in names:
            continue
        names.add(name)
        u = rng.random()
        withdrawn = u < WITHDRAWN
        body = _body(c, name, kind, category, _HOSTS[category],
                     no_seat_for=("o1",) if withdrawn else ())
        if withdrawn:
            continue
        places = rng.choices((1, 2, 3), (6, 3, 1))[0]
        c.add(NominationRight(c.new_id("n"), council.id, body.id,
                              f"{places} elected member{'s' if places > 1 else ''}",
                              start=MUNICIPAL_YEAR, **_cite(c, "Appointments to outside bodies")))
        if u < WITHDRAWN + VACANCY:
            continue   # a vacancy: the right, no appointee
        for i, pid in enumerate(rng.sample(councillors, places)):
            c.add(Membership(c.new_id("m"), body.id, pid, role="member", on_behalf_of="o1",
                             nominated_by=council.id, start=MUNICIPAL_YEAR,
                             **_cite(c, "Appointments to outside bodies")))
