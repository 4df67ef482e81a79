"""The command line: exact output, the exit codes of the README's table, never a traceback."""
from __future__ import annotations

import json
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from graphmodel import open_source
from graphmodel.cli import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _commands(group, path=()):
    for name, command in group.commands.items():
        yield path + (name,), command
        if isinstance(command, click.Group):
            yield from _commands(command, path + (name,))


def test_every_command_has_help():
    for path, command in _commands(main):
        result = run(*path, "--help")
        assert result.exit_code == 0, path
        first = command.help.split("\n")[0]
        assert first and " ".join(first.split()) in " ".join(result.output.split()), path


def test_validate_a_good_source_exits_0(dataset_dir):
    result = run("validate", dataset_dir)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "0 error(s), 0 warning(s)\n"


def test_validate_a_bad_source_prints_every_problem_and_exits_3(dataset_dir):
    people = dataset_dir / "people.csv"
    people.write_text(people.read_text(encoding="utf-8").replace("police", "polise"),
                      encoding="utf-8")
    result = run("validate", dataset_dir)
    assert result.exit_code == 3
    assert result.stdout == (f"{people}:3: organisation: unknown organisation 'polise' "
                             "(did you mean 'police'?)\n")
    assert "Traceback" not in result.output


def test_a_missing_source_is_a_usage_error(tmp_path):
    result = run("summary", tmp_path / "nowhere")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {tmp_path / 'nowhere'}: no such file or directory")


def test_an_unknown_option_is_a_usage_error(dataset_dir):
    assert run("summary", dataset_dir, "--colour").exit_code == 2
    assert run("summary", dataset_dir, "--as-of", "31/12/2013").exit_code == 2


def test_commands_on_invalid_data_exit_3_and_write_nothing(tmp_path, dataset_dir):
    (dataset_dir / "bodies.csv").write_bytes(b"")
    result = run("export", dataset_dir, "--to", "xlsx", "--out", tmp_path / "x.xlsx")
    assert result.exit_code == 3
    assert "file is empty" in result.stderr and "nothing was done" in result.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_summary_json_counts_every_record(dataset_dir):
    result = run("summary", dataset_dir, "--format", "json")
    data = json.loads(result.stdout)
    assert data["counts"]["memberships"] == 4
    assert data["counts"]["bodies"] == 4
    assert data["dataset"]["home_organisation"] == {"id": "council", "name": "Town Council"}
    assert data["as_of"] is None


def test_summary_as_of_counts_only_what_was_current(dataset_dir):
    data = json.loads(run("summary", dataset_dir, "--as-of", "2013-06-01", "--format",
                          "json").stdout)
    assert data["counts"]["bodies"] == 3          # the Town Initiative Board had gone
    assert data["counts"]["memberships"] == 2     # Bob's ended, and the old board's seat
    assert data["as_of"] == "2013-06-01"


def test_summary_table(dataset_dir):
    out = run("summary", dataset_dir).stdout
    assert out.splitlines()[0] == "Town partnerships (town), home organisation: Town Council"
    assert ["memberships", "4"] in [line.split() for line in out.splitlines()]


@pytest.mark.parametrize("what, expected", [
    ("bodies", {"board", "scrutiny", "old-board", "council-meeting"}),
    ("people", {"ann", "bob"}),
    ("organisations", {"council", "police"}),
])
def test_list_json_has_id_name_and_kind(dataset_dir, what, expected):
    rows = json.loads(run("list", what, dataset_dir, "--format", "json").stdout)
    assert {r["id"] for r in rows} == expected
    assert all(r["name"] and r["kind"] for r in rows)


def test_list_table(dataset_dir):
    out = run("list", "people", dataset_dir).stdout.splitlines()
    assert out[0].split() == ["id", "kind", "name"]
    assert out[2].split() == ["ann", "elected_member", "Ann", "Smith"]


@pytest.mark.parametrize("to, name", [("csv", "out"), ("xlsx", "out.xlsx"),
                                      ("popolo", "out.json")])
def test_export_then_read_back_is_the_same_network(tmp_path, dataset_dir, network, to, name):
    result = run("export", dataset_dir, "--to", to, "--out", tmp_path / name)
    assert result.exit_code == 0, result.output
    assert open_source(tmp_path / name) == network


@pytest.mark.parametrize("to", ["graphml", "gexf"])
def test_export_graph_formats(tmp_path, dataset_dir, to):
    assert run("export", dataset_dir, "--to", to, "--out", tmp_path / f"g.{to}").exit_code == 0
    assert (tmp_path / f"g.{to}").read_text(encoding="utf-8").startswith("<?xml")


def test_importing_the_cli_loads_no_heavy_library():
    code = ("import sys, graphmodel.cli; heavy = {'networkx', 'neo4j', 'openpyxl', 'pyvis'}; "
            "print(sorted(heavy & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_console_script_runs_without_a_traceback(dataset_dir):
    out = subprocess.run([sys.executable, "-m", "graphmodel.cli", "summary",
                          str(dataset_dir / "missing")], capture_output=True, text=True)
    assert out.returncode == 2 and "Traceback" not in out.stderr


def test_demo_reviews_both_seed_datasets(tmp_path):
    result = run("demo", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "== Harborough District Council partnerships, January 2014" in out
    assert "== Leeds City Council partnerships, 2011-2014" in out
    assert "review as of 2014-01-16:" in out and "review as of 2014-07-24:" in out
    assert "No one sits on the Leicestershire Together Partnership on behalf of Harborough " \
           "District Council." in out
    for dataset in ("leeds", "harborough"):
        assert {p.name for p in (tmp_path / dataset).iterdir()} == {
            "network.html", "accountability.html", "representation.html", "overlaps.html",
            "ego.html", "deck.html", "review"}
        assert (tmp_path / dataset / "review" / "report.md").exists()
    assert "puts £8,000 a year into the Leicester & Leicestershire Economic Partnership Board " \
           "but no one sits on it" in out
    assert "It reported to the Leeds Initiative Board until 2012-12, which was replaced by the " \
           "Best City Leadership Network" in out
