"""A worker's death is seen from the process, whatever its steps left holding its socket,
and killing a step kills every process it started, new sessions included."""

import time

import pytest
from helpers.code_server import kill_survivors, pid_alive
from helpers.waiting import wait_until

from user_code_server.protocol import EventType, ExecuteStepsRequest, StepExecution


def daemons_request(tmp_path, *step_keys) -> ExecuteStepsRequest:
    daemons = [key for key in step_keys if key.startswith("daemon")]
    config = {"solids": {key: {"config": {"pid_file": str(tmp_path / key)}} for key in daemons}}
    steps = [StepExecution(key) for key in step_keys]
    return ExecuteStepsRequest("run-1", "daemons", "default", config, steps=steps)


@pytest.fixture
def daemon_pids(tmp_path):
    """The pids the daemons wrote; any still running after the test is killed."""
    pids: set[int] = set()

    def read(step_key: str) -> int:
        path = tmp_path / step_key
        wait_until(lambda: path.exists() and path.read_text(), 15, f"{path} to be written")
        pids.add(int(path.read_text()))
        return int(path.read_text())

    yield read
    kill_survivors(pids)


def test_a_worker_dying_behind_a_detached_grandchild_fails_its_step_promptly(
    code_server, tmp_path, daemon_pids
):
    # One worker: the step after the death needs the slot back.
    client = code_server("hostile.py", "--workers", "1").client(timeout=30)
    began = time.monotonic()
    events = list(client.execute_steps(daemons_request(tmp_path, "daemon_then_die", "fine")))
    assert time.monotonic() - began < 10  # the daemon sleeps 120 s holding the worker's socket
    finals = {
        e.step_key: e
        for e in events
        if e.event_type in (EventType.STEP_SUCCESS, EventType.STEP_FAILURE)
    }
    died = finals["daemon_then_die"]
    assert died.event_type == EventType.STEP_FAILURE
    assert died.error.message == "worker process died with exit code 3"
    assert finals["fine"].event_type == EventType.STEP_SUCCESS
    # What the dead worker's step left running is killed with it.
    daemon = daemon_pids("daemon_then_die")
    wait_until(lambda: not pid_alive(daemon), 15, f"daemon {daemon} to be killed")


def test_terminating_a_step_kills_the_daemon_it_started(code_server, tmp_path, daemon_pids):
    server = code_server("hostile.py", "--workers", "1")
    stream = server.client().execute_steps(daemons_request(tmp_path, "daemon_then_wait"))
    events = iter(stream)
    while next(events).message != "daemon started":
        pass
    daemon = daemon_pids("daemon_then_wait")
    assert pid_alive(daemon)
    stream.cancel()
    wait_until(lambda: not pid_alive(daemon), 15, f"daemon {daemon} to be killed")
    # The pool has its worker back.
    after = list(server.client().execute_steps(daemons_request(tmp_path, "fine")))
    assert after[-1].event_type == EventType.STEP_SUCCESS
