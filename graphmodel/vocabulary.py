"""The words an enum column allows: its values, and the other words sources use for them.

A :class:`Vocabulary` *is* the tuple of its values, so the schema and every module
that lists, checks or offers them (``enum=ROLES``, ``role in ROLES``, a drop-down
list) use it as before; :meth:`Vocabulary.canonical` reads a word as a register, an
appointments list, a council's site or a Popolo file writes it.
"""
from __future__ import annotations

import difflib
import re
from typing import Iterable, Mapping

__all__ = ["Vocabulary", "word_key"]

_SEPARATORS = re.compile(r"[\s\-_]+")


def word_key(word: str) -> str:
    """A word as it is compared: any case, spaces, hyphens or underscores alike.

    >>> word_key(" Vice-Chair_man ")
    'vice chair man'
    """
    return _SEPARATORS.sub(" ", word.lower()).strip()


class Vocabulary(tuple[str, ...]):
    """The values of an enum, in order, and their aliases.

    ``aliases`` maps each value to the other words for it; an alias ending in ``...``
    stands for any words after it (``"chair of ..."``: "Chair of Governors").

    >>> roles = Vocabulary(("chair", "vice_chair"), {"chair": ("chairman", "chair of ...")})
    >>> [roles.canonical(word) for word in ("Chairman", "VICE-CHAIR", "Chair of the Board")]
    ['chair', 'vice_chair', 'chair']
    >>> roles.canonical("chairmen") is None, "chair" in roles, roles[1]
    (True, True, 'vice_chair')
    """

    def __new__(cls, values: Iterable[str],
                aliases: Mapping[str, Iterable[str]] | None = None) -> Vocabulary:
        return super().__new__(cls, tuple(values))

    def __init__(self, values: Iterable[str],
                 aliases: Mapping[str, Iterable[str]] | None = None) -> None:
        words = {word_key(value): value for value in self}
        prefixes: list[tuple[str, str]] = []
        for value, others in (aliases or {}).items():
            if value not in self:
                raise ValueError(f"aliases for {value!r}, which is not one of {', '.join(self)}")
            for alias in others:
                key = word_key(alias.removesuffix("..."))
                if key in words and words[key] != value:
                    raise ValueError(f"{alias!r} is an alias of both {words[key]!r} and {value!r}")
                if alias.endswith("..."):
                    prefixes.append((key + " ", value))
                else:
                    words[key] = value
        self.words: dict[str, str] = words
        """Every word read, as :func:`word_key` gives it, and the value it means."""
        self.prefixes: tuple[tuple[str, str], ...] = tuple(prefixes)
        self._read: dict[str, str | None] = {}   # each word as written, once worked out

    def canonical(self, word: str) -> str | None:
        """The value ``word`` means (itself, or one it is an alias of); None if none."""
        try:
            return self._read[word]
        except KeyError:
            pass
        key = word_key(word)
        found = self.words.get(key)
        if found is None:
            found = next((value for prefix, value in self.prefixes if key.startswith(prefix)),
                         None)
        if len(self._read) < 4096:
            self._read[word] = found
        return found

    def suggest(self, word: str) -> str:
        """' (did you mean x?)' naming the value closest to ``word``, or the value of an
        alias very close to it ('chairmen': 'chair'), else ''."""
        key = word_key(word)
        values = {word_key(value): value for value in self}
        aliases = [alias for alias in self.words if alias not in values]
        close = (difflib.get_close_matches(key, list(values), n=1, cutoff=0.6)
                 or difflib.get_close_matches(key, aliases, n=1, cutoff=0.8))
        return f" (did you mean {self.words[close[0]]!r}?)" if close else ""

    def refusal(self, word: str) -> str:
        """What to say of a word that is none of the values nor an alias."""
        return f"{word.strip()!r} is not one of {', '.join(self)}" + self.suggest(word)
