"""`lodestar schedule ...` and `lodestar sensor ...`: list, start, stop and preview them."""

from __future__ import annotations

import json
from typing import Any

import click

from cli import documents
from cli.errors import CliError
from cli.options import json_option, uses_control_plane
from cli.output import format_time, print_json, print_table, styled


@click.group("schedule")
def schedule_group() -> None:
    """Cron schedules: the daemon launches a run at each due time while one is RUNNING."""


@schedule_group.command("list")
@json_option
@uses_control_plane
def list_schedules(client, as_json) -> None:
    """Schedules with their state, cron, next tick and last tick."""
    result = client.result(documents.SCHEDULES, {}, "schedules", "ScheduleConnection")
    if as_json:
        print_json(result["nodes"])
        return
    print_table(
        ["SCHEDULE", "STATUS", "PIPELINE", "CRON", "TIME ZONE", "NEXT TICK", "LAST TICK"],
        [
            [
                s["name"],
                "MISSING" if s["definitionMissing"] else s["status"],
                s["pipelineName"],
                s["cronSchedule"],
                s["executionTimezone"],
                format_time(s["nextTickTimestamp"]),
                _last_tick(s["lastTick"]),
            ]
            for s in result["nodes"]
        ],
    )


@schedule_group.command("start")
@click.argument("name")
@json_option
@uses_control_plane
def start_schedule(client, name, as_json) -> None:
    """Start NAME: from now on each due time launches its run, once."""
    _report(client, documents.START_SCHEDULE, name, "startSchedule", "Schedule", as_json)


@schedule_group.command("stop")
@click.argument("name")
@json_option
@uses_control_plane
def stop_schedule(client, name, as_json) -> None:
    """Stop NAME."""
    _report(client, documents.STOP_SCHEDULE, name, "stopSchedule", "Schedule", as_json)


@schedule_group.command("preview")
@click.argument("name")
@click.option("--ticks", default=3, show_default=True, help="How many next due times.")
@json_option
@uses_control_plane
def preview_schedule(client, name, ticks, as_json) -> None:
    """What NAME would request at its next due times (nothing is launched)."""
    variables = {"name": name, "count": ticks}
    found = client.result(documents.PREVIEW_SCHEDULE, variables, "schedule", "Schedule")
    _print_preview(found["preview"], as_json)


@click.group("sensor")
def sensor_group() -> None:
    """Sensors: the daemon evaluates each RUNNING one every minimum interval."""


@sensor_group.command("list")
@json_option
@uses_control_plane
def list_sensors(client, as_json) -> None:
    """Sensors with their state, interval, cursor and last tick."""
    result = client.result(documents.SENSORS, {}, "sensors", "SensorConnection")
    if as_json:
        print_json(result["nodes"])
        return
    print_table(
        ["SENSOR", "STATUS", "PIPELINE", "INTERVAL", "CURSOR", "LAST TICK"],
        [
            [
                s["name"],
                "MISSING" if s["definitionMissing"] else s["status"],
                "(failures)" if s["isPipelineFailureSensor"] else s["pipelineName"],
                f"{s['minimumIntervalSeconds']:g}s" if s["minimumIntervalSeconds"] else "-",
                s["cursor"] or "-",
                _last_tick(s["lastTick"]),
            ]
            for s in result["nodes"]
        ],
    )


@sensor_group.command("start")
@click.argument("name")
@json_option
@uses_control_plane
def start_sensor(client, name, as_json) -> None:
    """Start NAME: evaluated at once, then every minimum interval, from its cursor."""
    _report(client, documents.START_SENSOR, name, "startSensor", "Sensor", as_json)


@sensor_group.command("stop")
@click.argument("name")
@json_option
@uses_control_plane
def stop_sensor(client, name, as_json) -> None:
    """Stop NAME (its cursor is kept)."""
    _report(client, documents.STOP_SENSOR, name, "stopSensor", "Sensor", as_json)


@sensor_group.command("preview")
@click.argument("name")
@click.option("--cursor", default=None, help="Evaluate from this cursor (default: its own).")
@json_option
@uses_control_plane
def preview_sensor(client, name, cursor, as_json) -> None:
    """What one evaluation of NAME would request (nothing is launched or stored)."""
    variables = {"name": name, "cursor": cursor}
    found = client.result(documents.PREVIEW_SENSOR, variables, "sensor", "Sensor")
    _print_preview(found["preview"], as_json)


def _report(client, document: str, name: str, field: str, kind: str, as_json: bool) -> None:
    found = client.result(document, {"name": name}, field, kind)
    if as_json:
        print_json(found)
        return
    click.echo(f"{kind.lower()} {found['name']}: {styled(found['status'])}")
    if found.get("nextTickTimestamp"):
        click.echo(f"next tick: {format_time(found['nextTickTimestamp'])}")


def _print_preview(preview: dict[str, Any], as_json: bool) -> None:
    if preview["__typename"] != "TickPreviews":
        raise CliError(preview["message"])
    if as_json:
        print_json(preview["nodes"])
        return
    for tick in preview["nodes"]:
        when = f"{format_time(tick['timestamp'])}: " if tick["timestamp"] else ""
        if tick["error"]:
            click.echo(f"{when}{styled('FAILURE')}\n{tick['error']}")
        elif not tick["runs"]:
            click.echo(f"{when}{styled('SKIPPED')} {tick['skipReason'] or ''}".rstrip())
        for run in tick["runs"]:
            key = f" run key {run['runKey']}" if run["runKey"] else ""
            tags = " ".join(f"{t['key']}={t['value']}" for t in run["tags"])
            click.echo(f"{when}run{key} {tags}".rstrip())
            click.echo(f"  run config: {json.dumps(run['runConfig'])}")
        if tick["cursor"] is not None:
            click.echo(f"new cursor: {tick['cursor']}")


def _last_tick(tick: dict[str, Any] | None) -> str:
    if tick is None:
        return "-"
    return f"{format_time(tick['timestamp'])} {tick['status']}"
