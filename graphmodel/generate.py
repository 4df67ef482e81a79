"""Synthetic partnership networks of any size, for benchmarks, tests and demos.

:func:`generate` writes a complete, valid dataset directory (every table of
:mod:`graphmodel.model`, plus ``dataset.csv``) describing an invented English
council, "Northshire Council", and the partnership landscape around it. Nothing
in it is real: it exists so the reader, validator, graph views and reports can
be exercised on networks from a few hundred to a few million rows, and so a
demo has something that looks like the real thing.

The same arguments always give byte-identical files (one ``random.Random(seed)``
drives every choice, and dates are relative to the fixed day :data:`AS_OF`, not
today). Rows are streamed straight to ``csv.writer``; no records are built, so
a million memberships take a few seconds and little memory.

What it draws, and from which distributions
-------------------------------------------
* **Organisations**: ``max(5, bodies // 20)``: the home council (``o1``), the
  usual partners (NHS integrated care board and trusts, police, fire and rescue,
  probation, Healthwatch, a council for voluntary service, university, DWP,
  chamber of commerce, faiths forum, housing association), then local ones drawn
  by sector (third sector 30%, education 15%, business 15%, NHS 10%, faith 8%,
  town and parish councils, housing, government and local branches of the
  emergency services, which have the county-wide body as ``parent``).
* **Areas**: the county, one to eight districts (the first is a city),
  administrative areas, wards (about ``bodies // 25``, 10 to 700) and cluster
  areas of two or three wards. **Themes**: 22 policy themes.
* **Bodies** by kind, in level order: a few full councils and executives
  (``bodies // 4000``, at least one), committees 3%, scrutiny boards 1.5%, area
  committees 2%, strategic partnership boards 2%, partnership boards 6%, trusts
  2.5%, programmes 3.5%, supporting partnerships 6%, cluster partnerships 8%,
  panels 5%, partnerships 26%, networks and forums 5%, working groups 24% and
  the rest other bodies. Established dates per kind (councils 1974, executives
  2000-02, partnerships years ago with an exponential age, mean 9 years; working
  groups mean 4 years); 8% of lower bodies have no date, 8% only a year or a
  month. About 4% are dissolved, half of them replaced by a successor.
  Declared size and/or composition on about a third, terms of reference and a
  review date on some.
* **People**: elected members 10%, officers 40%, partner representatives 35%,
  co-opted members 5%, community members 8%, other 2%; each has an
  organisation (elected members mostly the home council; officers 60% the home
  council; the rest spread over partners with a Zipf weight, so the big partners
  employ most). ``people // 40`` named posts, mostly held by officers.
* **Memberships**: ``round(5.5 * people)`` rows (5.5 per person on average;
  1,100,000 for 200,000 people; a few fewer in tiny networks, where a big body
  cannot find enough different people). Memberships per person follow a
  truncated power law, P(k) ~ k^-a for k = 1..60 (elected members a = 1.3,
  mean about 8; everyone else a solved so the overall mean is 5.5, about
  1.6): about 70% of people hold 1 to 3 seats and about 4% hold 30 to 60.
  Current body sizes are lognormal by kind (medians 8 to 20 seats, so most
  bodies have 5 to 20 members), full councils 45 to 99, networks Pareto (alpha
  1.2, from 50 up to 2,500) and 6% of partnerships and programmes open to all
  (Pareto, up to 800). Each body also has past memberships (ended before
  :data:`AS_OF`), in proportion to its size and age (up to 20 years on
  record), scaled so the rows add up to the total: with 10 people a body,
  about 55% of the rows are past ones. People are paired with seats
  configuration-model style (each person's seats drawn without replacement
  from pools of elected members, officers and others, in a per-kind mix
  balanced against supply), so no person sits twice on one body, then or now.
  Roles: usually one chair (an elected member on council bodies; 4% have
  co-chairs), a vice chair on half of the bodies of six or more, support and
  lead officers from the officers present, a few observers, attendees,
  substitutes and advisers; trustees on trusts. ``on_behalf_of`` is the
  person's own organisation about 85% of the time, another organisation 6%
  (cross-representation) and missing 9%; elected members on council bodies sit
  for that council. Members of the kind a nomination right names are mostly
  ``nominated_by`` the nominating body; some seats name a post, a few only a
  post. Declared compositions count current seats by kind: ``elected_member``,
  ``officer``, ``partner``, ``co_opted_member``, ``community_member``,
  ``other``.
* **Relationships**: each body reports to one body a level up (partnerships ->
  partnership boards -> strategic boards -> executive -> full council) chosen
  with a Zipf weight, so a few boards have many children; 2% of bodies report
  nowhere, 3% have a second (informal) line, 3% changed parent (an ended line);
  lines of dissolved bodies end when they do. Scrutiny boards scrutinise the
  strategic boards and a quarter of the partnership boards. About 15% of
  partnerships have seats nominated by the executive or full council and 5% by
  a partnership board. Resourcing (officer hours and money) for a quarter of
  the bodies and assessments (value, risk, recommendation) for 30%.
* **Provenance**: every row cites the single document ``synthetic``, with
  ``source_section`` ``generated row N`` (N is the row within its table).
"""
from __future__ import annotations

import csv
import datetime as _dt
import math
import os
from array import array
from bisect import bisect
from pathlib import Path
from random import Random
from typing import Any, Callable, Sequence

from graphmodel.model import record_type

__all__ = ["generate", "expected_rows", "AS_OF", "MEMBERSHIPS_PER_PERSON",
           "MAX_MEMBERSHIPS", "TABLES"]

AS_OF = _dt.date(2025, 3, 31)
"""The day the synthetic network is 'as of': past and future are relative to it."""
MEMBERSHIPS_PER_PERSON = 5.5
MAX_MEMBERSHIPS = 60
DOCUMENT = "synthetic"
COUNTY = "Northshire"
HISTORY_YEARS = 20          # memberships are on record for at most this many years
TERM_YEARS = 4              # a seat changes hands about once a term
PROGRESS_EVERY = 10_000

TABLES = ("dataset", "documents", "organisations", "areas", "themes", "bodies", "people",
          "posts", "memberships", "reporting_lines", "scrutiny_links", "nomination_rights",
          "successions", "resourcing", "assessments")

# ---------------------------------------------------------------- vocabulary

THEMES = (
    "Community Safety", "Health and Wellbeing", "Children and Young People", "Older People",
    "Adult Social Care", "Economic Growth", "Employment and Skills", "Housing",
    "Transport", "Environment and Climate", "Culture and Leisure", "Education",
    "Public Health", "Mental Health", "Domestic Abuse", "Anti-social Behaviour",
    "Neighbourhood Regeneration", "Financial Inclusion", "Digital Inclusion",
    "Equality and Cohesion", "Volunteering and Third Sector", "Substance Misuse",
)
_PREFIXES = ("Ash", "Beck", "Bram", "Brad", "Carl", "Chap", "Cross", "Dun", "East", "Farn",
             "Gar", "Gil", "Hare", "Head", "Hol", "Horn", "Hun", "Kirk", "Lang", "Lea",
             "Mar", "Mean", "Moor", "Nether", "New", "Oak", "Ot", "Pud", "Raw", "Rich",
             "Rose", "Roth", "Scar", "Shaw", "Stan", "Thorn", "Wes", "Whin", "Wood", "Yea")
_SUFFIXES = ("by", "ley", "ton", "field", "wood", "ford", "well", "thorpe", "ham", "bridge",
             "gate", "moor", "dale", "burn", "hill", "worth", "stead", "holme", "wick", "cliffe")
_COMPASS = ("North", "North East", "East", "South East", "South", "South West", "West",
            "North West", "Inner", "Outer", "Central")
