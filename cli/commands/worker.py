"""`lodestar worker start`: a Celery worker that runs steps sent by the Celery executor."""

from __future__ import annotations

import click

from cli.errors import CliError

BROKER_ENV = "LODESTAR_CELERY_BROKER"


@click.group("worker")
def worker_group() -> None:
    """Run a Celery worker for the Celery executor (executor: {celery: ...})."""


@worker_group.command("start")
@click.option("-f", "--python-file", type=click.Path(exists=True, dir_okay=False))
@click.option("-m", "--module", help="Importable module defining the repository.")
@click.option(
    "--broker",
    envvar=BROKER_ENV,
    required=True,
    help=f"amqp://... or redis://... (default: ${BROKER_ENV}); the control plane's broker.",
)
@click.option(
    "-q",
    "--queue",
    "queues",
    multiple=True,
    default=["lodestar"],
    show_default=True,
    help="Queue to take steps from; repeat for several (solid tag lodestar/celery_queue).",
)
@click.option(
    "-c",
    "--concurrency",
    type=click.IntRange(min=1),
    help="Steps run at once, each in its own worker process (default: max(8, 2 x CPUs)).",
)
@click.option(
    "--io-base-dir",
    type=click.Path(file_okay=False),
    help="Directory for step outputs: the same shared path as the instance's io_manager "
    "base_dir. Default: $LODESTAR_HOME/storage, else ./.lodestar/storage.",
)
def start(python_file, module, broker, queues, concurrency, io_base_dir) -> None:
    """Run the steps of a Python file's (-f) or module's (-m) repository until interrupted."""
    if bool(python_file) == bool(module):
        raise click.UsageError("give exactly one of -f FILE or -m MODULE")
    # The CLI touches user_code_server only here, and only when this command runs.
    from user_code_server.celery_worker import WorkerStartError, start_worker
    from user_code_server.protocol import BROKER_SCHEMES

    if not broker.startswith(BROKER_SCHEMES):
        raise click.UsageError(f"--broker: expected an amqp:// or redis:// URL, got {broker!r}")

    try:
        start_worker(
            file=python_file,
            module=module,
            broker=broker,
            queues=list(queues),
            concurrency=concurrency,
            io_base_dir=io_base_dir,
        )
    except WorkerStartError as error:
        raise CliError(str(error)) from None
