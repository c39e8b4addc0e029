"""Sensors in the SDK: what their functions may return or yield, cursors, failure sensors,
and the error boundary and time limit of an evaluation."""

import threading

import pytest

from user_code_server import (
    RunRequest,
    SensorExecutionContext,
    SkipReason,
    pipeline,
    pipeline_failure_sensor,
    sensor,
    solid,
)
from user_code_server.instigator_evaluation import evaluate_sensor
from user_code_server.protocol import FailedRun
from user_code_server.sdk import DefinitionError, RepositoryDefinition


@solid
def noop(context):
    pass


@pipeline
def ingest():
    noop()


def keys(result) -> list:
    return [r.run_key for r in result]


@pytest.mark.parametrize(
    ("returned", "expected"),
    [
        (RunRequest("a"), ["a"]),
        ([RunRequest("a"), RunRequest(None), RunRequest("a"), RunRequest(None)], ["a", None, None]),
        ((r for r in [RunRequest("b"), RunRequest("c")]), ["b", "c"]),
    ],
)
def test_run_requests_returned_or_yielded_first_of_each_key(returned, expected):
    @sensor(pipeline_name="ingest")
    def requests(context):
        return returned

    assert keys(requests.evaluate_tick(SensorExecutionContext())) == expected


def test_skips_with_and_without_a_reason():
    @sensor(pipeline_name="ingest")
    def nothing(context):
        yield from ()

    @sensor(pipeline_name="ingest")
    def reason(context):
        return SkipReason("no new files")

    assert nothing.evaluate_tick(SensorExecutionContext()).skip_message is None
    assert reason.evaluate_tick(SensorExecutionContext()).skip_message == "no new files"


@pytest.mark.parametrize(
    ("returned", "message"),
    [
        ([SkipReason("x"), RunRequest("a")], "gave 1 SkipReason\\(s\\) and 1 RunRequest"),
        (["a"], "sensor 'odd' gave 'a': expected RunRequest or SkipReason"),
    ],
)
def test_what_a_sensor_may_not_give(returned, message):
    @sensor(pipeline_name="ingest")
    def odd(context):
        return returned

    with pytest.raises(DefinitionError, match=message):
        odd.evaluate_tick(SensorExecutionContext())


def test_run_request_and_context_checks():
    with pytest.raises(DefinitionError, match="run_config is not JSON-able"):
        RunRequest("k", run_config={"x": {1, 2}})
    with pytest.raises(DefinitionError, match="run_key must be a string"):
        RunRequest(3)
    assert RunRequest("k", tags={"n": 1}).tags == {"n": "1"}
    with pytest.raises(DefinitionError, match="update_cursor takes a string or None, got 5"):
        SensorExecutionContext().update_cursor(5)
    with pytest.raises(DefinitionError, match="minimum_interval_seconds must be a positive"):
        sensor(pipeline_name="ingest", name="s", minimum_interval_seconds=0)(lambda context: None)


def test_a_sensor_naming_a_missing_pipeline_is_a_repository_error():
    @sensor(pipeline_name="elsewhere")
    def lost(context):
        return None

    with pytest.raises(DefinitionError, match="sensor 'lost' targets pipeline 'elsewhere'"):
        RepositoryDefinition("r", [ingest], sensors=[lost])


def test_a_cursor_is_returned_only_from_a_successful_evaluation():
    @sensor(pipeline_name="ingest")
    def counting(context):
        context.update_cursor(str(int(context.cursor or 0) + 1))
        if context.last_run_key == "stop":
            raise RuntimeError("stopped")
        return RunRequest(context.cursor)

    repo = RepositoryDefinition("r", [ingest], sensors=[counting])
    reply = evaluate_sensor(repo, "counting", "41")
    assert (keys(reply.run_requests), reply.cursor, reply.cursor_updated) == (["42"], "42", True)
    failed = evaluate_sensor(repo, "counting", "41", last_run_key="stop")
    assert (failed.cursor_updated, failed.error.cls_name) == (False, "RuntimeError")


def test_a_failure_sensor_is_called_per_failed_run_and_skips_without_any():
    seen = []

    @pipeline_failure_sensor(minimum_interval_seconds=10)
    def alert(context):
        seen.append((context.sensor_name, context.pipeline_run.run_id))

    repo = RepositoryDefinition("r", [ingest], sensors=[alert])
    assert evaluate_sensor(repo, "alert").skip_reason == "no failed runs"
    runs = [FailedRun("r1", "ingest", "FAILURE"), FailedRun("r2", "ingest", "FAILURE")]
    assert evaluate_sensor(repo, "alert", failed_runs=runs).error is None
    assert seen == [("alert", "r1"), ("alert", "r2")]
    assert (alert.pipeline_name, alert.minimum_interval_seconds) == ("", 10.0)


def test_an_evaluation_that_does_not_finish_in_time_is_an_error():
    release = threading.Event()

    @sensor(pipeline_name="ingest")
    def stuck(context):
        release.wait(30)

    repo = RepositoryDefinition("r", [ingest], sensors=[stuck])
    try:
        reply = evaluate_sensor(repo, "stuck", timeout=0.2)
    finally:
        release.set()
    assert reply.error.cls_name == "TimeoutError"
    assert reply.error.message == "sensor 'stuck' did not finish within the evaluation's 0.2 s"
