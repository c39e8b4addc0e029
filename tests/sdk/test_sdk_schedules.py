"""Schedules in the SDK: definitions checked at import, partitioned schedules and the
partition each due time targets, evaluations of the user's function."""

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from sdk_helpers import repo_of

from user_code_server import (
    Partition,
    PartitionSetDefinition,
    RunRequest,
    ScheduleDefinition,
    SkipReason,
    daily_schedule,
    date_partition_range,
    hourly_schedule,
    monthly_schedule,
    pipeline,
    schedule,
    solid,
    weekly_schedule,
)
from user_code_server.instigator_evaluation import evaluate_schedule
from user_code_server.sdk import DefinitionError, RepositoryDefinition

UTC = ZoneInfo("UTC")


@solid
def noop(context):
    pass


@pipeline
def ingest():
    noop()


def tick(definition: ScheduleDefinition, *when: int) -> RunRequest | SkipReason:
    return definition.evaluate_tick(definition.context_at(datetime(*when, tzinfo=UTC).timestamp()))


def partition_of(result: RunRequest | SkipReason) -> str:
    assert isinstance(result, RunRequest), result
    return result.tags["lodestar/partition"]


def test_the_context_is_tz_aware_in_the_schedules_zone():
    @schedule("0 9 * * 1-5", pipeline_name="ingest", execution_timezone="America/New_York")
    def weekdays(context):
        return {"at": context.scheduled_execution_time.isoformat()}

    result = tick(weekdays, 2026, 3, 2, 14, 0)
    assert result.run_config == {"at": "2026-03-02T09:00:00-05:00"}
    assert (weekdays.name, weekdays.cron_schedule, weekdays.mode) == (
        "weekdays",
        "0 9 * * 1-5",
        "default",
    )


def test_a_schedule_may_skip_and_must_return_a_dict():
    @schedule("* * * * *", pipeline_name="ingest")
    def skipping(context):
        return SkipReason("holiday")

    @schedule("* * * * *", pipeline_name="ingest")
    def wrong(context):
        return "config"

    @schedule("* * * * *", pipeline_name="ingest", tags={"n": 1}, tags_fn=lambda c: {"m": "x"})
    def nothing(context):
        return None

    assert tick(skipping, 2026, 1, 1).skip_message == "holiday"
    with pytest.raises(DefinitionError, match="schedule 'wrong' returned str, not a run config"):
        tick(wrong, 2026, 1, 1)
    result = tick(nothing, 2026, 1, 1)
    assert (result.run_config, result.tags) == ({}, {"n": "1", "m": "x"})


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"cron_schedule": "every day"}, "cron_schedule 'every day' must have 5 fields"),
        ({"cron_schedule": "0 25 * * *"}, "cron_schedule '0 25 * * *' is invalid: Bad hour"),
        ({"cron_schedule": 5}, "cron_schedule 5 is a int, not a string"),
        ({"execution_timezone": "Europe/Atlantis"}, "unknown execution_timezone 'Europe/Atlantis'"),
        ({"execution_timezone": "../etc/passwd"}, "unknown execution_timezone"),
    ],
)
def test_bad_cron_and_time_zones_fail_at_definition(kwargs, message):
    arguments = {"cron_schedule": "0 * * * *", "pipeline_name": "ingest", **kwargs}
    expected = re.escape(f"schedule 'nightly': {message}")
    with pytest.raises(DefinitionError, match=expected):
        schedule(name="nightly", **arguments)(lambda context: {})
    with pytest.raises(DefinitionError, match=expected):
        ScheduleDefinition("nightly", **arguments)


def test_a_daily_schedule_creates_its_partition_set_and_runs_the_closed_day():
    @daily_schedule(
        pipeline_name="ingest",
        start_date=date(2026, 1, 1),
        execution_time=time(6, 15),
        execution_timezone="Europe/Amsterdam",
    )
    def daily(day):
        return {"day": day.strftime("%Y-%m-%d")}

    assert daily.cron_schedule == "15 6 * * *"
    assert daily.partition_set.name == "daily"
    assert daily.partition_set.get_partition_names()[:2] == ["2026-01-01", "2026-01-02"]
    # 05:15 UTC is 06:15 in Amsterdam: the day that closed is the 1st of March.
    result = tick(daily, 2026, 3, 2, 5, 15)
    assert result.run_config == {"day": "2026-03-01"}
    assert result.tags == {"lodestar/partition": "2026-03-01", "lodestar/partition_set": "daily"}
    assert repo_of(ingest).schedules == []
    assert RepositoryDefinition("r", [ingest], schedules=[daily]).get_partition_set("daily")


