"""The Neo4j store, against a real Neo4j 5 server started for the test session."""
from __future__ import annotations

import csv
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graphmodel import open_source, write_source
from graphmodel.model import Body, Membership, Person
from graphmodel.store.connection import check_version
from graphmodel.store.errors import IncompleteDataset, NotNeo4j5
from graphmodel.store.load import load
from graphmodel.store.read import read

SEED = Path(__file__).resolve().parent.parent / "seed_data"


def count(store, cypher, **params):
    return store.driver.execute_query(cypher, params, database_=store.database).records[0][0]


def totals(store):
    return (count(store, "MATCH (n) RETURN count(n)"),
            count(store, "MATCH ()-[r]->() RETURN count(r)"))


def cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "graphmodel.cli", *map(str, args)],
                          capture_output=True, text=True, env={**os.environ, **(env or {})})


@pytest.mark.parametrize("name", ["leeds", "harborough"])
def test_a_seed_dataset_reads_back_exactly_as_loaded(store, name):
    network = open_source(SEED / name)
    report = load(network, store)
    assert report.counts()["memberships"]["added"] == len(network.memberships)
    assert read(store, name) == network


def test_a_generated_dataset_reads_back_exactly(store, tmp_path):
    from graphmodel.generate import generate
    generate(tmp_path / "gen", bodies=60, people=600, seed=3)
    network = open_source(tmp_path / "gen")
    load(network, store, batch_size=250)
    assert read(store) == network
    assert count(store, "MATCH ()-[r:MEMBER_OF]->() RETURN count(r)") == len(network.memberships)
    assert load(network, store, batch_size=250).unchanged   # fingerprints worked out alike


def test_a_body_with_more_members_than_a_batch_holds_is_written_in_parts(store):
    """Relationships go in groups by the body they point to; a big group is split."""
    network = open_source(SEED / "leeds")
    members: dict[str, int] = {}
    for m in network.memberships.values():
        members[m.body] = members.get(m.body, 0) + 1
    biggest = max(members, key=members.get)
    assert members[biggest] > 3
    load(network, store, batch_size=3)
    assert count(store, "MATCH ()-[r:MEMBER_OF]->(b:Body {dataset: 'leeds', id: $id}) "
                 "RETURN count(r)", id=biggest) == members[biggest]
    assert read(store, "leeds") == network
    assert load(network, store, batch_size=3).unchanged


def test_loading_the_same_source_twice_changes_nothing(store):
    network = open_source(SEED / "leeds")
    load(network, store)
    before = totals(store)
    again = load(network, store)
    assert again.unchanged
    assert totals(store) == before


def test_the_safer_and_stronger_board_is_scrutinised_in_the_graph(store):
    load(open_source(SEED / "leeds"), store)
    names = store.driver.execute_query(
        "MATCH (s:Body)-[:SCRUTINISES]->(b:Body {dataset: 'leeds', id: 'ssc-partnership-board'}) "
        "RETURN s.name AS name", database_=store.database).records
    assert [r["name"] for r in names] == ["Scrutiny Board (Safer and Stronger Communities)"]


