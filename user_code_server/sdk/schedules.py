"""Schedules: a pipeline's runs at the due times of a cron expression in a time zone, and
partitioned schedules that run the partition that just closed."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cronsim import CronSim, CronSimError

from user_code_server.sdk.checks import check_name, string_tags
from user_code_server.sdk.date_partitions import date_partition_range
from user_code_server.sdk.errors import DefinitionError
from user_code_server.sdk.partitions import Partition, PartitionSetDefinition
from user_code_server.sdk.sensors import RunRequest, SkipReason

_CRON_FIELDS = 5


class ScheduleExecutionContext:
    """What a schedule's functions receive: the due time, tz-aware in the schedule's zone."""

    __slots__ = ("scheduled_execution_time",)

    def __init__(self, scheduled_execution_time: datetime):
        self.scheduled_execution_time = scheduled_execution_time


PartitionSelector = Callable[[ScheduleExecutionContext, PartitionSetDefinition], Any]


class ScheduleDefinition:
    """Runs `pipeline_name` at each due time of `cron_schedule` (5 fields) in
    `execution_timezone`, with the run config of `run_config_fn(context)` (or `run_config`)."""

    def __init__(
        self,
        name: str,
        cron_schedule: str,
        pipeline_name: str,
        run_config: dict | None = None,
        run_config_fn: Callable[[ScheduleExecutionContext], Any] | None = None,
        tags: dict[str, Any] | None = None,
        tags_fn: Callable[[ScheduleExecutionContext], dict[str, Any]] | None = None,
        should_execute: Callable[[ScheduleExecutionContext], bool] | None = None,
        execution_timezone: str = "UTC",
        mode: str = "default",
        solid_selection: list[str] | None = None,
        description: str | None = None,
    ):
        self.name = check_name(name, "schedule")
        self.pipeline_name = check_name(pipeline_name, "pipeline")
        if run_config is not None and run_config_fn is not None:
            raise DefinitionError(f"schedule '{name}': give run_config or run_config_fn, not both")
        self.timezone = _timezone(name, execution_timezone)
        self.execution_timezone = execution_timezone
        self.cron_schedule = _checked_cron(name, cron_schedule, self.timezone)
        self._run_config_fn = run_config_fn or (lambda context: dict(run_config or {}))
        self._tags = string_tags(tags)
        self._tags_fn = tags_fn
        self._should_execute = should_execute
        self.mode = mode
        self.solid_selection = list(solid_selection) if solid_selection else None
        self.description = description
        self.partition_set: PartitionSetDefinition | None = None

    def context_at(self, scheduled_time: float) -> ScheduleExecutionContext:
        """The context of the due time `scheduled_time` (epoch seconds) in this schedule's zone."""
        return ScheduleExecutionContext(datetime.fromtimestamp(scheduled_time, self.timezone))

    def evaluate_tick(self, context: ScheduleExecutionContext) -> RunRequest | SkipReason:
        """The run this schedule requests at `context`'s due time, or why it skips.

        Runs the user's functions: their exceptions propagate to the caller's error boundary.
        """
        if self._should_execute is not None and not self._should_execute(context):
            return SkipReason("should_execute returned False")
        return self._request(context)

    def _request(self, context: ScheduleExecutionContext) -> RunRequest | SkipReason:
        run_config = self._run_config_fn(context)
        if isinstance(run_config, SkipReason):
            return run_config
        run_config = {} if run_config is None else run_config
        if not isinstance(run_config, dict):
            raise DefinitionError(
                f"schedule '{self.name}' returned {type(run_config).__name__}, not a run "
                "config dict"
            )
        tags = dict(self._tags)
        if self._tags_fn is not None:
            tags.update(_checked_tags(f"schedule '{self.name}'", self._tags_fn(context)))
        return RunRequest(run_key=None, run_config=run_config, tags=tags)

    def __repr__(self) -> str:
        return f"<ScheduleDefinition {self.name} '{self.cron_schedule}' {self.execution_timezone}>"


