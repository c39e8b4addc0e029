"""Recovery after a crash: runs left in flight by a dead process are ended, and those the
daemon launched are re-executed from failure as new runs."""

from __future__ import annotations

from control_plane.daemon_lease import dead_on_this_host
from control_plane.run_events import run_event
from control_plane.runs import reexecution_of
from control_plane.storage import Storage
from control_plane.storage.records import (
    EXECUTED_BY_TAG,
    IN_FLIGHT_STATUSES,
    RECOVERED_FROM_TAG,
    RECOVERY_COUNT_TAG,
    LeaderTerm,
    PipelineRun,
    RunsFilter,
    RunStatus,
)
from user_code_server.protocol import EventType

# A run interrupted this many times in a row (it keeps crashing the control plane) is
# failed for good rather than re-executed again.
MAX_RECOVERIES = 3


def recover_interrupted_runs(storage: Storage, term: LeaderTerm | None = None) -> list[PipelineRun]:
    """Ends every run left in flight by a dead control plane; returns the recovery runs queued.

    A run that was being canceled becomes CANCELED. A run of `lodestar execute` becomes
    FAILURE once its process is gone (never re-executed: nobody asked the daemon to run it).
    Any other becomes FAILURE, and a new run re-executing it from failure (naming it as
    parent) is queued in the same transaction, so a second recovery never queues it twice;
    after MAX_RECOVERIES in a row it is failed for good. Every write carries `term`.
    """
    recovered = []
    interrupted = storage.get_runs(RunsFilter(statuses=sorted(IN_FLIGHT_STATUSES)))
    for run in interrupted:
        executed_by = run.tags.get(EXECUTED_BY_TAG)
        recoveries = int(run.tags.get(RECOVERY_COUNT_TAG, "0"))
        if executed_by is not None:
            if dead_on_this_host(executed_by):
                _fail(storage, run, f"its process ({executed_by}) ended without ending it", term)
        elif run.status == RunStatus.CANCELING:
            storage.set_run_status(
                run.run_id,
                RunStatus.CANCELED,
                run_event(EventType.RUN_CANCELED, "run canceled (control plane restarted)"),
                expected=[RunStatus.CANCELING],
                term=term,
            )
        elif recoveries >= MAX_RECOVERIES:
            reason = (
                f"the control plane stopped while it was {run.status}, the "
                f"{recoveries + 1}th time in a row for this run: not re-executing it again"
            )
            _fail(storage, run, reason, term)
        else:
            extra = {RECOVERED_FROM_TAG: run.run_id, RECOVERY_COUNT_TAG: str(recoveries + 1)}
            recovery = reexecution_of(run, None, extra)
            failure = run_event(
                EventType.RUN_FAILURE,
                f"run interrupted: the control plane stopped while it was {run.status}; "
                f"re-executing from failure as run {recovery.run_id}",
                level="ERROR",
            )
            stored = storage.replace_interrupted_run(run.run_id, failure, recovery, term=term)
            if stored is not None:
                recovered.append(stored)
    return recovered


def _fail(storage: Storage, run: PipelineRun, reason: str, term: LeaderTerm | None) -> None:
    storage.set_run_status(
        run.run_id,
        RunStatus.FAILURE,
        run_event(EventType.RUN_FAILURE, f"run interrupted: {reason}", level="ERROR"),
        expected=sorted(IN_FLIGHT_STATUSES),
        term=term,
    )
