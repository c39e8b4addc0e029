"""Runs through a real code server: failures, retries, crashes, termination, re-execution."""

from __future__ import annotations

import os
import pickle
import signal
import time
from pathlib import Path

import pytest
from helpers.waiting import wait_until

from control_plane.errors import CodeLocationError, InvalidRunStateError, RunConfigValidationError
from control_plane.storage.records import RunStatus
from user_code_server.protocol import CodeServerUnavailableError, EventType


def step_events(plane, run_id, event_type):
    return [r.event for r in plane.storage.get_events(run_id) if r.event.event_type == event_type]


def steps_with(plane, run_id, event_type):
    return sorted(e.step_key for e in step_events(plane, run_id, event_type))


def fail_then_fix_config(marker):
    return {"solids": {"maybe_fail": {"config": {"marker": str(marker)}}}}


def test_failure_skips_downstream_and_reexecution_runs_only_what_failed(plane, tmp_path):
    marker = tmp_path / "marker"
    run = plane.launch_run("fail_then_fix", fail_then_fix_config(marker))
    run = plane.wait_for_run(run.run_id, timeout=60)
    assert run.status == RunStatus.FAILURE
    assert steps_with(plane, run.run_id, EventType.STEP_FAILURE) == ["maybe_fail"]
    assert steps_with(plane, run.run_id, EventType.STEP_SKIPPED) == ["double"]
    assert steps_with(plane, run.run_id, EventType.STEP_SUCCESS) == ["independent", "produce"]
    (failure,) = step_events(plane, run.run_id, EventType.STEP_FAILURE)
    assert "marker file missing" in failure.error.message

    marker.write_text("")
    child = plane.reexecute_run(run.run_id, from_failure=True)
    child = plane.wait_for_run(child.run_id, timeout=60)
    assert child.status == RunStatus.SUCCESS
    assert (child.parent_run_id, child.root_run_id) == (run.run_id, run.run_id)
    assert steps_with(plane, child.run_id, EventType.STEP_START) == ["double", "maybe_fail"]
    # The parent run is never overwritten.
    assert plane.storage.get_run(run.run_id).status == RunStatus.FAILURE

    grandchild = plane.reexecute_run(child.run_id, from_failure=False)
    grandchild = plane.wait_for_run(grandchild.run_id, timeout=60)
    assert grandchild.root_run_id == run.run_id
    assert len(steps_with(plane, grandchild.run_id, EventType.STEP_START)) == 4


def test_reexecution_from_failure_of_a_successful_run_is_refused(plane, tmp_path):
    marker = tmp_path / "marker"
    marker.write_text("")
    run = plane.wait_for_run(plane.launch_run("fail_then_fix", fail_then_fix_config(marker)).run_id)
    assert run.status == RunStatus.SUCCESS
    with pytest.raises(InvalidRunStateError, match="succeeded"):
        plane.reexecute_run(run.run_id, from_failure=True)


def test_invalid_config_is_refused_before_a_run_exists(plane):
    with pytest.raises(RunConfigValidationError) as raised:
        plane.launch_run("fail_then_fix", {"solids": {"maybe_fail": {"config": {"marker": 3}}}})
    assert any("solids.maybe_fail.config.marker" in str(e) for e in raised.value.errors)
    assert plane.storage.get_runs() == []


def test_retry_policy_and_retry_requested(plane, tmp_path):
    config = {
        "solids": {
            "flaky": {"config": {"counter": str(tmp_path / "flaky")}},
            "asks_for_retry": {"config": {"counter": str(tmp_path / "asks")}},
        }
    }
    run = plane.wait_for_run(plane.launch_run("retries", config).run_id, timeout=60)
    assert run.status == RunStatus.SUCCESS
    retried = [e.step_key for e in step_events(plane, run.run_id, EventType.STEP_UP_FOR_RETRY)]
    assert sorted(retried) == ["asks_for_retry", "flaky", "flaky"]
    starts = step_events(plane, run.run_id, EventType.STEP_START)
    assert max(e.attempt for e in starts if e.step_key == "flaky") == 3


def test_a_step_process_that_dies_fails_with_its_cause(plane):
    run = plane.wait_for_run(plane.launch_run("crashing").run_id, timeout=60)
    assert run.status == RunStatus.FAILURE
    (failure,) = step_events(plane, run.run_id, EventType.STEP_FAILURE)
    assert failure.step_key == "crash" and "exit code 3" in failure.error.message
    assert steps_with(plane, run.run_id, EventType.STEP_SKIPPED) == ["double"]


def wait_for_step_start(plane, run_id, step_key, timeout=30):
    wait_until(
        lambda: step_key in steps_with(plane, run_id, EventType.STEP_START),
        timeout,
        f"{step_key} to start",
        interval=0.02,
    )


def test_terminate_stops_the_step_in_flight(plane):
    config = {"solids": {"sleepy": {"config": {"seconds": 60.0}}}}
    run = plane.launch_run("slow", config)
    wait_for_step_start(plane, run.run_id, "sleepy")
    started = time.monotonic()
    plane.terminate_run(run.run_id)
    run = plane.wait_for_run(run.run_id, timeout=30)
    assert run.status == RunStatus.CANCELED and time.monotonic() - started < 10
    assert steps_with(plane, run.run_id, EventType.STEP_START) == ["sleepy"]
    assert plane.storage.get_events(run.run_id)[-1].event.event_type == EventType.RUN_CANCELED


