"""`lodestar up`: the control plane (GraphQL API, run coordinator, run queue, daemon)."""

from __future__ import annotations

import click

from cli.options import load_workspace_option, workspace_options

# Printed with the URL once the API accepts connections: with --port 0, the port it got.
SERVING_LINE = "lodestar up serving on"


@click.command("up")
@workspace_options
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option(
    "--port",
    default=3000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="0 picks a free port (printed once serving).",
)
@click.option("--read-only", is_flag=True, help="Refuse every mutation.")
@click.option(
    "--no-daemon",
    is_flag=True,
    help="Serve the API only: `lodestar daemon run` on the same instance runs the queue, "
    "the runs and the backfills.",
)
def up(workspace, python_file, host, port, read_only, no_daemon) -> None:
    """Start the control plane for a workspace (default ./workspace.yaml) or one file."""
    loaded = load_workspace_option(workspace, python_file)
    # Heavy imports (storage, gRPC, the web server) only for the commands that need them.
    from control_plane import http_server
    from control_plane.instance import Instance
    from control_plane.service import ControlPlane

    instance = Instance.from_env()
    server = instance.config.server
    if server.auth_token is None and not http_server.is_loopback(host):
        click.echo(
            f"warning: serving on {host} without an API token: anyone who can reach this "
            "port can launch and terminate runs (whose code runs as you) and read every run. "
            "Set server.auth_token in lodestar.yaml.",
            err=True,
        )
    control_plane = ControlPlane(instance, loaded, run_daemon=not no_daemon)
    try:
        control_plane.start()
        http_server.serve(
            control_plane,
            host,
            port,
            read_only,
            server,
            on_serving=lambda url: click.echo(f"{SERVING_LINE} {url}"),
        )
    finally:
        control_plane.stop()
