"""Writers: plans in, CSV tables out, in the schema's column order.

Every row cites the single document ``synthetic`` with ``source_section`` ``generated
row N`` (N is the row within its table). Nothing here draws a random number.
"""
from __future__ import annotations

import csv
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from graphmodel.generate import distributions as d
from graphmodel.generate.areas import Areas
from graphmodel.generate.bodies import Bodies
from graphmodel.generate.days import day
from graphmodel.generate.memberships import Memberships
from graphmodel.generate.organisations import Organisations
from graphmodel.generate.people import People, Posts, Roster
from graphmodel.generate.register import Assessment, Register, Resourcing
from graphmodel.generate.relationships import Nominations, ReportingLine, ScrutinyLink
from graphmodel.generate.vocabulary import CATEGORY, COMPOSITION_KEYS, PERSON_KINDS, THEMES
from graphmodel.model import record_type, relationship

DOCUMENT = "synthetic"
PROGRESS_EVERY = 10_000


def ids(prefix: str, count: int) -> list[str | None]:
    """``prefix1`` ... ``prefixN``, then ``None`` so that index -1 (none) gives ``None``."""
    return [f"{prefix}{i + 1}" for i in range(count)] + [None]


def cited(rows: Iterable[list[Any]]) -> Iterable[list[Any]]:
    """Each row with its provenance appended."""
    for n, row in enumerate(rows, 1):
        row += (DOCUMENT, f"generated row {n}")
        yield row


def between(name: str, *columns: str) -> tuple[str, tuple[str, ...]]:
    """The table of a relationship the schema declares, and the columns of a row of it:
    the id, the relationship's two ends, ``columns``, then the provenance."""
    r = relationship(name)
    return r.table, ("id", r.source, r.target, *columns, "source_document", "source_section")


