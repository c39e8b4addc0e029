"""Partitioned pipelines the backfill API and CLI tests drive through a real control plane.

Partition `bad` of `letters` always fails in `transform` (so `load` is skipped). Two
environment variables slow things down for the kill tests: LODESTAR_TEST_STEP_SECONDS
(each `extract` step sleeps that long) and LODESTAR_TEST_CONFIG_SECONDS (building each
partition's run config takes that long, so the daemon submits its chunks slowly).
"""

import os
import time
from datetime import date

from user_code_server import (
    Field,
    PartitionSetDefinition,
    date_partition_range,
    pipeline,
    repository,
    solid,
)

STEP_SECONDS = float(os.environ.get("LODESTAR_TEST_STEP_SECONDS", "0"))
CONFIG_SECONDS = float(os.environ.get("LODESTAR_TEST_CONFIG_SECONDS", "0"))


@solid(config_schema={"scale": Field(int, default_value=1)})
def extract(context) -> str:
    time.sleep(STEP_SECONDS)
    return context.partition_key * context.solid_config["scale"]


@solid
def transform(context, value: str) -> str:
    if value == "bad":
        raise RuntimeError("partition 'bad' is broken on purpose")
    return value.upper()


@solid
def load(context, value: str) -> int:
    context.log.info(f"loaded {value}")
    return len(value)


@pipeline(description="extract -> transform -> load, once per partition")
def by_partition():
    load(transform(extract()))


def _run_config(partition) -> dict:
    time.sleep(CONFIG_SECONDS)
    return {"solids": {"extract": {"config": {"scale": 1}}}}


letters = PartitionSetDefinition(
    name="letters",
    pipeline_name="by_partition",
    partitions=["a", "b", "c", "d", "e", "f", "g", "h", "bad"],
    run_config_fn_for_partition=_run_config,
    tags_fn_for_partition=lambda partition: {"letter": partition.name},
    description="Eight letters, and one partition that always fails.",
)

days = PartitionSetDefinition(
    name="days",
    pipeline_name="by_partition",
    partition_fn=date_partition_range(date(2026, 1, 1), date(2026, 1, 11)),
    run_config_fn_for_partition=_run_config,
    description="The first ten days of 2026.",
)


@repository
def api_partitions_repo():
    return [by_partition, letters, days]
