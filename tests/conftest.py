"""Shared fixtures: a small hand-built network and helpers to write it out."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# a shared, busy machine must not turn a slow example into a failure: no deadlines
settings.register_profile("graphmodel", deadline=None)
settings.load_profile("graphmodel")

from graphmodel.model import (Assessment, Body, Dataset, Document, Membership, Network,
                              Organisation, Person, Post, ReportingLine, Resourcing,
                              ScrutinyLink, Succession, Theme)
from graphmodel.sources import open_source, write_source


def small_network() -> Network:
    """A council, a partnership board with a scrutiny board, and three people."""
    doc = dict(source_document="report", source_section="para 1")
    return Network(Dataset("town", "Town partnerships", "council", "a small test network"), [
        Document("report", "Report on partnerships", "Town Council", "2013-03-14", "report.txt"),
        Organisation("council", "Town Council", "local_authority", **doc),
        Organisation("police", "County Police", "police", **doc),
        Theme("safety", "Community safety", **doc),
        Body("council-meeting", "Full Council", "full_council", **doc),
        Body("board", "Safer Town Board", "strategic_partnership_board", themes=("safety",),
             declared_size=15, declared_composition="partner=11; elected_member=4",
             established="2011", **doc),
        Body("scrutiny", "Safer Town Scrutiny Board", "scrutiny_board", **doc),
        Body("old-board", "Town Initiative Board", "partnership_board", dissolved="2012-12", **doc),
        Person("ann", "Ann Smith", "elected_member", "council", **doc),
        Person("bob", "Bob Jones", "partner_representative", "police", **doc),
        Post("director", "Director of Neighbourhoods", "council", **doc),
        Membership("m-ann", "board", person="ann", role="chair", on_behalf_of="council",
                   start="2012-05-01", **doc),
        Membership("m-bob", "board", person="bob", role="member", on_behalf_of="police",
                   start="2012-05-01", end="2013-05-31", **doc),
        Membership("m-director", "board", post="director", role="support_officer",
                   on_behalf_of="council", **doc),
        Membership("m-old", "old-board", person="ann", on_behalf_of="council", **doc),
        ReportingLine("line-board", "board", "old-board", end="2012-12", **doc),
        ReportingLine("line-scrutiny", "scrutiny", "council-meeting", **doc),
        ScrutinyLink("critical-friend", "scrutiny", "board", **doc),
        Succession("replaced", "old-board", "board", "2012-12", **doc),
        Resourcing("res-board", "council", "board", officer_hours_per_month=40,
                   money_per_year=8000, estimate=True, **doc),
        Assessment("assess-board", "council", "board", "high", "medium", "increase",
                   "2014-01-16", **doc),
    ])


SEED = Path(__file__).resolve().parent.parent / "seed_data"


@pytest.fixture(scope="module")
def leeds() -> Network:
    """The Leeds seed dataset (shared within a test module: do not edit it in place)."""
    return open_source(SEED / "leeds")


@pytest.fixture(scope="module")
def harborough() -> Network:
    """The Harborough seed dataset (shared within a test module: do not edit it in place)."""
    return open_source(SEED / "harborough")


@pytest.fixture
def network() -> Network:
    return small_network()


@pytest.fixture
def dataset_dir(tmp_path, network):
    return write_source(network, tmp_path / "town", "csv")


# --- a real Neo4j server for the integration tests -------------------------------------

def _free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def neo4j_uri(tmp_path_factory):
    """A Neo4j 5 server: the one NEO4J_URI names, else a local one started for the session.

    The local one has auth on, with a random password put in NEO4J_PASSWORD. Under
    CI=true a server that cannot be started fails the tests instead of skipping them.
    """
    import os
    import secrets

    if os.environ.get("NEO4J_URI"):
        yield os.environ["NEO4J_URI"]
        return
    from graphmodel.store import server

    saved = {k: os.environ.get(k) for k in ("NEO4J_USERNAME", "NEO4J_PASSWORD")}
    password = "gm-" + secrets.token_hex(12)
    try:
        info = server.start(_free_port(), password=password,
                            home=tmp_path_factory.mktemp("neo4j"), heap="1g")
    except server.ServerError as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"no Neo4j server could be started: {exc}")
        pytest.skip(f"no Neo4j server could be started: {exc}")
    os.environ.update(NEO4J_USERNAME="neo4j", NEO4J_PASSWORD=password)
    try:
        yield info.uri
    finally:
        server.stop_instance(info)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture
def store(neo4j_uri):
    """An open store on an empty database."""
    from graphmodel.store.connection import connect

    with connect(neo4j_uri) as s:
        with s.driver.session(database=s.database) as session:
            session.run("MATCH (n) CALL { WITH n DETACH DELETE n } "
                        "IN TRANSACTIONS OF 10000 ROWS").consume()
        yield s
