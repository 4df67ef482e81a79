"""Every command, driven with generated arguments and malformed files, never prints a
traceback and always exits with a code from the README's table; none is an internal error.

The commands are found by walking the click group (subgroups included), so a command
added later is driven too; each option gets values from its own type (choices, numbers,
flags) or from pools of odd paths, malformed CSV, workbook, JSON and YAML files, dates,
ids and URIs. Nothing here starts or stops a Neo4j server or leaves this machine: every URI
and `neo4j stop` point at a port on 127.0.0.1 where nothing listens (or one of ports 1-25),
and `neo4j start` is left out.
"""
from __future__ import annotations

import os
import socket
import zipfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from graphmodel import write_source
from graphmodel.cli import main
from graphmodel.problems import EXIT_CODES, INTERNAL

from conftest import small_network

# examples per command; GRAPHMODEL_PROPERTY_SCALE=20 multiplies them for a longer hunt
EXAMPLES = 60 * int(os.environ.get("GRAPHMODEL_PROPERTY_SCALE", "1"))
PASSWORD = "pw-never-shown-7c1e"   # set as NEO4J_PASSWORD: no output or details file holds it
LEFT_OUT = {("neo4j", "start")}    # would assemble and start a real server


def _commands(group: click.Group, path: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from _commands(command, path + (name,))
        elif path + (name,) not in LEFT_OUT:
            yield path + (name,), command


COMMANDS = dict(_commands(main))


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]   # released on return: nothing listens there


def _write_files(root: Path) -> dict[str, list[str]]:
    """Sources, rules files and output places, good and bad, under root."""
    good = write_source(small_network(), root / "town", "csv")
    bad_csv = write_source(small_network(), root / "bad csv", "csv")
    (bad_csv / "bodies.csv").write_text("id,name,kind\nboard,\"Board,unfinished\n",
                                        encoding="utf-8")
    (bad_csv / "memberships.csv").write_bytes(b"\xef\xbb\xbfid,body\nm1,nowhere\n\xff\xfe\n")
    headerless = root / "headerless"
    headerless.mkdir()
    (headerless / "dataset.csv").write_text("", encoding="utf-8")
    (root / "no-dataset").mkdir()
    (root / "no-dataset" / "people.csv").write_text("id,name\n", encoding="utf-8")
    (root / "not-a-workbook.xlsx").write_bytes(b"PK\x03\x04 truncated")
    with zipfile.ZipFile(root / "empty-zip.xlsx", "w") as z:
        z.writestr("hello.txt", "not a workbook")
    from openpyxl import Workbook
    book = Workbook()
    book.active.title = "bodies"
    book.active.append(["id", "kind"])
    book.active.append([None, 3.5])
    book.save(root / "odd-sheets.xlsx")
    for name, text in {"truncated.json": '{"persons": [', "list.json": "[1, 2]",
                       "wrong-types.json": '{"persons": 5, "organizations": [{"id": 7}],'
                                           ' "memberships": ["m"]}',
                       "empty.csv": "", "rules-broken.yaml": "overlaps: [",
                       "rules-odd.yaml": "overlaps: {person-load: {max_bodies: -1}}\n- x",
                       "rules-list.yaml": "- a list"}.items():
        (root / name).write_text(text, encoding="utf-8")
    full = root / "full folder"
    full.mkdir()
    (full / "notes.txt").write_text("someone's notes", encoding="utf-8")
    port = _closed_port()
    uris = [f"bolt://127.0.0.1:{port}", f"neo4j://127.0.0.1:{port}", "http://127.0.0.1:1",
            "bolt://[::1", "bolt://127.0.0.1:99999", "nonsense://x", "bolt://",
            f"bolt://neo4j:{PASSWORD}@127.0.0.1:{port}"]
    sources = [str(p) for p in (good, bad_csv, headerless, root / "no-dataset",
                                root / "missing", root / "not-a-workbook.xlsx",
                                root / "empty-zip.xlsx", root / "odd-sheets.xlsx",
                                root / "truncated.json", root / "list.json",
                                root / "wrong-types.json", root / "empty.csv",
                                root / "rules-broken.yaml")] + uris + ["", "-"]
    outputs = [str(p) for p in (root / "out" / "new", root / "out" / "new.html",
                                root / "out" / "new.xlsx", full, good / "bodies.csv", root,
                                root / "out" / "ünïcode name")]
    rules = [str(root / n) for n in ("rules-broken.yaml", "rules-odd.yaml", "rules-list.yaml",
                                     "missing.yaml")] + [str(full)]
    return {"sources": sources, "outputs": outputs, "rules": rules, "uris": uris,
            "port": [str(port)]}


