"""Overlaps: who sits on too much, which bodies are bound together, who holds them together.

All rules look at who sits where on one day: the bipartite graph of people
(a post whose holder is not named counts as its own sitter) and bodies, the
seats of :func:`graphmodel.graph.people_bodies`, numbered for sparse matrices
(:class:`Seats`). They compute on those matrices rather than on networkx's graph,
which the benchmark measured several times slower (see
:mod:`graphmodel.analysis.centrality`); the tests check they agree with networkx.
Up to :data:`SMALL_SEATS` memberships on the day they number the seats and compute on
plain lists instead, with the same findings, so that checking a small network waits for
neither numpy nor scipy to load.

- ``person-load``: someone on more current bodies than the rules allow.
- ``interlock``: two bodies sharing members (``shared``, and ``jaccard`` = shared
  members over members of either), the sitters x bodies matrix's Gram matrix above
  its diagonal, counted from the matrix's rows.
- ``broker``: the people with the highest betweenness — through whom most shortest
  paths between bodies and people run; estimated from a sample on large networks.
- ``single-point-of-failure``: someone whose departure would leave bodies with no
  member in common with the rest of their network (an articulation point).
- ``remit-overlap``: two bodies working on the same theme in the same area.
"""
from __future__ import annotations

import datetime as _dt
from bisect import bisect_left
from collections import Counter, defaultdict
from functools import cached_property
from itertools import accumulate, combinations, compress
from operator import attrgetter, itemgetter, not_
from typing import (TYPE_CHECKING, Any, Iterator, NamedTuple, Sequence, SupportsIndex, TypeAlias,
                    cast)

from graphmodel.analysis.centrality import Links, articulation_cuts, betweenness
from graphmodel.analysis.findings import (Finding, Found, Subject, evidence_for,
                                          evidence_of_each, subject_of)
from graphmodel.analysis.runner import run_rules
from graphmodel.analysis.small_betweenness import small_betweenness
from graphmodel.graph import seats_held
from graphmodel.model import Body, Membership, Network, Person, Post
from graphmodel.registry import Settings, Standards, rule, rules_of, view
from graphmodel.words import count

if TYPE_CHECKING:   # (numpy and scipy load when a rule runs)
    import numpy as np
    import numpy.typing as npt
    from scipy import sparse

__all__ = ["Seats", "overlap_findings", "interlocks", "incidence", "Incidence", "SMALL_SEATS"]

Incidence: TypeAlias = "sparse.csr_matrix[np.int32]"
"""Sitters x bodies, 1 where someone sits on a body."""

SMALL_SEATS = 5_000
"""Up to this many memberships on the day (so at most as many seats), the rules number
the seats and compute on lists: a council's network (about 500 seats) takes a few
hundredths of a second on them, where loading numpy and scipy alone takes a tenth or
more. Around 5,000 seats both ways take the same time, the libraries' loading included."""


