"""`lodestar location ...`: the workspace's code locations, their status, and reload."""

from __future__ import annotations

import sys
import time
from typing import Any

import click

from cli import documents
from cli.errors import CliError
from cli.options import json_option, uses_control_plane
from cli.output import print_json, print_table, styled


@click.group("location")
def location_group() -> None:
    """Inspect and reload code locations."""


@location_group.command("list")
@json_option
@uses_control_plane
def list_locations(client, as_json) -> None:
    """List the code locations: status (LOADING, LOADED, ERROR), address, pipelines."""
    result = client.result(documents.CODE_LOCATIONS, {}, "codeLocations", "CodeLocationConnection")
    locations = [_as_record(loc) for loc in result["nodes"]]
    if as_json:
        print_json(locations)
        return
    print_table(
        ["LOCATION", "STATUS", "ADDRESS", "PIPELINES", "ERROR"],
        [
            [loc["name"], loc["status"], loc["address"], len(loc["pipelines"]), _summary(loc)]
            for loc in locations
        ],
    )


WAIT_POLL_S = 0.2


@location_group.command("wait")
@click.option(
    "--timeout",
    default=60.0,
    show_default=True,
    type=click.FloatRange(min=0),
    help="Seconds to wait before giving up.",
)
@uses_control_plane
def wait(client, timeout) -> None:
    """Wait until the control plane answers and no code location is LOADING (right after
    `lodestar up &`); exits 1 if a location failed to load."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = client.result(
                documents.CODE_LOCATIONS, {}, "codeLocations", "CodeLocationConnection"
            )
            if all(loc["status"] != "LOADING" for loc in result["nodes"]):
                break
            reason = "code locations still loading"
        except CliError as error:  # not serving yet
            reason = error.message
        if time.monotonic() >= deadline:
            raise CliError(f"not ready after {timeout:g} s: {reason}")
        time.sleep(WAIT_POLL_S)
    failed = [loc for loc in result["nodes"] if loc["status"] != "LOADED"]
    for loc in result["nodes"]:
        detail = f": {_summary(loc)}" if loc in failed else ""
        click.echo(f"code location {loc['name']}: {styled(loc['status'])}{detail}")
    if failed:
        sys.exit(1)


@location_group.command("reload")
@click.argument("name")
@json_option
@uses_control_plane
def reload(client, name, as_json) -> None:
    """Reload a code location: a server Lodestar started is replaced by a new one running
    the current code; an external one is reconnected. Exits 1 when the load failed."""
    result = client.result(
        documents.RELOAD_CODE_LOCATION, {"name": name}, "reloadCodeLocation", "CodeLocation"
    )
    location = _as_record(result)
    if as_json:
        print_json(location)
    else:
        count = len(location["pipelines"])
        click.echo(
            f"code location {location['name']}: {styled(location['status'])} "
            f"({location['address']}, {count} pipeline{'' if count == 1 else 's'})"
        )
    if location["status"] != "LOADED":
        click.echo((location["error"] or "not loaded").rstrip(), err=True)
        sys.exit(1)


def _as_record(location: dict[str, Any]) -> dict[str, Any]:
    """The location as the CLI prints it in JSON: pipelines by name."""
    return {
        "name": location["name"],
        "status": location["status"],
        "address": location["address"],
        "serverId": location["serverId"],
        "pipelines": [p["name"] for p in location["pipelines"]],
        "error": location["error"],
    }


def _summary(location: dict[str, Any]) -> str:
    """The error's first line (a load error's traceback follows it)."""
    return (location["error"] or "").strip().split("\n", 1)[0]
