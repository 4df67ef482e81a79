"""Standards files: which rules apply, how severe they are, and what guidance they rest on.

The default file (``default.yaml`` beside this module) encodes published
guidance; a council passes its own with ``--rules FILE``. A file is checked
when it is read, and a bad one is refused with the reason.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from graphmodel.model import BODY_KINDS, LEVELS, RECOMMENDATIONS
from graphmodel.problems import UsageError

SEVERITIES = ("info", "warning", "error")

__all__ = ["RulesError", "load_rules", "RULES"]


class RulesError(UsageError):
    """A standards file that cannot be used."""


# rule -> the settings it takes (beyond severity, standard, enabled) and what each must be
RULES: dict[str, dict[str, dict[str, str]]] = {
    "representation": {
        "unrepresented": {"kinds": "kinds"}, "representation-unrecorded": {"kinds": "kinds"},
        "holder-not-named": {"kinds": "kinds"},
        "empty-body": {"kinds": "kinds"},
        "no-elected-member": {"kinds": "kinds", "names_containing": "words",
                              "elected_posts": "words"},
        "no-chair": {"kinds": "kinds"}, "composition-unmet": {"support_roles": "words"},
        "theme-uncovered": {},
    },
    "accountability": {
        "no-accountability-line": {"kinds": "kinds", "root_kinds": "kinds",
                                   "severity_when_broken": "severity"},
        "accountability-cycle": {},
        "multiple-parents": {"line_kinds": "words"},
        "long-chain": {"max_lines": "count"},
        "unscrutinised": {"kinds": "kinds"},
        "scrutiny-conflict": {},
    },
    "overlaps": {
        "person-load": {"max_bodies": "count"},
        "interlock": {"min_shared": "count", "top": "count"},
        "broker": {"top": "count", "sample": "count", "min_bodies": "count"},
        "single-point-of-failure": {"min_cut_off": "count"},
        "remit-overlap": {"kinds": "kinds", "top": "count"},
    },
    "resources": {
        "resourced-but-unrepresented": {},
        "resources-unrecorded": {},
        "recommendation": {"by_value": "recommendations", "significant_money": "amount",
                           "significant_hours": "amount", "severities": "severities"},
    },
}


def _default_text() -> str:
    return resources.files("graphmodel.rules").joinpath("default.yaml").read_text(encoding="utf-8")


def load_rules(path: str | Path | None = None) -> dict[str, dict[str, dict[str, Any]]]:
    """The rules of a standards file (the default one when no path is given).

    A rule a file leaves out keeps its default settings; ``enabled: false`` turns it off.
    """
    import yaml

    defaults = yaml.safe_load(_default_text())
    if path is None:
        return _check(defaults, "default rules")
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
    if not isinstance(given, dict):
        raise RulesError(f"{where}: a standards file is a mapping of topics to rules")
    merged = {topic: dict(rules) for topic, rules in defaults.items()}
    for topic, rules in given.items():
        if topic not in RULES:
            raise RulesError(f"{where}: unknown topic {topic!r}; topics are {', '.join(RULES)}")
        if not isinstance(rules, dict):
            raise RulesError(f"{where}: {topic}: expected rules under it")
        for name, settings in rules.items():
            if name not in RULES[topic]:
                raise RulesError(f"{where}: {topic}: unknown rule {name!r}; rules are "
                                 f"{', '.join(RULES[topic])}")
            if not isinstance(settings, dict):
                raise RulesError(f"{where}: {topic}.{name}: expected settings (severity, ...)")
            merged[topic][name] = {**merged[topic].get(name, {}), **settings}
    return _check(merged, where)


def _check(rules: dict[str, Any], where: str) -> dict[str, Any]:
    for topic, named in rules.items():
        for name, settings in named.items():
            allowed = {**RULES[topic][name], "severity": "severity", "standard": "text",
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


def _kinds(value: Any) -> str | None:
    if value == "all":
        return None
    if not isinstance(value, list) or not set(value) <= set(BODY_KINDS):
        bad = sorted(set(value) - set(BODY_KINDS)) if isinstance(value, list) else value
        return f"{bad!r} are not body kinds; use 'all' or a list of {', '.join(BODY_KINDS)}"
    return None


def _severity(value: Any) -> str | None:
    return None if value in SEVERITIES else f"{value!r} is not info, warning or error"


def _count(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return None if ok else f"expected a whole number of 0 or more, not {value!r}"


def _amount(value: Any) -> str | None:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0
    return None if ok else f"expected a number of 0 or more, not {value!r}"


def _mapping(keys: tuple[str, ...], values: tuple[str, ...], what: str):
    def check(value: Any) -> str | None:
        if not isinstance(value, dict) or not set(value) <= set(keys) or \
                not set(value.values()) <= set(values):
            return (f"expected a mapping from {', '.join(keys)} to one of "
                    f"{', '.join(values)} ({what})")
        return None
    return check


_SETTING_CHECKS = {
    "kinds": _kinds, "severity": _severity, "count": _count, "amount": _amount,
    "text": lambda v: None if isinstance(v, str) else "expected text",
    "bool": lambda v: None if isinstance(v, bool) else "expected true or false",
    "words": lambda v: None if isinstance(v, list) and all(isinstance(w, str) for w in v)
    else "expected a list of words",
    "recommendations": _mapping(LEVELS, RECOMMENDATIONS, "value -> recommendation"),
    "severities": _mapping(RECOMMENDATIONS, SEVERITIES, "recommendation -> severity"),
}
