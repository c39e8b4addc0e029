"""Schedules and sensors through a real code server: their snapshots, evaluations at a due
time or from a cursor, and the user's errors as values with their traceback."""

import json
import subprocess
import sys
import textwrap
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from helpers.code_server import READY_LINE, REPOS_DIR

from user_code_server.protocol import (
    ErrorKind,
    FailedRun,
    ScheduleSnapshot,
    SensorSnapshot,
    TickRunRequest,
    UserCodeClient,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PARTITION_TAGS = {"lodestar/partition": "2026-03-01", "lodestar/partition_set": "ingest_daily"}


@pytest.fixture
def alert_log(tmp_path):
    return tmp_path / "alerts.log"


@pytest.fixture
def client(code_server, alert_log):
    server = code_server("scheduled.py", "--workers", "1", env={"ALERT_LOG": str(alert_log)})
    return server.client()


def at(*args: int) -> float:
    return datetime(*args, tzinfo=AMSTERDAM).timestamp()


def test_the_snapshot_lists_schedules_and_sensors_with_their_fields(client):
    snapshot = client.repository_snapshot()
    schedules = {s.name: s for s in snapshot.schedules}
    assert schedules["nightly_report"] == ScheduleSnapshot(
        name="nightly_report",
        pipeline_name="report",
        cron_schedule="30 2 * * *",
        execution_timezone="Europe/Amsterdam",
        description="The nightly report.",
    )
    assert schedules["ingest_daily"].cron_schedule == "0 0 * * *"
    assert schedules["ingest_daily"].partition_set == "ingest_daily"
    assert schedules["letters_hourly"].partition_set == "letters"
    assert {p.name for p in snapshot.partition_sets} == {"letters", "ingest_daily"}
    sensors = {s.name: s for s in snapshot.sensors}
    assert sensors["new_files"] == SensorSnapshot(
        name="new_files",
        pipeline_name="report",
        minimum_interval_seconds=5.0,
        description="Two new files per evaluation, one of them announced twice.",
    )
    assert sensors["alert_on_failure"].is_pipeline_failure_sensor
    assert sensors["alert_on_failure"].pipeline_name == ""


def test_a_schedule_gets_its_due_time_in_its_time_zone(client):
    # 01:30 UTC on 2026-03-02 is 02:30 in Amsterdam (CET, +01:00).
    reply = client.evaluate_schedule("nightly_report", at(2026, 3, 2, 2, 30))
    assert reply.error is None and reply.skip_reason == ""
    config = {"solids": {"report_on": {"config": {"at": "2026-03-02T02:30:00+01:00"}}}}
    assert reply.run_requests == [TickRunRequest("", config, {"team": "data"})]
    summer = client.evaluate_schedule("nightly_report", at(2026, 7, 1, 2, 30))
    assert (
        summer.run_requests[0].run_config["solids"]["report_on"]["config"]["at"].endswith("+02:00")
    )


def test_a_daily_schedule_targets_the_day_that_just_closed(client):
    reply = client.evaluate_schedule("ingest_daily", at(2026, 3, 2, 0, 0))
    assert reply.error is None
    [request] = reply.run_requests
    assert request.run_config == {"solids": {"load": {"config": {"day": "2026-03-01"}}}}
    assert request.tags == {"team": "data", **PARTITION_TAGS}
    assert request.run_key == ""


def test_a_daily_schedule_skips_before_its_first_day_closed(client):
    reply = client.evaluate_schedule("ingest_daily", at(2026, 1, 1, 0, 0))
    assert reply.run_requests == [] and reply.error is None
    assert "no partition of partition set 'ingest_daily' has closed" in reply.skip_reason


def test_a_partition_set_schedule_and_should_execute(client):
    [request] = client.evaluate_schedule("letters_hourly", at(2026, 3, 2, 5, 0)).run_requests
    assert request.tags == {"lodestar/partition": "b", "lodestar/partition_set": "letters"}
    skipped = client.evaluate_schedule("never_schedule", at(2026, 3, 2, 5, 0))
    assert (skipped.run_requests, skipped.skip_reason) == ([], "should_execute returned False")


def test_a_schedule_error_comes_back_with_the_users_traceback(client):
    reply = client.evaluate_schedule("failing_schedule", at(2026, 3, 2, 5, 0))
    assert reply.error.kind == ErrorKind.USER_CODE_ERROR
    assert reply.error.message == "schedule 'failing_schedule' raised ValueError: no report today"
    assert "scheduled.py" in reply.error.stack and 'raise ValueError("no report today")' in (
        reply.error.stack
    )
    unknown = client.evaluate_schedule("nope", 0)
    assert unknown.error.message == "schedule 'nope' not found in repository 'scheduled'"


def test_a_sensor_cursor_run_keys_and_skip_reasons_round_trip(client):
    first = client.evaluate_sensor("new_files")
    assert [r.run_key for r in first.run_requests] == ["file_1", "file_2"]  # duplicate dropped
    assert first.run_requests[0].tags == {"file": "1"}
    assert (first.cursor, first.cursor_updated) == ("2", True)
    second = client.evaluate_sensor("new_files", first.cursor, "file_2")
    assert [r.run_key for r in second.run_requests] == ["file_3", "file_4"]
    assert second.run_requests[1].run_config == {
        "solids": {"report_on": {"config": {"at": "file_4"}}}
    }

    quiet = client.evaluate_sensor("quiet", "7", "file_4")
    assert (quiet.run_requests, quiet.skip_reason) == ([], "nothing new since file_4")
    assert not quiet.cursor_updated
    silent = client.evaluate_sensor("silent")
    assert (silent.run_requests, silent.skip_reason, silent.error) == ([], "", None)


def test_a_sensor_error_keeps_no_cursor_and_names_the_sensor(client):
    failing = client.evaluate_sensor("failing_sensor", "3")
    assert failing.error.kind == ErrorKind.USER_CODE_ERROR
    assert (
        failing.error.message == "sensor 'failing_sensor' raised RuntimeError: the bucket is gone"
    )
    assert 'raise RuntimeError("the bucket is gone")' in failing.error.stack
    assert not failing.cursor_updated
    unserializable = client.evaluate_sensor("unserializable")
    assert unserializable.error.message.startswith(
        "sensor 'unserializable': RunRequest(run_key='k')"
    )
    assert "not JSON-able" in unserializable.error.message
    assert client.evaluate_sensor("nope").error.message == (
        "sensor 'nope' not found in repository 'scheduled'"
    )


def test_a_failure_sensor_sees_each_failed_run(client, alert_log):
    runs = [
        FailedRun("run_a", "ingest", "FAILURE", "step load failed", {"team": "data"}),
        FailedRun("run_b", "report", "FAILURE", "", {}),
    ]
    reply = client.evaluate_sensor("alert_on_failure", failed_runs=runs)
    assert (reply.run_requests, reply.error) == ([], None)
    seen = [json.loads(line) for line in alert_log.read_text().splitlines()]
    assert seen == [
        ["run_a", "ingest", "FAILURE", "step load failed"],
        ["run_b", "report", "FAILURE", ""],
    ]
    exploding = FailedRun("run_c", "ingest", "FAILURE", "", {"explode": "yes"})
    error = client.evaluate_sensor("alert_on_failure", failed_runs=[exploding]).error
    assert error.message == (
        "pipeline failure sensor 'alert_on_failure' for run 'run_c' raised RuntimeError: "
        "cannot alert about run_c"
    )
    assert "scheduled.py" in error.stack


@pytest.mark.parametrize(
    ("definition", "message"),
    [
        (
            '@schedule("61 * * * *", pipeline_name="p")',
            "schedule 'every': cron_schedule '61 * * * *' is invalid",
        ),
        (
            '@schedule("* * * *", pipeline_name="p")',
            "schedule 'every': cron_schedule '* * * *' must have 5 fields",
        ),
        (
            '@schedule("0 * * * *", pipeline_name="p", execution_timezone="Mars/Base")',
            "schedule 'every': unknown execution_timezone 'Mars/Base'",
        ),
        (
            '@schedule("0 * * * *", pipeline_name="elsewhere")',
            "schedule 'every' targets pipeline 'elsewhere', which is not in the repository",
        ),
        (
            '@sensor(pipeline_name="elsewhere")',
            "sensor 'every' targets pipeline 'elsewhere', which is not in the repository",
        ),
    ],
)
def test_bad_definitions_are_load_errors_naming_them(code_server, tmp_path, definition, message):
    repo = tmp_path / "bad_repo.py"
    repo.write_text(
        textwrap.dedent(
            f"""\
            from user_code_server import pipeline, schedule, sensor, solid

            @solid
            def noop(context):
                pass

            @pipeline
            def p():
                noop()

            {definition}
            def every(context):
                return {{}}
            """
        )
    )
    load_error = code_server(str(repo)).client().ping().load_error
    assert message in load_error


def test_what_an_evaluation_prints_stays_off_the_servers_stdout():
    command = [sys.executable, "-m", "user_code_server", "-f", str(REPOS_DIR / "scheduled.py")]
    process = subprocess.Popen(
        [*command, "--port", "0", "--workers", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        ready = READY_LINE.search(process.stdout.readline())
        assert ready, "the first line of stdout is the ready line"
        client = UserCodeClient(ready["host"], int(ready["port"]))
        assert client.evaluate_sensor("quiet").skip_reason == "nothing new since None"
        client.shutdown()
        client.close()
        stdout, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
        process.wait()
    assert "10.0.0.1" not in stdout
    assert "lodestar code server ready on 10.0.0.1:1 (pid 1)" in stderr
