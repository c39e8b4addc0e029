"""Run-time checked types, from Python type hints or `dagster_type=` values, and the user's
own: `LodestarType(name, type_check_fn, description=None)`.

A type check function `(context, value)` returns a bool or a `TypeCheck`; a failed TypeCheck's
description says what was found instead (`list with item [2]: str`), for messages naming
expected and actual.
"""

from __future__ import annotations

import collections.abc
import inspect
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from user_code_server.sdk.errors import DefinitionError


@dataclass(frozen=True)
class TypeCheck:
    """The outcome of a type check: `success`, and what was wrong (or metadata) otherwise."""

    success: bool
    description: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TypeCheckContext:
    """What a type check function gets as `context`: the run id and the step's logger."""

    run_id: str = ""
    log: Any = None


Check = Callable[[Any, Any], "bool | TypeCheck"]


class LodestarType:
    """A named type checked at run time: `type_check_fn(context, value)` returns a bool or a
    TypeCheck; without one the type accepts anything. `loadable`: a value of it can come from
    run config (`solids.NAME.inputs`)."""

    def __init__(
        self,
        name: str,
        type_check_fn: Check | None = None,
        description: str | None = None,
        loadable: bool = False,
    ):
        if not isinstance(name, str) or not name:
            raise DefinitionError(f"a LodestarType needs a name, got {name!r}")
        if type_check_fn is not None and not callable(type_check_fn):
            raise DefinitionError(f"LodestarType '{name}': type_check_fn must be callable")
        self.name = name
        self.type_check_fn = type_check_fn
        self.description = description
        self.loadable = loadable

    def type_check(self, context: Any, value: Any) -> str | None:
        """None when `value` fits, else what was found instead of this type."""
        if self.type_check_fn is None:
            return None
        outcome = self.type_check_fn(context, value)
        if isinstance(outcome, TypeCheck):
            return None if outcome.success else outcome.description or describe(value)
        if isinstance(outcome, bool):
            return None if outcome else describe(value)
        raise DefinitionError(
            f"the type check of {self.name} returned {outcome!r}: return a bool or a TypeCheck"
        )

    def __repr__(self) -> str:
        return f"LodestarType({self.name})"


def _fails(why: str) -> TypeCheck:
    return TypeCheck(False, why)


def describe(value: Any) -> str:
    """The type name shown for an actual value in type-check messages."""
    return "None" if value is None else type(value).__name__


ANY = LodestarType("Any", loadable=True)
Nothing = LodestarType("Nothing", lambda _, value: value is None)
"""The type of inputs that only order solids: no value passes, the compute function has no
parameter for them."""

_ITERATOR_ORIGINS = (
    collections.abc.Iterator,
    collections.abc.Iterable,
    collections.abc.Generator,
)
_GENERIC_NAMES: dict[type, str] = {list: "List", dict: "Dict", set: "Set", tuple: "Tuple"}


def _int_check(_: Any, value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _float_check(_: Any, value: Any) -> bool:
    return isinstance(value, float) or (isinstance(value, int) and not isinstance(value, bool))


def _class_check(cls: type) -> Check:
    def check(_: Any, value: Any) -> bool:
        return isinstance(value, cls)

    return check


def _list_check(item: LodestarType) -> Check:
    def check(context: Any, value: Any) -> bool | TypeCheck:
        if not isinstance(value, list):
            return False
        for index, element in enumerate(value):
            why = item.type_check(context, element)
            if why is not None:
                return _fails(f"list with item [{index}]: {why}")
        return True

    return check


def _dict_check(key: LodestarType, val: LodestarType) -> Check:
    def check(context: Any, value: Any) -> bool | TypeCheck:
        if not isinstance(value, dict):
            return False
        for k, v in value.items():
            if (why := key.type_check(context, k)) is not None:
                return _fails(f"dict with key {k!r}: {why}")
            if (why := val.type_check(context, v)) is not None:
                return _fails(f"dict with value at {k!r}: {why}")
        return True

    return check


def _union_check(options: list[LodestarType]) -> Check:
    def check(context: Any, value: Any) -> bool:
        return any(option.type_check(context, value) is None for option in options)

    return check


def _optional(inner: LodestarType) -> LodestarType:
    if inner.type_check_fn is None:
        return inner

    def check(context: Any, value: Any) -> bool | TypeCheck:
        why = None if value is None else inner.type_check(context, value)
        return True if why is None else _fails(why)

    return LodestarType(f"Optional[{inner.name}]", check, loadable=inner.loadable)


_NONE = LodestarType("None", lambda _, value: value is None, loadable=True)
_BUILTINS = {
    int: LodestarType("int", _int_check, loadable=True),
    float: LodestarType("float", _float_check, loadable=True),
    bool: LodestarType("bool", _class_check(bool), loadable=True),
    str: LodestarType("str", _class_check(str), loadable=True),
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
        return LodestarType(f"List[{item.name}]", _list_check(item), loadable=item.loadable)
    if origin is dict:
        key, val = (resolve_type(a) for a in args) if args else (ANY, ANY)
        loadable = key.loadable and val.loadable
        return LodestarType(
            f"Dict[{key.name}, {val.name}]", _dict_check(key, val), loadable=loadable
        )
    if isinstance(origin, type):
        arg_names = ", ".join("..." if a is Ellipsis else resolve_type(a).name for a in args)
        name = _GENERIC_NAMES.get(origin, origin.__name__)
        return LodestarType(f"{name}[{arg_names}]" if args else name, _class_check(origin))
    if isinstance(hint, type):
        return LodestarType(hint.__name__, _class_check(hint), loadable=hint in (list, dict))
    raise DefinitionError(f"unsupported type {hint!r}: use a class, a typing hint or Nothing")


def _union(options: list[LodestarType]) -> LodestarType:
    if any(o.type_check_fn is None for o in options):
        return ANY
    name = f"Union[{', '.join(o.name for o in options)}]"
    return LodestarType(name, _union_check(options), loadable=all(o.loadable for o in options))


def is_iterator_hint(hint: Any) -> bool:
    """Whether a return annotation describes a generator rather than an output value."""
    origin = typing.get_origin(hint) or hint
    return isinstance(origin, type) and origin in _ITERATOR_ORIGINS
