"""Dates as the reports give them: a day, a month or a year.

A record's date is kept as the text it was given ("2012-12", "2013-06-04"), so
nothing is invented. When a date is compared, a start counts from the first day
it could mean and an end runs to the last day it could mean.

Cells are read by :func:`read_date`: ISO text, and ``DD/MM/YYYY`` as officers in
the UK type it (``31/03/2014`` is kept as ``2014-03-31``). Anything else is refused
with the ISO form it most probably means, when one can be worked out.
"""
from __future__ import annotations

import calendar
import functools
import datetime as _dt
import re

__all__ = ["DateError", "parse_date", "read_date", "earliest", "latest", "today"]

_PATTERN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)
_UK = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})", re.ASCII)


class DateError(ValueError):
    """A date that is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD) or cannot exist."""


@functools.lru_cache(maxsize=1 << 16)
def parse_date(text: str) -> tuple[int, int | None, int | None]:
    """Split an ISO date of year, month or day precision, checking it can exist."""
    match = _PATTERN.fullmatch(text)
    if not match:
        raise DateError(f"{text!r} is not a date; write YYYY-MM-DD (or YYYY-MM, YYYY)")
    year = int(match[1])
    month = int(match[2]) if match[2] else None
    day = int(match[3]) if match[3] else None
    if month is not None:  # the pattern holds a day only after a month
        if not 1 <= month <= 12:
            raise DateError(f"{text!r} has no month {month}")
        days = calendar.monthrange(year, month)[1]
        if day is not None and not 1 <= day <= days:
            raise DateError(f"{text!r} does not exist: {calendar.month_name[month]} {year} "
                            f"has {days} days")
    if year < 1000:
        raise DateError(f"{text!r} is before the year 1000")
    return year, month, day


def read_date(text: str) -> str:
    """A cell's date as ISO text: ISO as it is, ``DD/MM/YYYY`` (day first) converted.

    Raises DateError naming the ISO form the text probably means, if any.
    """
    uk = _UK.fullmatch(text)
    iso = f"{uk[3]}-{int(uk[2]):02d}-{int(uk[1]):02d}" if uk else text
    try:
        parse_date(iso)
    except DateError as exc:
        if uk:  # say what was read: 31/02/2014 is the 31st of February
            raise DateError(f"{text!r} (day/month/year) {str(exc).split(' ', 1)[1]}") from None
        guess = probable_iso(text)
        if guess is not None:
            raise DateError(f"{text!r} is not a date graphmodel reads; write {guess} "
                            "(YYYY-MM-DD, YYYY-MM, YYYY or DD/MM/YYYY)") from None
        if _PATTERN.fullmatch(text):
            raise  # ISO, but a day or month that cannot exist
        raise DateError(f"{text!r} is not a date; write YYYY-MM-DD (or YYYY-MM, YYYY, "
                        "DD/MM/YYYY)") from None
    return iso


_MONTHS = {name.lower(): number for names in (calendar.month_name, calendar.month_abbr)
           for number, name in enumerate(names) if name} | {"sept": 9}
_NUMERIC = re.compile(r"(\d{1,4})[./\-\s](\d{1,2})[./\-\s](\d{1,4})", re.ASCII)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})", re.ASCII)
_TIMESTAMP = re.compile(r"(\d{4}-\d{2}-\d{2})[t ]\d{1,2}:\d{2}.*", re.ASCII)
_SERIAL = re.compile(r"[1-9]\d{4}", re.ASCII)  # an Excel date cell formatted as a number
_EXCEL_EPOCH = _dt.date(1899, 12, 30)
_MONTH_YEAR = re.compile(r"(\d{1,2})[./\-](\d{4})", re.ASCII)
_WORDS = re.compile(r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([a-z]+)\.?,?\s+(?:(\d{1,2})"
                    r"(?:st|nd|rd|th)?,?\s+)?(\d{4})")


def probable_iso(text: str) -> str | None:
    """The ISO date a non-ISO text most probably means (day before month), or None."""
    text = text.strip()
    for pattern, build in ((_TIMESTAMP, lambda m: m[1]),
                           (_COMPACT, lambda m: f"{m[1]}-{m[2]}-{m[3]}"),
                           (_SERIAL, _serial),
                           (_NUMERIC, _numeric), (_MONTH_YEAR, lambda m: f"{m[2]}-{int(m[1]):02d}"),
                           (_WORDS, _words)):
        match = pattern.fullmatch(text.lower())
        guess = build(match) if match else None
        if guess:
            try:
                parse_date(guess)
            except DateError:
                return None
            return guess
    return None


def _serial(match: re.Match) -> str | None:
    day = _EXCEL_EPOCH + _dt.timedelta(days=int(match[0]))
    return day.isoformat() if 1950 <= day.year <= 2100 else None


def _numeric(match: re.Match) -> str | None:
    first, second, third = match.groups()
    if len(first) == 4:  # 2014/03/31
        return f"{first}-{int(second):02d}-{int(third):02d}"
    if len(third) == 4:  # 31.03.2014, day first as the UK writes it
        return f"{third}-{int(second):02d}-{int(first):02d}"
    return None


def _words(match: re.Match) -> str | None:
    day_before, month_name, day_after, year = match.groups()
    month = _MONTHS.get(month_name)
    if month is None or (day_before and day_after):
        return None
    day = day_before or day_after
    return f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")


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
