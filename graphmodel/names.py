"""Did-you-mean hints for an id or name that is not known.

Where an id is expected, a record's name is not taken for it silently: in data,
:func:`suggest_id` names the id it belongs to, so that the source can be mended;
the command line takes a name that is one record's for its id, saying so.
"""
from __future__ import annotations

import difflib
from typing import Any, Iterable, Mapping

__all__ = ["suggest", "closest", "named", "suggest_id"]


def suggest(value: str, choices: Iterable[str]) -> str:
    """' (did you mean x?)' when a close match exists, else ''.

    >>> suggest("cluster-brigshw", ["cluster-brigshaw", "cluster-inner-east"])
    " (did you mean 'cluster-brigshaw'?)"
    >>> suggest("health", ["cluster-brigshaw"])
    ''
    """
    match = closest(value, choices)
    return f" (did you mean {match!r}?)" if match else ""


def closest(value: str, choices: Iterable[str]) -> str | None:
    """The choice nearest to ``value``, if one is near enough to be what was meant."""
    match = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return match[0] if match else None


def named(value: str, *tables: Mapping[str, Any]) -> list[str]:
    """The ids of the records whose name is ``value``, whatever its case and spacing.

    >>> from types import SimpleNamespace as R
    >>> named("stroud district  council", {"stroud-dc": R(name="Stroud District Council")})
    ['stroud-dc']
    """
    wanted = " ".join(str(value).split()).casefold()
    return [key for table in tables for key, record in table.items()
            if " ".join(str(getattr(record, "name", "") or "").split()).casefold() == wanted]


def suggest_id(value: str, *tables: Mapping[str, Any]) -> str:
    """A did-you-mean hint for an unknown id: the id of the one record named ``value``,
    else the ids of the records of that name, else (as :func:`suggest`) a near id.

    >>> from types import SimpleNamespace as R
    >>> orgs = {"stroud-dc": R(name="Stroud District Council"), "glos-cc": R(name="GCC")}
    >>> suggest_id("Stroud District Council", orgs)
    " (did you mean 'stroud-dc' (Stroud District Council)?)"
    >>> suggest_id("glos-c", orgs)
    " (did you mean 'glos-cc'?)"
    """
    ids = named(value, *tables)
    if len(ids) == 1:
        record = next(table[ids[0]] for table in tables if ids[0] in table)
        return f" (did you mean {ids[0]!r} ({record.name})?)"
    if ids:
        return (f" (it is the name of {len(ids)} records, whose ids are "
                f"{', '.join(map(repr, ids))}: give one of them)")
    return suggest(value, [key for table in tables for key in table])
