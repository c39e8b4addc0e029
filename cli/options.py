"""Options several commands share: --url, --json, -c config files, --tag."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import Any

import click
import yaml

from cli.errors import CliError
from cli.graphql_client import DEFAULT_URL, TOKEN_ENV, GraphQLClient
from control_plane import yaml_loader

DEFAULT_WORKSPACE = "workspace.yaml"

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON.")

config_option = click.option(
    "-c",
    "--config",
    "config_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Run config YAML file; several are merged deeply, later ones winning.",
)


solid_option = click.option(
    "--solid",
    "solids",
    multiple=True,
    help="Run only this solid (repeatable); its inputs must come from config or defaults.",
)


def _parse_tags(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict:
    tags = {}
    for value in values:
        key, sep, tag_value = value.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"expected KEY=VALUE, got {value!r}")
        tags[key] = tag_value
    return tags


tag_option = click.option(
    "--tag", "tags", multiple=True, metavar="KEY=VALUE", callback=_parse_tags, help="Run tag."
)


def uses_control_plane(command: Callable[..., Any]) -> Callable[..., Any]:
    """Adds `--url` (env LODESTAR_URL) and passes the command a `client` sending the API
    token of $LODESTAR_TOKEN (never an option: argv is visible to every user)."""

    @click.option(
        "--url",
        envvar="LODESTAR_URL",
        default=DEFAULT_URL,
        show_default=True,
        help="GraphQL endpoint of the control plane (env LODESTAR_URL).",
    )
    @functools.wraps(command)
    def with_client(*args: Any, url: str, **kwargs: Any) -> Any:
        return command(*args, client=GraphQLClient(url, os.environ.get(TOKEN_ENV)), **kwargs)

    return with_client


def load_run_config(paths: tuple[str, ...]) -> dict:
    """The YAML files merged deeply in order: mappings merge, anything else is replaced."""
    config: dict = {}
    for path in paths:
        with open(path) as f:
            try:
                document = yaml_loader.load(f)
            except yaml.YAMLError as error:
                raise CliError(f"{path}: cannot load YAML: {error}") from None
        if document is None:
            continue
        if not isinstance(document, dict):
            raise CliError(f"{path}: a run config must be a mapping at the top level")
        config = deep_merge(config, document)
    return config


def deep_merge(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def workspace_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Adds `-w/--workspace` and `-f/--python-file` (the code locations to serve)."""
    command = click.option(
        "-f", "--python-file", type=click.Path(dir_okay=False), help="A single repository file."
    )(command)
    return click.option(
        "-w", "--workspace", type=click.Path(dir_okay=False), help="Workspace file."
    )(command)


def load_workspace_option(workspace: str | None, python_file: str | None):
    """The Workspace of `-w` or `-f`, else of ./workspace.yaml; usage errors otherwise."""
    if workspace and python_file:
        raise click.UsageError("give -w WORKSPACE or -f FILE, not both")
    if not (workspace or python_file or os.path.exists(DEFAULT_WORKSPACE)):
        raise click.UsageError(f"no {DEFAULT_WORKSPACE} here: give -w WORKSPACE or -f FILE")
    from control_plane.workspace import Workspace, load_workspace  # only for commands serving

    if python_file:
        return Workspace.from_python_file(python_file)
    return load_workspace(workspace or DEFAULT_WORKSPACE)
