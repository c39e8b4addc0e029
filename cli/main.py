"""The `lodestar` command: command groups, global options, and how errors are shown."""

from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass

import click

from cli.commands.assets import asset_group
from cli.commands.backfills import backfill_group
from cli.commands.code_server import code_server_group
from cli.commands.daemon import daemon_group
from cli.commands.execute import execute
from cli.commands.instance import instance_group
from cli.commands.instigators import schedule_group, sensor_group
from cli.commands.locations import location_group
from cli.commands.partitions import partition_group
from cli.commands.pipelines import pipeline_group
from cli.commands.runs import run_group
from cli.commands.up import up
from cli.commands.worker import worker_group
from cli.errors import CliError


@dataclass
class GlobalOptions:
    debug: bool = False


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks of errors.")
@click.version_option(package_name="lodestar-orchestrator")
@click.pass_obj
def cli(options: GlobalOptions, debug: bool) -> None:
    """Lodestar: pipelines of Python steps, run by a control plane."""
    options.debug = debug


for command in (
    code_server_group,
    worker_group,
    up,
    daemon_group,
    execute,
    run_group,
    pipeline_group,
    location_group,
    backfill_group,
    partition_group,
    asset_group,
    schedule_group,
    sensor_group,
    instance_group,
):
    cli.add_command(command)


def main() -> None:
    """Entry point of the `lodestar` console script."""
    options = GlobalOptions()
    try:
        code = cli.main(obj=options, standalone_mode=False)
    except click.ClickException as error:  # usage errors, and CliError
        if not isinstance(error, click.UsageError):
            _debug_traceback(options)
        error.show()
        code = error.exit_code
    except (click.Abort, KeyboardInterrupt):
        click.echo("interrupted", err=True)
        code = 130
    except Exception as error:  # every other error: a message, no traceback unless --debug
        _debug_traceback(options)
        CliError(_describe(error)).show()
        code = 1
    sys.exit(code if isinstance(code, int) else 0)


def _describe(error: Exception) -> str:
    from control_plane.errors import LodestarError  # only now: keeps the CLI's start-up light

    if isinstance(error, LodestarError | OSError):
        return str(error)
    return f"{type(error).__name__}: {error} (run with --debug for the traceback)"


def _debug_traceback(options: GlobalOptions) -> None:
    if options.debug:
        traceback.print_exc()
