"""Every analysis at once: the findings a full review of a network produces."""
from __future__ import annotations

import datetime as _dt
from typing import Any, Callable

from graphmodel.analysis.findings import SEVERITIES, Finding
from graphmodel.memory import without_cycle_collection
from graphmodel.model import Network

__all__ = ["review", "at_or_above", "TOPICS", "NEEDS_ORGANISATION"]


TOPICS = ("representation", "accountability", "overlaps", "resources")
# topics that speak for one organisation: left out when there is none to speak for
NEEDS_ORGANISATION = ("representation", "resources")


@without_cycle_collection
def review(network: Network, org: str | None = None, rules: dict[str, Any] | None = None,
           as_of: "str | _dt.date | None" = None,
           progress: Callable[[int], None] | None = None) -> list[Finding]:
    """Run every rule of every topic and return the findings, most severe first.

    Parameters
    ----------
    network : the Network to review
    org : the organisation the review speaks for (default: the dataset's home
        organisation; with neither, the topics in :data:`NEEDS_ORGANISATION` are left out)
    rules : rules from :func:`graphmodel.rules.load_rules` (default: the default file)
    as_of : the day to review (default: the day the dataset describes, else today)
    progress : called with 1 as each of the four topics (:data:`TOPICS`) is done
    """
    from graphmodel.analysis.accountability import accountability_findings
    from graphmodel.analysis.overlaps import overlap_findings
    from graphmodel.analysis.representation import representation_gaps
    from graphmodel.analysis.resources import resource_findings
    from graphmodel.rules import load_rules

    rules = rules or load_rules()
    as_of = network.review_day(as_of)
    speaks_for = org or network.dataset.home_organisation
    topics = [lambda: representation_gaps(network, org=org, rules=rules, as_of=as_of),
              lambda: accountability_findings(network, rules=rules, as_of=as_of),
              lambda: overlap_findings(network, rules=rules, as_of=as_of),
              lambda: resource_findings(network, org=org, rules=rules, as_of=as_of)]
    findings: list[Finding] = []
    for i, topic in enumerate(topics):
        if speaks_for or TOPICS[i] not in NEEDS_ORGANISATION:
            findings += topic()
        if progress:
            progress(1)
    rank = {s: i for i, s in enumerate(reversed(SEVERITIES))}
    return sorted(findings, key=lambda f: rank[f.severity])


def at_or_above(findings: list[Finding], severity: str) -> list[Finding]:
    """The findings at or above a severity (info < warning < error)."""
    floor = SEVERITIES.index(severity)
    return [f for f in findings if SEVERITIES.index(f.severity) >= floor]
