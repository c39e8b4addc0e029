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
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Worker processes for steps, the most steps run at once (default: max(8, 2 x CPUs)).",
)
@click.option(
    "--auth-token",
    help="Token clients must present (default: $LODESTAR_CODE_SERVER_TOKEN, else none). "
    "Other local users see it in the process list until the server starts: prefer "
    "--auth-token-stdin.",
)
@click.option(
    "--auth-token-stdin",
    is_flag=True,
    help="Read the token clients must present from the first line of standard input.",
)
@click.option(
    "--io-base-dir",
    type=click.Path(file_okay=False),
    help="Directory for step outputs; a request never names one. Default: "
    "$LODESTAR_HOME/storage, else ./.lodestar/storage (an instance's default io_manager "
    "base_dir: set the same directory as the instance's when they differ).",
)
def start(
    python_file, module, host, port, workers, auth_token, auth_token_stdin, io_base_dir
) -> None:
    """Serve the repository of a Python file (-f) or module (-m) until interrupted."""
    if bool(python_file) == bool(module):
        raise click.UsageError("give exactly one of -f FILE or -m MODULE")
    if auth_token and auth_token_stdin:
        raise click.UsageError("give at most one of --auth-token and --auth-token-stdin")
    # The CLI touches user_code_server only here, and only when this command runs.
    from user_code_server.auth_token import AuthTokenError, read_stdin_token
    from user_code_server.server import serve

    try:
        token = read_stdin_token() if auth_token_stdin else auth_token
    except AuthTokenError as error:
        raise click.UsageError(str(error)) from None
    serve(
        file=python_file,
        module=module,
        host=host,
        port=port,
        workers=workers,
        auth_token=token,
        io_base_dir=io_base_dir,
    )
