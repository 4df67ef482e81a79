"""Dates as the reports give them: a day, a month or a year.

A record's date is kept as the text it was given ("2012-12", "2013-06-04"), so
nothing is invented. When a date is compared, a start counts from the first day
it could mean and an end runs to the last day it could mean.

Every reader (a register's CSV files and workbook, an appointments list, a
ModernGov site, a Popolo file) and the command line's date options read dates with
:func:`read_date`, so each takes the same forms and refuses the others with the same
message; a date is kept in ISO (``31/03/2014`` is kept as ``2014-03-31``).
"""
from __future__ import annotations

import calendar
import functools
import datetime as _dt
import re

__all__ = ["DateError", "parse_date", "read_date", "earliest", "latest", "today"]

_PATTERN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)


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


def read_date(value: object) -> str | None:
    """A date as a source or the command line gives it, as ISO text; None when blank.

    Read: ISO (``2014-03-31``, also unpadded ``2014-3-31``; ``2014-03``; ``2014``; a date
    and time, whose day is kept); day first as the UK writes it (``31/03/2014``,
    ``3/4/2014``, ``31.03.2014``, ``31-03-2014``); year first (``2014/03/31``); a month
    and year (``03/2014``, ``March 2014``, ``Sept 2014``); a day in words (``1st May
    2019``, ``May 1, 2019``, ``01-May-2019``); and a date cell (a ``date``).

    Raises DateError for anything else: a spreadsheet's number for a day (``41729``) or a
    two-digit year (``31.03.14``) with the date it probably means; a day that cannot
    exist, saying how it was read; otherwise the forms to write.

    >>> read_date("1st May 2019"), read_date("31/03/2014"), read_date("Sept 2019")
    ('2019-05-01', '2014-03-31', '2019-09')
    >>> read_date("31.03.14")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    graphmodel.dates.DateError: '31.03.14' has a two-digit year (did you mean 2014-03-31?)...
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        text = value.isoformat()
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))  # a number cell: 41729.0 is 41729
    else:
        text = " ".join(str(value).split())
    return _read_text(text) if text else None


_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", re.ASCII)
_ISO_TIME = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                       r"(?:Z|[+-]\d{2}:?\d{2})?", re.ASCII | re.IGNORECASE)
_YEAR_FIRST = re.compile(r"(\d{4})([/.])(\d{1,2})\2(\d{1,2})", re.ASCII)
_DAY_FIRST = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})", re.ASCII)
_MONTH_YEAR = re.compile(r"(\d{1,2})[/.\-](\d{4})", re.ASCII)
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
_WORDS = re.compile(rf"(?:{_ORDINAL}[\s\-])?([a-z]+)\.?,?[\s\-](?:{_ORDINAL},?\s)?"
                    r"(\d{4}|\d{2})", re.ASCII | re.IGNORECASE)
_MONTHS = {name.lower(): number for names in (calendar.month_name, calendar.month_abbr)
           for number, name in enumerate(names) if name} | {"sept": 9}
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})", re.ASCII)
_SERIAL = re.compile(r"[1-9]\d{4}", re.ASCII)  # an Excel date cell formatted as a number
_EXCEL_EPOCH = _dt.date(1899, 12, 30)
_FORMS = "write YYYY-MM-DD (or YYYY-MM, YYYY, DD/MM/YYYY)"
_DMY = " (day/month/year)"


@functools.lru_cache(maxsize=1 << 16)
def _read_text(text: str) -> str:
    """:func:`read_date` of a text that is not blank, its spaces collapsed."""
    if match := _ISO.fullmatch(text) or _ISO_TIME.fullmatch(text):
        return _exists(_iso(match[1], match[2], match[3]), text)
    if match := _YEAR_FIRST.fullmatch(text):
        return _exists(_iso(match[1], match[3], match[4]), text)
    if match := _DAY_FIRST.fullmatch(text):
        return _day_first(text, match[4], match[3], match[1], _DMY)
    if match := _MONTH_YEAR.fullmatch(text):
        return _exists(_iso(match[2], match[1]), text)
    words = _WORDS.fullmatch(text)
    if words and words[2].lower() in _MONTHS and not (words[1] and words[3]):
        return _day_first(text, words[4], str(_MONTHS[words[2].lower()]),
                          words[1] or words[3], "")
    if (match := _COMPACT.fullmatch(text)) and (guess := _possible(_iso(*match.groups()))):
        raise DateError(f"{text!r} is not a date graphmodel reads (did you mean {guess}?); "
                        + _FORMS)
    if (match := _SERIAL.fullmatch(text)) and (guess := _serial(int(match[0]))):
        raise DateError(f"{text!r} is a spreadsheet's number for a day, not a date (did you "
                        f"mean {guess}?); format the cell as a date, or write {guess}")
    raise DateError(f"{text!r} is not a date; {_FORMS}")


def _iso(year: str, month: str | None = None, day: str | None = None) -> str:
    return year + (f"-{int(month):02d}" if month else "") + (f"-{int(day):02d}" if day else "")


def _exists(iso: str, text: str, order: str = "") -> str:
    """``iso`` when it can exist; else DateError naming the text as given and, in
    ``order``, how it was read."""
    try:
        parse_date(iso)
    except DateError as exc:
        raise DateError(f"{text!r}{order} {str(exc).split(' ', 1)[1]}") from None
    return iso


def _possible(iso: str) -> str | None:
    try:
        parse_date(iso)
    except DateError:
        return None
    return iso


def _day_first(text: str, year: str, month: str, day: str | None, order: str) -> str:
    """A date written day (if given) before month before year; a two-digit year refused
    with the date it probably means (69-99 in the 1900s, as POSIX reads ``%y``)."""
    if len(year) == 2:
        century = 1900 if int(year) >= 69 else 2000
        guess = _exists(_iso(str(century + int(year)), month, day), text, order if day else "")
        raise DateError(f"{text!r} has a two-digit year (did you mean {guess}?); write the "
                        "year in full")
    return _exists(_iso(year, month, day), text, order if day else "")


def _serial(number: int) -> str | None:
    day = _EXCEL_EPOCH + _dt.timedelta(days=number)
    return day.isoformat() if 1950 <= day.year <= 2100 else None


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