class PartitionScheduleDefinition(ScheduleDefinition):
    """A schedule whose runs are partitions of `partition_set`: at each due time,
    `partition_selector` picks the partition, and its run config and tags are the set's."""

    def __init__(
        self,
        name: str,
        cron_schedule: str,
        partition_set: PartitionSetDefinition,
        partition_selector: PartitionSelector,
        tags: dict[str, Any] | None = None,
        should_execute: Callable[[ScheduleExecutionContext], bool] | None = None,
        execution_timezone: str = "UTC",
        description: str | None = None,
    ):
        super().__init__(
            name,
            cron_schedule,
            partition_set.pipeline_name,
            tags=tags,
            should_execute=should_execute,
            execution_timezone=execution_timezone,
            mode=partition_set.mode,
            solid_selection=partition_set.solid_selection,
            description=description,
        )
        self.partition_set = self._partitions = partition_set
        self._partition_selector = partition_selector

    def _request(self, context: ScheduleExecutionContext) -> RunRequest | SkipReason:
        selected = self._partition_selector(context, self._partitions)
        if isinstance(selected, SkipReason):
            return selected
        if not isinstance(selected, Partition):
            raise DefinitionError(
                f"schedule '{self.name}': its partition selector returned "
                f"{type(selected).__name__}, not a Partition"
            )
        return RunRequest(
            run_key=None,
            run_config=self._partitions.run_config_for_partition(selected),
            tags={**self._tags, **self._partitions.tags_for_partition(selected)},
        )


def schedule(
    cron_schedule: str,
    pipeline_name: str,
    name: str | None = None,
    execution_timezone: str = "UTC",
    mode: str = "default",
    solid_selection: list[str] | None = None,
    tags: dict[str, Any] | None = None,
    tags_fn: Callable[[ScheduleExecutionContext], dict[str, Any]] | None = None,
    should_execute: Callable[[ScheduleExecutionContext], bool] | None = None,
    description: str | None = None,
) -> Callable[[Callable[[ScheduleExecutionContext], Any]], ScheduleDefinition]:
    """Declares a schedule from a function `(context) -> run config dict` (or a SkipReason)."""

    def decorate(fn: Callable[[ScheduleExecutionContext], Any]) -> ScheduleDefinition:
        return ScheduleDefinition(
            name or fn.__name__,
            cron_schedule,
            pipeline_name,
            run_config_fn=fn,
            tags=tags,
            tags_fn=tags_fn,
            should_execute=should_execute,
            execution_timezone=execution_timezone,
            mode=mode,
            solid_selection=solid_selection,
            description=description or inspect.getdoc(fn),
        )

    return decorate


def last_partition_selector(
    context: ScheduleExecutionContext, partition_set: PartitionSetDefinition
) -> Partition | SkipReason:
    """The default selector: the newest partition starting at or before the due time (date
    partitions), else the set's last partition."""
    partitions = partition_set.get_partitions()
    due = context.scheduled_execution_time
    if partitions and all(isinstance(p.value, date) for p in partitions):
        partitions = [p for p in partitions if p.value <= _wall_clock(p.value, due)]
    if not partitions:
        return SkipReason(
            f"partition set '{partition_set.name}' has no partition at or before {due}"
        )
    return partitions[-1]


def _wall_clock(value: date, due: datetime) -> date:
    """`due` comparable with `value`: a day, a naive wall-clock time or an aware time."""
    if not isinstance(value, datetime):
        return due.date()
    return due if value.tzinfo else due.replace(tzinfo=None)


def partition_schedule_definition(
    partition_set: PartitionSetDefinition,
    schedule_name: str,
    cron_schedule: str,
    partition_selector: PartitionSelector | None = None,
    tags: dict[str, Any] | None = None,
    should_execute: Callable[[ScheduleExecutionContext], bool] | None = None,
    execution_timezone: str = "UTC",
    description: str | None = None,
) -> PartitionScheduleDefinition:
    """The schedule of `PartitionSetDefinition.create_schedule_definition`."""
    return PartitionScheduleDefinition(
        schedule_name,
        cron_schedule,
        partition_set,
        partition_selector or last_partition_selector,
        tags=tags,
        should_execute=should_execute,
        execution_timezone=execution_timezone,
        description=description,
    )


