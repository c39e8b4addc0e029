"""Inputs from run config: `solids: {NAME: {inputs: {INPUT: value}}}` for unconnected inputs."""

import pytest

from user_code_server import (
    RunConfigValidationError,
    execute_pipeline,
    execute_solid,
    pipeline,
    solid,
)


@solid
def scale(context, number: int, factor: int = 2, label: str | None = None) -> int:
    return number * factor


@solid
def total(context, value: int, extra: list) -> int:
    return value + sum(extra)


@pipeline
def scaling():
    total(scale())


def config(**inputs):
    return {"solids": {name: {"inputs": values} for name, values in inputs.items()}}


def test_unconnected_inputs_take_values_from_config_or_their_defaults():
    result = execute_pipeline(scaling, config(scale={"number": 4}, total={"extra": [1, 2]}))
    assert result.success
    assert result.result_for_solid("scale").output_value() == 8
    assert result.result_for_solid("total").output_value() == 11


def test_every_input_error_is_a_config_error_with_its_path_before_any_step():
    bad = config(
        scale={"number": "four", "factor": 3, "ghost": 1},
        total={"value": 1, "extra": [1]},
    )
    with pytest.raises(RunConfigValidationError) as raised:
        execute_pipeline(scaling, bad)
    assert [(e.path, e.message) for e in raised.value.errors] == [
        ("solids.scale.inputs.number", "expected int, got str"),
        ("solids.scale.inputs.ghost", "unknown input (inputs: number, factor, label)"),
        ("solids.total.inputs.value", "this input comes from another solid"),
    ]
    with pytest.raises(RunConfigValidationError) as raised:
        execute_pipeline(scaling)
    assert [(e.path, e.message) for e in raised.value.errors] == [
        (
            "solids.scale.inputs.number",
            "missing required input (int): it is not connected to a solid that runs and has no "
            "default",
        ),
        (
            "solids.total.inputs.extra",
            "missing required input (list): it is not connected to a solid that runs and has no "
            "default",
        ),
    ]


def test_an_input_from_an_unselected_solid_comes_from_config():
    run_config = config(total={"value": 10, "extra": []})
    result = execute_pipeline(scaling, run_config, solid_selection=["total"])
    assert result.result_for_solid("total").output_value() == 10


def test_execute_solid_values_and_config_inputs_combine():
    result = execute_solid(scale, {"number": 3}, run_config=config(scale={"factor": 10}))
    assert result.result_for_solid("scale").output_value() == 30
