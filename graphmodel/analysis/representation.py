"""Representation gaps: where an organisation has no voice, and where a body's seats fall short.

Every rule looks at the network *as of* a day (default: the day the dataset
describes, else today). Most speak for one organisation (default: the dataset's home
organisation); ``empty-body``, ``no-elected-member``, ``no-chair`` and
``composition-unmet`` look at a body's own seats and need none, so they run on a
file of committees with no home council too, while the others are left out.

Unknown is not none. Whether the organisation sits on a body is one of five things
(:func:`representation`): a seat held on its behalf by a named person or post; a
seat held on its behalf whose holder the source does not name; a vacancy (it holds
a right to appoint to the body, itself or through a body it hosts, and no seat is
held on its behalf there); no seat, as the source states (the body's
``no_seat_for``, or its membership recorded in full without the organisation); or
not recorded at all.

- ``unrepresented``: a current body (not one the organisation hosts itself) on which
  the organisation has no seat, as the source states. Someone employed by or
  elected to it who sits there on behalf of another organisation does not count:
  they speak for that other organisation.
- ``representation-unrecorded``: a body where no seat is recorded for the
  organisation and the source says neither that it has none nor that the
  membership is complete. A body with no member recorded at all is reported here
  rather than as ``empty-body`` too, as this says the same and more.
- ``vacant-appointment``: a body the organisation appoints to (a current nomination
  right held by it, or by a body it hosts) where fewer seats are held on its behalf
  than the right's places, or, its places not stated, none at all. Such a body is
  not also ``representation-unrecorded``: the right states the organisation's
  involvement.
- ``holder-not-named``: a body where every seat held on behalf of the organisation
  names no holder: the organisation is involved, but who sits there is unknown.
- ``empty-body``: a current body with no current member at all.
- ``no-elected-member``: a body the rules say needs an elected member has none.
- ``no-chair``: a body with members but no chair recorded.
- ``composition-unmet``: fewer members recorded than the body declares, or fewer of
  a declared kind (elected members, partners, support officers).
- ``theme-uncovered``: a theme no body the organisation sits on works on (saying
  where whether it sits is not recorded); or one that bodies it sits on work on, none
  of them dedicated to it, as their recorded main themes say (a body whose main themes
  are not recorded may be dedicated to it, so says nothing).
"""
from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from typing import Iterable, Iterator, Mapping

from graphmodel.analysis.findings import Evidence, Finding, Found, evidence_for, subject_of
from graphmodel.analysis.organisation import UnknownOrganisation, organisation_to_review
from graphmodel.analysis.runner import run_rules
from graphmodel.composition import composition
from graphmodel.graph import seat_holder
from graphmodel.model import Body, Membership, Network, NominationRight, Person, Theme
from graphmodel.registry import Settings, Standards, rule, view
from graphmodel.words import count, plural

__all__ = ["representation_gaps", "representation", "representation_by_body",
           "rights_held", "UnknownOrganisation", "SEAT", "HOLDER_NOT_NAMED", "VACANT", "NO_SEAT",
           "NOT_RECORDED", "REPRESENTATION"]

# Whether an organisation sits on a body, as far as the records say
SEAT = "seat"                           # held on its behalf by a named person or post
HOLDER_NOT_NAMED = "holder-not-named"   # held on its behalf; who holds it is not named
VACANT = "vacant"                       # it appoints to the body, and no seat is held for it
NO_SEAT = "no-seat"                     # the source says it has none, or lists every seat
NOT_RECORDED = "not-recorded"           # nothing recorded says either way
REPRESENTATION = (SEAT, HOLDER_NOT_NAMED, VACANT, NO_SEAT, NOT_RECORDED)


def representation(body: Body, org: str, seats: Iterable[Membership],
                   rights: Iterable[NominationRight] = ()) -> str:
    """Whether ``org`` sits on ``body``: SEAT, HOLDER_NOT_NAMED, VACANT, NO_SEAT or
    NOT_RECORDED.

    ``seats`` are the body's memberships on the day in question (take
    ``network.as_of(day)`` first), ``rights`` the organisation's rights to appoint to
    it then (:func:`rights_held`). A seat held on the organisation's behalf wins
    over a statement that it has none, which speaks of the source's own day; a right
    to appoint with no seat held is a vacancy, whatever else the source says.
    """
    ours = [m for m in seats if m.on_behalf_of == org]
    if ours:
        return SEAT if any(m.person or m.post for m in ours) else HOLDER_NOT_NAMED
    if any(True for _ in rights):
        return VACANT
    if org in body.no_seat_for or body.membership_complete:
        return NO_SEAT
    return NOT_RECORDED


