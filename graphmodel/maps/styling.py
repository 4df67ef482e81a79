"""How a map draws things: shapes, colours, line patterns, and the legend that explains them.

Every kind of thing has a shape *and* a colour, and every relationship a line
pattern as well as a colour, so a map still reads in black and white or to a
reader who does not tell red from green (WCAG 1.4.1). The colours are Okabe and
Ito's palette, chosen to stay distinct for the common colour-vision deficiencies;
every shape has a dark outline, so it stands out from the white page whatever its
fill (WCAG 1.4.11).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from graphmodel.graph import RELATIONSHIPS
from graphmodel.model import SCHEMA, CurrentMap, RecordType, Relationship, relationship

__all__ = ["INK", "NodeStyle", "EdgeStyle", "node_style", "edge_style", "edge_look",
           "edge_looks", "INFERRED_LINE", "family", "EDGE_STYLES",
           "FAMILIES", "STATUS_STYLES", "FLAGGED", "humanise", "text_on", "unstyled",
           "unstyled_node"]

INK = "#1a1a1a"
PALE = "#ffffff"

# Okabe & Ito (2008): black, orange, sky blue, bluish green, yellow, blue, vermillion,
# reddish purple
ORANGE, SKY, GREEN, YELLOW, BLUE, VERMILLION, PURPLE, GREY = (
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#BBBBBB")


@dataclass(frozen=True)
class NodeStyle:
    """How one family of nodes is drawn: a shape, a fill, an outline and its pattern."""
    key: str
    label: str
    shape: str
    fill: str
    border: str = INK
    dashes: tuple[int, ...] = ()
    border_width: int = 1
    size: int = 16


@dataclass(frozen=True)
class EdgeStyle:
    """How one relationship is drawn: colour, line pattern, width, arrow, curve."""
    key: str
    label: str
    color: str
    dashes: tuple[int, ...] = ()
    width: float = 1.0
    arrow: bool = True
    curved: bool = False


_COUNCIL = ("full_council", "executive", "committee", "area_committee")
_PARTNERSHIP = ("strategic_partnership_board", "partnership_board", "supporting_partnership",
                "cluster_partnership", "partnership")
_PEOPLE = {"elected_member": "elected", "officer": "officer"}

_FAMILIES: dict[str, NodeStyle] = {s.key: s for s in (
    NodeStyle("organisation", "Organisation", "diamond", PURPLE, size=18),
    NodeStyle("council-body", "Council body (council, executive, committee)", "square", BLUE),
    NodeStyle("scrutiny-body", "Scrutiny body", "hexagon", ORANGE, size=18),
    NodeStyle("partnership-body", "Partnership or partnership board", "dot", GREEN),
    NodeStyle("other-body", "Other body (network, trust, working group, panel, programme)",
              "triangleDown", GREY),
    NodeStyle("elected-person", "Elected member", "triangle", SKY, size=12),
    NodeStyle("officer-person", "Officer", "triangle", YELLOW, dashes=(4, 3), size=12),
    NodeStyle("other-person", "Other person (partner, co-opted, community)", "triangle", PALE,
              dashes=(1, 3), border_width=2, size=12),
    NodeStyle("post", "Post (a named position)", "star", GREY, size=12),
)}


def unstyled_node(rt: RecordType) -> NodeStyle:
    """A plain look for a table the schema draws as a node that has no look of its own
    yet (one the schema gained since): a grey circle with a dashed outline, named in the
    legend by the table's singular name."""
    return NodeStyle(rt.node or rt.key, rt.singular[:1].upper() + rt.singular[1:], "dot",
                     GREY, dashes=(3, 3), border_width=2, size=14)


def _families() -> dict[str, NodeStyle]:
    drawn = {rt.node: rt for rt in SCHEMA.record_types if rt.node}
    return _FAMILIES | {node: unstyled_node(rt) for node, rt in drawn.items()
                        if family(node, None) not in _FAMILIES}


FAMILIES: CurrentMap[str, NodeStyle] = CurrentMap(lambda: SCHEMA.derived(_families))
"""Every family of nodes and its look, in the legend's order: those above, then the
tables the schema draws as nodes that have no look of their own."""

# The representation view recolours bodies by whether the organisation has a seat;
# the shape still says what sort of body it is, the outline pattern repeats the status.
STATUS_STYLES: dict[str, NodeStyle] = {s.key: s for s in (
    NodeStyle("represented", "Has a seat held on behalf of the organisation", "", GREEN),
    NodeStyle("unrepresented", "No seat held on behalf of the organisation", "", VERMILLION,
              dashes=(6, 3), border_width=4),
    NodeStyle("not-recorded", "Nothing recorded says whether the organisation has a seat", "",
              GREY, dashes=(2, 4), border_width=3),
    NodeStyle("own", "The organisation's own body", "", BLUE),
)}

# A node that is the subject of a finding gets a thick outline and a warning sign.
FLAGGED = NodeStyle("flagged", "Subject of a finding (outline, and \u26a0 before its name)",
                    "", PALE, border=VERMILLION, border_width=5)



