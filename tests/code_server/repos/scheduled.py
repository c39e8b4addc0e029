"""A repository of schedules and sensors for code server tests, failing ones included."""

import json
import os
from datetime import datetime, time

from user_code_server import (
    Partition,
    PartitionSetDefinition,
    RunRequest,
    SkipReason,
    daily_schedule,
    pipeline,
    pipeline_failure_sensor,
    repository,
    schedule,
    sensor,
    solid,
)


@solid(config_schema={"day": str})
def load(context) -> str:
    return context.solid_config["day"]


@pipeline
def ingest():
    load()


@solid(config_schema={"at": str})
def report_on(context) -> str:
    return context.solid_config["at"]


@pipeline
def report():
    report_on()


@schedule(
    "30 2 * * *",
    pipeline_name="report",
    execution_timezone="Europe/Amsterdam",
    tags={"team": "data"},
    description="The nightly report.",
)
def nightly_report(context):
    at = context.scheduled_execution_time.isoformat()
    return {"solids": {"report_on": {"config": {"at": at}}}}


@daily_schedule(
    pipeline_name="ingest",
    start_date=datetime(2026, 1, 1),
    execution_time=time(0, 0),
    execution_timezone="Europe/Amsterdam",
    tags={"team": "data"},
)
def ingest_daily(date):
    return {"solids": {"load": {"config": {"day": date.strftime("%Y-%m-%d")}}}}


@schedule("* * * * *", pipeline_name="report")
def failing_schedule(context):
    raise ValueError("no report today")


@schedule("0 * * * *", pipeline_name="report", should_execute=lambda context: False)
def never_schedule(context):
    return {}


letters = PartitionSetDefinition(
    "letters",
    "ingest",
    partitions=[Partition("a"), Partition("b")],
    run_config_fn_for_partition=lambda p: {"solids": {"load": {"config": {"day": p.name}}}},
)
letters_hourly = letters.create_schedule_definition("letters_hourly", "0 * * * *")


@sensor(pipeline_name="report", minimum_interval_seconds=5)
def new_files(context):
    """Two new files per evaluation, one of them announced twice."""
    seen = int(context.cursor or 0)
    for index in (seen + 1, seen + 2, seen + 2):
        config = {"solids": {"report_on": {"config": {"at": f"file_{index}"}}}}
        yield RunRequest(f"file_{index}", run_config=config, tags={"file": str(index)})
    context.update_cursor(str(seen + 2))


@sensor(pipeline_name="report")
def quiet(context):
    print("lodestar code server ready on 10.0.0.1:1 (pid 1)")  # must not reach stdout
    return SkipReason(f"nothing new since {context.last_run_key}")


@sensor(pipeline_name="report")
def silent(context):
    return None


@sensor(pipeline_name="report")
def failing_sensor(context):
    context.update_cursor("not kept")
    raise RuntimeError("the bucket is gone")


@sensor(pipeline_name="report")
def unserializable(context):
    return RunRequest("k", run_config={"when": datetime(2026, 1, 1)})


@pipeline_failure_sensor
def alert_on_failure(context):
    run = context.pipeline_run
    if run.tags.get("explode"):
        raise RuntimeError(f"cannot alert about {run.run_id}")
    with open(os.environ["ALERT_LOG"], "a") as log:
        log.write(json.dumps([run.run_id, run.pipeline_name, run.status, run.message]) + "\n")


@repository
def scheduled():
    return {
        "pipelines": [ingest, report],
        "partition_sets": [letters],
        "schedules": [
            nightly_report,
            ingest_daily,
            failing_schedule,
            never_schedule,
            letters_hourly,
        ],
        "sensors": [new_files, quiet, silent, failing_sensor, unserializable, alert_on_failure],
    }