def rights_held(network: Network, org: str) -> dict[str, list[NominationRight]]:
    """The organisation's rights to appoint, by the body appointed to: those it holds,
    and those held by a body it hosts (its council or cabinet). ``network`` is the
    network on the day in question (``network.as_of(day)``)."""
    held: dict[str, list[NominationRight]] = defaultdict(list)
    for right in network.nomination_rights.values():
        by = network.bodies.get(right.nominating_body) if right.nominating_body else None
        if right.nominating_organisation == org or (by is not None and by.organisation == org):
            held[right.body].append(right)
    return held


def representation_by_body(network: Network, org: str | None = None,
                           as_of: "str | _dt.date | None" = None) -> dict[str, str]:
    """:func:`representation` of every body current on a day, by body id.

    ``org`` defaults to the home organisation and ``as_of`` to the day the
    dataset describes, as for :func:`representation_gaps`.
    """
    org = organisation_to_review(network, org)
    current = network.as_of(as_of)
    seats: dict[str, list[Membership]] = defaultdict(list)
    for m in current.memberships.values():
        seats[m.body].append(m)
    rights = rights_held(current, org)
    return {b.id: representation(b, org, seats.get(b.id, ()), rights.get(b.id, ()))
            for b in current.bodies.values()}


def _applies(settings: Settings, body: Body, names_containing: Iterable[str] = ()) -> bool:
    kinds = settings["kinds"]
    by_kind = kinds == "all" or body.kind in kinds
    by_name = any(word.lower() in body.name.lower() for word in names_containing)
    return by_kind or by_name


class _View:
    """The network on one day, indexed for the representation rules."""

    def __init__(self, network: Network, org: str | None, as_of: _dt.date):
        # with no organisation (org None), only the rules needing none read the view:
        # nothing is held on its behalf, and its name is never said
        self.net = network.as_of(as_of)
        self.org = org
        self.org_name = network.organisations[org].name if org else ""
        self.seats: dict[str, list[Membership]] = defaultdict(list)
        self.ours: dict[str, list[Membership]] = defaultdict(list)   # held on the org's behalf
        for m in self.net.memberships.values():
            self.seats[m.body].append(m)
            if org and m.on_behalf_of == org:
                self.ours[m.body].append(m)
        # the organisation's rights to appoint, by body
        self.rights = rights_held(self.net, org) if org else {}

    def status(self, body: Body) -> str:
        """:func:`representation` of the organisation on a body (a rule needing one asks)."""
        assert self.org is not None, "asked whose seat without an organisation"
        return representation(body, self.org, self.ours.get(body.id, ()),
                              self.rights.get(body.id, ()))

    def in_scope(self, body: Body, settings: Settings) -> bool:
        # the organisation's own bodies (its management teams, its boards) are not
        # partnerships it needs a seat on; an empty one shows as empty-body
        return _applies(settings, body) and body.organisation != self.org

    def is_elected(self, m: Membership, elected_posts: list[str]) -> bool:
        holder = seat_holder(self.net, m)
        if isinstance(holder, Person) and holder.kind == "elected_member":
            return True
        post = self.net.posts.get(m.post) if m.post else None
        return post is not None and any(w.lower() in post.name.lower() for w in elected_posts)

    def evidence(self, body: Body, seats: list[Membership]) -> tuple[Evidence, ...]:
        return evidence_for([("body", body)] + [("membership", m) for m in seats])


@view("representation")
def _view_of(network: Network, day: _dt.date, org: str | None, rules: Standards) -> _View:
    # org is None for a review that speaks for no organisation: the runner then leaves
    # out the rules needing one
    return _View(network, org, day)


def representation_gaps(network: Network, org: str | None = None,
                        rules: Standards | None = None,
                        as_of: "str | _dt.date | None" = None) -> list[Finding]:
    """Every representation finding for an organisation, most severe first.

    Parameters
    ----------
    network : the Network to review
    org : organisation id (default: the dataset's home organisation; with neither, the
        rules that need an organisation are left out and the others run;
        UnknownOrganisation, a UsageError, for an id not in the dataset)
    rules : rules from :func:`graphmodel.standards.load_rules` (default: the default file)
    as_of : the day to review (default: the day the dataset describes, else today)
    """
    return run_rules(network, rules, org, as_of, topics=["representation"])


