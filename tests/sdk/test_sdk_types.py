import typing
from typing import Any

import pytest

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
    assert checked.check(good) is None
    assert checked.check(bad) == actual


def test_typing_module_generics_resolve_like_builtin_ones():
    legacy = [
        typing.Optional[int],  # noqa: UP045
        typing.List[int],  # noqa: UP006
        typing.Dict[str, int],  # noqa: UP006
        typing.Union[int, str],  # noqa: UP007
    ]
    modern = [int | None, list[int], dict[str, int], int | str]
    assert [resolve_type(h).name for h in legacy] == [resolve_type(h).name for h in modern]
    assert resolve_type(typing.List[int]).check([1, "x"]) == "list with item [1]: str"  # noqa: UP006


def test_any_is_not_checked():
    assert resolve_type(Any).check is None
    assert resolve_type(Any).name == "Any"
    assert resolve_type(list[Any]).check(["x", 1]) is None
    assert resolve_type(int | Any).check is None


def test_classes_are_checked_by_isinstance():
    class Row:
        pass

    checked = resolve_type(Row)
    assert checked.name == "Row"
    assert checked.check(Row()) is None
    assert checked.check(3) == "int"
    assert resolve_type(set[int]).name == "Set[int]"


def test_unresolvable_forward_reference_is_a_definition_error():
    with pytest.raises(DefinitionError, match="cannot resolve"):
        resolve_type("Missing")
