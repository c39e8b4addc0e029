"""IO-bound steps: a fan-out whose steps each sleep (config: how many, how long)."""

import time

from user_code_server import DynamicOutput, DynamicOutputDefinition, pipeline, solid


@solid(config_schema={"count": int}, output_defs=[DynamicOutputDefinition(int)])
def fan_out(context):
    for i in range(context.solid_config["count"]):
        yield DynamicOutput(i, mapping_key=str(i))


@solid(config_schema={"seconds": float})
def sleep(context, i: int) -> int:
    time.sleep(context.solid_config["seconds"])
    return i


@pipeline
def sleepers():
    fan_out().map(sleep)
