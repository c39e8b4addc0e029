"""`lodestar backfill ...`: launch backfills over partitions, follow, list and cancel them."""

from __future__ import annotations

from typing import Any

import click

from cli import documents
from cli.backfill_progress import (
    STATE_STYLES,
    counts_text,
    progress_display,
    progress_line,
    succeeded,
    wait_for_backfill,
)
from cli.options import json_option, tag_option, uses_control_plane
from cli.output import format_time, print_json, print_table, styled

BACKFILL_STATUSES = ["REQUESTED", "COMPLETED", "CANCELED", "FAILED"]


@click.group("backfill")
def backfill_group() -> None:
    """Run a partition set's pipeline once per partition, and follow it."""


@backfill_group.command("launch")
@click.argument("partition_set")
@click.option("--all", "all_partitions", is_flag=True, help="Every partition of the set.")
@click.option("--partitions", metavar="A,B,...", help="These partitions (comma-separated).")
@click.option("--from", "from_partition", metavar="A", help="From this partition (included).")
@click.option("--to", "to_partition", metavar="B", help="Up to this partition (included).")
@click.option(
    "--from-failure",
    is_flag=True,
    help="Re-execute from failure the partitions whose latest run failed; skip those whose "
    "latest run succeeded.",
)
@tag_option
@click.option(
    "--wait",
    is_flag=True,
    help="Show the progress until every run has ended; exit code 1 if any partition failed.",
)
@json_option
@uses_control_plane
def launch(
    client,
    partition_set,
    all_partitions,
    partitions,
    from_partition,
    to_partition,
    from_failure,
    tags,
    wait,
    as_json,
) -> None:
    """Launch a backfill of PARTITION_SET: --all, --partitions a,b or --from A --to B."""
    names = _partition_list(partitions)
    ranged = from_partition is not None or to_partition is not None
    if sum([all_partitions, names is not None, ranged]) != 1:
        raise click.UsageError("choose the partitions one way: --all, --partitions or --from/--to")
    variables = {
        "partitionSet": partition_set,
        "partitions": names,
        "fromPartition": from_partition,
        "toPartition": to_partition,
        "all": all_partitions,
        "fromFailure": from_failure,
        "tags": [{"key": k, "value": v} for k, v in tags.items()],
    }
    result = client.result(
        documents.LAUNCH_BACKFILL, variables, "launchBackfill", "LaunchBackfillSuccess"
    )
    backfill = result["backfill"]
    requested = backfill["progress"]["requested"]
    if not wait:
        if as_json:
            print_json(backfill)
        else:
            click.echo(
                f"launched backfill {backfill['backfillId']} of {partition_set} "
                f"over {requested} partitions"
            )
        return
    if as_json:
        wait_for_backfill(client, backfill["backfillId"], lambda b: None)
        final = _backfill(client, backfill["backfillId"])
        print_json(final)
    else:
        click.echo(f"backfill {backfill['backfillId']} of {partition_set}: {requested} partitions")
        with progress_display(backfill["backfillId"]) as display:
            final = wait_for_backfill(client, backfill["backfillId"], display.update)
        click.echo(progress_line(final))
        if final["error"]:
            click.echo(f"submission failed: {final['error']}", err=True)
    if not succeeded(final):
        raise click.exceptions.Exit(1)


@backfill_group.command("list")
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(BACKFILL_STATUSES, case_sensitive=False),
    help="Only backfills in this status (repeatable).",
)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--cursor", help="Continue after this backfill id (the last of the previous page).")
@click.option("-q", "--quiet", is_flag=True, help="Print only the backfill ids, one a line.")
@json_option
@uses_control_plane
def list_backfills(client, statuses, limit, cursor, quiet, as_json) -> None:
    """List backfills, newest first, with their progress."""
    variables = {"status": [s.upper() for s in statuses] or None, "limit": limit, "cursor": cursor}
    page = client.result(documents.BACKFILLS, variables, "backfills", "BackfillConnection")
    backfills = page["nodes"]
    if as_json:
        print_json(backfills)
        return
    if quiet:
        for backfill in backfills:
            click.echo(backfill["backfillId"])
        return
    print_table(
        ["BACKFILL ID", "PARTITION SET", "STATUS", "DONE", "COUNTS", "CREATED"],
        [
            [
                b["backfillId"],
                b["partitionSet"],
                b["progress"]["state"],
                f"{b['progress']['done']}/{b['progress']['requested']}",
                counts_text(b["progress"]),
                format_time(b["createdAt"]),
            ]
            for b in backfills
        ],
    )
    if page["hasMore"]:
        click.echo(f"more backfills: --cursor {page['cursor']}", err=True)


