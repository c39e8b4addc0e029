"""Schedules and sensors for the daemon tests. The sensor requests one run per file in the
directory named by $LODESTAR_TEST_SENSOR_DIR (run key: the file name); the failure sensor
writes each failed run id to $LODESTAR_TEST_ALERTS."""

import os
from datetime import datetime

from user_code_server import (
    Failure,
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


@solid(config_schema={"label": str})
def record(context) -> str:
    context.log.info(f"label {context.solid_config['label']}")
    return context.solid_config["label"]


@pipeline
def labelled():
    record()


@solid
def explode(context) -> None:
    raise Failure("exploded on purpose")


@pipeline
def exploding():
    explode()


@schedule(cron_schedule="* * * * *", pipeline_name="labelled")
def every_minute(context):
    return {
        "solids": {"record": {"config": {"label": context.scheduled_execution_time.isoformat()}}}
    }


@schedule(
    cron_schedule="30 2 * * *", pipeline_name="labelled", execution_timezone="Europe/Amsterdam"
)
def nightly(context):
    return {"solids": {"record": {"config": {"label": "nightly"}}}}


@daily_schedule(pipeline_name="labelled", start_date=datetime(2026, 1, 1))
def daily_labels(date):
    return {"solids": {"record": {"config": {"label": date.strftime("%Y-%m-%d")}}}}


@sensor(pipeline_name="labelled", minimum_interval_seconds=1)
def new_files(context):
    folder = os.environ.get("LODESTAR_TEST_SENSOR_DIR", "")
    names = sorted(os.listdir(folder)) if folder and os.path.isdir(folder) else []
    if not names:
        yield SkipReason("no files")
        return
    for name in names:
        yield RunRequest(
            run_key=name, run_config={"solids": {"record": {"config": {"label": name}}}}
        )
    context.update_cursor(names[-1])


@pipeline_failure_sensor(minimum_interval_seconds=1)
def alert_on_failure(context):
    with open(os.environ["LODESTAR_TEST_ALERTS"], "a") as alerts:
        alerts.write(context.pipeline_run.run_id + "\n")


@repository
def instigated():
    return [labelled, exploding, every_minute, nightly, daily_labels, new_files, alert_on_failure]
