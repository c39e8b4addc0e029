"""`lodestar instance ...`: the local instance ($LODESTAR_HOME): schema and settings."""

from __future__ import annotations

import click

from cli.options import json_option
from cli.output import print_json


@click.group("instance")
def instance_group() -> None:
    """Manage the instance in $LODESTAR_HOME (default ./.lodestar)."""


@instance_group.command("migrate")
def migrate() -> None:
    """Upgrade the storage schema to the current version."""
    from control_plane.instance import Instance  # storage libraries load only when needed

    before, after = Instance.from_env().migrate()
    if before == after:
        click.echo(f"storage schema already at revision {after}")
    else:
        click.echo(f"storage schema migrated from revision {before or '(empty)'} to {after}")


@instance_group.command("info")
@json_option
def info(as_json) -> None:
    """Show the instance: paths, storage, schema revision, run count."""
    from control_plane.instance import Instance

    details = Instance.from_env().info()
    if as_json:
        print_json(details)
        return
    width = max(len(k) for k in details) + 2
    for key, value in details.items():
        click.echo(f"{key + ':':<{width}}{'-' if value is None else value}")
