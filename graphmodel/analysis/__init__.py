"""Analyses: pure functions over a Network that return findings, by topic."""
