"""`lodestar run ...`: launch, list, show, follow, terminate and re-execute runs."""

from __future__ import annotations

import json
from typing import Any

import click
import yaml

from cli import documents
from cli.follow import follow_run
from cli.graphql_client import GraphQLClient
from cli.options import (
    config_option,
    json_option,
    load_run_config,
    solid_option,
    tag_option,
    uses_control_plane,
)
from cli.output import format_duration, format_time, print_json, print_table, styled
from cli.timeline import LEVELS, final_line, print_event, shown_at

RUN_STATUSES = ["QUEUED", "STARTING", "STARTED", "SUCCESS", "FAILURE", "CANCELING", "CANCELED"]


@click.group("run")
def run_group() -> None:
    """Launch, inspect and control runs."""


@run_group.command("launch")
@click.argument("pipeline")
@click.option("-l", "--location", help="Code location (needed if several define PIPELINE).")
@config_option
@tag_option
@click.option("--mode", help="Mode to run in (default: the pipeline's first).")
@click.option("--preset", help="A preset of the pipeline: its run config, mode and selection.")
@solid_option
@click.option("--wait", is_flag=True, help="Print the run's events until it ends.")
@json_option
@uses_control_plane
def launch(
    client, pipeline, location, config_files, tags, mode, preset, solids, wait, as_json
) -> None:
    """Launch a run of PIPELINE."""
    variables = {
        "pipeline": pipeline,
        "location": location,
        "runConfig": load_run_config(config_files),
        "tags": [{"key": k, "value": v} for k, v in tags.items()],
        "mode": mode,
        "solidSelection": list(solids) or None,
        "preset": preset,
    }
    result = client.result(documents.LAUNCH_RUN, variables, "launchRun", "LaunchRunSuccess")
    _report_launched(client, result["run"], wait, as_json)


@run_group.command("list")
@click.option("--pipeline", help="Only runs of this pipeline.")
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(RUN_STATUSES, case_sensitive=False),
    help="Only runs in this status (repeatable).",
)
@tag_option
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--cursor", help="Continue after this run id (the last of the previous page).")
@click.option("-q", "--quiet", is_flag=True, help="Print only the run ids, one a line.")
@json_option
@uses_control_plane
def list_runs(client, pipeline, statuses, tags, limit, cursor, quiet, as_json) -> None:
    """List runs, newest first."""
    run_filter = {
        "pipelineName": pipeline,
        "statuses": [s.upper() for s in statuses] or None,
        "tags": [{"key": k, "value": v} for k, v in tags.items()] or None,
    }
    variables = {"filter": run_filter, "limit": limit, "cursor": cursor}
    page = client.result(documents.RUNS, variables, "runs", "RunConnection")
    runs = page["nodes"]
    if as_json:
        print_json(runs)
        return
    if quiet:
        for run in runs:
            click.echo(run["runId"])
        return
    print_table(
        ["RUN ID", "PIPELINE", "STATUS", "CREATED", "DURATION", "TAGS"],
        [
            [
                r["runId"],
                r["pipelineName"],
                r["status"],
                format_time(r["createdAt"]),
                format_duration(r["startTime"], r["endTime"]),
                " ".join(f"{t['key']}={t['value']}" for t in r["tags"]),
            ]
            for r in runs
        ],
    )
    if page["hasMore"]:
        click.echo(f"more runs: --cursor {page['cursor']}", err=True)


@run_group.command("show")
@click.argument("run_id")
@json_option
@uses_control_plane
def show(client, run_id, as_json) -> None:
    """Show a run: status, config, tags, lineage and each step's status."""
    run = client.result(documents.RUN, {"runId": run_id}, "run", "Run")
    if as_json:
        print_json(run)
        return
    _print_run_details(run)
    if run["stepStats"]:
        click.echo()
        print_table(
            ["STEP", "STATUS", "ATTEMPTS", "DURATION", "ERROR"],
            [
                [
                    s["stepKey"],
                    s["status"],
                    s["attempts"],
                    format_duration(s["startTime"], s["endTime"]),
                    _last_error(s),
                ]
                for s in run["stepStats"]
            ],
        )


def _last_error(step: dict[str, Any]) -> str:
    """The first line of the error a step ended with; none for a step that recovered."""
    if step["status"] not in ("FAILURE", "UP_FOR_RETRY") or not step["error"]:
        return ""
    return step["error"].splitlines()[0]


