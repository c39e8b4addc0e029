"""Config schemas: normalising what users write, validating values, schema documents.

Users write Python types (`str`, `int`, `float`, `bool`, `Any`), dicts of fields, one-item
lists (`[str]`), `dict`/`list` for anything of that shape, `Field(...)`, `Noneable(...)`,
`Shape`, `Permissive`, `Selector`, `Array`, `Enum`, `StringSource` and `IntSource`.
Validation collects every error with its path (`solids.load.config.paths[1]`) and applies
defaults; a source's `{env: VAR}` is read from the environment of the process validating it
(the code server).

The schema document (what snapshots carry) is a subset of JSON Schema (draft 2020-12):

- `str`/`int`/`float`/`bool` -> `{"type": "string" | "integer" | "number" | "boolean"}`;
  `Any` -> `{}`
- `[T]` -> `{"type": "array", "items": T}`; `Noneable(T)` -> `{"anyOf": [T, {"type": "null"}]}`
- `{name: T}` or `Shape` -> `{"type": "object", "properties": {...}, "required": [...],
  "additionalProperties": false}`; `Permissive` and `dict` -> the same with
  `"additionalProperties": true`; `Selector` -> an object with `"minProperties": 1,
  "maxProperties": 1`
- `Enum` -> `{"type": "string", "enum": [config values]}`; `StringSource`/`IntSource` ->
  `{"anyOf": [string or integer, {"type": "object", "properties": {"env": string},
  "required": ["env"], "additionalProperties": false}]}`
- a field's default and description appear as `"default"` and `"description"`.
"""

from __future__ import annotations

import json
import os
import typing
from typing import Any

from user_code_server.protocol.plan import ConfigError
from user_code_server.sdk.errors import DefinitionError
from user_code_server.sdk.types import describe


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
"""No value: a config entry that is absent, or a field without a default."""


def child_path(path: str, key: Any) -> str:
    """The path of `key` under `path` (`solids.load` + `config` -> `solids.load.config`)."""
    return f"{path}.{key}" if path else str(key)


