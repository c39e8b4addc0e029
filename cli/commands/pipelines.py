"""`lodestar pipeline ...`: the pipelines the code locations serve, and their plans."""

from __future__ import annotations

from typing import Any

import click

from cli import documents
from cli.options import (
    config_option,
    json_option,
    load_run_config,
    solid_option,
    uses_control_plane,
)
from cli.output import print_json, print_table


@click.group("pipeline")
def pipeline_group() -> None:
    """Inspect pipelines and their execution plans."""


@pipeline_group.command("list")
@click.option("-l", "--location", help="Only pipelines of this code location.")
@json_option
@uses_control_plane
def list_pipelines(client, location, as_json) -> None:
    """List the pipelines of every code location."""
    result = client.result(documents.CODE_LOCATIONS, {}, "codeLocations", "CodeLocationConnection")
    locations = [loc for loc in result["nodes"] if location in (None, loc["name"])]
    for loc in locations:
        if loc["status"] != "LOADED":
            reason = (loc["error"] or "not loaded").strip().splitlines()[-1]
            click.echo(f"warning: code location {loc['name']} is not loaded: {reason}", err=True)
    pipelines = [
        {
            "location": loc["name"],
            "name": p["name"],
            "description": p["description"],
            "solids": [s["name"] for s in p["solids"]],
        }
        for loc in locations
        for p in loc["pipelines"]
    ]
    if as_json:
        print_json(pipelines)
        return
    print_table(
        ["LOCATION", "PIPELINE", "SOLIDS", "DESCRIPTION"],
        [
            [p["location"], p["name"], len(p["solids"]), _first_line(p["description"])]
            for p in pipelines
        ],
    )


@pipeline_group.command("show")
@click.argument("name")
@click.option("-l", "--location", help="Code location (needed if several define NAME).")
@json_option
@uses_control_plane
def show(client, name, location, as_json) -> None:
    """Show a pipeline's logical plan: each solid, its inputs and where they come from.

    Mapped solids read `name[?]`; inputs read `<- map(solid)` for one value per mapping
    key and `<- collect(solid)` for the list of all of them.
    """
    variables = {"name": name, "location": location}
    pipeline = client.result(documents.PIPELINE, variables, "pipeline", "Pipeline")
    if as_json:
        print_json(pipeline)
        return
    click.echo(f"pipeline {click.style(pipeline['name'], bold=True)} ({pipeline['location']})")
    if pipeline["description"]:
        click.echo(f"  {_first_line(pipeline['description'])}")
    for mode in pipeline["modes"]:
        resources = ", ".join(r["name"] for r in mode["resources"]) or "no resources"
        click.echo(f"  mode {mode['name']}: {resources}")
    click.echo()
    for solid in pipeline["solids"]:
        _print_solid(solid)


@pipeline_group.command("plan")
@click.argument("name")
@click.option("-l", "--location", help="Code location (needed if several define NAME).")
@config_option
@click.option("--mode", help="Mode (default: the pipeline's first).")
@solid_option
@json_option
@uses_control_plane
def plan(client, name, location, config_files, mode, solids, as_json) -> None:
    """Show the execution plan a run with this config would follow (or the config errors)."""
    variables = {
        "pipeline": name,
        "location": location,
        "runConfig": load_run_config(config_files),
        "mode": mode,
        "solidSelection": list(solids) or None,
    }
    result = client.result(documents.EXECUTION_PLAN, variables, "executionPlan", "ExecutionPlan")
    if as_json:
        print_json(result)
        return
    click.echo(f"plan of {result['pipeline']} (mode {result['mode']})")
    print_table(
        ["STEP", "FROM", "OUTPUTS"],
        [
            [
                step["key"],
                ", ".join(_sources(step["inputs"])),
                ", ".join(_output_text(o) for o in step["outputs"]),
            ]
            for step in result["steps"]
        ],
    )


def _print_solid(solid: dict[str, Any]) -> None:
    key = solid["name"]
    if solid["mappedOver"]:
        key += "[" + ",".join("?" for _ in solid["mappedOver"]) + "]"
    sources = _sources(solid["inputs"])
    header = click.style(key, bold=True) + (f" <- {', '.join(sources)}" if sources else "")
    click.echo(header)
    for inp in solid["inputs"]:
        froms = ", ".join(_source_text(s) for s in inp["sources"])
        click.echo(f"    in   {inp['name']}: {inp['type']}" + (f" <- {froms}" if froms else ""))
    for out in solid["outputs"]:
        asset = f"  asset {out['assetKey']['key']}" if out["assetKey"] else ""
        click.echo(f"    out  {out['name']}: {out['type']}{_dynamic(out)}{asset}")


def _sources(inputs: list[dict[str, Any]]) -> list[str]:
    texts = [_source_text(s) for i in inputs for s in i["sources"]]
    return list(dict.fromkeys(texts))


def _source_text(source: dict[str, Any]) -> str:
    ref = source["solid"]
    if source["output"] != "result":
        ref += f".{source['output']}"
    return {"MAPPED": f"map({ref})", "COLLECT": f"collect({ref})"}.get(source["kind"], ref)


def _output_text(output: dict[str, Any]) -> str:
    return output["name"] + _dynamic(output)


def _dynamic(output: dict[str, Any]) -> str:
    return " (dynamic)" if output["isDynamic"] else ""


def _first_line(text: str | None) -> str:
    return (text or "").strip().split("\n", 1)[0]
