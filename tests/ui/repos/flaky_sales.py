"""The daily sales example's solids with a gate that fails the days listed in the file
$LODESTAR_UI_FAILING_DAYS (one a line), over January 2026: backfills that fail some days."""

import os
import runpy
from datetime import datetime
from pathlib import Path

from user_code_server import PartitionSetDefinition, date_partition_range, pipeline, solid

_EXAMPLE = runpy.run_path(str(Path(__file__).resolve().parents[3] / "examples" / "daily_sales.py"))
extract_sales = _EXAMPLE["extract_sales"]
clean_sales = _EXAMPLE["clean_sales"]
report = _EXAMPLE["report"]


@solid
def check_day(context, orders: list) -> list:
    """Fails the days listed in the failing-days file."""
    listed = Path(os.environ.get("LODESTAR_UI_FAILING_DAYS", "/nonexistent"))
    if listed.exists() and context.partition_key in listed.read_text().split():
        raise ValueError(f"the sales of {context.partition_key} are not in yet")
    return orders


@pipeline(description="extract_sales -> check_day -> clean_sales -> report")
def flaky_sales():
    report(clean_sales(check_day(extract_sales())))


flaky_sales_jan = PartitionSetDefinition(
    name="flaky_sales_jan",
    pipeline_name="flaky_sales",
    partition_fn=date_partition_range(datetime(2026, 1, 1), datetime(2026, 2, 1)),
    run_config_fn_for_partition=_EXAMPLE["_run_config"],
)
