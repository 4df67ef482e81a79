"""Who sits where, as a table: people (rows) by bodies (columns), a cell per seat.

The legible form of a network too big for a node-link map: every seat holder a
row, grouped by their organisation (a council's party groups, partners' employers),
every body with a seat a column, grouped by its category (else its kind), and each
seat marked by its role. Seats are those current on the review day, as on the maps.

From a notebook::

    from graphmodel import open_source
    from graphmodel.maps.matrix import seat_matrix

    leeds = seat_matrix(open_source("seed_data/leeds"), as_of="2014-07-24")
    leeds.cell("post:portfolio-holder-neighbourhoods", "body:ssc-partnership-board").mark

:mod:`~graphmodel.maps.matrix_page` writes it as a page that sorts, filters and
prints; :mod:`~graphmodel.maps.matrix_image` as an image for papers.
"""
from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable

from graphmodel.graph import node_key, seat_holder, sitter_key
from graphmodel.maps.privacy import pseudonymise as scrub
from graphmodel.maps.styling import humanise
from graphmodel.model import Body, Membership, Network
from graphmodel.words import count

__all__ = ["Mark", "MARKS", "Line", "Cell", "Matrix", "seat_matrix", "mark_of", "ORDERS",
           "HOLDER_NOT_NAMED", "Attendance"]


@dataclass(frozen=True)
class Mark:
    """How a cell shows a role: a letter (read in print and by a screen reader as well as
    the colour), its words in the legend, and the roles it stands for."""
    key: str
    letter: str
    words: str
    colour: str
    roles: tuple[str, ...]


MARKS = (
    Mark("chair", "C", "chair", "#7a1f1f", ("chair",)),
    Mark("vice_chair", "V", "vice-chair", "#b35806", ("vice_chair",)),
    Mark("member", "M", "member (or trustee)", "#1f4e79", ("member", "trustee")),
    Mark("substitute", "S", "substitute", "#5b5b5b", ("substitute",)),
    Mark("other", "O", "other role: officer, adviser, observer, attendee",
         "#3d6b35", ()),
)
"""The marks, most senior first: a cell holding two seats (a chair who is also listed as a
member) shows the first of its marks."""

ORDERS = ("category", "name", "seats")
"""How rows and columns can be ordered: grouped by category (bodies) and organisation
(people), by name, or by number of seats (most first)."""

HOLDER_NOT_NAMED = "unnamed:"
"""The start of the key of a row of seats whose holder the source does not name (neither
person nor post), one row for each organisation they are held for: counted where they
are, never dropped."""

Attendance = Callable[[Membership], "str | None"]
"""What a seat holder's attendance was, in words ("attended 4 of 6 meetings"), or None
where none is recorded: the hook through which attendance records fill the cells."""


def mark_of(role: str) -> Mark:
    """The mark a role is shown by.

    >>> mark_of("vice_chair").letter, mark_of("trustee").letter, mark_of("adviser").key
    ('V', 'M', 'other')
    """
    return next((m for m in MARKS if role in m.roles), MARKS[-1])


@dataclass(frozen=True)
class Line:
    """A row (a seat holder) or a column (a body): its node key, name and group."""
    key: str
    name: str
    group: str
    seats: int
    note: str = ""
    """What a reader should know of it beyond its name ("post; holder not named")."""


@dataclass
class Cell:
    """The seats one holder has on one body, on the review day."""
    row: str
    column: str
    seats: list[Membership] = field(default_factory=list)
    attendance: list[str] = field(default_factory=list)

    @property
    def mark(self) -> Mark:
        return min((mark_of(m.role) for m in self.seats), key=MARKS.index)

    @property
    def roles(self) -> list[str]:
        return [humanise(m.role).lower() for m in self.seats]


