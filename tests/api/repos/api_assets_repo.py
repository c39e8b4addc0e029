"""Assets the API and CLI tests read through a real control plane.

raw/events -> clean/events -> reports/daily (yielded, with metadata and the partition)
                           -> reports/weekly
`summarize` has no asset key: lineage looks through it.
"""

from user_code_server import (
    AssetKey,
    AssetMaterialization,
    Output,
    OutputDefinition,
    PartitionSetDefinition,
    pipeline,
    repository,
    solid,
)


@solid(output_defs=[OutputDefinition(list, asset_key=AssetKey(["raw", "events"]))])
def ingest(context):
    return [1, 2, 3, 4]


@solid(output_defs=[OutputDefinition(list, asset_key=AssetKey(["clean", "events"]))])
def clean(context, events: list):
    return [e for e in events if e % 2 == 0]


@solid
def summarize(context, events: list) -> int:
    return sum(events)


@solid
def daily_report(context, total: int):
    yield AssetMaterialization(
        asset_key=["reports", "daily"],
        description="the daily report",
        metadata={"total": total},
        partition=context.partition_key,
    )
    yield Output(total)


@solid(output_defs=[OutputDefinition(int, asset_key=AssetKey(["reports", "weekly"]))])
def weekly_report(context, events: list) -> int:
    return len(events)


@pipeline(description="Ingests, cleans and reports events.")
def warehouse():
    events = clean(ingest())
    daily_report(summarize(events))
    weekly_report(events)


warehouse_days = PartitionSetDefinition(
    name="warehouse_days",
    pipeline_name="warehouse",
    partitions=["d1", "d2"],
)


@repository
def api_assets_repo():
    return [warehouse, warehouse_days]
