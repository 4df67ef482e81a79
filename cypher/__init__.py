"""Cypher files: schema, load and read queries, and examples for Neo4j Browser."""
