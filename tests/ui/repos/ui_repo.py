"""Pipelines the browser tests drive: mapping (plain and nested), config, failure, sleep."""

import os
import time

from user_code_server import (
    AssetKey,
    DynamicOutput,
    DynamicOutputDefinition,
    Field,
    OutputDefinition,
    pipeline,
    repository,
    solid,
)


@solid(output_defs=[DynamicOutputDefinition(str)], description="Lists the files to process.")
def list_files(context):
    for i in range(8):
        yield DynamicOutput(f"f{i}", mapping_key=f"k{i}")


@solid(output_defs=[OutputDefinition(int, asset_key=AssetKey(["reports", "size"]))])
def process_file(context, name: str) -> int:
    return len(name)


@solid
def summarize(context, sizes: list[int]) -> int:
    return sum(sizes)


@pipeline(description="One step per file, then a summary.")
def fan_out():
    summarize(list_files().map(process_file).collect())


@solid(output_defs=[DynamicOutputDefinition(str)])
def outer(context):
    for key in ("a", "b"):
        yield DynamicOutput(key, mapping_key=key)


@solid(output_defs=[DynamicOutputDefinition(str)])
def split(context, key: str):
    for part in ("x", "y"):
        yield DynamicOutput(f"{key}{part}", mapping_key=part)


@solid
def work(context, value: str) -> str:
    return value.upper()


@solid
def inner_collect(context, values: list[str]) -> str:
    return ",".join(values)


@solid
def outer_collect(context, values: list[str]) -> str:
    return ";".join(values)


@pipeline(description="Mapping inside mapping: work[a,x].")
def nested():
    outer_collect(outer().map(lambda key: inner_collect(split(key).map(work).collect())).collect())


@solid(
    config_schema={
        "count": Field(int, default_value=2, description="How many numbers"),
        "label": Field(str, description="A name for the batch"),
    }
)
def numbers(context) -> list[int]:
    context.log.info(f"batch {context.solid_config['label']}: {context.solid_config['count']}")
    return list(range(context.solid_config["count"]))


@solid
def total(context, values: list[int]) -> int:
    return sum(values)


@pipeline(description="Needs a label in its config.")
def configured():
    total(numbers())


@solid
def flaky(context) -> int:
    # Fails until the file named by LODESTAR_UI_FLAKY_FILE exists.
    if not os.path.exists(os.environ["LODESTAR_UI_FLAKY_FILE"]):
        raise ValueError("flaky failed on purpose")
    return 1


@solid
def after_flaky(context, value: int) -> int:
    return value + 1


@pipeline
def failing():
    after_flaky(flaky())


@solid(config_schema={"seconds": Field(float, default_value=60.0)})
def sleepy(context) -> None:
    deadline = time.monotonic() + context.solid_config["seconds"]
    while time.monotonic() < deadline:
        time.sleep(0.05)


@pipeline
def slow():
    sleepy()


@repository
def ui_repo():
    return [fan_out, nested, configured, failing, slow]
