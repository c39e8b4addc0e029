import typing
from collections.abc import Iterator

import pytest

from user_code_server import (
    DynamicOutputDefinition,
    InputDefinition,
    Nothing,
    Output,
    OutputDefinition,
    RetryPolicy,
    solid,
)
from user_code_server.sdk.errors import DefinitionError


def test_inputs_and_output_come_from_the_signature():
    @solid
    def add(context, x: int, y: typing.Optional[int] = None) -> typing.List[int]:  # noqa: UP006, UP045
        """Adds."""
        return [x]

    assert add.name == "add"
    assert add.description == "Adds."
    assert [(d.name, d.dagster_type.name, d.has_default) for d in add.input_defs] == [
        ("x", "int", False),
        ("y", "Optional[int]", True),
    ]
    assert add.input_dict["y"].default_value is None
    assert [(d.name, d.dagster_type.name) for d in add.output_defs] == [("result", "List[int]")]


def test_declared_definitions_take_types_from_hints_when_untyped():
    @solid(
        name="renamed",
        input_defs=[InputDefinition("a"), InputDefinition("b", str, default_value="z")],
        output_defs=[OutputDefinition(name="out", asset_key=["db", "table"])],
        config_schema={"n": int},
        required_resource_keys={"db", "cache"},
        retry_policy=RetryPolicy(max_retries=2, delay=0.5),
        tags={"team": "data", "priority": 2},
        description="explicit",
    )
    def original(context, a: float, b) -> int:
        return 1

    assert original.name == "renamed"
    assert [d.dagster_type.name for d in original.input_defs] == ["float", "str"]
    assert original.output_dict["out"].dagster_type.name == "int"
    assert original.output_dict["out"].asset_key.path == ("db", "table")
    assert original.required_resource_keys == ("cache", "db")
    assert original.tags == {"team": "data", "priority": "2"}
    assert original.retry_policy == RetryPolicy(2, 0.5)


def test_generators_have_untyped_outputs_unless_declared():
    @solid
    def gen(context) -> Iterator[Output]:
        yield Output(1)

    @solid(output_defs=[DynamicOutputDefinition(int, name="parts")])
    def dyn(context):
        yield from ()

    assert gen.output_defs[0].dagster_type.name == "Any"
    assert dyn.output_defs[0].is_dynamic and not dyn.output_defs[0].is_required
    assert dyn.output_defs[0].dagster_type.name == "int"


def test_nothing_inputs_are_not_parameters():
    @solid(input_defs=[InputDefinition("after", Nothing), InputDefinition("x")])
    def later(context, x):
        return x

    assert later.input_dict["after"].is_nothing


@pytest.mark.parametrize(
    ("options", "fn", "message"),
    [
        ({}, lambda: 1, "must take a context first"),
        ({"name": "bad name"}, lambda context: 1, "invalid solid name"),
        (
            {"input_defs": [InputDefinition("a")]},
            lambda context, b: 1,
            "must match its non-Nothing",
        ),
        ({}, lambda context, *rows: 1, r"\*args"),
        (
            {"output_defs": [OutputDefinition(), OutputDefinition()]},
            lambda c: 1,
            "duplicate output",
        ),
        ({"retry_policy": 3}, lambda c: 1, "retry_policy must be a RetryPolicy"),
        ({"config_schema": {"x": object()}}, lambda c: 1, "invalid config schema"),
        ({"required_resource_keys": ["a-b"]}, lambda c: 1, "invalid resource name"),
    ],
)
def test_invalid_solids_are_definition_errors(options, fn, message):
    with pytest.raises(DefinitionError, match=message):
        solid(**{"name": "s", **options})(fn)


def test_calling_a_solid_outside_a_pipeline_is_an_error():
    @solid
    def lone(context):
        return 1

    with pytest.raises(DefinitionError, match="outside a @pipeline body"):
        lone()
