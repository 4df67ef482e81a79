"""A newcomer's first hour: messages that point the way, counts that say what they count.

Each stumble seen when graphmodel was tried as a new user would, asserted where the
message is the point: how to run graphmodel after the demo, a name where an id is
expected, a mistyped choice or path, a store command without a URI, a Neo4j server
started in another terminal, the help's first lines, plurals, the review pack's first
screen.
"""
from __future__ import annotations

import json
import os
import re
import socketserver
import sys
import threading
from html import unescape
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from graphmodel.cli import RARELY_USED, main
from graphmodel.demo import how_to_run
from graphmodel.sources import write_source

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seed_data"
LEEDS_DAY, HARBOROUGH_DAY = "2014-07-24", "2014-01-16"


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


# --- 1. after the demo, how to run graphmodel --------------------------------------------

def test_the_demo_ends_saying_how_to_run_graphmodel_from_a_shell_that_cannot_find_it(
        tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("demo", "--out", tmp_path, env={"PATH": "/usr/bin:/bin"})
    assert result.exit_code == 0, result.output
    here = Path(sys.executable).parent / "graphmodel"
    shown = here.relative_to(ROOT) if here.is_relative_to(ROOT) else here
    assert result.stdout.splitlines()[-1] == (
        f"Next: this shell does not find graphmodel by name, so run this one as {shown} (for "
        f"example {shown} template --out register.xlsx), or run `source "
        f"{shown.parent / 'activate'}` once and then type graphmodel alone.")
    # --- 4. its counts say what they count, and agree with the deck's and the pack's
    out = result.stdout
    assert "   current on 2014-07-24 (the day the dataset describes), of the records in all:\n" \
           "     32 of 33 bodies, 3 of 3 organisations, 4 of 4 people, 5 of 5 posts,\n" \
           "     18 of 18 memberships, 14 of 15 reporting lines, 5 of 6 scrutiny links,\n" in out
    assert "   read 139 records in 17 tables, drawn from 1 document: 0 warnings on " \
           "validation\n" in out      # Harborough: one report
    assert "23 of 24 memberships, 1 of 1 reporting line, 0 of 0 scrutiny links," in out
    assert "   review as of 2014-07-24: 88 findings\n" in out
    deck = (tmp_path / "leeds" / "deck.html").read_text(encoding="utf-8")
    # the title slide's numbers: the 32 bodies current, and the review's 6 warnings
    assert '<li data-fact="bodies"><strong class="gm-number">32</strong> bodies' in deck
    assert ('<li data-fact="warnings"><strong class="gm-number">6</strong> warnings and 0 '
            'errors') in deck
    assert "88 findings: 6 warnings, 82 notes." in deck
    summaries = [unescape(s) for s in re.findall(r'<p class="gm-summary">([^<]*)</p>', deck)]
    # the whole network's slide and the accountability slide: what each shows of the 88
    assert summaries[:2] == ["44 nodes and 64 links (1 of them, across names, drawn when a "
                             "node is selected), as of 2014-07-24; 88 of the day's 88 findings",
                             "32 nodes and 19 links, as of 2014-07-24; 80 of the day's 88 "
                             "findings"]
    pack = (tmp_path / "leeds" / "review" / "report.md").read_text(encoding="utf-8")
    assert "88 findings: 6 warnings, 82 notes." in pack
    assert "| Records current on 2014-07-24 | How many |\n|---|---|\n| Bodies | 32 |" in pack


def test_how_to_run_next_depends_on_what_the_shell_finds(tmp_path):
    script = tmp_path / ".venv" / "bin" / "graphmodel"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    assert how_to_run(script, str(script), tmp_path) == (
        "Next: graphmodel template --out register.xlsx (a register to fill in), or "
        "graphmodel --help.")
    assert how_to_run(script, "/usr/local/bin/graphmodel", tmp_path) == (
        "Next: the graphmodel this shell finds by name is another one "
        "(/usr/local/bin/graphmodel), so run this one as .venv/bin/graphmodel (for example "
        ".venv/bin/graphmodel template --out register.xlsx), or run `source "
        ".venv/bin/activate` once and then type graphmodel alone.")
    elsewhere = how_to_run(script, None, tmp_path / "another-folder")
    assert f"run this one as {script} (for example" in elsewhere


def test_the_manual_says_how_to_run_graphmodel_at_the_top_of_using_it():
    page = (ROOT / "docs" / "using.md").read_text(encoding="utf-8")
    using = page.split("# Using graphmodel\n", 1)[1].lstrip()
    assert using.startswith("`make demo` installs graphmodel in `.venv`: run it as "
                            "`.venv/bin/graphmodel`, or run\n`source .venv/bin/activate`")


# --- 2. a name where an id is expected ----------------------------------------------------

def test_a_name_in_the_data_where_an_id_belongs_is_an_error_naming_the_id(tmp_path, network):
    from dataclasses import replace

    seat = network.memberships["m-ann"]
    network.tables["memberships"]["m-ann"] = replace(seat, on_behalf_of="Town Council")
    source = write_source(network, tmp_path / "town", "csv")
    result = run("validate", source)
    assert result.exit_code == 3
    assert result.stdout == (f"{source / 'memberships.csv'}:2: on_behalf_of: unknown "
                             "organisation 'Town Council' (did you mean 'council' (Town "
                             "Council)?)\n")


def test_a_name_two_records_share_is_answered_with_both_ids(network):
    from dataclasses import replace

    from graphmodel.analysis.organisation import UnknownOrganisation, organisation_to_review

    network.tables["organisations"]["police"] = replace(network.organisations["police"],
                                                        name="Town Council")
    with pytest.raises(UnknownOrganisation) as refused:
        organisation_to_review(network, "town council")
    assert str(refused.value) == ("no organisation 'town council' in town (it is the name of "
                                  "2 records, whose ids are 'council', 'police': give one of "
                                  "them)")


def test_an_option_takes_the_one_record_of_a_name_for_its_id_saying_so(dataset_dir):
    by_id = run("gaps", dataset_dir, "--org", "council", "--as-of", "2013-01-01")
    by_name = run("gaps", dataset_dir, "--org", "town  COUNCIL", "--as-of", "2013-01-01")
    assert by_name.exit_code == by_id.exit_code == 0, by_name.output
    assert by_name.stdout == by_id.stdout and "Safer Town Board" in by_id.stdout
    assert by_name.stderr.splitlines()[0] == ("note: --org 'town  COUNCIL' read as 'council', "
                                              "the id of Town Council")
    chain = run("chains", dataset_dir, "--body", "Safer Town Scrutiny Board", "--format",
                "json")
    assert chain.exit_code == 0, chain.output
    assert chain.stderr.splitlines()[0] == ("note: --body 'Safer Town Scrutiny Board' read as "
                                            "'scrutiny', the id of Safer Town Scrutiny Board")
    assert json.loads(chain.stdout) == [[{"id": "scrutiny", "name": "Safer Town Scrutiny Board"},
                                         {"id": "council-meeting", "name": "Full Council"}]]


def test_the_library_refuses_a_name_for_an_id_with_the_id_as_hint(network):
    from graphmodel.analysis.accountability import UnknownBody, chains

    with pytest.raises(UnknownBody, match=re.escape(
            "no body 'Safer Town Board' in town (did you mean 'board' (Safer Town Board)?)")):
        chains(network, "Safer Town Board")


# --- 5. the local Neo4j server, from another terminal -------------------------------------

class _Listener:
    """A server on a free port of 127.0.0.1 that answers Bolt's handshake with ``reply``."""

    def __init__(self, reply: bytes):
        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                self.request.recv(20)
                self.request.sendall(reply)
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.port = self.server.server_address[1]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def _free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_status_finds_the_server_graphmodel_started_without_its_graphmodel_home(
        neo4j_uri, tmp_path):
    from graphmodel.store import server

    port = int(neo4j_uri.rsplit(":", 1)[1])
    if os.environ.get("NEO4J_URI"):
        pytest.skip("the tests use a server graphmodel did not start")
    # a second terminal: its GRAPHMODEL_HOME is another folder, holding no record of it
    result = run("neo4j", "status", "--port", port, env={"GRAPHMODEL_HOME": str(tmp_path)})
    assert result.exit_code == 0, result.output
    found = re.fullmatch(rf"running: NEO4J_URI=bolt://127\.0\.0\.1:{port} \(pid (\d+), auth "
                         r"on, data in (.+)\)\n", result.stdout)
    assert found, result.stdout
    recorded = json.loads((Path(found[2]) / "server.json").read_text(encoding="utf-8"))
    assert (recorded["pid"], recorded["port"]) == (int(found[1]), port)
    assert server.status(port, root=tmp_path) == server.ServerInfo(**recorded)


def test_status_and_stop_say_what_listens_on_a_port_graphmodel_started_nothing_on(tmp_path):
    env = {"GRAPHMODEL_HOME": str(tmp_path)}
    port = _free_port()
    nothing = run("neo4j", "status", "--port", port, env=env)
    assert (nothing.exit_code, nothing.stdout) == (11, (
        f"no server graphmodel started runs on port {port}, and nothing listens there: start "
        "one with graphmodel neo4j start\n"))
    with _Listener(b"\x00\x00\x08\x05") as neo4j:     # Bolt 5.8 agreed, as Neo4j 5 answers
        other = run("neo4j", "status", "--port", neo4j.port, env=env)
        stop = run("neo4j", "stop", "--port", neo4j.port, env=env)
    assert (other.exit_code, other.stdout) == (0, (
        f"no server graphmodel started runs on port {neo4j.port}; a Neo4j server (Bolt 5.8) "
        "answers there, started another way or by another user: use it with "
        f"NEO4J_URI=bolt://127.0.0.1:{neo4j.port}\n"))
    assert (stop.exit_code, stop.stderr) == (0, (
        f"no server graphmodel started runs on port {neo4j.port}; a Neo4j server (Bolt 5.8) "
        "answers there, started another way or by another user: stop it the way it was "
        "started\n"))
    with _Listener(b"HTTP/1.1 400 Bad Request\r\n\r\n") as web:
        http = run("neo4j", "status", "--port", web.port, env=env)
    assert (http.exit_code, http.stdout) == (11, (
        f"no server graphmodel started runs on port {web.port}; a server that does not speak "
        "Bolt listens there, not Neo4j: give graphmodel neo4j start another --port\n"))


# --- 6. a store command without a URI ------------------------------------------------------

def test_load_without_a_uri_says_how_to_get_one(dataset_dir):
    result = run("load", dataset_dir, env={"NEO4J_URI": None})
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: no Neo4j server named: set NEO4J_URI (e.g. export "
        "NEO4J_URI=bolt://127.0.0.1:7687) or give --uri URI; to start a local server, run "
        "graphmodel neo4j start, which prints the NEO4J_URI to set\n")


# --- 7. mistyped choices and paths ---------------------------------------------------------

@pytest.mark.parametrize("args, error", [
    (["map", "{source}", "--view", "represention"],
     "Error: Invalid value for '--view': 'represention' is not one of 'network', "
     "'accountability', 'representation', 'overlaps', 'ego' (did you mean 'representation'?)"),
    (["export", "{source}", "--to", "xslx", "--out", "x.xlsx"],
     "Error: Invalid value for '--to': 'xslx' is not one of 'csv', 'xlsx', 'popolo', "
     "'graphml', 'gexf' (did you mean 'xlsx'?)"),
    (["gaps", "{source}", "--format", "jsno"],
     "Error: Invalid value for '--format': 'jsno' is not one of 'table', 'json', 'csv' (did "
     "you mean 'json'?)"),
    (["check", "{source}", "--fail-on", "warn"],
     "Error: Invalid value for '--fail-on': 'warn' is not one of 'info', 'warning', 'error' "
     "(did you mean 'warning'?)"),
    (["list", "bodys", "{source}"],
     "Error: Invalid value for '{organisations|bodies|people|posts}': 'bodys' is not one of "
     "'organisations', 'bodies', 'people', 'posts' (did you mean 'bodies'?)"),
    (["gaps", "{source}", "--rule", "unrepresnted", "--rule", "no-chiar"],
     "error: no rule named 'no-chiar' (did you mean 'no-chair'?), 'unrepresnted' (did you "
     "mean 'unrepresented'?); the rules are unrepresented, "),
])
def test_a_mistyped_choice_is_answered_with_the_nearest(dataset_dir, args, error):
    result = run(*[str(dataset_dir) if a == "{source}" else a for a in args])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith(error)


def test_a_choice_with_nothing_near_lists_them_as_before(dataset_dir):
    result = run("map", dataset_dir, "--view", "xyz")
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--view': 'xyz' is not one of 'network', 'accountability', "
        "'representation', 'overlaps', 'ego'.")


