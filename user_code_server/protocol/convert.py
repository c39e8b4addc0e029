"""Conversion between the protocol dataclasses and their protobuf messages.

The dataclasses and messages share field names; a message field `x_json` carries the JSON
of the dataclass field `x`; enums travel by name.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from enum import Enum
from functools import cache
from typing import Any, TypeVar, cast

T = TypeVar("T")


@dataclasses.dataclass(frozen=True)
class _FieldPlan:
    name: str
    wire_name: str
    kind: str  # "json", "scalar", "enum", "message", "repeated_message", "repeated", "map"
    cls: Any = None  # the dataclass or enum class involved
    optional: bool = False


def _unwrap_optional(hint: Any) -> tuple[Any, bool]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0], True
    return hint, False


# Callers pass `cast(type, cls)`: a class is hashable, but mypy takes `type[X]` for
# unhashable and the cache wants hashable arguments (python/mypy#11470); bare `type` passes.
@cache
def _plan(cls: type, descriptor: Any) -> tuple[_FieldPlan, ...]:
    hints = typing.get_type_hints(cls)
    plans = []
    for f in dataclasses.fields(cls):
        hint, optional = _unwrap_optional(hints[f.name])
        if f.name + "_json" in descriptor.fields_by_name:
            plans.append(_FieldPlan(f.name, f.name + "_json", "json"))
            continue
        origin = typing.get_origin(hint)
        if origin is list:
            (item,) = typing.get_args(hint)
            if dataclasses.is_dataclass(item):
                plans.append(_FieldPlan(f.name, f.name, "repeated_message", item))
            elif isinstance(item, type) and issubclass(item, Enum):
                plans.append(_FieldPlan(f.name, f.name, "repeated_enum", item))
            else:
                plans.append(_FieldPlan(f.name, f.name, "repeated"))
        elif origin is dict:
            plans.append(_FieldPlan(f.name, f.name, "map"))
        elif dataclasses.is_dataclass(hint):
            plans.append(_FieldPlan(f.name, f.name, "message", hint, optional))
        elif isinstance(hint, type) and issubclass(hint, Enum):
            plans.append(_FieldPlan(f.name, f.name, "enum", hint))
        else:
            plans.append(_FieldPlan(f.name, f.name, "scalar"))
    return tuple(plans)


def _enum_number(descriptor: Any, wire_name: str, value: Enum) -> int:
    return descriptor.fields_by_name[wire_name].enum_type.values_by_name[value.value].number


def fill_proto(obj: Any, message: Any) -> Any:
    """Writes dataclass `obj` into protobuf `message` and returns the message."""
    descriptor = message.DESCRIPTOR
    for p in _plan(cast(type, type(obj)), descriptor):
        value = getattr(obj, p.name)
        if p.kind == "json":
            if value is not None:
                setattr(message, p.wire_name, json.dumps(value))
        elif p.kind == "scalar":
            setattr(message, p.wire_name, value)
        elif p.kind == "enum":
            setattr(message, p.wire_name, _enum_number(descriptor, p.wire_name, value))
        elif p.kind == "message":
            if value is not None:
                fill_proto(value, getattr(message, p.wire_name))
        elif p.kind == "repeated_message":
            container = getattr(message, p.wire_name)
            for item in value:
                fill_proto(item, container.add())
        elif p.kind == "repeated_enum":
            getattr(message, p.wire_name).extend(
                _enum_number(descriptor, p.wire_name, v) for v in value
            )
        elif p.kind == "repeated":
            getattr(message, p.wire_name).extend(value)
        elif p.kind == "map":
            getattr(message, p.wire_name).update(value)
    return message


def to_proto(obj: Any, message_cls: type) -> Any:
    """Builds a protobuf message of `message_cls` from dataclass `obj`."""
    return fill_proto(obj, message_cls())


def from_proto(message: Any, cls: type[T]) -> T:
    """Builds dataclass `cls` from protobuf `message`."""
    descriptor = message.DESCRIPTOR
    values = {}
    for p in _plan(cast(type, cls), descriptor):
        raw = getattr(message, p.wire_name)
        if p.kind == "json":
            values[p.name] = json.loads(raw) if raw else None
        elif p.kind == "scalar":
            values[p.name] = raw
        elif p.kind == "enum":
            field_desc = descriptor.fields_by_name[p.wire_name]
            values[p.name] = p.cls(field_desc.enum_type.values_by_number[raw].name)
        elif p.kind == "message":
            if p.optional and not message.HasField(p.wire_name):
                values[p.name] = None
            else:
                values[p.name] = from_proto(raw, p.cls)
        elif p.kind == "repeated_message":
            values[p.name] = [from_proto(item, p.cls) for item in raw]
        elif p.kind == "repeated_enum":
            enum_type = descriptor.fields_by_name[p.wire_name].enum_type
            values[p.name] = [p.cls(enum_type.values_by_number[v].name) for v in raw]
        elif p.kind == "repeated":
            values[p.name] = list(raw)
        elif p.kind == "map":
            values[p.name] = dict(raw)
    return cls(**values)
