"""The Cypher in cypher/ is what the store runs, and is written from the schema."""
from pathlib import Path

from graphmodel.store.queries import generate_files, queries

CYPHER = Path(__file__).resolve().parent.parent / "cypher"


def test_the_generated_cypher_files_are_current():
    for name, text in generate_files().items():
        assert (CYPHER / name).read_text(encoding="utf-8") == text, \
            f"run: python -m graphmodel.store.queries cypher ({name} is stale)"


def test_every_value_is_a_parameter():
    """Queries name labels and types from the schema; values arrive only as $parameters."""
    for file in ("schema.cypher", "load.cypher", "read.cypher", "examples.cypher"):
        for name, text in queries(file).items():
            assert "'" not in text.replace("'loading'", "").replace("'complete'", ""), (file, name)
            assert "{" not in text or "$" in text or file == "schema.cypher", (file, name)


def test_the_store_runs_only_named_queries_from_the_files(store, network, monkeypatch):
    """Whatever a load, a second load that prunes, and a read send to Neo4j is one of the
    named queries of cypher/ (whose values all arrive as $parameters): every query the
    driver is given is recorded on its way to the server."""
    import neo4j

    from graphmodel import open_source
    from graphmodel.store.load import load

    sent: list[str] = []
    for cls, method in ((neo4j.ManagedTransaction, "run"), (neo4j.Transaction, "run"),
                        (neo4j.Session, "run"), (neo4j.Driver, "execute_query")):
        def recording(self, query, *args, _real=getattr(cls, method), **kwargs):
            sent.append(getattr(query, "text", query))
            return _real(self, query, *args, **kwargs)
        monkeypatch.setattr(cls, method, recording)
    load(network, store)
    del network.memberships["m-bob"]
    load(network, store, prune=True)
    assert open_source(store.uri, dataset="town") == network
    named = {text for file in ("schema.cypher", "load.cypher", "read.cypher")
             for text in queries(file).values()}
    assert [text for text in sent if text not in named] == []
    assert {queries("load.cypher")["begin_load"], queries("load.cypher")["finish_load"],
            queries("read.cypher")["dataset"]} <= set(sent)


def test_a_relationship_read_back_gives_its_record_columns(tmp_path):
    """A load compares the relationships it holds by what the state query returns: a
    row of the edge's state layout and the body it points to must give exactly the
    record's columns, for a membership held by a person and one held by a post alike."""
    from graphmodel.generate import generate
    from graphmodel import open_source
    from graphmodel.store.mapping import (EDGES, NODE_LABELS, column_getter, edge_state,
                                          relationship_columns)

    generate(tmp_path / "gen", bodies=60, people=600, seed=3)
    network = open_source(tmp_path / "gen")
    held_by = set()
    for edge in EDGES:
        columns, state = relationship_columns(edge), edge_state(edge)
        for record in network.tables[edge.table].values():
            (source_column, source_label), = [(c, label) for c, label in edge.source
                                              if getattr(record, c)][:1]
            held_by.add(source_label)
            read_back = state.make("element id", None, getattr(record, source_column),
                                   source_label, *(getattr(record, c) for c in edge.properties))
            assert columns(read_back, getattr(record, edge.target[0])) \
                == column_getter(type(record))(record)
    assert {"Person", "Post", "Body", "Organisation"} <= held_by
    assert set(NODE_LABELS.values()) >= held_by


def test_a_relationship_s_columns_are_told_apart_exactly():
    """Relationships are compared by the key of their columns, which must not
    mistake one value for another however alike they look."""
    from graphmodel.store.mapping import columns_key

    looks_alike = [(-1,), (-2,), (-1.0,), (1,), (1.0,), (True,), ("1",), (None,), ("None",),
                   ("a", "b"), ("ab", None), ("a", "b", None)]
    assert len({columns_key(v) for v in looks_alike}) == len(looks_alike)
    member = "".join(["mem", "ber"])        # equal text, not the same object
    assert columns_key(("m1", member, 2.5)) == columns_key(("m1", "member", 2.5))
