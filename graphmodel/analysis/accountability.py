"""Accountability: who answers to whom, and where the chain breaks.

A reporting line runs from a body to the body it is accountable to; following
lines upwards from any body should end at a root — a body that answers to the
electorate, such as Full Council. Every rule looks at the lines current on one day,
as networkx's accountability graph (:func:`graphmodel.graph.accountability_graph`),
built once per review by the topic's view. networkx computes the rest on it: each
body's distance from a root (shortest path lengths from the roots on the reversed
graph), the bodies below a break (``ancestors``), the chains up from a body
(``all_simple_paths``) and the loops (``strongly_connected_components``).

- ``no-accountability-line``: a body whose chain stops short of a root because it has
  no current line, reported where the chain breaks (with the bodies below it). When
  the body it used to report to has been dissolved or replaced, the finding says so:
  that is a line the reorganisation left behind.
- ``accountability-cycle``: bodies that report to each other in a loop.
- ``multiple-parents``: a body with formal lines to more than one body.
- ``long-chain``: a body more reporting lines from its root than the rules allow.
- ``unscrutinised``: a body of a kind the rules say needs a scrutiny "critical friend"
  with no current scrutiny link.
- ``scrutiny-conflict``: someone who sits on a scrutiny body and on a body it scrutinises.

An ``inferred`` line (one the source implies but does not state, such as a committee
nested on a council's site) is a line like any other here, but a finding that rests on
one says so, cites it, and lists it in its data (``inferred_lines``).
"""
from __future__ import annotations

import datetime as _dt
import functools
from collections import defaultdict
from itertools import islice
from typing import TYPE_CHECKING, Any, Collection, Iterable, Iterator

from graphmodel import dates
from graphmodel.analysis.findings import Evidence, Finding, Found, evidence_for, subject_of
from graphmodel.graph import accountability_graph, sitter_key
from graphmodel.model import (BODY_KINDS, Body, Membership, Network, ReportingLine, Succession,
                              in_period)
from graphmodel.names import suggest_id
from graphmodel.problems import UsageError
from graphmodel.registry import rule, view
from graphmodel.words import count

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["chain_end", "chains", "accountability_findings", "render_chains", "UnknownBody"]


class UnknownBody(UsageError):
    """No body with that id, or none on that day."""


class _Lines:
    """The reporting lines current on one day, as the accountability graph (``graph``:
    body -> body it reports to) and, for the findings' evidence, as records (``up``: the
    lines from each body, in the order the source lists them).

    A body replaced before the day no longer holds anyone to account, even where the
    documents do not record it as dissolved: lines to it are not current.
    """

    def __init__(self, network: Network, as_of: "str | _dt.date | None",
                 parents_in_order: bool = False):
        self.full = network
        self.on = network.review_day(as_of)
        self.net = network.as_of(self.on)
        replaced = {s.predecessor for s in network.successions.values()
                    if not in_period(None, s.date, self.on)}
        self.current = [ln for ln in self.net.reporting_lines.values()
                        if ln.reports_to not in replaced]
        self.up: dict[str, list[ReportingLine]] = defaultdict(list)
        for line in self.current:
            self.up[line.body].append(line)
        if parents_in_order:   # each body's parents by id: the order chains are listed in
            self.current.sort(key=lambda ln: ln.reports_to)
        self.graph: nx.DiGraph = accountability_graph(self.net, lines=self.current,
                                                      details=False)

    @functools.cached_property
    def past(self) -> dict[str, list[ReportingLine]]:
        """Every line from each body, current or not, to a body recorded in the network."""
        past: dict[str, list[ReportingLine]] = defaultdict(list)
        for line in self.full.reporting_lines.values():
            if line.reports_to in self.full.bodies:
                past[line.body].append(line)
        return past

    @functools.cached_property
    def predecessor_of(self) -> dict[str, list[Succession]]:
        """The successions of each body replaced, by the body's id."""
        successions: dict[str, list[Succession]] = defaultdict(list)
        for s in self.full.successions.values():
            successions[s.predecessor].append(s)
        return successions

    def below(self, body: str) -> list[str]:
        """The bodies whose lines lead up to this one, by id."""
        import networkx as nx

        if not self.graph.pred[body]:   # no line into it, as most breaks: nothing to search
            return []
        return sorted(nx.ancestors(self.graph, body))


