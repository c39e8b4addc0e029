"""Running steps in warm workers: events, data passing, output capture, crashes, cancel."""

import time

from helpers.code_server import pid_alive
from helpers.waiting import wait_until

from user_code_server.protocol import (
    ErrorKind,
    EventType,
    ExecuteStepsRequest,
    InputHandles,
    OutputHandle,
    StepExecution,
)

FINAL = {EventType.STEP_SUCCESS, EventType.STEP_FAILURE, EventType.STEP_UP_FOR_RETRY}


def request(tmp_path, pipeline, *steps, run_config=None, run_id="run-1"):
    return ExecuteStepsRequest(
        run_id=run_id,
        pipeline=pipeline,
        mode="default",
        run_config=run_config or {},
        steps=list(steps),
    )


def from_step(step_key, run_id="run-1", input_name="number"):
    handle = OutputHandle(run_id=run_id, step_key=step_key, output_name="result")
    return [InputHandles(input_name=input_name, handles=[handle])]


def events_by_step(events):
    by_step = {}
    for event in events:
        by_step.setdefault(event.step_key, []).append(event)
    return by_step


def test_steps_stream_events_and_pass_outputs_between_calls(code_server, tmp_path):
    client = code_server("basic.py", "--workers", "2").client()
    first = list(
        client.execute_steps(request(tmp_path, "arithmetic", StepExecution("emit_number")))
    )
    types = [e.event_type for e in first]
    assert types[0] == EventType.STEP_START
    assert types[-1] == EventType.STEP_SUCCESS
    assert EventType.STEP_OUTPUT in types

    second = list(
        client.execute_steps(
            request(
                tmp_path, "arithmetic", StepExecution("add_one", inputs=from_step("emit_number"))
            )
        )
    )
    third = list(
        client.execute_steps(
            request(tmp_path, "arithmetic", StepExecution("report", inputs=from_step("add_one")))
        )
    )
    assert second[-1].event_type == EventType.STEP_SUCCESS
    assert any("got 42" in e.message for e in second if e.event_type == EventType.STEP_LOG)
    assert any("final 43" in e.message for e in third if e.event_type == EventType.STEP_LOG)


def test_stdout_stderr_and_logs_become_events_before_the_final_one(code_server, tmp_path):
    client = code_server("basic.py", "--workers", "1").client()
    events = list(
        client.execute_steps(request(tmp_path, "arithmetic", StepExecution("emit_number")))
    )
    by_type = {e.event_type: e for e in events}
    assert by_type[EventType.STEP_STDOUT].message == "hello from print\nhello from fd 1\n"
    assert by_type[EventType.STEP_STDERR].message == "hello from stderr\n"
    assert "making a number" in by_type[EventType.STEP_LOG].message
    assert events[-1].event_type == EventType.STEP_SUCCESS

    # The next step on the same warm worker starts with empty captures.
    again = list(client.execute_steps(request(tmp_path, "crashes", StepExecution("fine"))))
    assert not [e for e in again if e.event_type in (EventType.STEP_STDOUT, EventType.STEP_STDERR)]


def test_a_worker_dying_fails_only_its_step_and_the_server_goes_on(code_server, tmp_path):
    server = code_server("basic.py", "--workers", "2")
    client = server.client()
    steps = [StepExecution("exit_hard"), StepExecution("segfault"), StepExecution("fine")]
    by_step = events_by_step(client.execute_steps(request(tmp_path, "crashes", *steps)))

    exit_events = by_step["exit_hard"]
    assert exit_events[-1].event_type == EventType.STEP_FAILURE
    assert "worker process died with exit code 1" in exit_events[-1].error.message
    assert "last words before exit" in _stdout(exit_events)

    segv_events = by_step["segfault"]
    assert segv_events[-1].event_type == EventType.STEP_FAILURE
    assert "killed by signal SIGSEGV" in segv_events[-1].error.message
    assert "last words before segfault" in _stdout(segv_events)

    assert by_step["fine"][-1].event_type == EventType.STEP_SUCCESS

    after = list(client.execute_steps(request(tmp_path, "crashes", StepExecution("fine"))))
    assert after[-1].event_type == EventType.STEP_SUCCESS
    assert client.ping().pid == server.pid


