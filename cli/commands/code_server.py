"""`lodestar code-server start`: host a repository for control planes over gRPC."""

from __future__ import annotations

import click


@click.group("code-server")
def code_server_group() -> None:
    """Run a code server: it loads user code and executes its steps."""


@code_server_group.command("start")
@click.option("-f", "--python-file", type=click.Path(exists=True, dir_okay=False))
@click.option("-m", "--module", help="Importable module defining the repository.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=4266, show_default=True, type=click.IntRange(0, 65535))
@click.option("--workers", type=click.IntRange(min=1), help="Worker processes for steps.")
@click.option(
    "--auth-token",
    help="Token clients must present (default: $LODESTAR_CODE_SERVER_TOKEN, else none).",
)
def start(python_file, module, host, port, workers, auth_token) -> None:
    """Serve the repository of a Python file (-f) or module (-m) until interrupted."""
    if bool(python_file) == bool(module):
        raise click.UsageError("give exactly one of -f FILE or -m MODULE")
    # The CLI touches user_code_server only here, and only when this command runs.
    from user_code_server.server import serve

    serve(
        file=python_file,
        module=module,
        host=host,
        port=port,
        workers=workers,
        auth_token=auth_token,
    )