@backfill_group.command("status")
@click.argument("backfill_id")
@json_option
@uses_control_plane
def status(client, backfill_id, as_json) -> None:
    """Show a backfill: its partition set, status and the progress of its partitions."""
    backfill = _backfill(client, backfill_id)
    if as_json:
        print_json({**backfill, "partitionStatuses": _partition_statuses(client, backfill_id)})
        return
    progress = backfill["progress"]
    names = backfill["partitionNames"]
    shown = ", ".join(names[:3]) + (f", ... {names[-1]}" if len(names) > 3 else "")
    rows = [
        ("backfill", backfill["backfillId"]),
        ("partition set", f"{backfill['partitionSet']} (location {backfill['location']})"),
        ("status", styled(progress["state"], STATE_STYLES.get(progress["state"]))),
        ("created", format_time(backfill["createdAt"])),
        ("partitions", f"{len(names)}: {shown}"),
        ("from failure", "yes" if backfill["fromFailure"] else "no"),
        ("tags", " ".join(f"{t['key']}={t['value']}" for t in backfill["tags"]) or "-"),
        ("submitted", f"{progress['submitted']}/{progress['requested']}"),
        ("done", f"{progress['done']}/{progress['requested']}"),
    ]
    for label, value in rows:
        click.echo(f"{label + ':':<16}{value}")
    for label in ("succeeded", "failed", "inProgress", "queued", "skipped", "canceled"):
        click.echo(f"  {_label(label) + ':':<14}{progress[label]}")
    if progress["failed"]:
        statuses = _partition_statuses(client, backfill_id)
        failed = [p for p in statuses if p["status"] == "FAILED"]
        click.echo(f"{'failed:':<16}{len(failed)} partition{'' if len(failed) == 1 else 's'}")
        for partition in failed[:MAX_FAILED_SHOWN]:
            click.echo(f"  {partition['partition']}  run {partition['runId']}")
        if len(failed) > MAX_FAILED_SHOWN:
            click.echo(f"  ... and {len(failed) - MAX_FAILED_SHOWN} more (--json lists them all)")
    if backfill["error"]:
        click.echo(f"{'error:':<16}{backfill['error']}")


@backfill_group.command("cancel")
@click.argument("backfill_id")
@click.option("--terminate", is_flag=True, help="Also terminate the runs in progress.")
@json_option
@uses_control_plane
def cancel(client, backfill_id, terminate, as_json) -> None:
    """Stop submitting a backfill's partitions and cancel its queued runs."""
    variables = {"backfillId": backfill_id, "terminate": terminate}
    result = client.result(
        documents.CANCEL_BACKFILL, variables, "cancelBackfill", "CancelBackfillSuccess"
    )
    backfill = result["backfill"]
    if as_json:
        print_json(backfill)
        return
    click.echo(progress_line(backfill))
    if terminate:
        click.echo("runs in progress are terminating", err=True)


def _backfill(client, backfill_id: str) -> dict[str, Any]:
    return client.result(documents.BACKFILL, {"id": backfill_id}, "backfill", "Backfill")


def _partition_statuses(client, backfill_id: str) -> list[dict[str, Any]]:
    found = client.result(
        documents.BACKFILL_PARTITIONS, {"id": backfill_id}, "backfill", "Backfill"
    )
    return found["partitionStatuses"]


def _partition_list(value: str | None) -> list[str] | None:
    if value is None:
        return None
    names = [name.strip() for name in value.split(",") if name.strip()]
    if not names:
        raise click.BadParameter("no partition names given", param_hint="--partitions")
    return names


MAX_FAILED_SHOWN = 20


def _label(camel: str) -> str:
    return "in progress" if camel == "inProgress" else camel
