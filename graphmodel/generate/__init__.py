"""Synthetic partnership networks of any size, for benchmarks, tests and demos.

:func:`generate` writes a complete, valid dataset directory (every table of
:mod:`graphmodel.model`, plus ``dataset.csv``) describing an invented English
council, "Northshire Council", and the partnership landscape around it. Nothing
in it is real: it exists so the reader, validator, graph views and reports can
be exercised on networks from a few hundred to a few million rows, and so a
demo has something that looks like the real thing.

How it is built: one ``random.Random(seed)`` is threaded through pure functions
that each return a small frozen *plan* (:mod:`.organisations`, :mod:`.areas`,
:mod:`.bodies`, :mod:`.people`, :mod:`.sizes`, :mod:`.memberships`,
:mod:`.relationships`, :mod:`.register`), drawing from the distributions declared
once in :mod:`.distributions` (the names in brackets below) with the words of
:mod:`.vocabulary`; :mod:`.writers` turn the plans into tables without drawing
anything. The same arguments always give byte-identical files: the order of the
plans in :func:`generate` is the order of the draws, and dates are relative to the
fixed day :data:`AS_OF`, not today. A million memberships take several seconds;
their plan is held by column (the process peaks at about 165 MiB).

What it draws, and from which distributions
-------------------------------------------
* **Organisations**: ``max(5, bodies // 20)`` (``ORGANISATIONS_PER_BODY``): the
  home council (``o1``), the usual partners (NHS integrated care board and trusts,
  police, fire and rescue, probation, Healthwatch, a council for voluntary service,
  university, DWP, chamber of commerce, faiths forum, housing association), then
  local ones drawn by sector (``ORG_KIND_WEIGHTS``: third sector 30%, education 15%,
  business 15%, NHS 10%, faith 8%, town and parish councils, housing, government and
  local branches of the emergency services, which have the county-wide body as
  ``parent``; ``EMERGENCY_BRANCHES``, ``PRACTICE_UNDER_ICB``).
* **Areas**: the county, one to eight districts (the first is a city),
  administrative areas, wards (about ``bodies // 25``, 10 to 700) and cluster
  areas of two or three wards (``area_counts``, ``CLUSTER_OF_THREE``). **Themes**:
  22 policy themes.
* **Bodies** by kind, in level order (``BODY_ORDER``, ``kind_counts``): a few full
  councils and executives (``bodies // 4000``, at least one; ``BODIES_PER_COUNCIL``),
  then ``BODY_SHARES``: committees 3%, scrutiny boards 1.5%, area committees 2%,
  strategic partnership boards 2%, partnership boards 6%, trusts 2.5%, programmes
  3.5%, supporting partnerships 6%, cluster partnerships 8%, panels 5%,
  partnerships 26%, networks and forums 5%, working groups 24% and the rest other
  bodies. Established dates per kind (``ESTABLISHED_WINDOW``: councils 1974,
  executives 2000-02; ``AGE_MEAN_YEARS``: partnerships years ago with an
  exponential age, mean 9 years; working groups mean 4 years); 8% of lower bodies
  have no date, 8% only a year or a month (``ESTABLISHED_PRECISION``). About 4% are
  dissolved, half of them replaced by a successor (``DISSOLVED``, ``REPLACED``).
  Declared size and/or composition on about a third (``DECLARES_COMPOSITION``,
  ``DECLARED``), terms of reference and a review date on some
  (``TERMS_OF_REFERENCE``, ``REVIEW_DATE``).
* **People** (``PERSON_WEIGHTS``): elected members 10%, officers 40%, partner
  representatives 35%, co-opted members 5%, community members 8%, other 2%; each
  has an organisation (elected members mostly the home council,
  ``ELECTED_FOR_HOME_COUNCIL``; officers 60% the home council,
  ``OFFICER_OF_HOME_COUNCIL``; the rest spread over partners with a Zipf weight,
  ``PARTNER_ZIPF``, so the big partners employ most). ``people // 40`` named posts
  (``PEOPLE_PER_POST``), mostly held by officers (``POSTS_FILLED``).
* **Memberships**: ``round(5.5 * people)`` rows (``MEMBERSHIPS_PER_PERSON``; 1,100,000
  for 200,000 people; a few fewer in tiny networks, where a big body cannot find
  enough different people). Memberships per person follow a truncated power law,
  P(k) ~ k^-a for k = 1..60 (``MAX_MEMBERSHIPS``; elected members a = 1.3,
  ``ELECTED_ALPHA``, mean about 8; everyone else a solved so the overall mean is
  5.5, about 1.6): about 70% of people hold 1 to 3 seats and about 4% hold 30 to 60.
  Current body sizes are lognormal by kind (``SIZE``: medians 8 to 20 seats, so
  most bodies have 5 to 20 members), full councils 45 to 99 (``FULL_COUNCIL_SEATS``),
  networks Pareto (``NETWORK_PARETO``: alpha 1.2, from 50 up to 2,500) and 6% of
  partnerships and programmes open to all (``OPEN_MEMBERSHIP``, ``OPEN_PARETO``: up
  to 800). Each body also has past memberships (ended before :data:`AS_OF`), in
  proportion to its size and age (up to 20 years on record, ``HISTORY_YEARS``,
  ``TERM_YEARS``), scaled so the rows add up to the total: with 10 people a body,
  about 55% of the rows are past ones. People are paired with seats
  configuration-model style (each person's seats drawn without replacement from
  pools of elected members, officers and others, in a per-kind mix, ``MIX``,
  balanced against supply), so no person sits twice on one body, then or now.
  Roles: usually one chair (``CHAIRED``; an elected member on council bodies; 4%
  have co-chairs, ``CO_CHAIRS``), a vice chair on half of the bodies of six or more
  (``VICE_CHAIR``), support and lead officers from the officers present
  (``FIRST_OFFICER_ROLE``, ``OTHER_OFFICER_ROLE``), a few observers, attendees,
  substitutes and advisers (``LAY_ROLE``, ``PAST_ROLE``); trustees on trusts.
  ``on_behalf_of`` is the person's own organisation about 85% of the time, another
  organisation 6% (cross-representation) and missing 9% (``ON_BEHALF_OF``); elected
  members on council bodies sit for that council. Members of the kind a
  nomination right names are mostly ``nominated_by`` the nominating body
  (``NOMINATED``); some seats name a post, a few only a post (``SEAT_OF_POST``,
  ``POST_ONLY``). Declared compositions count current seats by kind:
  ``elected_member``, ``officer``, ``partner``, ``co_opted_member``,
  ``community_member``, ``other``.
* **Relationships**: each body reports to one body a level up (``PARENTS``:
  partnerships -> partnership boards -> strategic boards -> executive -> full
  council) chosen with a Zipf weight (``PARENT_ZIPF``), so a few boards have many
  children; 2% of bodies report nowhere (``REPORTS_NOWHERE``), 3% have a second
  (informal) line (``SECOND_LINE``), 3% changed parent (an ended line;
  ``CHANGED_PARENT``); lines of dissolved bodies end when they do. Scrutiny boards
  scrutinise the strategic boards and a quarter of the partnership boards
  (``SCRUTINISED``). About 15% of partnerships have seats nominated by the
  executive or full council and 5% by a partnership board
  (``NOMINATED_BY_COUNCIL``, ``NOMINATED_BY_BOARD``). Resourcing (officer hours and
  money) for a quarter of the bodies (``RESOURCED``) and assessments (value, risk,
  recommendation) for 30% (``ASSESSED``, ``ADVICE``).
* **Provenance**: every row cites the single document ``synthetic``, with
  ``source_section`` ``generated row N`` (N is the row within its table).
"""
from __future__ import annotations

