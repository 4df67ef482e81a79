"""Standards files: which rules apply, how severe they are, and what guidance they rest on.

The default file (``default.yaml`` beside this module) encodes published
guidance; a council passes its own with ``--rules FILE``. A file is checked
when it is read, and a bad one is refused with the reason.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from graphmodel.model import BODY_KINDS
from graphmodel.problems import GraphmodelError

__all__ = ["RulesError", "load_rules", "RULES"]


class RulesError(GraphmodelError):
    """A standards file that cannot be used."""
    exit_code = 2


# rule -> the settings it takes, beyond severity and standard
RULES: dict[str, dict[str, set[str]]] = {
    "representation": {
        "unrepresented": {"kinds"}, "empty-body": {"kinds"},
        "no-elected-member": {"kinds", "names_containing", "elected_posts"},
        "no-chair": {"kinds"}, "composition-unmet": {"support_roles"},
        "theme-uncovered": set(),
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
            allowed = RULES[topic][name] | {"severity", "standard", "enabled"}
            for key, value in settings.items():
                at = f"{where}: {topic}.{name}.{key}"
                if key not in allowed:
                    raise RulesError(f"{at}: unknown setting; settings are "
                                     f"{', '.join(sorted(allowed))}")
                if key == "severity" and value not in ("info", "warning", "error"):
                    raise RulesError(f"{at}: {value!r} is not info, warning or error")
                if key == "kinds" and value != "all":
                    if not isinstance(value, list) or not set(value) <= set(BODY_KINDS):
                        bad = sorted(set(value) - set(BODY_KINDS)) if isinstance(value, list) \
                            else value
                        raise RulesError(f"{at}: {bad!r} are not body kinds; use 'all' or "
                                         f"a list of {', '.join(BODY_KINDS)}")
                if key in ("names_containing", "elected_posts", "support_roles") and not (
                        isinstance(value, list) and all(isinstance(v, str) for v in value)):
                    raise RulesError(f"{at}: expected a list of words")
                if key == "enabled" and not isinstance(value, bool):
                    raise RulesError(f"{at}: expected true or false")
    return rules
