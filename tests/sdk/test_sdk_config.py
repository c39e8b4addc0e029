from typing import Any

import pytest

from user_code_server.sdk.config import (
    MISSING,
    Field,
    Noneable,
    normalize_config_schema,
    schema_document,
)
from user_code_server.sdk.errors import DefinitionError


def resolve(schema, value, path="cfg"):
    errors = []
    resolved = normalize_config_schema(schema).resolve(value, path, errors)
    return resolved, [(e.path, e.message) for e in errors]


def test_scalars_accept_their_types_only():
    assert resolve(int, 3) == (3, [])
    assert resolve(float, 3) == (3, [])
    assert resolve(str, 3) == (3, [("cfg", "expected str, got int 3")])
    assert resolve(int, True)[1] == [("cfg", "expected int, got bool True")]
    assert resolve(bool, 1)[1] == [("cfg", "expected bool, got int 1")]


def test_every_error_is_reported_with_its_path():
    schema = {
        "path": str,
        "retries": int,
        "tags": [str],
        "nested": {"depth": int, "name": Field(str, default_value="x")},
    }
    value = {"retries": "three", "tags": ["a", 2, 3], "nested": {"extra": 1}, "bogus": True}
    _, errors = resolve(schema, value)
    assert sorted(errors) == sorted(
        [
            (
                "cfg.bogus",
                "unexpected config field 'bogus' (expected: path, retries, tags, nested)",
            ),
            ("cfg.path", "missing required config (str)"),
            ("cfg.retries", "expected int, got str 'three'"),
            ("cfg.tags[1]", "expected str, got int 2"),
            ("cfg.tags[2]", "expected str, got int 3"),
            ("cfg.nested.extra", "unexpected config field 'extra' (expected: depth, name)"),
            ("cfg.nested.depth", "missing required config (int)"),
        ]
    )


def test_defaults_are_applied_at_every_level():
    schema = {
        "a": Field(int, default_value=1),
        "b": Noneable(str),
        "inner": {"c": Field([int], default_value=[1, 2])},
        "optional": Field(str, is_required=False),
    }
    assert resolve(schema, {}) == ({"a": 1, "b": None, "inner": {"c": [1, 2]}}, [])
    assert resolve(schema, MISSING) == ({"a": 1, "b": None, "inner": {"c": [1, 2]}}, [])
    assert resolve(schema, {"a": 5, "b": "x", "optional": "y"})[0] == {
        "a": 5,
        "b": "x",
        "inner": {"c": [1, 2]},
        "optional": "y",
    }


def test_a_missing_dict_names_each_missing_field():
    assert resolve({"path": str, "n": Field(int, default_value=2)}, MISSING) == (
        {"n": 2},
        [("cfg.path", "missing required config (str)")],
    )


def test_noneable_accepts_none_and_checks_the_rest():
    assert resolve(Noneable(int), None) == (None, [])
    assert resolve(Noneable(int), "x")[1] == [("cfg", "expected int, got str 'x'")]
    assert resolve({"n": Noneable(int)}, {}) == ({"n": None}, [])


def test_lists_of_dicts_and_permissive_dicts():
    assert resolve([{"x": int}], [{"x": 1}, {"x": "a"}, {}])[1] == [
        ("cfg[1].x", "expected int, got str 'a'"),
        ("cfg[2].x", "missing required config (int)"),
    ]
    assert resolve(dict, {"anything": [1]}) == ({"anything": [1]}, [])
    assert resolve(list, [1, "a"]) == ([1, "a"], [])
    assert resolve(Any, object) == (object, [])
    assert resolve({"x": int}, "nope")[1] == [("cfg", "expected dict, got str 'nope'")]


def test_field_definition_errors():
    with pytest.raises(DefinitionError, match="invalid default value"):
        Field(int, default_value="x")
    with pytest.raises(DefinitionError, match="cannot be required"):
        Field(int, default_value=1, is_required=True)
    with pytest.raises(DefinitionError, match="one item type"):
        Field([int, str])
    with pytest.raises(DefinitionError, match="invalid config schema"):
        Field(object())
    with pytest.raises(DefinitionError, match="JSON-serializable"):
        Field(Any, default_value={1, 2})


def test_schema_document_is_json_schema():
    schema = {
        "path": Field(str, description="Where."),
        "n": Field(int, default_value=3),
        "ratio": float,
        "flag": Noneable(bool),
        "items": [{"k": str}],
        "extra": dict,
    }
    assert schema_document(normalize_config_schema(schema)) == {
        "type": "object",
        "properties": {
            "path": {"type": "string", "description": "Where."},
            "n": {"type": "integer", "default": 3},
            "ratio": {"type": "number"},
            "flag": {"anyOf": [{"type": "boolean"}, {"type": "null"}], "default": None},
            "items": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"k": {"type": "string"}},
                    "required": ["k"],
                    "additionalProperties": False,
                },
            },
            "extra": {"type": "object", "additionalProperties": True, "default": {}},
        },
        "required": ["path", "ratio", "items"],
        "additionalProperties": False,
    }
    assert schema_document(None) is None
    assert schema_document(normalize_config_schema({"a": Field(int, default_value=1)})) == {
        "type": "object",
        "properties": {"a": {"type": "integer", "default": 1}},
        "required": [],
        "additionalProperties": False,
        "default": {"a": 1},
    }
