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


def test_the_store_runs_only_named_queries_from_the_files():
    source = (Path(__file__).resolve().parent.parent / "graphmodel" / "store" / "neo4j.py")
    text = source.read_text(encoding="utf-8")
    assert "MATCH" not in text and "MERGE" not in text and "CREATE" not in text
