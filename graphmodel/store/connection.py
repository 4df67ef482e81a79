"""The connection to a Neo4j 5 server: its URI checked, credentials from the environment,
the driver's errors translated into :mod:`graphmodel.store.errors`.

Credentials come from NEO4J_USERNAME and NEO4J_PASSWORD; they are never
logged or printed: messages name the server by its URI without user or password.
"""
from __future__ import annotations

import logging
import os
from typing import Any, Callable
from urllib.parse import urlsplit

from neo4j import GraphDatabase, ManagedTransaction
from neo4j import exceptions as ne

from graphmodel.store.errors import (BadUri, NotNeo4j5, ServerUnreachable, StoreError,
                                     UnknownDatabase, WrongCredentials)
from graphmodel.store.queries import queries, query

__all__ = ["BOLT_SCHEMES", "credentials", "Store", "check_version", "connect"]

# The driver's own log lines (retries, notifications) would reach the terminal through
# Python's last-resort handler; graphmodel reports errors itself, in one line.
logging.getLogger("neo4j").addHandler(logging.NullHandler())
logging.getLogger("neo4j").propagate = False


BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _safe_uri(uri: str) -> str:
    """The URI without any user or password in it, for messages; BadUri unless it is a
    Bolt URI with a host (and a port from 1 to 65535, if it has one)."""
    try:
        parts = urlsplit(uri)
        port = parts.port
    except ValueError as exc:   # a port out of range, a broken IPv6 address
        raise BadUri(f"{uri!r} is not a Neo4j URI ({exc}); it looks like "
                     "bolt://127.0.0.1:7687") from None
    host = parts.hostname or ""
    safe = f"{parts.scheme}://{host}{f':{port}' if port else ''}"
    if parts.scheme.lower() in ("http", "https"):
        raise BadUri(f"{safe}: an HTTP address; graphmodel talks to Neo4j over Bolt: "
                     f"use bolt://{host or '127.0.0.1'}:7687 (Bolt's usual port)")
    if parts.scheme.lower() not in BOLT_SCHEMES or not host:
        raise BadUri(f"{safe if host else 'the URI'} is not a Neo4j URI: it should look like "
                     f"bolt://127.0.0.1:7687 (schemes: {', '.join(BOLT_SCHEMES)})")
    return safe


def credentials() -> tuple[str, str] | None:
    """(user, password) from NEO4J_USERNAME / NEO4J_PASSWORD, or None for no auth."""
    password = os.environ.get("NEO4J_PASSWORD")
    if password is None:
        return None
    return os.environ.get("NEO4J_USERNAME", "neo4j"), password


class Store:
    """An open connection to one database of a Neo4j 5 server."""

    def __init__(self, uri: str, database: str | None = None,
                 auth: tuple[str, str] | None = None) -> None:
        self.uri = _safe_uri(uri)
        if urlsplit(uri).username or urlsplit(uri).password:
            raise StoreError("put the user name and password in NEO4J_USERNAME and "
                             "NEO4J_PASSWORD, not in the URI")
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        try:
            self.driver = GraphDatabase.driver(uri, auth=auth if auth else None,
                                               connection_timeout=10,
                                               max_transaction_retry_time=30,
                                               notifications_min_severity="OFF")
        except (ValueError, ne.ConfigurationError) as exc:
            raise BadUri(f"{self.uri}: not a Neo4j URI ({exc})") from None
        try:  # fails fast, where a transaction would retry for half a minute
            self.driver.verify_connectivity()
        except Exception as exc:
            self.driver.close()
            raise self._translate(exc) from None
        self.server = self._check_server()

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _translate(self, exc: Exception) -> StoreError:
        where = self.uri + (f" database {self.database!r}" if self.database else "")
        code = str(getattr(exc, "code", "") or "")
        text, cause = str(exc), exc.__cause__ or exc.__context__
        while cause is not None:
            text, cause = f"{text} {cause}", cause.__cause__ or cause.__context__
        if isinstance(exc, ne.AuthError) or "Unauthorized" in code:
            return WrongCredentials(f"{where}: the server refused the credentials; set "
                                    "NEO4J_USERNAME and NEO4J_PASSWORD")
        if "DatabaseNotFound" in code:
            return UnknownDatabase(f"{where}: the server has no such database; omit "
                                   "--database for the default one")
        if "looks like HTTP" in text:
            return NotNeo4j5(f"{where}: an HTTP server answers there, not Neo4j's Bolt; "
                             "use the Bolt port (usually 7687)")
        if isinstance(exc, ne.SessionExpired) or "ProcedureNotFound" in code:
            return NotNeo4j5(f"{where}: the server there does not answer like Neo4j 5")
        if isinstance(exc, (ne.ServiceUnavailable, OSError)):
            return ServerUnreachable(f"{where}: no Neo4j server answers there; start one "
                                     "with `graphmodel neo4j start` or check NEO4J_URI")
        return StoreError(f"{where}: {getattr(exc, 'message', None) or text}")

    def _check_server(self) -> dict[str, str]:
        return check_version(self.uri, self.run("read.cypher", "server"))

    def run(self, file: str, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run one named query in a managed transaction (write for load.cypher)."""
        text = query(file, name)

        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            # not record.data(): it walks every nested value in Python, which for the
            # million values of a load's state costs more than the query itself
            return [dict(record.items()) for record in tx.run(text, **params)]
        try:
            with self.driver.session(database=self.database) as session:
                if file == "load.cypher" or file == "schema.cypher":
                    return session.execute_write(work)
                return session.execute_read(work)
        except StoreError:
            raise
        except Exception as exc:  # the driver's own errors become one clear line
            if isinstance(exc, (ne.Neo4jError, ne.DriverError, OSError)):
                raise self._translate(exc) from None
            raise

    def ensure_schema(self) -> None:
        for name in queries("schema.cypher"):
            self.run("schema.cypher", name)

    def datasets(self) -> list[dict[str, Any]]:
        return self.run("read.cypher", "datasets")

    def dataset(self, dataset: str) -> dict[str, Any]:
        """The properties of a dataset's node ({} when the database holds no such dataset)."""
        rows = self.run("read.cypher", "dataset", dataset=dataset)
        return rows[0]["p"] if rows else {}


def check_version(uri: str, components: list[dict[str, Any]]) -> dict[str, str]:
    """The server's version from dbms.components(); NotNeo4j5 unless Neo4j 5 or later."""
    kernel = next((c for c in components if c.get("name") == "Neo4j Kernel"), None)
    version = str(kernel.get("version")) if kernel else ""
    major = version.split(".")[0]
    if not kernel or not major.isdigit() or int(major) < 5:
        found = f"Neo4j {version}" if kernel else "not Neo4j"
        raise NotNeo4j5(f"{uri}: the server is {found}; graphmodel needs Neo4j 5 or later")
    return {"version": version, "edition": str(kernel.get("edition"))}


def connect(uri: str, database: str | None = None,
            auth: Callable[[], tuple[str, str] | None] | None = None) -> Store:
    """Open a store with credentials from the environment.

    ``auth`` may be a function asked for credentials when the environment has
    none and the server refuses to go without (the CLI prompts on a terminal).
    """
    env = credentials()
    try:
        return Store(uri, database, env)
    except WrongCredentials:
        asked = auth() if (auth and env is None) else None
        if asked is None:
            raise
        return Store(uri, database, asked)
