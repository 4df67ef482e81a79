"""Dates as the reports give them: a day, a month or a year.

A record's date is kept as the text it was given ("2012-12", "2013-06-04"), so
nothing is invented. When a date is compared, a start counts from the first day
it could mean and an end runs to the last day it could mean.
"""
from __future__ import annotations

import calendar
import functools
import datetime as _dt
import re

__all__ = ["DateError", "parse_date", "earliest", "latest", "today"]

_PATTERN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)


class DateError(ValueError):
    """A date that is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD) or cannot exist."""


@functools.lru_cache(maxsize=1 << 16)
def parse_date(text: str) -> tuple[int, int | None, int | None]:
    """Split an ISO date of year, month or day precision, checking it can exist."""
    match = _PATTERN.fullmatch(text)
    if not match:
        raise DateError(f"{text!r} is not a date; write YYYY-MM-DD (or YYYY-MM, YYYY)")
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"{text!r} has no month {month}")
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise DateError(f"{text!r} does not exist: {calendar.month_name[month]} {year} "
                        f"has {calendar.monthrange(year, month)[1]} days")
    if year < 1000:
        raise DateError(f"{text!r} is before the year 1000")
    return year, month, day


@functools.lru_cache(maxsize=1 << 16)
def earliest(text: str) -> _dt.date:
    """The first day a (possibly partial) date can mean: use it for starts."""
    year, month, day = parse_date(text)
    return _dt.date(year, month or 1, day or 1)


@functools.lru_cache(maxsize=1 << 16)
def latest(text: str) -> _dt.date:
    """The last day a (possibly partial) date can mean: use it for ends."""
    year, month, day = parse_date(text)
    month = month or 12
    return _dt.date(year, month, day or calendar.monthrange(year, month)[1])


def today() -> _dt.date:
    return _dt.date.today()


def as_date(value: "str | _dt.date | None") -> _dt.date:
    """Accept a date, an ISO string (a partial one means its first day) or None (today)."""
    if value is None:
        return today()
    if isinstance(value, _dt.date):
        return value
    return earliest(value)
