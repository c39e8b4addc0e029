"""The Celery executor end to end: `lodestar up` sends steps to two real `lodestar worker`
processes over RabbitMQ and over Redis; their events come back through the broker."""

from __future__ import annotations

import collections
import json
import os
import re
import time
import uuid
from pathlib import Path

import pytest
import yaml
from api.lodestar_process import ControlPlaneProcess, start_control_plane, wait_for_run
from helpers.waiting import wait_until
from kombu import Connection, Queue

from celery_executor.conftest import (
    BROKER_VARIABLES,
    LOST_WORKER_TIMEOUT_S,
    REPO,
    reachable_broker,
    start_worker,
    write_celery_config,
)
from control_plane.instance import Instance
from user_code_server.protocol import EventType


def events(up: ControlPlaneProcess, run_id: str):
    """The run's events, from the instance's storage."""
    instance = Instance.from_env(str(up.home))
    try:
        return [record.event for record in instance.storage.get_events(run_id)]
    finally:
        instance.dispose()


def launch(up: ControlPlaneProcess, pipeline: str, config: dict, *tags: str) -> str:
    config_file = up.home / f"{pipeline}.{time.monotonic_ns()}.yaml"
    config_file.write_text(yaml.safe_dump(config))
    tag_args = [arg for tag in tags for arg in ("--tag", tag)]
    launched = up.lodestar("run", "launch", pipeline, "-c", str(config_file), *tag_args, "--json")
    assert launched.returncode == 0, launched.stderr
    return json.loads(launched.stdout)["runId"]


def worker_pids_of(run_events) -> collections.Counter:
    """How many steps each worker ran, from the `worker=PID` lines the steps log."""
    return collections.Counter(
        int(m[1]) for e in run_events if (m := re.search(r"worker=(\d+)", e.message))
    )


def assert_each_event_once(run_events) -> None:
    """No step attempt has a duplicated start or final event."""
    counted = collections.Counter(
        (e.step_key, e.attempt, e.event_type)
        for e in run_events
        if e.event_type in (EventType.STEP_START, EventType.STEP_SUCCESS, EventType.STEP_FAILURE)
    )
    assert [key for key, n in counted.items() if n > 1] == []


def test_map_and_collect_run_on_both_workers(deployment):
    run_id = launch(deployment.up, "fan", {"solids": {"numbers": {"config": {"n": 40}}}})
    run = wait_for_run(deployment.up, run_id, timeout=120)
    assert run["status"] == "SUCCESS", deployment.up.log()
    run_events = events(deployment.up, run_id)
    assert any(e.message == f"total={sum(i * i for i in range(40))}" for e in run_events)
    successes = [e.step_key for e in run_events if e.event_type == EventType.STEP_SUCCESS]
    assert sorted(successes) == sorted(["numbers", "total", *(f"square[n{i}]" for i in range(40))])
    assert_each_event_once(run_events)
    by_worker = worker_pids_of(run_events)
    assert set(by_worker) == {w.pid for w in deployment.workers}, by_worker


def test_a_solid_tag_routes_its_steps_to_a_queue(deployment):
    run_id = launch(deployment.up, "fan_special", {"solids": {"numbers": {"config": {"n": 6}}}})
    assert wait_for_run(deployment.up, run_id, timeout=120)["status"] == "SUCCESS"
    assert worker_pids_of(events(deployment.up, run_id)) == {deployment.workers[1].pid: 6}


def test_retries_and_reexecution_from_failure(deployment, tmp_path):
    flag = tmp_path / "flag"
    config = {"solids": {"needs_flag": {"config": {"flag": str(flag)}}}}
    run_id = launch(deployment.up, "retries_and_failures", config)
    run = wait_for_run(deployment.up, run_id, timeout=120)
    assert run["status"] == "FAILURE"
    statuses = {s["stepKey"]: s["status"] for s in run["stepStats"]}
    assert statuses == {"needs_flag": "FAILURE", "after_flag": "SKIPPED", "flaky": "SUCCESS"}
    flaky = [e for e in events(deployment.up, run_id) if e.step_key == "flaky"]
    assert [e.event_type for e in flaky if e.event_type != EventType.STEP_LOG][:2] == [
        EventType.STEP_START,
        EventType.STEP_UP_FOR_RETRY,
    ]
    assert any(e.event_type == EventType.STEP_SUCCESS and e.attempt == 2 for e in flaky)

    flag.write_text("")
    again = deployment.up.lodestar("run", "reexecute", run_id, "--from-failure", "--json")
    assert again.returncode == 0, again.stderr
    child = wait_for_run(deployment.up, json.loads(again.stdout)["runId"], timeout=120)
    assert child["status"] == "SUCCESS"
    started = {
        e.step_key
        for e in events(deployment.up, child["runId"])
        if e.event_type == EventType.STEP_START
    }
    assert started == {"needs_flag", "after_flag"}  # flaky's success is reused


