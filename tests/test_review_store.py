"""The analyses read a Neo4j store as they read files: the same findings either way."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from graphmodel import open_source
from graphmodel.analysis.findings import render_findings
from graphmodel.analysis.review import review
from graphmodel.store.load import load

SEED = Path(__file__).resolve().parent.parent / "seed_data"


def normalised(findings):
    """Findings in a fixed order: a store hands records back by id, files in their own order."""
    for f in findings:
        f["evidence"] = sorted(f["evidence"], key=lambda e: (e["type"], e["id"]))
    return sorted(findings, key=lambda f: (f["rule"], f["subject"]["id"], f["message"]))


def cli(*args):
    return subprocess.run([sys.executable, "-m", "graphmodel.cli", *map(str, args)],
                          capture_output=True, text=True, env=dict(os.environ))


def test_a_review_of_the_stored_leeds_dataset_matches_the_review_of_its_files(store, neo4j_uri):
    for name in ("leeds", "harborough"):
        load(open_source(SEED / name), store)
    expected = json.loads(render_findings(review(open_source(SEED / "leeds"),
                                                 as_of="2013-03-01"), "json"))
    result = cli("check", neo4j_uri, "--dataset", "leeds", "--as-of", "2013-03-01",
                 "--format", "json")
    assert result.returncode == 0, result.stderr
    assert normalised(json.loads(result.stdout)) == normalised(expected)
    # the chair of the Safer and Stronger Communities Scrutiny Board attends the board
    # it scrutinises: the store's review finds it too
    assert [f["subject"]["id"] for f in expected if f["rule"] == "scrutiny-conflict"] == [
        "chair-scrutiny-ssc"]


def test_chains_read_from_the_store(store, neo4j_uri):
    load(open_source(SEED / "leeds"), store)
    result = cli("chains", neo4j_uri, "--dataset", "leeds", "--body", "cluster-open-xs",
                 "--as-of", "2013-03-01", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert [[step["id"] for step in chain] for chain in json.loads(result.stdout)] == [
        ["cluster-open-xs", "childrens-trust-board"]]