class Seats:
    """Who sits where on one day, as integer-coded sitters and bodies: the seats of
    :func:`graphmodel.graph.people_bodies` (both follow :func:`graphmodel.graph.sitter_key`),
    numbered for the sparse matrices the rules compute on.

    Sitters and bodies are numbered in order of their ids, so every result (and
    the sample behind estimated betweenness) is the same whatever order the
    source lists its records in. The methods take Python's or numpy's integers.

    The seats are coded with numpy from one pass over the memberships, rather than
    one Python object per seat: at a million memberships that pass is most of the
    cost of the incidence matrix (see :func:`interlocks`). A small network's
    (:data:`SMALL_SEATS`) are numbered the same way in plain Python (``small``).
    """

    _indptr: "list[int] | npt.NDArray[np.intp]"     # each sitter's first seat
    _cols: "list[int] | npt.NDArray[np.int32]"      # each seat's body

    def __init__(self, network: Network, as_of: "str | _dt.date | None" = None,
                 current: bool = False):
        self.net = network if current else network.as_of(as_of)
        self.small = len(self.net.memberships) <= SMALL_SEATS
        self.bodies: list[str]
        self.sitters: list[str]
        if self.small:
            self.bodies = sorted(self.net.bodies)
            self._number_on_lists()
        else:
            self._number_with_numpy()
        self.body_records = [self.net.bodies[b] for b in self.bodies]

    def _number_with_numpy(self) -> None:
        import numpy as np

        bodies, memberships, sitter, body = _seat_codes(self.net)
        self.bodies = list(bodies)     # (copies: the day's network keeps them)
        self.sitters = list(sitter.names)
        # the seats in order of sitter, then body, then source order: each sitter's
        # seats (and each seat's memberships) are one run of this list
        n_bodies = max(len(self.bodies), 1)
        pair = sitter.codes * n_bodies + body
        order = np.argsort(pair, kind="stable")
        self._memberships = [memberships[i] for i in order.tolist()]
        pair = pair[order]
        first = np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]]) if len(pair) else \
            np.zeros(0, dtype=np.int64)
        self._pairs = pair[first]
        self._pair_codes: list[int] = self._pairs.tolist()
        self._pair_start: list[int] = first.tolist() + [len(pair)]
        rows = self._pairs // n_bodies
        self._sitter_start: list[int] = np.searchsorted(
            pair, np.arange(len(self.sitters) + 1) * n_bodies).tolist()
        self._indptr = np.searchsorted(rows, np.arange(len(self.sitters) + 1))
        self._cols = (self._pairs % n_bodies).astype(np.int32)
        self._n_bodies = n_bodies

    def _number_on_lists(self) -> None:
        """The same numbering and runs of memberships in plain Python, from the seats of
        :func:`graphmodel.graph.seats_held` (a small network's, without loading numpy)."""
        seated = seats_held(self.net)
        self.sitters = sorted({who for who, _ in seated})
        sitter_index = {who: i for i, who in enumerate(self.sitters)}
        body_index = {b: i for i, b in enumerate(self.bodies)}
        self._n_bodies = n_bodies = max(len(self.bodies), 1)
        runs = sorted(((sitter_index[who] * n_bodies + body_index[body], held)
                       for (who, body), held in seated.items()), key=itemgetter(0))
        self._memberships = [m for _, held in runs for m in held]
        self._pair_codes = [code for code, _ in runs]
        self._pair_start = list(accumulate((len(held) for _, held in runs), initial=0))
        self._indptr = [bisect_left(self._pair_codes, s * n_bodies)
                        for s in range(len(self.sitters) + 1)]
        self._sitter_start = [self._pair_start[i] for i in self._indptr]
        self._cols = [code % n_bodies for code in self._pair_codes]

    def matrix(self) -> Incidence:
        """The sitters x bodies incidence matrix (1 where someone sits on a body)."""
        import numpy as np
        from scipy import sparse

        ones = np.ones(len(self._cols), dtype=np.int32)
        return sparse.csr_matrix((ones, np.array(self._cols, dtype=np.int32),
                                  np.array(self._indptr)),
                                 shape=(len(self.sitters), len(self.bodies)))

    def seats_of(self, s: SupportsIndex) -> list[Membership]:
        """The memberships behind a sitter's seats, body by body (in the bodies' order),
        in source order on each body."""
        s = int(s)
        return self._memberships[self._sitter_start[s]:self._sitter_start[s + 1]]

    def seat(self, s: SupportsIndex, b: SupportsIndex) -> list[Membership]:
        """The memberships behind one sitter's seat on one body, in source order."""
        code = int(s) * self._n_bodies + int(b)
        i = bisect_left(self._pair_codes, code)
        if not 0 <= int(b) < self._n_bodies or i == len(self._pair_codes) or \
                self._pair_codes[i] != code:
            raise KeyError((s, b))
        return self._memberships[self._pair_start[i]:self._pair_start[i + 1]]

    def sitter(self, s: SupportsIndex) -> tuple[str, Person | Post | None]:
        kind, rid = self.sitters[s].split(":", 1)
        record: Person | Post | None = (self.net.people.get(rid) if kind == "person"
                                        else self.net.posts.get(rid))
        return kind, record

    def name(self, s: SupportsIndex) -> str:
        kind, record = self.sitter(s)
        return record.name if record else self.sitters[s].split(":", 1)[1]

    def body(self, b: SupportsIndex) -> Body:
        return self.body_records[b]

    @property
    def held(self) -> dict[tuple[int, int], list[Membership]]:
        """Every seat: (sitter, body) -> the memberships behind it, in source order."""
        n, start = self._n_bodies, self._pair_start
        return {(code // n, code % n): self._memberships[start[i]:start[i + 1]]
                for i, code in enumerate(self._pair_codes)}


class _Sitters(NamedTuple):
    named: list[str]                # the ids of the people that sit as given (some twice),
    spelt: "npt.NDArray[np.int64]"  # and where each one is in them, in order of ids;
    posts: list[str]                # then the ids of the posts that sit, in order: the
    codes: "npt.NDArray[np.int64]"  # sitters in order of their codes (one per membership)

    @property
    def people(self) -> list[str]:
        """The ids of the people that sit, in order (made when asked for: the incidence
        matrix needs none)."""
        return list(map(self.named.__getitem__, self.spelt.tolist()))

    @property
    def names(self) -> list[str]:
        """The sitters' node keys, in order of their codes."""
        # "person:" sorts before "post:", so this is the order of the node keys
        return ["person:" + p for p in self.people] + ["post:" + p for p in self.posts]

    @property
    def number(self) -> int:
        """How many sitters there are."""
        return len(self.spelt) + len(self.posts)


_PERSON, _BODY = attrgetter("person"), attrgetter("body")


def _coded_seats(network: Network, bodies: list[str]) -> tuple[
        list[Membership], _Sitters, "npt.NDArray[np.int64]"]:
    """The memberships whose holder is named, each one's sitter (numbered in order of
    :func:`graphmodel.graph.sitter_key`) and body (its place in ``bodies``).

    At a million memberships this is most of the cost of the incidence matrix, so each
    membership is read as little as can be: its person once, told apart from the others
    by the string object it is (a reader keeps one string per id) with numpy; only the
    distinct strings are then compared, by :func:`_sorted_places`, which merges any two
    spelling one id. The memberships with no person named (a few) are looked at one by
    one.
    """
    import numpy as np

    memberships = list(network.memberships.values())
    who = np.fromiter(map(_PERSON, memberships), dtype=object, count=len(memberships))
    addresses = _identities(who)
    order, string, first = _distinct(addresses)     # (string: each one's, so ordered)
    ids = who[first].tolist()       # each distinct string (or None) once
    named = cast(list[str], list(filter(None, ids)))
    unnamed = np.flatnonzero(addresses[first] == id(None)).tolist()
    if len(named) + len(unnamed) < len(ids):    # an empty id too: each one looked at
        unnamed = list(compress(range(len(ids)), map(not_, ids)))
    post_seats: dict[int, str] = {}     # membership -> post that sits, holder not named
    holders: dict[int, str] = {}        # membership -> the post's named holder
    for i in _runs_of(order, string, unnamed):
        # the rule of graph.sitter_key: the person, else the post's named holder, else
        # the post itself
        m = memberships[i]
        if m.post:
            post = network.posts.get(m.post)
            if post and post.holder:
                holders[i] = post.holder
            else:
                post_seats[i] = m.post
    named += holders.values()
    places, spelt = _sorted_places(named)
    place = np.full(len(ids) + 1, -1, dtype=np.int64)     # (and -1 at -1)
    place[np.delete(np.arange(len(ids)), unnamed)] = places[:len(ids) - len(unnamed)]
    codes = np.empty(len(memberships), dtype=np.int64)
    codes[order] = place[string]
    if holders:
        codes[list(holders)] = places[len(ids) - len(unnamed):]
    posts = sorted(set(post_seats.values()))
    if post_seats:
        post_index = dict(zip(posts, range(len(spelt), len(spelt) + len(posts))))
        codes[list(post_seats)] = [post_index[p] for p in post_seats.values()]
    body_index = dict(zip(bodies, range(len(bodies))))
    body = np.fromiter(map(body_index.__getitem__, map(_BODY, memberships)), dtype=np.int64,
                       count=len(memberships))
    seated = np.flatnonzero(codes >= 0)
    if len(seated) < len(memberships):
        memberships = [memberships[i] for i in seated.tolist()]
        codes, body = codes[seated], body[seated]
    return memberships, _Sitters(named, spelt, posts, codes), body


def _runs_of(order: "npt.NDArray[np.int64]", numbers: "npt.NDArray[np.int64]",
             wanted: list[int]) -> list[int]:
    """Where the values numbered ``wanted`` are, in order, given the values' ``order``
    and their ascending ``numbers`` (as :func:`_distinct` gives them).

    >>> import numpy as np
    >>> _runs_of(np.array([1, 3, 0, 2]), np.array([0, 1, 2, 2]), [2, 0])
    [0, 1, 2]
    """
    import numpy as np

    starts = np.searchsorted(numbers, wanted, side="left").tolist()
    ends = np.searchsorted(numbers, wanted, side="right").tolist()
    return sorted(i for start, end in zip(starts, ends) for i in order[start:end].tolist())


def _identities(objects: "npt.NDArray[np.object_]") -> "npt.NDArray[np.int64]":
    """Each object's ``id``: in CPython, the addresses the array holds, read as they are
    rather than made into a Python number each (checked on the first few).

    >>> import numpy as np
    >>> names = np.array(["ann", None, "bob"] * 5, dtype=object)
    >>> _identities(names).tolist() == [id(name) for name in names]
    True
    """
    import numpy as np

    if objects.itemsize == 8:
        addresses = np.frombuffer(objects.data, dtype=np.int64)
        if addresses[:8].tolist() == list(map(id, objects[:8].tolist())):
            return addresses
    return np.fromiter(map(id, objects.tolist()), dtype=np.int64, count=len(objects))


def _distinct(values: "npt.NDArray[np.int64]") -> tuple[
        "npt.NDArray[np.int64]", "npt.NDArray[np.int64]", "npt.NDArray[np.int64]"]:
    """The order that sorts ``values`` (where each value is, smallest first); each value's
    number in that order among the distinct values (numbered in ascending order); and a
    place where each distinct value is, in that order.

    The numbers are left in sorted order rather than put back in the values' places:
    the caller puts back what it works out from them, once.

    >>> import numpy as np
    >>> values = np.array([7, 3, 7, 5])
    >>> order, numbers, places = _distinct(values)
    >>> order.tolist(), numbers.tolist(), values[places].tolist()
    ([1, 3, 0, 2], [0, 1, 2, 2], [3, 5, 7])
    """
    import numpy as np

    ordered, order = _ordered(values)
    new = _firsts(ordered)
    return order, np.cumsum(new) - 1, order[new]


def _ordered(values: "npt.NDArray[np.int64]") -> tuple[
        "npt.NDArray[np.int64]", "npt.NDArray[np.int64]"]:
    """``values`` in ascending order, and where each one is in ``values`` (equal values
    in the order they are there).

    numpy sorts plain integers several times faster than it finds the order that sorts
    them (``argsort``), so when each value, less the least, and its place fit in one
    63-bit number together, the place in the low bits, those numbers are sorted instead.

    >>> import numpy as np
    >>> ordered, order = _ordered(np.array([7, 3, 7, 5]))
    >>> ordered.tolist(), order.tolist()
    ([3, 5, 7, 7], [1, 3, 0, 2])
    >>> [x.tolist() for x in _ordered(np.array([2**62, -2**62, 0]))]   # (too far apart)
    [[-4611686018427387904, 0, 4611686018427387904], [1, 2, 0]]
    """
    import numpy as np

    if not len(values):
        return values.copy(), np.zeros(0, dtype=np.int64)
    least = int(values.min())
    bits = max(len(values) - 1, 1).bit_length()
    if (int(values.max()) - least).bit_length() + bits > 63:
        order = np.argsort(values, kind="stable")
        return values[order], order
    key = values - least
    key <<= bits
    key |= np.arange(len(values))
    key.sort()
    order = key & ((1 << bits) - 1)
    key >>= bits
    key += least
    return key, order


def _firsts(ordered: "npt.NDArray[Any]") -> "npt.NDArray[np.bool_]":
    """Where each run of equal values in ``ordered`` (rows, if two-dimensional) begins."""
    import numpy as np

    first = np.empty(len(ordered), dtype=bool)
    first[:1] = True
    unequal = ordered[1:] != ordered[:-1]
    first[1:] = unequal.any(axis=1) if ordered.ndim == 2 else unequal
    return first


def _sorted_places(names: list[str]) -> tuple["npt.NDArray[np.int64]", "npt.NDArray[np.int64]"]:
    """Each name's place among the distinct names in Python's order, and where in
    ``names`` each distinct name is, in that order.

    Ids in ASCII (nearly all) are sorted by numpy as rows of bytes, eight at a time,
    several times faster than Python's sort; any other id is sorted by Python.

    >>> names = ["p10", "p9", "p10", "p1", "p10x"]
    >>> places, spelt = _sorted_places(names)
    >>> places.tolist(), [names[i] for i in spelt]
    ([1, 3, 1, 0, 2], ['p1', 'p10', 'p10x', 'p9'])
    >>> _sorted_places(["council-b", "council", "council-a1", "council-b"])[0].tolist()
    [2, 0, 1, 2]
    >>> _sorted_places(["é", "e", "é"])[0].tolist(), _sorted_places(["a\\0", "a"])[0].tolist()
    ([1, 0, 1], [1, 0])
    >>> [x.tolist() for x in _sorted_places([])]
    [[], []]
    """
    import numpy as np

    spelt = "\0".join(names)     # (isascii is a flag the string keeps)
    text = np.frombuffer(spelt.encode("ascii") if spelt.isascii() else b"", dtype=np.uint8)
    ends = np.flatnonzero(text == 0)
    if not spelt.isascii() or len(ends) != max(len(names) - 1, 0):
        # an id in other letters, or holding a NUL (which would read as an id's end)
        where = dict(zip(names, range(len(names))))
        distinct = sorted(where)
        index = dict(zip(distinct, range(len(distinct))))
        return (np.fromiter(map(index.__getitem__, names), dtype=np.int64, count=len(names)),
                np.fromiter(map(where.__getitem__, distinct), dtype=np.int64,
                            count=len(distinct)))
    lengths = np.diff(ends, prepend=-1, append=len(text)) - 1 if names else ends
    width = -(-int(lengths.max(initial=1)) // 8) * 8
    chars = np.zeros((len(names), width), dtype=np.uint8)     # each name's bytes, then 0s
    chars[np.arange(width) < lengths[:, None]] = text[text != 0]
    words = chars.view(">u8")    # eight bytes at a time, the first most significant
    order = np.argsort(words[:, 0]) if width == 8 else np.lexsort(words.T[::-1])
    new = _firsts(words[order])
    places = np.empty(len(names), dtype=np.int64)
    places[order] = np.cumsum(new) - 1
    return places, order[new]


def _seat_codes(network: Network) -> tuple[list[str], list[Membership], _Sitters,
                                           "npt.NDArray[np.int64]"]:
    """The bodies in order of their ids and :func:`_coded_seats` of them, worked out once
    for a day's network: the overlaps rules and :func:`incidence` share them."""
    return network.remembered("coded seats", _coded_seats_of, _READS)


_READS = ("memberships", "posts", "bodies")   # what _coded_seats reads


def _coded_seats_of(network: Network) -> tuple[list[str], list[Membership], _Sitters,
                                                "npt.NDArray[np.int64]"]:
    bodies = sorted(network.bodies)
    return (bodies, *_coded_seats(network, bodies))


def incidence(network: Network, as_of: "str | _dt.date | None" = None) -> Incidence:
    """The sitters x bodies incidence matrix of a day, straight from the memberships (the
    bodies in order of their ids, the sitters numbered as :class:`Seats` numbers them):
    :func:`interlocks` needs no more, and none of the indexes :class:`Seats` makes for
    the findings. The day's seats are coded once, for this and the overlaps rules alike,
    so after those rules (or a first call) this is numpy's work alone.

    >>> from graphmodel.analysis.example import tiny_network, seat
    >>> net = tiny_network(seat("a", "ann"), seat("a", "bob"), seat("b", "bob"))
    >>> incidence(net).toarray().tolist()   # bodies a and b; Ann, then Bob
    [[1, 0], [1, 1]]
    """
    import numpy as np
    from scipy import sparse

    bodies, _, sitters, body = _seat_codes(network.as_of(as_of))
    n_bodies = max(len(bodies), 1)
    # each seat once (two memberships of one sitter on one body are one seat), in order
    # of sitter, then body: the matrix's rows one after another
    seats = sitters.codes * n_bodies
    seats += body
    seats.sort()
    seats = seats[_firsts(seats)]
    sitter = seats // n_bodies
    rows = np.zeros(sitters.number + 1, dtype=np.int32)    # where each sitter's row begins
    np.cumsum(np.bincount(sitter, minlength=sitters.number), out=rows[1:])
    seats -= sitter * n_bodies      # (now each seat's body)
    matrix = sparse.csr_matrix((np.ones(len(seats), dtype=np.int32), seats.astype(np.int32),
                                rows), shape=(sitters.number, len(bodies)))
    matrix.has_canonical_format = True      # (sorted, no seat twice: as made above)
    return matrix


class _Overlaps(Seats):
    """Who sits where on one day, as every rule reads it: the sitters x bodies matrix,
    or on a small network (:data:`SMALL_SEATS`) each sitter's and each body's list."""

    @cached_property
    def incidence(self) -> Incidence:
        return self.matrix()

    @cached_property
    def rows(self) -> list[list[int]]:
        """Each sitter's bodies, by number, ascending (a small network's matrix rows)."""
        indptr, cols = self._indptr, self._cols
        return [list(cols[indptr[s]:indptr[s + 1]]) for s in range(len(self.sitters))]

    @cached_property
    def columns(self) -> list[list[int]]:
        """Each body's sitters, by number, ascending (a small network's matrix columns)."""
        columns: list[list[int]] = [[] for _ in self.bodies]
        for s, row in enumerate(self.rows):
            for b in row:
                columns[b].append(s)
        return columns

    def bodies_of(self, s: int) -> "Sequence[int] | npt.NDArray[np.int32]":
        """The bodies sitter ``s`` sits on, by number, ascending."""
        if self.small:
            return self.rows[s]
        incidence = self.incidence
        return incidence.indices[incidence.indptr[s]:incidence.indptr[s + 1]]

    def loads(self) -> "list[int] | npt.NDArray[np.integer]":
        """How many bodies each sitter sits on."""
        if self.small:
            return [len(row) for row in self.rows]
        import numpy as np
        return np.asarray(self.incidence.sum(axis=1)).ravel()

    def links(self) -> "Links | sparse.csr_matrix[np.int32]":
        """The people-and-bodies graph, sitters numbered first, then bodies: a small
        network's as lists."""
        if not self.small:
            return _bipartite_adjacency(self.incidence)
        first = len(self.sitters)
        neighbours = [[first + b for b in row] for row in self.rows] + self.columns
        return Links(list(accumulate(map(len, neighbours), initial=0)),
                     [v for each in neighbours for v in each])


@view("overlaps")
def _overlaps(network: Network, day: _dt.date, org: str | None, rules: Standards) -> _Overlaps:
    return _Overlaps(network, day)


def overlap_findings(network: Network, rules: Standards | None = None,
                     as_of: "str | _dt.date | None" = None, min_shared: int | None = None,
                     top: int | None = None) -> list[Finding]:
    """Every overlap finding on a day (default: the day the dataset describes, else
    today), most severe first; see the module docs.

    ``min_shared`` and ``top`` override the rules file (``top`` for every rule;
    0 means no limit).
    """
    overrides: dict[str, Settings] = {r.name: {} for r in rules_of("overlaps")}
    if min_shared is not None:
        overrides["interlock"]["min_shared"] = min_shared
    if top is not None:
        for settings in overrides.values():
            settings["top"] = top
    return run_rules(network, rules, as_of=as_of, topics=["overlaps"], overrides=overrides)


def _sitter_subject(seats: Seats, s: SupportsIndex) -> Subject:
    kind, record = seats.sitter(s)
    if record is None:   # a seat holder the network holds no record of: named by its id
        return Subject(seats.name(s), seats.name(s), kind)
    return subject_of(record, kind)


@rule("overlaps", "person-load", {"max_bodies": "count"})
def _person_load(seats: _Overlaps, settings: Settings) -> Iterator[Found]:
    """Someone on more current bodies than ``max_bodies``: their time is finite, and a
    person on many bodies is stretched thin. Most loaded first.

    >>> from graphmodel.analysis.example import tiny_network, seat, run_rule, show
    >>> net = tiny_network(*(seat(board, "ann") for board in ("a", "b", "c")))
    >>> show(run_rule(net, "person-load", max_bodies=2))
    info: Ann sits on 3 current bodies (the rules suggest at most 2): A, B, C.
    """
    limit = settings["max_bodies"]
    loads = seats.loads()
    over = sorted(_over(loads, limit), key=lambda s: (-loads[s], seats.sitters[s]))
    for s in over:
        bodies = [seats.body(b) for b in seats.bodies_of(s)]
        names = sorted(b.name for b in bodies)
        shown = ", ".join(names[:10]) + (", ..." if len(names) > 10 else "")
        held = seats.seats_of(s)
        yield Found(
            _sitter_subject(seats, s),
            f"{seats.name(s)} sits on {count(len(bodies), 'current body')} (the rules suggest at most "
            f"{limit}): {shown}.", evidence_of_each("membership", held),
            {"bodies": int(loads[s]), "body_ids": sorted(b.id for b in bodies)})


def _over(loads: "list[int] | npt.NDArray[np.integer]", limit: int) -> list[int]:
    """The sitters whose load is over ``limit``."""
    if isinstance(loads, list):
        return [s for s, load in enumerate(loads) if load > limit]
    import numpy as np
    return np.flatnonzero(loads > limit).tolist()


def interlocks(incidence: Incidence, min_shared: int = 1) -> tuple[
        npt.NDArray[np.int32], npt.NDArray[np.int32], npt.NDArray[np.int32],
        npt.NDArray[np.float64]]:
    """Pairs of bodies sharing members: (body a, body b, shared, jaccard) arrays, a < b,
    in order of a, then b.

    ``incidence`` is a sitters x bodies 0/1 sparse matrix; the body x body matrix of
    shared members is its Gram matrix, whose diagonal holds each body's size. Only the
    pairs above the diagonal are wanted, so rather than the whole product this counts
    them straight from each sitter's row: every pair of bodies a sitter sits on, a < b,
    numbered, sorted and counted with numpy (about three times faster than the product).

    >>> from scipy import sparse
    >>> a, b, shared, jaccard = interlocks(sparse.csr_matrix([[1, 1, 0], [1, 1, 1]]))
    >>> a.tolist(), b.tolist(), shared.tolist(), jaccard.round(2).tolist()
    ([0, 0, 1], [1, 2, 2], [2, 1, 1], [1.0, 0.5, 0.5])
    """
    import numpy as np

    incidence = _canonical(incidence)
    if not (incidence.data == 1).all():     # (not 0/1: the product counts as it always did)
        return _interlocks_by_product(incidence, min_shared)
    n_bodies = incidence.shape[1]
    pairs = _pairs_sat_on(incidence)
    pairs.sort()
    first = np.flatnonzero(_firsts(pairs))
    shared = np.empty(len(first), dtype=np.int32)
    np.subtract(first[1:], first[:-1], out=shared[:-1], casting="unsafe")
    shared[-1:] = len(pairs) - first[-1:]
    pairs = pairs.take(first)
    if min_shared > 1:
        kept = shared >= min_shared
        pairs, shared = pairs[kept], shared[kept]
    # the pairs are in order of a: each body's run of them as a is found by a search
    # once for each body, not a division once for each pair
    per_a = np.diff(np.searchsorted(pairs, np.arange(n_bodies, dtype=pairs.dtype) * n_bodies),
                    append=len(pairs))
    a = np.repeat(np.arange(n_bodies, dtype=np.int32), per_a)
    pairs -= a * n_bodies
    b = pairs.astype(np.int32, copy=False)
    sizes = np.bincount(incidence.indices, minlength=n_bodies).astype(np.int32)
    either = np.repeat(sizes, per_a)      # members of either body
    either += sizes.take(b)
    either -= shared
    return a, b, shared, np.divide(shared, either, dtype=np.float64)


def _pairs_sat_on(incidence: Incidence) -> "npt.NDArray[np.signedinteger[Any]]":
    """Every pair of bodies a sitter sits on, a < b, numbered a * bodies + b, once for
    each sitter on both (in no particular order).

    The sitters are taken together by how many bodies they sit on: those on ``k`` bodies
    are a table of ``k`` columns, and their pairs are that table's columns taken two by
    two, a few numpy operations for each ``k`` rather than one for each pair.

    >>> from scipy import sparse
    >>> sorted(_pairs_sat_on(sparse.csr_matrix([[1, 1, 0], [1, 1, 1], [0, 0, 1]])).tolist())
    [1, 1, 2, 5]
    """
    import numpy as np

    indptr, bodies = incidence.indptr, incidence.indices
    n_bodies = incidence.shape[1]
    loads = np.diff(indptr)
    total = int((loads * (loads - 1) // 2).sum(dtype=np.int64))
    small: type[np.signedinteger[Any]] = (
        np.int32 if max(total, n_bodies * n_bodies) <= np.iinfo(np.int32).max else np.int64)
    pairs = np.empty(total, dtype=small)
    # (numpy sorts 16-bit numbers by radix, in one pass: several times faster)
    by_load = np.argsort(loads.astype(np.int16) if loads.max(initial=0) < 2**15 else loads,
                         kind="stable")
    ends = np.cumsum(np.bincount(loads))
    done = 0
    for k in range(2, len(ends)):
        sitters = by_load[ends[k - 1]:ends[k]]
        if not len(sitters):
            continue
        seats = bodies[indptr[sitters][:, None] + np.arange(k)].astype(small)   # one row each
        first, second = np.triu_indices(k, 1)
        block = pairs[done:done + len(sitters) * len(first)].reshape(len(sitters), len(first))
        np.take(seats, first, axis=1, out=block)
        block *= n_bodies
        block += seats[:, second]
        done += block.size
    return pairs


def _canonical(matrix: Incidence) -> Incidence:
    """``matrix`` with each row's columns sorted and no entry twice (a copy if not)."""
    if matrix.has_canonical_format:
        return matrix
    matrix = matrix.copy()
    matrix.sum_duplicates()
    return matrix


def _interlocks_by_product(incidence: Incidence, min_shared: int) -> tuple[
        npt.NDArray[np.int32], npt.NDArray[np.int32], npt.NDArray[np.int32],
        npt.NDArray[np.float64]]:
    """:func:`interlocks` by the sparse product, counting a weighted entry as its weight."""
    import numpy as np

    shared = (incidence.T.tocsr() @ incidence).tocoo()
    keep = (shared.row < shared.col) & (shared.data >= min_shared)
    a, b, n = shared.row[keep], shared.col[keep], shared.data[keep]
    order = np.lexsort((b, a))
    a, b, n = a[order], b[order], n[order]
    sizes = np.asarray(incidence.sum(axis=0)).ravel()
    return a, b, n, n / (sizes[a] + sizes[b] - n)


@rule("overlaps", "interlock", {"min_shared": "count", "top": "count"})
def _interlock(seats: _Overlaps, settings: Settings) -> Iterator[Found]:
    """Two bodies sharing at least ``min_shared`` members: where one board's decisions
    travel to another, for good or ill. Most shared members first.

    >>> from graphmodel.analysis.example import tiny_network, seat, run_rule, show
    >>> net = tiny_network(*(seat(board, who) for board in ("a", "b") for who in ("ann", "bob")))
    >>> show(run_rule(net, "interlock"))
    info: The A and the B share 2 members: Ann, Bob.
    """
    ranked = _small_interlocks if seats.small else _large_interlocks
    for a, b, n, jaccard, common in ranked(seats, settings["min_shared"]):
        x, y = seats.body(a), seats.body(b)
        names = sorted(seats.name(s) for s in common)
        held = [m for s in common for body in (a, b) for m in seats.seat(s, body)]
        yield Found(
            subject_of(x, "body"),
            f"The {x.name} and the {y.name} share {count(n, 'member')}: "
            + ", ".join(names[:10]) + (", ..." if len(names) > 10 else "") + ".",
            evidence_for([("body", x), ("body", y)] + [("membership", m) for m in held]),
            {"other_body": y.id, "shared": n, "jaccard": round(jaccard, 4)})


Interlocking: TypeAlias = "tuple[int, int, int, float, Sequence[int] | npt.NDArray[np.int32]]"
"""Two bodies by number (a < b), their shared members' count and jaccard, and the
shared members by number, ascending."""


def _large_interlocks(seats: _Overlaps, min_shared: int) -> Iterator[Interlocking]:
    """The interlocking pairs, most shared members first, as :func:`interlocks` counts them."""
    import numpy as np

    incidence = seats.incidence
    a, b, n, jaccard = interlocks(incidence, min_shared)
    # bodies are numbered in id order, so ties fall to the pair with the first ids
    order = np.lexsort((b, a, -jaccard, -n))
    by_body = incidence.T.tocsr()
    for i in order:
        common = np.intersect1d(by_body.indices[by_body.indptr[a[i]]:by_body.indptr[a[i] + 1]],
                                by_body.indices[by_body.indptr[b[i]]:by_body.indptr[b[i] + 1]])
        yield int(a[i]), int(b[i]), int(n[i]), float(jaccard[i]), common


def _small_interlocks(seats: _Overlaps, min_shared: int) -> Iterator[Interlocking]:
    """The same pairs in the same order, counted from each sitter's list of bodies."""
    shared = Counter[tuple[int, int]]()
    for row in seats.rows:
        for i, a in enumerate(row):
            for b in row[i + 1:]:
                shared[a, b] += 1
    sizes = [len(column) for column in seats.columns]
    pairs = [(a, b, n, n / (sizes[a] + sizes[b] - n))
             for (a, b), n in shared.items() if n >= min_shared]
    pairs.sort(key=lambda pair: (-pair[2], -pair[3], pair[0], pair[1]))
    for a, b, n, jaccard in pairs:
        yield a, b, n, jaccard, sorted(set(seats.columns[a]) & set(seats.columns[b]))


def _bipartite_adjacency(incidence: Incidence) -> "sparse.csr_matrix[np.int32]":
    """The people-and-bodies graph as one symmetric adjacency matrix (sitters first)."""
    from scipy import sparse

    blocks: list[list[sparse.spmatrix[np.int32] | None]] = [[None, incidence],
                                                            [incidence.T, None]]
    # scipy's stubs type bmat's result as a sparse matrix of any format; format="csr" makes
    # it a CSR matrix
    return sparse.bmat(blocks, format="csr")  # type: ignore[return-value]


@rule("overlaps", "broker", {"top": "count", "sample": "count", "min_bodies": "count"})
def _brokers(seats: _Overlaps, settings: Settings) -> Iterator[Found]:
    """Someone on at least ``min_bodies`` bodies through whom many of the shortest
    connections between other people and bodies run: they carry the network's
    information, and their leaving is a continuity risk. Highest betweenness first;
    on a large network estimated from a seeded sample of ``sample`` sources.

    >>> from graphmodel.analysis.example import tiny_network, seat, run_rule, show
    >>> net = tiny_network(seat("a", "ann"), seat("a", "bob"), seat("b", "bob"),
    ...                    seat("b", "cy"))
    >>> show(run_rule(net, "broker"))
    info: Bob sits on 2 bodies and is a broker: 66.7% of the shortest connections
      between other people and bodies run through them.
    """
    n_sitters = len(seats.sitters)
    if n_sitters == 0:
        return
    scores, sampled = _betweenness(seats, settings["sample"] or None)
    loads = seats.loads()
    people = [s for s in range(n_sitters)
              if scores[s] > 0 and loads[s] >= settings["min_bodies"]]
    people.sort(key=lambda s: (-scores[s], seats.sitters[s]))
    for s in people:
        held = seats.seats_of(s)
        yield Found(
            _sitter_subject(seats, s),
            f"{seats.name(s)} sits on {count(int(loads[s]), 'body')} and is a broker: "
            f"{scores[s]:.1%} of the shortest connections between other people and bodies "
            "run through them" + (" (estimated from a sample)." if sampled else "."),
            evidence_for([("membership", m) for m in held]),
            {"betweenness": round(float(scores[s]), 6), "bodies": int(loads[s]),
             "sampled_sources": sampled or None})


def _betweenness(seats: _Overlaps, sample: int | None) -> tuple[
        "Sequence[float] | npt.NDArray[np.float64]", int]:
    """The people-and-bodies graph's betweenness and the number of sampled sources (0 when
    exact): a small graph's from every source in plain Python, numpy's figures to the
    last bit (:mod:`graphmodel.analysis.small_betweenness`), else numpy's (a small
    network's without scipy)."""
    links = seats.links()
    if isinstance(links, Links) and (sample is None or sample >= len(links.indptr) - 1):
        plain = small_betweenness(links)
        if plain is not None:
            return plain, 0
    return betweenness(links, sample=sample, seed=0)


@rule("overlaps", "single-point-of-failure", {"min_cut_off": "count"})
def _single_points(seats: _Overlaps, settings: Settings) -> Iterator[Found]:
    """Someone whose leaving would cut at least ``min_cut_off`` bodies off from the rest
    of the network (no member in common with it any more): a link that rests on one
    person breaks when they go. Most bodies cut off first.

    >>> from graphmodel.analysis.example import tiny_network, seat, run_rule, show
    >>> net = tiny_network(seat("a", "ann"), seat("a", "bob"), seat("b", "bob"),
    ...                    seat("b", "cy"))
    >>> show(run_rule(net, "single-point-of-failure"))
    warning: If Bob left, 1 body would have no member in common with the rest of the
      network: B.
    """
    n_sitters = len(seats.sitters)
    is_body = [False] * n_sitters + [True] * len(seats.bodies)
    cuts = articulation_cuts(seats.links(), is_body, candidates=range(n_sitters))
    minimum = max(settings["min_cut_off"], 1)
    people = sorted((v for v, cut in cuts.items() if len(cut) >= minimum),
                    key=lambda v: (-len(cuts[v]), seats.sitters[v]))
    for s in people:
        cut = sorted((seats.body(b - n_sitters) for b in cuts[s]), key=lambda b: b.name)
        held = seats.seats_of(s)
        yield Found(
            _sitter_subject(seats, s),
            f"If {seats.name(s)} left, {count(len(cut), 'body')} would "
            "have no member in common with the rest of the network: "
            + ", ".join(b.name for b in cut[:10]) + (", ..." if len(cut) > 10 else "") + ".",
            evidence_for([("membership", m) for m in held]),
            {"cut_off": len(cut), "cut_off_bodies": [b.id for b in cut]})


@rule("overlaps", "remit-overlap", {"kinds": "kinds", "top": "count"})
def _remit_overlap(seats: _Overlaps, settings: Settings) -> Iterator[Found]:
    """Two bodies (of ``kinds``) working on the same theme in the same area: they may
    duplicate each other, and each one's purpose and added value should be clear. Most
    themes and areas shared first.

    >>> from graphmodel.analysis.example import tiny_network, body, run_rule, show
    >>> net = tiny_network(*(body(b, name, themes=("safety",), areas=("town",))
    ...                      for b, name in [("a", "Safer Town Board"),
    ...                                      ("b", "Community Safety Partnership")]))
    >>> show(run_rule(net, "remit-overlap"))
    info: The Safer Town Board and the Community Safety Partnership both work on
      Safety in Town: check they do not duplicate each other.
    """
    kinds = settings["kinds"]
    cells: dict[tuple[str, str], list[str]] = defaultdict(list)
    for body in seats.net.bodies.values():
        if kinds == "all" or body.kind in kinds:
            for theme in body.themes:
                for area in body.areas:
                    cells[theme, area].append(body.id)
    shared = Counter[tuple[str, str]]()
    for bodies in cells.values():   # each pair of bodies a cell holds, the lesser id first
        shared.update(combinations(sorted(bodies), 2))
    # by pair, then (stably) most shared first: the order of (-shared, pair) with no
    # tuple made per pair (a large network has hundreds of thousands)
    ranked = sorted(shared.items())
    ranked.sort(key=lambda kv: -kv[1])
    net, where = seats.net, _cells_of(cells)
    for x_id, y_id in map(itemgetter(0), ranked):
        x, y = net.bodies[x_id], net.bodies[y_id]
        both = _shared_cells(cells, where, x_id, y_id)
        themes = sorted({net.themes[t].name if t in net.themes else t for t, _ in both})
        areas = sorted({net.areas[a].name if a in net.areas else a for _, a in both})
        yield Found(
            subject_of(x, "body"),
            f"The {x.name} and the {y.name} both work on {', '.join(themes)} in "
            f"{', '.join(areas)}: check they do not duplicate each other.",
            evidence_for([("body", x), ("body", y)]),
            {"other_body": y.id, "themes": themes, "areas": areas})


def _cells_of(cells: dict[tuple[str, str], list[str]]) -> dict[str, set[tuple[str, str]]]:
    """The (theme, area) cells each body works in."""
    where: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for cell, bodies in cells.items():
        for body in bodies:
            where[body].add(cell)
    return where


def _shared_cells(cells: dict[tuple[str, str], list[str]],
                  where: dict[str, set[tuple[str, str]]], x: str, y: str
                  ) -> set[tuple[str, str]]:
    """The cells two bodies share (a body listing a theme or area twice shares a cell
    with itself)."""
    if x != y:
        return where[x] & where[y]
    return {cell for cell in where[x] if cells[cell].count(x) > 1}