def test_code_server_killed_mid_run_fails_the_run_and_the_next_run_succeeds(plane):
    config = {"solids": {"sleepy": {"config": {"seconds": 60.0}}}}
    run = plane.launch_run("slow", config)
    wait_for_step_start(plane, run.run_id, "sleepy")
    location = plane.locations.get("runs_repo")
    killed = location.client().ping().pid
    os.kill(killed, signal.SIGKILL)
    run = plane.wait_for_run(run.run_id, timeout=30)
    assert run.status == RunStatus.FAILURE
    (failure,) = step_events(plane, run.run_id, EventType.STEP_FAILURE)
    assert "unavailable" in failure.error.message
    # The run can fail before the supervisor sees the death: wait for the new server itself.
    wait_until(lambda: _serving_pid(plane) not in (None, killed), 30, "a new code server")
    config = {"solids": {"sleepy": {"config": {"seconds": 0.0}}}}
    assert plane.wait_for_run(plane.launch_run("slow", config).run_id).status == RunStatus.SUCCESS


def _serving_pid(plane) -> int | None:
    """The pid of the code server the location serves from, if it is loaded and answers."""
    if plane.code_locations()[0].status != "LOADED":
        return None
    try:
        return plane.locations.get("runs_repo").client().ping().pid
    except (CodeServerUnavailableError, CodeLocationError):
        return None


def test_mapped_failure_reexecutes_only_the_failed_key(plane, tmp_path):
    marker = tmp_path / "marker"
    config = {
        "solids": {
            "keys": {"config": {"marker": str(marker)}},
            "per_key": {"config": {"marker": str(marker)}},
        }
    }
    run = plane.wait_for_run(plane.launch_run("mapped", config).run_id, timeout=60)
    assert run.status == RunStatus.FAILURE
    assert steps_with(plane, run.run_id, EventType.STEP_SUCCESS) == [
        "keys",
        "per_key[a]",
        "per_key[c]",
    ]
    assert steps_with(plane, run.run_id, EventType.STEP_SKIPPED) == ["join"]
    marker.write_text("")
    child = plane.wait_for_run(plane.reexecute_run(run.run_id).run_id, timeout=60)
    assert child.status == RunStatus.SUCCESS
    assert steps_with(plane, child.run_id, EventType.STEP_START) == ["join", "per_key[b]"]


def test_nested_mapping_keys_steps_by_every_level_and_retries_each_mapped_step(plane, tmp_path):
    config = {"solids": {"count_shard": {"config": {"counter_dir": str(tmp_path)}}}}
    run = plane.wait_for_run(plane.launch_run("nested", config).run_id, timeout=60)
    assert run.status == RunStatus.SUCCESS
    assert steps_with(plane, run.run_id, EventType.STEP_SUCCESS) == [
        "count_shard[eu,x]",
        "count_shard[eu,y]",
        "count_shard[us,z]",
        "grand_total",
        "region_total[eu]",
        "region_total[us]",
        "regions",
        "shards[eu]",
        "shards[us]",
    ]
    retried = steps_with(plane, run.run_id, EventType.STEP_UP_FOR_RETRY)
    assert retried == ["count_shard[eu,x]", "count_shard[eu,y]", "count_shard[us,z]"]

    # Re-executing every instance of a mapped solid at once, reusing everything upstream.
    child = plane.wait_for_run(
        plane.reexecute_run(run.run_id, step_selection=["count_shard[*]"]).run_id, timeout=60
    )
    assert child.status == RunStatus.SUCCESS
    assert steps_with(plane, child.run_id, EventType.STEP_START) == [
        "count_shard[eu,x]",
        "count_shard[eu,y]",
        "count_shard[us,z]",
    ]


def test_several_dynamic_outputs_and_a_mapped_solid_with_a_plain_input(plane):
    run = plane.wait_for_run(plane.launch_run("two_dynamic_outputs").run_id, timeout=60)
    assert run.status == RunStatus.SUCCESS
    assert steps_with(plane, run.run_id, EventType.STEP_SUCCESS) == [
        "add_all",
        "factor",
        "scale[n0]",
        "scale[n2]",
        "scale[n4]",
        "scale_odd[n1]",
        "scale_odd[n3]",
        "split_numbers",
    ]
    stored = Path(plane.instance.io_base_dir) / run.run_id / "add_all" / "result.pkl"
    # evens 0, 2, 4 and odds 1, 3, each scaled by the plain input 10
    assert pickle.loads(stored.read_bytes()) == (0 + 20 + 40) + 1000 * (10 + 30)


def test_a_duplicate_mapping_key_fails_the_step_naming_the_key(plane):
    run = plane.wait_for_run(plane.launch_run("duplicates").run_id, timeout=60)
    assert run.status == RunStatus.FAILURE
    (failure,) = step_events(plane, run.run_id, EventType.STEP_FAILURE)
    assert failure.step_key == "duplicate_keys"
    assert "duplicate mapping key 'same'" in failure.error.message
    assert steps_with(plane, run.run_id, EventType.STEP_SKIPPED) == ["join"]
