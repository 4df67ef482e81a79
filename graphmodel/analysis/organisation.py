"""The organisation a review speaks for: named, the dataset's home organisation, or asked for.

Nothing guesses one. A command that needs an organisation and has none says how
to name one, listing the organisations seats are held on behalf of, most seats
first.
"""
from __future__ import annotations

from collections import Counter

from graphmodel.names import suggest_id
from graphmodel.model import Network
from graphmodel.problems import UsageError
from graphmodel.words import count

__all__ = ["UnknownOrganisation", "NoOrganisation", "organisation_to_review",
           "organisation_if_any", "candidates"]

CANDIDATES_SHOWN = 5


class UnknownOrganisation(UsageError):
    """No organisation with that id in the dataset."""


class NoOrganisation(UsageError):
    """No organisation named, and the dataset has no home organisation."""


def candidates(network: Network, limit: int = CANDIDATES_SHOWN) -> list[tuple[str, str, int]]:
    """(id, name, seats) of the organisations most seats are held on behalf of."""
    seats = Counter(m.on_behalf_of for m in network.memberships.values()
                    if m.on_behalf_of in network.organisations)
    ranked = sorted(seats.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return [(org, network.organisations[org].name, n) for org, n in ranked]


def organisation_to_review(network: Network, org: str | None) -> str:
    """The id of the organisation to review: ``org``, else the home organisation.

    Raises NoOrganisation (naming candidates) when there is neither, and
    UnknownOrganisation when the id is not in the dataset.
    """
    found = organisation_if_any(network, org)
    if found is None:
        raise NoOrganisation(no_organisation_message(network))
    return found


def organisation_if_any(network: Network, org: str | None) -> str | None:
    """The id of the organisation to review, as :func:`organisation_to_review`, or None
    when none is named and the dataset has no home organisation.

    Raises UnknownOrganisation when the id is not in the dataset.
    """
    org = org or network.dataset.home_organisation
    if org and org not in network.organisations:
        raise UnknownOrganisation(f"no organisation {org!r} in {network.dataset.id}"
                                  + suggest_id(org, network.organisations))
    return org or None


def no_organisation_message(network: Network) -> str:
    found = candidates(network)
    if found:
        listed = ", ".join(f"{org} ({name}, {count(n, 'seat')})"
                           for org, name, n in found)
        hint = f"candidates (organisations seats are held on behalf of): {listed}"
    elif network.organisations:
        hint = ("no seat records whom it is held on behalf of; the organisations are: "
                + ", ".join(list(network.organisations)[:CANDIDATES_SHOWN]))
    else:
        hint = "the dataset has no organisations"
    return (f"no organisation to review in {network.dataset.id}: name one with --org ID "
            f"(or set home_organisation in the dataset table); {hint}")
