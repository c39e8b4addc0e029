"""Pipelines the API and CLI tests drive through a real control plane."""

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


@solid(config_schema={"count": Field(int, default_value=3), "label": Field(str, default_value="")})
def numbers(context) -> list[int]:
    context.log.info(f"making {context.solid_config['count']} numbers")
    return list(range(context.solid_config["count"]))


@solid
def total(context, values: list[int]) -> int:
    return sum(values)


@pipeline(description="Adds up a few numbers.")
def adder():
    total(numbers())


@solid(output_defs=[DynamicOutputDefinition(str)])
def list_files(context):
    for key in ("a_txt", "b_txt", "c_txt"):
        yield DynamicOutput(key, mapping_key=key)


@solid(output_defs=[OutputDefinition(int, asset_key=AssetKey(["reports", "size"]))])
def process_file(context, name: str) -> int:
    return len(name)


@solid
def summarize(context, sizes: list[int]) -> int:
    return sum(sizes)


@pipeline(description="One step per file, then a summary.")
def fan_out():
    summarize(list_files().map(process_file).collect())


@solid(config_schema={"fail": Field(bool, default_value=True)})
def flaky(context) -> int:
    if context.solid_config["fail"]:
        raise Exception("flaky failed on purpose")
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
def api_repo():
    return [adder, fan_out, failing, slow]