def test_what_a_dead_worker_started_is_killed_too(code_server, tmp_path):
    client = code_server("basic.py", "--workers", "1").client()
    pid_file = tmp_path / "child.pid"
    config = {"solids": {"orphan_maker": {"config": {"pid_file": str(pid_file)}}}}
    step = StepExecution("orphan_maker")
    events = list(client.execute_steps(request(tmp_path, "crashes", step, run_config=config)))
    assert "exit code 1" in events[-1].error.message
    child = int(pid_file.read_text())
    wait_until(lambda: not pid_alive(child), 10, f"the orphan {child} to be killed")


def test_many_steps_in_one_call_all_finish(code_server, tmp_path):
    client = code_server("basic.py", "--workers", "2").client()
    steps = [StepExecution("fine") for _ in range(200)]
    events = list(client.execute_steps(request(tmp_path, "crashes", *steps)))
    finals = [e for e in events if e.event_type in FINAL]
    assert len(finals) == 200
    assert all(e.event_type == EventType.STEP_SUCCESS for e in finals)


def test_steps_of_one_call_run_concurrently_and_stream_as_they_happen(code_server, tmp_path):
    client = code_server("basic.py", "--workers", "2").client()
    config = {
        "solids": {
            name: {"config": {"seconds": 1.0, "pid_file": str(tmp_path / name)}}
            for name in ("sleeper", "other_sleeper")
        }
    }
    steps = [StepExecution("sleeper"), StepExecution("other_sleeper")]
    began = time.monotonic()
    events = list(client.execute_steps(request(tmp_path, "slow", *steps, run_config=config)))
    assert time.monotonic() - began < 1.8
    kinds = [e.event_type for e in events if e.event_type in FINAL | {EventType.STEP_START}]
    assert kinds == [EventType.STEP_START] * 2 + [EventType.STEP_SUCCESS] * 2
    assert (tmp_path / "sleeper").read_text() != (tmp_path / "other_sleeper").read_text()


def test_cancelling_the_call_kills_the_worker_running_the_step(code_server, tmp_path):
    server = code_server("basic.py", "--workers", "1")
    client = server.client()
    pid_file = tmp_path / "sleeper.pid"
    config = {"solids": {"sleeper": {"config": {"seconds": 60.0, "pid_file": str(pid_file)}}}}
    stream = client.execute_steps(
        request(tmp_path, "slow", StepExecution("sleeper"), run_config=config)
    )
    events = iter(stream)
    assert next(events).event_type == EventType.STEP_START
    worker_pid = _wait_for_pid(pid_file)
    stream.cancel()
    assert list(events) == []
    wait_until(lambda: not pid_alive(worker_pid), 10, f"worker {worker_pid} to be killed")

    after = list(client.execute_steps(request(tmp_path, "crashes", StepExecution("fine"))))
    assert after[-1].event_type == EventType.STEP_SUCCESS


def test_steps_fail_with_the_load_error_when_the_repository_did_not_load(code_server, tmp_path):
    client = code_server("broken.py", "--workers", "1").client()
    (event,) = client.execute_steps(request(tmp_path, "anything", StepExecution("a")))
    assert event.event_type == EventType.STEP_FAILURE
    assert event.error.kind == ErrorKind.REPOSITORY_NOT_LOADED
    assert "lodestar_no_such_module" in event.error.stack


def _stdout(events):
    return "".join(e.message for e in events if e.event_type == EventType.STEP_STDOUT)


def _wait_for_pid(path, timeout=10.0):
    return int(wait_until(lambda: path.exists() and path.read_text(), timeout, f"{path} written"))
