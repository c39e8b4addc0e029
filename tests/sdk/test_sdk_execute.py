"""Testing without a server: execute_pipeline, execute_solid, build_solid_context and
solids called directly, all in the test's own process."""

from __future__ import annotations

import logging
import os

import pytest

from user_code_server import (
    DefinitionError,
    DynamicOutput,
    DynamicOutputDefinition,
    Failure,
    InputDefinition,
    ModeDefinition,
    Output,
    OutputDefinition,
    PresetDefinition,
    RetryPolicy,
    RunConfigValidationError,
    build_solid_context,
    execute_pipeline,
    execute_solid,
    pipeline,
    resource,
    solid,
)
from user_code_server.protocol import EventType


@solid(config_schema={"start": int})
def start(context) -> int:
    return context.solid_config["start"]


@solid
def double(context, number: int) -> int:
    context.log.info(f"doubling {number}")
    return number * 2


@solid(required_resource_keys={"store"})
def save(context, number: int) -> str:
    context.resources.store.append(number)
    return f"saved {number}"


@solid
def boom(context, number: int) -> int:
    raise Failure("no good", metadata={"number": number})


@solid(output_defs=[DynamicOutputDefinition(int)])
def fan_out(context):
    for n in (3, 1, 2):
        yield DynamicOutput(n, mapping_key=f"n{n}")


@solid
def total(context, numbers: list[int]) -> int:
    return sum(numbers)


def events_of(result, event_type):
    return [e for e in result.step_events if e.event_type == event_type]


def test_a_pipeline_runs_in_process_and_its_output_values_are_readable():
    store: list[int] = []
    mode = ModeDefinition(resource_defs={"store": resource(lambda _: store)})

    @pipeline(mode_defs=[mode])
    def numbers():
        save(double(start()))

    result = execute_pipeline(numbers, run_config={"solids": {"start": {"config": {"start": 21}}}})
    assert result.success
    assert result.result_for_solid("double").output_value() == 42
    assert result.result_for_solid("save").output_value() == "saved 42"
    assert store == [42]
    logs = events_of(result, EventType.STEP_LOG)
    assert [e.message for e in logs] == ["doubling 21"]
    assert events_of(result, EventType.STEP_START)[0].step_key == "start"


def test_map_and_collect_values_by_mapping_key():
    @pipeline
    def mapped():
        total(fan_out().map(double).collect())

    result = execute_pipeline(mapped)
    assert result.success
    assert result.result_for_solid("fan_out").output_value() == {"n3": 3, "n1": 1, "n2": 2}
    assert result.result_for_solid("double").output_value(mapping_key="n1") == 2
    assert result.result_for_solid("double").output_value() == {"n3": 6, "n1": 2, "n2": 4}
    assert result.result_for_solid("total").output_value() == 12
    with pytest.raises(KeyError, match="mapping key 'n9'.*n3, n1, n2"):
        result.result_for_solid("double").output_value(mapping_key="n9")


def test_a_failed_step_fails_the_run_and_skips_what_depends_on_it():
    @pipeline
    def failing():
        double(boom(start()))

    result = execute_pipeline(failing, run_config={"solids": {"start": {"config": {"start": 1}}}})
    assert not result.success
    failure = events_of(result, EventType.STEP_FAILURE)[0]
    assert failure.step_key == "boom"
    assert failure.data == {"description": "no good", "metadata": {"number": 1}}
    assert "test_sdk_execute.py" in failure.error.stack
    assert result.result_for_solid("double").skipped
    assert not result.result_for_solid("boom").success
    with pytest.raises(ValueError, match="solid 'boom' has no value for output 'result'"):
        result.result_for_solid("boom").output_value()


def test_retries_run_in_process():
    attempts = []

    @solid(retry_policy=RetryPolicy(max_retries=2))
    def flaky(context) -> int:
        attempts.append(context.retry_number)
        if len(attempts) < 3:
            raise RuntimeError("not yet")
        return len(attempts)

    @pipeline
    def retried():
        flaky()

    result = execute_pipeline(retried)
    assert result.success and attempts == [0, 1, 2]
    assert len(events_of(result, EventType.STEP_UP_FOR_RETRY)) == 2
    assert result.result_for_solid("flaky").output_value() == 3


def test_invalid_run_config_raises_every_error_with_its_path_before_any_step():
    @pipeline
    def numbers():
        double(start())

    with pytest.raises(RunConfigValidationError) as raised:
        execute_pipeline(numbers, run_config={"solids": {"start": {"config": {"start": "x"}}}})
    assert "solids.start.config.start" in str(raised.value)
    assert "pipeline 'numbers'" in str(raised.value)


