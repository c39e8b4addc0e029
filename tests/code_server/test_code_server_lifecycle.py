"""Starting and stopping: SIGTERM, SIGINT and Shutdown stop the server and its workers."""

import signal
import subprocess
import sys

import pytest
from helpers.code_server import pid_alive
from helpers.waiting import wait_until

from user_code_server.protocol import EventType, ExecuteStepsRequest, StepExecution


def _warm_workers(server, tmp_path, count):
    client = server.client()
    steps = [StepExecution("fine") for _ in range(count * 4)]
    request = ExecuteStepsRequest("run-1", "crashes", "default", {}, steps=steps)
    assert list(client.execute_steps(request))[-1].event_type == EventType.STEP_SUCCESS
    workers = server.worker_pids()
    assert len(workers) == count
    return workers


def _assert_gone(pids, timeout=10.0):
    wait_until(lambda: not any(pid_alive(pid) for pid in pids), timeout, f"{pids} to exit")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_signal_stops_server_and_workers(code_server, tmp_path, sig):
    server = code_server("basic.py", "--workers", "2")
    workers = _warm_workers(server, tmp_path, 2)
    server.process.send_signal(sig)
    assert server.process.wait(10) == 0
    _assert_gone(workers)


def test_shutdown_call_stops_server_and_workers(code_server, tmp_path):
    server = code_server("basic.py", "--workers", "2")
    workers = _warm_workers(server, tmp_path, 2)
    server.client().shutdown()
    assert server.process.wait(10) == 0
    _assert_gone(workers)


def test_workers_die_with_a_killed_server(code_server, tmp_path):
    server = code_server("basic.py", "--workers", "2")
    workers = _warm_workers(server, tmp_path, 2)
    server.process.kill()
    server.process.wait(10)
    _assert_gone(workers)


def test_port_in_use_is_a_clear_error(code_server):
    first = code_server("basic.py", "--workers", "1")
    result = subprocess.run(
        [sys.executable, "-m", "user_code_server", "-f", "x.py", "--port", str(first.port)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 1
    assert f"could not listen on 127.0.0.1:{first.port}" in result.stderr
