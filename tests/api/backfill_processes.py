"""Backfill tests' helpers: `lodestar daemon run` as a real process, the partitioned test
repository, an instance config that paces the daemon, and GraphQL calls on backfills."""

from __future__ import annotations

import os
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

from helpers.waiting import wait_until

from api.lodestar_process import LODESTAR, ControlPlaneProcess

REPO = Path(__file__).resolve().parent / "repos" / "api_partitions_repo.py"
LETTERS = ["a", "b", "c", "d", "e", "f", "g", "h", "bad"]
DAEMON_READY = "lodestar daemon running"
READY_TIMEOUT_S = 90
RECOVERED_FROM_TAG = "lodestar/recovered_from"

BACKFILL_FIELDS = """
fragment BackfillFields on Backfill {
  backfillId partitionSet status partitionNames fromFailure error tags { key value }
  progress {
    requested submitted skipped queued inProgress succeeded failed canceled done finished
  }
}
"""
LAUNCH = (
    """
mutation($set: String!, $partitions: [String!], $from: String, $to: String, $all: Boolean!,
         $fromFailure: Boolean!, $tags: [TagInput!]) {
  launchBackfill(partitionSet: $set, partitions: $partitions, fromPartition: $from,
                 toPartition: $to, all: $all, fromFailure: $fromFailure, tags: $tags) {
    __typename
    ... on Error { message }
    ... on LaunchBackfillSuccess { backfill { ...BackfillFields } }
  }
}
"""
    + BACKFILL_FIELDS
)
BACKFILL = (
    """query($id: String!) { backfill(id: $id) {
    __typename ... on Error { message } ... on Backfill { ...BackfillFields } } }"""
    + BACKFILL_FIELDS
)
PARTITION_RUNS = """
query($set: String!, $partition: String!) {
  partitionRuns(partitionSet: $set, partition: $partition, limit: 1000) {
    __typename
    ... on Error { message }
    ... on RunConnection {
      count nodes { runId status parentRunId createdAt tags { key value } }
    }
  }
}
"""


def write_instance_config(
    home: Path, chunk_size: int = 500, interval_seconds: float = 0.2, max_concurrent_runs=10
) -> None:
    """lodestar.yaml pacing the daemon (a short interval: a daemon in another process than
    the API only sees a new backfill at its next pass)."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "lodestar.yaml").write_text(
        f"run_queue: {{max_concurrent_runs: {max_concurrent_runs}}}\n"
        f"backfill_daemon: {{chunk_size: {chunk_size}, interval_seconds: {interval_seconds}}}\n"
    )


@dataclass
class DaemonProcess:
    """A `lodestar daemon run` process on an instance."""

    process: subprocess.Popen
    log_path: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def kill(self) -> None:
        """SIGKILL: no chance to clean up."""
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self, timeout: float = 20) -> int:
        """SIGTERM, then SIGKILL after `timeout`; returns the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
        return self.process.wait()


def start_daemon(home: Path, repo: Path = REPO) -> DaemonProcess:
    """Starts `lodestar daemon run -f REPO` on the instance `home` and waits until it runs."""
    log_path = home / f"daemon-{len(list(home.glob('daemon-*.log')))}.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [LODESTAR, "daemon", "run", "-f", str(repo)],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "LODESTAR_HOME": str(home)},
        )
    daemon = DaemonProcess(process, log_path)
    try:
        wait_until(lambda: _ready(daemon), READY_TIMEOUT_S, "lodestar daemon run to run")
    except BaseException as error:
        daemon.stop()
        error.add_note(f"lodestar daemon run's log:\n{daemon.log()}")
        raise
    return daemon


def _ready(daemon: DaemonProcess) -> bool:
    if DAEMON_READY in daemon.log():
        return True
    if daemon.process.poll() is not None:
        raise AssertionError(f"lodestar daemon run exited ({daemon.process.returncode})")
    return False


def launch_backfill(
    server: ControlPlaneProcess,
    partition_set: str,
    partitions: list[str] | None = None,
    tags: dict[str, str] | None = None,
    **selection,
) -> dict:
    """The launchBackfill result; `selection` takes from/to/all/fromFailure."""
    variables = {
        "set": partition_set,
        "partitions": partitions,
        "all": False,
        "fromFailure": False,
        "tags": [{"key": k, "value": v} for k, v in (tags or {}).items()],
        **selection,
    }
    return server.data(LAUNCH, variables)["launchBackfill"]


def launched(server: ControlPlaneProcess, partition_set: str, partitions=None, **kwargs) -> dict:
    """Launches a backfill that must be accepted; returns it."""
    result = launch_backfill(server, partition_set, partitions, **kwargs)
    assert result["__typename"] == "LaunchBackfillSuccess", result
    return result["backfill"]


def backfill(server: ControlPlaneProcess, backfill_id: str) -> dict:
    result = server.data(BACKFILL, {"id": backfill_id})["backfill"]
    assert result["__typename"] == "Backfill", result
    return result


def wait_for_backfill(server: ControlPlaneProcess, backfill_id: str, timeout: float = 60) -> dict:
    """Polls until the backfill has finished (nothing left to submit, queue or run)."""

    def finished():
        state = backfill(server, backfill_id)
        return state if state["progress"]["finished"] else None

    return wait_until(finished, timeout, f"backfill {backfill_id} to finish", interval=0.1)


def partition_runs(server: ControlPlaneProcess, partition_set: str, partition: str) -> list[dict]:
    """The partition's runs, newest first, each with its tags as a dict."""
    result = server.data(PARTITION_RUNS, {"set": partition_set, "partition": partition})
    runs = result["partitionRuns"]
    assert runs["__typename"] == "RunConnection", runs
    for run in runs["nodes"]:
        run["tags"] = {t["key"]: t["value"] for t in run["tags"]}
    return runs["nodes"]