@pytest.fixture(scope="module")
def pools(tmp_path_factory):
    return _write_files(tmp_path_factory.mktemp("cli-properties"))


TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
               max_size=12)


def _mostly(good: list[str], odd: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A good value four times in five, so that most runs get past the option parser."""
    return st.integers(0, 4).flatmap(lambda n: odd if n == 4 else st.sampled_from(good))


DATES = _mostly(["2013-06-01", "2014", "2013-06", "2014-01-16"],
                st.sampled_from(["31/12/2013", "2013-02-30", "tomorrow"]) | TEXT)
IDS = _mostly(["board", "council", "ann", "nowhere", "scrutiny", "Town Council",
               "unrepresented", "person-load"], TEXT)


def _value(param: click.Parameter, pools: dict[str, list[str]]) -> st.SearchStrategy[str]:
    """A value for one parameter: mostly of its type, sometimes not."""
    name, kind = param.name or "", param.type
    if isinstance(kind, click.Choice):
        return _mostly(list(kind.choices), st.just("not-a-choice"))
    if isinstance(kind, (click.IntRange, click.types.IntParamType)):
        # small: generate writes as many bodies and people as it is asked for
        return _mostly([str(n) for n in range(1, 26)],
                       st.integers(-2, 0).map(str) | st.sampled_from(["ten", "1e3", ""]))
    if name in ("out", "root", "seed_data"):
        return st.sampled_from(pools["outputs"])
    if name == "rules_file":
        return st.sampled_from(pools["rules"])
    if name in ("source", "sources"):   # the good dataset in half the runs
        return st.integers(0, 1).flatmap(lambda n: st.sampled_from(pools["sources"][n:]))
    if name == "uri":
        return st.sampled_from(pools["uris"])
    if name in ("as_of", "start", "end"):
        return DATES
    return IDS


@st.composite
def arguments(draw, command: click.Command, pools: dict[str, list[str]]) -> list[str]:
    args: list[str] = []
    for param in command.params:
        if isinstance(param, click.Argument):
            count = draw(st.integers(0, 3)) if param.nargs == -1 else 1
            args += [draw(_value(param, pools)) for _ in range(count)]
        elif param.required or draw(st.integers(0, 2)) == 2:   # else in a third of runs
            flag = param.opts[0]
            if param.is_flag:
                args.append(flag)
            else:
                for _ in range(draw(st.integers(1, 2)) if param.multiple else 1):
                    args += [flag, draw(_value(param, pools))]
    if command.name in ("stop", "status") and "--port" not in args:
        # they find a server graphmodel started on the port wherever it was started: never
        # the default port, where one may run on this machine
        args += ["--port", pools["port"][0]]
    if command.name == "demo" and "--seed-data" not in args:
        # demo without --seed-data reviews the bundled seed data: slow, and nothing odd
        args += ["--seed-data", draw(st.sampled_from(pools["sources"][:5]))]
    return args


@pytest.mark.parametrize("path", list(COMMANDS), ids=" ".join)
def test_no_command_prints_a_traceback_or_exits_outside_the_table(path, pools, tmp_path_factory,
                                                                 monkeypatch):
    details = tmp_path_factory.mktemp("details")
    monkeypatch.chdir(details)   # map without --out writes into the working directory
    env = {"NEO4J_URI": pools["uris"][0], "NEO4J_PASSWORD": PASSWORD,
           "NEO4J_USERNAME": "neo4j", "GRAPHMODEL_HOME": str(details / "home"),
           "GRAPHMODEL_DEBUG": None, "TMPDIR": str(details), "COLUMNS": "80"}

    @settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def run(data):
        args = data.draw(arguments(COMMANDS[path], pools))
        note(f"graphmodel {' '.join(path + tuple(args))}")
        import tempfile
        tempfile.tempdir = str(details)   # where internal errors' details go
        try:
            result = CliRunner().invoke(main, [*path, *args], env=env)
        finally:
            tempfile.tempdir = None
        assert result.exception is None or isinstance(result.exception, SystemExit), \
            result.exc_info
        assert "Traceback" not in result.output
        assert PASSWORD not in result.output
        assert result.exit_code in EXIT_CODES, result.output
        assert result.exit_code != INTERNAL, result.output
    run()
    for written in details.glob("graphmodel-error-*"):
        assert PASSWORD not in written.read_text(encoding="utf-8")
