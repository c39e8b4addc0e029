"""Following a run through GraphQL: print its events as they come, until it ends."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from cli import documents
from cli.errors import CliError
from cli.graphql_client import GraphQLClient, describe_error

POLL_INTERVAL_S = 0.5
PAGE_SIZE = 1000
FINISHED = {"SUCCESS", "FAILURE", "CANCELED"}


def follow_run(
    client: GraphQLClient,
    run_id: str,
    on_event: Callable[[dict[str, Any]], None],
    follow: bool = True,
) -> dict[str, Any]:
    """Calls `on_event` for each event, each page's in time order; with `follow`, until the
    run has ended.

    Returns the run's status and times. The status is read with each page, and one more
    page is read after it is seen finished, so no event written before the end is missed.
    """
    cursor = None
    finished_seen = False
    while True:
        data = client.execute(
            documents.RUN_EVENTS, {"runId": run_id, "afterCursor": cursor, "limit": PAGE_SIZE}
        )
        page, run = data["runEvents"], data["run"]
        if page["__typename"] != "RunEventConnection":
            raise CliError(describe_error(page))
        for event in sorted(page["events"], key=lambda e: e["timestamp"]):
            on_event(event)
        cursor = page["cursor"]
        if page["hasMore"]:
            continue
        if not follow or (finished_seen and not page["events"]):
            return run
        finished_seen = run["status"] in FINISHED
        if not page["events"] and not finished_seen:
            time.sleep(POLL_INTERVAL_S)
