"""What a source states about a body's membership travels with the body.

``no_seat_for`` (organisations the source says have no seat on a body) and
``membership_complete`` (the source lists every seat) are read, checked, written and
stored like any other column: through CSV files, workbooks, Popolo and Neo4j.
"""
from __future__ import annotations

import csv
from dataclasses import replace

from click.testing import CliRunner

from graphmodel import open_source, read_source, write_source
from graphmodel.cli import main
from graphmodel.io.gephi import write_graph


def with_statements(network):
    """The Safer Town Board lists every seat; the old board had none for either party."""
    network.bodies["board"] = replace(network.bodies["board"], membership_complete=True)
    network.bodies["old-board"] = replace(network.bodies["old-board"], membership_complete=False,
                                          no_seat_for=("council", "police"))
    return network


def test_the_statements_survive_csv_a_workbook_and_popolo(tmp_path, network):
    network = with_statements(network)
    from_csv = open_source(write_source(network, tmp_path / "town", "csv"))
    from_xlsx = open_source(write_source(from_csv, tmp_path / "town.xlsx", "xlsx"))
    from_popolo = open_source(write_source(from_xlsx, tmp_path / "town.json", "popolo"))
    assert from_popolo == from_xlsx == from_csv == network
    assert from_popolo.bodies["old-board"].no_seat_for == ("council", "police")
    assert from_popolo.bodies["board"].membership_complete is True
    with open(tmp_path / "town" / "bodies.csv", encoding="utf-8", newline="") as handle:
        old_board = next(row for row in csv.DictReader(handle) if row["id"] == "old-board")
    assert old_board["no_seat_for"] == "council; police"


def test_an_unknown_organisation_in_no_seat_for_is_named_with_a_suggestion(tmp_path, network):
    network.bodies["board"] = replace(network.bodies["board"], no_seat_for=("council", "polise"))
    folder = write_source(network, tmp_path / "town", "csv")
    result, problems = read_source(folder)
    assert result is None
    assert [str(p) for p in problems] == [
        f"{folder / 'bodies.csv'}:3: no_seat_for: unknown organisation 'polise' "
        "(did you mean 'police'?)"]


def test_membership_complete_is_yes_or_no(tmp_path, network):
    folder = write_source(network, tmp_path / "town", "csv")
    with open(folder / "bodies.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[2][0] == "board"
    rows[2][rows[0].index("membership_complete")] = "maybe"
    with open(folder / "bodies.csv", "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    result = CliRunner().invoke(main, ["validate", str(folder)])
    assert result.exit_code == 3  # invalid data
    assert result.stdout == f"{folder / 'bodies.csv'}:3: membership_complete: 'maybe' is not " \
                            "yes or no\n"


def test_the_graph_export_carries_them_on_the_body(tmp_path, network):
    import networkx as nx

    path = write_graph(with_statements(network), tmp_path / "town.graphml")
    graph = nx.read_graphml(path)
    assert graph.nodes["body:old-board"]["no_seat_for"] == "council; police"
    assert graph.nodes["body:board"]["membership_complete"] is True


def test_neo4j_keeps_them_and_links_a_body_to_whom_it_has_no_seat_for(store, network):
    from graphmodel.store.load import load
    from graphmodel.store.read import read

    network = with_statements(network)
    load(network, store)
    assert read(store, "town") == network
    linked = store.driver.execute_query(
        "MATCH (b:Body {dataset: $dataset})-[:NO_SEAT_FOR]->(o:Organisation) "
        "RETURN b.id AS body, o.id AS org ORDER BY org", {"dataset": "town"},
        database_=store.database).records
    assert [(r["body"], r["org"]) for r in linked] == [("old-board", "council"),
                                                       ("old-board", "police")]