_FIRST = (
    "Aaliyah", "Abdul", "Adam", "Aisha", "Alan", "Alice", "Amir", "Amy", "Andrew", "Angela",
    "Anna", "Anthony", "Arjun", "Barbara", "Ben", "Bethany", "Bilal", "Carol", "Catherine",
    "Charlotte", "Chen", "Chloe", "Christine", "Claire", "Colin", "Daniel", "David", "Deborah",
    "Dennis", "Eleanor", "Elizabeth", "Emily", "Emma", "Fatima", "Fiona", "Gareth", "Gary",
    "Gemma", "George", "Graham", "Hannah", "Harjit", "Harry", "Helen", "Ian", "Imran",
    "Isabel", "Jack", "James", "Jane", "Janet", "Jasmine", "Jennifer", "John", "Jonathan",
    "Joseph", "Julie", "Karen", "Kate", "Keith", "Kevin", "Laura", "Lee", "Lisa", "Liam",
    "Lucy", "Mandeep", "Margaret", "Mark", "Martin", "Mary", "Matthew", "Michael", "Mohammed",
    "Nadia", "Natalie", "Neil", "Nicola", "Olivia", "Oliver", "Patricia", "Paul", "Peter",
    "Priya", "Rachel", "Rebecca", "Richard", "Robert", "Ruth", "Ryan", "Sadia", "Samuel",
    "Sandra", "Sarah", "Simon", "Sophie", "Stephen", "Steven", "Susan", "Tariq", "Thomas",
    "Tom", "Tracey", "Usman", "Victoria", "Wei", "William", "Yasmin", "Zainab", "Zoe",
)
_SURNAMES = (
    "Adams", "Ahmed", "Akhtar", "Ali", "Allen", "Anderson", "Atkinson", "Bailey", "Baker",
    "Barker", "Begum", "Bell", "Bennett", "Booth", "Bradley", "Brown", "Butler", "Campbell",
    "Carter", "Chapman", "Chaudhry", "Clarke", "Collins", "Cook", "Cooper", "Cox", "Davies",
    "Dawson", "Dixon", "Edwards", "Ellis", "Evans", "Fisher", "Fletcher", "Foster", "Gill",
    "Graham", "Gray", "Green", "Hall", "Harris", "Harrison", "Hill", "Holmes", "Hughes",
    "Hussain", "Jackson", "James", "Johnson", "Jones", "Kaur", "Kelly", "Khan", "King",
    "Knight", "Lee", "Lewis", "Lloyd", "Malik", "Marshall", "Martin", "Mason", "Mills",
    "Mitchell", "Moore", "Morgan", "Morris", "Murphy", "Murray", "Nelson", "Nowak", "O'Brien",
    "Owen", "Palmer", "Parker", "Patel", "Pearson", "Phillips", "Price", "Rahman", "Reid",
    "Richards", "Richardson", "Roberts", "Robinson", "Rogers", "Russell", "Scott", "Shah",
    "Sharma", "Shaw", "Simpson", "Singh", "Smith", "Stevens", "Stewart", "Sutcliffe", "Taylor",
    "Thomas", "Thompson", "Turner", "Walker", "Ward", "Watson", "White", "Wilkinson",
    "Williams", "Wilson", "Wood", "Wright", "Young", "Zhang",
)
# Anchor organisations: the home council, then the usual county-wide partners.
_ANCHORS = (
    ("local_authority", "{county} Council"),
    ("nhs", "NHS {county} Integrated Care Board"),
    ("police", "{county} Police"),
    ("fire_and_rescue", "{county} Fire and Rescue Service"),
    ("third_sector", "Voluntary Action {county}"),
    ("probation", "{county} Probation Service"),
    ("healthwatch", "Healthwatch {county}"),
    ("nhs", "{county} Teaching Hospitals NHS Trust"),
    ("education", "University of {county}"),
    ("government", "Department for Work and Pensions ({county})"),
    ("business", "{county} Chamber of Commerce"),
    ("faith", "{county} Faiths Forum"),
    ("other", "{county} Housing Association"),
)
_ORG_KIND_WEIGHTS = (
    ("third_sector", 30), ("education", 15), ("business", 15), ("nhs", 10), ("faith", 8),
    ("local_authority", 5), ("other", 7), ("government", 3), ("police", 3),
    ("fire_and_rescue", 2), ("probation", 2),
)
_ORG_NAMES = {
    "third_sector": ("{p} Community Association", "{p} Youth Project", "{p} Food Bank",
                     "{p} Carers Centre", "{p} Women's Aid", "{p} Credit Union",
                     "{p} Tenants and Residents Association", "{p} Neighbourhood Network",
                     "{p} Advice Centre", "{p} Sports Trust", "{p} Community Transport"),
    "education": ("{p} Primary School", "{p} High School", "{p} College",
                  "{p} Academy Trust", "{p} Nursery School"),
    "business": ("{p} Business Improvement District", "{p} Traders Association",
                 "{p} Developments Ltd", "{p} Logistics Ltd", "{p} Retail Park"),
    "nhs": ("{p} Primary Care Network", "{p} Medical Practice",
            "{p} Community Health Services", "{p} Mental Health Services"),
    "faith": ("{p} Parish Church", "{p} Mosque", "{p} Methodist Circuit", "{p} Gurdwara",
              "{p} Churches Together", "{p} Synagogue"),
    "local_authority": ("{p} Town Council", "{p} Parish Council"),
    "other": ("{p} Housing Co-operative", "{p} Leisure Trust", "{p} Homes"),
    "government": ("Jobcentre Plus {p}", "{p} Magistrates Court", "Environment Agency ({p})"),
    "police": ("{county} Police {p} Neighbourhood Team",),
    "fire_and_rescue": ("{p} Fire Station",),
    "probation": ("{county} Probation Service {p} Office",),
}
_COMMUNITY_KINDS = ("third_sector", "faith", "education", "other")
_POST_TITLES = {
    "local_authority": ("Chief Executive", "Director of Adults and Health",
                        "Director of Children and Families", "Director of Communities",
                        "Director of Public Health", "Chief Officer Resources",
                        "Head of Community Safety", "Head of Housing", "Area Leader",
                        "Locality Manager", "Community Engagement Manager",
                        "Partnership Manager", "Policy and Performance Officer",
                        "Democratic Services Officer", "Neighbourhood Manager",
                        "Youth Services Manager", "Head of Regeneration"),
    "nhs": ("Chief Executive", "Director of Nursing", "Medical Director",
            "Director of Strategy", "Clinical Lead", "Practice Manager",
            "Head of Commissioning"),
    "police": ("Chief Constable", "Divisional Commander", "Neighbourhood Inspector",
               "Partnership Sergeant"),
    "fire_and_rescue": ("Chief Fire Officer", "Station Manager", "Community Safety Manager"),
    "": ("Chief Executive", "Chair", "Director", "Manager", "Development Officer",
         "Coordinator", "Head of Partnerships"),
}
_COMMITTEES = ("Licensing", "Planning", "Audit and Governance", "Standards", "Employment",
               "Appeals", "Corporate Governance", "Pensions", "Health and Safety")

# Bodies in level order: a body reports to a body of a kind listed as its parent.
_BODY_ORDER = (
    "full_council", "executive", "committee", "scrutiny_board", "area_committee",
    "strategic_partnership_board", "partnership_board", "trust", "programme",
    "supporting_partnership", "cluster_partnership", "panel", "partnership", "network",
    "working_group", "other_body",
)
_SHARES = {
    "committee": .03, "scrutiny_board": .015, "area_committee": .02,
    "strategic_partnership_board": .02, "partnership_board": .06, "trust": .025,
    "programme": .035, "supporting_partnership": .06, "cluster_partnership": .08,
    "panel": .05, "partnership": .26, "network": .05, "working_group": .24,
}
_PARENTS = {
    "executive": ("full_council",),
    "committee": ("full_council",),
    "scrutiny_board": ("full_council",),
    "area_committee": ("executive",),
    "strategic_partnership_board": ("executive", "full_council"),
    "partnership_board": ("strategic_partnership_board",),
    "trust": ("strategic_partnership_board", "partnership_board"),
    "programme": ("strategic_partnership_board", "partnership_board"),
    "supporting_partnership": ("partnership_board",),
    "cluster_partnership": ("area_committee", "partnership_board"),
    "panel": ("committee", "partnership_board"),
    "partnership": ("partnership_board", "supporting_partnership"),
    "network": ("partnership_board", "supporting_partnership", "strategic_partnership_board"),
    "working_group": ("partnership_board", "supporting_partnership", "partnership",
                      "cluster_partnership", "panel", "programme"),
    "other_body": ("partnership", "supporting_partnership", "partnership_board", "programme"),
}
_COUNCIL_SIDE = {"full_council", "executive", "committee", "scrutiny_board", "area_committee"}
_PARTNERSHIP_SIDE = {"strategic_partnership_board", "partnership_board", "trust", "programme",
                     "supporting_partnership", "cluster_partnership", "partnership", "network"}
