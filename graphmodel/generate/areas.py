"""The areas plan: the county, its districts, administrative areas, wards and clusters."""
from __future__ import annotations

from dataclasses import dataclass
from random import Random

from graphmodel.generate import distributions as d
from graphmodel.generate.vocabulary import COMPASS, COUNTY


@dataclass(frozen=True, slots=True)
class Areas:
    """Area ``i`` is ``a{i + 1}``; ``0`` is the county."""

    name: tuple[str, ...]
    kind: tuple[str, ...]
    parent: tuple[int | None, ...]
    districts: tuple[int, ...]
    admins: tuple[int, ...]
    wards: tuple[int, ...]
    clusters: tuple[int, ...]


def plan_areas(rng: Random, bodies: int, places: tuple[str, ...]) -> Areas:
    districts, admin, wards, clusters = d.area_counts(bodies)
    names = [COUNTY]
    kinds = ["county"]
    parents: list[int | None] = [None]
    unused = list(places)
    rng.shuffle(unused)

    def add(name: str, kind: str, parent: int | None) -> int:
        names.append(name)
        kinds.append(kind)
        parents.append(parent)
        return len(names) - 1

    district_ids = [add(unused.pop() + (" City" if x == 0 else " District"),
                        "city" if x == 0 else "district", 0) for x in range(districts)]
    admin_ids = []
    for a in range(admin):
        district = district_ids[a % districts]
        town = names[district].rsplit(" ", 1)[0]
        compass = COMPASS[(a // districts) % len(COMPASS)]
        round_ = (a // districts) // len(COMPASS)
        admin_ids.append(add(f"{town} {compass}" + (f" {round_ + 1}" if round_ else ""),
                             "administrative_area", district))
    ward_ids = [add(unused.pop(), "ward", admin_ids[w % admin]) for w in range(wards)]
    cluster_ids = []
    for c in range(clusters):
        size = 2 + (rng.random() < d.CLUSTER_OF_THREE)
        members = [ward_ids[(c * 2 + k) % wards] for k in range(size)]
        words = [names[m] for m in members]
        cluster_ids.append(add(", ".join(words[:-1]) + " and " + words[-1], "cluster_area",
                               parents[members[0]]))
    return Areas(name=tuple(names), kind=tuple(kinds), parent=tuple(parents),
                 districts=tuple(district_ids), admins=tuple(admin_ids),
                 wards=tuple(ward_ids), clusters=tuple(cluster_ids))
