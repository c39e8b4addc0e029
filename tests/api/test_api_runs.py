"""Launching, following, listing, terminating and re-executing runs over GraphQL."""

from __future__ import annotations

import time

from helpers.waiting import wait_until

from api.lodestar_process import wait_for_run

LAUNCH = """
mutation($pipeline: String!, $runConfig: JSON, $tags: [TagInput!]) {
  launchRun(pipeline: $pipeline, runConfig: $runConfig, tags: $tags) {
    __typename
    ... on Error { message }
    ... on RunConfigValidationError { errors { path message } }
    ... on LaunchRunSuccess { run { runId status pipelineName location tags { key value } } }
  }
}
"""

RUN = """
query($id: String!) {
  run(runId: $id) {
    __typename
    ... on Run {
      runId status runConfig mode parentRunId rootRunId createdAt startTime endTime
      tags { key value }
      stepStats { stepKey status attempts startTime endTime error }
    }
  }
}
"""

EVENTS = """
query($id: String!, $after: String, $limit: Int!) {
  runEvents(runId: $id, afterCursor: $after, limit: $limit) {
    __typename
    ... on RunEventConnection { cursor hasMore events { cursor stepKey eventType message } }
  }
}
"""

RUNS = """
query($filter: RunsFilter, $limit: Int!, $cursor: String) {
  runs(filter: $filter, limit: $limit, cursor: $cursor) {
    __typename
    ... on RunConnection { count cursor hasMore nodes { runId status } }
  }
}
"""

REEXECUTE = """
mutation($id: String!, $fromFailure: Boolean!) {
  reexecuteRun(runId: $id, fromFailure: $fromFailure) {
    __typename
    ... on Error { message }
    ... on LaunchRunSuccess { run { runId } }
  }
}
"""

TERMINATE = """
mutation($id: String!) {
  terminateRun(runId: $id) {
    __typename
    ... on Error { message }
    ... on TerminateRunSuccess { run { runId status } }
  }
}
"""


def launch(server, pipeline: str, run_config: dict | None = None, tags: dict | None = None):
    variables = {
        "pipeline": pipeline,
        "runConfig": run_config,
        "tags": [{"key": k, "value": v} for k, v in (tags or {}).items()],
    }
    return server.data(LAUNCH, variables)["launchRun"]


def launched_run_id(server, pipeline: str, **kwargs) -> str:
    result = launch(server, pipeline, **kwargs)
    assert result["__typename"] == "LaunchRunSuccess", result
    return result["run"]["runId"]


def test_a_launched_run_succeeds_with_its_tags_config_and_step_statuses(lodestar_up):
    config = {"solids": {"numbers": {"config": {"count": 4}}}}
    result = launch(lodestar_up, "adder", config, tags={"team": "api"})
    assert result["__typename"] == "LaunchRunSuccess", result
    assert result["run"]["pipelineName"] == "adder"
    assert result["run"]["location"] == "api_repo"
    run_id = result["run"]["runId"]
    wait_for_run(lodestar_up, run_id)
    run = lodestar_up.data(RUN, {"id": run_id})["run"]
    assert run["status"] == "SUCCESS"
    assert run["runConfig"] == config
    assert run["mode"] == "default"
    assert {"key": "team", "value": "api"} in run["tags"]
    assert run["startTime"] <= run["endTime"]
    assert [(s["stepKey"], s["status"], s["attempts"]) for s in run["stepStats"]] == [
        ("numbers", "SUCCESS", 1),
        ("total", "SUCCESS", 1),
    ]


def test_mapped_steps_get_one_status_per_mapping_key(lodestar_up):
    run_id = launched_run_id(lodestar_up, "fan_out")
    wait_for_run(lodestar_up, run_id)
    stats = lodestar_up.data(RUN, {"id": run_id})["run"]["stepStats"]
    assert {s["stepKey"]: s["status"] for s in stats} == {
        "list_files": "SUCCESS",
        "process_file[a_txt]": "SUCCESS",
        "process_file[b_txt]": "SUCCESS",
        "process_file[c_txt]": "SUCCESS",
        "summarize": "SUCCESS",
    }


