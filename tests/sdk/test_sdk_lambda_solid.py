"""@lambda_solid (a function of its inputs alone) and Nothing dependencies, run in-process."""

from __future__ import annotations

import pytest

from user_code_server import (
    DefinitionError,
    InputDefinition,
    Nothing,
    OutputDefinition,
    execute_pipeline,
    lambda_solid,
    pipeline,
    solid,
)
from user_code_server.protocol import EventType


@lambda_solid
def one() -> int:
    return 1


@lambda_solid(output_def=OutputDefinition(int, name="sum"))
def add(a: int, b: int = 10):
    return a + b


def test_lambda_solids_take_no_context_and_type_their_inputs_from_hints():
    @pipeline
    def sums():
        add(one(), one())

    result = execute_pipeline(sums)
    assert result.success
    assert result.result_for_solid("add").output_value("sum") == 2
    assert [d.name for d in add.input_defs] == ["a", "b"]
    assert add.input_dict["a"].dagster_type.name == "int"
    assert add.input_dict["b"].default_value == 10


def test_a_lambda_solid_type_mismatch_fails_its_step():
    @lambda_solid
    def text() -> str:
        return "x"

    @pipeline
    def wrong():
        add(text())

    result = execute_pipeline(wrong)
    assert not result.success
    (check,) = [e for e in result.step_events if e.event_type == EventType.TYPE_CHECK]
    assert "input 'a' of solid 'add': expected int, got str" in check.message


def test_nothing_dependencies_order_solids_without_passing_a_value():
    order = []

    @solid
    def first(context) -> None:
        order.append("first")

    @solid(input_defs=[InputDefinition("after", Nothing)])
    def second(context) -> int:
        order.append("second")
        return 2

    @pipeline
    def ordered():
        second(after=first())

    result = execute_pipeline(ordered)
    assert result.success and order == ["first", "second"]


def test_a_lambda_solid_of_a_non_callable_is_a_definition_error():
    with pytest.raises(DefinitionError, match="not callable"):
        lambda_solid(name="x")(3)
