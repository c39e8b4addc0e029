"""`lodestar run ...` against a real control plane."""

from __future__ import annotations

import json
import re
import subprocess
import time

from api.lodestar_process import LODESTAR, wait_for_run
from helpers.waiting import wait_until

TIMELINE_LINE = re.compile(r"^\d\d:\d\d:\d\d\.\d{3}  (\S+)\s+\s([A-Z_]+)\s*(.*)$")


def launch(server, *args: str) -> str:
    launched = server.lodestar("run", "launch", *args, "--json")
    assert launched.returncode == 0, launched.stderr
    return json.loads(launched.stdout)["runId"]


def timeline(stdout: str) -> list[tuple[str, str]]:
    """(step key, event type) of each timeline line."""
    return [m.group(1, 2) for m in map(TIMELINE_LINE.match, stdout.splitlines()) if m]


def test_launch_wait_prints_the_timeline_and_succeeds(lodestar_up):
    done = lodestar_up.lodestar("run", "launch", "fan_out", "--tag", "who=cli", "--wait")
    assert done.returncode == 0, done.stderr
    events = timeline(done.stdout)
    assert ("-", "RUN_START") in events
    assert ("process_file[b_txt]", "STEP_SUCCESS") in events
    assert events[-1] == ("-", "RUN_SUCCESS")
    final = done.stdout.splitlines()[-1]
    assert re.fullmatch(r"run [0-9a-f-]{36}  SUCCESS  in \d+\.\d\ds", final), final


def test_launch_wait_of_a_failing_run_exits_non_zero(lodestar_up):
    done = lodestar_up.lodestar("run", "launch", "failing", "--wait")
    assert done.returncode == 1
    assert ("flaky", "STEP_FAILURE") in timeline(done.stdout)
    assert "flaky failed on purpose" in done.stdout
    assert "  FAILURE  in " in done.stdout.splitlines()[-1]


def test_config_files_merge_deeply_in_order(lodestar_up, tmp_path):
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    first.write_text("solids: {numbers: {config: {count: 5, label: first}}}\n")
    second.write_text("solids: {numbers: {config: {label: second}}}\n")
    run_id = launch(lodestar_up, "adder", "-c", str(first), "-c", str(second))
    shown = json.loads(lodestar_up.lodestar("run", "show", run_id, "--json").stdout)
    merged = {"count": 5, "label": "second"}
    assert shown["runConfig"] == {"solids": {"numbers": {"config": merged}}}


def test_run_list_and_show_as_text_and_json(lodestar_up):
    run_id = launch(lodestar_up, "adder", "--tag", "kind=listed")
    wait_for_run(lodestar_up, run_id)
    listed = json.loads(
        lodestar_up.lodestar("run", "list", "--tag", "kind=listed", "--json").stdout
    )
    assert [r["runId"] for r in listed] == [run_id]
    assert listed[0]["status"] == "SUCCESS"
    text = lodestar_up.lodestar("run", "list", "--tag", "kind=listed")
    header, row = text.stdout.splitlines()
    assert header.split() == ["RUN", "ID", "PIPELINE", "STATUS", "CREATED", "DURATION", "TAGS"]
    assert row.split()[:3] == [run_id, "adder", "SUCCESS"]
    shown = lodestar_up.lodestar("run", "show", run_id)
    assert f"run:            {run_id}" in shown.stdout
    assert "status:         SUCCESS" in shown.stdout
    assert re.search(r"^numbers\s+SUCCESS\s+1\s", shown.stdout, re.MULTILINE)
    as_json = json.loads(lodestar_up.lodestar("run", "show", run_id, "--json").stdout)
    assert [s["stepKey"] for s in as_json["stepStats"]] == ["numbers", "total"]


def test_run_list_filters_by_status(lodestar_up):
    listed = lodestar_up.lodestar("run", "list", "--status", "canceling", "--json")
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == []


