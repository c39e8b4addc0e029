"""`lodestar partition ...`: partition sets, their status matrix and each partition's runs."""

from __future__ import annotations

import click

from cli import documents
from cli.options import json_option, uses_control_plane
from cli.output import format_duration, format_time, print_json, print_table


@click.group("partition")
def partition_group() -> None:
    """Inspect partition sets and what happened to each partition."""


@partition_group.command("list")
@json_option
@uses_control_plane
def list_partition_sets(client, as_json) -> None:
    """List the partition sets of every loaded code location."""
    result = client.result(documents.PARTITION_SETS, {}, "partitionSets", "PartitionSetConnection")
    sets = result["nodes"]
    if as_json:
        print_json(sets)
        return
    print_table(
        ["PARTITION SET", "PIPELINE", "LOCATION", "PARTITIONS", "DESCRIPTION"],
        [
            [
                s["name"],
                s["pipelineName"],
                s["location"],
                s["partitions"].get("count", "?"),
                (s["description"] or "").strip().split("\n", 1)[0],
            ]
            for s in sets
        ],
    )


@partition_group.command("status")
@click.argument("partition_set")
@json_option
@uses_control_plane
def status(client, partition_set, as_json) -> None:
    """Show the latest status of each solid for each partition (one row per partition).

    SUCCESS, FAILURE, SKIPPED, IN_PROGRESS, UP_FOR_RETRY, or MISSING where no run has run
    the solid; coloured on a terminal.
    """
    matrix = client.result(
        documents.STATUS_MATRIX, {"partitionSet": partition_set}, "statusMatrix", "StatusMatrix"
    )
    if as_json:
        print_json(matrix)
        return
    print_table(
        ["PARTITION", *matrix["solids"]],
        [[row["partition"], *row["statuses"]] for row in matrix["rows"]],
    )


@partition_group.command("history")
@click.argument("partition_set")
@click.argument("partition")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--cursor", help="Continue after this run id (the last of the previous page).")
@json_option
@uses_control_plane
def history(client, partition_set, partition, limit, cursor, as_json) -> None:
    """List the runs of one partition, newest first."""
    variables = {
        "partitionSet": partition_set,
        "partition": partition,
        "limit": limit,
        "cursor": cursor,
    }
    page = client.result(documents.PARTITION_RUNS, variables, "partitionRuns", "RunConnection")
    runs = page["nodes"]
    if as_json:
        print_json(runs)
        return
    print_table(
        ["RUN ID", "STATUS", "CREATED", "DURATION", "PARENT RUN", "BACKFILL"],
        [
            [
                r["runId"],
                r["status"],
                format_time(r["createdAt"]),
                format_duration(r["startTime"], r["endTime"]),
                r["parentRunId"] or "-",
                _tag(r, "lodestar/backfill") or "-",
            ]
            for r in runs
        ],
    )
    if page["hasMore"]:
        click.echo(f"more runs: --cursor {page['cursor']}", err=True)


def _tag(run: dict, key: str) -> str | None:
    return next((t["value"] for t in run["tags"] if t["key"] == key), None)