def test_termination_reaches_steps_on_every_worker(deployment, tmp_path):
    config = {
        "solids": {
            "hangers": {"config": {"dir": str(tmp_path), "n": 4}},
            "hang": {"config": {"dir": str(tmp_path)}},
        }
    }
    run_id = launch(deployment.up, "hanging", config, "lodestar/max_concurrent_steps=4")
    markers = wait_until(
        lambda: (found := sorted(tmp_path.glob("h*.1"))) and len(found) == 4 and found,
        60,
        "the four steps to start",
    )
    step_pids = [int(m.read_text().split()[0]) for m in markers]
    assert {int(m.read_text().split()[1]) for m in markers} == {w.pid for w in deployment.workers}
    terminated = deployment.up.lodestar("run", "terminate", run_id)
    assert terminated.returncode == 0, terminated.stderr
    assert wait_for_run(deployment.up, run_id, timeout=60)["status"] == "CANCELED"
    wait_until(lambda: not any(_alive(pid) for pid in step_pids), 30, "the steps' processes to end")
    assert not list(tmp_path.glob("h*.2"))  # no step ran again


def test_a_worker_killed_mid_step_fails_or_retries_its_step(deployment, tmp_path):
    config = {
        "solids": {
            "hangers": {"config": {"dir": str(tmp_path), "n": 4}},
            "hang": {"config": {"dir": str(tmp_path)}},
        }
    }
    run_id = launch(deployment.up, "hanging", config, "lodestar/max_concurrent_steps=4")
    markers = wait_until(
        lambda: (found := sorted(tmp_path.glob("h*.1"))) and len(found) == 4 and found,
        60,
        "the four steps to start",
    )
    by_worker = collections.defaultdict(set)
    for marker in markers:
        by_worker[int(marker.read_text().split()[1])].add(marker.name.split(".")[0])
    assert len(by_worker) == 2, "both workers run steps"
    # The busier worker dies: with 3 threads each, the other then has room for the retries.
    index = max((0, 1), key=lambda i: len(by_worker[deployment.workers[i].pid]))
    victim = deployment.workers[index]
    other = deployment.workers[1 - index]
    on_victim = by_worker[victim.pid]
    killed_at = time.monotonic()
    victim.kill_9()
    try:
        # hang's retry policy allows one retry: the lost steps run again on the other worker.
        try:
            wait_until(
                lambda: all((tmp_path / f"{step}.2").exists() for step in on_victim),
                LOST_WORKER_TIMEOUT_S + 30,
                "the lost steps to be retried",
            )
        except AssertionError as error:
            seen = [(e.step_key, e.attempt, e.event_type) for e in events(deployment.up, run_id)]
            error.add_note(f"events: {seen}\nother worker: {other.log()}")
            raise
        noticed_s = time.monotonic() - killed_at
        (tmp_path / "release").write_text("")
        assert wait_for_run(deployment.up, run_id, timeout=60)["status"] == "SUCCESS"
    finally:
        deployment.restart_worker(index)
    assert noticed_s < LOST_WORKER_TIMEOUT_S + 10
    run_events = events(deployment.up, run_id)
    assert_each_event_once(run_events)
    retried = [e for e in run_events if e.event_type == EventType.STEP_UP_FOR_RETRY]
    assert {e.step_key.removeprefix("hang[").rstrip("]") for e in retried} == on_victim
    assert all("its worker" in e.message and "was lost" in e.message for e in retried)
    assert all(str(victim.pid) in e.message for e in retried)


def _take_message(connection: Connection, queue: str):
    """The next message of `queue`, unacknowledged; None while there is none (or no queue)."""
    try:
        return Queue(queue).bind(connection.channel()).get()
    except connection.channel_errors:
        return None  # the queue is declared when the first task is sent


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return (
        Path(f"/proc/{pid}").exists()
        and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]
    )


@pytest.mark.parametrize("broker_name", sorted(BROKER_VARIABLES))
def test_a_task_delivered_twice_is_heard_once(broker_name, tmp_path):
    """Celery may deliver a task twice: both copies run, the control plane stores one."""
    broker = reachable_broker(BROKER_VARIABLES[broker_name])
    home, queue = tmp_path / "home", f"lodestar-twice-{uuid.uuid4().hex[:8]}"
    write_celery_config(home, broker, queue)
    up = start_control_plane(home, repo=REPO)
    workers = []
    try:
        run_id = launch(up, "recorded", {"solids": {"record": {"config": {"dir": str(tmp_path)}}}})
        with Connection(broker) as connection:  # no worker yet: the task waits in the queue
            task = wait_until(lambda: _take_message(connection, queue), 30, "the queued task")
            producer = connection.Producer()
            for _ in range(2):
                producer.publish(
                    task.body,
                    exchange="",
                    routing_key=queue,
                    headers=task.headers,
                    content_type=task.content_type,
                    content_encoding=task.content_encoding,
                )
            task.ack()
        workers = [
            start_worker(home / f"worker{i}.log", broker, [queue], home / "storage") for i in (0, 1)
        ]
        assert wait_for_run(up, run_id, timeout=120)["status"] == "SUCCESS"
        wait_until(
            lambda: len((tmp_path / "record.log").read_text().split()) == 2,
            30,
            "both deliveries to run",
        )
        run_events = events(up, run_id)
        assert_each_event_once(run_events)
        record_events = [e.event_type for e in run_events if e.step_key == "record"]
        assert record_events.count(EventType.STEP_OUTPUT) == 1
        assert record_events.count(EventType.STEP_SUCCESS) == 1
    finally:
        for worker in workers:
            worker.stop()
        up.stop()
