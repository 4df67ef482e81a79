"""The manual's reference sections, generated from the schema, the rule registry, the
exit codes and the command line.

A developer's tool, above the command line it documents: ``python -m
graphmodel.reference`` rewrites the sections between their markers in place in the
README and every page of the manual (``docs/*.md``; or only the files named after
it), and a test checks they are up to date, so the documented columns, rules, exit
codes and commands are always the real ones.
"""
from __future__ import annotations

import inspect
import re
import sys
from pathlib import Path

import click

from graphmodel import cli
from graphmodel.column_help import describe_columns, describe_table
from graphmodel.io.tables import all_types
from graphmodel.problems import EXIT_CODES
from graphmodel.registry import TOPICS, WHOLE_REVIEWS, registered
from graphmodel.standards import load_rules

__all__ = ["columns_reference", "commands_reference", "rules_reference",
           "review_commands_reference", "exit_codes_reference", "SECTIONS", "update_page",
           "pages", "main"]


def columns_reference() -> str:
    """One Markdown table per record type: column, what it holds, what it means."""
    parts = []
    for rt in all_types():
        parts.append(f"### `{rt.name}.csv` — {describe_table(rt)}\n")
        parts.append("| column | holds | required | meaning |")
        parts.append("|---|---|---|---|")
        for name, holds, required, meaning in describe_columns(rt):
            parts.append(f"| `{name}` | {holds} | {required} | {meaning} |")
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def commands_reference() -> str:
    """Each command's --help, as the CLI prints it, under a heading naming it."""
    parts: list[str] = []
    root = click.Context(cli.main, info_name="graphmodel", terminal_width=88,
                         max_content_width=88, **cli.main.context_settings)

    def walk(group: click.Group, parent: click.Context) -> None:
        for name in sorted(group.commands):
            command = group.commands[name]
            with click.Context(command, info_name=name, parent=parent) as ctx:
                parts.append(f"## `{ctx.command_path}`\n")
                parts.append(f"```\n{command.get_help(ctx)}\n```\n")
                if isinstance(command, click.Group):
                    walk(command, ctx)
    walk(cli.main, root)
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


# Each marker's section and the function writing it; a page holds any of them, and each
# is in exactly one page (a test checks).
SECTIONS = {
    "exit-codes": exit_codes_reference,
    "review-commands": review_commands_reference,
    "columns": columns_reference,
    "rules": rules_reference,
    "commands": commands_reference,
}


def update_page(text: str) -> str:
    """The page with every generated section in it rewritten between its markers."""
    for marker, write in SECTIONS.items():
        pattern = re.compile(rf"(<!-- {marker} -->\n).*?(<!-- /{marker} -->)", re.S)
        if pattern.search(text):
            body = write()
            text = pattern.sub(lambda m: m.group(1) + body + m.group(2), text)
    return text


def pages(root: Path) -> list[Path]:
    """The README and the manual's pages under ``root``, the checkout."""
    return [root / "README.md", *sorted((root / "docs").glob("*.md"))]


def main(argv: list[str]) -> None:
    """Rewrite the files named, or the README and every page of the manual."""
    for page in [Path(a) for a in argv] or pages(Path(".")):
        text = page.read_text(encoding="utf-8")
        updated = update_page(text)
        if updated != text:
            page.write_text(updated, encoding="utf-8")
            print(f"rewrote {page}")


if __name__ == "__main__":
    main(sys.argv[1:])