class _RootedLines(_Lines):
    """The lines of one day, and the bodies at the top of a chain: those of the kinds the
    rules name as roots (``no-accountability-line``'s ``root_kinds``)."""

    def __init__(self, network: Network, as_of: "str | _dt.date | None",
                 root_kinds: "str | Collection[str]"):
        super().__init__(network, as_of)
        self.root_kinds = tuple(BODY_KINDS if root_kinds == "all" else sorted(root_kinds))
        self.roots = {b.id for b in self.net.bodies.values() if b.kind in self.root_kinds}

    @functools.cached_property
    def root_depths(self) -> dict[str, int]:
        """Fewest reporting lines from each body that reaches a root to that root, in
        the order a breadth-first search from the roots (by id) reaches them: the order
        of the long chains found.

        networkx's multi-source Dijkstra with every line counting one is that search;
        ``bfs_layers``, 12 ms faster on a generated network of 20,000 bodies, starts from
        the roots in the order of a set, which changes from one run to the next."""
        import networkx as nx

        if not self.roots:
            return {}
        depth: dict[str, int] = nx.multi_source_dijkstra_path_length(
            self.graph.reverse(copy=False), sorted(self.roots))
        return depth


@view("accountability")
def _rooted_lines(network: Network, day: "str | _dt.date | None", org: str | None,
                  rules: dict[str, Any]) -> _RootedLines:
    return _RootedLines(network, day, rules["accountability"]["no-accountability-line"]
                        ["root_kinds"])


def chains(network: Network, body: str, as_of: "str | _dt.date | None" = None,
           limit: int = 1000) -> list[list[Body]]:
    """The chains of current reporting lines from a body up to its root(s).

    Each chain is a list of Body records, starting with ``body``; a body with two
    parents has two chains. A chain stops at a body with no current line, or
    just before it would revisit a body (an accountability cycle).

    Examples
    --------
    In Leeds, each cluster partnership sits under the Children's Trust Board::

        chains(leeds, "cluster-brigshaw", as_of="2013-03-01")
        # [[Brigshaw cluster, Children's Trust Board]]
    """
    import networkx as nx

    if body not in network.bodies:
        raise UnknownBody(f"no body {body!r} in {network.dataset.id}"
                          + suggest_id(body, network.bodies))
    lines = _Lines(network, as_of, parents_in_order=True)
    if body not in lines.net.bodies:
        record = network.bodies[body]
        raise UnknownBody(f"the {record.name} did not exist on {lines.on.isoformat()} "
                          f"(established {record.established or 'not recorded'}, "
                          f"dissolved {record.dissolved or 'not recorded'}); pass --as-of")
    g = lines.graph
    # every path up from the body that can go no further: its last body's lines all
    # lead back into the path, or it has none
    paths = nx.all_simple_paths(g, body, {body} | nx.descendants(g, body))
    found = (path for path in paths if set(g.successors(path[-1])) <= set(path))
    return [[network.bodies[b] for b in path] for path in islice(found, limit)]


