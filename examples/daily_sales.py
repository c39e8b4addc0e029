"""A partitioned pipeline: one run per day of 2026 extracts, cleans and reports that day's sales.

`daily_sales_2026` has one partition per day (`2026-01-01` ... `2026-12-31`); each
partition's run config sets the day and the number of orders to extract, and the run's
partition key reaches the solids as `context.partition_key`.

Backfill the whole year with:
    lodestar up -f examples/daily_sales.py
    lodestar backfill launch daily_sales_2026 --all --wait
"""

import random
from datetime import datetime
from typing import Any

from user_code_server import (
    AssetMaterialization,
    Field,
    Output,
    Partition,
    PartitionSetDefinition,
    date_partition_range,
    pipeline,
    solid,
)

STORES = ["north", "south", "east", "west"]


@solid(
    config_schema={
        "date": Field(str, description="The day to extract (YYYY-MM-DD)."),
        "orders": Field(int, default_value=50, description="How many orders the day had."),
    }
)
def extract_sales(context) -> list[dict[str, Any]]:
    """The orders of the run's partition (or of the configured day outside a backfill)."""
    day = context.partition_key or context.solid_config["date"]
    rng = random.Random(day)  # the same day always gives the same orders
    orders = [
        {
            "day": day,
            "store": rng.choice(STORES),
            "amount": round(rng.uniform(-5, 120), 2),  # refunds are negative
        }
        for _ in range(context.solid_config["orders"])
    ]
    context.log.info(f"extracted {len(orders)} orders for {day}")
    return orders


@solid
def clean_sales(context, orders: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drops refunds and zero amounts."""
    kept = [order for order in orders if order["amount"] > 0]
    context.log.info(f"kept {len(kept)} of {len(orders)} orders")
    return kept


@solid
def report(context, orders: list[dict[str, Any]]):
    """Totals the day's sales per store and records the report as an asset."""
    totals: dict[str, float] = {}
    for order in orders:
        totals[order["store"]] = round(totals.get(order["store"], 0) + order["amount"], 2)
    context.log.info(f"sales per store: {totals}")
    yield AssetMaterialization(
        asset_key=["sales", "daily_report"],
        description="Sales per store for one day",
        metadata={"stores": len(totals), "total": round(sum(totals.values()), 2)},
        partition=context.partition_key,
    )
    yield Output(totals)


@pipeline(description="extract_sales -> clean_sales -> report, once per day")
def daily_sales():
    report(clean_sales(extract_sales()))


def _run_config(partition: Partition) -> dict:
    # Weekends are busier.
    orders = 80 if partition.value.weekday() >= 5 else 50
    return {"solids": {"extract_sales": {"config": {"date": partition.name, "orders": orders}}}}


daily_sales_2026 = PartitionSetDefinition(
    name="daily_sales_2026",
    pipeline_name="daily_sales",
    partition_fn=date_partition_range(datetime(2026, 1, 1), datetime(2027, 1, 1)),
    run_config_fn_for_partition=_run_config,
    tags_fn_for_partition=lambda partition: {"weekday": partition.value.strftime("%A")},
    description="One partition per day of 2026.",
)
