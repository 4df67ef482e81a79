"""The Network and its view of one day."""
import csv
import datetime as dt
from dataclasses import replace

import pytest

from graphmodel import dates
from graphmodel.model import Membership, record_type


def test_a_membership_that_ended_is_not_current_the_day_after(network):
    assert "m-bob" in network.as_of("2013-05-31").memberships
    assert "m-bob" not in network.as_of("2013-06-01").memberships


def test_a_membership_not_yet_started_is_not_current(network):
    assert "m-ann" not in network.as_of("2012-04-30").memberships
    assert "m-ann" in network.as_of("2012-05-01").memberships


def test_a_body_dissolved_in_a_month_lasts_to_the_end_of_that_month(network):
    assert "old-board" in network.as_of("2012-12-31").bodies
    assert "old-board" not in network.as_of("2013-01-01").bodies


def test_seats_on_a_dissolved_body_go_with_it(network):
    """m-old has no end date, but its body was dissolved in December 2012."""
    assert "m-old" in network.as_of("2012-06-01").memberships
    assert "m-old" not in network.as_of("2013-06-01").memberships
    assert "line-board" not in network.as_of("2013-06-01").reporting_lines


def test_a_year_established_body_exists_from_the_first_of_january(network):
    assert "board" not in network.as_of("2010-12-31").bodies
    assert "board" in network.as_of(dt.date(2011, 1, 1)).bodies


def test_undated_records_are_current_while_their_bodies_exist(network):
    assert "line-scrutiny" in network.as_of("1999-01-01").reporting_lines
    assert "m-director" in network.as_of("2011-01-01").memberships
    assert "m-director" not in network.as_of("2010-12-31").memberships


def test_counts_give_as_many_records_as_each_table_of_the_source_holds(network, dataset_dir):
    """Four bodies and four seats; and for every table a dataset is written as, one count
    of the rows its file holds (none for the areas and nomination rights the town has not
    recorded)."""
    counts = network.counts()
    assert counts["memberships"] == 4 and counts["bodies"] == 4
    assert counts["areas"] == counts["nomination_rights"] == 0
    files = {path.stem: path for path in dataset_dir.glob("*.csv") if path.stem != "dataset"}
    assert set(counts) == set(files)
    for table, path in files.items():
        with open(path, encoding="utf-8", newline="") as handle:
            assert counts[table] == len(list(csv.DictReader(handle))), table


def test_the_home_organisation_is_named_by_the_dataset(network):
    assert network.home_organisation.name == "Town Council"


def test_records_are_frozen():
    m = Membership("m", "b", "p")
    with pytest.raises(AttributeError):
        m.role = "chair"
    assert m.role == "member"


def test_partial_dates_cover_their_whole_period():
    assert dates.earliest("2012-12") == dt.date(2012, 12, 1)
    assert dates.latest("2012-12") == dt.date(2012, 12, 31)
    assert dates.latest("2012-02") == dt.date(2012, 2, 29)
    assert dates.latest("2013") == dt.date(2013, 12, 31)


@pytest.mark.parametrize("bad", ["2013-02-29", "2013-13", "13/03/2013", "March 2013", "2013-1-5"])
def test_impossible_or_malformed_dates_are_refused(bad):
    with pytest.raises(dates.DateError):
        dates.parse_date(bad)


def test_every_record_type_carries_provenance():
    from graphmodel.model import RECORD_TYPES
    for rt in RECORD_TYPES:
        if rt.name != "documents":
            assert {"source_document", "source_section"} <= set(rt.columns), rt.name
    assert record_type("memberships").columns[:3] == ("id", "body", "person")


@pytest.mark.parametrize("bad", ["２０１３-01-01", "2013-01-01\n", "2013-01-01 "])
def test_dates_are_plain_ascii_digits_with_nothing_after(bad):
    with pytest.raises(dates.DateError):
        dates.parse_date(bad)


def test_every_table_is_a_typed_property_of_the_network_holding_its_records(network):
    import typing

    from graphmodel.model import RECORD_TYPES, Network

    for rt in RECORD_TYPES:
        prop = vars(Network)[rt.name]
        assert isinstance(prop, property), rt.name
        assert typing.get_type_hints(prop.fget)["return"] == dict[str, rt.cls], rt.name
        assert getattr(network, rt.name) is network.tables[rt.name]


def test_the_day_is_worked_out_afresh_when_a_record_is_replaced_by_one_of_other_values(network):
    day = network.as_of("2013-05-31")
    assert network.as_of("2013-05-31") is day and "m-bob" in day.memberships
    # Bob's seat ended on 31 May 2013; the source now says it ended a year before
    network.memberships["m-bob"] = replace(network.memberships["m-bob"], end="2012-05-31")
    assert "m-bob" not in network.as_of("2013-05-31").memberships


def test_a_record_replaced_by_one_of_the_same_values_leaves_the_day_as_it_was(network):
    day = network.as_of("2013-05-31")
    network.memberships["m-bob"] = replace(network.memberships["m-bob"])
    assert network.as_of("2013-05-31") is day


def test_what_is_remembered_of_a_table_is_worked_out_afresh_when_a_record_changes(network):
    def roles(net):
        return sorted(m.role for m in net.memberships.values())

    before = network.remembered("roles", roles, ["memberships"])
    assert network.remembered("roles", roles, ["memberships"]) is before
    network.memberships["m-bob"] = replace(network.memberships["m-bob"], role="vice_chair")
    after = network.remembered("roles", roles, ["memberships"])
    assert after.count("vice_chair") == before.count("vice_chair") + 1


def test_a_review_sees_a_seat_ended_before_it_began_though_the_day_was_read_earlier(network):
    # the day is read, then Bob's seat is ended; a review (its rules only read, so the
    # day is checked once in it) still sees the seat ended, and after the review the
    # day is checked again at every call
    assert "m-bob" in network.as_of("2013-05-01").memberships
    network.memberships["m-bob"] = replace(network.memberships["m-bob"], end="2013-04-01")
    with network.unchanging():
        day = network.as_of("2013-05-01")
        assert "m-bob" not in day.memberships
        assert network.as_of("2013-05-01") is day
    network.memberships["m-bob"] = replace(network.memberships["m-bob"], end=None)
    assert "m-bob" in network.as_of("2013-05-01").memberships


def test_what_is_remembered_before_a_review_is_checked_once_in_it(network):
    def roles(net):
        return sorted(m.role for m in net.memberships.values())

    before = network.remembered("roles", roles, ["memberships"])
    network.memberships["m-bob"] = replace(network.memberships["m-bob"], role="vice_chair")
    with network.unchanging():
        during = network.remembered("roles", roles, ["memberships"])
        assert during.count("vice_chair") == before.count("vice_chair") + 1
        assert network.remembered("roles", roles, ["memberships"]) is during