def test_a_mistyped_source_is_answered_with_a_near_name_in_its_folder(tmp_path, dataset_dir):
    typo = dataset_dir.parent / "twon"
    result = run("summary", typo)
    assert result.exit_code == 2
    assert result.stderr == (f"error: {typo}: no such file or directory (did you mean "
                             f"{str(dataset_dir)!r}?); SOURCE is a dataset directory, an "
                             ".xlsx workbook or a Popolo .json file\n")
    far = run("summary", dataset_dir.parent / "registers")
    assert "did you mean" not in far.stderr


# --- 8. the help -----------------------------------------------------------------------------

def _commands(group, path=()):
    for name, command in group.commands.items():
        yield path + (name,), command
        if isinstance(command, click.Group):
            yield from _commands(command, path + (name,))


def _listing(*path: str) -> dict[str, str]:
    """A group's list of commands at an 80-column terminal: name -> summary shown."""
    shown = CliRunner().invoke(main, [*path, "--help"], terminal_width=80).output
    return dict(line.split(None, 1) for line in shown.split("Commands:")[1].splitlines()
                if line.strip())


def test_every_command_s_summary_is_its_first_sentence_whole_at_80_columns():
    for path, group in [((), main), *((p, c) for p, c in _commands(main)
                                       if isinstance(c, click.Group))]:
        listed = _listing(*path)
        assert set(listed) == set(group.commands)
        for name, summary in listed.items():
            first = " ".join((group.commands[name].help or "").split()).split(". ")[0]
            assert summary == first.rstrip(".") + ".", (path, name)


