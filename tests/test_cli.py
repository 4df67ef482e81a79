"""The command line: exact output, the exit codes of the README's table, never a traceback."""
from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from graphmodel import open_source
from graphmodel.cli import main
from graphmodel.startup import DEFERRED_LIBRARIES, DEFERRED_MODULES


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _commands(group, path=()):
    for name, command in group.commands.items():
        yield path + (name,), command
        if isinstance(command, click.Group):
            yield from _commands(command, path + (name,))


def test_every_command_explains_itself_and_each_of_its_options():
    """`graphmodel --help` lists every command with its summary, and each command's
    --help says what it does and explains every option it takes."""
    words = lambda text: " ".join(text.split())
    # wide enough that no text is wrapped, nor a word split at its hyphen
    wide = lambda *args: CliRunner().invoke(main, list(args), terminal_width=1000,
                                            max_content_width=1000)
    listed = [line.split(None, 1) for line in wide("--help").output.split("Commands:")[1]
              .splitlines() if line.strip()]
    assert {name for name, _ in listed} == set(main.commands)
    for path, command in _commands(main):
        result = wide(*path, "--help")
        assert result.exit_code == 0, path
        shown = words(result.output)
        summary = words((command.help or "").split("\n\n")[0])
        assert len(summary.split()) >= 5 and summary in shown, path
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert words(param.help or ""), (path, param.opts)
                assert f"{', '.join(param.opts)}" in shown and words(param.help) in shown, \
                    (path, param.opts)


def test_an_option_that_means_one_thing_has_one_help_text_in_every_command():
    helps: dict[str, set[str]] = {}
    for _, command in _commands(main):
        for param in command.params:
            if isinstance(param, click.Option):
                helps.setdefault(param.opts[0], set()).add(param.help)
    # what --out writes, --to (a format to export, a day to diff to) and --org (the
    # organisation reviewed, or the one making the appointments imported) differ by command
    assert {name for name, texts in helps.items() if len(texts) > 1} == {"--out", "--to",
                                                                       "--org"}
    assert len(helps["--org"]) == 2


def test_validate_a_good_source_exits_0_saying_what_it_read(dataset_dir, network):
    result = run("validate", dataset_dir)
    assert result.exit_code == 0
    assert result.stdout == ""
    # the dataset's row and the 21 records of the other tables, in the 17 files written
    assert 1 + sum(network.counts().values()) == 22 and len(list(dataset_dir.glob("*.csv"))) == 17
    assert result.stderr == f"read 22 records in 17 tables from {dataset_dir}: 0 errors, 0 warnings\n"


def test_validate_a_bad_source_prints_every_problem_and_exits_3(dataset_dir):
    people = dataset_dir / "people.csv"
    people.write_text(people.read_text(encoding="utf-8").replace("police", "polise"),
                      encoding="utf-8")
    result = run("validate", dataset_dir)
    assert result.exit_code == 3
    assert result.stdout == (f"{people}:3: organisation: unknown organisation 'polise' "
                             "(did you mean 'police'?)\n")
    assert result.stderr == (f"read 22 records in 17 tables from {dataset_dir}: 1 error, "
                             "0 warnings\n")


def test_a_missing_source_is_a_usage_error(tmp_path):
    result = run("summary", tmp_path / "nowhere")
    assert result.exit_code == 2
    assert result.stderr == (f"error: {tmp_path / 'nowhere'}: no such file or directory; "
                             "SOURCE is a dataset directory, an .xlsx workbook or a Popolo "
                             ".json file\n")


def test_an_unknown_option_is_a_usage_error(dataset_dir):
    colour = run("summary", dataset_dir, "--colour")
    assert colour.exit_code == 2
    assert colour.stderr.splitlines()[-1] == "Error: No such option '--colour'."
    short_year = run("summary", dataset_dir, "--as-of", "31/12/13")
    assert short_year.exit_code == 2
    assert short_year.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--as-of': '31/12/13' has a two-digit year (did you mean "
        "2013-12-31?); write the year in full")


