"""`lodestar asset ...`: the asset catalog: list, show, lineage trees and wipe."""

from __future__ import annotations

import sys
from typing import Any

import click

from cli import documents
from cli.errors import CliError
from cli.options import json_option, uses_control_plane
from cli.output import format_time, print_json, print_table


@click.group("asset")
def asset_group() -> None:
    """Inspect assets (KEY is slash-separated: `schema/table`), their history and lineage."""


@asset_group.command("list")
@click.option("--prefix", help="Only keys starting with this (`schema/` for one schema).")
@json_option
@uses_control_plane
def list_assets(client, prefix, as_json) -> None:
    """List the assets that are defined or materialized, in key order."""
    result = client.result(documents.ASSETS, {"prefix": prefix}, "assets", "AssetConnection")
    assets = result["nodes"]
    if as_json:
        print_json(assets)
        return
    print_table(
        ["ASSET", "MATERIALIZATIONS", "LAST MATERIALIZED", "LAST RUN", "DEFINED BY"],
        [
            [
                a["key"]["key"],
                a["materializationCount"],
                format_time((a["latestMaterialization"] or {}).get("timestamp")),
                (a["latestMaterialization"] or {}).get("runId") or "-",
                _producers(a["definedBy"]),
            ]
            for a in assets
        ],
    )


@asset_group.command("show")
@click.argument("key")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 1000))
@click.option("--cursor", help="Continue after this materialization cursor.")
@click.option("--partition", help="Only materializations of this partition.")
@json_option
@uses_control_plane
def show(client, key, limit, cursor, partition, as_json) -> None:
    """Show an asset: where it is defined and its latest materializations, newest first."""
    variables = {"key": key, "limit": limit, "cursor": cursor, "partition": partition}
    asset = client.result(documents.ASSET, variables, "asset", "Asset")
    page = asset["materializations"]
    if page["__typename"] != "AssetMaterializationConnection":
        raise CliError(page["message"])
    if as_json:
        print_json(asset)
        return
    rows = [
        ("asset", asset["key"]["key"]),
        ("defined by", _producers(asset["definedBy"], with_location=True)),
        ("materializations", asset["materializationCount"]),
        ("wiped", format_time(asset["wipedAt"])),
    ]
    for label, value in rows:
        click.echo(f"{label + ':':<18}{value}")
    if page["nodes"]:
        click.echo()
        print_table(
            ["TIME", "RUN ID", "STEP", "PARTITION", "METADATA", "DESCRIPTION"],
            [
                [
                    format_time(m["timestamp"]),
                    m["runId"],
                    m["stepKey"],
                    m["partition"] or "-",
                    " ".join(f"{k}={v}" for k, v in (m["metadata"] or {}).items()) or "-",
                    m["description"] or "",
                ]
                for m in page["nodes"]
            ],
        )
    if page["hasMore"]:
        click.echo(f"more materializations: --cursor {page['cursor']}", err=True)


@asset_group.command("lineage")
@click.argument("key")
@click.option(
    "--upstream/--downstream",
    default=True,
    help="The assets it is computed from (default), or those computed from it.",
)
@click.option("--depth", type=click.IntRange(min=0), help="Levels to show (default: all).")
@json_option
@uses_control_plane
def lineage(client, key, upstream, depth, as_json) -> None:
    """Show an asset's lineage as a tree: its parents (or children), theirs, and so on."""
    variables = {
        "key": key,
        "direction": "UPSTREAM" if upstream else "DOWNSTREAM",
        "depth": depth,
    }
    asset = client.result(documents.ASSET_LINEAGE, variables, "asset", "Asset")
    tree = asset["lineage"]
    if tree["__typename"] != "AssetLineage":
        raise CliError(tree["message"])
    if as_json:
        print_json(tree)
        return
    for line in tree_lines(tree["nodes"]):
        click.echo(line)


@asset_group.command("wipe")
@click.argument("key")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@json_option
@uses_control_plane
def wipe(client, key, yes, as_json) -> None:
    """Remove an asset's materializations from the catalog (the event log keeps them)."""
    if not yes:
        variables = {"key": key, "limit": 1, "cursor": None, "partition": None}
        asset = client.result(documents.ASSET, variables, "asset", "Asset")
        if not sys.stdin.isatty():
            raise CliError(f"not wiping {key} without confirmation: pass --yes")
        count = asset["materializationCount"]
        if not click.confirm(f"wipe the {count} materializations of {key}?"):
            raise CliError("nothing wiped")
    result = client.result(documents.WIPE_ASSET, {"key": key}, "wipeAsset", "WipeAssetSuccess")
    if as_json:
        print_json(result)
    else:
        click.echo(f"wiped {result['wiped']} materializations of {result['key']['key']}")


def tree_lines(nodes: list[dict[str, Any]]) -> list[str]:
    """Lines drawing a depth-first list of lineage nodes as a tree (`├──`, `└──`)."""
    lines = []
    open_levels: list[bool] = []  # per ancestor level: does it have siblings still to come?
    for node, has_next_sibling in zip(nodes, _next_sibling_flags(nodes), strict=True):
        depth = node["depth"]
        label = click.style(node["key"]["key"], bold=True) + _annotation(node)
        if depth == 0:
            lines.append(label)
        else:
            guides = "".join("│   " if more else "    " for more in open_levels[1:depth])
            lines.append(f"{guides}{'├── ' if has_next_sibling else '└── '}{label}")
        del open_levels[depth:]
        open_levels.append(has_next_sibling)
    return lines


def _next_sibling_flags(nodes: list[dict[str, Any]]) -> list[bool]:
    """For each node of a depth-first list, whether a sibling follows it (one backward pass)."""
    flags: list[bool] = []
    seen: list[bool] = []  # per depth: a node of that depth follows, under the same parent
    for node in reversed(nodes):
        depth = node["depth"]
        flags.append(depth < len(seen) and seen[depth])
        seen = seen[:depth] + [False] * (depth - len(seen)) + [True]
    return flags[::-1]


def _annotation(node: dict[str, Any]) -> str:
    notes = []
    latest = node["latestMaterialization"]
    notes.append(f"materialized {format_time(latest['timestamp'])}" if latest else "never")
    if node["via"] == ["MATERIALIZATION"]:
        notes.append("recorded, not in the current definitions")
    if node["repeated"]:
        notes.append("shown above")
    if node["truncated"]:
        notes.append("more beyond --depth")
    return "  " + click.style(f"({'; '.join(notes)})", dim=True)


def _producers(producers: list[dict[str, Any]], with_location: bool = False) -> str:
    texts = []
    for p in producers:
        text = f"{p['pipeline']}.{p['solid']}"
        if p["output"] != "result":
            text += f".{p['output']}"
        texts.append(text + (f" ({p['location']})" if with_location else ""))
    return ", ".join(texts) or "-"
