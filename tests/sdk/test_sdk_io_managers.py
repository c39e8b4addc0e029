"""IO managers: @io_manager, io_manager_key, the built-ins, through execute_pipeline."""

import json
import os

import pytest

from user_code_server import (
    DynamicOutput,
    DynamicOutputDefinition,
    IOManager,
    ModeDefinition,
    OutputDefinition,
    execute_pipeline,
    io_manager,
    mem_io_manager,
    pipeline,
    solid,
)
from user_code_server.plan_builder import build_execution_plan
from user_code_server.sdk import DefinitionError, RepositoryDefinition
from user_code_server.sdk.errors import RunConfigValidationError


class JsonFiles(IOManager):
    """Keeps each value as a JSON file named by its run-scoped identifier, and records what
    each context told it."""

    seen: list[tuple] = []

    def __init__(self, directory):
        self.directory = directory

    def _path(self, context):
        return os.path.join(self.directory, "-".join(context.get_run_scoped_output_identifier()))

    def handle_output(self, context, obj):
        JsonFiles.seen.append(("out", context.step_key, context.name, context.mapping_key))
        with open(self._path(context) + ".json", "w") as file:
            json.dump(obj, file)

    def load_input(self, context):
        upstream = context.upstream_output
        JsonFiles.seen.append(("in", context.name, context.solid_name, upstream.step_key))
        with open(self._path(upstream) + ".json") as file:
            return json.load(file)


@io_manager(config_schema={"directory": str})
def json_files(init_context):
    return JsonFiles(init_context.resource_config["directory"])


@solid(output_defs=[OutputDefinition(int, io_manager_key="json")])
def produce(context):
    return 20


@solid
def consume(context, value: int) -> int:
    return value + 1


@pipeline(mode_defs=[ModeDefinition(resource_defs={"json": json_files})])
def through_json():
    consume(produce())


def test_an_io_manager_stores_an_output_and_loads_it_for_the_downstream_input(tmp_path):
    JsonFiles.seen.clear()
    config = {"resources": {"json": {"config": {"directory": str(tmp_path)}}}}
    result = execute_pipeline(through_json, config)
    assert result.success
    assert result.result_for_solid("consume").output_value() == 21
    assert result.result_for_solid("produce").output_value() == 20
    assert json.loads((tmp_path / f"{result.run_id}-produce-result.json").read_text()) == 20
    assert JsonFiles.seen == [
        ("out", "produce", "result", None),
        ("in", "value", "consume", "produce"),
    ]


@solid(output_defs=[DynamicOutputDefinition(str, io_manager_key="json")])
def fan(context):
    for key in ("a", "b"):
        yield DynamicOutput(key.upper(), mapping_key=key)


@solid
def shout(context, letter: str) -> str:
    return letter + "!"


@pipeline(mode_defs=[ModeDefinition(resource_defs={"json": json_files})])
def mapped_json():
    fan().map(shout)


def test_dynamic_values_reach_the_io_manager_with_their_mapping_keys(tmp_path):
    JsonFiles.seen.clear()
    config = {"resources": {"json": {"config": {"directory": str(tmp_path)}}}}
    result = execute_pipeline(mapped_json, config)
    assert result.result_for_solid("shout").output_value() == {"a": "A!", "b": "B!"}
    assert ("out", "fan", "result", "a") in JsonFiles.seen
    assert (tmp_path / f"{result.run_id}-fan-result-b.json").exists()


def test_an_io_manager_without_its_required_config_is_a_config_error():
    with pytest.raises(RunConfigValidationError, match="resources.json.config"):
        execute_pipeline(through_json)


def test_an_output_naming_an_io_manager_the_mode_lacks_fails_at_definition():
    with pytest.raises(
        DefinitionError, match="output 'result' of solid 'produce' uses IO manager 'json'"
    ):

        @pipeline
        def missing():
            consume(produce())


class Unpicklable:
    def __init__(self):
        self.callback = lambda: None


@solid(output_defs=[OutputDefinition(io_manager_key="mem")])
def make_object(context):
    return Unpicklable()


@solid
def use_object(context, thing):
    return type(thing).__name__


@pipeline(mode_defs=[ModeDefinition(resource_defs={"mem": mem_io_manager})])
def in_memory():
    use_object(make_object())


def test_mem_io_manager_works_in_process_and_is_refused_by_a_code_server_plan():
    assert (
        execute_pipeline(in_memory).result_for_solid("use_object").output_value() == "Unpicklable"
    )
    reply = build_execution_plan(
        RepositoryDefinition("r", [in_memory]), "in_memory", {}, None, None
    )
    assert reply.plan is None and reply.error is not None
    assert "output 'result' of solid 'make_object' uses mem_io_manager (resource 'mem')" in (
        reply.error.message
    )
