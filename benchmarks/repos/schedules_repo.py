"""$LODESTAR_BENCH_INSTIGATORS minute schedules and as many 1-second sensors on a one-solid
pipeline; each sensor skips (it is evaluated, and requests nothing)."""

import os

from user_code_server import SkipReason, pipeline, repository, schedule, sensor, solid

COUNT = int(os.environ.get("LODESTAR_BENCH_INSTIGATORS", "1000"))


@solid
def noop(context) -> int:
    return 1


@pipeline
def tick_target():
    noop()


def _schedule(n: int):
    @schedule(cron_schedule="* * * * *", pipeline_name="tick_target", name=f"every_minute_{n}")
    def every_minute(context):
        return {}

    return every_minute


def _sensor(n: int):
    @sensor(pipeline_name="tick_target", name=f"poll_{n}", minimum_interval_seconds=1)
    def poll(context):
        return SkipReason("nothing new")

    return poll


@repository
def schedules_repo():
    return [tick_target] + [_schedule(n) for n in range(COUNT)] + [_sensor(n) for n in range(COUNT)]