class Tables:
    """The dataset directory being written, counting rows and reporting progress."""

    def __init__(self, root: Path, progress: Callable[[int], object] | None) -> None:
        self.root, self.progress, self.pending = root, progress, 0
        self.counts: dict[str, int] = {}

    def write(self, name: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Write ``rows`` (cells in ``columns`` order) as ``name.csv`` in the schema's order;
        a schema column the generator does not know is left empty."""
        rows = iter(rows)
        self.write_batches(name, columns, iter(lambda: list(islice(rows, PROGRESS_EVERY)), []))

    def write_batches(self, name: str, columns: Sequence[str],
                      batches: Iterable[Sequence[Sequence[Any]]]) -> None:
        schema = record_type(name).columns
        unknown = [c for c in columns if c not in schema]
        if unknown:
            raise RuntimeError(f"the generator writes {name} columns {unknown} that "
                               f"graphmodel.model no longer has; update graphmodel.generate")
        position = {c: i for i, c in enumerate(columns)}
        order = None if tuple(columns) == tuple(schema) else [position.get(c, -1) for c in schema]
        count = 0
        with open(self.root / f"{name}.csv", "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(schema)
            for batch in batches:
                if order is not None:
                    batch = [[r[i] if i >= 0 else None for i in order] for r in batch]
                writer.writerows(batch)
                count += len(batch)
                self.advance(len(batch))
        self.counts[name] = count

    def advance(self, n: int) -> None:
        if self.progress is None:
            return
        self.pending += n
        if self.pending >= PROGRESS_EVERY:
            self.flush()

    def flush(self) -> None:
        if self.progress is not None and self.pending:
            self.progress(self.pending)
            self.pending = 0


def write_reference_tables(tables: Tables, bodies: int, people: int) -> None:
    tables.write("dataset", ("id", "name", "home_organisation", "description"), [[
        "synthetic", f"Synthetic partnership network ({bodies} bodies, {people} people)", "o1",
        f"Invented by graphmodel.generate for testing and demonstration; "
        f"nothing in it is real. As of {d.AS_OF.isoformat()}."]])
    tables.write("documents", ("id", "title", "publisher", "date", "reference"), [[
        DOCUMENT, "Synthetic partnership network", "graphmodel", d.AS_OF.isoformat(),
        f"graphmodel.generate(bodies={bodies}, people={people})"]])
    tables.write("themes", ("id", "name", "source_document", "source_section"),
                 cited([f"t{i + 1}", name] for i, name in enumerate(THEMES)))


def write_organisations(tables: Tables, organisations: Organisations) -> None:
    oid = ids("o", len(organisations.name))
    tables.write("organisations", ("id", "name", "kind", "parent", "notes", "source_document",
                                   "source_section"),
                 cited([oid[i], name, kind, oid[-1 if p is None else p],
                        "home organisation" if i == 0 else None]
                       for i, (name, kind, p) in enumerate(zip(
                           organisations.name, organisations.kind, organisations.parent))))


def write_areas(tables: Tables, areas: Areas) -> None:
    aid = ids("a", len(areas.name))
    tables.write("areas", ("id", "name", "kind", "parent", "source_document", "source_section"),
                 cited([aid[i], name, kind, aid[-1 if p is None else p]]
                       for i, (name, kind, p) in enumerate(zip(areas.name, areas.kind,
                                                               areas.parent))))


def write_people(tables: Tables, people: People, roster: Roster,
                 organisations: Organisations, areas: Areas) -> None:
    oid = ids("o", len(organisations.name))
    notes: dict[int, str | None] = {w: f"councillor for {areas.name[w]} ward"
                                    for w in areas.wards}
    notes[-1] = None
    tables.write("people", ("id", "name", "kind", "organisation", "notes", "source_document",
                            "source_section"),
                 cited([f"p{i + 1}", name, PERSON_KINDS[k], oid[o], notes[w]]
                       for i, (name, k, o, w) in enumerate(zip(
                           roster.name, people.kind, people.organisation, roster.ward))))


def write_posts(tables: Tables, posts: Posts, organisations: Organisations) -> None:
    oid = ids("o", len(organisations.name))
    tables.write("posts", ("id", "name", "organisation", "holder", "notes", "source_document",
                           "source_section"),
                 cited([f"post{x + 1}", title, oid[o], f"p{h + 1}" if h >= 0 else None,
                        "vacant" if h < 0 else None]
                       for x, (title, o, h) in enumerate(zip(posts.title, posts.organisation,
                                                             posts.holder))))


def write_nomination_rights(tables: Tables, nominations: Nominations, bodies: Bodies) -> None:
    bid = ids("b", len(bodies.kind))
    tables.write(*between("nominates_to", "seats", "start", "end", "notes"),
                 cited([f"nr{n}", bid[nominator], bid[j], seats, bodies.established_text[j],
                        day(bodies.dissolved[j]), None]
                       for n, (nominator, j, seats) in enumerate(nominations.rights, 1)))


def write_memberships(tables: Tables, memberships: Memberships, bodies: Bodies,
                      people: People, organisations: Organisations, posts: Posts) -> None:
    tables.write_batches("memberships", (
        "id", "body", "person", "post", "role", "on_behalf_of", "nominated_by", "start", "end",
        "notes", "source_document", "source_section"), _membership_batches(
            memberships, ids("b", len(bodies.kind)), ids("p", len(people)),
            ids("post", len(posts.title)), ids("o", len(organisations.name))))


def _membership_batches(m: Memberships, bid: list[str | None], pid: list[str | None],
                        post_id: list[str | None], oid: list[str | None]
                        ) -> Iterable[list[list[Any]]]:
    for lo in range(0, len(m), PROGRESS_EVERY):
        hi = lo + PROGRESS_EVERY
        columns = zip(map(str, range(lo + 1, hi + 1)), m.body[lo:hi], m.person[lo:hi],
                      m.post[lo:hi], m.role[lo:hi], m.on_behalf_of[lo:hi],
                      m.nominated_by[lo:hi], m.start[lo:hi], m.end[lo:hi])
        yield [["m" + n, bid[b], pid[p], post_id[post], role, oid[obo], bid[nom], start, end,
                None, DOCUMENT, "generated row " + n]
               for n, b, p, post, role, obo, nom, start, end in columns]


def write_bodies(tables: Tables, bodies: Bodies, register: Register, memberships: Memberships,
                 organisations: Organisations, areas: Areas) -> None:
    oid = ids("o", len(organisations.name))
    successor_of = dict(bodies.successions)

    def row(j: int, kind: str) -> list[Any]:
        dissolved = bodies.dissolved[j]
        notes = f"replaced by {bodies.name[successor_of[j]]}" if j in successor_of \
            else ("dissolved" if dissolved is not None else None)
        counts = memberships.declared_composition[j]
        return [f"b{j + 1}", bodies.name[j], kind,
                CATEGORY[kind] if register.category_given[j] else None,
                oid[bodies.host[j]] if register.organisation_given[j] else None,
                "; ".join(f"a{a + 1}" for a in bodies.areas[j]) or None,
                "; ".join(f"t{x + 1}" for x in bodies.themes[j]) or None,
                memberships.declared_size[j],
                counts and "; ".join(f"{COMPOSITION_KEYS[k]}={c}"
                                     for k, c in enumerate(counts) if c),
                bodies.established_text[j], day(dissolved), register.terms_of_reference[j],
                day(register.review_date[j]), notes]

    tables.write("bodies", ("id", "name", "kind", "category", "organisation", "areas",
                            "themes", "declared_size", "declared_composition", "established",
                            "dissolved", "terms_of_reference", "review_date", "notes",
                            "source_document", "source_section"),
                 cited(row(j, kind) for j, kind in enumerate(bodies.kind)))


def write_relationships(tables: Tables, bodies: Bodies, lines: Sequence[ReportingLine],
                        links: Sequence[ScrutinyLink]) -> None:
    bid = ids("b", len(bodies.kind))
    est, est_text = bodies.established, bodies.established_text
    tables.write(*between("reports_to", "kind", "start", "end", "notes"),
                 cited([f"rl{n}", bid[r.body], bid[r.reports_to], r.kind,
                        est_text[r.body] if r.start is None else day(r.start), day(r.end),
                        r.notes] for n, r in enumerate(lines, 1)))
    tables.write(*between("scrutinises", "start", "end", "notes"),
                 cited([f"sl{n}", bid[s.scrutiny_body], bid[s.body], day(s.start), day(s.end),
                        None] for n, s in enumerate(links, 1)))
    tables.write(*between("succeeded_by", "date", "notes"),
                 cited([f"s{n}", bid[j], bid[s], day(est[s]), "replaced"]
                       for n, (j, s) in enumerate(bodies.successions, 1)))


def write_register(tables: Tables, resourcing: Sequence[Resourcing],
                   assessments: Sequence[Assessment], organisations: Organisations) -> None:
    oid = ids("o", len(organisations.name))
    tables.write(*between("resources", "officer_hours_per_month", "money_per_year",
                          "lead_post", "estimate", "start", "end", "notes"),
                 cited([f"r{n}", oid[r.organisation], f"b{r.body + 1}",
                        f"{r.hours:g}" if r.hours else "0.5", r.money,
                        None if r.lead_post is None else f"post{r.lead_post + 1}", r.estimate,
                        day(r.start), None, None] for n, r in enumerate(resourcing, 1)))
    tables.write(*between("assesses", "value", "risk", "recommendation", "date", "notes"),
                 cited([f"as{n}", oid[a.organisation], f"b{a.body + 1}", a.value, a.risk,
                        a.recommendation, day(a.date), None] for n, a in enumerate(assessments, 1)))