def chain_end(network: Network, chain: list[Body], as_of: "str | _dt.date | None" = None,
              rules: dict[str, Any] | None = None) -> str | None:
    """Where a chain stops short of a root, and why, in words; None if it reaches one."""
    from graphmodel.standards import load_rules, with_defaults

    rules = load_rules() if rules is None else with_defaults(rules)
    lines = _rooted_lines(network, as_of, None, rules)
    last = chain[-1]
    if last.id in lines.roots:
        return None
    short = f"stops short of a root (a {' or '.join(lines.root_kinds).replace('_', ' ')})"
    onward = list(lines.graph.successors(last.id))
    if onward:   # every line onward leads back into the chain
        back = network.bodies[onward[0]]
        return (f"{short}: the {last.name} reports to the {back.name}, already in the "
                "chain, a loop")
    message = _why_no_line(lines, last)[0]
    return f"{short}: {message[0].lower()}{message[1:]}"


def render_chains(found: list[list[Body]], fmt: str,
                  ends: list[str | None] | None = None) -> str:
    """Chains as JSON (a list of chains, each a list of {id, name}), CSV or text; ``ends``
    says, for each chain, where it stops short of a root (see :func:`chain_end`)."""
    from graphmodel import render

    ends = ends or [None] * len(found)
    if fmt == "json":
        return render.to_json([[{"id": b.id, "name": b.name} for b in chain] for chain in found])
    rows = [{"chain": i, "step": j, "id": b.id, "name": b.name,
             "stops_short": end if j == len(chain) - 1 else None}
            for i, (chain, end) in enumerate(zip(found, ends), 1) for j, b in enumerate(chain)]
    if fmt == "csv":
        return render.to_csv(rows, ["chain", "step", "id", "name", "stops_short"])
    return "\n".join(" > ".join(b.name for b in chain) + (f"\n  {end}" if end else "")
                     for chain, end in zip(found, ends))


def accountability_findings(network: Network, rules: dict[str, Any] | None = None,
                            as_of: "str | _dt.date | None" = None) -> list[Finding]:
    """Every accountability finding on a day (default: the day the dataset describes,
    else today), most severe first; see the module docs."""
    from graphmodel.analysis.runner import run_rules

    return run_rules(network, rules, as_of=as_of, topics=["accountability"])


def _kinds(settings: dict[str, Any]) -> set[str] | None:
    kinds = settings["kinds"]
    return None if kinds == "all" else set(kinds)


@rule("accountability", "no-accountability-line",
      {"kinds": "kinds", "root_kinds": "kinds", "severity_when_broken": "severity"})
def _no_line(lines: _RootedLines, settings: dict[str, Any]) -> Iterator[Found]:
    """A body whose chain of reporting lines stops short of a root (Full Council, or the
    ``root_kinds``): no one it answers to is recorded. Reported where the chain breaks,
    with the bodies below it; when the body it reported to was dissolved or replaced,
    the line was left behind by a reorganisation (``severity_when_broken``).

    >>> from graphmodel.analysis.example import tiny_network, body, line, run_rule, show
    >>> net = tiny_network(body("council-meeting", "Full Council", "full_council"),
    ...                    body("board", "Safer Town Board"),
    ...                    body("group", "Safety Working Group"), line("group", "board"))
    >>> show(run_rule(net, "no-accountability-line"))
    info: The Safer Town Board has no current reporting line recorded. 1 body below
      it therefore reach no root either.
    """
    kinds = _kinds(settings)
    reached = lines.root_depths
    for body in lines.net.bodies.values():
        if body.id in reached or lines.up.get(body.id) or (kinds and body.kind not in kinds):
            continue
        below = [b for b in lines.below(body.id) if b not in reached]
        message, evidence, broken = _why_no_line(lines, body)
        guessed = _inferred(ln for b in below for ln in lines.up[b])
        if below:
            message += (f" {count(len(below), 'body')} below it "
                        "therefore reach no root either.")
        message += _resting_on(lines, guessed, "below it")
        severity = settings["severity_when_broken"] if broken else None
        yield Found(subject_of(body, "body"), message,
                    evidence + evidence_for(("reporting_line", ln) for ln in guessed),
                    {"bodies_below": below, "broken_by": broken, **_listed(guessed)}, severity)


