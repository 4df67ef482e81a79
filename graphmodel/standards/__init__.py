"""Standards files: which rules apply, how severe they are, and what guidance they rest on.

The default file (``default.yaml`` beside this module) encodes published
guidance; a council passes its own with ``--rules FILE``. A file is checked
when it is read, against the settings each rule declares
(:func:`graphmodel.registry.declared`), and a bad one is refused with the reason.
"""
from __future__ import annotations

import copy
import functools
from importlib import resources
from pathlib import Path
from typing import Callable, Sequence

# at the top: every review reads the default standards, so the command line defers this
# module, and the analyses that import it, until a review runs
import yaml

from graphmodel.model import BODY_KINDS, LEVELS, RECOMMENDATIONS
from graphmodel.problems import UsageError
from graphmodel.registry import SEVERITIES, Standards, declared

__all__ = ["RulesError", "load_rules", "with_defaults"]


class RulesError(UsageError):
    """A standards file that cannot be used."""


SettingCheck = Callable[[object], "str | None"]
"""A check of a setting's value read from a file: what is wrong with it, or None."""


def _default_text() -> str:
    return resources.files("graphmodel.standards").joinpath("default.yaml").read_text(
        encoding="utf-8")


@functools.cache
def _parsed_defaults() -> Standards:
    parsed: Standards = yaml.safe_load(_default_text())
    return parsed


def _defaults() -> Standards:
    """The default rules, a copy the caller may change."""
    return copy.deepcopy(_parsed_defaults())


def load_rules(path: str | Path | None = None) -> Standards:
    """The rules of a standards file (the default one when no path is given).

    A rule a file leaves out keeps its default settings; ``enabled: false`` turns it off.
    """
    if path is None:
        return _check(_defaults(), "default rules")
    where = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(f"{where}: cannot be read ({exc})") from None
    try:
        given = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f":{mark.line + 1}" if mark else ""
        raise RulesError(f"{where}{at}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    return with_defaults(given, where)


def with_defaults(given: object, where: str = "the rules given") -> Standards:
    """``given`` rules (topic -> rule -> settings) over the defaults, checked: a rule or
    setting left out keeps its default."""
    if not isinstance(given, dict):
        raise RulesError(f"{where}: a standards file is a mapping of topics to rules")
    rules = declared()
    merged = _defaults()
    for topic, named in given.items():
        if topic not in rules:
            raise RulesError(f"{where}: unknown topic {topic!r}; topics are {', '.join(rules)}")
        if not isinstance(named, dict):
            raise RulesError(f"{where}: {topic}: expected rules under it")
        for name, settings in named.items():
            if name not in rules[topic]:
                raise RulesError(f"{where}: {topic}: unknown rule {name!r}; rules are "
                                 f"{', '.join(rules[topic])}")
            if not isinstance(settings, dict):
                raise RulesError(f"{where}: {topic}.{name}: expected settings (severity, ...)")
            merged[topic][name].update(settings)
    return _check(merged, where)


def _check(rules: Standards, where: str) -> Standards:
    known = declared()
    for topic, named in rules.items():
        for name, settings in named.items():
            allowed = {**known[topic][name], "severity": "severity", "standard": "text",
                       "enabled": "bool"}
            for key, value in settings.items():
                at = f"{where}: {topic}.{name}.{key}"
                if key not in allowed:
                    raise RulesError(f"{at}: unknown setting; settings are "
                                     f"{', '.join(sorted(allowed))}")
                problem = _SETTING_CHECKS[allowed[key]](value)
                if problem:
                    raise RulesError(f"{at}: {problem}")
    return rules


def _kinds(value: object) -> str | None:
    if value == "all":
        return None
    if not isinstance(value, list) or not set(value) <= set(BODY_KINDS):
        bad = sorted(set(value) - set(BODY_KINDS)) if isinstance(value, list) else value
        return f"{bad!r} are not body kinds; use 'all' or a list of {', '.join(BODY_KINDS)}"
    return None


def _severity(value: object) -> str | None:
    return None if value in SEVERITIES else f"{value!r} is not info, warning or error"


def _count(value: object) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return None if ok else f"expected a whole number of 0 or more, not {value!r}"


def _amount(value: object) -> str | None:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0
    return None if ok else f"expected a number of 0 or more, not {value!r}"


def _mapping(keys: Sequence[str], values: Sequence[str], what: str) -> SettingCheck:
    def check(value: object) -> str | None:
        if not isinstance(value, dict) or not set(value) <= set(keys) or \
                not set(value.values()) <= set(values):
            return (f"expected a mapping from {', '.join(keys)} to one of "
                    f"{', '.join(values)} ({what})")
        return None
    return check


_SETTING_CHECKS: dict[str, SettingCheck] = {
    "kinds": _kinds, "severity": _severity, "count": _count, "amount": _amount,
    "text": lambda v: None if isinstance(v, str) else "expected text",
    "bool": lambda v: None if isinstance(v, bool) else "expected true or false",
    "words": lambda v: None if isinstance(v, list) and all(isinstance(w, str) for w in v)
    else "expected a list of words",
    "recommendations": _mapping(LEVELS, RECOMMENDATIONS, "value -> recommendation"),
    "severities": _mapping(RECOMMENDATIONS, SEVERITIES, "recommendation -> severity"),
}
