"""Schedules and sensors through a real `lodestar up`: the CLI and GraphQL surfaces, and
each due time or run key launched once across `kill -9` of the control plane."""

from __future__ import annotations

import json
import os
import signal

from api.lodestar_process import start_control_plane, wait_for_run
from helpers.waiting import wait_until

from instigators.conftest import REPO

RUNS = """{ runs(limit: 1000) { ... on RunConnection { nodes { runId status
    runConfig tags { key value } } } } }"""
SENSOR = """query($name: String!) { sensor(name: $name) { __typename ... on Sensor {
    status cursor ticks(limit: 50) { status runIds skipReason } } ... on Error { message } } }"""


def runs_by(server, tag: str, name: str) -> list[dict]:
    """The runs the schedule or sensor launched (not the re-executions that recovery queued
    for those a killed control plane left in flight: they carry the same tags)."""
    nodes = server.data(RUNS)["runs"]["nodes"]
    return [
        r
        for r in nodes
        if {"key": tag, "value": name} in r["tags"]
        and not any(t["key"] == "lodestar/recovered_from" for t in r["tags"])
    ]


def label(run: dict) -> str:
    return run["runConfig"]["solids"]["record"]["config"]["label"]


def test_cli_lists_starts_previews_and_stops(tmp_path, sensor_dir):
    up = start_control_plane(tmp_path / "home", repo=REPO)
    try:
        listed = json.loads(up.lodestar("schedule", "list", "--json").stdout)
        assert {s["name"]: s["status"] for s in listed} == {
            "daily_labels": "STOPPED",
            "every_minute": "STOPPED",
            "nightly": "STOPPED",
        }
        started = up.lodestar("schedule", "start", "nightly")
        assert started.returncode == 0 and "RUNNING" in started.stdout
        assert "next tick:" in started.stdout
        preview = up.lodestar("schedule", "preview", "daily_labels", "--ticks", "2")
        assert preview.returncode == 0, preview.stderr
        assert preview.stdout.count("lodestar/partition_set=daily_labels") == 2

        (sensor_dir / "x.csv").write_text("x")
        sensor_preview = up.lodestar("sensor", "preview", "new_files")
        assert (
            "run key x.csv" in sensor_preview.stdout
            and "new cursor: x.csv" in sensor_preview.stdout
        )
        assert up.lodestar("sensor", "start", "new_files").returncode == 0
        [run] = wait_until(lambda: runs_by(up, "lodestar/sensor", "new_files"), 30, "the run")
        assert wait_for_run(up, run["runId"])["status"] == "SUCCESS"
        sensors = json.loads(up.lodestar("sensor", "list", "--json").stdout)
        files = next(s for s in sensors if s["name"] == "new_files")
        assert files["cursor"] == "x.csv" and files["status"] == "RUNNING"

        stopped = up.lodestar("sensor", "stop", "new_files")
        assert stopped.returncode == 0 and "STOPPED" in stopped.stdout
        missing = up.lodestar("schedule", "start", "no_such_schedule")
        assert missing.returncode == 1
        assert "schedule 'no_such_schedule' not found" in missing.stderr
        assert "Traceback" not in missing.stderr
    finally:
        up.stop()


def test_each_run_key_launches_once_across_kill_9(tmp_path, sensor_dir):
    home = tmp_path / "home"
    for n in range(4):
        (sensor_dir / f"{n}.csv").write_text(str(n))
    up = start_control_plane(home, repo=REPO)
    try:
        assert up.lodestar("sensor", "start", "new_files").returncode == 0
        wait_until(lambda: runs_by(up, "lodestar/sensor", "new_files"), 30, "the first runs")
    finally:
        os.kill(up.process.pid, signal.SIGKILL)  # its code server follows it
        up.process.wait()
    for n in range(4, 8):
        (sensor_dir / f"{n}.csv").write_text(str(n))
    again = start_control_plane(home, repo=REPO)
    try:

        def all_launched():
            runs = runs_by(again, "lodestar/sensor", "new_files")
            return runs if len(runs) >= 8 else None

        runs = wait_until(all_launched, 60, "a run per file")
        assert sorted(label(r) for r in runs) == [f"{n}.csv" for n in range(8)]
        ticks = again.data(SENSOR, {"name": "new_files"})["sensor"]["ticks"]
        launched = [run_id for tick in ticks for run_id in tick["runIds"]]
        assert len(launched) == len(set(launched)) == 8
    finally:
        again.stop()


def test_each_due_time_launches_once_across_kill_9(tmp_path, sensor_dir):
    """A real minute schedule: the first due time launches, the control plane is killed at
    once, and after the restart the next due time launches; no due time twice."""
    home = tmp_path / "home"
    up = start_control_plane(home, repo=REPO)
    try:
        assert up.lodestar("schedule", "start", "every_minute").returncode == 0
        wait_until(lambda: runs_by(up, "lodestar/schedule", "every_minute"), 75, "a due time")
    finally:
        os.kill(up.process.pid, signal.SIGKILL)
        up.process.wait()
    again = start_control_plane(home, repo=REPO)
    try:

        def two_due_times():
            runs = runs_by(again, "lodestar/schedule", "every_minute")
            return runs if len({label(r) for r in runs}) >= 2 else None

        runs = wait_until(two_due_times, 75, "the next due time")
        labels = [label(r) for r in runs]
        assert len(labels) == len(set(labels)), labels
    finally:
        again.stop()
