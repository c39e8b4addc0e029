"""Pipelines that exercise the run coordinator: failures, retries, crashes, slow steps."""

import os
import time

from user_code_server import (
    DynamicOutput,
    DynamicOutputDefinition,
    RetryPolicy,
    RetryRequested,
    pipeline,
    solid,
)


@solid
def produce(context) -> int:
    return 20


@solid(config_schema={"marker": str})
def maybe_fail(context, value: int) -> int:
    """Fails until the marker file exists."""
    if not os.path.exists(context.solid_config["marker"]):
        raise RuntimeError("marker file missing")
    return value + 1


@solid
def double(context, value: int) -> int:
    return value * 2


@solid
def independent(context) -> str:
    return "done"


@pipeline
def fail_then_fix():
    double(maybe_fail(produce()))
    independent()


def _attempts(path: str) -> int:
    """Counts calls across processes in a file."""
    with open(path, "a") as f:
        f.write("x")
    with open(path) as f:
        return len(f.read())


@solid(config_schema={"counter": str}, retry_policy=RetryPolicy(max_retries=2))
def flaky(context) -> int:
    attempt = _attempts(context.solid_config["counter"])
    if attempt < 3:
        raise ValueError(f"flaky attempt {attempt}")
    return attempt


@solid(config_schema={"counter": str})
def asks_for_retry(context) -> int:
    attempt = _attempts(context.solid_config["counter"])
    if attempt < 2:
        raise RetryRequested(max_retries=1, seconds_to_wait=0.1)
    return attempt


@pipeline
def retries():
    flaky()
    asks_for_retry()


@solid(config_schema={"seconds": float})
def sleepy(context, value: int = 0) -> int:
    time.sleep(context.solid_config["seconds"])
    return value + 1


@solid
def after_sleep(context, value: int) -> int:
    return value + 1


@pipeline
def slow():
    after_sleep(sleepy())


@solid
def crash(context) -> int:
    os._exit(3)


@pipeline
def crashing():
    double(crash())


@solid(config_schema={"marker": str}, output_defs=[DynamicOutputDefinition(str)])
def keys(context):
    for key in ["a", "b", "c"]:
        yield DynamicOutput(key, mapping_key=key)


@solid(config_schema={"marker": str})
def per_key(context, key: str) -> str:
    if key == "b" and not os.path.exists(context.solid_config["marker"]):
        raise RuntimeError("b needs the marker")
    return key.upper()


@solid
def join(context, values: list[str]) -> str:
    return "".join(values)


@pipeline
def mapped():
    join(keys().map(per_key).collect())


@pipeline
def two_sleeps():
    sleepy.alias("second")(after_sleep(sleepy.alias("first")()))


@solid(output_defs=[DynamicOutputDefinition(str)])
def regions(context):
    for region in ["eu", "us"]:
        yield DynamicOutput(region, mapping_key=region)


@solid(output_defs=[DynamicOutputDefinition(str)])
def shards(context, region: str):
    for shard in ["x", "y"] if region == "eu" else ["z"]:
        yield DynamicOutput(f"{region}-{shard}", mapping_key=shard)


@solid(config_schema={"counter_dir": str}, retry_policy=RetryPolicy(max_retries=1))
def count_shard(context, shard: str) -> int:
    # Each shard fails its first attempt: retries are per mapped step.
    if _attempts(os.path.join(context.solid_config["counter_dir"], shard)) == 1:
        raise RuntimeError(f"first attempt of {shard}")
    return len(shard)


@solid
def region_total(context, counts: list[int]) -> int:
    return sum(counts)


@solid
def grand_total(context, totals: list[int]) -> int:
    return sum(totals)


@pipeline
def nested():
    grand_total(
        regions()
        .map(lambda region: region_total(shards(region).map(count_shard).collect()))
        .collect()
    )


@solid(
    output_defs=[
        DynamicOutputDefinition(int, name="evens"),
        DynamicOutputDefinition(int, name="odds"),
    ]
)
def split_numbers(context):
    for n in range(5):
        yield DynamicOutput(n, mapping_key=f"n{n}", output_name="evens" if n % 2 == 0 else "odds")


@solid
def factor(context) -> int:
    return 10


@solid
def scale(context, value: int, by: int) -> int:
    return value * by


@solid
def add_all(context, evens: list[int], odds: list[int]) -> int:
    return sum(evens) + 1000 * sum(odds)


@pipeline
def two_dynamic_outputs():
    evens, odds = split_numbers()
    by = factor()
    add_all(
        evens.map(lambda value: scale(value, by)).collect(),
        odds.map(lambda value: scale.alias("scale_odd")(value, by)).collect(),
    )


@solid(output_defs=[DynamicOutputDefinition(str)])
def duplicate_keys(context):
    yield DynamicOutput("a", mapping_key="same")
    yield DynamicOutput("b", mapping_key="same")


@solid
def per_key_plain(context, key: str) -> str:
    return key


@pipeline
def duplicates():
    join(duplicate_keys().map(per_key_plain).collect())
