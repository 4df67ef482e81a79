"""The README's reference sections, generated from the schema, the rule registry, the
exit codes and the command line.

A developer's tool, above the command line it documents: ``python -m
graphmodel.reference README.md`` rewrites the sections between their markers in
place, and a test checks the README is up to date, so the documented columns,
rules, exit codes and commands are always the real ones.
"""
from __future__ import annotations

import inspect
import re
import sys
from pathlib import Path

import click

from graphmodel.cli import main
from graphmodel.column_help import describe_columns, describe_table
from graphmodel.io.tables import all_types
from graphmodel.problems import EXIT_CODES
from graphmodel.registry import TOPICS, WHOLE_REVIEWS, registered
from graphmodel.standards import load_rules

__all__ = ["columns_reference", "commands_reference", "rules_reference",
           "review_commands_reference", "exit_codes_reference", "update_readme"]


def columns_reference() -> str:
    """One Markdown table per record type: column, what it holds, what it means."""
    parts = []
    for rt in all_types():
        parts.append(f"#### `{rt.name}.csv` — {describe_table(rt)}\n")
        parts.append("| column | holds | required | meaning |")
        parts.append("|---|---|---|---|")
        for name, holds, required, meaning in describe_columns(rt):
            parts.append(f"| `{name}` | {holds} | {required} | {meaning} |")
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def commands_reference() -> str:
    """Each command's --help, as the CLI prints it."""
    parts: list[str] = []
    root = click.Context(main, info_name="graphmodel", terminal_width=88,
                         max_content_width=88, **main.context_settings)

    def walk(group: click.Group, parent: click.Context) -> None:
        for name in sorted(group.commands):
            command = group.commands[name]
            with click.Context(command, info_name=name, parent=parent) as ctx:
                parts.append(f"```\n{command.get_help(ctx)}\n```\n")
                if isinstance(command, click.Group):
                    walk(command, ctx)
    walk(main, root)
    return "\n".join(parts)


def _setting(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, dict):
        return ", ".join(f"{k} → {v}" for k, v in value.items())
    return str(value)


def rules_reference() -> str:
    """One row per rule, from its declaration, its docstring and the default standards:
    the command that runs it, its default severity and settings, what a finding means."""
    defaults = load_rules()
    parts = ["| rule | command | severity | settings (default) | what a finding means |",
             "|---|---|---|---|---|"]
    for name, declared in registered().items():
        given = defaults[declared.topic][name]
        settings = "; ".join(f"`{key}`: {_setting(given[key])}" for key in declared.settings)
        meaning = " ".join((inspect.getdoc(declared.check) or "").split("\n\n")[0].split())
        command = TOPICS[declared.topic].command.name
        parts.append(f"| `{name}` | `{command}` | {given['severity']} | "
                     f"{settings or '—'} | {meaning.replace('``', '`')} |")
    return "\n".join(parts) + "\n"


def review_commands_reference() -> str:
    """One row per review command, from the registry: the rules it runs and what its
    findings mean for a reviewer."""
    parts = ["| command | rules | what they mean for a reviewer |", "|---|---|---|"]
    for topic in TOPICS.values():
        rules = ", ".join(f"`{r.name}`" for r in topic.rules)
        parts.append(f"| `{topic.command.name}` | {rules} | {topic.command.meaning} |")
    for command in WHOLE_REVIEWS.values():
        parts.append(f"| `{command.name}` | all of the above | {command.meaning} |")
    return "\n".join(parts) + "\n"


def exit_codes_reference() -> str:
    """The exit codes every command shares, and what each means."""
    rows = [f"| {code} | {meaning} |" for code, meaning in EXIT_CODES.items()]
    return "\n".join(["| code | meaning |", "|---|---|", *rows]) + "\n"


def _replace(text: str, marker: str, body: str) -> str:
    pattern = re.compile(rf"(<!-- {marker} -->\n).*?(<!-- /{marker} -->)", re.S)
    if not pattern.search(text):
        raise ValueError(f"README has no <!-- {marker} --> section")
    return pattern.sub(lambda m: m.group(1) + body + m.group(2), text)


def update_readme(text: str) -> str:
    text = _replace(text, "exit-codes", exit_codes_reference())
    text = _replace(text, "review-commands", review_commands_reference())
    text = _replace(text, "columns", columns_reference())
    text = _replace(text, "rules", rules_reference())
    return _replace(text, "commands", commands_reference())


if __name__ == "__main__":
    readme = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    readme.write_text(update_readme(readme.read_text(encoding="utf-8")), encoding="utf-8")