def _found(body: Body, message: str, evidence: tuple[Evidence, ...],
           data: Mapping[str, object]) -> Found:
    return Found(subject_of(body, "body"), message, evidence, data)


@rule("representation", "unrepresented", {"kinds": "kinds"}, needs_organisation=True,
      for_each_body=True)
def _unrepresented(view: _View, body: Body, settings: Settings) -> Found | None:
    """The organisation has no seat on a partnership, as the source states: it is in the
    body's ``no_seat_for``, or the body's membership is recorded in full without it. What
    the body decides, the organisation has no voice in. Someone of the organisation who
    sits there for another organisation does not count: they speak for that one.

    >>> from graphmodel.analysis.example import tiny_network, body, seat, run_rule, show
    >>> net = tiny_network(body("safer", "Safer Town Board", membership_complete=True),
    ...                    seat("safer", "bob", on_behalf_of="county-police"))
    >>> show(run_rule(net, "unrepresented"))
    warning: No one sits on the Safer Town Board on behalf of Town Council: its
      membership is recorded in full (1 seat) without Town Council.
    """
    if not view.in_scope(body, settings) or view.status(body) != NO_SEAT:
        return None
    seats = view.seats.get(body.id, [])
    stated = "no_seat_for" if view.org in body.no_seat_for else "membership_complete"
    why = ("the source says it has no seat there" if stated == "no_seat_for" else
           f"its membership is recorded in full ({count(len(seats), 'seat')}) without "
           f"{view.org_name}")
    message = (f"No one sits on the {body.name} on behalf of {view.org_name}: {why}."
               + _other_seats(view, seats))
    return _found(body, message, view.evidence(body, seats),
                  {"stated": stated, **_seat_counts(seats)})


@rule("representation", "representation-unrecorded", {"kinds": "kinds"},
      needs_organisation=True, for_each_body=True)
def _representation_unrecorded(view: _View, body: Body, settings: Settings) -> Found | None:
    """Nothing recorded says whether the organisation sits on a partnership: no seat is
    recorded for it, and the source says neither that it has none nor that the
    membership is complete. Unknown, not none: the register has a gap to fill.

    >>> from graphmodel.analysis.example import tiny_network, body, seat, run_rule, show
    >>> net = tiny_network(body("forum", "Safety Forum"),
    ...                    seat("forum", "bob", on_behalf_of="county-police"))
    >>> show(run_rule(net, "representation-unrecorded"))
    info: Nothing recorded says whether Town Council sits on the Safety Forum: 1
      seat is recorded, none on its behalf. Record its seat if it has one; if
      it has none, list council in the body's no_seat_for, or mark its
      membership_complete once every seat is recorded.
    """
    if not view.in_scope(body, settings) or view.status(body) != NOT_RECORDED:
        return None
    seats = view.seats.get(body.id, [])
    recorded = (f"{count(len(seats), 'seat')} {plural(len(seats), 'is')} recorded, none on "
                "its behalf." if seats else
                "no member of it is recorded at all.")
    message = (f"Nothing recorded says whether {view.org_name} sits on the {body.name}: "
               f"{recorded}{_other_seats(view, seats)} Record its seat if it has one; if "
               f"it has none, list {view.org} in the body's no_seat_for, or mark its "
               "membership_complete once every seat is recorded.")
    return _found(body, message, view.evidence(body, seats), _seat_counts(seats))


def _other_seats(view: _View, seats: list[Membership]) -> str:
    """Who of the organisation sits there for someone else, and seats for no one known."""
    text = ""
    for m in sorted(seats, key=lambda m: m.id):
        person = view.net.people.get(m.person) if m.person else None
        if person is not None and person.organisation == view.org and m.on_behalf_of:
            other = view.net.organisations.get(m.on_behalf_of)
            text += (f" {person.name} is there on behalf of "
                     f"{other.name if other else m.on_behalf_of}, not {view.org_name}.")
    unknown = sum(1 for m in seats if not m.on_behalf_of)
    if unknown:
        verb = "records" if unknown == 1 else "record"
        text += f" {count(unknown, 'seat')} {verb} no on-behalf-of."
    return text


def _seat_counts(seats: list[Membership]) -> dict[str, int]:
    unknown = sum(1 for m in seats if not m.on_behalf_of)
    return {"seats": len(seats), "seats_on_behalf_of_others": len(seats) - unknown,
            "seats_without_on_behalf_of": unknown}


@rule("representation", "vacant-appointment", {"kinds": "kinds", "not_filling": "words"},
      needs_organisation=True, for_each_body=True)
