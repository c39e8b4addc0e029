"""A partitioned pipeline of three solids; partition `p3` fails until a marker file exists."""

import os
import time

from user_code_server import PartitionSetDefinition, pipeline, repository, solid

MARKER = os.environ.get("LODESTAR_TEST_MARKER", "/nonexistent")
STEP_SECONDS = float(os.environ.get("LODESTAR_TEST_STEP_SECONDS", "0"))


@solid
def extract(context) -> str:
    time.sleep(STEP_SECONDS)
    return context.partition_key


@solid
def transform(context, key: str) -> str:
    if key == "p3" and not os.path.exists(MARKER):
        raise RuntimeError("p3 is broken until the marker exists")
    return key.upper()


@solid
def load(context, value: str) -> str:
    return value


@pipeline
def partitioned():
    load(transform(extract()))


numbers = PartitionSetDefinition(
    name="numbers",
    pipeline_name="partitioned",
    partitions=[f"p{i}" for i in range(10)],
    run_config_fn_for_partition=lambda partition: {},
    tags_fn_for_partition=lambda partition: {"team": "data"},
)


@repository
def backfill_repo():
    return [partitioned, numbers]
