"""The backfill daemon: submits one run per partition of each requested backfill.

An iteration is a generator that yields after each unit of work, naming the point it
reached, so tests can step it with next() and crash it anywhere. Exactly-once comes from
storing each chunk's runs and the advanced cursor in one compare-and-set transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

from control_plane.code_locations import CodeLocations
from control_plane.errors import LodestarError
from control_plane.run_events import run_event
from control_plane.runs import new_run, reexecution_of
from control_plane.storage import Storage
from control_plane.storage.records import (
    BACKFILL_TAG,
    PARTITION_SET_TAG,
    PARTITION_TAG,
    Backfill,
    BackfillStatus,
    PipelineRun,
    RunStatus,
)
from user_code_server.protocol import (
    CodeServerUnavailableError,
    EventType,
    PartitionRunRequestsReply,
)

log = logging.getLogger(__name__)

DEFAULT_CHUNK_SIZE = 500
DAEMON_TYPE = "BACKFILL"
# A from-failure backfill re-executes a partition whose latest run ended in one of these.
RERUN_STATUSES = frozenset({RunStatus.FAILURE, RunStatus.CANCELED})


class BackfillDaemon:
    def __init__(
        self,
        storage: Storage,
        locations: CodeLocations,
        on_submitted: Callable[[], None] = lambda: None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
    ):
        self._storage = storage
        self._locations = locations
        self._on_submitted = on_submitted
        self._chunk_size = chunk_size

    def iterate(self) -> Iterator[str]:
        """One pass over every REQUESTED backfill, oldest first."""
        requested = self._storage.get_backfills(statuses=[BackfillStatus.REQUESTED])
        for backfill in reversed(requested):
            yield from self._advance(backfill)

    def _advance(self, backfill: Backfill) -> Iterator[str]:
        try:
            client = self._locations.get(backfill.location_name).client()
        except LodestarError as error:
            log.warning("backfill %s waits for its code location: %s", backfill.backfill_id, error)
            yield "location_unavailable"
            return
        names, cursor = backfill.partition_names, backfill.cursor
        while cursor < len(names):
            current = self._storage.get_backfill(backfill.backfill_id)
            if current is None or current.status != BackfillStatus.REQUESTED:
                return
            cursor = current.cursor
            chunk = names[cursor : cursor + self._chunk_size]
            if not chunk:
                break
            try:
                reply = client.partition_run_requests(backfill.partition_set, chunk)
            except CodeServerUnavailableError as error:
                log.warning("backfill %s: %s", backfill.backfill_id, error)
                yield "location_unavailable"
                return
            if reply.error is not None:
                self._storage.set_backfill_status(
                    backfill.backfill_id,
                    BackfillStatus.FAILED,
                    expected=[BackfillStatus.REQUESTED],
                    error=f"{reply.error.message}\n{reply.error.stack}".rstrip(),
                )
                yield "failed"
                return
            runs = self._runs_for(backfill, reply)
            yield "before_submit"
            event = run_event(EventType.RUN_ENQUEUED, f"queued by backfill {backfill.backfill_id}")
            if not self._storage.submit_backfill_runs(
                backfill.backfill_id, cursor, cursor + len(chunk), runs, event
            ):
                return  # canceled, or another daemon submitted this chunk
            cursor += len(chunk)
            self._on_submitted()
            yield "after_submit"
        self._storage.set_backfill_status(
            backfill.backfill_id, BackfillStatus.COMPLETED, expected=[BackfillStatus.REQUESTED]
        )
        yield "completed"

    def _runs_for(self, backfill: Backfill, reply: PartitionRunRequestsReply) -> list[PipelineRun]:
        names = [r.partition_name for r in reply.requests]
        latest = (
            self._storage.latest_partition_runs(backfill.partition_set, names)
            if backfill.from_failure
            else {}
        )
        runs = []
        for request in reply.requests:
            tags = {
                **request.tags,
                **backfill.tags,
                PARTITION_TAG: request.partition_name,
                PARTITION_SET_TAG: backfill.partition_set,
                BACKFILL_TAG: backfill.backfill_id,
            }
            previous = latest.get(request.partition_name)
            if previous is None:
                runs.append(
                    new_run(
                        reply.pipeline,
                        backfill.location_name,
                        request.run_config or {},
                        reply.mode,
                        tags,
                        reply.solid_selection or None,
                    )
                )
            elif previous.status in RERUN_STATUSES:
                runs.append(reexecution_of(previous, None, tags))
        return runs
