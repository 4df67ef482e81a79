"""Every share, probability and distribution the synthetic generator draws from.

The package docstring cites these names; the plans read them and nothing else. A
probability ``p`` is used as ``rng.random() < p``; a run of cut-offs ``(a, b, c)`` as
"below a, else below b, else below c, else the rest", so the shares are the gaps
between them. Changing any value changes what every seed generates.
"""
from __future__ import annotations

import datetime as _dt
from bisect import bisect
from random import Random
from typing import Sequence, TypeVar

AS_OF = _dt.date(2025, 3, 31)
"""The day the synthetic network is 'as of': past and future are relative to it."""
TODAY = AS_OF.toordinal()

# ------------------------------------------------------------- organisations

ORGANISATIONS_PER_BODY = 20         # max(5, bodies // 20) organisations
ORG_KIND_WEIGHTS = (
    ("third_sector", 30), ("education", 15), ("business", 15), ("nhs", 10), ("faith", 8),
    ("local_authority", 5), ("other", 7), ("government", 3), ("police", 3),
    ("fire_and_rescue", 2), ("probation", 2),
)
EMERGENCY_BRANCHES = ("police", "fire_and_rescue", "probation")   # parent: the county-wide one
PRACTICE_UNDER_ICB = .7             # a primary care network or practice under the ICB
PARTNER_ZIPF = .8                   # partner of rank r weighs 1 / r^0.8 (anchors first)
COMMUNITY_ZIPF = .6

# --------------------------------------------------------------------- areas

CLUSTER_OF_THREE = .4               # else a cluster area has two wards

# -------------------------------------------------------------------- bodies