@dataclass
class Matrix:
    """Who sits where on one day: rows, columns (each in their groups' order) and cells."""
    title: str
    dataset: str
    as_of: str
    rows: list[Line]
    columns: list[Line]
    cells: dict[tuple[str, str], Cell]
    seatless: list[str] = field(default_factory=list)
    """Names of the bodies with no seat recorded on the day: not columns, listed instead."""

    def cell(self, row: str, column: str) -> Cell | None:
        return self.cells.get((row, column))

    @property
    def seats(self) -> int:
        return sum(len(c.seats) for c in self.cells.values())

    @property
    def summary(self) -> str:
        return (f"{count(self.seats, 'seat')} held by {count(len(self.rows), 'holder')} on "
                f"{count(len(self.columns), 'body')}, as of {self.as_of}")

    def ordered(self, order: str = "category") -> tuple[list[Line], list[Line]]:
        """Rows and columns in one of :data:`ORDERS`."""
        if order not in ORDERS:
            raise ValueError(f"order {order!r} is not one of {', '.join(ORDERS)}")
        keys: dict[str, Callable[[Line], tuple[object, ...]]] = {
            "category": lambda l: (l.group == "", l.group.casefold(), l.name.casefold()),
            "name": lambda l: (l.name.casefold(),),
            "seats": lambda l: (-l.seats, l.name.casefold()),
        }
        return sorted(self.rows, key=keys[order]), sorted(self.columns, key=keys[order])


def seat_matrix(network: Network, as_of: "str | _dt.date | None" = None,
                pseudonymise: bool = False, attendance: Attendance | None = None) -> Matrix:
    """Who sits where on a day: each current seat in the cell of its holder and body.

    Parameters
    ----------
    network : the Network
    as_of : the day (default: the day the dataset describes, else today)
    pseudonymise : people's names become labels such as "Elected member 3"
    attendance : a seat's attendance in words, or None: shown in its cell
    """
    day = network.review_day(as_of).isoformat()
    if pseudonymise:
        network, _ = scrub(network)
    current = network.as_of(day)
    cells: dict[tuple[str, str], Cell] = {}
    for m in current.memberships.values():
        if m.body not in current.bodies:   # a body unknown to the network: validate says so
            continue
        key = sitter_key(current, m) or HOLDER_NOT_NAMED + (m.on_behalf_of or "")
        cell = cells.setdefault((key, node_key("body", m.body)),
                                Cell(key, node_key("body", m.body)))
        cell.seats.append(m)
        said = attendance(m) if attendance else None
        if said:
            cell.attendance.append(said)
    held: dict[str, int] = defaultdict(int)
    first: dict[str, Membership] = {}
    for (row, column), cell in cells.items():
        held[row] += len(cell.seats)
        held[column] += len(cell.seats)
        first.setdefault(row, cell.seats[0])
    rows = [_row(current, key, held[key], first[key]) for key in first]
    columns = [_column(b, held[node_key("body", b.id)])
               for b in current.bodies.values() if held[node_key("body", b.id)]]
    seatless = sorted((b.name for b in current.bodies.values()
                       if not held[node_key("body", b.id)]), key=str.casefold)
    return Matrix(f"{network.dataset.name}: who sits where", network.dataset.name, day,
                  rows, columns, cells, seatless)


def _group(b: Body) -> str:
    return b.category or humanise(b.kind)


def _column(b: Body, seats: int) -> Line:
    return Line(node_key("body", b.id), b.name, _group(b), seats)


def _row(network: Network, key: str, seats: int, a_seat: Membership) -> Line:
    """A seat holder's row, from one of their seats (the holder named, or the post)."""
    if key.startswith(HOLDER_NOT_NAMED):
        org = network.organisations.get(a_seat.on_behalf_of or "")
        return Line(key, f"Seat for {org.name}, holder not named" if org
                    else "Holder not named", org.name if org else "", seats,
                    "seats the source records without naming who holds them")
    who = seat_holder(network, a_seat)
    name = who.name if who else key.split(":", 1)[1]
    org = network.organisations.get(who.organisation or "") if who else None
    note = "a post; its holder is not named" if key.startswith("post:") else ""
    return Line(key, name, org.name if org else "", seats, note)
