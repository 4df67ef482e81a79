"""The README's reference sections, generated from the schema and the CLI.

``python -m graphmodel.docs`` rewrites them in place; a test checks the README
is up to date, so the documented columns and commands are always the real ones.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from graphmodel.io.tables import all_types

__all__ = ["columns_reference", "commands_reference", "rules_reference", "update_readme",
           "describe_table", "describe_columns"]

_KIND_WORDS = {"text": "text", "int": "whole number", "number": "number", "date": "date",
               "bool": "yes/no", "list": "ids separated by ;", "composition": "kind=count; ..."}


_COMMON = {
    "id": "unique within the table; other tables refer to the record by it",
    "name": "the name as the documents give it",
    "kind": "what sort of record it is",
    "notes": "anything worth knowing that has no column of its own",
    "title": "the document's title", "publisher": "who published it",
    "date": "when it was published or decided",
    "description": "a line about the dataset",
}


def describe_table(rt) -> str:
    """What a record type is, in one line."""
    return rt.cls.__doc__.strip().splitlines()[0]


def describe_columns(rt) -> list[tuple[str, str, str, str]]:
    """(column, what it holds, required, meaning) for each column of a record type."""
    rows = []
    for f in rt.fields:
        meta = f.metadata
        holds = _KIND_WORDS[meta["kind"]]
        if meta["ref"]:
            holds = " or ".join(f"{t} id" for t in meta["ref"])
            holds += "s" if meta["kind"] == "list" else ""
        if meta["enum"]:
            holds = ", ".join(meta["enum"])
        required = "yes" if meta["required"] and f.default is None else (
            f"default {f.default}" if isinstance(f.default, str) else "")
        rows.append((f.name, holds, required, meta["doc"] or _COMMON.get(f.name, "")))
    return rows


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
    import click
    from graphmodel.cli import main

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


# the command that runs each topic's rules
_COMMANDS = {"representation": "gaps", "accountability": "chains", "overlaps": "overlaps",
             "resources": "resources"}


def _setting(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, dict):
        return ", ".join(f"{k} → {v}" for k, v in value.items())
    return str(value)


def rules_reference() -> str:
    """One row per rule, from its declaration, its docstring and the default standards:
    the command that runs it, its default severity and settings, what a finding means."""
    import inspect

    from graphmodel.rules import load_rules
    from graphmodel.rules.registry import registered

    defaults = load_rules()
    parts = ["| rule | command | severity | settings (default) | what a finding means |",
             "|---|---|---|---|---|"]
    for name, declared in registered().items():
        given = defaults[declared.topic][name]
        settings = "; ".join(f"`{key}`: {_setting(given[key])}" for key in declared.settings)
        meaning = " ".join((inspect.getdoc(declared.check) or "").split("\n\n")[0].split())
        parts.append(f"| `{name}` | `{_COMMANDS[declared.topic]}` | {given['severity']} | "
                     f"{settings or '—'} | {meaning.replace('``', '`')} |")
    return "\n".join(parts) + "\n"


def _replace(text: str, marker: str, body: str) -> str:
    pattern = re.compile(rf"(<!-- {marker} -->\n).*?(<!-- /{marker} -->)", re.S)
    if not pattern.search(text):
        raise ValueError(f"README has no <!-- {marker} --> section")
    return pattern.sub(lambda m: m.group(1) + body + m.group(2), text)


def update_readme(text: str) -> str:
    text = _replace(text, "columns", columns_reference())
    text = _replace(text, "rules", rules_reference())
    return _replace(text, "commands", commands_reference())


if __name__ == "__main__":
    readme = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    readme.write_text(update_readme(readme.read_text(encoding="utf-8")), encoding="utf-8")