@run_group.command("logs")
@click.argument("run_id")
@click.option("--follow", "-f", is_flag=True, help="Keep printing events until the run ends.")
@click.option(
    "--level",
    type=click.Choice(LEVELS, case_sensitive=False),
    help="Only events at this level and above (failures are ERROR, retries WARNING).",
)
@click.option(
    "--step", "steps", multiple=True, help="Only this step (`name` includes `name[key]`)."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per event.")
@uses_control_plane
def logs(client, run_id, follow, level, steps, as_json) -> None:
    """Print a run's events, one line each, a failed step's traceback under it."""
    printer = _event_printer(as_json)

    def on_event(event: dict[str, Any]) -> None:
        if level and not shown_at(event["eventType"], event["level"], level.upper()):
            return
        if steps and not _of_steps(event["stepKey"], steps):
            return
        printer(event)

    follow_run(client, run_id, on_event, follow=follow)


def _of_steps(step_key: str | None, steps: tuple[str, ...]) -> bool:
    """Whether `step_key` is one of `steps`, or an instance of one (`shout[a]` of `shout`)."""
    return step_key is not None and (step_key in steps or step_key.split("[")[0] in steps)


@run_group.command("terminate")
@click.argument("run_id")
@json_option
@uses_control_plane
def terminate(client, run_id, as_json) -> None:
    """Ask a queued or running run to stop."""
    result = client.result(
        documents.TERMINATE_RUN, {"runId": run_id}, "terminateRun", "TerminateRunSuccess"
    )
    run = result["run"]
    if as_json:
        print_json(run)
    else:
        click.echo(f"run {run['runId']}: {styled(run['status'])}")


@run_group.command("reexecute")
@click.argument("run_id")
@click.option("--from-failure", is_flag=True, help="Only the failed and skipped steps.")
@click.option(
    "--step", "steps", multiple=True, help="Only this step key (repeatable; `name[*]` for all)."
)
@click.option("-l", "--location", help="Run it on this code location (default: the parent run's).")
@click.option("--wait", is_flag=True, help="Print the new run's events until it ends.")
@json_option
@uses_control_plane
def reexecute(client, run_id, from_failure, steps, location, wait, as_json) -> None:
    """Launch a new run re-executing RUN_ID (its child), entirely or from failure."""
    variables = {
        "runId": run_id,
        "fromFailure": from_failure,
        "stepSelection": list(steps) or None,
        "location": location,
    }
    result = client.result(documents.REEXECUTE_RUN, variables, "reexecuteRun", "LaunchRunSuccess")
    _report_launched(client, result["run"], wait, as_json)


def _report_launched(client: GraphQLClient, run: dict[str, Any], wait: bool, as_json: bool) -> None:
    if not wait:
        if as_json:
            print_json(run)
        else:
            click.echo(f"launched run {run['runId']} of {run['pipelineName']} ({run['status']})")
        return
    if not as_json:
        click.echo(f"run {run['runId']} of {run['pipelineName']}")
    final = follow_run(client, run["runId"], (lambda e: None) if as_json else _event_printer(False))
    if as_json:
        print_json(client.result(documents.RUN, {"runId": run["runId"]}, "run", "Run"))
    else:
        click.echo(final_line(run["runId"], final["status"], final["startTime"], final["endTime"]))
    if final["status"] != "SUCCESS":
        raise click.exceptions.Exit(1)


def _event_printer(as_json: bool):
    def on_event(event: dict[str, Any]) -> None:
        if as_json:
            click.echo(json.dumps(event))
            return
        error = event["error"]
        print_event(
            timestamp=event["timestamp"],
            step_key=event["stepKey"],
            event_type=event["eventType"],
            message=event["message"],
            error=error and f"{error['className']}: {error['message']}",
            output_name=event["outputName"],
            mapping_key=event["mappingKey"],
            level=event["level"],
            stack=error and error["stack"],
            data=event["data"],
        )

    return on_event


def _print_run_details(run: dict[str, Any]) -> None:
    rows = [
        ("run", run["runId"]),
        ("pipeline", f"{run['pipelineName']} (location {run['location']}, mode {run['mode']})"),
        ("status", styled(run["status"])),
        ("created", format_time(run["createdAt"])),
        ("started", format_time(run["startTime"])),
        ("ended", format_time(run["endTime"])),
        ("duration", format_duration(run["startTime"], run["endTime"])),
        ("tags", " ".join(f"{t['key']}={t['value']}" for t in run["tags"]) or "-"),
        ("parent run", run["parentRunId"] or "-"),
        ("root run", run["rootRunId"] or "-"),
        ("steps selected", ", ".join(run["stepSelection"] or []) or "all"),
    ]
    for label, value in rows:
        click.echo(f"{label + ':':<16}{value}")
    config = run["runConfig"]
    if config:
        click.echo("run config:")
        click.echo("  " + yaml.safe_dump(config, sort_keys=False).rstrip().replace("\n", "\n  "))