class _ClosedPartitionSelector:
    """Picks the date partition that closed last at or before the due time; a skip when that
    one is not in the set (before the first one closed, or past `end_date`)."""

    def __init__(self, start: datetime, delta_range: str, bounded: Callable[..., list[Partition]]):
        self._start = start
        self._unbounded = date_partition_range(start, None, delta_range)
        self._bounded = bounded

    def __call__(
        self, context: ScheduleExecutionContext, partition_set: PartitionSetDefinition
    ) -> Partition | SkipReason:
        due = context.scheduled_execution_time
        # A naive start date is a wall-clock time in the schedule's zone.
        now = due if self._start.tzinfo else due.replace(tzinfo=None)
        closed = self._unbounded(current_time=now)
        if not closed:
            return SkipReason(
                f"no partition of partition set '{partition_set.name}' has closed by {due}"
            )
        target = closed[-1]
        if target.name not in {p.name for p in self._bounded(current_time=now)}:
            return SkipReason(
                f"partition '{target.name}' is not in partition set '{partition_set.name}'"
            )
        return target


def _date_schedule(
    delta_range: str,
    cron_schedule: str,
    pipeline_name: str,
    start_date: datetime | date,
    name: str | None,
    execution_timezone: str,
    mode: str,
    solid_selection: list[str] | None,
    tags: dict[str, Any] | None,
    should_execute: Callable[[ScheduleExecutionContext], bool] | None,
    end_date: datetime | date | None,
    description: str | None,
) -> Callable[[Callable[[datetime], Any]], PartitionScheduleDefinition]:
    """The decorator of a schedule over date partitions and the partition set it creates
    (named like the schedule), whose run config is `fn(partition start)`."""

    def decorate(fn: Callable[[datetime], Any]) -> PartitionScheduleDefinition:
        schedule_name = name or fn.__name__
        start = _as_datetime(start_date, schedule_name)
        partitions = date_partition_range(start, end_date, delta_range)
        partition_set = PartitionSetDefinition(
            schedule_name,
            pipeline_name,
            partition_fn=partitions,
            run_config_fn_for_partition=lambda partition: fn(partition.value),
            mode=mode,
            solid_selection=solid_selection,
        )
        return PartitionScheduleDefinition(
            schedule_name,
            cron_schedule,
            partition_set,
            _ClosedPartitionSelector(start, delta_range, partitions),
            tags=tags,
            should_execute=should_execute,
            execution_timezone=execution_timezone,
            description=description or inspect.getdoc(fn),
        )

    return decorate


def daily_schedule(
    pipeline_name: str,
    start_date: datetime | date,
    name: str | None = None,
    execution_time: time = time(0, 0),
    execution_timezone: str = "UTC",
    mode: str = "default",
    solid_selection: list[str] | None = None,
    tags: dict[str, Any] | None = None,
    should_execute: Callable[[ScheduleExecutionContext], bool] | None = None,
    end_date: datetime | date | None = None,
    description: str | None = None,
) -> Callable[[Callable[[datetime], Any]], PartitionScheduleDefinition]:
    """Each day at `execution_time`, runs the day that just closed: `fn(day start) -> run
    config`. Creates the partition set of days from `start_date` too."""
    return _date_schedule(
        "days",
        f"{execution_time.minute} {execution_time.hour} * * *",
        pipeline_name,
        start_date,
        name,
        execution_timezone,
        mode,
        solid_selection,
        tags,
        should_execute,
        end_date,
        description,
    )