# Bodies in level order: a body reports to a body of a kind listed as its parent.
BODY_ORDER = (
    "full_council", "executive", "committee", "scrutiny_board", "area_committee",
    "strategic_partnership_board", "partnership_board", "trust", "programme",
    "supporting_partnership", "cluster_partnership", "panel", "partnership", "network",
    "working_group", "other_body",
)
BODIES_PER_COUNCIL = 4000           # max(1, bodies // 4000) full councils and executives
BODY_SHARES = {
    "committee": .03, "scrutiny_board": .015, "area_committee": .02,
    "strategic_partnership_board": .02, "partnership_board": .06, "trust": .025,
    "programme": .035, "supporting_partnership": .06, "cluster_partnership": .08,
    "panel": .05, "partnership": .26, "network": .05, "working_group": .24,
}
# Which kinds a very small network (under 20 bodies) has, most important first.
SMALL_ORDER = (
    "full_council", "strategic_partnership_board", "partnership_board", "scrutiny_board",
    "executive", "partnership", "working_group", "committee", "area_committee",
    "cluster_partnership", "supporting_partnership", "network", "panel", "trust",
    "programme", "other_body",
)
PARENTS = {
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
COUNCIL_SIDE = frozenset({"full_council", "executive", "committee", "scrutiny_board",
                          "area_committee"})
PARTNERSHIP_SIDE = frozenset({"strategic_partnership_board", "partnership_board", "trust",
                              "programme", "supporting_partnership", "cluster_partnership",
                              "partnership", "network"})

# Established: (first day, days after it drawn uniformly) for the council side ...
ESTABLISHED_WINDOW = {
    "full_council": (_dt.date(1974, 4, 1), 0),
    "executive": (_dt.date(2000, 5, 1), 730),
    "committee": (_dt.date(1998, 1, 1), 20 * 365),
    "scrutiny_board": (_dt.date(1998, 1, 1), 20 * 365),
    "area_committee": (_dt.date(1998, 1, 1), 20 * 365),
    "strategic_partnership_board": (_dt.date(2000, 1, 1), 16 * 365),
}
# ... and an exponential age in years (capped at 30) for the rest.
AGE_MEAN_YEARS = {"working_group": 4, "panel": 4, "other_body": 4}
AGE_MEAN_YEARS_OTHERWISE = 9
MAX_AGE_YEARS = 30
# How much of a lower body's established date is written: cut-offs for no date, the
# year only, the month only; the rest (and every council-side body) the full date.
ESTABLISHED_PRECISION = (.08, .12, .16)
DISSOLVED = .04                     # of lower bodies at least 400 days old
REPLACED = .5                       # of those, replaced by a younger body of the same kind
SUCCESSOR_TRIES = 12

COUNCIL_BODY_UNDER_FIRST_COUNCIL = .9   # committees and scrutiny boards
REPORTS_NOWHERE = .02
PARENT_ZIPF = .7                    # the parent of rank r (shuffled) weighs 1 / r^0.7

CLUSTER_HOSTED_BY_COUNCIL = .6
SUBGROUP_INHERITS = .7              # working groups, panels, other bodies: parent's host, area
SUBGROUP_KEEPS_THEME = .6
HOSTED_BY_COUNCIL = .45
# Area of a partnership: cut-offs for the county, a district, an administrative area;
# the rest one to three wards.
AREA_SCOPE = (.2, .45, .8)
CLUSTER_THEMED = .5
SECOND_THEME = .3

# ------------------------------------------------------------------ people

PERSON_WEIGHTS = (10, 40, 35, 5, 8, 2)   # in vocabulary.PERSON_KINDS order
ELECTED_FOR_HOME_COUNCIL = .8
OFFICER_OF_HOME_COUNCIL = .6
MEMBERSHIPS_PER_PERSON = 5.5
MAX_MEMBERSHIPS = 60
ELECTED_ALPHA = 1.3                 # elected members sit on more bodies than anyone else
MIDDLE_INITIAL = .3
PEOPLE_PER_POST = 40                # max(5, people // 40) posts
POSTS_FILLED = .88
POST_TITLE_RATE = .35               # title rank ~ exponential: the first titles are common

# ---------------------------------------------------------------- body sizes

FULL_COUNCIL_SEATS = (45, 99)
EXECUTIVE_SEATS = (8, 12)
NETWORK_PARETO = (1.2, 50, 2500)    # alpha, scale, cap
OPEN_MEMBERSHIP = .06               # of programmes and (supporting) partnerships
OPEN_MEMBERSHIP_KINDS = ("programme", "partnership", "supporting_partnership")
OPEN_PARETO = (1.4, 50, 800)
# Current seats: (median, sigma) of a lognormal, clamped to SEATS_CLAMP.
SIZE = {
    "committee": (11, .3), "scrutiny_board": (13, .25), "area_committee": (10, .3),
    "strategic_partnership_board": (20, .35), "partnership_board": (16, .4),
    "trust": (10, .3), "programme": (12, .5), "supporting_partnership": (13, .45),
    "cluster_partnership": (12, .45), "panel": (9, .35), "partnership": (13, .45),
    "working_group": (8, .4), "other_body": (10, .55),
}
SEATS_CLAMP = (3, 60)
HISTORY_YEARS = 20                  # memberships are on record for at most this many years
TERM_YEARS = 4                      # a seat changes hands about once a term
HISTORY_SPREAD = .4                 # sigma of a lognormal factor on each body's past seats

# ------------------------------------------------------------- memberships

# Share of seats (elected members, officers, everyone else) by kind, before balancing.
MIX = {
    "full_council": (.97, .03, 0.), "executive": (.9, .1, 0.), "committee": (.85, .1, .05),
    "scrutiny_board": (.8, .08, .12), "area_committee": (.7, .15, .15),
    "strategic_partnership_board": (.2, .35, .45), "partnership_board": (.15, .35, .5),
    "trust": (.1, .2, .7), "programme": (.08, .5, .42), "supporting_partnership": (.1, .35, .55),
    "cluster_partnership": (.2, .3, .5), "panel": (.15, .45, .4), "partnership": (.08, .35, .57),
    "network": (.03, .15, .82), "working_group": (.04, .6, .36), "other_body": (.05, .45, .5),
}
DECLARES_COMPOSITION = .35          # of bodies other than networks
# on_behalf_of: cut-offs for missing, another organisation; the rest their own
ON_BEHALF_OF = (.09, .15)
NOMINATED = .75                     # of members of the kind a nomination right names
SEAT_OF_POST = .5                   # a post holder sits in their post
POST_ONLY = .05                     # ... and the record names only the post
CURRENT_START_UNKNOWN = .08
RECENT_YEARS = 6                    # current members joined within this many years
CURRENT_END_PLANNED = .08           # a current seat with an end date ahead
PAST_START_UNKNOWN = .05
# Declared: cut-offs for size and composition, size only; the rest composition only.
DECLARED = (.5, .85)
SPARE_SEATS = .3                    # declared size above the seats filled (1 to 3)
FEWER_SEATS = .1                    # a declared size below the seats filled (1 to 3)

CHAIRED = .95
CO_CHAIRS = .04
VICE_CHAIR = .5                     # of bodies of six or more
# Roles as (cut-offs, roles): the role after the first cut-off above a draw; past the
# last cut-off a member keeps the body's usual role (member, or trustee on trusts).
FIRST_OFFICER_ROLE = ((.6, .8), ("support_officer", "lead_officer", "member"))
OTHER_OFFICER_ROLE = ((.6, .85), ("member", "support_officer", "adviser"))
LAY_ROLE = ((.03, .05, .07, .08), ("observer", "attendee", "substitute", "adviser"))
PAST_OFFICER_ROLE = ((.25,), ("support_officer", "member"))
PAST_ROLE = ((.05, .09, .12), ("chair", "vice_chair", "observer"))

# ------------------------------------------------------------ relationships

NOMINATED_BY_COUNCIL = .15          # cut-offs: the executive or full council ...
NOMINATED_BY_BOARD = .20            # ... else a partnership board
STATUTORY_LINE = .4                 # of executives' and strategic boards' lines
INFORMAL_LINE = .3                  # of networks' and other bodies' lines
CHANGED_PARENT = .03
SECOND_LINE = .03
SCRUTINISED = {"strategic_partnership_board": .9, "partnership_board": .25}
SCRUTINY_ENDED = .05

# --------------------------------------------------------- register details

TERMS_OF_REFERENCE = (.7, .8)       # cut-offs for yes, no; the rest unknown
REVIEW_DATE = .3                    # of bodies not dissolved
CATEGORY_GIVEN = .85
ORGANISATION_GIVEN = .97
RESOURCED = .25                     # of bodies not dissolved
RESOURCED_BY_HOME = .4              # each of up to two more contributors
HOURS_LOGNORMAL = (8, .9)           # median, sigma
MONEY = .5
MONEY_LOGNORMAL = (12000, 1.1)
LEAD_POST = .5
ESTIMATE = (.5, .8)                 # cut-offs for yes, no; the rest unknown
ASSESSED = .3
ASSESSED_BY_HOME = .85
VALUES = ("high", "high", "medium", "medium", "medium", "low")
RISKS = ("high", "medium", "medium", "low", "low")
ADVICE = {"high": (("maintain", .6), ("increase", .9), ("review", 1.0)),
          "medium": (("maintain", .4), ("review", .8), ("reduce", 1.0)),
          "low": (("review", .4), ("reduce", .75), ("withdraw", 1.0))}
HIGH_RISK_REVIEW = .4
UNRATED = .1


# ----------------------------------------------------------------- helpers


def cumulative(weights: Sequence[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


def zipf(n: int, exponent: float) -> list[float]:
    """Cumulative weights 1 / r^exponent for the ranks 1..n."""
    return cumulative([1 / (r + 1) ** exponent for r in range(n)])


T = TypeVar("T")


def pick_weighted(rng: Random, items: Sequence[T], cum: Sequence[float]) -> T:
    return items[bisect(cum, rng.random() * cum[-1])]


def power_law(alpha: float, kmax: int) -> tuple[list[float], float]:
    """Cumulative weights of P(k) ~ k^-alpha on 1..kmax, and its mean."""
    weights = [k ** -alpha for k in range(1, kmax + 1)]
    return cumulative(weights), sum(k * w for k, w in enumerate(weights, 1)) / sum(weights)


def solve_alpha(mean: float, kmax: int) -> float:
    """The exponent whose truncated power law on 1..kmax has the given mean."""
    lo, hi = 0.0, 6.0
    for _ in range(60):
        mid = (lo + hi) / 2
        if power_law(mid, kmax)[1] > mean:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def organisation_count(bodies: int) -> int:
    return max(5, bodies // ORGANISATIONS_PER_BODY)


def kind_counts(bodies: int) -> dict[str, int]:
    """How many bodies of each kind, in :data:`BODY_ORDER`."""
    if bodies < 20:
        chosen = [SMALL_ORDER[i % len(SMALL_ORDER)] for i in range(bodies)]
        return {kind: chosen.count(kind) for kind in BODY_ORDER}
    top = max(1, bodies // BODIES_PER_COUNCIL)
    counts = {"full_council": top, "executive": top}
    for kind in BODY_ORDER[2:-1]:
        counts[kind] = max(1, round(BODY_SHARES[kind] * bodies))
    rest = bodies - sum(counts.values())
    while rest < 1:  # tiny networks: trim the biggest kinds, keep one other body
        big = max(("partnership", "working_group"), key=counts.__getitem__)
        counts[big] -= 1
        rest += 1
    counts["other_body"] = rest
    return counts


def area_counts(bodies: int) -> tuple[int, int, int, int]:
    """How many districts, administrative areas, wards and cluster areas."""
    districts = min(8, 1 + bodies // 2500)
    admin = min(60, max(3, bodies // 200))
    wards = min(700, max(10, bodies // 25))
    clusters = min(400, max(2, round(BODY_SHARES["cluster_partnership"] * bodies) // 2))
    return districts, admin, wards, clusters


def max_degree(bodies: int) -> int:
    """Most seats one person holds: 60, fewer when there are few bodies."""
    return max(1, min(MAX_MEMBERSHIPS, bodies // 3))


def target_mean(bodies: int) -> float:
    """Memberships per person: 5.5, fewer when there are few bodies."""
    return min(MEMBERSHIPS_PER_PERSON, max(1.0, max_degree(bodies) * .6))