def _inferred(found: Iterable[ReportingLine]) -> list[ReportingLine]:
    """The inferred lines among these (each once, in order)."""
    return list({ln.id: ln for ln in found if ln.kind == "inferred"}.values())


def _resting_on(lines: _Lines, guessed: list[ReportingLine], where: str = "") -> str:
    """What a finding says of the inferred lines it rests on ("" when none)."""
    if not guessed:
        return ""
    if len(guessed) == 1:
        line, bodies = guessed[0], lines.full.bodies
        notes = (line.notes or "").rstrip(".")
        why = f" ({notes[:1].lower()}{notes[1:]})" if notes else ""
        return (f" The line {where + ' ' if where else ''}from the {bodies[line.body].name} to "
                f"the {bodies[line.reports_to].name} is inferred, not stated by the "
                f"source{why}.")
    return (f" {count(len(guessed), 'line')} {where + ' ' if where else ''}are inferred, "
            "not stated by the source (their notes say why).")


def _listed(guessed: list[ReportingLine]) -> dict[str, list[str]]:
    return {"inferred_lines": [ln.id for ln in guessed]} if guessed else {}


def _why_no_line(lines: _Lines, body: Body) -> tuple[str, tuple[Evidence, ...], str | None]:
    """The message, evidence and cause (dissolved, replaced, ended or None) for a missing line."""
    past = lines.past.get(body.id, [])
    message = f"The {body.name} has no current reporting line"
    if not past:
        return message + " recorded.", evidence_for([("body", body)]), None
    line = max(past, key=lambda ln: (dates.latest(ln.end) if ln.end else _dt.date.max, ln.id))
    parent = lines.full.bodies[line.reports_to]
    records: list[tuple[str, Body | ReportingLine | Succession]] = [
        ("body", body), ("reporting_line", line), ("body", parent)]
    until = line.end or parent.dissolved
    message += (f". It reported to the {parent.name}"
                + (" (an inferred line)" if line.kind == "inferred" else "")
                + (f" until {until}" if until else ""))
    successions = lines.predecessor_of.get(parent.id, [])
    if successions:
        s = successions[0]
        successor = lines.full.bodies[s.successor]
        records += [("succession", s), ("body", successor)]
        return (message + f", which was replaced by the {successor.name}"
                + (f" ({s.date})" if s.date else "")
                + "; no line to its successor is recorded.", evidence_for(records), "replaced")
    if parent.id not in lines.net.bodies:
        return (message + f", which was dissolved ({parent.dissolved}).",
                evidence_for(records), "dissolved")
    return message + ", and that line has ended.", evidence_for(records), "ended"


@rule("accountability", "accountability-cycle")
def _cycles(lines: _RootedLines, settings: dict[str, Any]) -> Iterator[Found]:
    """Bodies that report to each other in a loop: following the lines upwards never
    reaches a root, so none of them answers to anyone outside the loop.

    >>> from graphmodel.analysis.example import tiny_network, body, line, run_rule, show
    >>> net = tiny_network(body("a", "Board A"), body("b", "Board B"),
    ...                    line("a", "b"), line("b", "a"))
    >>> show(run_rule(net, "accountability-cycle"))
    error: These bodies report to each other in a loop, so none of them answers to a
      root: Board A, Board B.
    """
    import networkx as nx

    # only a body with a line up and a line down can be in a loop, so networkx looks for
    # them in the accountability graph of those bodies alone (a quarter of the bodies of
    # a generated network of 20,000: building it and finding its components takes three
    # quarters of the time of the components of the whole graph)
    reported_to = {ln.reports_to for ln in lines.current}
    g = accountability_graph(lines.net, {b for b in lines.up if b in reported_to},
                             lines=lines.current, details=False)
    loops = [sorted(c) for c in nx.strongly_connected_components(g)
             if len(c) > 1 or any(g.has_edge(b, b) for b in c)]
    for members in sorted(loops):   # by first body, whatever order the lines are listed in
        component = set(members)
        bodies = [lines.net.bodies[b] for b in members]
        loop = [ln for b in members for ln in lines.up[b] if ln.reports_to in component]
        guessed = _inferred(loop)
        yield Found(
            subject_of(bodies[0], "body"),
            "These bodies report to each other in a loop, so none of them answers to a root: "
            + ", ".join(b.name for b in bodies) + "." + _resting_on(lines, guessed),
            evidence_for([("body", b) for b in bodies] + [("reporting_line", ln) for ln in loop]),
            {"bodies": members, **_listed(guessed)})