def hourly_schedule(
    pipeline_name: str,
    start_date: datetime | date,
    name: str | None = None,
    execution_time: time = time(0, 0),
    execution_timezone: str = "UTC",
    mode: str = "default",
    solid_selection: list[str] | None = None,
    tags: dict[str, Any] | None = None,
    should_execute: Callable[[ScheduleExecutionContext], bool] | None = None,
    end_date: datetime | date | None = None,
    description: str | None = None,
) -> Callable[[Callable[[datetime], Any]], PartitionScheduleDefinition]:
    """Each hour at `execution_time`'s minute, runs the hour that just closed: `fn(hour
    start) -> run config`. Creates the partition set of hours from `start_date` too."""
    return _date_schedule(
        "hours",
        f"{execution_time.minute} * * * *",
        pipeline_name,
        start_date,
        name,
        execution_timezone,
        mode,
        solid_selection,
        tags,
        should_execute,
        end_date,
        description,
    )


def weekly_schedule(
    pipeline_name: str,
    start_date: datetime | date,
    name: str | None = None,
    execution_day_of_week: int = 0,
    execution_time: time = time(0, 0),
    execution_timezone: str = "UTC",
    mode: str = "default",
    solid_selection: list[str] | None = None,
    tags: dict[str, Any] | None = None,
    should_execute: Callable[[ScheduleExecutionContext], bool] | None = None,
    end_date: datetime | date | None = None,
    description: str | None = None,
) -> Callable[[Callable[[datetime], Any]], PartitionScheduleDefinition]:
    """Each week on `execution_day_of_week` (0 = Sunday) at `execution_time`, runs the week
    that just closed (weeks start on `start_date`'s weekday): `fn(week start) -> run
    config`. Creates the partition set of weeks too."""
    return _date_schedule(
        "weeks",
        f"{execution_time.minute} {execution_time.hour} * * {execution_day_of_week}",
        pipeline_name,
        start_date,
        name,
        execution_timezone,
        mode,
        solid_selection,
        tags,
        should_execute,
        end_date,
        description,
    )


def monthly_schedule(
    pipeline_name: str,
    start_date: datetime | date,
    name: str | None = None,
    execution_day_of_month: int = 1,
    execution_time: time = time(0, 0),
    execution_timezone: str = "UTC",
    mode: str = "default",
    solid_selection: list[str] | None = None,
    tags: dict[str, Any] | None = None,
    should_execute: Callable[[ScheduleExecutionContext], bool] | None = None,
    end_date: datetime | date | None = None,
    description: str | None = None,
) -> Callable[[Callable[[datetime], Any]], PartitionScheduleDefinition]:
    """Each month on `execution_day_of_month` at `execution_time`, runs the month that just
    closed: `fn(month start) -> run config`. Creates the partition set of months too."""
    return _date_schedule(
        "months",
        f"{execution_time.minute} {execution_time.hour} {execution_day_of_month} * *",
        pipeline_name,
        start_date,
        name,
        execution_timezone,
        mode,
        solid_selection,
        tags,
        should_execute,
        end_date,
        description,
    )


def _timezone(name: str, execution_timezone: str) -> ZoneInfo:
    try:
        return ZoneInfo(execution_timezone)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise DefinitionError(
            f"schedule '{name}': unknown execution_timezone {execution_timezone!r} "
            "(use an IANA name such as 'UTC' or 'Europe/Amsterdam')"
        ) from None


def _checked_cron(name: str, cron_schedule: Any, timezone: ZoneInfo) -> str:
    problem = None
    if not isinstance(cron_schedule, str):
        problem = f"is a {type(cron_schedule).__name__}, not a string"
    elif len(cron_schedule.split()) != _CRON_FIELDS:
        problem = "must have 5 fields (minute hour day-of-month month day-of-week)"
    else:
        try:
            CronSim(cron_schedule, datetime.now(timezone))
        except CronSimError as error:
            problem = f"is invalid: {error}"
    if problem:
        raise DefinitionError(f"schedule '{name}': cron_schedule {cron_schedule!r} {problem}")
    return cron_schedule


def _checked_tags(what: str, tags: Any) -> dict[str, str]:
    if not isinstance(tags, dict):
        raise DefinitionError(f"{what}: tags_fn returned {type(tags).__name__}, not a dict")
    return string_tags(tags)


def _as_datetime(value: datetime | date, name: str) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    raise DefinitionError(f"schedule '{name}': start_date must be a date, got {value!r}")