import os
from pathlib import Path
from random import Random
from typing import Any, Callable

from graphmodel.generate import distributions as d
from graphmodel.generate import writers as w
from graphmodel.generate.areas import plan_areas
from graphmodel.generate.bodies import plan_bodies
from graphmodel.generate.distributions import AS_OF, MAX_MEMBERSHIPS, MEMBERSHIPS_PER_PERSON
from graphmodel.generate.memberships import plan_memberships
from graphmodel.generate.organisations import plan_organisations
from graphmodel.generate.people import plan_people, plan_posts, plan_roster
from graphmodel.generate.register import plan_assessments, plan_register, plan_resourcing
from graphmodel.generate.relationships import (plan_nominations, plan_reporting_lines,
                                               plan_scrutiny_links)
from graphmodel.generate.sizes import plan_sizes
from graphmodel.generate.vocabulary import THEMES
from graphmodel.memory import no_cycle_collection
from graphmodel.model import SCHEMA, Current, record_type

__all__ = ["generate", "expected_rows", "AS_OF", "MEMBERSHIPS_PER_PERSON",
           "MAX_MEMBERSHIPS", "TABLES"]

TABLES: Current[str] = Current(lambda: ("dataset", *(rt.name for rt in SCHEMA.record_types)))
"""The tables a generated directory holds: every table of the schema in force."""