def test_run_events_page_by_cursor_without_gaps_or_repeats(lodestar_up):
    run_id = launched_run_id(lodestar_up, "fan_out")
    wait_for_run(lodestar_up, run_id)
    everything = lodestar_up.data(EVENTS, {"id": run_id, "limit": 10_000})["runEvents"]
    assert everything["hasMore"] is False
    assert everything["events"][0]["eventType"] == "RUN_ENQUEUED"
    assert everything["events"][-1]["eventType"] == "RUN_SUCCESS"
    followed, cursor = [], None
    while True:
        page = lodestar_up.data(EVENTS, {"id": run_id, "after": cursor, "limit": 3})["runEvents"]
        followed += page["events"]
        assert len(page["events"]) <= 3
        cursor = page["cursor"]
        if not page["hasMore"]:
            break
    assert followed == everything["events"]
    assert cursor == everything["events"][-1]["cursor"]
    tail = lodestar_up.data(EVENTS, {"id": run_id, "after": cursor, "limit": 3})["runEvents"]
    assert tail == {
        "__typename": "RunEventConnection",
        "cursor": cursor,
        "hasMore": False,
        "events": [],
    }


def test_runs_filter_by_tag_and_status_and_page_by_cursor(lodestar_up):
    batch = str(time.time())
    run_ids = [launched_run_id(lodestar_up, "adder", tags={"batch": batch}) for _ in range(3)]
    for run_id in run_ids:
        wait_for_run(lodestar_up, run_id)
    tagged = {"tags": [{"key": "batch", "value": batch}]}
    first = lodestar_up.data(RUNS, {"filter": tagged, "limit": 2})["runs"]
    assert first["count"] == 3
    assert first["hasMore"] is True
    assert first["cursor"] == first["nodes"][-1]["runId"]
    rest = lodestar_up.data(RUNS, {"filter": tagged, "limit": 2, "cursor": first["cursor"]})
    rest = rest["runs"]
    assert rest["hasMore"] is False
    listed = [r["runId"] for r in first["nodes"] + rest["nodes"]]
    assert listed == list(reversed(run_ids))  # newest first
    failed = {**tagged, "statuses": ["FAILURE"]}
    assert lodestar_up.data(RUNS, {"filter": failed, "limit": 10})["runs"]["nodes"] == []


def test_a_failed_step_reports_its_error_and_reexecution_names_its_parent(lodestar_up):
    run_id = launched_run_id(lodestar_up, "failing")
    assert wait_for_run(lodestar_up, run_id)["status"] == "FAILURE"
    stats = {s["stepKey"]: s for s in lodestar_up.data(RUN, {"id": run_id})["run"]["stepStats"]}
    assert stats["flaky"]["status"] == "FAILURE"
    assert "flaky failed on purpose" in stats["flaky"]["error"]
    child = lodestar_up.data(REEXECUTE, {"id": run_id, "fromFailure": True})["reexecuteRun"]
    assert child["__typename"] == "LaunchRunSuccess", child
    child_run = wait_for_run(lodestar_up, child["run"]["runId"])
    assert child_run["parentRunId"] == run_id
    assert child_run["rootRunId"] == run_id


def test_reexecuting_from_failure_a_successful_run_is_an_invalid_state(lodestar_up):
    run_id = launched_run_id(lodestar_up, "adder")
    wait_for_run(lodestar_up, run_id)
    result = lodestar_up.data(REEXECUTE, {"id": run_id, "fromFailure": True})["reexecuteRun"]
    assert result["__typename"] == "InvalidRunStateError"
    assert run_id in result["message"]


def test_terminating_a_running_run_cancels_it(lodestar_up):
    run_id = launched_run_id(lodestar_up, "slow")
    wait_until(
        lambda: lodestar_up.data(RUN, {"id": run_id})["run"]["status"] == "STARTED",
        30,
        "the slow run to start",
    )
    result = lodestar_up.data(TERMINATE, {"id": run_id})["terminateRun"]
    assert result["__typename"] == "TerminateRunSuccess", result
    assert result["run"]["status"] in ("CANCELING", "CANCELED")
    assert wait_for_run(lodestar_up, run_id, timeout=30)["status"] == "CANCELED"
    again = lodestar_up.data(TERMINATE, {"id": run_id})["terminateRun"]
    assert again["__typename"] == "InvalidRunStateError"


def test_launch_errors_are_typed(lodestar_up):
    bad = launch(lodestar_up, "adder", {"solids": {"numbers": {"config": {"count": "x"}}}})
    assert bad["__typename"] == "RunConfigValidationError"
    assert bad["errors"][0]["path"] == "solids.numbers.config.count"
    missing = launch(lodestar_up, "nope")
    assert missing["__typename"] == "PipelineNotFoundError"
    unknown = lodestar_up.data(TERMINATE, {"id": "no-such-run"})["terminateRun"]
    assert unknown["__typename"] == "RunNotFoundError"
