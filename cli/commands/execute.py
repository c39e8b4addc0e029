"""`lodestar execute`: one run end to end in this process, with its own code server."""

from __future__ import annotations

import click

from cli.options import config_option, load_run_config, solid_option, tag_option
from cli.timeline import final_line, print_event


@click.command("execute")
@click.option(
    "-f",
    "--python-file",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="The repository file.",
)
@click.argument("pipeline")
@config_option
@tag_option
@click.option("--mode", help="Mode to run in (default: the pipeline's first).")
@click.option("--preset", help="A preset of the pipeline: its run config, mode and selection.")
@solid_option
def execute(python_file, pipeline, config_files, tags, mode, preset, solids) -> None:
    """Run PIPELINE once and print its events in time order, a failed step's traceback
    under it; exit code 0 only on success."""
    from control_plane.embedded import execute_pipeline  # storage and gRPC load only here

    run = execute_pipeline(
        python_file,
        pipeline,
        load_run_config(config_files),
        on_event=_print_record,
        tags=tags,
        mode=mode,
        solid_selection=list(solids) or None,
        preset=preset,
    )
    click.echo(final_line(run.run_id, run.status, run.start_time, run.end_time))
    if run.status != "SUCCESS":
        raise click.exceptions.Exit(1)


def _print_record(record) -> None:
    event = record.event
    print_event(
        timestamp=event.timestamp,
        step_key=event.step_key,
        event_type=str(event.event_type),
        message=event.message,
        error=event.error and f"{event.error.cls_name}: {event.error.message}",
        output_name=event.output_name,
        mapping_key=event.mapping_key,
        level=event.level,
        stack=event.error and event.error.stack,
        data=event.data,
    )
