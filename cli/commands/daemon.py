"""`lodestar daemon run`: the run queue, run coordinators and backfill daemon, without the API."""

from __future__ import annotations

import os
import signal
import time

import click

from cli.options import load_workspace_option, workspace_options

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


@click.group("daemon")
def daemon_group() -> None:
    """Run runs and backfills apart from the API (`lodestar up --no-daemon`)."""


@daemon_group.command("run")
@workspace_options
def run(workspace, python_file) -> None:
    """Run queued runs and submit backfills for the instance in $LODESTAR_HOME, until
    SIGTERM or SIGINT.

    On start it also recovers the runs that a killed control plane or daemon left in flight.
    """
    loaded = load_workspace_option(workspace, python_file)
    from control_plane.instance import Instance  # storage and gRPC load only here
    from control_plane.service import ControlPlane

    # Filled by the signal handler, which takes no lock: it may interrupt a lock's holder.
    stop: list[int] = []
    previous = {sig: signal.signal(sig, lambda sig, _: stop.append(sig)) for sig in STOP_SIGNALS}
    control_plane = ControlPlane(Instance.from_env(), loaded, run_daemon=True)
    try:
        control_plane.start()
        click.echo(f"lodestar daemon running (pid {os.getpid()}); stop with Ctrl-C")
        while not stop:
            time.sleep(0.2)
        click.echo("lodestar daemon stopping")
    finally:
        control_plane.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
