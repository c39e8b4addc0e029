"""Commands that need no control plane: execute, instance, code-server start, usage errors."""

from __future__ import annotations

import json
import re
import signal
import socket
import subprocess

import pytest
from api.lodestar_process import LODESTAR, REPO_FILE, run_cli
from helpers.code_server import READY_LINE

TIMELINE_LINE = re.compile(r"^\d\d:\d\d:\d\d\.\d{3}  \S+\s+[A-Z_]+")


@pytest.fixture
def home(tmp_path):
    return {"LODESTAR_HOME": str(tmp_path / "home")}


def test_execute_prints_the_timeline_and_exits_zero_on_success(home):
    done = run_cli("execute", "-f", str(REPO_FILE), "fan_out", env=home)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert all(TIMELINE_LINE.match(line) for line in lines[:-1])
    assert any("process_file[c_txt]" in line and "STEP_SUCCESS" in line for line in lines)
    assert re.fullmatch(r"run [0-9a-f-]{36}  SUCCESS  in \d+\.\d\ds", lines[-1])


def test_execute_exits_non_zero_when_the_run_fails(home, tmp_path):
    config = tmp_path / "fail.yaml"
    config.write_text("solids: {flaky: {config: {fail: true}}}\n")
    done = run_cli("execute", "-f", str(REPO_FILE), "failing", "-c", str(config), env=home)
    assert done.returncode == 1
    assert "FAILURE" in done.stdout.splitlines()[-1]


def test_execute_with_a_bad_config_is_a_clear_error(home, tmp_path):
    config = tmp_path / "bad.yaml"
    config.write_text("solids: {numbers: {config: {count: many}}}\n")
    done = run_cli("execute", "-f", str(REPO_FILE), "adder", "-c", str(config), env=home)
    assert done.returncode == 1
    assert done.stderr.startswith("error: invalid run config for pipeline 'adder'")
    assert "solids.numbers.config.count" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_config_file_that_is_not_a_mapping_is_refused(home, tmp_path):
    config = tmp_path / "list.yaml"
    config.write_text("- 1\n- 2\n")
    done = run_cli("execute", "-f", str(REPO_FILE), "adder", "-c", str(config), env=home)
    assert done.returncode == 1
    assert done.stderr == f"error: {config}: a run config must be a mapping at the top level\n"


def test_instance_migrate_then_info(home):
    migrated = run_cli("instance", "migrate", env=home)
    assert migrated.returncode == 0, migrated.stderr
    assert migrated.stdout.startswith("storage schema migrated from revision (empty) to ")
    again = run_cli("instance", "migrate", env=home)
    assert again.stdout.startswith("storage schema already at revision ")
    info = json.loads(run_cli("instance", "info", "--json", env=home).stdout)
    assert info["home"] == home["LODESTAR_HOME"]
    assert info["schema_up_to_date"] is True
    text = run_cli("instance", "info", env=home).stdout
    assert re.search(r"^schema_up_to_date:\s+True$", text, re.MULTILINE)


def test_code_server_start_serves_until_terminated():
    server = subprocess.Popen(
        [LODESTAR, "code-server", "start", "-f", str(REPO_FILE), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        ready = READY_LINE.search(server.stdout.readline())
        assert ready and ready["host"] == "127.0.0.1", ready
        socket.create_connection(("127.0.0.1", int(ready["port"])), timeout=5).close()
    finally:
        server.send_signal(signal.SIGTERM)
        server.communicate(timeout=30)
    assert server.returncode == 0


@pytest.mark.parametrize(
    "args, message",
    [
        (("code-server", "start"), "give exactly one of -f FILE or -m MODULE"),
        (("code-server", "start", "-f", str(REPO_FILE), "-m", "x"), "give exactly one of"),
        (("up", "-w", "a.yaml", "-f", "b.py"), "give -w WORKSPACE or -f FILE, not both"),
        (("up",), "no workspace.yaml here"),
    ],
)
def test_usage_errors(tmp_path, args, message):
    result = subprocess.run(
        [LODESTAR, *args], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_up_with_a_missing_workspace_file_is_a_clear_error(tmp_path, home):
    result = run_cli("up", "-w", str(tmp_path / "missing.yaml"), env=home)
    assert result.returncode == 1
    assert result.stderr == f"error: workspace file not found: {tmp_path / 'missing.yaml'}\n"