def _short_repr(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class ConfigType:
    """A normalised config type: validates values and describes itself as a document."""

    name = "Any"

    def document(self) -> dict:
        return {}

    def validate(self, value: Any, path: str, errors: list[ConfigError]) -> Any:
        """Returns `value` with defaults applied; appends every error found to `errors`."""
        return value

    def implicit_default(self) -> Any:
        """The value of an absent optional field of this type (MISSING when there is none)."""
        return MISSING

    def _mismatch(self, value: Any, path: str, errors: list[ConfigError]) -> Any:
        errors.append(
            ConfigError(path, f"expected {self.name}, got {describe(value)} {_short_repr(value)}")
        )
        return value


class _Scalar(ConfigType):
    def __init__(self, name: str, json_type: str, accepts: tuple[type, ...]):
        self.name = name
        self._json_type = json_type
        self._accepts = accepts

    def document(self) -> dict:
        return {"type": self._json_type}

    def validate(self, value: Any, path: str, errors: list[ConfigError]) -> Any:
        if isinstance(value, bool) and bool not in self._accepts:
            return self._mismatch(value, path, errors)
        if not isinstance(value, self._accepts):
            return self._mismatch(value, path, errors)
        return value


class Array(ConfigType):
    """A list of values of one config type (`Array(int)`, the same as `[int]`)."""

    def __init__(self, inner: Any):
        self.item = to_config_type(inner)
        self.name = f"List[{self.item.name}]"

    def document(self) -> dict:
        return {"type": "array", "items": self.item.document()}

    def validate(self, value: Any, path: str, errors: list[ConfigError]) -> Any:
        if not isinstance(value, list):
            return self._mismatch(value, path, errors)
        return [self.item.validate(v, f"{path}[{i}]", errors) for i, v in enumerate(value)]


class Noneable(ConfigType):
    """A config type that also accepts None; an absent field of this type is None."""

    def __init__(self, inner: Any):
        self.inner = to_config_type(inner)
        self.name = f"Noneable[{self.inner.name}]"

    def document(self) -> dict:
        return {"anyOf": [self.inner.document(), {"type": "null"}]}

    def validate(self, value: Any, path: str, errors: list[ConfigError]) -> Any:
        return None if value is None else self.inner.validate(value, path, errors)

    def implicit_default(self) -> Any:
        return None


class Shape(ConfigType):
    """A dict with the given fields (`Shape({"a": int})`, the same as `{"a": int}`)."""

    name = "dict"
    permissive = False

    def __init__(self, fields: dict[str, Any] | None = None, description: str | None = None):
        self.fields = _fields(fields or {})
        self.description = description

    def document(self) -> dict:
        doc: dict[str, Any] = {"type": "object"}
        if self.description:
            doc["description"] = self.description
        if self.fields:
            doc["properties"] = {k: f.document() for k, f in self.fields.items()}
            doc["required"] = [k for k, f in self.fields.items() if f.is_required]
        doc["additionalProperties"] = self.permissive
        return doc

    def validate(self, value: Any, path: str, errors: list[ConfigError]) -> Any:
        if value is None:  # an empty YAML mapping (`config:`)
            value = {}
        if not isinstance(value, dict):
            return self._mismatch(value, path, errors)
        result = {}
        for key, item in value.items():
            if key in self.fields:
                continue
            if self.permissive:
                result[key] = item
            else:
                errors.append(ConfigError(child_path(path, key), self._unexpected(key)))
        for key, field in self.fields.items():
            resolved = field.resolve(value.get(key, MISSING), child_path(path, key), errors)
            if resolved is not MISSING:
                result[key] = resolved
        return result

    def _unexpected(self, key: Any) -> str:
        expected = ", ".join(self.fields) if self.fields else "no fields"
        return f"unexpected config field {key!r} (expected: {expected})"

    def implicit_default(self) -> Any:
        """The defaults of the fields, as config (validated when used)."""
        if any(f.is_required for f in self.fields.values()):
            return MISSING
        defaults = {k: f.default_value for k, f in self.fields.items()}
        return {k: v for k, v in defaults.items() if v is not MISSING}


class Permissive(Shape):
    """A dict with the given fields that also keeps any other keys it is given."""

    permissive = True


class Selector(ConfigType):
    """A dict with exactly one of the given fields (`Selector({"csv": str, "db": str})`)."""

    name = "selector"

    def __init__(self, fields: dict[str, Any], description: str | None = None):
        self.fields = _fields(fields)
        if not self.fields:
            raise DefinitionError("a Selector needs at least one field")
        self.description = description

    def document(self) -> dict:
        doc: dict[str, Any] = {
            "type": "object",
            "properties": {k: f.document() for k, f in self.fields.items()},
            "additionalProperties": False,
            "minProperties": 1,
            "maxProperties": 1,
        }
        if self.description:
            doc["description"] = self.description
        return doc

    def validate(self, value: Any, path: str, errors: list[ConfigError]) -> Any:
        if not isinstance(value, dict):
            return self._mismatch(value, path, errors)
        choices = ", ".join(self.fields)
        if len(value) != 1:
            given = ", ".join(map(str, value)) or "none"
            errors.append(ConfigError(path, f"expected exactly one of {choices}, got {given}"))
            return value
        [(key, item)] = value.items()
        field = self.fields.get(key)
        if field is None:
            message = f"unexpected config field {key!r} (expected one of: {choices})"
            errors.append(ConfigError(child_path(path, key), message))
            return value
        return {key: field.resolve(item, child_path(path, key), errors)}


class EnumValue:
    """One value of an Enum: its name in config and the Python value a solid receives."""

    def __init__(self, config_value: str, python_value: Any = None, description: str | None = None):
        if not isinstance(config_value, str):
            raise DefinitionError(f"an EnumValue's config value must be a string: {config_value!r}")
        self.config_value = config_value
        self.python_value = config_value if python_value is None else python_value
        self.description = description


class Enum(ConfigType):
    """One of a set of named values (`Enum("Color", [EnumValue("red"), EnumValue("blue")])`)."""

    def __init__(self, name: str, enum_values: list[EnumValue]):
        self.name = name
        if not enum_values or not all(isinstance(v, EnumValue) for v in enum_values):
            raise DefinitionError(f"Enum '{name}' takes a non-empty list of EnumValue")
        self.values = {v.config_value: v for v in enum_values}

    def document(self) -> dict:
        return {"type": "string", "enum": list(self.values)}

    def validate(self, value: Any, path: str, errors: list[ConfigError]) -> Any:
        if isinstance(value, str) and value in self.values:
            return self.values[value].python_value
        choices = ", ".join(self.values)
        errors.append(
            ConfigError(path, f"expected one of {self.name} ({choices}), got {_short_repr(value)}")
        )
        return value


class _Source(ConfigType):
    """A scalar given in config, or `{env: VAR}` to read it from an environment variable."""

    def __init__(self, scalar: ConfigType, parse: Any):
        self.scalar = scalar
        self.name = f"{scalar.name} or {{env: VAR}}"
        self._parse = parse

    def document(self) -> dict:
        env = {
            "type": "object",
            "properties": {"env": {"type": "string"}},
            "required": ["env"],
            "additionalProperties": False,
        }
        return {"anyOf": [self.scalar.document(), env]}

    def validate(self, value: Any, path: str, errors: list[ConfigError]) -> Any:
        if not (isinstance(value, dict) and set(value) == {"env"}):
            return self.scalar.validate(value, path, errors)
        variable = value["env"]
        text = os.environ.get(variable) if isinstance(variable, str) else None
        if text is None:
            errors.append(ConfigError(path, f"environment variable {variable!r} is not set"))
            return value
        try:
            return self._parse(text)
        except ValueError:
            found = f"environment variable {variable!r} is {_short_repr(text)}"
            errors.append(ConfigError(path, f"{found}, not an {self.scalar.name}"))
            return value


_SCALARS: dict[Any, ConfigType] = {
    str: _Scalar("str", "string", (str,)),
    int: _Scalar("int", "integer", (int,)),
    float: _Scalar("float", "number", (int, float)),
    bool: _Scalar("bool", "boolean", (bool,)),
}
_ANY = ConfigType()
StringSource = _Source(_SCALARS[str], str)
"""A string, or `{env: VAR}`: the value of an environment variable of the code server."""
IntSource = _Source(_SCALARS[int], int)
"""An integer, or `{env: VAR}`: an environment variable of the code server holding one."""


class Field:
    """A config field: its type, default value, whether it is required, a description."""

    def __init__(
        self,
        config: Any,
        default_value: Any = MISSING,
        is_required: bool | None = None,
        description: str | None = None,
    ):
        self.config_type = to_config_type(config)
        self.description = description
        if default_value is not MISSING:
            if is_required:
                raise DefinitionError("a config field with a default value cannot be required")
            self._checked_default(default_value)
            self.default_value = default_value
        else:
            self.default_value = MISSING if is_required else self.config_type.implicit_default()
        self.is_required = self.default_value is MISSING if is_required is None else is_required

    def _checked_default(self, value: Any) -> None:
        errors: list[ConfigError] = []
        self.config_type.validate(value, "", errors)
        if errors:
            raise DefinitionError(
                f"invalid default value {value!r}: " + "; ".join(map(str, errors))
            )
        try:
            json.dumps(value)
        except (TypeError, ValueError) as error:
            raise DefinitionError(f"default value {value!r} is not JSON-serializable") from error

    def resolve(self, value: Any, path: str, errors: list[ConfigError]) -> Any:
        """The validated value (defaults applied), or the default when `value` is MISSING."""
        if value is not MISSING:
            return self.config_type.validate(value, path, errors)
        if not self.is_required:
            if self.default_value is MISSING or self.default_value is None:
                return self.default_value
            return self.config_type.validate(self.default_value, path, errors)
        if isinstance(self.config_type, Shape):  # name each missing field, not the whole dict
            count = len(errors)
            resolved = self.config_type.validate({}, path, errors)
            if len(errors) > count:
                return resolved
        errors.append(ConfigError(path, f"missing required config ({self.config_type.name})"))
        return MISSING

    def document(self) -> dict:
        doc = self.config_type.document()
        if self.default_value is not MISSING:
            doc["default"] = self.default_value
        if self.description:
            doc["description"] = self.description
        return doc


def to_config_type(schema: Any) -> ConfigType:
    """Normalises a user's schema (type, dict, one-item list, Noneable) to a ConfigType."""
    if isinstance(schema, ConfigType):
        return schema
    if isinstance(schema, Field):
        raise DefinitionError("Field(...) is only valid as a dict value or as the whole schema")
    if schema is typing.Any:
        return _ANY
    if schema is dict:
        return Permissive()
    if schema is list:
        return Array(_ANY)
    if isinstance(schema, dict):
        return Shape(schema)
    if isinstance(schema, list):
        if len(schema) != 1:
            raise DefinitionError(f"a list config schema has exactly one item type, got {schema!r}")
        return Array(schema[0])
    if isinstance(schema, type) and schema in _SCALARS:
        return _SCALARS[schema]
    raise DefinitionError(
        f"invalid config schema {schema!r}: use str, int, float, bool, Any, a dict, a one-item "
        "list, Field, Noneable, Shape, Permissive, Selector, Array, Enum, StringSource or "
        "IntSource"
    )


def _fields(schema: dict[str, Any]) -> dict[str, Field]:
    if not isinstance(schema, dict):
        raise DefinitionError(f"config fields are a dict by field name, got {schema!r}")
    for key in schema:
        if not isinstance(key, str):
            raise DefinitionError(f"config field names must be strings, got {key!r}")
    return {k: v if isinstance(v, Field) else Field(v) for k, v in schema.items()}


def normalize_config_schema(schema: Any) -> Field | None:
    """The top-level field of a `config_schema=` argument (None when it takes no config)."""
    if schema is None:
        return None
    return schema if isinstance(schema, Field) else Field(schema)


def schema_document(field: Field | None) -> dict | None:
    """The JSON-able schema document of a top-level config field (None: no config)."""
    return None if field is None else field.document()
