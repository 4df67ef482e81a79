"""Imports are at the top of modules, except of what ``graphmodel.startup`` defers.

An import inside a function is allowed only of a deferred library or module, or of a
graphmodel module that loads one when imported (at its top, directly or through its
own top-level graphmodel imports): deferring that spares start-up. Anything else
belongs at the top, where a reader sees what a module stands on and import-linter's
layers are not hidden. One test per module, so ``-k graphmodel/io/`` picks a part.
"""
from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

import graphmodel
from graphmodel.startup import DEFERRED_LIBRARIES, DEFERRED_MODULES

PACKAGE = Path(graphmodel.__file__).parent
FILES = sorted(PACKAGE.rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in FILES}


class Imports(ast.NodeVisitor):
    """A module's imports: those run when it is imported (``top``) and those inside
    functions (``inside``, with their lines); those only for the type checker are left out."""

    def __init__(self, name: str, is_package: bool):
        self.package = name if is_package else name.rpartition(".")[0]
        self.top: list[str] = []
        self.inside: list[tuple[int, str]] = []
        self.depth = 0

    def visit_If(self, node: ast.If) -> None:
        test = node.test
        if (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
                isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"):
            for statement in node.orelse:
                self.visit(statement)
            return
        self.generic_visit(node)

    def _in_function(self, node: ast.AST) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _in_function

    def _note(self, lineno: int, targets: list[str]) -> None:
        if self.depth:
            self.inside.extend((lineno, target) for target in targets)
        else:
            self.top.extend(targets)

    def visit_Import(self, node: ast.Import) -> None:
        self._note(node.lineno, [alias.name for alias in node.names])

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = node.module or ""
        if node.level:
            package = self.package.split(".")
            package = package[:len(package) - node.level + 1]
            base = ".".join(package + ([base] if base else []))
        # ``from graphmodel import render`` imports the module graphmodel.render
        self._note(node.lineno, [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES
                                 else base for alias in node.names])


@functools.cache
def imports(name: str) -> Imports:
    path = MODULES[name]
    found = Imports(name, path.name == "__init__.py")
    found.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    return found


def deferred(target: str) -> bool:
    return target in DEFERRED_MODULES or any(
        target == library or target.startswith(library + ".") for library in DEFERRED_LIBRARIES)


def loaded_with(name: str) -> set[str]:
    """Every module importing ``name`` loads: its packages, its imports at the top and
    theirs, over graphmodel's modules."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        parts = module.split(".")
        todo.extend(".".join(parts[:n]) for n in range(1, len(parts)))
        if module in MODULES:
            todo.extend(imports(module).top)
    return seen


def may_defer(target: str) -> bool:
    """True when importing ``target`` inside a function spares loading something deferred."""
    return any(deferred(module) for module in loaded_with(target))


def misplaced(name: str) -> list[str]:
    return [f"{MODULES[name].relative_to(PACKAGE.parent)}:{line}: {target} is imported inside "
            "a function; import it at the top of the module (graphmodel.startup names "
            "what may be deferred)"
            for line, target in imports(name).inside if not may_defer(target)]


@pytest.mark.parametrize("name", sorted(MODULES),
                         ids=[str(MODULES[n].relative_to(PACKAGE.parent)) for n in sorted(MODULES)])
def test_imports_are_at_the_top_unless_deferred_for_start_up(name):
    found = misplaced(name)
    assert not found, "\n".join(found)


def test_an_import_inside_a_function_is_refused_unless_it_spares_a_deferred_library(tmp_path):
    source = ("import json\n"
              "from graphmodel import problems\n"
              "def light():\n    import csv\n    from graphmodel.problems import errors\n"
              "def heavy():\n    import networkx\n    from scipy import sparse\n"
              "    from importlib.metadata import version\n"
              "    from graphmodel.io.tables import Collected\n"
              "    from graphmodel.io.csvdir import read_csv_dir\n"
              "def typed():\n    from typing import TYPE_CHECKING\n"
              "    if TYPE_CHECKING:\n        import csv\n")
    found = Imports("graphmodel.example", False)
    found.visit(ast.parse(source))
    assert found.top == ["json", "graphmodel.problems"]
    assert [(line, t) for line, t in found.inside if not may_defer(t)] == [
        (4, "csv"), (5, "graphmodel.problems"), (13, "typing")]
    # the CSV reader is deferred because it stands on the table reader, which is
    assert "graphmodel.io.tables" in loaded_with("graphmodel.io.csvdir")
    assert not may_defer("importlib.resources") and not may_defer("graphmodel.problems")


def test_relative_imports_are_read_as_the_modules_they_name():
    found = Imports("graphmodel.io.csvdir", False)
    found.visit(ast.parse("from .tables import Collected\nfrom .. import dates\n"
                          "from ..store import connection\n"))
    assert found.top == ["graphmodel.io.tables", "graphmodel.dates", "graphmodel.store.connection"]
