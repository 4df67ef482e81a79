"""Accountability chains, on the Leeds reports and on small hand-built networks."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from graphmodel import open_source
from graphmodel.analysis.accountability import (UnknownBody, accountability_findings, chain_end,
                                                chains)
from graphmodel.analysis.example import body, line, run_rule, tiny_network
from graphmodel.cli import main
from graphmodel.generate import generate
from graphmodel.generate.distributions import AS_OF
from graphmodel.graph import accountability_graph
from graphmodel.model import Body, Membership, ReportingLine, ScrutinyLink
from graphmodel.standards import load_rules

SEED = Path(__file__).resolve().parent.parent / "seed_data"
CLUSTERS = ["cluster-temple-newsam", "cluster-brigshaw", "cluster-beeston-cottingley-middleton",
            "cluster-alwoodley", "cluster-open-xs"]


def by_rule(findings, rule):
    return {f.subject.id: f for f in findings if f.rule == rule}


def test_each_cluster_partnership_sits_under_the_childrens_trust_board(leeds):
    for cluster in CLUSTERS:
        found = chains(leeds, cluster, as_of="2013-03-01")
        assert [[b.id for b in chain] for chain in found] == [[cluster, "childrens-trust-board"]]


def test_the_ssc_scrutiny_board_reports_to_council(leeds):
    found = chains(leeds, "scrutiny-ssc", as_of="2013-03-01")
    assert [[b.name for b in c] for c in found] == [
        ["Scrutiny Board (Safer and Stronger Communities)", "Full Council"]]


def test_the_leeds_initiative_board_replacement_left_the_third_sector_partnership_without_a_line(
        leeds):
    finding = by_rule(accountability_findings(leeds, as_of="2013-03-01"),
                      "no-accountability-line")["third-sector-partnership"]
    assert finding.severity == "warning"
    assert finding.data["broken_by"] == "replaced"
    assert finding.message == (
        "The Third Sector Partnership has no current reporting line. It reported to the Leeds "
        "Initiative Board until 2012-12, which was replaced by the Best City Leadership "
        "Network (2012-12); no line to its successor is recorded.")
    cited = {(e.type, e.id) for e in finding.evidence}
    assert {("reporting_line", "third-sector-to-leeds-initiative"),
            ("succession", "leeds-initiative-to-best-city"),
            ("body", "best-city-leadership-network")} <= cited


def test_before_the_replacement_the_third_sector_partnership_reached_the_initiative_board(leeds):
    found = accountability_findings(leeds, as_of="2012-06-01")
    assert "third-sector-partnership" not in by_rule(found, "no-accountability-line")
    # the chain broke one level up instead: the Leeds Initiative Board itself had no line
    assert by_rule(found, "no-accountability-line")["leeds-initiative-board"].data[
        "bodies_below"] == ["third-sector-partnership"]


def test_the_five_strategic_partnership_boards_each_have_a_critical_friend(leeds):
    assert by_rule(accountability_findings(leeds, as_of="2013-03-01"), "unscrutinised") == {}


def test_a_strategic_board_without_its_scrutiny_link_is_unscrutinised(leeds):
    links = dict(leeds.scrutiny_links)
    del links["scrutiny-ssc-critical-friend"]
    edited = open_source(SEED / "leeds")
    edited.tables["scrutiny_links"] = links
    found = by_rule(accountability_findings(edited, as_of="2013-03-01"), "unscrutinised")
    assert set(found) == {"ssc-partnership-board"}


def test_the_ssc_scrutiny_chair_also_attends_the_board_it_scrutinises(leeds):
    found = [f for f in accountability_findings(leeds, as_of="2013-03-01")
             if f.rule == "scrutiny-conflict"]
    assert [f.subject.id for f in found] == ["chair-scrutiny-ssc"]
    assert found[0].message == (
        "Chair of the Safer and Stronger Communities Scrutiny Board sits on the Scrutiny Board "
        "(Safer and Stronger Communities) (chair) and on the Safer and Stronger Communities "
        "Partnership Board (attendee), which the Scrutiny Board (Safer and Stronger "
        "Communities) scrutinises: a scrutineer who is also part of the body scrutinised.")
    assert {e.id for e in found[0].evidence} == {
        "scrutiny-ssc-critical-friend", "scrutiny-ssc-chair", "ssc-board-scrutiny-chair"}


def test_chains_on_the_command_line_are_a_json_list_of_chains(leeds):
    result = CliRunner().invoke(main, ["chains", str(SEED / "leeds"), "--body",
                                       "cluster-alwoodley", "--as-of", "2013-03-01",
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [[
        {"id": "cluster-alwoodley", "name": "Alwoodley cluster"},
        {"id": "childrens-trust-board", "name": "Children's Trust Board"}]]


def test_chains_of_an_unknown_or_dissolved_body_are_refused(leeds):
    with pytest.raises(UnknownBody, match=r"^no body 'cluster-brigshw' in leeds \(did you "
                                          r"mean 'cluster-brigshaw'\?\)$"):
        chains(leeds, "cluster-brigshw")
    with pytest.raises(UnknownBody, match="did not exist on 2013-03-01"):
        chains(leeds, "leeds-initiative-board", as_of="2013-03-01")
    result = CliRunner().invoke(main, ["chains", str(SEED / "leeds"), "--body", "nowhere"])
    assert result.exit_code == 2 and "no body 'nowhere'" in result.output
    assert "Traceback" not in result.output


# --- hand-built networks -------------------------------------------------------------

def with_records(network, *records):
    for record in records:
        table = {Body: "bodies", ReportingLine: "reporting_lines", ScrutinyLink: "scrutiny_links",
                 Membership: "memberships"}[type(record)]
        network.tables[table][record.id] = record
    return network


def test_a_line_to_a_dissolved_body_with_no_successor_is_reported_as_dissolved(network):
    del network.successions["replaced"]
    finding = by_rule(accountability_findings(network, as_of="2013-06-01"),
                      "no-accountability-line")["board"]
    assert finding.data["broken_by"] == "dissolved"
    assert finding.message == ("The Safer Town Board has no current reporting line. It "
                               "reported to the Town Initiative Board until 2012-12, which "
                               "was dissolved (2012-12).")
    assert finding.severity == "warning"


def test_a_line_to_a_body_replaced_but_not_recorded_as_dissolved_is_broken(network):
    network.tables["bodies"]["old-board"] = replace(network.bodies["old-board"], dissolved=None)
    network.tables["reporting_lines"]["line-board"] = replace(network.reporting_lines["line-board"],
                                                              end=None)
    still = by_rule(accountability_findings(network, as_of="2012-12-31"), "no-accountability-line")
    assert "board" not in still           # replaced during December 2012: not yet
    finding = by_rule(accountability_findings(network, as_of="2013-01-01"),
                      "no-accountability-line")["board"]
    assert finding.data["broken_by"] == "replaced" and finding.severity == "warning"
    assert finding.message == ("The Safer Town Board has no current reporting line. It "
                               "reported to the Town Initiative Board, which was replaced by "
                               "the Safer Town Board (2012-12); no line to its successor is "
                               "recorded.")


def test_a_reporting_line_counts_through_its_last_day(network):
    # line-board ends "2012-12": current on 31 December, gone on 1 January
    on_last_day = accountability_findings(network, as_of="2012-12-31")
    next_day = accountability_findings(network, as_of="2013-01-01")
    assert "board" not in by_rule(on_last_day, "no-accountability-line")
    assert "board" in by_rule(next_day, "no-accountability-line")


def test_bodies_reporting_to_each_other_are_a_cycle(network):
    with_records(network,
                 Body("a", "Board A", "partnership_board"), Body("b", "Board B", "partnership"),
                 ReportingLine("a-b", "a", "b"), ReportingLine("b-a", "b", "a"))
    found = accountability_findings(network, as_of="2013-06-01")
    cycle = [f for f in found if f.rule == "accountability-cycle"]
    assert len(cycle) == 1 and cycle[0].severity == "error"
    assert cycle[0].data["bodies"] == ["a", "b"]
    assert [(e.type, e.id) for e in cycle[0].evidence] == [
        ("body", "a"), ("body", "b"), ("reporting_line", "a-b"), ("reporting_line", "b-a")]
    assert cycle[0].message == ("These bodies report to each other in a loop, so none of them "
                                "answers to a root: Board A, Board B.")
    # neither reaches a root, yet each has a line: the cycle is the finding, not a missing line
    assert not {"a", "b"} & set(by_rule(found, "no-accountability-line"))
    assert [[b.id for b in c] for c in chains(network, "a", as_of="2013-06-01")] == [["a", "b"]]


def test_formal_lines_to_two_bodies_are_multiple_parents_but_an_informal_one_is_not(network):
    with_records(network, ReportingLine("board-council", "board", "council-meeting"),
                 ReportingLine("board-scrutiny", "board", "scrutiny", kind="informal"))
    found = by_rule(accountability_findings(network, as_of="2013-06-01"), "multiple-parents")
    assert found == {}
    with_records(network, ReportingLine("board-scrutiny", "board", "scrutiny", kind="statutory"))
    found = by_rule(accountability_findings(network, as_of="2013-06-01"), "multiple-parents")
    assert found["board"].data["parents"] == ["council-meeting", "scrutiny"]
    assert len(chains(network, "board", as_of="2013-06-01")) == 2


def test_a_chain_longer_than_the_rules_allow_is_long(network):
    previous = "council-meeting"
    for level in range(1, 7):
        with_records(network, Body(f"l{level}", f"Level {level} group", "working_group"),
                     ReportingLine(f"line-{level}", f"l{level}", previous))
        previous = f"l{level}"
    found = by_rule(accountability_findings(network, as_of="2013-06-01"), "long-chain")
    assert sorted(found) == ["l5", "l6"]          # default: at most 4 lines
    assert found["l6"].data["chain"] == ["l6", "l5", "l4", "l3", "l2", "l1", "council-meeting"]
    rules = load_rules()
    rules["accountability"]["long-chain"] = {**rules["accountability"]["long-chain"],
                                             "max_lines": 5}
    assert sorted(by_rule(accountability_findings(network, rules, "2013-06-01"),
                          "long-chain")) == ["l6"]


def test_a_disabled_rule_reports_nothing(network):
    rules = load_rules()
    rules["accountability"]["no-accountability-line"] = {"enabled": False}
    assert not by_rule(accountability_findings(network, rules, "2013-06-01"),
                       "no-accountability-line")


def test_a_person_on_a_scrutiny_body_and_the_body_it_scrutinises(network):
    with_records(network, Membership("ann-scrutiny", "scrutiny", person="ann", role="member",
                                     on_behalf_of="council"))
    found = [f for f in accountability_findings(network, as_of="2013-06-01")
             if f.rule == "scrutiny-conflict"]
    assert [(f.subject.id, f.subject.type) for f in found] == [("ann", "person")]
    # once her seat on the board ends, the conflict goes
    network.tables["memberships"]["m-ann"] = replace(network.memberships["m-ann"], end="2013-05-31")
    assert not [f for f in accountability_findings(network, as_of="2013-06-01")
                if f.rule == "scrutiny-conflict"]


def test_a_chain_says_where_it_stops_short_of_full_council(leeds):
    """In March 2013 the Brigshaw cluster answered to the Children's Trust Board, which had
    no line recorded to Full Council; the Safer and Stronger Communities scrutiny board
    answered to Full Council itself."""
    result = CliRunner().invoke(main, ["chains", str(SEED / "leeds"), "--body",
                                       "cluster-brigshaw", "--as-of", "2013-03-01"])
    assert result.stdout == (
        "Brigshaw cluster > Children's Trust Board\n"
        "  stops short of a root (a full council): the Children's Trust Board has no "
        "current reporting line recorded.\n")
    scrutiny = chains(leeds, "scrutiny-ssc", as_of="2013-03-01")
    assert chain_end(leeds, scrutiny[0], as_of="2013-03-01") is None


def test_a_chain_that_loops_says_so(network):
    lines = network.tables["reporting_lines"]
    lines["line-scrutiny"] = ReportingLine("line-scrutiny", "scrutiny", "board")
    lines["loop"] = ReportingLine("loop", "board", "scrutiny")
    [chain] = chains(network, "board", as_of="2013-06-01")
    assert [b.id for b in chain] == ["board", "scrutiny"]
    assert chain_end(network, chain, as_of="2013-06-01") == (
        "stops short of a root (a full council): the Safer Town Scrutiny Board reports to "
        "the Safer Town Board, already in the chain, a loop")


def test_chains_reach_the_bodies_the_notebooks_accountability_graph_reaches_upwards(leeds):
    day = "2013-03-01"
    g = accountability_graph(leeds.as_of(day))
    for body in g:
        on_chains = {b.id for chain in chains(leeds, body, as_of=day) for b in chain}
        assert on_chains == {body} | nx.descendants(g, body), body
    assert nx.descendants(g, "cluster-brigshaw") == {"childrens-trust-board"}


def test_long_chains_are_the_bodies_furthest_from_full_council_in_the_notebooks_graph(tmp_path):
    generate(tmp_path / "g", bodies=400, people=1500, seed=5)
    network = open_source(tmp_path / "g")
    g = accountability_graph(network.as_of(AS_OF))
    roots = [b for b, kind in g.nodes(data="kind") if kind == "full_council"]
    lines_from_root = nx.multi_source_dijkstra_path_length(g.reverse(), roots)
    too_long = {b: d for b, d in lines_from_root.items() if d > 4}
    found = by_rule(accountability_findings(network, as_of=AS_OF), "long-chain")
    assert {b: f.data["lines"] for b, f in found.items()} == too_long and too_long


def test_chains_default_to_the_day_the_dataset_describes(network):
    # on 1 June 2012 the board still reported to the Town Initiative Board, replaced
    # in December 2012; today it reports to nothing
    network.dataset = replace(network.dataset, as_of="2012-06-01")
    assert [[b.id for b in c] for c in chains(network, "board")] == [["board", "old-board"]]
    assert [[b.id for b in c] for c in chains(network, "board", as_of="2013-06-01")] == [["board"]]


def test_the_rules_walks_and_loops_are_networkxs_on_the_notebooks_graph(tmp_path):
    """The rules' depths, bodies below a break and loops (looked for on part of the graph)
    must agree with networkx's bfs_layers, ancestors and strongly connected components on
    the whole graph a notebook gets."""
    generate(tmp_path / "g", bodies=400, people=1500, seed=5)
    network = open_source(tmp_path / "g")
    ids = sorted(network.as_of(AS_OF).bodies)
    # three loops of 2, 3 and 1 bodies, one of them also reaching Full Council
    loops = [(ids[10], ids[11]), (ids[11], ids[10]), (ids[20], ids[21]), (ids[21], ids[22]),
             (ids[22], ids[20]), (ids[30], ids[30])]
    for i, (body, parent) in enumerate(loops):
        network.tables["reporting_lines"][f"loop-{i}"] = ReportingLine(f"loop-{i}", body, parent)
    # and a board with no line, two bodies below it, one of them also under Full Council
    with_records(network, Body("orphan", "Orphan Board", "partnership_board"),
                 Body("orphan-group", "Orphan Group", "working_group"),
                 ReportingLine("orphan-group-line", "orphan-group", "orphan"),
                 ReportingLine("to-orphan", ids[40], "orphan"))
    g = accountability_graph(network.as_of(AS_OF))
    found = accountability_findings(network, as_of=AS_OF)

    expected_loops = sorted(sorted(c) for c in nx.strongly_connected_components(g)
                            if len(c) > 1 or g.has_edge(*[next(iter(c))] * 2))
    assert [f.data["bodies"] for f in found if f.rule == "accountability-cycle"] == expected_loops
    assert [ids[10], ids[11]] in expected_loops and [ids[30]] in expected_loops

    roots = sorted(b for b, kind in g.nodes(data="kind") if kind == "full_council")
    depth = {b: d for d, layer in enumerate(nx.bfs_layers(g.reverse(), roots)) for b in layer}
    broken = by_rule(found, "no-accountability-line")
    assert broken and set(broken) == {b for b in g if b not in depth and not g.out_degree(b)}
    for body, finding in broken.items():
        assert finding.data["bodies_below"] == sorted(nx.ancestors(g, body) - set(depth))
    assert broken["orphan"].data["bodies_below"] == ["orphan-group"]
    assert ids[40] in depth
    assert {b: f.data["lines"] for b, f in by_rule(found, "long-chain").items()} == {
        b: d for b, d in depth.items() if d > 4}


def test_chains_are_listed_by_the_ids_of_the_bodies_reported_to_whatever_the_source_order():
    net = tiny_network(body("council-meeting", "Full Council", "full_council"),
                       line("group", "z-board"), line("group", "a-board"),
                       line("z-board", "council-meeting"), line("a-board", "m-board"),
                       line("a-board", "council-meeting"))
    assert [[b.id for b in c] for c in chains(net, "group")] == [
        ["group", "a-board", "council-meeting"], ["group", "a-board", "m-board"],
        ["group", "z-board", "council-meeting"]]
    assert [[b.id for b in c] for c in chains(net, "group", limit=2)] == [
        ["group", "a-board", "council-meeting"], ["group", "a-board", "m-board"]]


def test_long_chains_come_nearest_first_searching_down_from_the_roots_by_id():
    # two councils, listed z before a: the chains under the Council A come first at
    # each distance, then by the order the lines are listed in
    roots = [body("z-council", "Council Z", "full_council"),
             body("a-council", "Council A", "full_council")]
    lines = [line("z-board", "z-council"), line("z-group", "z-board"),
             line("z-team", "z-group"), line("a-board", "a-council"),
             line("a-group-2", "a-board"), line("a-group-1", "a-board")]
    found = run_rule(tiny_network(*roots, *lines), "long-chain", max_lines=1)
    assert [f.subject.id for f in found] == ["a-group-2", "a-group-1", "z-group", "z-team"]


def test_an_inferred_line_is_a_line_but_a_loop_resting_on_one_says_so():
    net = tiny_network(body("panel", "Pension Fund Panel"), body("fund", "Pension Fund Committee"),
                       line("panel", "fund", kind="inferred",
                            notes="Nested under Pension Fund Committee on the site."),
                       line("fund", "panel"))
    cycle, = run_rule(net, "accountability-cycle")
    assert cycle.message == (
        "These bodies report to each other in a loop, so none of them answers to a root: "
        "Pension Fund Committee, Pension Fund Panel. The line from the Pension Fund Panel to "
        "the Pension Fund Committee is inferred, not stated by the source (nested under "
        "Pension Fund Committee on the site).")
    assert ("reporting_line", "panel>fund") in [(e.type, e.id) for e in cycle.evidence]
    assert cycle.data["inferred_lines"] == ["panel>fund"]


def test_a_long_chain_of_inferred_lines_cites_them_and_says_they_are_inferred():
    net = tiny_network(body("council-meeting", "Full Council", "full_council"),
                       line("committee", "council-meeting", kind="inferred"),
                       line("sub", "committee", kind="inferred"), line("group", "sub"))
    chain, = run_rule(net, "long-chain", max_lines=2)
    assert chain.message == ("The Group is 3 reporting lines from the Full Council (the rules "
                             "allow 2): Group > Sub > Committee > Full Council. 2 lines are "
                             "inferred, not stated by the source (their notes say why).")
    assert chain.data["inferred_lines"] == ["sub>committee", "committee>council-meeting"]
    assert [e.id for e in chain.evidence if e.type == "reporting_line"] == chain.data[
        "inferred_lines"]
    # the same chain, stated: nothing said of inference
    stated = tiny_network(*(replace(r, kind="formal") if isinstance(r, ReportingLine) else r
                            for r in net.records()))
    chain, = run_rule(stated, "long-chain", max_lines=2)
    assert "inferred" not in chain.message and "inferred_lines" not in chain.data


def test_bodies_below_a_break_by_inferred_lines_are_said_to_be_so():
    net = tiny_network(body("council-meeting", "Full Council", "full_council"),
                       body("panel", "Adoption Panel"),
                       line("sub", "panel", kind="inferred", notes="Inferred from its name."))
    found = {f.subject.id: f for f in run_rule(net, "no-accountability-line")}
    assert found["panel"].message == (
        "The Adoption Panel has no current reporting line recorded. 1 body below it therefore "
        "reach no root either. The line below it from the Sub to the Adoption Panel is "
        "inferred, not stated by the source (inferred from its name).")
