"""A county council imported from its ModernGov site gets answers, not notes: its
vacancies, its committee structure, who is at risk under the six-month rule."""
from __future__ import annotations

from collections import Counter

import pytest

from graphmodel import open_source
from graphmodel.analysis.review import review
from graphmodel.importers.moderngov import import_moderngov
from moderngov_council import COMMITTEES, COUNCIL, write_council_site

UNKNOWNS = {"no-accountability-line", "representation-unrecorded", "resources-unrecorded",
            "no-chair", "empty-body"}


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    folder = tmp_path_factory.mktemp("county")
    report = import_moderngov(str(write_council_site(folder / "site")), folder / "out",
                              council=COUNCIL)
    network = open_source(report.path)
    return network, review(network)


def by_rule(findings):
    return Counter(f.rule for f in findings)


def test_every_committee_but_the_full_council_reports_somewhere(county):
    network, findings = county
    lines = {l.body for l in network.reporting_lines.values()}
    committees = {b.id for b in network.bodies.values() if b.id.startswith("committee-")}
    (root,) = [b.id for b in network.bodies.values() if b.kind == "full_council"]
    assert network.bodies[root].name == COUNCIL
    assert lines == committees - {root} and len(lines) == len(COMMITTEES) - 1
    assert all(l.kind == "inferred" and l.notes for l in network.reporting_lines.values())
    # the Appointments Sub-Committee is listed in the category "Appointments Committee"
    sub = next(b.id for b in network.bodies.values() if b.name == "Appointments Sub-Committee")
    (line,) = [l for l in network.reporting_lines.values() if l.body == sub]
    assert network.bodies[line.reports_to].name == "Appointments Committee"
    assert not [f for f in findings if f.rule == "no-accountability-line"
                and f.subject.id in committees]


def test_outside_bodies_with_nobody_appointed_are_vacancies_not_unknowns(county):
    network, findings = county
    vacant = {f.subject.id for f in findings if f.rule == "vacant-appointment"}
    empty = {r.body for r in network.nomination_rights.values()
             if not any(m.body == r.body for m in network.memberships.values())}
    assert empty and empty <= vacant
    assert by_rule(findings)["representation-unrecorded"] == 0


def test_a_list_of_the_councils_appointees_is_not_said_to_lack_a_chair(county):
    network, findings = county
    outside = {b.id for b in network.bodies.values() if b.id.startswith("outside-body-")}
    assert not [f for f in findings if f.rule == "no-chair" and f.subject.id in outside]
    assert all(network.bodies[b].membership_complete for b in network.bodies
               if b.startswith("committee-"))


def test_the_councillor_away_seven_months_has_ceased_and_the_rest_are_known(county):
    network, findings = county
    six = [f for f in findings if f.rule == "six-month-rule"]
    errors = [f for f in six if f.severity == "error"]
    assert len(errors) == 1 and "six months ran out" in errors[0].message
    assert network.people[errors[0].subject.id].kind == "elected_member"


def test_most_findings_are_answers_not_notes_of_what_is_unknown(county):
    _, findings = county
    counts = by_rule(findings)
    unknown = sum(n for rule, n in counts.items() if rule in UNKNOWNS)
    assert unknown < len(findings) / 3, counts
