"""The daily sales example's solids with a gate that fails the days listed in the file
$LODESTAR_UI_FAILING_DAYS (one a line), over January 2026: backfills that fail some days.
While a file `hold` lies beside that one, the gate holds every run of February 2026 at it:
a backfill of February keeps runs in progress and queued until it is terminated."""

import os
import runpy
import time
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
    while context.partition_key.startswith("2026-02") and listed.with_name("hold").exists():
        time.sleep(0.05)  # held until the test lets go (or terminates the run)
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

flaky_sales_feb = PartitionSetDefinition(
    name="flaky_sales_feb",
    pipeline_name="flaky_sales",
    partition_fn=date_partition_range(datetime(2026, 2, 1), datetime(2026, 3, 1)),
    run_config_fn_for_partition=_EXAMPLE["_run_config"],
)