def expected_rows(bodies: int, people: int) -> int:
    """About how many rows :func:`generate` writes (for a progress bar's length)."""
    districts, admin, wards, clusters = d.area_counts(bodies)
    memberships = round(d.target_mean(bodies) * people)
    return (2 + d.organisation_count(bodies) + 1 + districts + admin + wards + clusters
            + len(THEMES) + bodies + people + max(5, people // d.PEOPLE_PER_POST)
            + memberships + round(bodies * 2.15))


def generate(out_dir: str | os.PathLike[str], bodies: int, people: int, seed: int = 0,
             progress: Callable[[int], object] | None = None) -> dict[str, int]:
    """Write a synthetic dataset directory and return its row counts per table.

    ``out_dir`` is created if need be; its table files (one per table of
    :data:`TABLES`) are overwritten.
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
    bodies, people = int(bodies), int(people)
    # the plans hold millions of objects and make no cycles; the collector would re-scan
    # them all, again and again, while a million rows are written (a third of the time)
    with no_cycle_collection():
        return _generate(w.Tables(root, progress), bodies, people, Random(seed))


def _generate(tables: w.Tables, bodies: int, people: int, rng: Random) -> dict[str, int]:
    # The order of the plans is the order of the draws: changing it changes every file.
    organisations = plan_organisations(rng, bodies)
    areas = plan_areas(rng, bodies, organisations.places)
    body_plan = plan_bodies(rng, bodies, organisations, areas)
    people_plan = plan_people(rng, people, bodies, organisations)
    sizes = plan_sizes(rng, body_plan, people_plan)
    w.write_reference_tables(tables, bodies, people)
    w.write_organisations(tables, organisations)
    w.write_areas(tables, areas)
    w.write_people(tables, people_plan, plan_roster(rng, people_plan, areas), organisations,
                   areas)
    posts = plan_posts(rng, people_plan, organisations, areas)
    w.write_posts(tables, posts, organisations)
    nominations = plan_nominations(rng, body_plan)
    w.write_nomination_rights(tables, nominations, body_plan)
    memberships = plan_memberships(rng, body_plan, sizes, people_plan, organisations, posts,
                                   nominations)
    w.write_memberships(tables, memberships, body_plan, people_plan, organisations, posts)
    w.write_bodies(tables, body_plan, plan_register(rng, body_plan), memberships,
                   organisations, areas)
    w.write_relationships(tables, body_plan, plan_reporting_lines(rng, body_plan),
                          plan_scrutiny_links(rng, body_plan))
    w.write_register(tables, plan_resourcing(rng, body_plan, organisations, posts),
                     plan_assessments(rng, body_plan), organisations)
    for name in TABLES:   # a table it has no plan for (one the schema gained): its header
        if name not in tables.counts:
            tables.write(name, record_type(name).columns, [])
    tables.flush()
    return {name: tables.counts[name] for name in TABLES}
