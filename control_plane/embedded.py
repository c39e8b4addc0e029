"""`lodestar execute`: one run end to end with an embedded control plane and code server."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable

from control_plane.errors import CodeLocationError
from control_plane.service import ControlPlane
from control_plane.storage.records import EventRecord, PipelineRun
from control_plane.workspace import Workspace

FOLLOW_INTERVAL_S = 0.05
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def execute_pipeline(
    file: str,
    pipeline: str,
    run_config: dict | None = None,
    on_event: Callable[[EventRecord], None] | None = None,
    instance=None,
    tags: dict[str, str] | None = None,
    mode: str | None = None,
    solid_selection: list[str] | None = None,
    preset: str | None = None,
) -> PipelineRun:
    """Starts a code server for `file`, runs `pipeline` once in this process and returns
    the finished run. Nothing else on the instance is touched: queued runs and runs left in
    flight belong to whichever daemon leads the instance (`lodestar up`).

    SIGINT (Ctrl-C) or SIGTERM terminates the run, which then ends CANCELED. Killed
    outright, the run is left in flight; the next daemon leader marks it FAILURE and does not
    re-execute it."""
    if instance is None:
        from control_plane.instance import Instance

        instance = Instance.from_env()
    # Filled by the signal handler, which takes no lock: it may interrupt a lock's holder.
    stop: list[int] = []
    previous = {sig: signal.signal(sig, lambda sig, _: stop.append(sig)) for sig in STOP_SIGNALS}
    control_plane = ControlPlane(instance, Workspace.from_python_file(file), run_daemon=False)
    try:
        control_plane.start()
        control_plane.locations.wait_until_loaded()
        (location,) = control_plane.code_locations()
        if location.status != "LOADED":
            # Its first line: the code server has printed the traceback to stderr already.
            reason = (location.error or "not loaded").splitlines()[0]
            raise CodeLocationError(location.name, reason)
        if stop:
            raise KeyboardInterrupt
        run = control_plane.execute_run(
            pipeline, run_config, location.name, tags, mode, solid_selection, preset
        )
        terminated = False

        def terminate_on_signal() -> None:
            nonlocal terminated
            if stop and not terminated:
                terminated = True
                control_plane.terminate_run(run.run_id)

        return follow_run(
            control_plane.storage,
            run.run_id,
            on_event or (lambda record: None),
            terminate_on_signal,
        )
    finally:
        control_plane.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def follow_run(
    storage,
    run_id: str,
    on_event: Callable[[EventRecord], None],
    between_polls: Callable[[], None] = lambda: None,
) -> PipelineRun:
    """Calls `on_event` for each of the run's events as they are stored, until it ends;
    the events of each read in time order (parallel steps' events reach storage in batches)."""
    cursor = 0
    while True:
        between_polls()
        run = storage.get_run(run_id)
        records = storage.get_events(run_id, after_cursor=cursor)
        for record in sorted(records, key=lambda r: r.event.timestamp):
            on_event(record)
        if records:
            cursor = records[-1].storage_id
        if run.status.is_finished and not records:
            return run
        if not records:
            time.sleep(FOLLOW_INTERVAL_S)
