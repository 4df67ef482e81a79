"""The records of a partnership network and the Network that holds them.

Each record type is a frozen dataclass whose fields *are* the schema: a field's
metadata says which table it refers to, which values it allows and what kind of
value it holds. The CSV and workbook readers, the validator, Popolo, the graph
views and the store all read the schema from here, so a column is declared once.

Every record carries provenance (``source_document`` and ``source_section``):
the document and the paragraph or table it was drawn from.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
import itertools
import operator
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Mapping as MappingABC
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, TypeVar, overload

from graphmodel import dates
from graphmodel.vocabulary import Vocabulary

__all__ = [
    "Record", "Dataset", "Document", "Organisation", "Body", "Person", "Post", "Membership",
    "ReportingLine", "ScrutinyLink", "NominationRight", "Succession", "Resourcing",
    "Assessment", "Area", "Theme", "Meeting", "Attendance", "Network", "RecordType", "RECORD_TYPES",
    "record_type", "Relationship", "RELATIONSHIPS", "relationship", "ORGANISATION_KINDS",
    "BODY_KINDS", "PERSON_KINDS", "ROLES", "LINE_KINDS", "LEVELS", "RECOMMENDATIONS",
    "AREA_KINDS", "MEETING_STATUSES", "ATTENDANCE_STATUSES", "Vocabulary",
    "Schema", "SCHEMA", "Current", "CurrentMap", "DATASET_TYPE", "RECORD_TYPES_DECLARED",
    "RELATIONSHIPS_DECLARED",
]

# Each enum: its values, and the other words sources use for them (read in any case, with
# spaces, hyphens or underscores alike; see graphmodel.vocabulary). Only these are read.
ORGANISATION_KINDS = Vocabulary((
    "local_authority", "nhs", "police", "fire_and_rescue", "probation", "healthwatch",
    "education", "third_sector", "faith", "business", "government", "other",
), {"local_authority": ("council",), "other": ("party",)})
BODY_KINDS = Vocabulary((
    "full_council", "executive", "committee", "scrutiny_board", "area_committee",
    "strategic_partnership_board", "partnership_board", "supporting_partnership",
    "cluster_partnership", "partnership", "network", "trust", "working_group",
    "panel", "programme", "other_body",
), {"full_council": ("legislature", "chamber"), "executive": ("cabinet",),
    "partnership_board": ("board",)})
PERSON_KINDS = Vocabulary((
    "elected_member", "officer", "partner_representative", "co_opted_member",
    "community_member", "other",
), {"elected_member": ("councillor",),
    "co_opted_member": ("co-opted", "coopted", "co-opted member", "coopted member")})
ROLES = Vocabulary((
    "chair", "vice_chair", "member", "trustee", "support_officer", "lead_officer",
    "observer", "attendee", "substitute", "adviser", "other",
), {
    "chair": ("chairman", "chairperson", "chairwoman", "chair of ...", "convenor", "convener"),
    "vice_chair": ("vicechair", "vice chairman", "vice chairperson", "vice chairwoman",
                   "vice chair of ...", "deputy chair", "deputy chairman", "deputy chairperson",
                   "vice convenor", "vice convener"),
    "member": ("committee member", "voting member", "board member", "councillor", "co-opted",
               "co-opted member", "coopted member", "co-optee", "ex officio",
               "ex officio member", "independent member", "representative",
               "council representative", "appointee"),
    "trustee": ("director",),
    "support_officer": ("officer",),
    "observer": ("non-voting", "non-voting member", "non-voting observer"),
    "attendee": ("in attendance", "attending", "guest"),
    # on an outside body a council's deputy stands in for its representative
    "substitute": ("sub", "reserve", "named substitute", "substitute member", "reserve member",
                   "deputy", "deputy representative", "named deputy",
                   "substitute representative", "alternate", "alternate member"),
    "adviser": ("advisor", "independent person"),
})
LINE_KINDS = Vocabulary(("formal", "statutory", "informal", "inferred"))
"""How a reporting line is known: ``inferred`` is a line the source implies but does not
state (a committee nested on a council's site, a sub-committee by its name); its notes
say why it was inferred."""
LEVELS = Vocabulary(("high", "medium", "low"))
RECOMMENDATIONS = Vocabulary(("increase", "maintain", "review", "reduce", "withdraw"))
# A meeting's status as a register writes it. ModernGov's "Confirmed" is not among them:
# a confirmed meeting whose day has passed was held, one still to come is scheduled, so
# whoever reads ModernGov decides by the date.
MEETING_STATUSES = Vocabulary(("held", "cancelled", "postponed", "scheduled"), {
    "held": ("took place", "met", "meeting held"),
    "cancelled": ("canceled", "meeting cancelled", "called off"),
    "postponed": ("deferred", "rearranged", "moved", "meeting postponed"),
    "scheduled": ("planned", "upcoming", "to be held", "provisional", "due"),
})
# Whether someone was at a meeting. "present": there as what their role says (a
# substitute present as substitute is present, their role saying substitute);
# "substitute_sent": not there, someone else sat in their place; "in_attendance":
# there, not as a member (an officer, a guest, a councillor observing).
ATTENDANCE_STATUSES = Vocabulary((
    "present", "apologies", "absent", "substitute_sent", "in_attendance",
), {
    "present": ("attended", "present, as expected", "present as expected",
                "present as substitute", "present, as substitute", "present as sub"),
    "apologies": ("apologies received", "apologies given", "sent apologies",
                  "apologies for absence", "apology", "gave apologies"),
    "absent": ("did not attend", "not present", "absent without apologies",
               "no apologies", "non attendance"),
    "substitute_sent": ("substituted", "sent substitute", "sent a substitute",
                        "apologies, substitute sent", "apologies, sent substitute",
                        "apologies substitute sent", "represented by substitute"),
    "in_attendance": ("attending", "also present", "also in attendance", "observing",
                      "officer in attendance"),
})
AREA_KINDS = Vocabulary((
    "city", "county", "district", "administrative_area", "area_committee_area",
    "cluster_area", "ward", "other",
))


class Record(Protocol):
    """A record of any table: one of the record types below, or of one added to the
    schema. Its other columns are read by name, as its RecordType lists them."""
    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    @property
    def id(self) -> str: ...


def col(kind: str = "text", *, ref: str | tuple[str, ...] | None = None,
        enum: Vocabulary | None = None, required: bool = False,
        default: Any = None, doc: str = "", kw_only: bool = False) -> Any:
    """Declare a column: its kind (text, int, number, date, bool, list), what it
    refers to, which values it allows, and what it means to a council officer.

    ``kw_only`` columns are given by name when a record is built, so a column added
    among the others leaves the meaning of records built by position unchanged.
    """
    # it returns Any, as dataclasses.field does: a column's declaration fits its annotation
    refs = (ref,) if isinstance(ref, str) else ref
    meta = {"kind": kind, "ref": refs, "enum": enum, "required": required, "doc": doc}
    if kind == "list":
        default = ()
    return field(default=default, metadata=meta, kw_only=kw_only)


def source_document() -> Any:
    return col(ref="documents", doc="id of the document the record is drawn from")


def source_section() -> Any:
    return col(doc="paragraph, table or page of that document")


@dataclass(frozen=True, slots=True)
class Dataset:
    """The dataset itself: whose partnership landscape this is."""
    id: str = col(required=True, doc="short name of the dataset, e.g. leeds")
    name: str = col(required=True, doc="title shown in reports and maps")
    home_organisation: str | None = col(
        ref="organisations", doc="the organisation whose representation is reviewed, if "
        "the dataset speaks for one; the rules about its seats, resources and the "
        "representation map need one (or --org)")
    description: str | None = col()
    as_of: str | None = col("date", doc="the day the dataset describes; reviews look at "
                            "the network as of this day unless given --as-of (else today)")


@dataclass(frozen=True, slots=True)
class Document:
    """A report, register or terms of reference that records are drawn from."""
    id: str = col(required=True)
    title: str = col(required=True)
    publisher: str | None = col()
    date: str | None = col("date")
    reference: str | None = col(doc="file name or web address of the document")


@dataclass(frozen=True, slots=True)
class Organisation:
    """An employer or sector party: a council, NHS body, police force, charity."""
    id: str = col(required=True)
    name: str = col(required=True)
    kind: str = col(enum=ORGANISATION_KINDS, required=True)
    parent: str | None = col(ref="organisations", doc="organisation this one is part of")
    notes: str | None = col()
    source_document: str | None = source_document()
    source_section: str | None = source_section()


@dataclass(frozen=True, slots=True)
class Body:
    """Anything that meets and decides or advises: a board, committee, partnership.

    Whether an organisation sits on it is known from a seat held on its behalf, or
    from what the source states: that it has no seat (``no_seat_for``), or that
    the membership recorded is the whole of it (``membership_complete``). Without
    either, no seat recorded means not recorded, not no seat.
    """
    id: str = col(required=True)
    name: str = col(required=True)
    kind: str = col(enum=BODY_KINDS, required=True)
    category: str | None = col(doc="how an organisation categorises it, e.g. Strategic and Key Partnership")
    organisation: str | None = col(ref="organisations", doc="organisation that hosts or leads it")
    areas: tuple[str, ...] = col("list", ref="areas", doc="areas it covers, separated by ;")
    themes: tuple[str, ...] = col("list", ref="themes", doc="themes it works on, separated by ;")
    declared_size: int | None = col("int", doc="number of members its terms of reference declare")
    declared_composition: str | None = col(
        "composition", doc="declared mix of seats, e.g. partner=11; elected_member=4")
    membership_complete: bool | None = col(
        "bool", doc="yes if the source lists every seat on it: an organisation with no "
        "seat recorded there has none", kw_only=True)
    no_seat_for: tuple[str, ...] = col(
        "list", ref="organisations", doc="organisations the source says hold no seat on "
        "it, separated by ;", kw_only=True)
    main_themes: tuple[str, ...] = col(
        "list", ref="themes", doc="themes the source says it is dedicated to, separated "
        "by ; (a theme in themes but not here is part of its work, not what it is for; "
        "blank: not recorded)", kw_only=True)
    established: str | None = col("date")
    dissolved: str | None = col("date", doc="last day it existed")
    terms_of_reference: bool | None = col("bool", doc="yes if a governing document is recorded")
    review_date: str | None = col("date", doc="when its arrangements are next due for review")
    notes: str | None = col()
    source_document: str | None = source_document()
    source_section: str | None = source_section()


@dataclass(frozen=True, slots=True)
class Person:
    """An elected member, officer, partner representative or community member."""
    id: str = col(required=True)
    name: str = col(required=True)
    kind: str = col(enum=PERSON_KINDS, required=True)
    organisation: str | None = col(ref="organisations", doc="employer, or council they are elected to")
    notes: str | None = col()
    source_document: str | None = source_document()
    source_section: str | None = source_section()


@dataclass(frozen=True, slots=True)
class Post:
    """A named position (Director of Community Services) that can hold a seat."""
    id: str = col(required=True)
    name: str = col(required=True)
    organisation: str | None = col(ref="organisations")
    holder: str | None = col(ref="people", doc="person holding the post, if named")
    notes: str | None = col()
    source_document: str | None = source_document()
    source_section: str | None = source_section()


@dataclass(frozen=True, slots=True)
class Membership:
    """A seat on a body, held by a person or a post, on behalf of an organisation.

    A seat held on behalf of an organisation with no person or post records
    involvement whose holder the source does not name: unknown, not none.
    """
    id: str = col(required=True)
    body: str = col(ref="bodies", required=True)
    person: str | None = col(ref="people", doc="who sits (person or post or both; neither "
                             "when the source names no holder of a seat held on_behalf_of)")
    post: str | None = col(ref="posts", doc="the post that holds the seat")
    role: str = col(enum=ROLES, required=True, default="member")
    on_behalf_of: str | None = col(ref="organisations", doc="organisation the seat represents")
    nominated_by: str | None = col(ref="bodies", doc="body that nominated the member")
    start: str | None = col("date")
    end: str | None = col("date", doc="last day of the membership")
    notes: str | None = col()
    source_document: str | None = source_document()
    source_section: str | None = source_section()


@dataclass(frozen=True, slots=True)
class ReportingLine:
    """A body accountable to another body."""
    id: str = col(required=True)
    body: str = col(ref="bodies", required=True)
    reports_to: str = col(ref="bodies", required=True)
    kind: str = col(enum=LINE_KINDS, required=True, default="formal",
                    doc="how the line is known; inferred: the source implies it but does not "
                    "state it, and the notes say why")
    start: str | None = col("date")
    end: str | None = col("date")
    notes: str | None = col()
    source_document: str | None = source_document()
    source_section: str | None = source_section()


@dataclass(frozen=True, slots=True)
class ScrutinyLink:
    """A scrutiny body acting as critical friend to another body."""
    id: str = col(required=True)
    scrutiny_body: str = col(ref="bodies", required=True)
    body: str = col(ref="bodies", required=True, doc="the body it scrutinises")
    start: str | None = col("date")
    end: str | None = col("date")
    notes: str | None = col()
    source_document: str | None = source_document()
    source_section: str | None = source_section()


@dataclass(frozen=True, slots=True)
class NominationRight:
    """A body, or an organisation, that fills seats on another body.

    The right is held by ``nominating_body`` or, where the source names no appointing
    body (a council's appointments to outside bodies), by ``nominating_organisation``:
    exactly one of the two.
    """
    id: str = col(required=True)
    nominating_body: str | None = col(ref="bodies", doc="the body that nominates (or "
                                      "nominating_organisation)")
    nominating_organisation: str | None = col(
        ref="organisations", doc="the organisation that appoints, when the source names no "
        "appointing body, e.g. a council's appointments to outside bodies", kw_only=True)
    body: str = col(ref="bodies", required=True, doc="the body whose seats it fills")
    seats: str | None = col(doc="which seats, e.g. elected member representatives")
    places: int | None = col("int", doc="number of places the right fills, where the "
                             "source gives it", kw_only=True)
    start: str | None = col("date")
    end: str | None = col("date")
    notes: str | None = col()
    source_document: str | None = source_document()
    source_section: str | None = source_section()


@dataclass(frozen=True, slots=True)
class Succession:
    """A body replaced by another."""
    id: str = col(required=True)
    predecessor: str = col(ref="bodies", required=True)
    successor: str = col(ref="bodies", required=True)
    date: str | None = col("date")
    notes: str | None = col()
    source_document: str | None = source_document()
    source_section: str | None = source_section()


@dataclass(frozen=True, slots=True)
class Resourcing:
    """What an organisation puts into a body: officer time and money."""
    id: str = col(required=True)
    organisation: str = col(ref="organisations", required=True)
    body: str = col(ref="bodies", required=True)
    officer_hours_per_month: float | None = col("number")
    money_per_year: float | None = col("number", doc="pounds a year")
    lead_post: str | None = col(ref="posts", doc="post that leads for the organisation")
    estimate: bool | None = col("bool", doc="yes if the figures are rough estimates")
    start: str | None = col("date")
    end: str | None = col("date")
    notes: str | None = col()
    source_document: str | None = source_document()
    source_section: str | None = source_section()


@dataclass(frozen=True, slots=True)
class Assessment:
    """An organisation's judgement of a body's value and risk, with a recommendation."""
    id: str = col(required=True)
    organisation: str = col(ref="organisations", required=True)
    body: str = col(ref="bodies", required=True)
    value: str | None = col(enum=LEVELS)
    risk: str | None = col(enum=LEVELS)
    recommendation: str | None = col(enum=RECOMMENDATIONS)
    date: str | None = col("date")
    notes: str | None = col()
    source_document: str | None = source_document()
    source_section: str | None = source_section()


@dataclass(frozen=True, slots=True)
class Area:
    """A place a body covers: a city, an administrative area, a cluster's patch."""
    id: str = col(required=True)
    name: str = col(required=True)
    kind: str = col(enum=AREA_KINDS, required=True)
    parent: str | None = col(ref="areas")
    source_document: str | None = source_document()
    source_section: str | None = source_section()


@dataclass(frozen=True, slots=True)
class Theme:
    """Something bodies work on: community safety, older people, economic growth."""
    id: str = col(required=True)
    name: str = col(required=True)
    source_document: str | None = source_document()
    source_section: str | None = source_section()


@dataclass(frozen=True, slots=True)
class Meeting:
    """A meeting of a body on a day, as its calendar or minutes record it.

    A meeting recorded with no attendance says nothing of who was there: unknown,
    not absent.
    """
    id: str = col(required=True)
    body: str = col(ref="bodies", required=True)
    date: str = col("date", required=True, doc="the day it met, or was to meet")
    status: str | None = col(enum=MEETING_STATUSES, doc="held, cancelled, postponed or "
                             "scheduled (blank: not recorded)")
    notes: str | None = col()
    source_document: str | None = source_document()
    source_section: str | None = source_section()


@dataclass(frozen=True, slots=True)
class Attendance:
    """Whether a person was at a meeting, and in what role, as the minutes record it.

    A person with no attendance recorded for a meeting is not known to be absent.
    ``absence_approved`` records that the authority approved the reason for this
    absence (Local Government Act 1972 s.85(1)): the six months start again from it.
    """
    id: str = col(required=True)
    meeting: str = col(ref="meetings", required=True)
    person: str = col(ref="people", required=True)
    role: str = col(enum=ROLES, required=True, default="member",
                    doc="their role at the meeting: chair, member, substitute, support "
                    "officer, attendee...")
    status: str = col(enum=ATTENDANCE_STATUSES, required=True,
                      doc="present, apologies, absent, substitute sent or in attendance")
    absence_approved: bool | None = col(
        "bool", doc="yes if the authority approved the reason for this absence (s.85(1) "
        "Local Government Act 1972): the six months start again")
    notes: str | None = col()
    source_document: str | None = source_document()
    source_section: str | None = source_section()


@dataclass(frozen=True)
class RecordType:
    """One table and everything the rest of graphmodel needs to know about it: the
    readers, the validator, the diff, the summary, the graph views, the maps, the store
    and the generator all take it from here.

    ``name`` is the table's plural name, also its file and sheet name; ``singular``
    names one record in messages ("reporting line") and, with underscores for spaces
    (:attr:`key`), in change lists and evidence (``reporting_line``); ``label`` is its
    Neo4j label (the class name unless given).
    """
    name: str
    cls: type[Record]
    singular: str
    period: tuple[str | None, str | None] = (None, None)
    """The columns saying when a record holds, from and until (both days inclusive):
    a review of a day sees only the records current then. ``(start, None)``: it holds
    from that day on. A table with a period is *dated*."""
    change_words: tuple[str, str] = ("started", "ended")
    """What a comparison of two days says of a record that began, or ended, between them."""
    lapses_with: tuple[str, ...] = ()
    """Tables whose records it refers to and cannot outlive: a seat on a body that
    was dissolved is no longer current, whatever its own dates say."""
    personal_ids: bool = False
    """Whether its ids often carry a person's name (``ann-smith-on-the-board``): a copy
    pseudonymised for public papers numbers them instead."""
    node: str | None = None
    """Its node type on the maps and graph views (node keys such as ``body:b1``, and its
    style on a map unless that goes by its kind); None: not drawn as a node."""
    label: str = ""

    def __post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", self.cls.__name__)
        for column in self.period:
            if column and column not in self.columns:
                raise ValueError(f"{self.name}: its period column {column!r} is not a column")
        refs = {t for f in self.fields for t in f.metadata["ref"] or ()}
        for table in self.lapses_with:
            if table not in refs:
                raise ValueError(f"{self.name} lapses with {table}, but no column refers "
                                 "to it")
        if self.node and "name" not in self.columns:
            raise ValueError(f"{self.name} is drawn as a node, so its records need a name "
                             "column: the node's label")

    # worked out once: the analyses ask them for each of a million records
    @functools.cached_property
    def fields(self) -> tuple[dataclasses.Field[Any], ...]:
        return dataclasses.fields(self.cls)

    @functools.cached_property
    def columns(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @functools.cached_property
    def key(self) -> str:
        """One record's type in change lists, evidence and findings: ``reporting_line``."""
        return self.singular.replace(" ", "_")

    @property
    def dated(self) -> bool:
        return self.period[0] is not None


RECORD_TYPES_DECLARED: tuple[RecordType, ...] = (
    RecordType("documents", Document, "document"),
    RecordType("organisations", Organisation, "organisation", node="organisation"),
    RecordType("areas", Area, "area"),
    RecordType("themes", Theme, "theme"),
    RecordType("bodies", Body, "body", ("established", "dissolved"),
               change_words=("established", "dissolved"), node="body"),
    RecordType("people", Person, "person", personal_ids=True, node="person"),
    RecordType("posts", Post, "post", personal_ids=True, node="post"),
    RecordType("memberships", Membership, "membership", ("start", "end"),
               lapses_with=("bodies",), personal_ids=True),
    RecordType("reporting_lines", ReportingLine, "reporting line", ("start", "end"),
               lapses_with=("bodies",)),
    RecordType("scrutiny_links", ScrutinyLink, "scrutiny link", ("start", "end"),
               lapses_with=("bodies",)),
    RecordType("nomination_rights", NominationRight, "nomination right", ("start", "end"),
               lapses_with=("bodies",)),
    # it links a body that ended to the one that took over: it outlives its predecessor
    RecordType("successions", Succession, "succession", ("date", None),
               change_words=("took effect", "ended")),
    RecordType("resourcing", Resourcing, "resourcing", ("start", "end"),
               lapses_with=("bodies",)),
    RecordType("assessments", Assessment, "assessment"),
    # a meeting outlives its body's dissolution; an attendance is not current before
    # its meeting's day
    RecordType("meetings", Meeting, "meeting", ("date", None),
               change_words=("fell due", "ended")),
    RecordType("attendance", Attendance, "attendance record", lapses_with=("meetings",),
               personal_ids=True),
)
DATASET_TYPE = RecordType("dataset", Dataset, "dataset")


@dataclass(frozen=True)
class Relationship:
    """One kind of link between records, declared once: the store, the graph views,
    the generator, the validator and the map legend all take it from here.

    A record of ``table`` links what its ``source`` column names to what its ``target``
    column names (``id``: the record itself), so each end's type is the table the
    column refers to. Neo4j stores it as ``stored_as``: a record of a table whose
    relationships run between two other records (a membership, a reporting line) *is*
    that relationship, from the first of its sources that is set; any other record is
    a node, linked from itself to what its column refers to (a post is ``HELD_BY`` its
    holder). ``phrase`` is what a reader sees (a map's legend).
    """
    name: str
    table: str
    source: str
    target: str
    stored_as: str
    phrase: str
    unless: tuple[str, ...] = ()
    """Columns that must all be empty for the link to hold (a seat held for an
    organisation is its own link only when no person or post holds it)."""
    drawn: bool = True
    """Whether the graph views and maps show it: links to areas and themes, which they
    do not draw, and judgements or absences (an assessment, no seat) are kept out."""
    self_link: bool = False
    """Whether it may link a record to itself, where both ends are of one table; the
    validator refuses such a link otherwise. None of the schema's may: a body that
    reports to, scrutinises, nominates to or succeeds itself, or an organisation part
    of (an area within) itself, is a slip in the source."""

    @property
    def source_table(self) -> str:
        return self._refers_to(self.source)

    @property
    def target_table(self) -> str:
        return self._refers_to(self.target)

    @property
    def column(self) -> str:
        """On a node's record: the reference column the link is made from."""
        return self.target if self.source == "id" else self.source

    def _refers_to(self, column: str) -> str:
        if column == "id":
            return self.table
        refs = {f.name: f.metadata["ref"] for f in record_type(self.table).fields}
        if not refs.get(column) or len(refs[column]) != 1:
            raise ValueError(f"relationship {self.name}: {self.table}.{column} does not "
                             "refer to one table")
        return refs[column][0]


RELATIONSHIPS_DECLARED: tuple[Relationship, ...] = (
    # a seat: from whoever holds it, else (holder not named) the organisation it is for
    Relationship("member_of", "memberships", "person", "body", "MEMBER_OF",
                 "sits on (a person's seat)"),
    Relationship("seat_of", "memberships", "post", "body", "MEMBER_OF",
                 "sits on (a post's seat)"),
    Relationship("seat_for", "memberships", "on_behalf_of", "body", "MEMBER_OF",
                 "has a seat, its holder not named, on", unless=("person", "post")),
    Relationship("reports_to", "reporting_lines", "body", "reports_to", "REPORTS_TO",
                 "reports to"),
    Relationship("scrutinises", "scrutiny_links", "scrutiny_body", "body", "SCRUTINISES",
                 "scrutinises"),
    # a right: from the body that nominates, else the organisation that appoints
    Relationship("nominates_to", "nomination_rights", "nominating_body", "body",
                 "NOMINATES_TO", "nominates members to"),
    Relationship("appoints_to", "nomination_rights", "nominating_organisation", "body",
                 "NOMINATES_TO", "appoints members to"),
    Relationship("succeeded_by", "successions", "predecessor", "successor", "SUCCEEDED_BY",
                 "was succeeded by"),
    Relationship("resources", "resourcing", "organisation", "body", "RESOURCES",
                 "puts officer time or money into"),
    Relationship("assesses", "assessments", "organisation", "body", "ASSESSES",
                 "assesses the value and risk of", drawn=False),
    Relationship("works_for", "people", "id", "organisation", "WORKS_FOR",
                 "works for or is elected to"),
    Relationship("post_in", "posts", "id", "organisation", "POST_IN", "is a post in"),
    Relationship("holds", "posts", "holder", "id", "HELD_BY", "holds the post"),
    Relationship("part_of", "organisations", "id", "parent", "PART_OF", "is part of"),
    Relationship("lies_within", "areas", "id", "parent", "PART_OF", "lies within",
                 drawn=False),
    Relationship("hosted_by", "bodies", "id", "organisation", "HOSTED_BY",
                 "is hosted or led by"),
    Relationship("covers", "bodies", "id", "areas", "COVERS", "covers", drawn=False),
    Relationship("works_on", "bodies", "id", "themes", "WORKS_ON", "works on", drawn=False),
    Relationship("dedicated_to", "bodies", "id", "main_themes", "DEDICATED_TO",
                 "is dedicated to", drawn=False),
    Relationship("no_seat_for", "bodies", "id", "no_seat_for", "NO_SEAT_FOR",
                 "has no seat for, the source says", drawn=False),
    Relationship("meeting_of", "meetings", "id", "body", "MEETING_OF", "is a meeting of",
                 drawn=False),
    Relationship("attendance_at", "attendance", "id", "meeting", "AT",
                 "is a record of attendance at", drawn=False),
    Relationship("attendance_by", "attendance", "id", "person", "BY",
                 "is a record of the attendance of", drawn=False),
)


T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")


class Schema:
    """The record types and relationships in force.

    Everything that goes through the tables asks here when it does (never keeping a
    copy made at import), so a record type added with :meth:`add` is read, validated,
    diffed, stored and drawn like those declared above. What is worked out from the
    schema (the store's mapping, the drawn relationships) is kept by :meth:`derived`
    until the schema changes. Looking a table up stays a dict access.
    """

    def __init__(self, record_types: tuple[RecordType, ...],
                 relationships: tuple[Relationship, ...]) -> None:
        self._set(record_types, relationships)

    def _set(self, record_types: tuple[RecordType, ...],
             relationships: tuple[Relationship, ...]) -> None:
        self.record_types = record_types
        self.relationships = relationships
        self.by_name = {rt.name: rt for rt in (*record_types, DATASET_TYPE)}
        self.table_of: dict[type, str] = {rt.cls: rt.name for rt in record_types}
        self.relationship_by_name = {r.name: r for r in relationships}
        # whether it holds more than graphmodel declares (what cypher/ is written from)
        self.extended = (record_types, relationships) != (RECORD_TYPES_DECLARED,
                                                          RELATIONSHIPS_DECLARED)
        # what derived() has worked out, by (function, arguments): values of any type
        self._derived: dict[tuple[Callable[..., Any], tuple[Any, ...]], Any] = {}

    def add(self, *record_types: RecordType,
            relationships: Iterable[Relationship] = ()) -> AbstractContextManager["Schema"]:
        """Add record types (after those already in force) and relationships.

        They stay unless the call is used as a context manager, whose block's end
        takes them out again::

            visits = RecordType("site_visits", SiteVisit, "site visit")
            with SCHEMA.add(visits, relationships=[visited]):
                ...
        """
        before = self.record_types, self.relationships
        names = [rt.name for rt in record_types]
        for name in names:
            if name in self.by_name or names.count(name) > 1:
                raise ValueError(f"a table named {name!r} is declared already")
        relationships = tuple(relationships)
        self._set(before[0] + record_types, before[1] + relationships)
        try:
            named = {r.name for r in before[1]}
            for r in relationships:
                if r.name in named or r.table not in self.by_name:
                    raise ValueError(f"relationship {r.name}: " + (
                        "the name is taken" if r.name in named else f"no table {r.table}"))
                named.add(r.name)
                r.source_table, r.target_table  # noqa: B018 - ValueError unless each end
                # refers to one table
        except ValueError:
            self._set(*before)
            raise

        @contextmanager
        def added() -> Iterator[Schema]:
            try:
                yield self
            finally:
                self._set(*before)
        return added()

    def derived(self, make: Callable[..., T], *args: Any) -> T:
        """``make(*args)``, worked out once while the schema stays as it is."""
        key = (make, args)
        try:
            return self._derived[key]
        except KeyError:
            value = self._derived[key] = make(*args)
            return value


SCHEMA = Schema(RECORD_TYPES_DECLARED, RELATIONSHIPS_DECLARED)


class Current(Sequence[T]):
    """A tuple as the schema in force gives it when read (its record types, the
    relationships the maps draw): iterating, indexing or adding it to a tuple always
    sees the schema as it is then, never as it was at import."""
    __slots__ = ("_get",)

    def __init__(self, get: Callable[[], tuple[T, ...]]) -> None:
        self._get = get

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...

    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        return self._get()[index]

    def __len__(self) -> int:
        return len(self._get())

    def __iter__(self) -> Iterator[T]:
        return iter(self._get())

    def __contains__(self, item: object) -> bool:
        return item in self._get()

    def __add__(self, other: tuple[T, ...]) -> tuple[T, ...]:
        return self._get() + tuple(other)

    def __radd__(self, other: tuple[T, ...]) -> tuple[T, ...]:
        return tuple(other) + self._get()

    def __eq__(self, other: object) -> bool:
        return self._get() == (other._get() if isinstance(other, Current) else other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._get())


class CurrentMap(MappingABC[K, V]):
    """A dict as the schema in force gives it when read (see :class:`Current`)."""
    __slots__ = ("_get",)

    def __init__(self, get: Callable[[], dict[K, V]]) -> None:
        self._get = get

    def __getitem__(self, key: K) -> V:
        return self._get()[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())

    def __contains__(self, key: object) -> bool:
        return key in self._get()

    @overload
    def get(self, key: K, /) -> V | None: ...

    @overload
    def get(self, key: K, default: V | T, /) -> V | T: ...

    def get(self, key: K, default: object = None) -> object:
        return self._get().get(key, default)

    def __eq__(self, other: object) -> bool:
        return self._get() == (other._get() if isinstance(other, CurrentMap) else other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._get())


RECORD_TYPES: Current[RecordType] = Current(lambda: SCHEMA.record_types)
"""The record types in force (those declared above, and any added since)."""
RELATIONSHIPS: Current[Relationship] = Current(lambda: SCHEMA.relationships)
"""The relationships in force."""


def record_type(name: str) -> RecordType:
    return SCHEMA.by_name[name]


def relationship(name: str) -> Relationship:
    return SCHEMA.relationship_by_name[name]


def in_period(start: str | None, end: str | None, on: _dt.date) -> bool:
    """True when a record running from start to end (inclusive) holds on a day."""
    if start and dates.earliest(start) > on:
        return False
    return not (end and dates.latest(end) < on)


class Network:
    """Everything known about one partnership landscape.

    Holds one dict per record type, keyed by id, in source order. Build one
    with :func:`graphmodel.open_source` or from records::

        >>> net = Network(Dataset("demo", "Demo", "o1"),
        ...               [Organisation("o1", "Demo Council", "local_authority")])
        >>> net.counts()["organisations"]
        1
    """

    def __init__(self, dataset: Dataset, records: Iterable[Record] = ()) -> None:
        self.dataset = dataset
        # Each table's records by id, of the table's own record type, which no static
        # type can tie to the table's name: hence Any, and a typed property per table below
        self.tables: dict[str, dict[str, Any]] = {rt.name: {} for rt in SCHEMA.record_types}
        table_of = SCHEMA.table_of
        for record in records:
            self.tables[table_of[type(record)]][record.id] = record

    # One typed property per table declared here (a test checks they match): what an
    # IDE and mypy see; properties rather than __getattr__, which would first fail a
    # normal lookup on every access, and analyses make millions of them. A table added
    # to the schema since is in ``tables``.
    @property
    def documents(self) -> dict[str, Document]:
        return self.tables["documents"]

    @property
    def organisations(self) -> dict[str, Organisation]:
        return self.tables["organisations"]

    @property
    def areas(self) -> dict[str, Area]:
        return self.tables["areas"]

    @property
    def themes(self) -> dict[str, Theme]:
        return self.tables["themes"]

    @property
    def bodies(self) -> dict[str, Body]:
        return self.tables["bodies"]

    @property
    def people(self) -> dict[str, Person]:
        return self.tables["people"]

    @property
    def posts(self) -> dict[str, Post]:
        return self.tables["posts"]

    @property
    def memberships(self) -> dict[str, Membership]:
        return self.tables["memberships"]

    @property
    def reporting_lines(self) -> dict[str, ReportingLine]:
        return self.tables["reporting_lines"]

    @property
    def scrutiny_links(self) -> dict[str, ScrutinyLink]:
        return self.tables["scrutiny_links"]

    @property
    def nomination_rights(self) -> dict[str, NominationRight]:
        return self.tables["nomination_rights"]

    @property
    def successions(self) -> dict[str, Succession]:
        return self.tables["successions"]

    @property
    def resourcing(self) -> dict[str, Resourcing]:
        return self.tables["resourcing"]

    @property
    def assessments(self) -> dict[str, Assessment]:
        return self.tables["assessments"]

    @property
    def meetings(self) -> dict[str, Meeting]:
        return self.tables["meetings"]

    @property
    def attendance(self) -> dict[str, Attendance]:
        return self.tables["attendance"]

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Network) and self.dataset == other.dataset
                and self.tables == other.tables)

    def __repr__(self) -> str:
        return f"<Network {self.dataset.id}: {self.counts()}>"

    def records(self) -> Iterator[Record]:
        for table in self.tables.values():
            yield from table.values()

    def counts(self) -> dict[str, int]:
        return {name: len(table) for name, table in self.tables.items()}

    @property
    def home_organisation(self) -> Organisation | None:
        home = self.dataset.home_organisation
        return self.organisations.get(home) if home else None

    def review_day(self, as_of: "str | _dt.date | None" = None) -> _dt.date:
        """The day a review looks at: ``as_of`` if given, else the day the dataset
        describes (its ``as_of``), else today."""
        return dates.as_date(as_of if as_of is not None else self.dataset.as_of)

    def as_of(self, when: "str | _dt.date | None" = None) -> "Network":
        """The network as it stood on a day: records current then, and only
        relationships whose bodies still existed (default: the day the dataset
        describes, else today).

        The result is remembered per day, as every analysis of a review asks for
        it; any record added, removed or replaced since is noticed.
        """
        on = self.review_day(when)
        memo = self.__dict__.setdefault("_as_of_memo", {})
        remembered = memo.get(on)
        hold: _Unchanging | None = self.__dict__.get("_unchanging")
        if remembered is not None and self._still(("day", on), remembered[0], self.tables):
            current = remembered[1]
        else:
            while len(memo) >= 2:           # two days: enough for a comparison
                memo.pop(next(iter(memo)))
            current = self._as_of(on)
            memo[on] = ({name: list(t.values()) for name, t in self.tables.items()}, current)
            if hold:
                hold.checked.add((id(self), ("day", on)))
        if hold:
            hold.add(current)
        return current

    @contextmanager
    def unchanging(self) -> Iterator[None]:
        """A block in which no record of this network is added, removed or replaced (a
        review's rules only read): a day's network, and what was worked out from it, is
        checked against the records once in the block rather than at every call.

        >>> net = Network(Dataset("demo", "Demo", "o1"),
        ...               [Organisation("o1", "Demo Council", "local_authority")])
        >>> with net.unchanging():
        ...     net.as_of("2014-01-01") is net.as_of("2014-01-01")
        True
        """
        if self.__dict__.get("_unchanging") is not None:    # (a block within one)
            yield
            return
        hold = _Unchanging()
        hold.add(self)
        try:
            yield
        finally:
            hold.release()

    def _still(self, key: tuple[str, Any], snapshot: dict[str, list[Record]],
               tables: dict[str, dict[str, Record]]) -> bool:
        """Whether ``tables`` hold the records of ``snapshot``: checked once in an
        :meth:`unchanging` block, at every call outside one."""
        hold: _Unchanging | None = self.__dict__.get("_unchanging")
        if hold and (id(self), key) in hold.checked:
            return True
        if not _same_records(snapshot, tables):
            return False
        if hold:
            hold.checked.add((id(self), key))
        return True

    def remembered(self, what: str, make: Callable[["Network"], T],
                   tables: Iterable[str]) -> T:
        """``make(self)``, worked out once and remembered until a record of ``tables``
        (the ones ``make`` reads) is added, removed or replaced.

        >>> net = Network(Dataset("demo", "Demo", "o1"),
        ...               [Organisation("o1", "Demo Council", "local_authority")])
        >>> names = lambda n: [o.name for o in n.organisations.values()]
        >>> net.remembered("names", names, ["organisations"]) is \\
        ...     net.remembered("names", names, ["organisations"])
        True
        >>> net.organisations["o2"] = Organisation("o2", "Health Trust", "nhs_body")
        >>> net.remembered("names", names, ["organisations"])
        ['Demo Council', 'Health Trust']
        """
        memo: dict[str, tuple[dict[str, list[Record]], Any]] = \
            self.__dict__.setdefault("_remembered", {})
        read = {name: self.tables[name] for name in tables}
        kept = memo.get(what)
        if kept is not None and self._still(("remembered", what), kept[0], read):
            return kept[1]
        made = make(self)
        memo[what] = ({name: list(t.values()) for name, t in read.items()}, made)
        hold: _Unchanging | None = self.__dict__.get("_unchanging")
        if hold:
            hold.checked.add((id(self), ("remembered", what)))
        return made

    def _as_of(self, on: _dt.date) -> "Network":
        current = Network(self.dataset)
        for rt in SCHEMA.record_types:
            start, end = rt.period
            table = self.tables[rt.name]
            if start is None:
                current.tables[rt.name] = dict(table)
                continue
            # whether a record holds depends on its dates alone: worked out once for each
            # distinct start (and end), not once for each of a million records
            dated, holds = operator.attrgetter(start, end) if end else \
                operator.attrgetter(start), _Holds(on, bool(end))
            if len(table) < _PERIODS_FROM:
                current.tables[rt.name] = {key: r for key, r in table.items()
                                           if holds[dated(r)]}
                continue
            columns = (start, end) if end else (start,)
            periods = self.remembered(f"periods of {rt.name}",
                                      functools.partial(_periods, rt.name, columns), [rt.name])
            current.tables[rt.name] = periods.held(table, on)
        for rt in SCHEMA.record_types:   # in schema order: what it refers to comes first
            if not rt.lapses_with:
                continue
            refs = [(operator.attrgetter(f.name), current.tables[f.metadata["ref"][0]])
                    for f in rt.fields if f.metadata["kind"] != "list"
                    and f.metadata["ref"] and len(f.metadata["ref"]) == 1
                    and f.metadata["ref"][0] in rt.lapses_with]
            kept = current.tables[rt.name]
            for get, held in refs:
                kept = {key: r for key, r in kept.items() if not (ref := get(r)) or ref in held}
            current.tables[rt.name] = kept
        return current


_PERIODS_FROM = 10_000
"""From this many records a table's periods are numbered once (:class:`_Periods`) and
remembered, for every day the network is looked at."""


class _Periods:
    """The distinct starts (and ends) of one table's records, and each record's start
    (and end) by number, in source order: what does not depend on the day of
    :meth:`Network.as_of`, so that a second day (a diff's) reads a million records'
    dates no more. A record holds when its start is not after the day and its end is
    not before it, so each distinct start and end is judged once a day, on its own."""

    def __init__(self, table: dict[str, Any], columns: tuple[str, ...]) -> None:
        import numpy as np

        self.columns: list[tuple[Any, list[Any]]] = []   # (numpy codes, values)
        for column in columns:
            number = _Numbers()
            codes = np.fromiter(map(number.__getitem__, map(operator.attrgetter(column),
                                                             table.values())),
                                dtype=np.int32, count=len(table))
            self.columns.append((codes, list(number)))

    def held(self, table: dict[str, Any], on: _dt.date) -> dict[str, Any]:
        """The records of ``table`` (the one numbered) that hold on a day, in source order."""
        import numpy as np

        keep = np.ones(len(table), dtype=bool)
        for (codes, values), holds in zip(self.columns, (_started, _not_ended)):
            keep &= np.fromiter((holds(value, on) for value in values), dtype=bool,
                                count=len(values))[codes]
        kept = keep.tolist()
        return dict(zip(itertools.compress(table, kept),
                        itertools.compress(table.values(), kept)))


def _started(start: str | None, on: _dt.date) -> bool:
    return not (start and dates.earliest(start) > on)


def _not_ended(end: str | None, on: _dt.date) -> bool:
    return not (end and dates.latest(end) < on)


def _periods(name: str, columns: tuple[str, ...], network: "Network") -> _Periods:
    return _Periods(network.tables[name], columns)


class _Numbers(dict[Any, int]):
    """Each value, numbered in the order first met."""

    def __missing__(self, value: Any) -> int:
        self[value] = number = len(self)
        return number


class _Holds(dict[Any, bool]):
    """Whether a record of these dates (a start, or a start and an end) holds on a day."""

    def __init__(self, on: _dt.date, ends: bool) -> None:
        super().__init__()
        self.on, self.ends = on, ends

    def __missing__(self, dated: Any) -> bool:
        start, end = dated if self.ends else (dated, None)
        self[dated] = holds = in_period(start, end, self.on)
        return holds


class _Unchanging:
    """The networks of one :meth:`Network.unchanging` block (the network and the days'
    networks it gave), and what of theirs was checked in it."""

    def __init__(self) -> None:
        self.networks: list[Network] = []
        self.checked: set[tuple[int, tuple[str, Any]]] = set()

    def add(self, network: Network) -> None:
        if network.__dict__.get("_unchanging") is not self:
            network.__dict__["_unchanging"] = self
            self.networks.append(network)

    def release(self) -> None:
        for network in self.networks:
            network.__dict__.pop("_unchanging", None)
        self.networks.clear()
        self.checked.clear()


def _same_records(snapshot: dict[str, list[Record]],
                  tables: dict[str, dict[str, Record]]) -> bool:
    """Whether each table holds the records it held when ``snapshot`` was taken, in the
    same order.

    Lists' equality compares two records by identity first, and by their values only
    when they are not the same object: a table left alone (nearly always) is checked by
    identity alone, in C, faster than comparing each pair with ``is`` from Python. A
    record replaced by one of the same values reads as unchanged, as whatever was
    worked out from the old record holds of the new one; one of other values is noticed.
    """
    return snapshot.keys() == tables.keys() and all(
        len(snapshot[name]) == len(table) and snapshot[name] == list(table.values())
        for name, table in tables.items())
