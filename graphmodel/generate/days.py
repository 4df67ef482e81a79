"""Days as the tables write them (ISO 8601), every one from 1970 to four years after
:data:`~graphmodel.generate.distributions.AS_OF` made once and shared, since a million
memberships carry two days each."""
from __future__ import annotations

import datetime as _dt

from graphmodel.generate.distributions import TODAY

FIRST = _dt.date(1970, 1, 1).toordinal()
ISO = [_dt.date.fromordinal(FIRST + i).isoformat() for i in range(TODAY - FIRST + 4 * 366)]


def day(ordinal: int | None) -> str | None:
    """The ISO text of a day given as an ordinal (None stays None)."""
    if ordinal is None:
        return None
    i = ordinal - FIRST
    return ISO[i] if 0 <= i < len(ISO) else _dt.date.fromordinal(ordinal).isoformat()