def test_commands_on_invalid_data_exit_3_and_write_nothing(tmp_path, dataset_dir):
    (dataset_dir / "bodies.csv").write_bytes(b"")
    result = run("export", dataset_dir, "--to", "xlsx", "--out", tmp_path / "x.xlsx")
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"{dataset_dir / 'bodies.csv'}: file is empty; it needs at least a header row naming "
        "the columns",
        "error: 1 problem in the source; nothing was done"]
    assert not (tmp_path / "x.xlsx").exists()


def test_summary_json_counts_what_is_current_today_when_the_dataset_declares_no_date(
        dataset_dir):
    import datetime

    result = run("summary", dataset_dir, "--format", "json")
    data = json.loads(result.stdout)
    assert data["counts"]["memberships"] == 2     # Bob's ended, and the old board's seat
    assert data["counts"]["bodies"] == 3
    assert data["dataset"]["home_organisation"] == {"id": "council", "name": "Town Council"}
    today = datetime.date.today().isoformat()
    assert data["as_of"] == today
    assert result.stderr == f"as of {today} (today; the dataset declares no date)\n"


def test_summary_as_of_counts_only_what_was_current(dataset_dir):
    data = json.loads(run("summary", dataset_dir, "--as-of", "2013-06-01", "--format",
                          "json").stdout)
    assert data["counts"]["bodies"] == 3          # the Town Initiative Board had gone
    assert data["counts"]["memberships"] == 2     # Bob's ended, and the old board's seat
    assert data["as_of"] == "2013-06-01"


def test_summary_table(dataset_dir):
    out = run("summary", dataset_dir, "--as-of", "2012-06-01").stdout
    assert out.splitlines()[0] == ("Town partnerships (town), home organisation: Town Council, "
                                   "as of 2012-06-01")
    assert ["memberships", "4"] in [line.split() for line in out.splitlines()]


@pytest.mark.parametrize("what, expected", [
    ("bodies", {"board", "scrutiny", "old-board", "council-meeting"}),
    ("people", {"ann", "bob"}),
    ("organisations", {"council", "police"}),
])
def test_list_json_has_id_name_and_kind(dataset_dir, network, what, expected):
    rows = json.loads(run("list", what, dataset_dir, "--format", "json").stdout)
    assert {r["id"] for r in rows} == expected
    assert {r["id"]: (r["name"], r["kind"]) for r in rows} == {
        key: (record.name, record.kind) for key, record in network.tables[what].items()}


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
def test_export_graph_formats(tmp_path, dataset_dir, network, to):
    import networkx as nx
    assert run("export", dataset_dir, "--to", to, "--out", tmp_path / f"g.{to}").exit_code == 0
    graph = getattr(nx, f"read_{to}")(tmp_path / f"g.{to}")
    assert sorted(graph) == sorted(
        [f"organisation:{o}" for o in network.organisations] + [f"body:{b}" for b in network.bodies]
        + [f"person:{p}" for p in network.people] + [f"post:{p}" for p in network.posts])


def test_importing_the_cli_loads_no_heavy_library():
    # what the project defers for start-up time
    heavy = set(DEFERRED_LIBRARIES) | set(DEFERRED_MODULES)
    code = f"import sys, graphmodel.cli; print(sorted({heavy!r} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_console_script_runs_without_a_traceback(dataset_dir):
    out = subprocess.run([sys.executable, "-m", "graphmodel.cli", "summary",
                          str(dataset_dir / "missing")], capture_output=True, text=True)
    assert out.returncode == 2
    assert out.stderr == (f"error: {dataset_dir / 'missing'}: no such file or directory; "
                          "SOURCE is a dataset directory, an .xlsx workbook or a Popolo .json "
                          "file\n")


