"""Pseudonymising a network for public papers: people become "Elected member 3".

People's names are replaced with stable labels by kind, numbered in the order
the source lists them, and their ids (which are often made from their names)
with the same label; memberships and posts get plain numbered ids too, since
theirs often carry a surname. Free-text notes, where people are named in
passing, are dropped from every record. Any other text that spells out a
person's full name (a body named after a councillor) has the name replaced.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import Callable

from graphmodel.model import SCHEMA, Network, Record

__all__ = ["pseudonymise", "LABELS"]

LABELS = {"elected_member": "Elected member", "officer": "Officer",
          "partner_representative": "Partner representative",
          "co_opted_member": "Co-opted member", "community_member": "Community member",
          "other": "Person"}


def _renamed() -> dict[str, str]:
    """The tables whose ids are replaced (those whose ids often carry a person's name) ->
    the word their new ids are numbered after (``membership-3``)."""
    return {rt.name: rt.key for rt in SCHEMA.record_types if rt.personal_ids}


def _new_ids(network: Network) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """New ids per renamed table, and each person's old name -> label."""
    ids: dict[str, dict[str, str]] = {}
    names: dict[str, str] = {}
    numbers: Counter[str] = Counter()
    people = {}
    for person in network.people.values():
        label = LABELS.get(person.kind, "Person")
        numbers[label] += 1
        people[person.id] = f"{label} {numbers[label]}"
        names[person.name] = people[person.id]
    ids["people"] = {pid: re.sub(r"\W+", "-", label.lower()) for pid, label in people.items()}
    ids["_labels"] = people
    for table, word in _renamed().items():
        if table != "people":   # named above, after the kind of person
            ids[table] = {rid: f"{word}-{i}"
                          for i, rid in enumerate(network.tables[table], start=1)}
    return ids, names


def _scrubber(names: dict[str, str]) -> Callable[[str], str]:
    """Replace any full name in a text with its label (longest names first)."""
    if not names:
        return lambda text: text
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)
                                  if n.strip()))
    return lambda text: pattern.sub(lambda m: names[m.group(0)], text)


def _rewrite(record: Record, table: str, ids: dict[str, dict[str, str]],
             scrub: Callable[[str], str]) -> Record:
    changes: dict[str, object] = {}
    renamed = SCHEMA.derived(_renamed)
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        refs = f.metadata.get("ref") or ()
        if f.name == "notes":
            changes["notes"] = None
        elif f.name == "id" and table in ids:
            changes["id"] = ids[table][value]
        elif refs and refs[0] in renamed and value is not None:
            changes[f.name] = ids[refs[0]].get(value, value)
        elif isinstance(value, str) and f.metadata.get("kind") == "text" and not refs \
                and f.name != "id":
            changes[f.name] = scrub(value)
    if table == "people":
        changes["name"] = ids["_labels"][record.id]
    return dataclasses.replace(record, **changes)


def pseudonymise(network: Network) -> tuple[Network, dict[str, str]]:
    """A copy of the network with no person's name in it, and old -> new node keys.

    Returns
    -------
    (network, renamed): the pseudonymised network, and for each renamed person
    and post its old node key (``person:mike-love``) -> new one, so a focus
    given by its real id still finds it.
    """
    ids, names = _new_ids(network)
    scrub = _scrubber(names)
    records = []
    for rt in SCHEMA.record_types:
        for record in network.tables[rt.name].values():
            records.append(_rewrite(record, rt.name, ids, scrub))
    dataset = dataclasses.replace(network.dataset,
                                  description=scrub(network.dataset.description or "") or None)
    renamed = {f"{rt.node}:{old}": f"{rt.node}:{new}" for rt in SCHEMA.record_types
               if rt.node and rt.personal_ids for old, new in ids[rt.name].items()}
    return Network(dataset, records), renamed
