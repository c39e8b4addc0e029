"""`lodestar up`: the control plane (GraphQL API, run coordinator, run queue)."""

from __future__ import annotations

import os

import click

DEFAULT_WORKSPACE = "workspace.yaml"


@click.command("up")
@click.option("-w", "--workspace", type=click.Path(dir_okay=False), help="Workspace file.")
@click.option(
    "-f", "--python-file", type=click.Path(dir_okay=False), help="A single repository file."
)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=3000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--read-only", is_flag=True, help="Refuse every mutation.")
def up(workspace, python_file, host, port, read_only) -> None:
    """Start the control plane for a workspace (default ./workspace.yaml) or one file."""
    if workspace and python_file:
        raise click.UsageError("give -w WORKSPACE or -f FILE, not both")
    if not (workspace or python_file or os.path.exists(DEFAULT_WORKSPACE)):
        raise click.UsageError(f"no {DEFAULT_WORKSPACE} here: give -w WORKSPACE or -f FILE")
    # Heavy imports (storage, gRPC, the web server) only for the commands that need them.
    from control_plane import http_server
    from control_plane.instance import Instance
    from control_plane.service import ControlPlane
    from control_plane.workspace import Workspace, load_workspace

    if python_file:
        loaded = Workspace.from_python_file(python_file)
    else:
        loaded = load_workspace(workspace or DEFAULT_WORKSPACE)
    control_plane = ControlPlane(Instance.from_env(), loaded)
    try:
        control_plane.start()
        http_server.serve(control_plane, host, port, read_only)
    finally:
        control_plane.stop()