@rule("accountability", "multiple-parents", {"line_kinds": "words"})
def _multiple_parents(lines: _RootedLines, settings: dict[str, Any]) -> Iterator[Found]:
    """A body reporting formally (a line of one of ``line_kinds``) to more than one body:
    which of them holds it to account should be made explicit.

    >>> from graphmodel.analysis.example import tiny_network, body, line, run_rule, show
    >>> net = tiny_network(body("group", "Youth Working Group"), body("a", "Board A"),
    ...                    body("b", "Board B"), line("group", "a"), line("group", "b"))
    >>> show(run_rule(net, "multiple-parents"))
    info: The Youth Working Group reports formally to 2 bodies: Board A, Board B.
      Which of them holds it to account should be explicit.
    """
    kinds = set(settings["line_kinds"])
    for body_id, ups in lines.up.items():
        ups = [ln for ln in ups if ln.kind in kinds]
        parents = sorted({ln.reports_to for ln in ups})
        if len(parents) < 2:
            continue
        body = lines.net.bodies[body_id]
        names = [lines.net.bodies[p].name for p in parents]
        guessed = _inferred(ups)
        yield Found(
            subject_of(body, "body"),
            f"The {body.name} reports formally to {len(parents)} bodies: {', '.join(names)}. "
            "Which of them holds it to account should be explicit." + _resting_on(lines, guessed),
            evidence_for([("body", body)] + [("reporting_line", ln) for ln in ups]),
            {"parents": parents, **_listed(guessed)})


@rule("accountability", "long-chain", {"max_lines": "count"})
def _long_chains(lines: _RootedLines, settings: dict[str, Any]) -> Iterator[Found]:
    """A body more than ``max_lines`` reporting lines from its root: the further from the
    council, the harder it is to hold to account.

    >>> from graphmodel.analysis.example import tiny_network, body, line, run_rule, show
    >>> net = tiny_network(body("council-meeting", "Full Council", "full_council"),
    ...                    line("board", "council-meeting"), line("group", "board"))
    >>> show(run_rule(net, "long-chain", max_lines=1))
    info: The Group is 2 reporting lines from the Full Council (the rules allow 1):
      Group > Board > Full Council.
    """
    limit = settings["max_lines"]
    depth = lines.root_depths
    for body_id, d in depth.items():
        if d <= limit:
            continue
        body = lines.net.bodies[body_id]
        path = _shortest_path_up(lines, body_id, depth)
        guessed = _inferred(next(ln for ln in lines.up[a] if ln.reports_to == b)
                            for a, b in zip(path, path[1:]))
        yield Found(
            subject_of(body, "body"),
            f"The {body.name} is {count(d, 'reporting line')} from "
            f"the {lines.net.bodies[path[-1]].name} (the rules allow {limit}): "
            + " > ".join(lines.net.bodies[b].name for b in path) + "."
            + _resting_on(lines, guessed),
            evidence_for([("body", lines.net.bodies[b]) for b in path]
                         + [("reporting_line", ln) for ln in guessed]),
            {"lines": d, "chain": path, **_listed(guessed)})


def _shortest_path_up(lines: _Lines, body: str, depth: dict[str, int]) -> list[str]:
    """A shortest chain from the body to its root: at each step, the first parent by id
    one line nearer the root."""
    path = [body]
    while depth[path[-1]] > 0:
        path.append(min(p for p in lines.graph.successors(path[-1])
                        if depth.get(p) == depth[path[-1]] - 1))
    return path