def test_demo_reviews_both_seed_datasets(tmp_path):
    result = run("demo", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "== Harborough District Council partnerships, January 2014" in out
    assert "== Leeds City Council partnerships, 2011-2014" in out
    assert "review as of 2014-01-16:" in out and "review as of 2014-07-24:" in out
    assert "No one sits on the Leicestershire Health and Wellbeing Board on behalf of " \
           "Harborough District Council: the source says it has no seat there." in out
    for dataset in ("leeds", "harborough"):
        assert {p.name for p in (tmp_path / dataset).iterdir()} == {
            "network.html", "accountability.html", "representation.html", "overlaps.html",
            "ego.html", "deck.html", "review"}
        assert {p.name for p in (tmp_path / dataset / "review").iterdir()} == {
            "index.html", "report.md", "findings.csv", "images", "matrix.html"}
    assert "puts £8,000 a year into the Leicester & Leicestershire Economic Partnership Board " \
           "but has no seat on it (the source says so)" in out
    assert "It reported to the Leeds Initiative Board until 2012-12, which was replaced by the " \
           "Best City Leadership Network" in out


# --- never a traceback: one guard around every command ------------------------------------

def _group_raising(exc: BaseException) -> click.Group:
    """A group with main's guard and --debug, whose one command raises ``exc``."""
    from graphmodel.cli import GuardedGroup

    group = GuardedGroup(params=[click.Option(["--debug"], is_flag=True)])

    @group.command()
    def boom():
        raise exc
    return group


def test_an_unexpected_error_is_one_line_and_a_details_file_without_credentials(
        tmp_path, monkeypatch):
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    secret = "s3cret-pass-word"
    group = _group_raising(RuntimeError(f"lost bolt://neo4j:{secret}@db:7687 with {secret}"))
    result = CliRunner().invoke(group, ["boom"], env={"NEO4J_PASSWORD": secret})
    assert result.exit_code == 4
    [line] = result.stderr.splitlines()
    details = next(tmp_path.glob("graphmodel-error-*.txt"))
    assert line == ("internal error: RuntimeError: lost bolt://[credentials]@db:7687 with "
                    f"[NEO4J_PASSWORD]; details in {details}; run with --debug to see the "
                    "traceback")
    text = details.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "in boom" in text
    assert secret not in text and secret not in result.output


def test_debug_shows_the_traceback(tmp_path):
    result = CliRunner().invoke(_group_raising(KeyError("x")), ["--debug", "boom"])
    assert result.exit_code == 4
    assert result.stderr.startswith("Traceback (most recent call last)")
    assert result.stderr.splitlines()[-1] == "internal error: KeyError: 'x'"


def test_ctrl_c_exits_130_without_a_traceback():
    result = CliRunner().invoke(_group_raising(KeyboardInterrupt()), ["boom"])
    assert (result.exit_code, result.stderr) == (130, "interrupted\n")


def readme_exit_codes() -> dict[int, str]:
    """The manual's table of exit codes (in the page on using graphmodel): code -> meaning."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "docs" / "using.md").read_text(
        encoding="utf-8")
    table = readme.split("| code | meaning |\n")[1].split("\n\n")[0]
    return {int(code): meaning
            for code, meaning in re.findall(r"^\| (\d+) \| (.+) \|$", table, re.M)}


def test_the_readme_s_exit_codes_are_those_the_commands_exit_with(tmp_path, dataset_dir,
                                                                  monkeypatch):
    """Each case runs a command and finds, in the README's table, that the code it exited
    with means what happened."""
    import shutil
    import socket
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))   # an internal error's details
    codes = readme_exit_codes()
    assert {0, 1, 2, 3, 4, 130} <= set(codes)
    bad = shutil.copytree(dataset_dir, tmp_path / "bad")      # Bob works for the 'polise'
    people = bad / "people.csv"
    people.write_text(people.read_text(encoding="utf-8").replace("police", "polise"),
                      encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]   # released on return: nothing listens there
    cases = [
        (("validate", dataset_dir), "success"),
        # the town's two warnings on 1 January 2013
        (("check", dataset_dir, "--as-of", "2013-01-01", "--fail-on", "warning"),
         "findings at or above `--fail-on`"),
        (("summary", tmp_path / "nowhere"), "a missing SOURCE"),
        (("summary", dataset_dir, "--as-of", "31/12/13"), "a bad option or value"),
        (("validate", bad), "invalid data: SOURCE has errors"),
        (("summary", f"bolt://127.0.0.1:{port}"), "Neo4j server unreachable"),
    ]
    for args, meaning in cases:
        result = run(*args)
        assert meaning in codes.get(result.exit_code, ""), (args, result.exit_code,
                                                            result.output)
    for exc, meaning in ((RuntimeError("a bug"), "internal error (a bug)"),
                         (KeyboardInterrupt(), "interrupted (Ctrl-C)")):
        result = CliRunner().invoke(_group_raising(exc), ["boom"])
        assert meaning in codes.get(result.exit_code, ""), (exc, result.exit_code)


@pytest.mark.parametrize("uri, says", [
    ("http://127.0.0.1:7474", "http://127.0.0.1:7474: an HTTP address; graphmodel talks to "
                              "Neo4j over Bolt: use bolt://127.0.0.1:7687 (Bolt's usual port)"),
    ("bolt://[::1", "'bolt://[::1' is not a Neo4j URI (Invalid IPv6 URL); it looks like "
                    "bolt://127.0.0.1:7687"),
    ("bolt://127.0.0.1:99999", "'bolt://127.0.0.1:99999' is not a Neo4j URI (Port out of "
                               "range 0-65535); it looks like bolt://127.0.0.1:7687"),
    # not echoed: without a scheme, the text may hold a password
    ("localhost:7687", "the URI is not a Neo4j URI: it should look like bolt://127.0.0.1:7687 "
                       "(schemes: bolt, bolt+s, bolt+ssc, neo4j, neo4j+s, neo4j+ssc)"),
])
def test_load_refuses_a_uri_that_is_not_neo4j_s(dataset_dir, uri, says):
    result = run("load", dataset_dir, "--uri", uri)
    assert (result.exit_code, result.stderr) == (2, f"error: {says}\n")


# --- where commands write -------------------------------------------------------------------

@pytest.mark.parametrize("to", ["xlsx", "popolo", "graphml"])
def test_export_onto_a_folder_asks_for_a_file_name(tmp_path, dataset_dir, to):
    result = run("export", dataset_dir, "--to", to, "--out", tmp_path)
    assert result.exit_code == 2
    example = tmp_path / f"network.{'json' if to == 'popolo' else to}"
    assert result.stderr == (f"error: {tmp_path}: is a folder; give a file name for --out, "
                             f"such as {example}\n")


def test_export_to_csv_refuses_someone_elses_folder_unless_forced(tmp_path, dataset_dir,
                                                                 network):
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "agenda.txt").write_text("item 1", encoding="utf-8")
    refused = run("export", dataset_dir, "--to", "csv", "--out", folder)
    assert refused.exit_code == 2
    assert refused.stderr == (f"error: {folder}: the folder holds files graphmodel did not "
                              "write (agenda.txt); choose an empty or new folder, or pass "
                              "--force to write into it (files of the same name are "
                              "replaced)\n")
    assert sorted(os.listdir(folder)) == ["agenda.txt"]
    assert run("export", dataset_dir, "--to", "csv", "--out", folder, "--force").exit_code == 0
    assert open_source(folder) == network
    assert (folder / "agenda.txt").read_text(encoding="utf-8") == "item 1"


def test_generate_again_into_its_own_folder_replaces_it(tmp_path):
    out = tmp_path / "synthetic"
    assert run("generate", "--bodies", 20, "--people", 60, "--out", out).exit_code == 0
    again = run("generate", "--bodies", 30, "--people", 90, "--seed", 2, "--out", out)
    assert again.exit_code == 0, again.output
    assert len(open_source(out).bodies) == 30
    assert run("generate", "--bodies", 5, "--people", 5, "--out", tmp_path).exit_code == 2


# --- readable at a terminal -----------------------------------------------------------------

HARBOROUGH = ["--as-of", "2014-01-16"]


def _seed(name):
    from pathlib import Path
    return Path(__file__).resolve().parent.parent / "seed_data" / name


def _on_a_terminal(args, columns):
    """Run graphmodel with its output on a real pseudo-terminal ``columns`` wide."""
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    process = subprocess.Popen([sys.executable, "-m", "graphmodel.cli", *map(str, args)],
                               stdout=follower, stderr=subprocess.DEVNULL, env=env)
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:   # the process has gone and closed the terminal
            break
        if not chunk:
            break
        out += chunk
    process.wait()
    os.close(leader)
    return out.decode("utf-8").replace("\r\n", "\n")


def test_findings_fit_an_80_column_terminal_and_stay_one_a_line_when_piped():
    args = ["gaps", _seed("harborough"), *HARBOROUGH, "--rule", "unrepresented"]
    shown = _on_a_terminal(args, 80)
    assert max(map(len, shown.splitlines())) <= 80
    # the longest message, wrapped: every word of it there, in order
    assert " ".join(shown.split()).count("Councillor Pain is there on behalf of") == 1
    piped = run(*args).stdout.splitlines()
    assert "Councillor Pain is there on behalf of Leicestershire County Council, not " \
           "Harborough District Council." in next(line for line in piped if "Pain" in line)


def test_a_table_too_wide_wraps_its_widest_text_column_not_its_numbers():
    from graphmodel import render
    rows = [{"count": 12345, "message": "word " * 40}]
    lines = render.table(rows, ["count", "message"], width=40).splitlines()
    assert max(map(len, lines)) <= 40 and len(lines) > 3
    assert lines[2].startswith("12345") and lines[3].startswith("     ")


def test_evidence_shows_each_findings_records_as_a_table():
    result = run("gaps", _seed("harborough"), *HARBOROUGH, "--rule", "unrepresented",
                 "--evidence")
    assert result.exit_code == 0, result.output
    out = result.stdout.split("\n\n")
    assert out[1] == (
        "Evidence for finding 1 (warning, unrepresented): Leicestershire Health and Wellbeing "
        "Board\n"
        "type  id                                     source_document            source_section\n"
        "----  -------------------------------------  -------------------------  --------------\n"
        "body  leicestershire-health-wellbeing-board  partnership-register-2014  para 2.9")


def test_severity_and_rule_choose_the_findings_and_an_unknown_rule_is_refused():
    every = json.loads(run("check", _seed("harborough"), *HARBOROUGH, "--format",
                           "json").stdout)
    warnings = json.loads(run("check", _seed("harborough"), *HARBOROUGH, "--format", "json",
                              "--severity", "warning").stdout)
    assert {f["severity"] for f in every} > {f["severity"] for f in warnings} == {"warning"}
    chosen = json.loads(run("check", _seed("harborough"), *HARBOROUGH, "--format", "json",
                            "--rule", "no-chair", "--rule", "empty-body").stdout)
    assert chosen and {f["rule"] for f in chosen} <= {"no-chair", "empty-body"}
    assert len(chosen) == sum(f["rule"] in ("no-chair", "empty-body") for f in every)
    unknown = run("gaps", _seed("harborough"), "--rule", "unrepresentd")
    assert unknown.exit_code == 2
    error = unknown.stderr.splitlines()[-1]
    assert error.startswith("error: no rule named 'unrepresentd' (did you mean "
                            "'unrepresented'?); the rules are ")
    assert "unrepresented" in error.split("; the rules are ")[1].split(", ")


def test_the_resources_register_as_csv_holds_plain_values():
    out = run("resources", _seed("harborough"), *HARBOROUGH, "--format", "csv").stdout
    rows = list(csv.DictReader(out.splitlines()))
    llep = next(r for r in rows if r["name"] == "Leicester & Leicestershire Economic "
                                                "Partnership Board")
    assert (llep["money_per_year"], llep["represented"]) == ("8000", "no")
    assert "True" not in out and "False" not in out and ".0," not in out


@pytest.mark.parametrize("to", ["xlsx", "csv"])
def test_export_under_a_file_says_the_file_is_in_the_way(dataset_dir, to):
    result = run("export", dataset_dir, "--to", to, "--out", dataset_dir / "people.csv" / "x")
    assert result.exit_code == 2
    assert result.stderr == (f"error: {dataset_dir / 'people.csv' / 'x'}: "
                             f"{dataset_dir / 'people.csv'} is a file, not a folder, so it "
                             "cannot hold what --out names\n")
