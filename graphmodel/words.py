"""Counted words as people write them: "1 document", "2 reporting lines", "3 bodies"."""
from __future__ import annotations

__all__ = ["count", "plural", "count_records", "TABLE_WORDS"]

_IRREGULAR = {"person": "people", "body": "bodies", "is": "are", "was": "were", "has": "have"}


def plural(n: int, word: str) -> str:
    """``word`` as it goes after the number ``n``; for a phrase, its last word changes.

    >>> plural(1, "reporting line"), plural(2, "reporting line"), plural(0, "body")
    ('reporting line', 'reporting lines', 'bodies')
    >>> plural(3, "match"), plural(2, "person"), plural(2, "day")
    ('matches', 'people', 'days')
    """
    if n == 1:
        return word
    head, _, last = word.rpartition(" ")
    if last in _IRREGULAR:
        last = _IRREGULAR[last]
    elif last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def count(n: int, word: str) -> str:
    """The number and the word: ``1 node``, ``2,000 nodes``, ``1 body``, ``0 bodies``.

    >>> count(1, "document"), count(2000, "warning"), count(1, "reporting line")
    ('1 document', '2,000 warnings', '1 reporting line')
    """
    return f"{n:,} {plural(n, word)}"


TABLE_WORDS = {
    "dataset": "dataset", "documents": "document", "organisations": "organisation",
    "areas": "area", "themes": "theme", "bodies": "body", "people": "person", "posts": "post",
    "memberships": "membership", "reporting_lines": "reporting line",
    "scrutiny_links": "scrutiny link", "nomination_rights": "nomination right",
    "successions": "succession", "resourcing": "resourcing row", "assessments": "assessment",
    "meetings": "meeting", "attendance": "attendance record",
}
"""What one record of each table is called, to count them in words."""


def count_records(n: int, table: str) -> str:
    """How many records of a table, in words: ``1 reporting line``, ``3 people``.

    >>> count_records(1, "reporting_lines"), count_records(3, "people")
    ('1 reporting line', '3 people')
    """
    if table not in TABLE_WORDS:
        return f"{n:,} {table.replace('_', ' ')}"
    return count(n, TABLE_WORDS[table])
