"""Waiting for a backfill through GraphQL: a live progress bar on a terminal, lines otherwise."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from cli import documents
from cli.graphql_client import GraphQLClient
from cli.output import is_terminal, styled

POLL_INTERVAL_S = 0.5
# Off a terminal a line is printed when the counts change, and at least this often.
LINE_INTERVAL_S = 10.0
# A daemon reports in at least once per pass (`backfill_daemon.interval_seconds`, 5 s by default).
DAEMON_SILENCE_WARNING_S = 60.0


def wait_for_backfill(
    client: GraphQLClient, backfill_id: str, on_progress: Callable[[dict[str, Any]], None]
) -> dict[str, Any]:
    """Polls the backfill until it has finished (submission over, no run queued or running),
    calling `on_progress` with each state; returns the last. Warns once on stderr when the
    backfill waits for submission and no backfill daemon has reported in for a while."""
    warned = False
    while True:
        backfill = client.result(
            documents.BACKFILL_PROGRESS, {"id": backfill_id}, "backfill", "Backfill"
        )
        if not warned and _no_daemon(backfill):
            warned = True
            click.echo(
                "warning: no backfill daemon has reported in recently; is `lodestar up` "
                "(without --no-daemon) or `lodestar daemon run` running on this instance?",
                err=True,
            )
        on_progress(backfill)
        if backfill["progress"]["finished"]:
            return backfill
        time.sleep(POLL_INTERVAL_S)


def _no_daemon(backfill: dict[str, Any]) -> bool:
    age = backfill["daemonHeartbeatAge"]
    waiting = backfill["status"] == "REQUESTED"
    return waiting and (age is None or age > DAEMON_SILENCE_WARNING_S)


def counts_text(progress: dict[str, Any]) -> str:
    """`succeeded 3, failed 1, running 2, queued 4` (skipped and canceled only when any)."""
    counts = [
        ("succeeded", progress["succeeded"]),
        ("failed", progress["failed"]),
        ("running", progress["inProgress"]),
        ("queued", progress["queued"]),
        ("skipped", progress["skipped"]),
        ("canceled", progress["canceled"]),
    ]
    shown = [(label, n) for label, n in counts if n or label in ("succeeded", "failed")]
    return ", ".join(f"{label} {n}" for label, n in shown)


# The colour of each backfill state, by the run status it is like.
STATE_STYLES = {"SUBMITTING": "STARTED", "SUBMITTED": "STARTED", "FINISHED": "SUCCESS"}


def progress_line(backfill: dict[str, Any]) -> str:
    """`backfill ID STATE: 3/9 done (succeeded 3, failed 0, running 2, queued 4)`, where STATE
    is SUBMITTING, SUBMITTED (runs still queued or running), FINISHED, CANCELED or FAILED."""
    progress = backfill["progress"]
    state = progress["state"]
    return (
        f"backfill {backfill['backfillId']} {styled(state, STATE_STYLES.get(state))}: "
        f"{progress['done']}/{progress['requested']} done ({counts_text(progress)})"
    )


def succeeded(backfill: dict[str, Any]) -> bool:
    """Every partition submitted and none of their runs failed or was canceled."""
    progress = backfill["progress"]
    return backfill["status"] == "COMPLETED" and not (progress["failed"] or progress["canceled"])


class ProgressBar:
    """A rich progress bar of done/requested partitions, with the run counts beside it."""

    def __init__(self, backfill_id: str):
        self._progress = Progress(
            TextColumn(f"backfill {backfill_id}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[counts]}"),
            TimeElapsedColumn(),
            console=Console(),
        )
        self._task = self._progress.add_task("backfill", total=None, counts="")

    def __enter__(self) -> ProgressBar:
        self._progress.start()
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self._progress.stop()

    def update(self, backfill: dict[str, Any]) -> None:
        progress = backfill["progress"]
        self._progress.update(
            self._task,
            total=progress["requested"],
            completed=progress["done"],
            counts=counts_text(progress),
        )


class ProgressLines:
    """A plain line per change of the counts (and every LINE_INTERVAL_S at the least), up
    to the final state, which the caller prints."""

    def __init__(self) -> None:
        self._last_line = ""
        self._last_time = 0.0

    def __enter__(self) -> ProgressLines:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        pass

    def update(self, backfill: dict[str, Any]) -> None:
        if backfill["progress"]["finished"]:
            return  # the caller prints the final line
        line = progress_line(backfill)
        now = time.monotonic()
        if line != self._last_line or now - self._last_time >= LINE_INTERVAL_S:
            click.echo(line)
            self._last_line, self._last_time = line, now


def progress_display(backfill_id: str) -> ProgressBar | ProgressLines:
    """A live bar on a terminal, plain lines otherwise."""
    return ProgressBar(backfill_id) if is_terminal() else ProgressLines()