# Current seats: (median, sigma) of a lognormal, clamped to 3..60.
_SIZE = {
    "committee": (11, .3), "scrutiny_board": (13, .25), "area_committee": (10, .3),
    "strategic_partnership_board": (20, .35), "partnership_board": (16, .4),
    "trust": (10, .3), "programme": (12, .5), "supporting_partnership": (13, .45),
    "cluster_partnership": (12, .45), "panel": (9, .35), "partnership": (13, .45),
    "working_group": (8, .4), "other_body": (10, .55),
}
# Share of seats (elected members, officers, everyone else) by kind, before balancing.
_MIX = {
    "full_council": (.97, .03, 0.), "executive": (.9, .1, 0.), "committee": (.85, .1, .05),
    "scrutiny_board": (.8, .08, .12), "area_committee": (.7, .15, .15),
    "strategic_partnership_board": (.2, .35, .45), "partnership_board": (.15, .35, .5),
    "trust": (.1, .2, .7), "programme": (.08, .5, .42), "supporting_partnership": (.1, .35, .55),
    "cluster_partnership": (.2, .3, .5), "panel": (.15, .45, .4), "partnership": (.08, .35, .57),
    "network": (.03, .15, .82), "working_group": (.04, .6, .36), "other_body": (.05, .45, .5),
}
_CATEGORY = {
    "full_council": "Council decision-making", "executive": "Council decision-making",
    "committee": "Council decision-making", "scrutiny_board": "Council scrutiny",
    "area_committee": "Council decision-making",
    "strategic_partnership_board": "Strategic and Key Partnership",
    "partnership_board": "Strategic and Key Partnership", "trust": "Arm's-length body",
    "programme": "Delivery programme", "supporting_partnership": "Supporting Partnership",
    "cluster_partnership": "Locality Partnership", "panel": "Operational group",
    "partnership": "Supporting Partnership", "network": "Network or forum",
    "working_group": "Operational group", "other_body": "Operational group",
}
_PERSON_KINDS = ("elected_member", "officer", "partner_representative", "co_opted_member",
                 "community_member", "other")
_PERSON_WEIGHTS = (10, 40, 35, 5, 8, 2)
_COMPOSITION_KEYS = ("elected_member", "officer", "partner", "co_opted_member",
                     "community_member", "other")
ELECTED, OFFICER = 0, 1
ELECTED_ALPHA = 1.3         # elected members sit on more bodies than anyone else

# ----------------------------------------------------------------- helpers


