"""`lodestar backfill ...` and `lodestar partition ...` against a real control plane."""

from __future__ import annotations

import json
import os
import re
import subprocess

import pytest
from api.backfill_processes import REPO, write_instance_config
from api.lodestar_process import LODESTAR, start_control_plane

PROGRESS_LINE = re.compile(
    r"^backfill (?P<id>[0-9a-f]+) (?P<status>[A-Z]+): (?P<done>\d+)/(?P<requested>\d+) done "
    r"\((?P<counts>[^)]*)\)$"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    home = tmp_path_factory.mktemp("cli_backfills_home")
    write_instance_config(home)
    server = start_control_plane(home, repo=REPO)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def api_only(tmp_path_factory):
    """`lodestar up --no-daemon` with no daemon beside it: backfills stay REQUESTED."""
    home = tmp_path_factory.mktemp("cli_api_only_home")
    write_instance_config(home)
    server = start_control_plane(home, "--no-daemon", repo=REPO)
    yield server
    server.stop()


def launch_json(server, *args: str) -> dict:
    done = server.lodestar("backfill", "launch", *args, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def progress_lines(stdout: str) -> list[dict]:
    return [m.groupdict() for m in map(PROGRESS_LINE.match, stdout.splitlines()) if m]


def assert_clean_error(result, message: str, code: int = 1) -> None:
    assert result.returncode == code, (result.stdout, result.stderr)
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_launch_wait_prints_progress_and_succeeds(server):
    done = server.lodestar("backfill", "launch", "letters", "--partitions", "a,b", "--wait")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert re.fullmatch(r"backfill [0-9a-f]+ of letters: 2 partitions", lines[0])
    final = progress_lines(done.stdout)[-1]
    assert final == {
        "id": final["id"],
        "status": "FINISHED",
        "done": "2",
        "requested": "2",
        "counts": "succeeded 2, failed 0",
    }
    assert lines[-1].startswith(f"backfill {final['id']} FINISHED")
    # Lines before the final one (none when the first poll already saw it finished).
    for line in progress_lines("\n".join(lines[1:-1])):
        assert line["status"] in ("SUBMITTING", "SUBMITTED", "FINISHED")
        assert line["requested"] == "2"


def test_launch_wait_exits_non_zero_when_a_partition_fails(server):
    done = server.lodestar(
        "backfill", "launch", "letters", "--partitions", "c,bad", "--tag", "who=cli", "--wait"
    )
    assert done.returncode == 1
    final = progress_lines(done.stdout)[-1]
    assert final["counts"] == "succeeded 1, failed 1"
    shown = json.loads(server.lodestar("backfill", "status", final["id"], "--json").stdout)
    assert {"key": "who", "value": "cli"} in shown["tags"]
    assert shown["partitionNames"] == ["c", "bad"]
    assert [p["status"] for p in shown["partitionStatuses"]] == ["SUCCEEDED", "FAILED"]
    text = server.lodestar("backfill", "status", final["id"]).stdout
    assert "failed:         1 partition\n  bad  run " in text


def test_launch_wait_json_prints_the_finished_backfill(server):
    backfill = launch_json(server, "days", "--from", "2026-01-02", "--to", "2026-01-04", "--wait")
    assert backfill["status"] == "COMPLETED"
    assert backfill["partitionNames"] == ["2026-01-02", "2026-01-03", "2026-01-04"]
    assert backfill["progress"]["succeeded"] == 3
    assert backfill["progress"]["finished"] is True


def test_list_and_status_as_text_and_json(server):
    backfill = launch_json(server, "days", "--all", "--wait")
    backfill_id = backfill["backfillId"]
    listed = json.loads(server.lodestar("backfill", "list", "--json").stdout)
    assert listed[0]["backfillId"] == backfill_id  # newest first
    text = server.lodestar("backfill", "list", "--status", "completed", "--limit", "1")
    assert text.returncode == 0, text.stderr
    header, row = text.stdout.splitlines()
    assert header.split() == "BACKFILL ID PARTITION SET STATUS DONE COUNTS CREATED".split()
    assert row.split()[:4] == [backfill_id, "days", "FINISHED", "10/10"]
    assert "more backfills: --cursor" in text.stderr
    status = server.lodestar("backfill", "status", backfill_id)
    assert status.returncode == 0, status.stderr
    assert f"backfill:       {backfill_id}" in status.stdout
    assert "status:         FINISHED" in status.stdout
    assert "partitions:     10: 2026-01-01, 2026-01-02, 2026-01-03, ... 2026-01-10" in status.stdout
    assert re.search(r"^  succeeded:\s+10$", status.stdout, re.MULTILINE)


def test_partition_status_prints_the_matrix_plain_and_as_json(server):
    assert server.lodestar("backfill", "launch", "letters", "--partitions", "d,bad", "--wait")
    text = server.lodestar("partition", "status", "letters")
    assert text.returncode == 0, text.stderr
    lines = [line.split() for line in text.stdout.splitlines()]
    assert lines[0] == ["PARTITION", "extract", "transform", "load"]
    rows = {line[0]: line[1:] for line in lines[1:]}
    assert list(rows) == ["a", "b", "c", "d", "e", "f", "g", "h", "bad"]
    assert rows["d"] == ["SUCCESS", "SUCCESS", "SUCCESS"]
    assert rows["bad"] == ["SUCCESS", "FAILURE", "SKIPPED"]
    assert rows["h"] == ["MISSING", "MISSING", "MISSING"]
    assert "\x1b[" not in text.stdout  # no colour off a terminal
    matrix = json.loads(server.lodestar("partition", "status", "letters", "--json").stdout)
    assert matrix["solids"] == ["extract", "transform", "load"]
    assert {"partition": "bad", "statuses": ["SUCCESS", "FAILURE", "SKIPPED"]} in matrix["rows"]


def test_partition_history_lists_runs_newest_first(server):
    first = launch_json(server, "letters", "--partitions", "e", "--wait")
    second = launch_json(server, "letters", "--partitions", "e", "--wait")
    runs = json.loads(server.lodestar("partition", "history", "letters", "e", "--json").stdout)
    backfills = [
        next(t["value"] for t in run["tags"] if t["key"] == "lodestar/backfill") for run in runs
    ]
    assert backfills == [second["backfillId"], first["backfillId"]]
    text = server.lodestar("partition", "history", "letters", "e")
    header, *rows = text.stdout.splitlines()
    assert header.split()[:4] == ["RUN", "ID", "STATUS", "CREATED"]
    assert [row.split()[0] for row in rows] == [run["runId"] for run in runs]
    assert rows[0].split()[-1] == second["backfillId"]


def test_from_failure_skips_what_succeeded(server):
    first = server.lodestar("backfill", "launch", "letters", "--partitions", "f,bad", "--wait")
    assert first.returncode == 1
    again = server.lodestar(
        "backfill", "launch", "letters", "--partitions", "f,bad", "--from-failure", "--wait"
    )
    assert again.returncode == 1  # bad fails again
    assert progress_lines(again.stdout)[-1]["counts"] == "succeeded 0, failed 1, skipped 1"


def test_partition_list(server):
    listed = json.loads(server.lodestar("partition", "list", "--json").stdout)
    assert {(s["name"], s["partitions"]["count"]) for s in listed} == {("letters", 9), ("days", 10)}
    text = server.lodestar("partition", "list").stdout.splitlines()
    assert text[0].split() == "PARTITION SET PIPELINE LOCATION PARTITIONS DESCRIPTION".split()
    assert text[1].split()[:4] == ["letters", "by_partition", "api_partitions_repo", "9"]


def test_cancel_stops_a_backfill_no_daemon_has_picked_up(api_only):
    backfill = launch_json(api_only, "letters", "--all")
    assert backfill["status"] == "REQUESTED"
    canceled = api_only.lodestar("backfill", "cancel", backfill["backfillId"])
    assert canceled.returncode == 0, canceled.stderr
    assert (
        canceled.stdout
        == f"backfill {backfill['backfillId']} CANCELED: 0/9 done (succeeded 0, failed 0)\n"
    )
    shown = json.loads(
        api_only.lodestar("backfill", "status", backfill["backfillId"], "--json").stdout
    )
    assert shown["status"] == "CANCELED"
    assert shown["progress"]["finished"] is True
    waited = api_only.lodestar("backfill", "launch", "letters", "--partitions", "a", "--json")
    terminate = api_only.lodestar(
        "backfill", "cancel", json.loads(waited.stdout)["backfillId"], "--terminate", "--json"
    )
    assert json.loads(terminate.stdout)["status"] == "CANCELED"


def test_errors_are_clear_and_exit_non_zero(server):
    assert_clean_error(
        server.lodestar("backfill", "launch", "nope", "--all"),
        "error: partition set 'nope' not found in any code location",
    )
    assert_clean_error(
        server.lodestar("backfill", "launch", "letters", "--partitions", "a,zz"),
        "error: partition set 'letters' has no partition 'zz'",
    )
    assert_clean_error(
        server.lodestar("backfill", "launch", "days", "--from", "2026-01-05", "--to", "2026-01-02"),
        "comes before",
    )
    assert_clean_error(
        server.lodestar("backfill", "launch", "letters"),
        "choose the partitions one way",
        code=2,
    )
    assert_clean_error(
        server.lodestar("backfill", "launch", "letters", "--all", "--partitions", "a"),
        "choose the partitions one way",
        code=2,
    )
    assert_clean_error(
        server.lodestar("partition", "status", "nope"),
        "error: partition set 'nope' not found",
    )
    assert_clean_error(
        server.lodestar("partition", "history", "letters", "zz"),
        "error: partition set 'letters' has no partition 'zz'",
    )
    assert_clean_error(
        server.lodestar("backfill", "status", "nope"), "error: backfill 'nope' not found"
    )
    assert_clean_error(
        server.lodestar("backfill", "cancel", "nope"), "error: backfill 'nope' not found"
    )


def test_waiting_without_any_daemon_warns_instead_of_hanging_silently(api_only):
    process = subprocess.Popen(
        [LODESTAR, "backfill", "launch", "letters", "--partitions", "a", "--wait"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "LODESTAR_URL": api_only.url},
    )
    try:
        warning = process.stderr.readline()
    finally:
        process.kill()
        process.wait()
    assert "no backfill daemon has reported in" in warning
    assert "lodestar daemon run" in warning
