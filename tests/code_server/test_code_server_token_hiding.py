"""User code never sees the code server's token: not in its environment, not in its own or
its ancestors' /proc environ and cmdline, however the token was given."""

import json

import pytest

from user_code_server.protocol import EventType, ExecuteStepsRequest, StepExecution

TOKEN = "tok3n-that-must-stay-hidden"


def snoop(server, report_file) -> dict[str, str]:
    config = {"solids": {"snoop": {"config": {"report_file": str(report_file)}}}}
    request = ExecuteStepsRequest(
        "run-1", "snooping", "default", config, steps=[StepExecution("snoop")]
    )
    final = list(server.client().execute_steps(request))[-1]
    assert final.event_type == EventType.STEP_SUCCESS, final
    return json.loads(report_file.read_text())


@pytest.mark.parametrize("given_by", ["stdin", "env", "argv"])
def test_a_step_finds_the_token_nowhere(code_server, tmp_path, given_by):
    if given_by == "stdin":
        server = code_server("hostile.py", "--workers", "1", auth_token=TOKEN)
    elif given_by == "env":
        server = code_server("hostile.py", env={"LODESTAR_CODE_SERVER_TOKEN": TOKEN})
    else:
        server = code_server("hostile.py", "--auth-token", TOKEN)
    server.auth_token = TOKEN
    seen = snoop(server, tmp_path / "seen.json")
    assert set(seen) >= {"os.environ", "/proc/self/environ"}
    assert len([where for where in seen if where.endswith("/cmdline")]) == 2  # parent, grandparent
    assert "--port 0" in seen[next(w for w in seen if w.endswith("cmdline"))].replace("\n", " ")
    leaks = [where for where, text in seen.items() if TOKEN in text]
    assert leaks == []


def test_a_token_on_standard_input_is_required(code_server):
    server = code_server("hostile.py", "--workers", "1", auth_token=TOKEN)
    assert server.client().ping().repository_name == "hostile"
    with pytest.raises(Exception, match="UNAUTHENTICATED"):
        server.client(auth_token=None).ping()


def test_an_empty_standard_input_is_a_clear_error(tmp_path):
    import subprocess
    import sys

    from helpers.code_server import REPOS_DIR

    result = subprocess.run(
        [sys.executable, "-m", "user_code_server", "-f", str(REPOS_DIR / "hostile.py")]
        + ["--port", "0", "--auth-token-stdin", "--io-base-dir", str(tmp_path)],
        input="",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "error: --auth-token-stdin given, but standard input held no token" in result.stderr
    assert "Traceback" not in result.stderr
