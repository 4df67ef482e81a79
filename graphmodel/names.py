"""Did-you-mean hints for an id or name that is not known."""
from __future__ import annotations

import difflib
from typing import Iterable

__all__ = ["suggest"]


def suggest(value: str, choices: Iterable[str]) -> str:
    """' (did you mean x?)' when a close match exists, else ''.

    >>> suggest("cluster-brigshw", ["cluster-brigshaw", "cluster-inner-east"])
    " (did you mean 'cluster-brigshaw'?)"
    >>> suggest("health", ["cluster-brigshaw"])
    ''
    """
    match = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {match[0]!r}?)" if match else ""
