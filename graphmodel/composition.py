"""A body's declared composition: how many seats of each kind its terms of reference set.

It is written ``partner=11; elected_member=4`` in a cell and kept in that form on the
Body record (``declared_composition``).
"""
from __future__ import annotations

import re

__all__ = ["composition", "normalise_composition"]

_PART = re.compile(r"^\s*([a-z_]+)\s*=\s*(\d+)\s*$")


def normalise_composition(text: str) -> str | None:
    """The composition written as a cell holds it, tidied; None if blank. Raises
    ValueError saying what to write when a part is not ``kind=number``.

    >>> normalise_composition(" Partner = 11 ;elected_member=04")
    'partner=11; elected_member=4'
    """
    text = text.strip()
    if not text:
        return None
    parts = []
    for part in text.split(";"):
        match = _PART.match(part.lower())
        if not match:
            raise ValueError(f"{part.strip()!r} is not 'kind=number'; write e.g. "
                             "partner=11; elected_member=4")
        try:
            count = int(match.group(2))
        except ValueError:  # more digits than Python converts
            raise ValueError(f"the number in {part.strip()[:40]!r} is too long") from None
        parts.append(f"{match.group(1)}={count}")
    return "; ".join(parts)


def composition(text: str | None) -> dict[str, int]:
    """A declared composition as seats by kind.

    >>> composition("partner=11; elected_member=4")
    {'partner': 11, 'elected_member': 4}
    >>> composition(None)
    {}
    """
    if not text:
        return {}
    return {k.strip(): int(v) for k, v in (p.split("=") for p in text.split(";"))}