def _edit_memberships(path: Path) -> None:
    """One membership added, one changed, one removed."""
    file = path / "memberships.csv"
    with open(file, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    role = header.index("role")
    rows[1][role] = "observer" if rows[1][role] != "observer" else "member"
    removed = rows.pop(2)
    added = list(rows[1])
    added[0] = "brand-new-membership"
    rows.append(added)
    with open(file, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return removed[0]


def test_dry_run_reports_one_added_one_changed_one_removed_and_writes_nothing(store, tmp_path):
    original = open_source(SEED / "leeds")
    load(original, store)
    before = totals(store)
    edited = write_source(original, tmp_path / "leeds", "csv")
    removed_id = _edit_memberships(edited)
    result = cli("load", edited, "--uri", store.uri, "--dry-run", "--format", "json")
    assert result.returncode == 0, result.stderr
    import json
    changes = json.loads(result.stdout)["changes"]["memberships"]
    assert changes == {"added": 1, "changed": 1, "removed": 0,
                       "not in source (kept without --prune)": 1}
    assert totals(store) == before
    assert read(store, "leeds") == original
    pruned = json.loads(cli("load", edited, "--uri", store.uri, "--dry-run", "--prune",
                            "--format", "json").stdout)["changes"]["memberships"]
    assert pruned == {"added": 1, "changed": 1, "removed": 1}
    assert removed_id in read(store, "leeds").memberships


def test_without_prune_nothing_is_deleted_and_with_prune_the_store_matches(store, tmp_path):
    load(open_source(SEED / "leeds"), store)
    edited = write_source(open_source(SEED / "leeds"), tmp_path / "leeds", "csv")
    removed_id = _edit_memberships(edited)
    network = open_source(edited)
    load(network, store)
    kept = read(store, "leeds")
    assert removed_id in kept.memberships
    assert kept.memberships["brand-new-membership"] == network.memberships["brand-new-membership"]
    load(network, store, prune=True)
    assert read(store, "leeds") == network


def test_two_datasets_live_side_by_side_without_touching_each_other(store, tmp_path):
    leeds, harborough = open_source(SEED / "leeds"), open_source(SEED / "harborough")
    load(leeds, store)
    load(harborough, store)
    smaller = write_source(leeds, tmp_path / "leeds", "csv")
    (smaller / "memberships.csv").write_text(
        (smaller / "memberships.csv").read_text(encoding="utf-8").splitlines()[0] + "\n",
        encoding="utf-8")
    load(open_source(smaller), store, prune=True)
    assert read(store, "harborough") == harborough
    assert read(store, "leeds").memberships == {}
    result = cli("summary", store.uri)
    assert result.returncode == 16
    assert result.stderr == (f"error: {store.uri}: holds 2 datasets (harborough, leeds); "
                             "choose one with --dataset NAME\n")


def test_a_dataset_with_no_home_organisation_or_date_reads_back_with_none(store, network):
    import dataclasses

    network.dataset = dataclasses.replace(network.dataset, home_organisation=None)
    network.memberships["m-unnamed"] = Membership("m-unnamed", "scrutiny", on_behalf_of="police")
    load(network, store)
    again = read(store, "town")
    assert again == network
    assert (again.dataset.home_organisation, again.dataset.as_of) == (None, None)
    assert count(store, "MATCH (:Organisation {id: 'police'})-[m:MEMBER_OF]->"
                        "(:Body {id: 'scrutiny'}) RETURN count(m)") == 1


def test_a_right_held_by_the_council_is_stored_from_the_council_and_read_back(store,
                                                                              network):
    from graphmodel.model import NominationRight

    network.nomination_rights["council-appoints"] = NominationRight(
        "council-appoints", body="board", nominating_organisation="council", places=2)
    load(network, store)
    assert read(store, "town") == network
    assert count(store, "MATCH (:Organisation {id: 'council'})-[r:NOMINATES_TO]->"
                        "(:Body {id: 'board'}) RETURN r.places") == 2


HOSTILE = ["O'Brien \"Q\"", "`backtick`", "'}) DETACH DELETE n //", "line one\nline two",
           "مجلس المدينة", "🎉 partnership 🏛️", "\\'; MATCH (n) DETACH DELETE n; //"]


def test_hostile_values_are_stored_and_read_back_unchanged(store, network):
    load(open_source(SEED / "harborough"), store)
    before = totals(store)
    for i, text in enumerate(HOSTILE):
        network.people[f"hostile-{i}"] = Person(f"hostile-{i}", text, "officer", "council",
                                                notes=text)
        network.bodies[f"b-{i}"] = Body(f"b-{i}", text, "partnership", notes=text)
        network.memberships[f"m-{i}"] = Membership(f"m-{i}", f"b-{i}", f"hostile-{i}",
                                                   notes=text)
    load(network, store)
    assert read(store, "town") == network
    assert read(store, "harborough") == open_source(SEED / "harborough")
    nodes, rels = totals(store)
    assert nodes - before[0] == sum(len(network.tables[t]) for t in
                                    ("documents", "organisations", "areas", "themes", "bodies",
                                     "people", "posts")) + 1


def _wait_for(predicate, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_a_load_killed_midway_is_refused_then_finished_exactly(store, tmp_path):
    from graphmodel.generate import generate
    generate(tmp_path / "gen", bodies=400, people=4000, seed=7)
    network = open_source(tmp_path / "gen")
    process = subprocess.Popen([sys.executable, "-m", "graphmodel.cli", "load",
                                str(tmp_path / "gen"), "--uri", store.uri, "--batch-size", "200"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    written = lambda: _memberships(store)[0] if _exists(store) else 0
    assert _wait_for(lambda: written() > 500), "the load never got going"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = written()
    assert 0 < partial < len(network.memberships)

    with pytest.raises(IncompleteDataset, match="is incomplete: a load started at .* did not "
                                                "finish"):
        read(store, network.dataset.id)
    result = cli("summary", store.uri)
    assert result.returncode == 15
    assert re.fullmatch(rf"error: {re.escape(store.uri)}: dataset 'synthetic' is incomplete: a "
                        r"load started at \S+ did not finish\. Run `graphmodel load SOURCE` "
                        r"again to complete it\n", result.stderr), result.stderr

    # the source changed meanwhile: 100 memberships fewer; the re-run must converge exactly,
    # removing what only the killed load wrote, without being asked to prune
    drop = list(network.memberships)[:100]
    for key in drop:
        del network.memberships[key]
    load(network, store)
    assert read(store, network.dataset.id) == network
    assert _memberships(store) == (len(network.memberships), len(network.memberships))
    assert load(network, store).unchanged


def _exists(store):
    return count(store, "MATCH (d:Dataset {id: 'synthetic'}) RETURN count(d)") > 0


def _memberships(store, dataset="synthetic"):
    """(memberships, different membership ids) the dataset holds."""
    row = store.driver.execute_query(
        "MATCH ()-[r:MEMBER_OF]->(:Body {dataset: $dataset}) "
        "RETURN count(r) AS n, count(DISTINCT r.id) AS ids",
        {"dataset": dataset}, database_=store.database).records[0]
    return row["n"], row["ids"]


def test_a_second_copy_of_a_relationship_is_removed_by_the_next_load(store):
    """Relationships have no uniqueness constraint; the loader keeps them unique."""
    network = open_source(SEED / "leeds")
    load(network, store)
    store.driver.execute_query(
        "MATCH (a)-[r:MEMBER_OF {id: $id}]->(b:Body {dataset: 'leeds'}) "
        "CREATE (a)-[c:MEMBER_OF]->(b) SET c = properties(r)",
        {"id": next(iter(network.memberships))}, database_=store.database)
    assert _memberships(store, "leeds") == (len(network.memberships) + 1,
                                            len(network.memberships))
    report = load(network, store)
    assert report.counts()["memberships"]["removed"] == 1
    assert _memberships(store, "leeds") == (len(network.memberships),) * 2
    assert read(store, "leeds") == network


def test_an_unreachable_server_is_one_clear_line(tmp_path, dataset_dir):
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = cli("load", dataset_dir, "--uri", f"bolt://127.0.0.1:{port}")
    assert result.returncode == 11
    assert result.stderr == (f"error: bolt://127.0.0.1:{port}: no Neo4j server answers there; "
                             "start one with `graphmodel neo4j start` or check NEO4J_URI\n")


def test_wrong_credentials_are_refused_without_printing_the_password(neo4j_uri, dataset_dir):
    result = cli("load", dataset_dir, "--uri", neo4j_uri,
                 env={"NEO4J_PASSWORD": "not-the-Password-42"})
    assert result.returncode == 12
    assert result.stderr == (f"error: {neo4j_uri}: the server refused the credentials; set "
                             "NEO4J_USERNAME and NEO4J_PASSWORD\n")
    assert "not-the-Password-42" not in result.stdout


def test_an_unknown_database_is_named(neo4j_uri, dataset_dir):
    result = cli("load", dataset_dir, "--uri", neo4j_uri, "--database", "nosuchdb")
    assert result.returncode == 13
    assert result.stderr.strip() == (f"error: {neo4j_uri} database 'nosuchdb': the server has "
                                     "no such database; omit --database for the default one")


class _WebServer:
    """A web server that, like most, answers bytes it cannot parse with 400 at once."""

    def __init__(self):
        import socketserver
        import threading

        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                self.request.recv(64)
                self.request.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.port = self.server.server_address[1]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def test_a_server_that_is_not_neo4j_is_named_so(dataset_dir):
    web = _WebServer()
    try:
        result = cli("summary", f"bolt://127.0.0.1:{web.port}")
    finally:
        web.close()
    assert result.returncode == 14
    assert result.stderr == (f"error: bolt://127.0.0.1:{web.port}: an HTTP server answers "
                             "there, not Neo4j's Bolt; use the Bolt port (usually 7687)\n")


def test_a_neo4j_older_than_5_is_refused():
    with pytest.raises(NotNeo4j5, match="the server is Neo4j 4.4.26; graphmodel needs Neo4j 5"):
        check_version("bolt://x", [{"name": "Neo4j Kernel", "version": "4.4.26",
                                    "edition": "community"}])
    assert check_version("bolt://x", [{"name": "Neo4j Kernel", "version": "5.26.30",
                                       "edition": "community"}])["version"] == "5.26.30"


def test_each_store_error_exits_with_its_own_code_from_the_table():
    from graphmodel.problems import EXIT_CODES, USAGE
    from graphmodel.store import errors, server

    classes = [errors.StoreError, *errors.StoreError.__subclasses__(), server.ServerError]
    codes = [c.exit_code for c in classes if c is not errors.BadUri]
    assert len(classes) == 10 and len(set(codes)) == len(codes) == 9
    assert set(codes) <= set(EXIT_CODES) and errors.BadUri.exit_code == USAGE


def test_passwords_are_never_command_line_values(dataset_dir):
    result = cli("load", dataset_dir, "--uri", "bolt://127.0.0.1:1", "--password", "x")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == "Error: No such option '--password'."


def test_a_uri_with_credentials_in_it_is_refused_without_echoing_them(dataset_dir):
    result = cli("summary", "bolt://neo4j:Sekr1t-pass@127.0.0.1:7687")
    assert result.returncode == 10
    assert result.stderr == ("error: put the user name and password in NEO4J_USERNAME and "
                             "NEO4J_PASSWORD, not in the URI\n")


def example(name):
    from graphmodel.store.queries import query
    return query("examples.cypher", name)


def test_the_example_queries_answer_the_reviewers_questions(store):
    load(open_source(SEED / "leeds"), store)
    load(open_source(SEED / "harborough"), store)
    run = lambda name, **params: [r.data() for r in store.driver.execute_query(
        example(name), params, database_=store.database).records]

    hdc = run("who_represents_the_council", dataset="harborough")
    boards = {r["board"] for r in hdc}
    assert "Leicestershire Parking Partnership Board" in boards
    assert "Leicester & Leicestershire Economic Partnership Board" not in boards  # Cllr Pain is there for LCC
    # HDC remains in the Welland Audit Partnership (para 4.4); who sits there is not named
    assert {"board": "Welland Audit Partnership", "role": "member",
            "held_by": "Harborough District Council", "held_as": "Organisation"} in hdc

    chain = run("accountability_chain", dataset="leeds", body="cluster-brigshaw")[0]["chain"]
    assert chain[:2] == ["Brigshaw cluster", "Children's Trust Board"]

    assert run("people_on_many_bodies", dataset="leeds", more_than=5) == []
    packer = run("people_on_many_bodies", dataset="leeds", more_than=1)
    assert [r["person"] for r in packer] == ["Bishop John Packer"]

    # para 2.9: 'no direct officer or Member representation from HDC'; nothing is said of
    # the HIT Steering Group (para 4.9), so it is not recorded rather than without HDC
    without = {r["body"] for r in run("boards_without_the_council", dataset="harborough")}
    assert {"Leicestershire Health and Wellbeing Board",
            "Leicestershire Stronger Communities Board"} <= without
    assert "HIT Steering Group" not in without
    unknown = {r["body"] for r in run("representation_not_recorded", dataset="harborough")}
    assert "HIT Steering Group" in unknown and not unknown & without
    leeds_unknown = {r["body"] for r in run("representation_not_recorded", dataset="leeds")}
    assert "Best City Leadership Network" in leeds_unknown
    assert run("boards_without_the_council", dataset="leeds") == []

    pairs = {(r["scrutiny_body"], r["scrutinises"]) for r in run("scrutiny_pairs", dataset="leeds")}
    assert ("Scrutiny Board (Children and Families)", "Children's Trust Board") in pairs
    assert len(pairs) == 5


def test_every_relationship_of_the_schema_is_stored_as_it_declares(store):
    """Loaded, Harborough holds one Neo4j relationship or link for each its records
    give, of the type and between the labels the schema declares: a seat runs from
    its person, else its post, else the organisation it is held for; a post is
    HELD_BY its holder."""
    from graphmodel.model import RELATIONSHIPS, record_type
    from graphmodel.store.mapping import EDGES

    network = open_source(SEED / "harborough")
    load(network, store)
    sources = {e.table: [column for column, _ in e.source] for e in EDGES}
    found = {}
    for r in RELATIONSHIPS:
        records = network.tables[r.table].values()
        if r.table in sources:   # the record is the relationship, from its first source set
            earlier = sources[r.table][:sources[r.table].index(r.source)]
            expected = sum(1 for x in records if getattr(x, r.source)
                           and not any(getattr(x, c) for c in earlier))
            ends = (r.source_table, r.target_table)
        else:                    # a link from the record's node to what its column names
            expected = sum(len(v) if isinstance(v, tuple) else 1
                           for v in (getattr(x, r.column) for x in records) if v)
            other = r.target_table if r.source == "id" else r.source_table
            ends = (r.table, other)
        a, b = (record_type(table).label for table in ends)
        found[r.name] = count(store, f"MATCH (:{a})-[:{r.stored_as}]->(b:{b}) "
                                     "WHERE b.dataset = $dataset RETURN count(*)",
                              dataset="harborough")
        assert found[r.name] == expected, r.name
    assert all(found[name] for name in ("member_of", "seat_of", "seat_for", "holds",
                                        "hosted_by", "resources", "assesses"))
