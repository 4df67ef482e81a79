"""Did-you-mean hints for an id or name that is not known."""
from __future__ import annotations

import difflib
from typing import Iterable

__all__ = ["suggest", "closest"]


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