def test_the_help_leads_who_is_accountable_to_whom_to_chains_and_the_accountability_map():
    listed = _listing()
    assert listed["chains"] == "Who is accountable to whom: chains of reporting lines."
    top = CliRunner().invoke(main, ["--help"], terminal_width=80).output
    assert "    Who is accountable to whom?                 chains; map --view accountability" \
        in top.splitlines()
    shown = " ".join(CliRunner().invoke(main, ["map", "--help"]).output.split())
    assert "--view accountability draws who is accountable to whom" in shown


def test_options_come_most_used_first_and_the_neo4j_only_dataset_last():
    # each command's context under the CLI's, as when it is run: click keeps the help
    # option a command is first asked for, so it must be the CLI's (-h, --help)
    top = click.Context(main, **main.context_settings)
    for path, command in _commands(main):
        options = [p.opts[0] for p in command.get_params(click.Context(command, parent=top))
                   if isinstance(p, click.Option)]
        rare = [o for o in options if o in RARELY_USED]
        assert options[len(options) - 1 - len(rare):-1] == rare, path   # then --help
        if "--dataset" in options:
            assert options[-2] == "--dataset", path
    gaps = [p.opts[0]
            for p in main.commands["gaps"].get_params(click.Context(main, parent=top))]
    assert gaps[:4] == ["source", "--as-of", "--org", "--format"]