def test_hourly_weekly_and_monthly_schedules():
    start = datetime(2026, 1, 4)  # a Sunday

    @hourly_schedule(pipeline_name="ingest", start_date=start, execution_time=time(0, 5))
    def hourly(hour):
        return {}

    @weekly_schedule(pipeline_name="ingest", start_date=start, execution_day_of_week=1)
    def weekly(week):
        return {}

    @monthly_schedule(pipeline_name="ingest", start_date=date(2026, 1, 1))
    def monthly(month):
        return {}

    assert (hourly.cron_schedule, weekly.cron_schedule, monthly.cron_schedule) == (
        "5 * * * *",
        "0 0 * * 1",
        "0 0 1 * *",
    )
    assert partition_of(tick(hourly, 2026, 3, 2, 10, 5)) == "2026-03-02-09:00"
    assert partition_of(tick(weekly, 2026, 3, 2)) == "2026-02-22"  # the week to Mar 1
    assert partition_of(tick(monthly, 2026, 3, 1)) == "2026-02-01"


def test_a_partitioned_schedule_skips_outside_its_range():
    @daily_schedule(pipeline_name="ingest", start_date=date(2026, 1, 1), end_date=date(2026, 2, 1))
    def january(day):
        return {}

    assert partition_of(tick(january, 2026, 2, 1)) == "2026-01-31"
    late = tick(january, 2026, 2, 2)
    assert late.skip_message == "partition '2026-02-01' is not in partition set 'january'"
    early = tick(january, 2026, 1, 1)
    assert "no partition of partition set 'january' has closed by 2026-01-01" in early.skip_message


def test_create_schedule_definition_selects_the_newest_partition_by_default():
    days = PartitionSetDefinition(
        "days",
        "ingest",
        partition_fn=date_partition_range(datetime(2026, 1, 1), datetime(2026, 1, 10)),
        run_config_fn_for_partition=lambda p: {"day": p.name},
    )
    every_day = days.create_schedule_definition("every_day", "0 0 * * *", tags={"a": "b"})
    assert partition_of(tick(every_day, 2026, 1, 5)) == "2026-01-05"
    assert partition_of(tick(every_day, 2026, 3, 1)) == "2026-01-09"
    assert tick(every_day, 2025, 12, 1).skip_message.startswith(
        "partition set 'days' has no partition at or before"
    )
    letters = PartitionSetDefinition("letters", "ingest", partitions=["a", "b"])
    picked = letters.create_schedule_definition(
        "picked", "0 0 * * *", partition_selector=lambda context, s: Partition("a")
    )
    assert partition_of(tick(picked, 2026, 1, 1)) == "a"
    assert (
        partition_of(tick(letters.create_schedule_definition("last", "0 * * * *"), 2026, 1, 1))
        == "b"
    )


def test_a_schedule_naming_a_missing_pipeline_is_a_repository_error():
    @schedule("0 * * * *", pipeline_name="elsewhere")
    def lost(context):
        return {}

    with pytest.raises(
        DefinitionError,
        match="repository 'r': schedule 'lost' targets pipeline 'elsewhere', which is not in",
    ):
        RepositoryDefinition("r", [ingest], schedules=[lost])


def test_an_evaluation_reports_the_users_error_and_unknown_names():
    @schedule("0 * * * *", pipeline_name="ingest")
    def broken(context):
        return {"when": context.scheduled_execution_time}  # not JSON-able

    repo = RepositoryDefinition("r", [ingest], schedules=[broken])
    error = evaluate_schedule(repo, "broken", 0).error
    assert error.message.startswith("schedule 'broken': RunRequest(run_key=None): run_config is")
    assert evaluate_schedule(repo, "other", 0).error.message == (
        "schedule 'other' not found in repository 'r'"
    )
