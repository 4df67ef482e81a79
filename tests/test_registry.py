"""Each topic is declared once, in the rule registry: the review commands and the manual's
table of them are made from it, and the manual's tables say what the code does."""
from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import graphmodel
from graphmodel import registry
from graphmodel.cli import main
from graphmodel.problems import EXIT_CODES, GraphmodelError
from graphmodel.reference import review_commands_reference
from graphmodel.registry import TOPICS, WHOLE_REVIEWS, review_commands

# the manual's page on reviewing, which holds the tables of review commands and rules
README = (Path(__file__).resolve().parent.parent / "docs" / "reviewing.md").read_text(
    encoding="utf-8")


def readme_review_table(readme: str) -> dict[str, tuple[list[str], str]]:
    """The manual's table of review commands: command -> (the rules it lists, what they
    mean for a reviewer)."""
    section = readme.split("<!-- review-commands -->\n")[1].split("<!-- /review-commands -->")[0]
    rows = {}
    for line in section.splitlines()[2:]:
        command, rules, meaning = (cell.strip() for cell in line.strip("|").split(" | "))
        rows[command.strip("`")] = (re.findall(r"`([\w-]+)`", rules), meaning)
    return rows


def registry_review_table() -> dict[str, tuple[list[str], str]]:
    """What the registry says that table holds: each topic's command with the rules of the
    topic, in the order they are declared; each whole review with every rule."""
    rows = {t.command.name: ([r.name for r in t.rules], t.command.meaning)
            for t in TOPICS.values()}
    rows.update({c.name: ([], c.meaning) for c in WHOLE_REVIEWS.values()})
    return rows


def test_the_readme_s_table_of_review_commands_lists_each_topic_s_rules():
    assert readme_review_table(README) == registry_review_table()
    assert review_commands_reference() in README
    assert "all of the above" in README.split("| `check` |")[1].split("\n")[0]


def test_a_rule_added_without_regenerating_the_readme_is_caught(monkeypatch):
    monkeypatch.setattr(registry, "_RULES", dict(registry._RULES))

    @registry.rule("overlaps", "same-chair-everywhere")
    def same_chair_everywhere(view, settings):
        """Someone who chairs more than one body."""
        return iter(())

    assert readme_review_table(README) != registry_review_table()
    assert registry_review_table()["overlaps"][0][-1] == "same-chair-everywhere"
    assert review_commands_reference() not in README


@pytest.mark.parametrize("name", sorted(review_commands()))
def test_each_review_command_exists_with_the_registry_s_help_line_first(name):
    result = CliRunner().invoke(main, [name, "--help"], terminal_width=80)
    assert result.exit_code == 0, result.output
    # the help printed: a usage line, a blank line, then the help's first paragraph
    lines = result.output.splitlines()
    assert lines[0].startswith("Usage: ") and f" {name} " in lines[0]
    first_paragraph = " ".join(lines[2:lines.index("", 2)])
    assert " ".join(first_paragraph.split()) == review_commands()[name].help
    assert main.commands[name].help.splitlines()[0] == review_commands()[name].help


def test_every_topic_has_a_review_command_of_its_own():
    commands = [t.command.name for t in TOPICS.values()]
    assert len(set(commands)) == len(TOPICS)
    assert set(commands) | set(WHOLE_REVIEWS) <= set(main.commands)


def _every_error_class() -> set[type[GraphmodelError]]:
    for module in pkgutil.walk_packages(graphmodel.__path__, "graphmodel."):
        importlib.import_module(module.name)
    found, todo = set(), [GraphmodelError]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return found


def test_every_error_s_exit_code_is_one_of_the_table_s():
    errors = _every_error_class()
    assert {"UsageError", "InvalidData", "ServerUnreachable", "LoadLocked"} <= \
        {e.__name__ for e in errors}
    outside = {e.__qualname__: e.exit_code for e in errors if e.exit_code not in EXIT_CODES}
    assert outside == {}