def test_logs_as_text_and_json_lines(lodestar_up):
    run_id = launch(lodestar_up, "adder")
    wait_for_run(lodestar_up, run_id)
    text = lodestar_up.lodestar("run", "logs", run_id)
    assert ("numbers", "STEP_LOG") in timeline(text.stdout)
    assert "making 3 numbers" in text.stdout
    lines = lodestar_up.lodestar("run", "logs", run_id, "--json").stdout.splitlines()
    events = [json.loads(line) for line in lines]
    assert events[0]["eventType"] == "RUN_ENQUEUED"
    assert events[-1]["eventType"] == "RUN_SUCCESS"
    assert [int(e["cursor"]) for e in events] == sorted(int(e["cursor"]) for e in events)


def test_logs_follow_ends_when_the_run_ends(lodestar_up, tmp_path):
    config = tmp_path / "short.yaml"
    config.write_text("solids: {sleepy: {config: {seconds: 1.5}}}\n")
    run_id = launch(lodestar_up, "slow", "-c", str(config))
    started = time.monotonic()
    followed = lodestar_up.lodestar("run", "logs", run_id, "--follow")
    assert followed.returncode == 0, followed.stderr
    assert time.monotonic() - started < 30
    assert timeline(followed.stdout)[-1] == ("-", "RUN_SUCCESS")


def test_terminate_and_reexecute(lodestar_up):
    run_id = launch(lodestar_up, "slow")
    follower = subprocess.Popen(
        [LODESTAR, "--debug", "run", "logs", run_id, "--follow", "--url", lodestar_up.url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until(
            lambda: '"STARTED"' in lodestar_up.lodestar("run", "show", run_id, "--json").stdout,
            30,
            "the slow run to start",
            interval=0.1,
        )
        stopped = lodestar_up.lodestar("run", "terminate", run_id)
        assert stopped.returncode == 0, stopped.stderr
        assert re.fullmatch(rf"run {run_id}: (CANCELING|CANCELED)\n", stopped.stdout)
        out, _ = follower.communicate(timeout=30)
    finally:
        follower.kill()
        follower.wait()
    assert timeline(out)[-1] == ("-", "RUN_CANCELED")
    child = lodestar_up.lodestar("run", "reexecute", run_id, "--from-failure", "--json")
    assert child.returncode == 0, child.stderr
    child_id = json.loads(child.stdout)["runId"]
    shown = json.loads(lodestar_up.lodestar("run", "show", child_id, "--json").stdout)
    assert (shown["parentRunId"], shown["rootRunId"]) == (run_id, run_id)
    assert lodestar_up.lodestar("run", "terminate", child_id).returncode == 0


def test_reexecute_wait_prints_the_new_runs_timeline(lodestar_up):
    run_id = launch(lodestar_up, "adder")
    wait_for_run(lodestar_up, run_id)
    again = lodestar_up.lodestar("run", "reexecute", run_id, "--wait")
    assert again.returncode == 0, again.stderr
    assert ("total", "STEP_SUCCESS") in timeline(again.stdout)
    assert "  SUCCESS  in " in again.stdout.splitlines()[-1]


def test_errors_are_one_line_on_stderr_without_traceback(lodestar_up):
    for args in (
        ("run", "show", "no-such-run"),
        ("run", "logs", "no-such-run"),
        ("run", "terminate", "no-such-run"),
        ("run", "launch", "nope"),
    ):
        failed = lodestar_up.lodestar(*args)
        assert failed.returncode == 1, args
        assert failed.stdout == ""
        assert failed.stderr.startswith("error: ")
        assert "Traceback" not in failed.stderr
    assert (
        lodestar_up.lodestar("run", "show", "no-such-run").stderr
        == "error: run 'no-such-run' not found\n"
    )


def test_a_bad_tag_is_a_usage_error(lodestar_up):
    bad = lodestar_up.lodestar("run", "launch", "adder", "--tag", "novalue")
    assert bad.returncode == 2
    assert "expected KEY=VALUE" in bad.stderr


def test_launch_with_a_solid_selection_runs_only_those_steps(lodestar_up):
    done = lodestar_up.lodestar("run", "launch", "adder", "--solid", "numbers", "--wait")
    assert done.returncode == 0, done.stderr
    steps = {key for key, _ in timeline(done.stdout)}
    assert "numbers" in steps
    assert "total" not in steps