# --- 10. plurals -----------------------------------------------------------------------------

def test_every_table_has_a_word_for_one_of_its_records():
    from graphmodel.model import DATASET_TYPE, RECORD_TYPES
    from graphmodel.words import TABLE_WORDS, count_records

    assert set(TABLE_WORDS) == {DATASET_TYPE.name} | {rt.name for rt in RECORD_TYPES}
    assert [count_records(n, t) for n, t in [(1, "people"), (2, "people"), (1, "bodies"),
                                             (1, "resourcing"), (3, "nomination_rights")]] == [
        "1 person", "2 people", "1 body", "1 resourcing row", "3 nomination rights"]


def test_one_of_a_thing_is_said_in_the_singular(tmp_path):
    from graphmodel.problems import InvalidData, Problem

    assert str(InvalidData([Problem("f.csv", 2, "id", "x")])) == "1 problem in the source"
    generated = run("generate", "--bodies", 1, "--people", 1, "--out", tmp_path / "one")
    assert generated.exit_code == 0, generated.output
    assert generated.stderr == ("1 dataset, 1 document, 5 organisations, 17 areas, 22 themes, "
                                "1 body, 1 person, 5 posts, 1 membership\n")


# --- 11. the review pack's first screen -----------------------------------------------------

def test_the_review_pack_opens_on_the_warnings_grouped_under_what_their_rule_finds(
        tmp_path, harborough):
    from html import escape

    from graphmodel.analysis.review import review
    from graphmodel.pack import write_report

    findings = review(harborough, as_of=HARBOROUGH_DAY)
    serious = [f for f in findings if f.severity != "info"]
    written = write_report(harborough, tmp_path, as_of=HARBOROUGH_DAY)
    index = written["index.html"].read_text(encoding="utf-8")
    first = index[index.index("<h1>"):index.index('<h2 id="by-rule">')]
    assert '<h2 id="attention">What needs attention: 14 warnings</h2>' in first
    assert len(serious) == 14 and all(escape(f.message) in first for f in serious)
    assert not any(escape(f.message) in first for f in findings if f.severity == "info")
    assert ('<h3>Harborough District Council has no seat on a partnership, as the source '
            'states <span class="gm-rule">(8 warnings, rule <a href="#rule-unrepresented">'
            'unrepresented</a>)</span></h3>') in first
    assert index.index('id="by-rule"') < index.index('id="maps"')
    assert ('<tr><th scope="row"><a href="#rule-broker">broker</a></th><td>Someone on at '
            'least 2 bodies through whom many of the shortest connections between other '
            'people and bodies run</td><td>1</td></tr>') in index
    paper = written["report.md"].read_text(encoding="utf-8")
    head = paper.split("## Findings by rule")[0]
    assert "## What needs attention: 14 warnings\n\n**Harborough District Council has no seat " \
           "on a partnership, as the source states** (8 warnings, rule " \
           "[unrepresented](#rule-unrepresented))\n\n- No one sits on the Leicestershire " \
           "Health and Wellbeing Board" in head
    assert all(f" {f.message.split(':')[0]}" in head for f in serious)


def test_a_review_without_warnings_says_so_first(tmp_path, network):
    from graphmodel.pack import report_markdown
    from graphmodel.maps.scene import prepare

    rv = prepare(network, as_of="2012-06-01")
    rv.findings = [f for f in rv.findings if f.severity == "info"]
    paper = report_markdown(rv, maps=[])
    assert "## What needs attention\n\nNo warnings or errors: every finding is a note.\n" \
        in paper