def _schema(name: str, color: str, dashes: tuple[int, ...] = (), width: float = 1.0,
            arrow: bool = True, curved: bool = False) -> EdgeStyle:
    """How a relationship of the schema is drawn; the legend gives the schema's phrase."""
    return EdgeStyle(name, relationship(name).phrase, color, dashes, width, arrow, curved)


def unstyled(relationships: Iterable[Relationship],
             styled: dict[str, EdgeStyle]) -> dict[str, EdgeStyle]:
    """A plain dashed grey line for each relationship drawn that has no look of its own
    yet (one the schema gained since), named in the legend by the schema's phrase."""
    return {r.name: EdgeStyle(r.name, r.phrase, "#6b6b6b", (4, 4)) for r in relationships
            if r.name not in styled}


# the relationships of the schema, and the links only maps draw (sits on behalf of,
# share members)
_EDGE_STYLES: dict[str, EdgeStyle] = {s.key: s for s in (
    _schema("member_of", "#6b6b6b", arrow=False),
    _schema("seat_of", "#6b6b6b", (2, 3), arrow=False),
    EdgeStyle("on_behalf_of", "sits on behalf of", PURPLE, (2, 2), width=1.5),
    _schema("reports_to", INK, width=2.5),
    _schema("scrutinises", ORANGE, (10, 5), width=2.5, curved=True),
    _schema("nominates_to", BLUE, (3, 4), width=1.5),
    _schema("appoints_to", BLUE, (3, 4), width=1.5),
    _schema("succeeded_by", "#6b6b6b", (12, 4, 2, 4), width=1.5),
    _schema("resources", PURPLE, (8, 3, 2, 3), width=1.5),
    _schema("works_for", "#9a9a9a", (1, 4), arrow=False),
    _schema("post_in", "#9a9a9a", (1, 4), arrow=False),
    _schema("holds", "#9a9a9a", (1, 4), arrow=False),
    _schema("part_of", "#9a9a9a", (6, 2), arrow=True),
    _schema("hosted_by", "#9a9a9a", (1, 4), arrow=True),
    EdgeStyle("shares_members", "share members (width: how many)", SKY, width=2,
              arrow=False, curved=True),
)}


def _edge_styles() -> dict[str, EdgeStyle]:
    return _EDGE_STYLES | unstyled(map(relationship, RELATIONSHIPS), _EDGE_STYLES)


EDGE_STYLES: CurrentMap[str, EdgeStyle] = CurrentMap(lambda: SCHEMA.derived(_edge_styles))
"""How each link is drawn, in the legend's order: those above, then the relationships
the schema draws that have no look of their own."""


INFERRED_LINE = EdgeStyle("reports_to:inferred",
                          "reports to: inferred (the source implies it, does not state it)",
                          INK, (8, 6), width=2.0)
"""A reporting line of kind ``inferred``: dashed, where a stated line is solid."""
_VARIANTS = {INFERRED_LINE.key: INFERRED_LINE}


def edge_look(relationship: str, variant: str | None = None) -> EdgeStyle:
    """How one link is drawn: its relationship's look, or its variant's (an inferred
    reporting line has ``variant`` "inferred")."""
    return _VARIANTS.get(f"{relationship}:{variant}") or edge_style(relationship)


def edge_looks(links: Iterable[tuple[str, str | None]]) -> list[EdgeStyle]:
    """The looks of these (relationship, variant) links, each once, in the legend's
    order: a variant just after its relationship."""
    order = list(EDGE_STYLES)
    found = {(order.index(r) if r in order else len(order), v is not None, r, v or "")
             for r, v in links}
    return list({edge_look(r, v or None).key: edge_look(r, v or None)
                 for _, _, r, v in sorted(found)}.values())


def family(record_type: str, kind: str | None) -> str:
    """The style family of a record: its type, and for bodies and people its kind."""
    if record_type == "body":
        if kind in _COUNCIL:
            return "council-body"
        if kind == "scrutiny_board":
            return "scrutiny-body"
        return "partnership-body" if kind in _PARTNERSHIP else "other-body"
    if record_type == "person":
        return f"{_PEOPLE.get(kind or '', 'other')}-person"
    return record_type


def node_style(family_key: str) -> NodeStyle:
    return SCHEMA.derived(_families)[family_key]


def edge_style(relationship: str) -> EdgeStyle:
    return SCHEMA.derived(_edge_styles)[relationship]


def humanise(word: str | None) -> str:
    """``strategic_partnership_board`` -> ``Strategic partnership board``."""
    text = (word or "").replace("_", " ").replace("-", " ").strip()
    text = " ".join(_ACRONYMS.get(w, w) for w in text.split(" "))
    return text[:1].upper() + text[1:]


_ACRONYMS = {"nhs": "NHS"}


def _luminance(colour: str) -> float:
    """WCAG's relative luminance of a ``#rrggbb`` colour."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(int(colour[i:i + 2], 16) / 255) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def text_on(fill: str) -> str:
    """Ink or white, whichever contrasts more with the fill."""
    light = _luminance(fill)
    return INK if (light + 0.05) / (_luminance(INK) + 0.05) >= 1.05 / (light + 0.05) else PALE
