"""What can go wrong with a Neo4j store, each with its exit code from
:data:`graphmodel.problems.EXIT_CODES`."""
from __future__ import annotations

from graphmodel.problems import (INCOMPLETE_DATASET, LOAD_LOCKED, NOT_NEO4J_5,
                                 SERVER_UNREACHABLE, STORE_ERROR, UNKNOWN_DATABASE,
                                 UNKNOWN_DATASET, USAGE, WRONG_CREDENTIALS, GraphmodelError)

__all__ = ["StoreError", "BadUri", "ServerUnreachable", "WrongCredentials",
           "UnknownDatabase", "NotNeo4j5", "IncompleteDataset", "UnknownDataset", "LoadLocked"]


class StoreError(GraphmodelError):
    exit_code = STORE_ERROR


class ServerUnreachable(StoreError):
    exit_code = SERVER_UNREACHABLE


class WrongCredentials(StoreError):
    exit_code = WRONG_CREDENTIALS


class UnknownDatabase(StoreError):
    exit_code = UNKNOWN_DATABASE


class NotNeo4j5(StoreError):
    exit_code = NOT_NEO4J_5


class IncompleteDataset(StoreError):
    exit_code = INCOMPLETE_DATASET


class UnknownDataset(StoreError):
    exit_code = UNKNOWN_DATASET


class LoadLocked(StoreError):
    """Another load of the dataset holds its lock."""
    exit_code = LOAD_LOCKED


class BadUri(StoreError):
    """A URI that is not a Neo4j server's: a usage error."""
    exit_code = USAGE