def _vacant_appointment(view: _View, body: Body, settings: Settings) -> Found | None:
    """The organisation appoints to a body (a current nomination right held by it, or by
    a body it hosts) and fewer seats are held on its behalf there than the right's
    places; or, its places not stated, none at all. A vacancy: a voice the organisation
    is entitled to and does not use. Seats in ``not_filling`` roles (a substitute, an
    observer) fill none of its places.

    >>> from graphmodel.analysis.example import tiny_network, body, seat, appoints, run_rule, show
    >>> net = tiny_network(body("trust", "Water Park Trust"), appoints("trust", places=2),
    ...                    seat("trust", "ann"), seat("trust", "bob", role="substitute"))
    >>> show(run_rule(net, "vacant-appointment"))
    warning: Town Council appoints 2 members to the Water Park Trust and 1 sits for it
      (Ann); Bob sits as substitute: 1 place is vacant.
    >>> net = tiny_network(body("panel", "Police and Crime Panel"), appoints("panel"))
    >>> show(run_rule(net, "vacant-appointment"))
    warning: Town Council appoints members to the Police and Crime Panel and no one sits
      for it: its places are vacant.
    """
    rights = view.rights.get(body.id)
    if not rights or not view.in_scope(body, settings):
        return None
    not_filling = set(settings["not_filling"])
    ours = sorted(view.ours.get(body.id, ()), key=lambda m: m.id)
    filling = [m for m in ours if m.role not in not_filling]
    known = [r.places for r in rights]
    places = sum(p for p in known if p is not None) if None not in known else None
    if (len(filling) >= places) if places is not None else filling:
        return None
    who = ", ".join(_holder_name(view, m) for m in filling)
    sits = (f"{len(filling)} {'sits' if len(filling) == 1 else 'sit'} for it ({who})"
            if filling else "no one sits for it")
    others = "".join(f"; {_holder_name(view, m)} sits as {m.role.replace('_', ' ')}"
                     for m in ours if m.role in not_filling)
    vacant = ("its places are vacant" if places is None else
              f"{count(places - len(filling), 'place')} "
              f"{'is' if places - len(filling) == 1 else 'are'} vacant")
    appoints = f"appoints {count(places, 'member')}" if places else "appoints members"
    message = f"{view.org_name} {appoints} to the {body.name} and {sits}{others}: {vacant}."
    return _found(body, message,
                  evidence_for([("body", body)] + [("nomination_right", r) for r in rights]
                               + [("membership", m) for m in ours]),
                  {"places": places, "filled": len(filling), "seats": len(ours),
                   "vacant": None if places is None else places - len(filling)})


def _holder_name(view: _View, m: Membership) -> str:
    """Who holds a seat: the person, else the post, else that no holder is named."""
    holder = seat_holder(view.net, m)
    return holder.name if holder is not None else "a holder not named"


@rule("representation", "holder-not-named", {"kinds": "kinds"}, needs_organisation=True,
      for_each_body=True)
def _holder_not_named(view: _View, body: Body, settings: Settings) -> Found | None:
    """The organisation holds a seat on a body, but the source names no one who holds
    it: known involvement, not a missing seat, but no one can be asked what was decided.

    >>> from graphmodel.analysis.example import tiny_network, body, seat, run_rule, show
    >>> net = tiny_network(body("audit", "Audit Partnership"), seat("audit"))
    >>> show(run_rule(net, "holder-not-named"))
    info: Town Council is involved with the Audit Partnership, but the source names
      no one who sits there for it.
    """
    if not _applies(settings, body) or view.status(body) != HOLDER_NOT_NAMED:
        return None
    ours = view.ours[body.id]
    return _found(body, f"{view.org_name} is involved with the {body.name}, but the source "
                  "names no one who sits there for it.", view.evidence(body, ours),
                  {"seats": len(ours)})


@rule("representation", "empty-body", {"kinds": "kinds"}, for_each_body=True,
      said_by=("representation-unrecorded", "vacant-appointment"))
def _empty(view: _View, body: Body, settings: Settings) -> Found | None:
    """A current body with no current member recorded: nothing shows who governs it.
    Where ``representation-unrecorded`` or ``vacant-appointment`` reports the body, it
    says this and more, and this rule stays silent.

    >>> from graphmodel.analysis.example import tiny_network, body, run_rule, show
    >>> net = tiny_network(body("forum", "Safety Forum", organisation="council"))
    >>> show(run_rule(net, "empty-body"))
    info: No current member of the Safety Forum is recorded.
    """
    if not _applies(settings, body) or view.seats.get(body.id):
        return None
    return _found(body, f"No current member of the {body.name} is recorded.",
                  view.evidence(body, []), {"seats": 0})


