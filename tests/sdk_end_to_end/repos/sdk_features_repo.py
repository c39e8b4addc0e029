"""Pipelines using IO managers, hooks, inputs from config and config types, run through a
real code server by `lodestar execute`."""

import json
import os

from user_code_server import (
    Enum,
    EnumValue,
    IOManager,
    LodestarType,
    ModeDefinition,
    OutputDefinition,
    Selector,
    StringSource,
    composite_solid,
    io_manager,
    mem_io_manager,
    pipeline,
    repository,
    solid,
    success_hook,
)


class JsonDirectory(IOManager):
    """Keeps values as JSON files in a directory; any worker process can build one."""

    def __init__(self, directory):
        self.directory = directory

    def _path(self, context):
        return os.path.join(self.directory, "-".join(context.get_run_scoped_output_identifier()))

    def handle_output(self, context, obj):
        with open(self._path(context) + ".json", "w") as file:
            json.dump({"value": obj, "pid": os.getpid()}, file)

    def load_input(self, context):
        with open(self._path(context.upstream_output) + ".json") as file:
            return json.load(file)["value"]


@io_manager(config_schema={"directory": str})
def json_directory(init_context):
    return JsonDirectory(init_context.resource_config["directory"])


@solid(output_defs=[OutputDefinition(int, io_manager_key="json")])
def produce(context):
    return 20


@solid(output_defs=[OutputDefinition(int, io_manager_key="json")])
def consume(context, value: int):
    return value + 1


@pipeline(mode_defs=[ModeDefinition(resource_defs={"json": json_directory})])
def json_io():
    consume(produce())


@solid(output_defs=[OutputDefinition(io_manager_key="mem")])
def in_memory_value(context):
    return 1


@pipeline(mode_defs=[ModeDefinition(resource_defs={"mem": mem_io_manager})])
def in_memory():
    in_memory_value()


@success_hook
def announce(context):
    context.log.info(f"hook saw {context.step_key} succeed in run {context.run_id}")


@success_hook
def explode(context):
    raise RuntimeError("the hook broke")


@solid
def greet(context) -> str:
    return "hi"


@pipeline(hook_defs={announce})
def hooked():
    greet.with_hooks({explode})()


@solid
def scale(context, number: int, factor: int = 2) -> int:
    context.log.info(f"scaled to {number * factor}")
    return number * factor


@pipeline
def from_config():
    scale()


@solid(
    config_schema={
        "level": Enum("Level", [EnumValue("low", 1), EnumValue("high", 10)]),
        "token": StringSource,
        "target": Selector({"table": str, "path": str}),
    }
)
def typed_config(context):
    config = context.solid_config
    context.log.info(f"level={config['level']} token={config['token']} target={config['target']}")


@pipeline
def typed():
    typed_config()


Even = LodestarType("Even", lambda context, value: isinstance(value, int) and value % 2 == 0)


@solid
def odd(context) -> Even:
    return 3


@pipeline
def user_type():
    odd()


@solid(config_schema={"by": int})
def multiply(context, value: int) -> int:
    context.log.info(
        f"{value} * {context.solid_config['by']} = {value * context.solid_config['by']}"
    )
    return value * context.solid_config["by"]


@composite_solid(
    config_schema={"factor": int},
    config_fn=lambda config: {"multiply": {"config": {"by": config["factor"]}}},
)
def scaled(value: int):
    return multiply(value)


@solid
def twenty(context) -> int:
    return 20


@pipeline
def composed():
    scaled(twenty())


@repository
def sdk_features():
    return [json_io, in_memory, hooked, from_config, typed, user_type, composed]
