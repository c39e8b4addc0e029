import typing
from typing import Any

import pytest

from user_code_server import (
    InputDefinition,
    LodestarType,
    OutputDefinition,
    TypeCheck,
    execute_pipeline,
    pipeline,
    solid,
)
from user_code_server.protocol import EventType
from user_code_server.sdk.errors import DefinitionError
from user_code_server.sdk.types import Nothing, resolve_type


@pytest.mark.parametrize(
    ("hint", "name", "good", "bad", "actual"),
    [
        (int, "int", 3, "3", "str"),
        (int, "int", 3, True, "bool"),
        (float, "float", 2, "x", "str"),
        (str, "str", "a", b"a", "bytes"),
        (bool, "bool", False, 0, "int"),
        (int | None, "Optional[int]", 4, "4", "str"),
        (list[str], "List[str]", ["a"], "a", "str"),
        (list[int], "List[int]", [1, 2], [1, "2"], "list with item [1]: str"),
        (dict[str, int], "Dict[str, int]", {"a": 1}, {"a": "1"}, "dict with value at 'a': str"),
        (dict[str, int], "Dict[str, int]", {}, {1: 1}, "dict with key 1: int"),
        (int | str, "Union[int, str]", "x", 1.0, "float"),
        (Nothing, "Nothing", None, 1, "int"),
        (
            list[int | None],
            "List[Optional[int]]",
            [None, 1],
            [None, "a"],
            "list with item [1]: str",
        ),
    ],
)
def test_checked_types(hint, name, good, bad, actual):
    checked = resolve_type(hint)
    assert checked.name == name
    assert checked.type_check(None, good) is None
    assert checked.type_check(None, bad) == actual


def test_typing_module_generics_resolve_like_builtin_ones():
    legacy = [
        typing.Optional[int],  # noqa: UP045
        typing.List[int],  # noqa: UP006
        typing.Dict[str, int],  # noqa: UP006
        typing.Union[int, str],  # noqa: UP007
    ]
    modern = [int | None, list[int], dict[str, int], int | str]
    assert [resolve_type(h).name for h in legacy] == [resolve_type(h).name for h in modern]
    assert resolve_type(typing.List[int]).type_check(None, [1, "x"]) == "list with item [1]: str"  # noqa: UP006


def test_any_is_not_checked():
    assert resolve_type(Any).type_check_fn is None
    assert resolve_type(Any).name == "Any"
    assert resolve_type(list[Any]).type_check(None, ["x", 1]) is None
    assert resolve_type(int | Any).type_check_fn is None


def test_classes_are_checked_by_isinstance():
    class Row:
        pass

    checked = resolve_type(Row)
    assert checked.name == "Row"
    assert checked.type_check(None, Row()) is None
    assert checked.type_check(None, 3) == "int"
    assert resolve_type(set[int]).name == "Set[int]"


def test_unresolvable_forward_reference_is_a_definition_error():
    with pytest.raises(DefinitionError, match="cannot resolve"):
        resolve_type("Missing")


# --- the user's own types ---------------------------------------------------------------------


def _even(context, value):
    if not isinstance(value, int):
        return TypeCheck(False, f"{type(value).__name__}, not an int")
    return value % 2 == 0


Even = LodestarType("Even", _even, description="An even integer")


@solid(input_defs=[InputDefinition("number", Even)])
def halve(context, number):
    return number // 2


@solid
def double(context, number: Even) -> Even:
    return number * 2


@pytest.mark.parametrize(("value", "actual"), [(3, "int"), ("4", "str, not an int")])
def test_a_user_type_checks_outputs_and_inputs_through_definitions_and_hints(value, actual):
    @solid(output_defs=[OutputDefinition(Even)], config_schema=Any)
    def emit_value(context):
        return context.solid_config

    @pipeline
    def even_numbers():
        double(halve(emit_value()))

    good = execute_pipeline(even_numbers, {"solids": {"emit_value": {"config": 8}}})
    assert good.success and good.result_for_solid("double").output_value() == 8
    assert resolve_type(Even) is Even and Even.description == "An even integer"
    bad = execute_pipeline(even_numbers, {"solids": {"emit_value": {"config": value}}})
    [check] = [e for e in bad.step_events if e.event_type == EventType.TYPE_CHECK]
    assert check.message == (
        f"Type check failed for output 'result' of solid 'emit_value': expected Even, got {actual}"
    )


def test_a_type_check_that_raises_or_returns_garbage_fails_the_step_naming_it():
    Broken = LodestarType("Broken", lambda context, value: 1 / 0)
    Vague = LodestarType("Vague", lambda context, value: "yes")

    @solid
    def make(context) -> Broken:
        return 1

    @solid
    def other(context) -> Vague:
        return 1

    @pipeline
    def broken():
        make()
        other()

    result = execute_pipeline(broken)
    failures = {
        e.step_key: e.error.message
        for e in result.step_events
        if e.event_type == EventType.STEP_FAILURE
    }
    assert failures["make"].startswith(
        "the type check of Broken for output 'result' of solid 'make' raised ZeroDivisionError"
    )
    assert "returned 'yes': return a bool or a TypeCheck" in failures["other"]
