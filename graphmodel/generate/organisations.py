"""The organisations plan: the home council, the county-wide partners, local ones."""
from __future__ import annotations

from dataclasses import dataclass
from random import Random

from graphmodel.generate import distributions as d
from graphmodel.generate.vocabulary import (ANCHORS, COMMUNITY_KINDS, COUNTY, ORG_NAMES,
                                            PREFIXES, SUFFIXES)


@dataclass(frozen=True, slots=True)
class Organisations:
    """Organisation ``i`` is ``o{i + 1}``; ``0`` is the home council."""

    kind: tuple[str, ...]
    name: tuple[str, ...]
    parent: tuple[int | None, ...]
    places: tuple[str, ...]             # every place name, shuffled (areas draw from it)
    partners: tuple[int, ...]           # everyone but the home council, anchors first
    partner_cum: tuple[float, ...]
    community: tuple[int, ...]          # third sector, faith, education, other
    community_cum: tuple[float, ...]
    other_councils: tuple[int, ...]     # town and parish councils

    def partner(self, rng: Random) -> int:
        """A partner organisation, the big county-wide ones the most likely."""
        return d.pick_weighted(rng, self.partners, self.partner_cum)

    def community_group(self, rng: Random) -> int:
        return d.pick_weighted(rng, self.community, self.community_cum)


def plan_organisations(rng: Random, bodies: int) -> Organisations:
    n = d.organisation_count(bodies)
    places = [p + s for p in PREFIXES for s in SUFFIXES]
    rng.shuffle(places)
    kinds: list[str] = []
    names: list[str] = []
    parents: list[int | None] = []
    anchor_of: dict[str, int] = {}
    for kind, template in ANCHORS[:n]:
        anchor_of.setdefault(kind, len(kinds))
        kinds.append(kind)
        names.append(template.format(county=COUNTY))
        parents.append(None)
    kind_names = [k for k, _ in d.ORG_KIND_WEIGHTS]
    kind_cum = d.cumulative([w for _, w in d.ORG_KIND_WEIGHTS])
    used = set(names)
    while len(kinds) < n:
        kind = d.pick_weighted(rng, kind_names, kind_cum)
        place = places[rng.randrange(len(places))]
        name = rng.choice(ORG_NAMES[kind]).format(p=place, county=COUNTY)
        if name in used:
            continue
        used.add(name)
        kinds.append(kind)
        names.append(name)
        parents.append(_local_parent(rng, kind, name, anchor_of))
    partners = tuple(range(1, n))
    community = tuple(i for i in partners if kinds[i] in COMMUNITY_KINDS) or partners
    return Organisations(
        kind=tuple(kinds), name=tuple(names), parent=tuple(parents), places=tuple(places),
        partners=partners, partner_cum=tuple(d.zipf(len(partners), d.PARTNER_ZIPF)),
        community=community, community_cum=tuple(d.zipf(len(community), d.COMMUNITY_ZIPF)),
        other_councils=tuple(i for i, k in enumerate(kinds) if k == "local_authority" and i))


def _local_parent(rng: Random, kind: str, name: str, anchor_of: dict[str, int]) -> int | None:
    if kind in d.EMERGENCY_BRANCHES:
        return anchor_of.get(kind)  # a local branch of the county-wide service
    if kind == "nhs" and ("Primary Care" in name or "Practice" in name) \
            and rng.random() < d.PRACTICE_UNDER_ICB:
        return anchor_of.get("nhs")  # the integrated care board
    return None
