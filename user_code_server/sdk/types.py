"""Run-time checked types, from Python type hints or `dagster_type=` values.

A type's `check(value)` returns None when the value fits, else a short description of what
was found instead (`str`, `list with item [2]: str`), for messages naming expected and actual.
"""

from __future__ import annotations

import collections.abc
import inspect
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from user_code_server.sdk.errors import DefinitionError

Check = Callable[[Any], "str | None"]


@dataclass(frozen=True, eq=False)
class LodestarType:
    """A named type checked at run time; `check` is None for types that accept anything.
    `loadable`: a value of it can come from run config (`solids.NAME.inputs`)."""

    name: str
    check: Check | None = None
    loadable: bool = False

    def __repr__(self) -> str:
        return f"LodestarType({self.name})"


def describe(value: Any) -> str:
    """The type name shown for an actual value in type-check messages."""
    return "None" if value is None else type(value).__name__


ANY = LodestarType("Any", loadable=True)
Nothing = LodestarType("Nothing", lambda value: None if value is None else describe(value))
"""The type of inputs that only order solids: no value passes, the compute function has no
parameter for them."""

_ITERATOR_ORIGINS = (
    collections.abc.Iterator,
    collections.abc.Iterable,
    collections.abc.Generator,
)
_GENERIC_NAMES: dict[type, str] = {list: "List", dict: "Dict", set: "Set", tuple: "Tuple"}


def _int_check(value: Any) -> str | None:
    if type(value) is int or (isinstance(value, int) and not isinstance(value, bool)):
        return None
    return describe(value)


def _float_check(value: Any) -> str | None:
    if isinstance(value, float) or (isinstance(value, int) and not isinstance(value, bool)):
        return None
    return describe(value)


def _class_check(cls: type) -> Check:
    def check(value: Any) -> str | None:
        return None if isinstance(value, cls) else describe(value)

    return check


def _list_check(item: LodestarType) -> Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, list):
            return describe(value)
        if item.check is not None:
            for index, element in enumerate(value):
                why = item.check(element)
                if why is not None:
                    return f"list with item [{index}]: {why}"
        return None

    return check


def _dict_check(key: LodestarType, val: LodestarType) -> Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, dict):
            return describe(value)
        for k, v in value.items():
            if key.check is not None and (why := key.check(k)) is not None:
                return f"dict with key {k!r}: {why}"
            if val.check is not None and (why := val.check(v)) is not None:
                return f"dict with value at {k!r}: {why}"
        return None

    return check


def _union_check(options: list[LodestarType]) -> Check:
    def check(value: Any) -> str | None:
        for option in options:
            if option.check is None or option.check(value) is None:
                return None
        return describe(value)

    return check


def _optional(inner: LodestarType) -> LodestarType:
    if inner.check is None:
        return inner
    inner_check = inner.check

    def check(value: Any) -> str | None:
        return None if value is None else inner_check(value)

    return LodestarType(f"Optional[{inner.name}]", check, inner.loadable)


_NONE = LodestarType("None", lambda value: None if value is None else describe(value), True)
_BUILTINS = {
    int: LodestarType("int", _int_check, True),
    float: LodestarType("float", _float_check, True),
    bool: LodestarType("bool", _class_check(bool), True),
    str: LodestarType("str", _class_check(str), True),
    type(None): _NONE,
    None: _NONE,
}


def resolve_type(hint: Any) -> LodestarType:
    """The checked type of a type hint or `LodestarType` (`Any` for a missing annotation)."""
    if isinstance(hint, LodestarType):
        return hint
    if hint is typing.Any or hint is inspect.Parameter.empty:
        return ANY
    if hint in _BUILTINS:
        return _BUILTINS[hint]
    if isinstance(hint, str | typing.ForwardRef):
        raise DefinitionError(f"cannot resolve the type hint {hint!r}: import the type it names")
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [resolve_type(a) for a in args if a is not type(None)]
        inner = options[0] if len(options) == 1 else _union(options)
        return _optional(inner) if type(None) in args else inner
    if origin is list:
        item = resolve_type(args[0]) if args else ANY
        return LodestarType(f"List[{item.name}]", _list_check(item), item.loadable)
    if origin is dict:
        key, val = (resolve_type(a) for a in args) if args else (ANY, ANY)
        loadable = key.loadable and val.loadable
        return LodestarType(f"Dict[{key.name}, {val.name}]", _dict_check(key, val), loadable)
    if isinstance(origin, type):
        arg_names = ", ".join("..." if a is Ellipsis else resolve_type(a).name for a in args)
        name = _GENERIC_NAMES.get(origin, origin.__name__)
        return LodestarType(f"{name}[{arg_names}]" if args else name, _class_check(origin))
    if isinstance(hint, type):
        return LodestarType(hint.__name__, _class_check(hint), hint in (list, dict))
    raise DefinitionError(f"unsupported type {hint!r}: use a class, a typing hint or Nothing")


def _union(options: list[LodestarType]) -> LodestarType:
    if any(o.check is None for o in options):
        return ANY
    name = f"Union[{', '.join(o.name for o in options)}]"
    return LodestarType(name, _union_check(options), all(o.loadable for o in options))


def is_iterator_hint(hint: Any) -> bool:
    """Whether a return annotation describes a generator rather than an output value."""
    origin = typing.get_origin(hint) or hint
    return isinstance(origin, type) and origin in _ITERATOR_ORIGINS
