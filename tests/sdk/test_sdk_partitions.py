"""Partition sets and date partition ranges, in-process."""

from datetime import UTC, date, datetime, timedelta

import pytest

from user_code_server import (
    Partition,
    PartitionSetDefinition,
    date_partition_range,
    pipeline,
    repository,
    solid,
)
from user_code_server.protocol import PartitionSetSnapshot
from user_code_server.sdk.errors import DefinitionError
from user_code_server.snapshot_builder import build_repository_snapshot


def names(partition_fn, **kwargs):
    return [p.name for p in partition_fn(**kwargs)]


@solid
def noop(context):
    return None


@pipeline
def target():
    noop()


# Date ranges -------------------------------------------------------------------------------


def test_days_exclude_the_incomplete_last_day_unless_inclusive():
    start, end = datetime(2021, 1, 1), datetime(2021, 1, 5)
    assert names(date_partition_range(start, end)) == [
        "2021-01-01",
        "2021-01-02",
        "2021-01-03",
        "2021-01-04",
    ]
    assert names(date_partition_range(start, end, inclusive=True))[-1] == "2021-01-05"
    # An end inside a day: that day is incomplete, so listed only when inclusive.
    mid = datetime(2021, 1, 5, 12)
    assert names(date_partition_range(start, mid))[-1] == "2021-01-04"
    assert names(date_partition_range(start, mid, inclusive=True))[-1] == "2021-01-05"


def test_partition_values_are_the_start_datetimes():
    partitions = date_partition_range(datetime(2021, 1, 1), datetime(2021, 1, 3))()
    assert partitions == [
        Partition(datetime(2021, 1, 1), "2021-01-01"),
        Partition(datetime(2021, 1, 2), "2021-01-02"),
    ]


def test_a_whole_year_of_days():
    days = names(date_partition_range(datetime(2024, 1, 1), datetime(2025, 1, 1)))
    assert len(days) == 366  # a leap year
    assert days[59] == "2024-02-29"
    assert days[-1] == "2024-12-31"


def test_hours_use_an_hour_format():
    hours = names(date_partition_range(datetime(2021, 1, 1, 22), datetime(2021, 1, 2, 1), "hours"))
    assert hours == ["2021-01-01-22:00", "2021-01-01-23:00", "2021-01-02-00:00"]


def test_weeks_step_seven_days_from_the_start():
    weeks = names(date_partition_range(datetime(2021, 1, 4), datetime(2021, 2, 1), "weeks"))
    assert weeks == ["2021-01-04", "2021-01-11", "2021-01-18", "2021-01-25"]
    inclusive = date_partition_range(
        datetime(2021, 1, 4), datetime(2021, 2, 1), "weeks", inclusive=True
    )
    assert names(inclusive)[-1] == "2021-02-01"


def test_months_cross_years():
    months = names(date_partition_range(datetime(2021, 11, 1), datetime(2022, 3, 1), "months"))
    assert months == ["2021-11-01", "2021-12-01", "2022-01-01", "2022-02-01"]


def test_months_from_a_month_end_clamp_without_drifting():
    start, end = datetime(2020, 1, 31), datetime(2020, 6, 30)
    months = ["2020-01-31", "2020-02-29", "2020-03-31", "2020-04-30", "2020-05-31"]
    assert names(date_partition_range(start, end, "months")) == months
    # The month starting on June 30 (the clamped 31st) is not complete at June 30.
    inclusive = date_partition_range(start, end, "months", inclusive=True)
    assert names(inclusive) == [*months, "2020-06-30"]
    non_leap = date_partition_range(datetime(2021, 1, 31), datetime(2021, 3, 31), "months")
    assert names(non_leap) == ["2021-01-31", "2021-02-28"]


def test_fmt_names_the_partitions():
    monthly = date_partition_range(
        datetime(2021, 1, 1), datetime(2021, 4, 1), "months", fmt="%Y-%m"
    )
    assert names(monthly) == ["2021-01", "2021-02", "2021-03"]
    compact = date_partition_range(datetime(2021, 1, 1), datetime(2021, 1, 3), fmt="%Y%m%d")
    assert names(compact) == ["20210101", "20210102"]


def test_dates_are_accepted_for_start_and_end():
    assert names(date_partition_range(date(2021, 1, 1), date(2021, 1, 3))) == [
        "2021-01-01",
        "2021-01-02",
    ]


def test_no_end_means_up_to_now():
    before = datetime.now()
    start = (before - timedelta(days=3)).replace(hour=0, minute=0, second=0, microsecond=0)
    days = names(date_partition_range(start))
    after = datetime.now()
    # Every complete day up to now: yesterday is the last one (unless midnight just passed).
    yesterdays = {(t - timedelta(days=1)).strftime("%Y-%m-%d") for t in (before, after)}
    assert days[0] == start.strftime("%Y-%m-%d")
    assert days[-1] in yesterdays

    fixed = date_partition_range(datetime(2021, 1, 1))
    assert names(fixed, current_time=datetime(2021, 1, 3, 5)) == ["2021-01-01", "2021-01-02"]