@rule("representation", "no-elected-member",
      {"kinds": "kinds", "names_containing": "words", "elected_posts": "words"},
      for_each_body=True)
def _no_elected_member(view: _View, body: Body, settings: Settings) -> Found | None:
    """A body the standards say needs an elected member (by its kind, or a name such as
    Health and Wellbeing Board) has none recorded: no councillor answers for it to the
    electorate. A seat held by a post named in ``elected_posts`` counts.

    >>> from graphmodel.analysis.example import tiny_network, body, seat, run_rule, show
    >>> net = tiny_network(body("hwb", "Town Health and Wellbeing Board"),
    ...                    seat("hwb", "dr-patel", role="chair", on_behalf_of="nhs"))
    >>> show(run_rule(net, "no-elected-member"))
    warning: The Town Health and Wellbeing Board should have an elected member, and
      none is recorded.
    """
    names = settings["names_containing"]
    if not (settings["kinds"] or names) or not _applies(settings, body, names):
        return None
    seats = view.seats.get(body.id, [])
    if any(view.is_elected(m, settings["elected_posts"]) for m in seats):
        return None
    return _found(body, f"The {body.name} should have an elected member, and none is "
                  "recorded.", view.evidence(body, seats), {"seats": len(seats)})


@rule("representation", "no-chair", {"kinds": "kinds"}, for_each_body=True)
def _no_chair(view: _View, body: Body, settings: Settings) -> Found | None:
    """A body with members recorded but no chair: its governing document should say who
    chairs its meetings, and the record does not.

    >>> from graphmodel.analysis.example import tiny_network, body, seat, run_rule, show
    >>> net = tiny_network(body("board", "Safer Town Board", membership_complete=True),
    ...                    seat("board", "ann"))
    >>> show(run_rule(net, "no-chair"))
    info: The Safer Town Board has 1 member recorded but no chair.

    A record of one partner's appointees alone (a council's register of its seats on
    outside bodies) cannot show who chairs the body, so it is not judged: the chair is
    unknown there, not missing.

    >>> net = tiny_network(body("trust", "Canal Trust"), seat("trust", "ann"))
    >>> show(run_rule(net, "no-chair"))
    """
    seats = view.seats.get(body.id, [])
    if not seats or not _applies(settings, body) or any(m.role == "chair" for m in seats) \
            or _one_partners_appointees(body, seats):
        return None
    return _found(body, f"The {body.name} has {count(len(seats), 'member')} recorded but no chair.",
                  view.evidence(body, seats), {"seats": len(seats)})


def _one_partners_appointees(body: Body, seats: list[Membership]) -> bool:
    """Whether the seats recorded are only those one organisation, not the body's host,
    holds on it, in a membership not recorded in full."""
    held_for = {m.on_behalf_of for m in seats}
    return body.membership_complete is not True and len(held_for) == 1 \
        and None not in held_for and body.organisation not in held_for


@rule("representation", "composition-unmet", {"support_roles": "words"},
      for_each_body=True)
def _composition_unmet(view: _View, body: Body, settings: Settings) -> Found | None:
    """Fewer members recorded than the body's terms of reference declare, or fewer of a
    declared kind (elected members, partners, support officers): seats may be vacant,
    or simply not recorded. Roles in ``support_roles`` support a body and are not
    counted among its members.

    >>> from graphmodel.analysis.example import tiny_network, body, seat, run_rule, show
    >>> net = tiny_network(body("board", "Safer Town Board", declared_size=3),
    ...                    seat("board", "ann", role="chair"))
    >>> show(run_rule(net, "composition-unmet"))
    warning: The Safer Town Board falls short of its declared composition: 3
      members declared, 1 recorded. The missing seats may be vacant or simply not
      recorded.
    """
    declared = composition(body.declared_composition)
    if body.declared_size is None and not declared:
        return None
    support = set(settings["support_roles"])
    seats = view.seats.get(body.id, [])
    members = [m for m in seats if m.role not in support]
    # who holds each seat is looked up only where it counts: elected members declared,
    # or a finding to report
    recorded: dict[str, int | None] = {
        "members": len(members),
        "elected_member": (_elected(view, members) if "elected_member" in declared
                           else None),
        # partners: seats for organisations other than the one reviewed, or, reviewing
        # for none, other than the body's own
        "partner": sum(1 for m in members
                       if m.on_behalf_of and m.on_behalf_of != (view.org or body.organisation)),
        "support_officer": sum(1 for m in seats if m.role == "support_officer"),
    }
    short = {}
    if body.declared_size is not None and len(members) < body.declared_size:
        short["members"] = (body.declared_size, len(members))
    for kind, count in declared.items():
        have = recorded.get(kind)
        if have is not None and have < count:
            short[kind] = (count, have)
    if not short:
        return None
    if recorded["elected_member"] is None:
        recorded["elected_member"] = _elected(view, members)
    parts = [f"{want} {kind.replace('_', ' ')}{'s' if want != 1 and not kind.endswith('s') else ''}"
             f" declared, {have} recorded" for kind, (want, have) in short.items()]
    return _found(
        body, f"The {body.name} falls short of its declared composition: {'; '.join(parts)}. "
        "The missing seats may be vacant or simply not recorded.", view.evidence(body, seats),
        {"declared_size": body.declared_size, "declared": declared, "recorded": recorded,
         "short": {k: {"declared": w, "recorded": h} for k, (w, h) in short.items()}})


