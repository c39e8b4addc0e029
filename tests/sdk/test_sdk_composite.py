"""@composite_solid: solids composed like a pipeline body, used like one solid."""

import pytest

from user_code_server import (
    DynamicOutput,
    DynamicOutputDefinition,
    OutputDefinition,
    RunConfigValidationError,
    composite_solid,
    execute_pipeline,
    pipeline,
    solid,
)
from user_code_server.sdk import DefinitionError


@solid
def number(context) -> int:
    return 3


@solid(config_schema={"by": int})
def multiply(context, value: int) -> int:
    return value * context.solid_config["by"]


@solid
def add(context, left: int, right: int) -> int:
    return left + right


@composite_solid(
    config_schema={"factor": int},
    config_fn=lambda c: {
        "multiply": {"config": {"by": c["factor"]}},
        "again": {"config": {"by": 1}},
    },
)
def scaled(value: int):
    return add(multiply(value), multiply.alias("again")(value))


@composite_solid(output_defs=[OutputDefinition(int, "total"), OutputDefinition(int, "doubled")])
def both(value):
    once = scaled(value)
    return {"total": once, "doubled": scaled.alias("twice")(once)}


@pipeline
def composed():
    total, doubled = both(number())
    add.alias("final")(total, doubled)


CONFIG = {
    "solids": {
        "both": {
            "solids": {"scaled": {"config": {"factor": 2}}, "twice": {"config": {"factor": 10}}}
        }
    }
}


def test_a_composite_is_flattened_into_named_solids_with_mapped_config():
    result = execute_pipeline(composed, CONFIG)
    assert result.success
    assert [i.name for i in composed.invocations][:4] == [
        "number",
        "both__scaled__multiply",
        "both__scaled__again",
        "both__scaled__add",
    ]
    # scaled(3) = 3*2 + 3*1 = 9; twice(9) = 9*10 + 9 = 99; final = 9 + 99
    assert result.result_for_solid("both__scaled__add").output_value() == 9
    assert result.result_for_solid("both__twice__add").output_value() == 99
    assert result.result_for_solid("final").output_value() == 108


def test_a_composite_config_is_validated_and_mapped_with_paths():
    bad = {"solids": {"both": {"solids": {"scaled": {"config": {"factor": "x"}}, "ghost": {}}}}}
    with pytest.raises(RunConfigValidationError) as raised:
        execute_pipeline(composed, bad)
    assert [(e.path, e.message) for e in raised.value.errors] == [
        ("solids.both.solids.ghost", "composite solid 'both' has no solid 'ghost'"),
        ("solids.both.solids.twice.config.factor", "missing required config (int)"),
        ("solids.both.solids.scaled.config.factor", "expected int, got str 'x'"),
    ]


@solid(output_defs=[DynamicOutputDefinition(int)])
def fan(context):
    for index in range(3):
        yield DynamicOutput(index, mapping_key=f"k{index}")


@solid
def total(context, values: list) -> int:
    return sum(values)


@composite_solid
def square_plus_one(value):
    return add(value, value)


@pipeline
def mapped_composite():
    total(fan().map(square_plus_one).collect())


def test_a_composite_maps_over_dynamic_outputs_and_passes_unconnected_inputs_to_config():
    assert execute_pipeline(mapped_composite).result_for_solid("total").output_value() == 6

    @composite_solid
    def plus_config(value):
        return add(value)

    @pipeline
    def partly():
        plus_config(number())

    run_config = {"solids": {"plus_config__add": {"inputs": {"right": 4}}}}
    assert (
        execute_pipeline(partly, run_config).result_for_solid("plus_config__add").output_value()
        == 7
    )


def test_composite_definition_errors():
    with pytest.raises(DefinitionError, match="a config_schema needs a config_fn"):

        @composite_solid(config_schema=int)
        def unmapped(value):
            pass

    with pytest.raises(DefinitionError, match="called outside a @pipeline body"):
        square_plus_one(1)

    @composite_solid
    def returns_a_value(value):
        return 3

    with pytest.raises(DefinitionError, match="returned 3: return an output of a solid"):

        @pipeline
        def broken():
            returns_a_value(number())