def test_timezone_aware_ranges_keep_their_timezone():
    utc = UTC
    days = date_partition_range(datetime(2021, 1, 1, tzinfo=utc), datetime(2021, 1, 3, tzinfo=utc))
    assert [p.value.tzinfo for p in days()] == [utc, utc]
    assert date_partition_range(datetime(2021, 1, 1, tzinfo=utc))()  # now, in UTC


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"delta_range": "fortnights"}, "delta_range 'fortnights' is not one of"),
        ({"end": datetime(2020, 12, 31)}, "is before start"),
        ({"end": datetime(2021, 2, 1, tzinfo=UTC)}, "both be naive or aware"),
    ],
)
def test_invalid_ranges_are_refused(kwargs, message):
    with pytest.raises(DefinitionError, match=message):
        date_partition_range(datetime(2021, 1, 1), **kwargs)


# Partition sets ----------------------------------------------------------------------------


def test_partition_names_default_to_the_value():
    assert Partition(3).name == "3"
    assert Partition(3, name="three").name == "three"
    assert Partition("a") == Partition("a", "a")


def test_static_partitions_wrap_plain_values():
    letters = PartitionSetDefinition("letters", "target", partitions=["a", Partition(2, "b")])
    assert letters.get_partitions() == [Partition("a"), Partition(2, "b")]
    assert letters.get_partition_names() == ["a", "b"]


def test_run_config_defaults_to_empty_and_tags_carry_the_partition():
    letters = PartitionSetDefinition("letters", "target", partitions=["a"])
    (partition,) = letters.get_partitions()
    assert letters.run_config_for_partition(partition) == {}
    assert letters.tags_for_partition(partition) == {
        "lodestar/partition": "a",
        "lodestar/partition_set": "letters",
    }


def test_run_config_and_tags_functions_receive_the_partition():
    daily = PartitionSetDefinition(
        "daily",
        "target",
        partition_fn=date_partition_range(datetime(2021, 1, 1), datetime(2021, 1, 3)),
        run_config_fn_for_partition=lambda p: {"solids": {"noop": {"config": {"day": p.name}}}},
        tags_fn_for_partition=lambda p: {"weekday": p.value.weekday(), "lodestar/partition": "x"},
        mode="prod",
        solid_selection=["noop"],
    )
    second = daily.get_partitions()[1]
    assert daily.run_config_for_partition(second) == {
        "solids": {"noop": {"config": {"day": "2021-01-02"}}}
    }
    # Non-string values become strings; the partition tags cannot be overridden.
    assert daily.tags_for_partition(second) == {
        "weekday": "5",
        "lodestar/partition": "2021-01-02",
        "lodestar/partition_set": "daily",
    }
    assert (daily.mode, daily.solid_selection) == ("prod", ["noop"])


def test_functions_returning_other_than_a_dict_are_errors():
    odd = PartitionSetDefinition(
        "odd",
        "target",
        partitions=["a"],
        run_config_fn_for_partition=lambda p: None,
        tags_fn_for_partition=lambda p: ["t"],
    )
    (partition,) = odd.get_partitions()
    with pytest.raises(DefinitionError, match="returned NoneType for partition 'a', not a dict"):
        odd.run_config_for_partition(partition)
    with pytest.raises(DefinitionError, match="returned list for partition 'a', not a dict"):
        odd.tags_for_partition(partition)


def test_duplicate_partition_names_are_errors_naming_the_duplicate():
    with pytest.raises(DefinitionError, match="duplicate partition name 'b'"):
        PartitionSetDefinition("dup", "target", partitions=["a", "b", Partition(1, "b")])
    from_fn = PartitionSetDefinition("dup", "target", partition_fn=lambda: ["x", "y", "x"])
    with pytest.raises(DefinitionError, match="partition set 'dup': duplicate partition name 'x'"):
        from_fn.get_partitions()


def test_a_partition_function_is_called_anew_each_time():
    calls = []
    counting = PartitionSetDefinition(
        "counting", "target", partition_fn=lambda: calls.append(1) or [str(len(calls))]
    )
    assert counting.get_partition_names() == ["1"]
    assert counting.get_partition_names() == ["2"]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({}, "exactly one of partition_fn or partitions"),
        ({"partitions": ["a"], "partition_fn": lambda: []}, "exactly one of"),
        ({"partition_fn": ["a"]}, "partition_fn must be callable"),
        ({"partitions": ["a"], "tags_fn_for_partition": {}}, "tags_fn_for_partition must be"),
        ({"partitions": [""]}, "partition names must be non-empty strings"),
        ({"partitions": [Partition(1, name=2)]}, "partition names must be non-empty strings"),
    ],
)
def test_invalid_partition_sets_are_refused(kwargs, message):
    with pytest.raises(DefinitionError, match=message):
        PartitionSetDefinition("bad", "target", **kwargs)


def test_invalid_names_are_refused():
    with pytest.raises(DefinitionError, match="invalid partition set name"):
        PartitionSetDefinition("no spaces", "target", partitions=["a"])


def test_repositories_hold_partition_sets_and_snapshot_them():
    daily = PartitionSetDefinition(
        "daily",
        "target",
        partitions=["a"],
        mode="prod",
        solid_selection=["noop"],
        description="Daily loads.",
    )

    @repository
    def repo():
        return [target, daily]

    assert repo.get_partition_set("daily") is daily
    assert build_repository_snapshot(repo).partition_sets == [
        PartitionSetSnapshot("daily", "target", "prod", ["noop"], "Daily loads.")
    ]


def test_a_partition_set_of_an_unknown_pipeline_is_refused():
    with pytest.raises(DefinitionError, match="targets pipeline 'nope'"):

        @repository
        def repo():
            return [target, PartitionSetDefinition("p", "nope", partitions=["a"])]
