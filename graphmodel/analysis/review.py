"""Every analysis at once: the findings a full review of a network produces."""
from __future__ import annotations

import datetime as _dt
from typing import Callable

from graphmodel.analysis.findings import Finding, at_or_above
from graphmodel.analysis.runner import run_rules
from graphmodel.model import Network
from graphmodel.registry import TOPICS, Standards

__all__ = ["review", "at_or_above", "TOPICS"]


def review(network: Network, org: str | None = None, rules: Standards | None = None,
           as_of: "str | _dt.date | None" = None,
           progress: Callable[[int], None] | None = None) -> list[Finding]:
    """Run every rule of every topic and return the findings, most severe first.

    Parameters
    ----------
    network : the Network to review
    org : the organisation the review speaks for (default: the dataset's home
        organisation; with neither, the rules that need one are left out)
    rules : rules from :func:`graphmodel.standards.load_rules` (default: the default file)
    as_of : the day to review (default: the day the dataset describes, else today)
    progress : called with 1 as each of the four topics (:data:`TOPICS`) is done
    """
    return run_rules(network, rules, org, as_of, progress=progress)