def test_solid_selection_and_unknown_mode_and_bad_arguments():
    @pipeline
    def numbers():
        double(start())

    config = {"solids": {"start": {"config": {"start": 2}}}}
    result = execute_pipeline(numbers, run_config=config, solid_selection=["start"])
    assert {e.step_key for e in result.step_events} == {"start"}
    with pytest.raises(DefinitionError, match="has no mode 'prod'"):
        execute_pipeline(numbers, run_config=config, mode="prod")
    with pytest.raises(DefinitionError, match="execute_pipeline takes a @pipeline"):
        execute_pipeline(double)


def test_presets_give_run_config_and_mode_and_pipeline_tags_reach_the_run():
    seen = {}

    @solid(config_schema={"start": int})
    def tagged(context) -> int:
        seen.update(context.run_tags)
        return context.solid_config["start"]

    @pipeline(
        mode_defs=[ModeDefinition("default"), ModeDefinition("test")],
        preset_defs=[
            PresetDefinition("dev", {"solids": {"tagged": {"config": {"start": 5}}}}, "test")
        ],
        tags={"team": "data", "env": "prod"},
    )
    def with_presets():
        tagged()

    result = execute_pipeline(with_presets, preset="dev", tags={"env": "dev"})
    assert result.result_for_solid("tagged").output_value() == 5
    assert seen == {"team": "data", "env": "dev"}
    with pytest.raises(DefinitionError, match="has no preset 'prod' \\(presets: dev\\)"):
        execute_pipeline(with_presets, preset="prod")
    with pytest.raises(DefinitionError, match="either a preset or run_config"):
        execute_pipeline(with_presets, preset="dev", run_config={})


def test_a_preset_naming_a_mode_the_pipeline_lacks_is_a_definition_error():
    with pytest.raises(DefinitionError, match="preset 'p' uses mode 'nope'"):

        @pipeline(preset_defs=[PresetDefinition("p", {}, mode="nope")])
        def bad():
            double(start())


def test_execute_solid_takes_input_values_of_any_type():
    result = execute_solid(double, input_values={"number": 4})
    assert result.success
    assert result.result_for_solid("double").output_value() == 8

    @solid(input_defs=[InputDefinition("frame")], output_defs=[OutputDefinition(name="rows")])
    def rows(context, frame):
        yield Output(len(frame.lines), output_name="rows")

    class Frame:  # not picklable-by-reference: stays in memory
        lines = [1, 2, 3]

    assert (
        execute_solid(rows, {"frame": Frame()}).result_for_solid("rows").output_value("rows") == 3
    )


def test_execute_solid_with_config_resources_and_a_type_mismatch():
    store: list[int] = []
    mode = ModeDefinition(resource_defs={"store": resource(lambda _: store)})
    assert execute_solid(save, {"number": 1}, mode_def=mode).success and store == [1]
    config = {"solids": {"start": {"config": {"start": 9}}}}
    assert execute_solid(start, run_config=config).result_for_solid("start").output_value() == 9
    mismatch = execute_solid(double, {"number": "four"})
    assert not mismatch.success
    check = events_of(mismatch, EventType.TYPE_CHECK)[0]
    assert "expected int, got str" in check.message
    with pytest.raises(DefinitionError, match=r"solid 'double' has no inputs \['numbr'\]"):
        execute_solid(double, {"numbr": 1})


def test_a_solid_called_with_a_context_runs_its_body(caplog):
    caplog.set_level(logging.INFO, logger="lodestar.solid")
    assert double(build_solid_context(), 5) == 10
    assert double(None, number=6) == 12
    assert "doubling 5" in caplog.text
    assert start(build_solid_context(config={"start": 3})) == 3
    store: list[int] = []
    assert save(build_solid_context(resources={"store": store}), 7) == "saved 7"
    assert store == [7]
    assert [o.value for o in fan_out(None)] == [3, 1, 2]


def test_a_solid_called_directly_with_bad_arguments_says_what_is_wrong():
    with pytest.raises(RunConfigValidationError, match="solids.start.config.start"):
        start(build_solid_context(config={"start": "x"}))
    with pytest.raises(DefinitionError, match="requires resources \\['store'\\]"):
        save(build_solid_context(), 1)
    with pytest.raises(DefinitionError, match="no value for input 'number'"):
        double(build_solid_context())
    with pytest.raises(DefinitionError, match="input 'number' expects int, got str"):
        double(build_solid_context(), "x")
    with pytest.raises(DefinitionError, match="outside a @pipeline body.*build_solid_context"):
        double(5)


def test_nothing_is_written_to_disk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    @pipeline
    def mapped():
        total(fan_out().map(double).collect())

    assert execute_pipeline(mapped).success
    assert os.listdir(tmp_path) == []
