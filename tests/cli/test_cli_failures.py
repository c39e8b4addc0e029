"""What a user reads when a step fails: their traceback, Failure metadata, log levels,
filters, each step's own final error; `execute` options and event order."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from api.lodestar_process import run_cli, start_control_plane

REPOS = Path(__file__).resolve().parent / "repos"
FAILING = REPOS / "failing_repo.py"
FOLDED = re.compile(r"^\s+\.\.\. \d+ Lodestar frames? \.\.\.$", re.MULTILINE)


@pytest.fixture
def home(tmp_path):
    return {"LODESTAR_HOME": str(tmp_path / "home")}


@pytest.fixture(scope="module")
def failing_up(tmp_path_factory):
    server = start_control_plane(tmp_path_factory.mktemp("failing_home"), repo=FAILING)
    launched = server.lodestar("run", "launch", "failing", "--json")
    run_id = json.loads(launched.stdout)["runId"]
    server.lodestar("run", "logs", run_id, "--follow")  # until it ends
    yield server, run_id
    server.stop()


def _block_after(out: str, marker: str) -> str:
    """The indented lines printed under the first line containing `marker`."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if marker in line)
    block = []
    for line in lines[start + 1 :]:
        if not line.startswith("    "):
            break
        block.append(line)
    return "\n".join(block)


def _assert_user_traceback(block: str) -> None:
    assert f'File "{FAILING}", line' in block and "in boom" in block and "in parse" in block
    assert "cannot parse 'x'" in block
    assert FOLDED.search(block), block
    assert "step_runner.py" not in block and "user_code_server/" not in block


def test_execute_prints_the_users_traceback_metadata_and_log_levels(home):
    done = run_cli("execute", "-f", str(FAILING), "failing", env=home)
    assert done.returncode == 1
    out = done.stdout
    _assert_user_traceback(_block_after(out, "STEP_FAILURE           Step 'boom' failed"))
    metadata = _block_after(out, "Step 'check_quality' failed: Failure: quality check failed")
    assert "    bad_rows: 3\n    table: users" in metadata
    assert re.search(r"STEP_LOG\s+WARNING the input looks short", out)
    assert re.search(r"STEP_LOG\s+DEBUG details nobody asked for", out)
    clocks = [line[:12] for line in out.splitlines() if re.match(r"\d\d:\d\d:\d\d\.\d{3}", line)]
    assert clocks == sorted(clocks, key=lambda c: datetime.strptime(c, "%H:%M:%S.%f"))


def test_execute_runs_only_the_selected_solids_in_the_given_mode(home):
    done = run_cli(
        "execute", "-f", str(FAILING), "failing", "--solid", "start", "--mode", "default", env=home
    )
    assert done.returncode == 0, done.stdout + done.stderr
    steps = {line.split()[1] for line in done.stdout.splitlines() if "STEP_START" in line}
    assert steps == {"start"}
    preset = run_cli("execute", "-f", str(FAILING), "failing", "--preset", "only_start", env=home)
    assert preset.returncode == 0, preset.stdout + preset.stderr
    assert "STEP_START             Started step 'start'" in preset.stdout
    assert "always_fails" not in preset.stdout
    bad_mode = run_cli("execute", "-f", str(FAILING), "failing", "--mode", "prod", env=home)
    assert bad_mode.returncode == 1
    assert bad_mode.stderr == "error: pipeline 'failing' has no mode 'prod' (modes: default)\n"


def test_run_logs_prints_the_traceback_and_filters_by_level_and_step(failing_up):
    server, run_id = failing_up
    everything = server.lodestar("run", "logs", run_id)
    _assert_user_traceback(_block_after(everything.stdout, "Step 'boom' failed"))
    done = server.lodestar("run", "logs", run_id, "--level", "WARNING", "--step", "start")
    assert done.returncode == 0, done.stderr
    assert [line.split(None, 3)[1:] for line in done.stdout.splitlines()] == [
        ["start", "STEP_LOG", "WARNING the input looks short"]
    ]
    errors = server.lodestar("run", "logs", run_id, "--level", "error", "--step", "always_fails")
    events = [line.split()[2] for line in errors.stdout.splitlines() if line[:1].isdigit()]
    assert events == ["STEP_FAILURE"]  # not the earlier attempt's STEP_UP_FOR_RETRY (WARNING)
    assert "failed on retry number 1" in errors.stdout


def test_run_show_gives_each_step_its_own_final_error(failing_up):
    server, run_id = failing_up
    done = server.lodestar("run", "show", run_id)
    assert done.returncode == 0, done.stderr
    rows = {line.split()[0]: line for line in done.stdout.splitlines() if line.strip()}
    assert re.search(r"FAILURE\s+2\s+\S+\s+failed on retry number 1$", rows["always_fails"])
    assert re.search(r"SUCCESS\s+2\s+\S+$", rows["recovers"])  # no stale first-attempt error
    assert rows["check_quality"].endswith("quality check failed")
    assert rows["boom"].endswith("cannot parse 'x'")