def _cumulative(weights: Sequence[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


def _power_law(alpha: float, kmax: int) -> tuple[list[float], float]:
    """Cumulative weights of P(k) ~ k^-alpha on 1..kmax, and its mean."""
    weights = [k ** -alpha for k in range(1, kmax + 1)]
    return _cumulative(weights), sum(k * w for k, w in enumerate(weights, 1)) / sum(weights)


def _solve_alpha(mean: float, kmax: int) -> float:
    """The exponent whose truncated power law on 1..kmax has the given mean."""
    lo, hi = 0.0, 6.0
    for _ in range(60):
        mid = (lo + hi) / 2
        if _power_law(mid, kmax)[1] > mean:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


# Which kinds a very small network (under 20 bodies) has, most important first.
_SMALL_ORDER = (
    "full_council", "strategic_partnership_board", "partnership_board", "scrutiny_board",
    "executive", "partnership", "working_group", "committee", "area_committee",
    "cluster_partnership", "supporting_partnership", "network", "panel", "trust",
    "programme", "other_body",
)


def _kind_counts(bodies: int) -> dict[str, int]:
    if bodies < 20:
        chosen = [_SMALL_ORDER[i % len(_SMALL_ORDER)] for i in range(bodies)]
        return {kind: chosen.count(kind) for kind in _BODY_ORDER}
    top = max(1, bodies // 4000)
    counts = {"full_council": top, "executive": top}
    for kind in _BODY_ORDER[2:-1]:
        counts[kind] = max(1, round(_SHARES[kind] * bodies))
    rest = bodies - sum(counts.values())
    while rest < 1:  # tiny networks: trim the biggest kinds, keep one other body
        big = max(("partnership", "working_group"), key=counts.__getitem__)
        counts[big] -= 1
        rest += 1
    counts["other_body"] = rest
    return counts


def _area_plan(bodies: int) -> tuple[int, int, int, int]:
    districts = min(8, 1 + bodies // 2500)
    admin = min(60, max(3, bodies // 200))
    wards = min(700, max(10, bodies // 25))
    clusters = min(400, max(2, round(_SHARES["cluster_partnership"] * bodies) // 2))
    return districts, admin, wards, clusters


def expected_rows(bodies: int, people: int) -> int:
    """About how many rows :func:`generate` writes (for a progress bar's length)."""
    districts, admin, wards, clusters = _area_plan(bodies)
    memberships = round(_target_mean(bodies) * people)
    return (2 + max(5, bodies // 20) + 1 + districts + admin + wards + clusters + len(THEMES)
            + bodies + people + max(5, people // 40) + memberships + round(bodies * 2.15))


def _max_degree(bodies: int) -> int:
    """Most seats one person holds: 60, fewer when there are few bodies."""
    return max(1, min(MAX_MEMBERSHIPS, bodies // 3))


def _target_mean(bodies: int) -> float:
    return min(MEMBERSHIPS_PER_PERSON, max(1.0, _max_degree(bodies) * .6))


class _Table:
    """One CSV file being written, in the schema's column order."""

    def __init__(self, root: Path, name: str, columns: Sequence[str],
                 gen: "_Generator") -> None:
        schema = record_type(name).columns
        unknown = [c for c in columns if c not in schema]
        if unknown:
            raise RuntimeError(f"generate.py writes {name} columns {unknown} that "
                               f"graphmodel.model no longer has; update generate.py")
        self.gen, self.name = gen, name
        self.handle = open(root / f"{name}.csv", "w", encoding="utf-8", newline="")
        self.writer = csv.writer(self.handle, lineterminator="\n")
        self.writer.writerow(schema)
        position = {c: i for i, c in enumerate(columns)}
        self.order = None if tuple(columns) == tuple(schema) else [
            position.get(c, -1) for c in schema]
        self.count = 0

    def rows(self, rows: list[list[Any]]) -> None:
        if self.order is not None:
            order = self.order
            rows = [[r[i] if i >= 0 else None for i in order] for r in rows]
        self.writer.writerows(rows)
        self.count += len(rows)
        self.gen.advance(len(rows))

    def row(self, *cells: Any) -> None:
        self.rows([list(cells)])

    def close(self) -> int:
        self.handle.close()
        return self.count


# --------------------------------------------------------------- generator


def generate(out_dir: str | os.PathLike, bodies: int, people: int, seed: int = 0,
             progress: Callable[[int], Any] | None = None) -> dict[str, int]:
    """Write a synthetic dataset directory and return its row counts per table.

    ``out_dir`` is created if need be; its 15 table files are overwritten.
    ``progress``, if given, is called with the number of rows just written
    (every 10,000 rows or so), e.g. ``click.progressbar(...).update``; use
    :func:`expected_rows` for the bar's length. The same arguments always
    write byte-identical files. Any size from one body and one person works, but
    the distributions above need a few hundred bodies to show.
    """
    if bodies < 1 or people < 1:
        raise ValueError(f"a synthetic network needs at least one body and one person "
                         f"(got {bodies} and {people})")
    root = Path(out_dir)
    root.mkdir(parents=True, exist_ok=True)
    return _Generator(root, int(bodies), int(people), Random(seed), progress).run()


class _Generator:
    def __init__(self, root: Path, bodies: int, people: int, rng: Random,
                 progress: Callable[[int], Any] | None) -> None:
        self.root, self.nb, self.np, self.rng = root, bodies, people, rng
        self.progress, self.pending = progress, 0
        self.base = _dt.date(1970, 1, 1).toordinal()
        self.today = AS_OF.toordinal()
        self.days = [_dt.date.fromordinal(self.base + i).isoformat()
                     for i in range(self.today - self.base + 4 * 366)]
        self.counts: dict[str, int] = {}

    # ------------------------------------------------------------ plumbing

    def advance(self, n: int) -> None:
        if self.progress is None:
            return
        self.pending += n
        if self.pending >= PROGRESS_EVERY:
            self.progress(self.pending)
            self.pending = 0

    def table(self, name: str, columns: Sequence[str]) -> _Table:
        return _Table(self.root, name, columns, self)

    def done(self, table: _Table) -> None:
        self.counts[table.name] = table.close()

    def day(self, ordinal: int) -> str:
        i = ordinal - self.base
        if 0 <= i < len(self.days):
            return self.days[i]
        return _dt.date.fromordinal(ordinal).isoformat()

    def years_ago(self, years: float) -> int:
        return self.today - int(years * 365.25)

    def pick_weighted(self, items: Sequence[Any], cum: Sequence[float]) -> Any:
        return items[bisect(cum, self.rng.random() * cum[-1])]

    def run(self) -> dict[str, int]:
        self.plan_organisations()
        self.plan_areas()
        self.plan_bodies()
        self.plan_people()
        self.plan_sizes()
        self.write_reference_tables()
        self.write_people_and_posts()
        self.write_nomination_rights()
        self.write_memberships()
        self.write_bodies()
        self.write_relationships()
        if self.progress is not None and self.pending:
            self.progress(self.pending)
            self.pending = 0
        return {name: self.counts[name] for name in TABLES}

    # ------------------------------------------------------- organisations

    def plan_organisations(self) -> None:
        rng = self.rng
        n = max(5, self.nb // 20)
        places = [p + s for p in _PREFIXES for s in _SUFFIXES]
        rng.shuffle(places)
        self.places = places
        kinds, names, parents = [], [], []
        anchor_of: dict[str, int] = {}
        for kind, template in _ANCHORS[:n]:
            anchor_of.setdefault(kind, len(kinds))
            kinds.append(kind)
            names.append(template.format(county=COUNTY))
            parents.append(None)
        kind_names = [k for k, _ in _ORG_KIND_WEIGHTS]
        kind_cum = _cumulative([w for _, w in _ORG_KIND_WEIGHTS])
        used = set(names)
        while len(kinds) < n:
            kind = self.pick_weighted(kind_names, kind_cum)
            place = places[rng.randrange(len(places))]
            name = rng.choice(_ORG_NAMES[kind]).format(p=place, county=COUNTY)
            if name in used:
                continue
            used.add(name)
            parent = None
            if kind in ("police", "fire_and_rescue", "probation"):
                parent = anchor_of.get(kind)  # a local branch of the county-wide service
            elif kind == "nhs" and ("Primary Care" in name or "Practice" in name) \
                    and rng.random() < .7:
                parent = anchor_of.get("nhs")  # the integrated care board
            kinds.append(kind)
            names.append(name)
            parents.append(parent)
        self.org_kind, self.org_name, self.org_parent = kinds, names, parents
        self.org_id = [f"o{i + 1}" for i in range(n)]
        self.councils = [i for i, k in enumerate(kinds) if k == "local_authority"]
        # partners (everyone but the home council), weighted Zipf by rank: the
        # anchors first, so the county-wide partners have the most people.
        self.partners = list(range(1, n))
        self.partner_cum = _cumulative([1 / (r + 1) ** .8 for r in range(len(self.partners))])
        community = [i for i in self.partners if kinds[i] in _COMMUNITY_KINDS] or self.partners
        self.community = community
        self.community_cum = _cumulative([1 / (r + 1) ** .6 for r in range(len(community))])
        self.other_councils = [i for i in self.councils if i != 0]

    def partner(self) -> int:
        return self.pick_weighted(self.partners, self.partner_cum)

    # --------------------------------------------------------------- areas

    def plan_areas(self) -> None:
        rng = self.rng
        districts, admin, wards, clusters = _area_plan(self.nb)
        names = [COUNTY]
        kinds = ["county"]
        parents: list[int | None] = [None]
        places = self.places[:]
        rng.shuffle(places)
        district_ids = []
        for d in range(districts):
            district_ids.append(len(names))
            names.append(places.pop() + (" City" if d == 0 else " District"))
            kinds.append("city" if d == 0 else "district")
            parents.append(0)
        admin_ids = []
        for a in range(admin):
            d = district_ids[a % districts]
            town = names[d].rsplit(" ", 1)[0]
            compass = _COMPASS[(a // districts) % len(_COMPASS)]
            round_ = (a // districts) // len(_COMPASS)
            admin_ids.append(len(names))
            names.append(f"{town} {compass}" + (f" {round_ + 1}" if round_ else ""))
            kinds.append("administrative_area")
            parents.append(d)
        ward_ids = []
        for w in range(wards):
            ward_ids.append(len(names))
            names.append(places.pop())
            kinds.append("ward")
            parents.append(admin_ids[w % admin])
        cluster_ids = []
        for c in range(clusters):
            size = 2 + (rng.random() < .4)
            members = [ward_ids[(c * 2 + k) % wards] for k in range(size)]
            cluster_ids.append(len(names))
            words = [names[m] for m in members]
            names.append(", ".join(words[:-1]) + " and " + words[-1])
            kinds.append("cluster_area")
            parents.append(parents[members[0]])
        self.area_name, self.area_kind, self.area_parent = names, kinds, parents
        self.area_id = [f"a{i + 1}" for i in range(len(names))]
        self.districts, self.admins = district_ids, admin_ids
        self.wards, self.clusters = ward_ids, cluster_ids

    # -------------------------------------------------------------- bodies

    def plan_bodies(self) -> None:
        rng = self.rng
        counts = _kind_counts(self.nb)
        kinds: list[str] = []
        for kind in _BODY_ORDER:
            kinds.extend([kind] * counts[kind])
        n = len(kinds)
        self.body_kind = kinds
        self.body_id = [f"b{i + 1}" for i in range(n)]
        self.by_kind: dict[str, list[int]] = {k: [] for k in _BODY_ORDER}
        for j, kind in enumerate(kinds):
            self.by_kind[kind].append(j)

        # established: an ordinal for every body; what is written may be less
        est = [0] * n
        est_text: list[str | None] = [None] * n
        for j, kind in enumerate(kinds):
            if kind == "full_council":
                o = _dt.date(1974, 4, 1).toordinal()
            elif kind == "executive":
                o = _dt.date(2000, 5, 1).toordinal() + rng.randrange(730)
            elif kind in ("committee", "scrutiny_board", "area_committee"):
                o = _dt.date(1998, 1, 1).toordinal() + rng.randrange(20 * 365)
            elif kind == "strategic_partnership_board":
                o = _dt.date(2000, 1, 1).toordinal() + rng.randrange(16 * 365)
            else:
                mean = 4 if kind in ("working_group", "panel", "other_body") else 9
                o = self.years_ago(min(30, rng.expovariate(1 / mean)) + .1)
            date = _dt.date.fromordinal(o)
            u = rng.random()
            if kind in _COUNCIL_SIDE or u > .16:
                text = date.isoformat()
            elif u < .08:
                text = None
            elif u < .12:
                text, o = str(date.year), _dt.date(date.year, 1, 1).toordinal()
            else:
                text = date.isoformat()[:7]
                o = _dt.date(date.year, date.month, 1).toordinal()
            est[j], est_text[j] = o, text
        self.est, self.est_text = est, est_text

        # a few dissolved, half of them replaced by a younger body of the same kind
        dissolved: list[int | None] = [None] * n
        successions: list[tuple[int, int]] = []
        taken: set[int] = set()
        lower = [j for j, k in enumerate(kinds) if k not in _COUNCIL_SIDE]
        for j in lower:
            if j in taken or rng.random() >= .04 or est[j] + 400 > self.today - 30:
                continue
            same = self.by_kind[kinds[j]]
            if rng.random() < .5:
                for _ in range(12):
                    s = same[rng.randrange(len(same))]
                    if (s != j and s not in taken and dissolved[s] is None
                            and est[s] > est[j] + 365
                            and est[s] <= self.today - 30 and est_text[s]):
                        taken.add(s)
                        dissolved[j] = est[s] - 1
                        successions.append((j, s))
                        break
            if dissolved[j] is None:
                dissolved[j] = est[j] + 365 + rng.randrange(self.today - 30 - est[j] - 365 + 1)
        self.dissolved, self.successions = dissolved, successions

        self.plan_hierarchy()
        self.plan_body_details()

    def plan_hierarchy(self) -> None:
        rng = self.rng
        kinds, dissolved = self.body_kind, self.dissolved
        n = len(kinds)
        parent: list[int | None] = [None] * n
        candidates: dict[str, tuple[list[int], list[float]]] = {}
        for kind, parent_kinds in _PARENTS.items():
            pool = [b for pk in parent_kinds for b in self.by_kind[pk] if dissolved[b] is None]
            rng.shuffle(pool)
            candidates[kind] = (pool, _cumulative([1 / (r + 1) ** .7 for r in range(len(pool))]))
        councils = self.by_kind["full_council"]
        for i, j in enumerate(self.by_kind["executive"]):
            parent[j] = councils[i % len(councils)]
        for j, kind in enumerate(kinds):
            if kind in ("full_council", "executive"):
                continue
            if kind in ("committee", "scrutiny_board"):
                parent[j] = councils[0] if rng.random() < .9 else rng.choice(councils)
            elif rng.random() >= .02:
                pool, cum = candidates[kind]
                if pool:
                    parent[j] = self.pick_weighted(pool, cum)
        self.parent, self.candidates = parent, candidates

    def plan_body_details(self) -> None:
        rng = self.rng
        kinds, parent = self.body_kind, self.parent
        n = len(kinds)
        councils = self.by_kind["full_council"]
        host = [0] * n
        areas: list[tuple[int, ...]] = [()] * n
        themes: list[tuple[int, ...]] = [()] * n
        names: list[str] = [""] * n
        used: dict[str, int] = {}
        nthemes = len(THEMES)
        for i, j in enumerate(councils):
            host[j] = 0 if i == 0 or not self.other_councils else \
                self.other_councils[(i - 1) % len(self.other_councils)]
        for i, j in enumerate(self.by_kind["executive"]):
            host[j] = host[councils[i % len(councils)]]
        admin_cycle = 0
        cluster_cycle = 0
        for j, kind in enumerate(kinds):
            p = parent[j]
            theme = rng.randrange(nthemes)
            if kind in ("full_council", "executive"):
                areas[j] = (0,) if host[j] == 0 else (self.districts[j % len(self.districts)],)
            elif kind in ("committee", "scrutiny_board"):
                host[j] = host[p] if p is not None else 0
                areas[j] = (0,)
                themes[j] = (theme,) if kind == "scrutiny_board" else ()
            elif kind == "area_committee":
                host[j] = 0
                areas[j] = (self.admins[admin_cycle % len(self.admins)],)
                admin_cycle += 1
            elif kind == "cluster_partnership":
                host[j] = 0 if rng.random() < .6 else self.partner()
                areas[j] = (self.clusters[cluster_cycle % len(self.clusters)],)
                cluster_cycle += 1
                themes[j] = (theme,) if rng.random() < .5 else ()
            elif kind in ("working_group", "panel", "other_body") and p is not None \
                    and rng.random() < .7:
                host[j] = host[p]
                areas[j] = areas[p]
                themes[j] = themes[p][:1] if themes[p] and rng.random() < .6 else (theme,)
            else:
                host[j] = 0 if rng.random() < .45 else self.partner()
                u = rng.random()
                if kind == "strategic_partnership_board" or u < .2:
                    areas[j] = (0,)
                elif u < .45:
                    areas[j] = (rng.choice(self.districts),)
                elif u < .8:
                    areas[j] = (rng.choice(self.admins),)
                else:
                    k = 1 + rng.randrange(3)
                    start = rng.randrange(len(self.wards))
                    areas[j] = tuple(self.wards[(start + x) % len(self.wards)] for x in range(k))
                second = rng.randrange(nthemes)
                themes[j] = (theme, second) if rng.random() < .3 and second != theme else (theme,)
            names[j] = self.body_name(j, kind, host[j], areas[j], themes[j], used)
        self.host, self.body_areas, self.body_themes, self.body_name_ = host, areas, themes, names

    def body_name(self, j: int, kind: str, host: int, areas: tuple[int, ...],
                  themes: tuple[int, ...], used: dict[str, int]) -> str:
        rng = self.rng
        place = self.area_name[areas[0]] if areas else COUNTY
        theme = THEMES[themes[0]] if themes else rng.choice(THEMES)
        if kind == "full_council":
            name = f"Full Council ({self.org_name[host]})"
        elif kind == "executive":
            name = f"Executive Board ({self.org_name[host]})"
        elif kind == "committee":
            name = f"{rng.choice(_COMMITTEES)} Committee"
        elif kind == "scrutiny_board":
            name = f"Scrutiny Board ({theme})"
        elif kind == "area_committee":
            name = f"{place} Area Committee"
        elif kind == "strategic_partnership_board":
            name = "Health and Wellbeing Board" if j == self.by_kind[kind][0] \
                else f"{theme} Board"
        elif kind == "partnership_board":
            name = f"{place} {theme} Partnership Board"
        elif kind == "cluster_partnership":
            name = f"{place} Cluster Partnership"
        elif kind == "network":
            name = f"{place} {theme} " + rng.choice(("Network", "Forum"))
        elif kind == "working_group":
            name = f"{theme} " + rng.choice(("Working Group", "Task Group", "Task and Finish Group"))
        elif kind == "other_body":
            name = f"{place} {theme} " + rng.choice(("Steering Group", "Reference Group",
                                                     "Delivery Group"))
        else:
            word = {"trust": "Trust", "programme": "Programme", "panel": "Panel",
                    "supporting_partnership": "Partnership", "partnership": "Partnership"}[kind]
            name = f"{theme} {word}" if kind == "panel" else f"{place} {theme} {word}"
        seen = used.get(name, 0)
        used[name] = seen + 1
        return name if not seen else f"{name} ({seen + 1})"

    # -------------------------------------------------------------- people

    def plan_people(self) -> None:
        rng = self.rng
        n = self.np
        kinds = bytearray(rng.choices(range(6), cum_weights=_cumulative(_PERSON_WEIGHTS), k=n))
        org = array("i", [0]) * n
        others = self.other_councils
        rnd = rng.random
        for i in range(n):
            k = kinds[i]
            if k == ELECTED:
                o = 0 if (rnd() < .8 or not others) else others[int(rnd() * len(others))]
            elif k == OFFICER:
                o = 0 if rnd() < .6 else self.partner()
            elif k in (3, 4):
                o = self.pick_weighted(self.community, self.community_cum)
            else:
                o = self.partner()
            org[i] = o
        self.person_kind, self.person_org = kinds, org

        # memberships per person: truncated power laws, then nudged to the exact total
        kmax = _max_degree(self.nb)
        total = round(_target_mean(self.nb) * n)
        elected = kinds.count(ELECTED)
        e_cum, e_mean = _power_law(ELECTED_ALPHA, kmax)
        rest_mean = (total - elected * e_mean) / max(1, n - elected)
        rest_mean = min(max(rest_mean, 1.05), kmax * .9)
        o_cum, _ = _power_law(_solve_alpha(rest_mean, kmax), kmax)
        values = range(1, kmax + 1)
        degree = array("i", rng.choices(values, cum_weights=o_cum, k=n))
        for i in range(n):
            if kinds[i] == ELECTED:
                degree[i] = values[bisect(e_cum, rnd() * e_cum[-1])]
        diff = total - sum(degree)
        step = 1 if diff > 0 else -1
        tries, limit = 0, 100 * abs(diff) + 10_000
        while diff and tries < limit:
            tries += 1
            i = int(rnd() * n)
            d = degree[i] + step
            if 1 <= d <= kmax:
                degree[i] = d
                diff -= step
        self.degree = degree
        self.total_memberships = sum(degree)

    # ----------------------------------------------------------- body sizes

    def plan_sizes(self) -> None:
        rng = self.rng
        kinds = self.body_kind
        n = len(kinds)
        elected = self.person_kind.count(ELECTED)
        council_cap = max(3, elected // 3)
        current = [0] * n
        for j, kind in enumerate(kinds):
            if kind == "full_council":
                c = rng.randint(45, 99)
            elif kind == "executive":
                c = rng.randint(8, 12)
            elif kind == "network":
                c = min(2500, int(50 * rng.paretovariate(1.2)))
            else:
                median, sigma = _SIZE[kind]
                c = min(60, max(3, round(rng.lognormvariate(math.log(median), sigma))))
                if kind in ("programme", "partnership", "supporting_partnership") \
                        and rng.random() < .06:  # open-membership partnerships
                    c = min(800, int(50 * rng.paretovariate(1.4)))
            if kind in _COUNCIL_SIDE:
                c = min(c, council_cap)
            current[j] = min(c, max(3, self.np // 10))
        total = self.total_memberships
        # past seats: in proportion to size and years on record, scaled to the total;
        # a body cannot hold more rows than there are people to fill them
        cap = [max(current[j], min(3 * current[j], elected // 2)) if kind in _COUNCIL_SIDE
               else max(current[j], self.np // 10) for j, kind in enumerate(kinds)]
        end = [self.dissolved[j] or self.today for j in range(n)]
        weight = [current[j] * max(0.0, min(HISTORY_YEARS, (end[j] - self.est[j]) / 365.25))
                  / TERM_YEARS * rng.lognormvariate(0, .4) for j in range(n)]
        base = sum(current)
        if base >= total:  # few people for many bodies: shrink the bodies instead
            scale = total / base
            current = [max(1, int(c * scale)) for c in current]
            rows = current[:]
        else:
            lam = 0.0
            rows = current[:]
            for _ in range(30):  # water-filling: bodies at their cap take no more
                short = total - sum(rows)
                free = sum(w for j, w in enumerate(weight) if rows[j] < cap[j])
                if short <= 0 or not free:
                    break
                lam += short / free
                rows = [min(cap[j], current[j] + int(lam * weight[j])) for j in range(n)]
        diff = total - sum(rows)
        tries, limit = 0, 100 * abs(diff) + 10_000
        while diff and tries < limit:
            tries += 1
            j = rng.randrange(n)
            if diff > 0 and rows[j] < cap[j]:
                rows[j] += 1
                diff -= 1
            elif diff < 0 and rows[j] > current[j]:
                rows[j] -= 1
                diff += 1
        self.current, self.rows = current, rows

    # ------------------------------------------------------ reference tables

    def write_reference_tables(self) -> None:
        t = self.table("dataset", ("id", "name", "home_organisation", "description"))
        t.row("synthetic", f"Synthetic partnership network ({self.nb} bodies, {self.np} people)",
              "o1", f"Invented by graphmodel.generate for testing and demonstration; "
              f"nothing in it is real. As of {AS_OF.isoformat()}.")
        self.done(t)
        t = self.table("documents", ("id", "title", "publisher", "date", "reference"))
        t.row(DOCUMENT, "Synthetic partnership network", "graphmodel", AS_OF.isoformat(),
              f"graphmodel.generate(bodies={self.nb}, people={self.np})")
        self.done(t)
        t = self.table("organisations", ("id", "name", "kind", "parent", "notes",
                                          "source_document", "source_section"))
        oid = self.org_id
        t.rows([[oid[i], self.org_name[i], self.org_kind[i],
                 oid[p] if p is not None else None, "home organisation" if i == 0 else None,
                 DOCUMENT, f"generated row {i + 1}"] for i, p in enumerate(self.org_parent)])
        self.done(t)
        t = self.table("areas", ("id", "name", "kind", "parent", "source_document",
                                  "source_section"))
        aid = self.area_id
        t.rows([[aid[i], self.area_name[i], self.area_kind[i],
                 aid[p] if p is not None else None, DOCUMENT, f"generated row {i + 1}"]
                for i, p in enumerate(self.area_parent)])
        self.done(t)
        t = self.table("themes", ("id", "name", "source_document", "source_section"))
        t.rows([[f"t{i + 1}", name, DOCUMENT, f"generated row {i + 1}"]
                for i, name in enumerate(THEMES)])
        self.done(t)

    # ------------------------------------------------------ people and posts

    def write_people_and_posts(self) -> None:
        rng = self.rng
        rnd = rng.random
        n = self.np
        kinds, org, oid = self.person_kind, self.person_org, self.org_id
        t = self.table("people", ("id", "name", "kind", "organisation", "notes",
                                   "source_document", "source_section"))
        batch: list[list[Any]] = []
        nf, ns, nw = len(_FIRST), len(_SURNAMES), len(self.wards)
        for i in range(n):
            first = _FIRST[int(rnd() * nf)]
            last = _SURNAMES[int(rnd() * ns)]
            if rnd() < .3:
                first = f"{first} {chr(65 + int(rnd() * 26))}."
            k = kinds[i]
            note = None
            if k == ELECTED and org[i] == 0:
                note = f"councillor for {self.area_name[self.wards[int(rnd() * nw)]]} ward"
            batch.append([f"p{i + 1}", f"{first} {last}", _PERSON_KINDS[k], oid[org[i]], note,
                          DOCUMENT, f"generated row {i + 1}"])
            if len(batch) >= PROGRESS_EVERY:
                t.rows(batch)
                batch = []
        t.rows(batch)
        self.done(t)

        # posts, mostly held by officers (some vacant)
        officers = [i for i in range(n) if kinds[i] == OFFICER]
        count = max(5, n // 40)
        filled = min(len(officers), int(count * .88))
        holders = rng.sample(officers, filled) + [-1] * (count - filled)
        rng.shuffle(holders)
        self.post_of: dict[int, int] = {}
        self.posts_of_org: dict[int, list[int]] = {}
        seen: set[tuple[int, str]] = set()
        t = self.table("posts", ("id", "name", "organisation", "holder", "notes",
                                  "source_document", "source_section"))
        rows = []
        for x, h in enumerate(holders):
            o = org[h] if h >= 0 else 0
            titles = _POST_TITLES.get(self.org_kind[o], _POST_TITLES[""])
            title = titles[min(len(titles) - 1, int(rng.expovariate(.35)))]
            if (o, title) in seen:
                title = f"{title} ({self.area_name[self.wards[int(rnd() * nw)]]})"
            seen.add((o, title))
            if h >= 0:
                self.post_of[h] = x
            self.posts_of_org.setdefault(o, []).append(x)
            rows.append([f"post{x + 1}", title, oid[o], f"p{h + 1}" if h >= 0 else None,
                         "vacant" if h < 0 else None, DOCUMENT, f"generated row {x + 1}"])
        t.rows(rows)
        self.done(t)

    # --------------------------------------------------- nomination rights

    def write_nomination_rights(self) -> None:
        rng = self.rng
        councils = self.by_kind["executive"] + self.by_kind["full_council"]
        boards = self.by_kind["strategic_partnership_board"] + self.by_kind["partnership_board"]
        self.nominators: dict[int, tuple[int, bool]] = {}  # body -> (nominating body, elected?)
        t = self.table("nomination_rights", ("id", "nominating_body", "body", "seats", "start",
                                              "end", "notes", "source_document",
                                              "source_section"))
        rows = []
        for j, kind in enumerate(self.body_kind):
            if kind not in _PARTNERSHIP_SIDE:
                continue
            u = rng.random()
            if u < .15:
                nominator = rng.choice(councils)
                seats = rng.choice(("elected member representatives", "two elected members",
                                    "one elected member from each political group"))
                elected = True
            elif u < .20 and boards:
                nominator = rng.choice(boards)
                seats = rng.choice(("partner representatives", "third sector representatives",
                                    "two partner representatives"))
                elected = False
            else:
                continue
            if nominator == j:
                continue
            self.nominators[j] = (nominator, elected)
            start = self.est_text[j]
            end = self.day(self.dissolved[j]) if self.dissolved[j] is not None else None
            rows.append([f"nr{len(rows) + 1}", self.body_id[nominator], self.body_id[j], seats,
                         start, end, None, DOCUMENT, f"generated row {len(rows) + 1}"])
        t.rows(rows)
        self.done(t)

    # ---------------------------------------------------------- memberships

    def balanced_mix(self) -> dict[str, tuple[float, float, float]]:
        """Each kind's share of elected/officer/other seats, scaled (Sinkhorn) so the
        seats asked for match the seats people hold."""
        supply = [0, 0, 0]
        kinds, degree = self.person_kind, self.degree
        for i in range(self.np):
            supply[min(kinds[i], 2)] += degree[i]
        demand = {k: 0 for k in _BODY_ORDER}
        for j, kind in enumerate(self.body_kind):
            demand[kind] += self.rows[j]
        matrix = {k: [demand[k] * s + 1e-9 for s in _MIX[k]] for k in _BODY_ORDER}
        for _ in range(50):
            for g in range(3):
                col = sum(m[g] for m in matrix.values())
                for m in matrix.values():
                    m[g] *= supply[g] / col if col else 0
            for k, m in matrix.items():
                row = sum(m)
                if row:
                    matrix[k] = [v * demand[k] / row for v in m]
        out = {}
        for k, m in matrix.items():
            row = sum(m) or 1.0
            out[k] = (m[0] / row, (m[0] + m[1]) / row, 1.0)
        return out

    def write_memberships(self) -> None:
        rng = self.rng
        rnd = rng.random
        kinds, org, degree = self.person_kind, self.person_org, self.degree
        pools = [array("i"), array("i"), array("i")]
        for i in range(self.np):
            pools[min(kinds[i], 2)].extend([i] * degree[i])
        mix = self.balanced_mix()
        oid, bid = self.org_id, self.body_id
        post_of = self.post_of
        today, days, base = self.today, self.days, self.base
        partners, partner_cum = self.partners, self.partner_cum
        partner_total = partner_cum[-1]
        compose = [rng.random() < .35 and k != "network" for k in self.body_kind]
        self.composition: list[str | None] = [None] * len(self.body_kind)
        self.declared: list[int | None] = [None] * len(self.body_kind)
        t = self.table("memberships", ("id", "body", "person", "post", "role", "on_behalf_of",
                                        "nominated_by", "start", "end", "notes",
                                        "source_document", "source_section"))
        number = 0
        dropped = 0
        batch: list[list[Any]] = []
        for j, kind in enumerate(self.body_kind):
            want = self.rows[j]
            m0, m1, _ = mix[kind]
            seen: set[int] = set()
            members: list[int] = []
            for _ in range(want):
                u = rnd()
                g = 0 if u < m0 else (1 if u < m1 else 2)
                person = -1
                for attempt in range(12):
                    pool = pools[g]
                    if not pool or attempt >= 8:
                        g = max(range(3), key=lambda x: len(pools[x]))
                        pool = pools[g]
                        if not pool:
                            break
                    idx = int(rnd() * len(pool))
                    p = pool[idx]
                    if p not in seen:
                        pool[idx] = pool[-1]
                        pool.pop()
                        person = p
                        break
                if person < 0:
                    dropped += 1
                    continue
                seen.add(person)
                members.append(person)
            if not members:
                continue
            dissolved = self.dissolved[j]
            ncurrent = 0 if dissolved is not None else min(self.current[j], len(members))
            roles = self.roles(kind, members, ncurrent)
            if compose[j] and ncurrent:
                self.declare(j, [kinds[p] for p in members[:ncurrent]])
            est = self.est[j]
            host = oid[self.host[j]]
            council_side = kind in _COUNCIL_SIDE
            nominator = self.nominators.get(j)
            nom_id = bid[nominator[0]] if nominator else None
            nom_elected = nominator[1] if nominator else False
            body = bid[j]
            recent = max(est, today - 6 * 365)
            limit = dissolved if dissolved is not None else today - 1
            first = max(est, limit - HISTORY_YEARS * 365)
            for x, p in enumerate(members):
                number += 1
                k = kinds[p]
                u = rnd()
                if u < .09:
                    obo = None
                elif council_side and k == ELECTED:
                    obo = host
                elif u < .15:  # sits for another organisation than their own
                    o = partners[bisect(partner_cum, rnd() * partner_total)]
                    obo = oid[o] if o != org[p] else host
                else:
                    obo = oid[org[p]]
                nominated = None
                if nom_id is not None and (k == ELECTED) == nom_elected and rnd() < .75:
                    nominated = nom_id
                person = f"p{p + 1}"
                post = None
                if p in post_of and rnd() < .5:
                    post = f"post{post_of[p] + 1}"
                    if rnd() < .05:
                        person = None
                if x < ncurrent:
                    start = None if rnd() < .08 else \
                        days[recent + int(rnd() * (today - recent)) - base]
                    end = days[today + 30 + int(rnd() * 900) - base] if rnd() < .08 else None
                else:
                    span = limit - 30 - first
                    s = first + int(rnd() * span) if span > 0 else first
                    e = min(s + 90 + int(rnd() * 2400), limit)
                    if e < s:
                        e = s
                    start = None if rnd() < .05 else days[s - base]
                    end = days[e - base]
                batch.append([f"m{number}", body, person, post, roles[x], obo, nominated,
                              start, end, None, DOCUMENT, f"generated row {number}"])
            if len(batch) >= PROGRESS_EVERY:
                t.rows(batch)
                batch = []
        t.rows(batch)
        self.done(t)
        self.dropped = dropped + sum(len(p) for p in pools)

    def roles(self, kind: str, members: list[int], ncurrent: int) -> list[str]:
        rnd = self.rng.random
        kinds = self.person_kind
        default = "trustee" if kind == "trust" else "member"
        roles = [default] * len(members)
        current = range(ncurrent)
        if ncurrent:
            lay = [x for x in current if kinds[members[x]] != OFFICER]
            if kind in _COUNCIL_SIDE:
                lay = [x for x in lay if kinds[members[x]] == ELECTED] + \
                      [x for x in lay if kinds[members[x]] != ELECTED]
            if lay and rnd() < .95:
                roles[lay[0]] = "chair"
                if len(lay) > 2 and rnd() < .04:
                    roles[lay[1]] = "chair"  # co-chairs
                elif len(lay) > 1 and ncurrent >= 6 and rnd() < .5:
                    roles[lay[1]] = "vice_chair"
            first_officer = True
            for x in current:
                k = kinds[members[x]]
                u = rnd()
                if k == OFFICER:
                    if first_officer:
                        first_officer = False
                        roles[x] = "support_officer" if u < .6 else \
                            ("lead_officer" if u < .8 else "member")
                    else:
                        roles[x] = "member" if u < .6 else \
                            ("support_officer" if u < .85 else "adviser")
                elif roles[x] == default:
                    if u < .03:
                        roles[x] = "observer"
                    elif u < .05:
                        roles[x] = "attendee"
                    elif u < .07:
                        roles[x] = "substitute"
                    elif u < .08:
                        roles[x] = "adviser"
        for x in range(ncurrent, len(members)):
            u = rnd()
            if kinds[members[x]] == OFFICER:
                roles[x] = "support_officer" if u < .25 else "member"
            elif u < .05:
                roles[x] = "chair"
            elif u < .09:
                roles[x] = "vice_chair"
            elif u < .12:
                roles[x] = "observer"
        return roles

    def declare(self, j: int, current_kinds: list[int]) -> None:
        counts = [0] * 6
        for k in current_kinds:
            counts[k] += 1
        seats = sum(counts) - counts[OFFICER]
        u = self.rng.random()
        size = seats + (self.rng.randrange(1, 4) if self.rng.random() < .3 else 0)
        composition = "; ".join(f"{_COMPOSITION_KEYS[k]}={c}" for k, c in enumerate(counts) if c)
        if u < .5:
            self.declared[j], self.composition[j] = size, composition
        elif u < .85:
            # declared size only; sometimes fewer seats than people now sit
            self.declared[j] = max(1, seats - self.rng.randrange(1, 4)) \
                if self.rng.random() < .1 else size
        else:
            self.composition[j] = composition

    # --------------------------------------------------------------- bodies

    def write_bodies(self) -> None:
        rng = self.rng
        aid = self.area_id
        successor_of = {j: s for j, s in self.successions}
        t = self.table("bodies", ("id", "name", "kind", "category", "organisation", "areas",
                                   "themes", "declared_size", "declared_composition",
                                   "established", "dissolved", "terms_of_reference",
                                   "review_date", "notes", "source_document",
                                   "source_section"))
        rows = []
        for j, kind in enumerate(self.body_kind):
            u = rng.random()
            tor = "yes" if u < .7 else ("no" if u < .8 else None)
            review = None
            if self.dissolved[j] is None and rng.random() < .3:
                review = self.day(self.today - 365 + rng.randrange(3 * 365))
            notes = None
            if j in successor_of:
                notes = f"replaced by {self.body_name_[successor_of[j]]}"
            elif self.dissolved[j] is not None:
                notes = "dissolved"
            dissolved = self.dissolved[j]
            rows.append([
                self.body_id[j], self.body_name_[j], kind,
                _CATEGORY[kind] if rng.random() < .85 else None,
                self.org_id[self.host[j]] if rng.random() < .97 else None,
                "; ".join(aid[a] for a in self.body_areas[j]) or None,
                "; ".join(f"t{x + 1}" for x in self.body_themes[j]) or None,
                self.declared[j], self.composition[j], self.est_text[j],
                self.day(dissolved) if dissolved is not None else None,
                tor, review, notes, DOCUMENT, f"generated row {j + 1}"])
        t.rows(rows)
        self.done(t)

    # --------------------------------------------------------- relationships

    def write_relationships(self) -> None:
        rng = self.rng
        bid, est, est_text, dissolved = self.body_id, self.est, self.est_text, self.dissolved
        today = self.today

        t = self.table("reporting_lines", ("id", "body", "reports_to", "kind", "start", "end",
                                            "notes", "source_document", "source_section"))
        rows: list[list[Any]] = []

        def line(body: int, to: int, kind: str, start: str | None, end: str | None,
                 notes: str | None = None) -> None:
            rows.append([f"rl{len(rows) + 1}", bid[body], bid[to], kind, start, end, notes,
                         DOCUMENT, f"generated row {len(rows) + 1}"])

        for j, kind in enumerate(self.body_kind):
            p = self.parent[j]
            if p is None:
                continue
            if kind in ("executive", "strategic_partnership_board") and rng.random() < .4:
                line_kind = "statutory"
            elif kind in ("network", "other_body") and rng.random() < .3:
                line_kind = "informal"
            else:
                line_kind = "formal"
            start = est_text[j]
            end = self.day(dissolved[j]) if dissolved[j] is not None else None
            pool, cum = self.candidates.get(kind, ((), ()))
            if dissolved[j] is None and len(pool) > 1 and rng.random() < .03 \
                    and est[j] + 400 < today - 60:
                # changed parent: an ended line to the old one, the current one from then
                old = self.pick_weighted(pool, cum)
                if old != p:
                    switch = est[j] + 200 + rng.randrange(today - 60 - est[j] - 200)
                    line(j, old, line_kind, start, self.day(switch), "superseded")
                    start = self.day(switch + 1)
            line(j, p, line_kind, start, end)
            if len(pool) > 1 and rng.random() < .03:
                other = self.pick_weighted(pool, cum)
                if other != p:
                    line(j, other, "informal", est_text[j], end, "also reports informally")
        t.rows(rows)
        self.done(t)

        t = self.table("scrutiny_links", ("id", "scrutiny_body", "body", "start", "end", "notes",
                                           "source_document", "source_section"))
        scrutiny = self.by_kind["scrutiny_board"]
        rows = []
        targets = [(j, .9) for j in self.by_kind["strategic_partnership_board"]] + \
                  [(j, .25) for j in self.by_kind["partnership_board"]]
        for j, share in targets:
            if not scrutiny or rng.random() >= share:
                continue
            s = rng.choice(scrutiny)
            start = self.day(max(est[s], est[j]))
            end = self.day(dissolved[j]) if dissolved[j] is not None else (
                self.day(today - rng.randrange(30, 700)) if rng.random() < .05 else None)
            if end is not None and end < start:
                end = start
            rows.append([f"sl{len(rows) + 1}", bid[s], bid[j], start, end, None, DOCUMENT,
                         f"generated row {len(rows) + 1}"])
        t.rows(rows)
        self.done(t)

        t = self.table("successions", ("id", "predecessor", "successor", "date", "notes",
                                        "source_document", "source_section"))
        t.rows([[f"s{x + 1}", bid[j], bid[s], self.day(est[s]), "replaced", DOCUMENT,
                 f"generated row {x + 1}"] for x, (j, s) in enumerate(self.successions)])
        self.done(t)

        t = self.table("resourcing", ("id", "organisation", "body", "officer_hours_per_month",
                                       "money_per_year", "lead_post", "estimate", "start", "end",
                                       "notes", "source_document", "source_section"))
        rows = []
        for j in range(len(self.body_kind)):
            if dissolved[j] is not None or rng.random() >= .25:
                continue
            orgs = [self.host[j]]
            for _ in range(rng.randrange(3)):
                o = 0 if rng.random() < .4 else self.partner()
                if o not in orgs:
                    orgs.append(o)
            for o in orgs:
                hours = round(rng.lognormvariate(math.log(8), .9) * 2) / 2
                money = int(round(rng.lognormvariate(math.log(12000), 1.1), -2)) \
                    if rng.random() < .5 else None
                posts = self.posts_of_org.get(o)
                lead = f"post{rng.choice(posts) + 1}" if posts and rng.random() < .5 else None
                u = rng.random()
                estimate = "yes" if u < .5 else ("no" if u < .8 else None)
                start = self.day(max(est[j], today - rng.randrange(365, 6 * 365)))
                rows.append([f"r{len(rows) + 1}", self.org_id[o], bid[j],
                             f"{hours:g}" if hours else "0.5", money, lead, estimate, start,
                             None, None, DOCUMENT, f"generated row {len(rows) + 1}"])
        t.rows(rows)
        self.done(t)

        t = self.table("assessments", ("id", "organisation", "body", "value", "risk",
                                        "recommendation", "date", "notes", "source_document",
                                        "source_section"))
        rows = []
        advice = {"high": (("maintain", .6), ("increase", .9), ("review", 1.0)),
                  "medium": (("maintain", .4), ("review", .8), ("reduce", 1.0)),
                  "low": (("review", .4), ("reduce", .75), ("withdraw", 1.0))}
        for j in range(len(self.body_kind)):
            if rng.random() >= .3:
                continue
            o = 0 if rng.random() < .85 else self.host[j]
            value = rng.choice(("high", "high", "medium", "medium", "medium", "low"))
            risk = rng.choice(("high", "medium", "medium", "low", "low"))
            u = rng.random()
            recommendation = next(r for r, cut in advice[value] if u < cut)
            if risk == "high" and rng.random() < .4:
                recommendation = "review"
            if rng.random() < .1:
                value = risk = None
            date = self.day(min(today, max(est[j], today - rng.randrange(1100))))
            rows.append([f"as{len(rows) + 1}", self.org_id[o], bid[j], value, risk,
                         recommendation, date, None, DOCUMENT, f"generated row {len(rows) + 1}"])
        t.rows(rows)
        self.done(t)
