"""Recovery after a crash: runs left in flight are re-executed from failure as new runs."""

from __future__ import annotations

from control_plane.run_events import run_event
from control_plane.runs import reexecution_of
from control_plane.storage import Storage
from control_plane.storage.records import IN_FLIGHT_STATUSES, PipelineRun, RunsFilter, RunStatus
from user_code_server.protocol import EventType

RECOVERED_FROM_TAG = "lodestar/recovered_from"


def recover_interrupted_runs(storage: Storage) -> list[PipelineRun]:
    """Ends every run left in flight by a dead control plane and queues its recovery run.

    A run that was being canceled becomes CANCELED. Any other becomes FAILURE, and a new
    run re-executing it from failure (naming it as parent) is queued in the same
    transaction, so a second recovery never queues it twice.
    """
    recovered = []
    interrupted = storage.get_runs(RunsFilter(statuses=sorted(IN_FLIGHT_STATUSES)))
    for run in interrupted:
        if run.status == RunStatus.CANCELING:
            storage.set_run_status(
                run.run_id,
                RunStatus.CANCELED,
                run_event(EventType.RUN_CANCELED, "run canceled (control plane restarted)"),
                expected=[RunStatus.CANCELING],
            )
            continue
        recovery = reexecution_of(run, None, {RECOVERED_FROM_TAG: run.run_id})
        failure = run_event(
            EventType.RUN_FAILURE,
            f"run interrupted: the control plane stopped while it was {run.status}; "
            f"re-executing from failure as run {recovery.run_id}",
            level="ERROR",
        )
        stored = storage.replace_interrupted_run(run.run_id, failure, recovery)
        if stored is not None:
            recovered.append(stored)
    return recovered