@rule("accountability", "unscrutinised", {"kinds": "kinds"})
def _unscrutinised(lines: _RootedLines, settings: dict[str, Any]) -> Iterator[Found]:
    """A body of a kind the standards say needs a scrutiny "critical friend" (a strategic
    partnership board, by default) with no current scrutiny link: no one scrutinises it.

    >>> from graphmodel.analysis.example import tiny_network, body, scrutiny, run_rule, show
    >>> net = tiny_network(body("spb", "Safer Town Partnership", "strategic_partnership_board"))
    >>> show(run_rule(net, "unscrutinised"))
    warning: No scrutiny body is recorded as critical friend to the Safer Town
      Partnership.
    >>> show(run_rule(tiny_network(*net.records(), scrutiny("scrutiny-board", "spb")),
    ...               "unscrutinised"))
    """
    kinds = _kinds(settings)
    scrutinised = {link.body for link in lines.net.scrutiny_links.values()}
    return (Found(subject_of(body, "body"),
                  f"No scrutiny body is recorded as critical friend to the {body.name}.",
                  evidence_for([("body", body)]), {"kind": body.kind})
            for body in lines.net.bodies.values()
            if (kinds is None or body.kind in kinds) and body.id not in scrutinised)


@rule("accountability", "scrutiny-conflict")
def _conflicts(lines: _RootedLines, settings: dict[str, Any]) -> Iterator[Found]:
    """Someone who sits on a scrutiny body and on a body it scrutinises: a scrutineer who
    is also part of what is scrutinised, a conflict of interest to declare or remove.

    >>> from graphmodel.analysis.example import (tiny_network, body, seat, scrutiny,
    ...                                          run_rule, show)
    >>> net = tiny_network(body("scb", "Scrutiny Board", "scrutiny_board"),
    ...                    body("spb", "Safer Town Partnership"), scrutiny("scb", "spb"),
    ...                    seat("scb", "ann", role="chair"), seat("spb", "ann"))
    >>> show(run_rule(net, "scrutiny-conflict"))
    warning: Ann sits on the Scrutiny Board (chair) and on the Safer Town Partnership
      (member), which the Scrutiny Board scrutinises: a scrutineer who is also part
      of the body scrutinised.
    """
    net = lines.net
    linked = {b for link in net.scrutiny_links.values() for b in (link.body, link.scrutiny_body)}
    seats: dict[str, dict[str, list[Membership]]] = defaultdict(lambda: defaultdict(list))
    for m in net.memberships.values():
        who = sitter_key(net, m) if m.body in linked else None
        if who:
            seats[m.body][who].append(m)
    for link in net.scrutiny_links.values():
        both = sorted(set(seats[link.scrutiny_body]) & set(seats[link.body]))
        scrutiny, body = net.bodies[link.scrutiny_body], net.bodies[link.body]
        for who in both:
            kind, rid = who.split(":", 1)
            record = net.people.get(rid) if kind == "person" else net.posts.get(rid)
            name = record.name if record else rid
            held = seats[link.scrutiny_body][who] + seats[link.body][who]
            roles = [" and ".join(sorted({m.role.replace("_", " ") for m in seats[b][who]}))
                     for b in (link.scrutiny_body, link.body)]
            yield Found(
                subject_of(record, kind) if record else subject_of(scrutiny, "body"),
                f"{name} sits on the {scrutiny.name} ({roles[0]}) and on the {body.name} "
                f"({roles[1]}), which the {scrutiny.name} scrutinises: a scrutineer who is "
                "also part of the body scrutinised.",
                evidence_for([("scrutiny_link", link)] + [("membership", m) for m in held]),
                {"scrutiny_body": scrutiny.id, "body": body.id})
