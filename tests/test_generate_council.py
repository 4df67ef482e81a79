"""The council profile of the generator: a county council's committees, councillors and
outside bodies, of a real council's shape."""
from __future__ import annotations

import collections
import hashlib
from pathlib import Path

import pytest

from graphmodel.generate.council import (COMMITTEES_CATEGORY, OUTSIDE_CATEGORIES,
                                         council_network, generate_council)
from graphmodel.problems import SUCCESS, errors
from graphmodel.sources import read_source

SEEDS = (0, 1, 2, 3, 7, 11)


@pytest.fixture(scope="module", params=SEEDS)
def council(request):
    return council_network(request.param)


def committees(net):
    return [b for b in net.bodies.values() if b.category == COMMITTEES_CATEGORY]


def outside(net):
    return [b for b in net.bodies.values() if b.category != COMMITTEES_CATEGORY]


def by_name(net, name):
    return next(b for b in net.bodies.values() if b.name == name)


def test_sizes_are_a_real_councils(council):
    assert 36 <= len(committees(council)) <= 44
    assert 60 <= len(outside(council)) <= 120
    councillors = [p for p in council.people.values() if p.kind == "elected_member"]
    assert 50 <= len(councillors) <= 80
    assert 400 <= len(council.memberships) <= 800


def test_every_councillor_sits_on_the_full_council_in_a_party_group(council):
    full = by_name(council, "Full Council")
    on_council = {m.person for m in council.memberships.values() if m.body == full.id}
    councillors = {p.id for p in council.people.values() if p.kind == "elected_member"}
    assert on_council == councillors
    parties = collections.Counter(council.people[p].notes for p in councillors)
    assert len(parties) >= 3 and all(n.startswith("Party group: ") for n in parties)
    assert parties.most_common(1)[0][1] < len(councillors)   # no one-party council


def test_committees_report_up_to_the_full_council(council):
    full = by_name(council, "Full Council")
    parent = {line.body: line.reports_to for line in council.reporting_lines.values()}
    assert parent[by_name(council, "Cabinet").id] == full.id
    assert parent[by_name(council, "Licensing Sub-Committee A").id] == \
        by_name(council, "Licensing Committee").id
    for body in committees(council):
        seen, at = set(), body.id
        while at in parent:   # every line leads to the full council, with no loop
            assert at not in seen
            seen.add(at)
            at = parent[at]
        assert at == full.id


def test_sub_committees_are_drawn_from_their_parents_members(council):
    seats = collections.defaultdict(set)
    for m in council.memberships.values():
        seats[m.body].add(m.person)
    licensing = by_name(council, "Licensing Committee")
    sub = by_name(council, "Licensing Sub-Committee A")
    assert seats[sub.id] and seats[sub.id] <= seats[licensing.id]


def test_scrutiny_committees_scrutinise_the_cabinet_and_no_cabinet_member_sits_on_them(council):
    cabinet = by_name(council, "Cabinet")
    scrutineers = {link.scrutiny_body for link in council.scrutiny_links.values()
                   if link.body == cabinet.id}
    assert by_name(council, "Overview and Scrutiny Commission").id in scrutineers
    members = collections.defaultdict(set)
    for m in council.memberships.values():
        members[m.body].add(m.person)
    for body in scrutineers:
        assert not members[body] & members[cabinet.id]


def test_each_committee_has_its_membership_complete_and_a_chair(council):
    chairs = collections.Counter(m.body for m in council.memberships.values() if m.role == "chair")
    vice = collections.Counter(m.body for m in council.memberships.values()
                               if m.role == "vice_chair")
    for body in committees(council):
        assert body.membership_complete is True
        assert chairs[body.id] == 1, body.name
    assert sum(vice.values()) >= len(committees(council)) // 2


def test_outside_bodies_are_in_the_registers_categories_with_the_councils_right_to_appoint(council):
    categories = {b.category for b in outside(council)}
    assert categories <= set(OUTSIDE_CATEGORIES) and len(categories) >= 6
    full = by_name(council, "Full Council")
    rights = {r.body: r for r in council.nomination_rights.values()}
    seated = {m.body for m in council.memberships.values()}
    vacancies = [b for b in outside(council) if b.id in rights and b.id not in seated]
    withdrawn = [b for b in outside(council) if "o1" in b.no_seat_for]
    assert all(r.nominating_body == full.id for r in rights.values())
    assert 1 <= len(vacancies) <= len(outside(council)) // 5   # the odd vacancy
    assert all(b.id not in seated and b.id not in rights for b in withdrawn)
    for m in council.memberships.values():
        if m.body in rights:
            assert m.nominated_by == full.id and m.on_behalf_of == "o1"


def test_names_look_real_and_are_unique(council):
    names = [b.name for b in council.bodies.values()]
    assert len(names) == len(set(names))
    people = [p.name for p in council.people.values()]
    assert len(people) == len(set(people))
    assert all(len(n.split()) == 2 for n in people)


def test_the_same_seed_draws_the_same_council_and_another_seed_another():
    assert council_network(5) == council_network(5)
    assert council_network(5) != council_network(6)


def test_without_outside_bodies_it_is_the_committees_alone():
    net = council_network(2, outside_bodies=False)
    assert len(net.bodies) == len(committees(net)) <= 60
    assert not net.nomination_rights


def digest(folder: Path) -> str:
    return hashlib.sha256(b"".join(p.read_bytes() for p in sorted(folder.glob("*.csv"))))\
        .hexdigest()


def test_written_it_reads_back_with_no_problem_and_the_same_bytes_each_time(tmp_path):
    counts = generate_council(tmp_path / "a", seed=4)
    net, problems = read_source(tmp_path / "a")
    assert problems == [], [str(p) for p in problems[:5]]
    assert counts["bodies"] == len(net.bodies) and counts["memberships"] == len(net.memberships)
    generate_council(tmp_path / "b", seed=4)
    assert digest(tmp_path / "a") == digest(tmp_path / "b")


def test_the_command_writes_it_and_check_reviews_it(tmp_path):
    from click.testing import CliRunner

    from graphmodel.cli import main

    runner = CliRunner()
    out = tmp_path / "council"
    made = runner.invoke(main, ["generate", "--profile", "council", "--seed", "3",
                                "--out", str(out)])
    assert made.exit_code == 0, made.output
    assert "memberships" in made.output
    checked = runner.invoke(main, ["check", str(out)])
    assert checked.exit_code == SUCCESS, checked.output   # warnings are not failures
    assert "unrepresented" in checked.output
    assert not errors(read_source(out)[1])


def test_the_command_says_which_numbers_each_profile_takes(tmp_path):
    from click.testing import CliRunner

    from graphmodel.cli import main

    runner = CliRunner()
    both = runner.invoke(main, ["generate", "--profile", "council", "--bodies", "9",
                                "--out", str(tmp_path / "x")])
    assert both.exit_code == 2 and "leave out --bodies" in both.output
    neither = runner.invoke(main, ["generate", "--out", str(tmp_path / "y")])
    assert neither.exit_code == 2 and "--bodies N and --people N" in neither.output