def _elected(view: _View, seats: list[Membership]) -> int:
    return sum(1 for m in seats if view.is_elected(m, []))


@rule("representation", "theme-uncovered", needs_organisation=True)
def _themes_uncovered(view: _View, settings: Settings) -> Iterator[Found]:
    """A theme no body the organisation sits on works on: a gap in its reach. The finding
    names the bodies that do work on it, and on which of them whether it sits is not
    recorded. Also a theme the bodies it sits on include in their work, none of them
    dedicated to it (their ``main_themes``), naming them; where one of them records no
    main themes, it may be dedicated to it, and nothing is said.

    >>> from graphmodel.analysis.example import tiny_network, body, run_rule, show
    >>> net = tiny_network(body("elder", "Older People's Forum", themes=("older-people",)))
    >>> show(run_rule(net, "theme-uncovered"))
    info: No body Town Council sits on works on Older People. It is worked on by:
      Older People's Forum. Whether Town Council sits on it is not recorded.

    >>> from graphmodel.analysis.example import seat
    >>> net = tiny_network(body("hw", "Health Partnership", themes=("older-people",),
    ...                         main_themes=("health",)), seat("hw", "ann"))
    >>> show(run_rule(net, "theme-uncovered"))
    info: No body Town Council sits on is dedicated to Older People, though it is included
      in the work of the Health Partnership.
    """
    attended = view.ours
    for theme in view.net.themes.values():
        bodies = sorted((b for b in view.net.bodies.values()
                         if theme.id in b.themes or theme.id in b.main_themes),
                        key=lambda b: (b.name, b.id))
        ours = [b for b in bodies if b.id in attended]
        if ours:
            yield from _not_dedicated(view, theme, ours)
            continue
        unknown = [b for b in bodies
                   if b.organisation != view.org and view.status(b) == NOT_RECORDED]
        elsewhere = ", ".join(b.name for b in bodies)
        message = (f"No body {view.org_name} sits on works on {theme.name}."
                   + (f" It is worked on by: {elsewhere}." if bodies else "")
                   + (f" Whether {view.org_name} sits on {_which(unknown, bodies)} is not "
                      "recorded." if unknown else ""))
        yield Found(
            subject_of(theme, "theme"), message,
            evidence_for([("theme", theme)] + [("body", b) for b in bodies]),
            {"bodies_working_on_it": len(bodies), "representation_not_recorded": len(unknown)})


def _not_dedicated(view: _View, theme: Theme, ours: list[Body]) -> Iterator[Found]:
    """The finding for a theme the bodies the organisation sits on work on, if none of
    them is dedicated to it and every one of them records what it is dedicated to."""
    if any(theme.id in b.main_themes or not b.main_themes for b in ours):
        return
    names = " and the ".join(b.name for b in ours)
    yield Found(
        subject_of(theme, "theme"),
        f"No body {view.org_name} sits on is dedicated to {theme.name}, though it is "
        f"included in the work of the {names}.",
        evidence_for([("theme", theme)] + [("body", b) for b in ours]),
        {"attended_bodies_working_on_it": len(ours), "dedicated_to_it": 0})


def _which(some: list[Body], bodies: list[Body]) -> str:
    """``it``, ``them`` or ``2 of them``: which of the bodies a remark is about."""
    if len(bodies) == 1:
        return "it"
    return "them" if len(some) == len(bodies) else f"{len(some)} of them"
