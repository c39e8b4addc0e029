"""The config types of SPEC 9: Enum, Selector, Permissive, Shape, Array, StringSource,
IntSource and make_values_resource, through execute_pipeline and in schema documents."""

import enum

import pytest

from user_code_server import (
    Array,
    Enum,
    EnumValue,
    Field,
    IntSource,
    ModeDefinition,
    Permissive,
    RunConfigValidationError,
    Selector,
    Shape,
    StringSource,
    execute_pipeline,
    make_values_resource,
    pipeline,
    solid,
)
from user_code_server.sdk.config import schema_document


class Color(enum.Enum):
    RED = 1
    BLUE = 2


COLOR = Enum("Color", [EnumValue("red", Color.RED), EnumValue("blue", Color.BLUE, "cold")])
SCHEMA = {
    "color": Field(COLOR, default_value="blue"),
    "source": Selector({"csv": str, "table": Shape({"name": str, "schema": str})}),
    "extra": Permissive({"known": Field(int, default_value=1)}),
    "sizes": Array(int),
    "token": StringSource,
    "limit": Field(IntSource, default_value=10),
}


@solid(config_schema=SCHEMA, required_resource_keys={"settings"})
def configured(context):
    return {**context.solid_config, "settings": context.resources.settings}


@pipeline(mode_defs=[ModeDefinition(resource_defs={"settings": make_values_resource(url=str)})])
def typed():
    configured()


def run(config, settings=None):
    return execute_pipeline(
        typed,
        {
            "solids": {"configured": {"config": config}},
            "resources": {
                "settings": {"config": {"url": "db://"} if settings is None else settings}
            },
        },
    )


GOOD = {"source": {"csv": "a.csv"}, "extra": {"more": True}, "sizes": [1, 2], "token": "t"}


def test_values_are_validated_converted_and_defaulted():
    value = run(GOOD).result_for_solid("configured").output_value()
    assert value == {
        "color": Color.BLUE,
        "source": {"csv": "a.csv"},
        "extra": {"known": 1, "more": True},
        "sizes": [1, 2],
        "token": "t",
        "limit": 10,
        "settings": {"url": "db://"},
    }
    assert (
        run({**GOOD, "color": "red"}).result_for_solid("configured").output_value()["color"]
        is Color.RED
    )


def test_sources_read_the_environment_of_the_validating_process(monkeypatch):
    monkeypatch.setenv("LODESTAR_TEST_TOKEN", "secret")
    monkeypatch.setenv("LODESTAR_TEST_LIMIT", "7")
    config = {
        **GOOD,
        "token": {"env": "LODESTAR_TEST_TOKEN"},
        "limit": {"env": "LODESTAR_TEST_LIMIT"},
    }
    value = run(config).result_for_solid("configured").output_value()
    assert (value["token"], value["limit"]) == ("secret", 7)


def test_every_error_is_named_with_its_path(monkeypatch):
    monkeypatch.setenv("LODESTAR_TEST_LIMIT", "many")
    monkeypatch.delenv("LODESTAR_TEST_UNSET", raising=False)
    bad = {
        "color": "green",
        "source": {"csv": "a", "table": {"name": "t", "schema": "s"}},
        "extra": {"known": "x"},
        "sizes": [1, "2"],
        "token": {"env": "LODESTAR_TEST_UNSET"},
        "limit": {"env": "LODESTAR_TEST_LIMIT"},
    }
    with pytest.raises(RunConfigValidationError) as raised:
        run(bad, settings={})
    assert [(e.path, e.message) for e in raised.value.errors] == [
        ("solids.configured.config.color", "expected one of Color (red, blue), got 'green'"),
        ("solids.configured.config.source", "expected exactly one of csv, table, got csv, table"),
        ("solids.configured.config.extra.known", "expected int, got str 'x'"),
        ("solids.configured.config.sizes[1]", "expected int, got str '2'"),
        (
            "solids.configured.config.token",
            "environment variable 'LODESTAR_TEST_UNSET' is not set",
        ),
        (
            "solids.configured.config.limit",
            "environment variable 'LODESTAR_TEST_LIMIT' is 'many', not an int",
        ),
        ("resources.settings.config.url", "missing required config (str)"),
    ]


def test_schema_documents_describe_the_new_types_for_the_launchpad():
    document = schema_document(configured.config_field)
    properties = document["properties"]
    assert properties["color"] == {"type": "string", "enum": ["red", "blue"], "default": "blue"}
    assert properties["source"]["minProperties"] == properties["source"]["maxProperties"] == 1
    assert set(properties["source"]["properties"]) == {"csv", "table"}
    assert properties["extra"]["additionalProperties"] is True
    assert properties["sizes"] == {"type": "array", "items": {"type": "integer"}}
    env = {
        "type": "object",
        "properties": {"env": {"type": "string"}},
        "required": ["env"],
        "additionalProperties": False,
    }
    assert properties["token"] == {"anyOf": [{"type": "string"}, env]}
    assert properties["limit"] == {"anyOf": [{"type": "integer"}, env], "default": 10}
    assert (
        document["required"] == ["source", "extra", "sizes", "token"]
        or "extra" not in (document["required"])
    )
