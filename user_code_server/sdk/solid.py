"""Solids: `@solid`, their input and output definitions."""

from __future__ import annotations

import copy
import functools
import inspect
import typing
from collections.abc import Callable
from typing import Any

from user_code_server.sdk import composition
from user_code_server.sdk.checks import check_name, string_tags
from user_code_server.sdk.config import MISSING, normalize_config_schema
from user_code_server.sdk.direct import invoke_directly, is_direct_context
from user_code_server.sdk.errors import DefinitionError
from user_code_server.sdk.events import AssetKey
from user_code_server.sdk.hooks import HookDefinition, check_hooks
from user_code_server.sdk.io_managers import DEFAULT_IO_MANAGER_KEY
from user_code_server.sdk.retries import RetryPolicy
from user_code_server.sdk.types import LodestarType, Nothing, is_iterator_hint, resolve_type

_NO_HINT = inspect.Parameter.empty


class InputDefinition:
    """An input of a solid; without `dagster_type` its type comes from the parameter's hint."""

    def __init__(
        self,
        name: str,
        dagster_type: Any = None,
        default_value: Any = MISSING,
        description: str | None = None,
    ):
        self.name = check_name(name, "input")
        self.declared_type = None if dagster_type is None else resolve_type(dagster_type)
        self.dagster_type: LodestarType = self.declared_type or resolve_type(_NO_HINT)
        self.default_value = default_value
        self.description = description

    @property
    def has_default(self) -> bool:
        return self.default_value is not MISSING

    @property
    def can_be_unconnected(self) -> bool:
        """Whether the input may stay unconnected: it has a default, is Nothing, or its value
        can come from run config (`solids.NAME.inputs.INPUT`)."""
        return self.has_default or self.is_nothing or self.dagster_type.loadable

    @property
    def is_nothing(self) -> bool:
        """A Nothing input only orders solids: no value is passed to the compute function."""
        return self.dagster_type is Nothing

    def _typed(self, hint: Any, default: Any) -> InputDefinition:
        resolved = copy.copy(self)
        if self.declared_type is None:
            resolved.dagster_type = resolve_type(hint)
        if not self.has_default:
            resolved.default_value = default
        return resolved


class OutputDefinition:
    """An output of a solid; without `dagster_type` its type comes from the return hint."""

    is_dynamic = False

    def __init__(
        self,
        dagster_type: Any = None,
        name: str = "result",
        asset_key: AssetKey | str | list[str] | None = None,
        is_required: bool = True,
        description: str | None = None,
        io_manager_key: str = DEFAULT_IO_MANAGER_KEY,
    ):
        self.name = check_name(name, "output")
        self.io_manager_key = check_name(io_manager_key, "io_manager_key")
        self.declared_type = None if dagster_type is None else resolve_type(dagster_type)
        self.dagster_type: LodestarType = self.declared_type or resolve_type(_NO_HINT)
        self.asset_key = None if asset_key is None else AssetKey.coerce(asset_key)
        self.is_required = is_required
        self.description = description

    def _typed(self, hint: Any) -> OutputDefinition:
        if self.declared_type is not None:
            return self
        resolved = copy.copy(self)
        resolved.dagster_type = resolve_type(hint)
        return resolved


class DynamicOutputDefinition(OutputDefinition):
    """An output yielding any number of `DynamicOutput`s, each under its own mapping key."""

    is_dynamic = True

    def __init__(
        self,
        dagster_type: Any = None,
        name: str = "result",
        description: str | None = None,
        io_manager_key: str = DEFAULT_IO_MANAGER_KEY,
    ):
        super().__init__(dagster_type, name, None, False, description, io_manager_key)


class SolidDefinition:
    """A solid: a compute function `(context, *inputs)` with typed inputs, outputs and config."""

    def __init__(
        self,
        name: str,
        compute_fn: Callable[..., Any],
        input_defs: list[InputDefinition] | None = None,
        output_defs: list[OutputDefinition] | None = None,
        config_schema: Any = None,
        required_resource_keys: set[str] | list[str] | None = None,
        retry_policy: RetryPolicy | None = None,
        description: str | None = None,
        tags: dict[str, Any] | None = None,
    ):
        self.name = check_name(name, "solid")
        self.compute_fn = compute_fn
        self.is_generator = inspect.isgeneratorfunction(compute_fn)
        hints, params = _signature(name, compute_fn)
        self.input_defs = _input_defs(name, input_defs, hints, params)
        return_hint = None if self.is_generator else hints.get("return", _NO_HINT)
        self.output_defs = _output_defs(name, output_defs, return_hint)
        self.input_dict = {d.name: d for d in self.input_defs}
        self.output_dict = {d.name: d for d in self.output_defs}
        self.config_field = normalize_config_schema(config_schema)
        self.required_resource_keys = tuple(
            sorted(check_name(k, "resource") for k in (required_resource_keys or ()))
        )
        if retry_policy is not None and not isinstance(retry_policy, RetryPolicy):
            raise DefinitionError(f"solid '{name}': retry_policy must be a RetryPolicy")
        self.retry_policy = retry_policy
        self.description = description
        self.tags = string_tags(tags)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Inside a pipeline body, invokes the solid and returns handles to its outputs;
        outside one, with a context first, runs its body (`add(build_solid_context(), 1, 2)`)."""
        return _call(self, None, args, kwargs)

    def alias(self, name: str) -> PendingInvocation:
        """This solid under another invocation name, to use it more than once in a pipeline."""
        return PendingInvocation(self).alias(name)

    def with_hooks(self, hook_defs: Any) -> PendingInvocation:
        """This solid with hooks run after its steps (`add.with_hooks({notify})(x)`)."""
        return PendingInvocation(self).with_hooks(hook_defs)

    def __repr__(self) -> str:
        return f"<SolidDefinition {self.name}>"


class PendingInvocation:
    """A solid to be invoked under an alias and/or with hooks (`add.alias("add_two")(x)`)."""

    def __init__(
        self,
        definition: SolidDefinition,
        name: str | None = None,
        hook_defs: frozenset[HookDefinition] = frozenset(),
    ):
        self.definition = definition
        self.name = name
        self.hook_defs = hook_defs

    def alias(self, name: str) -> PendingInvocation:
        return PendingInvocation(self.definition, check_name(name, "solid alias"), self.hook_defs)

    def with_hooks(self, hook_defs: Any) -> PendingInvocation:
        hooks = check_hooks(hook_defs, f"solid '{self.name or self.definition.name}'")
        return PendingInvocation(self.definition, self.name, self.hook_defs | hooks)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return _call(self.definition, self.name, args, kwargs, self.hook_defs)


def _call(
    definition: SolidDefinition,
    alias: str | None,
    args: tuple,
    kwargs: dict,
    hook_defs: frozenset[HookDefinition] = frozenset(),
) -> Any:
    if not composition.is_composing() and args and is_direct_context(args[0]):
        return invoke_directly(definition, alias or definition.name, args[0], args[1:], kwargs)
    return composition.invoke(definition, alias, args, kwargs, hook_defs)


def solid(
    name: str | Callable[..., Any] | None = None,
    input_defs: list[InputDefinition] | None = None,
    output_defs: list[OutputDefinition] | None = None,
    config_schema: Any = None,
    required_resource_keys: set[str] | list[str] | None = None,
    retry_policy: RetryPolicy | None = None,
    description: str | None = None,
    tags: dict[str, Any] | None = None,
) -> Any:
    """Declares a solid from a compute function `(context, *inputs)`: `@solid` or `@solid(...)`."""

    if callable(name):
        return solid()(name)

    def decorate(fn: Callable[..., Any]) -> SolidDefinition:
        return SolidDefinition(
            name=name or fn.__name__,
            compute_fn=fn,
            input_defs=input_defs,
            output_defs=output_defs,
            config_schema=config_schema,
            required_resource_keys=required_resource_keys,
            retry_policy=retry_policy,
            description=description or inspect.getdoc(fn),
            tags=tags,
        )

    return decorate


def lambda_solid(
    name: str | Callable[..., Any] | None = None,
    description: str | None = None,
    input_defs: list[InputDefinition] | None = None,
    output_def: OutputDefinition | None = None,
) -> Any:
    """Declares a solid from a function of its inputs alone (no context, one output):
    `@lambda_solid` or `@lambda_solid(...)`."""
    if callable(name):
        return lambda_solid()(name)

    def decorate(fn: Callable[..., Any]) -> SolidDefinition:
        if not callable(fn):
            raise DefinitionError(f"lambda_solid '{name}': the function is not callable")

        def compute(context: Any, **inputs: Any) -> Any:
            return fn(**inputs)

        functools.update_wrapper(compute, fn)
        signature = inspect.signature(fn)
        context = inspect.Parameter("context", inspect.Parameter.POSITIONAL_OR_KEYWORD)
        compute.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=[context, *signature.parameters.values()]
        )
        return SolidDefinition(
            name=name or fn.__name__,
            compute_fn=compute,
            input_defs=input_defs,
            output_defs=[output_def] if output_def is not None else None,
            description=description or inspect.getdoc(fn),
        )

    return decorate


def _signature(name: str, fn: Callable[..., Any]) -> tuple[dict[str, Any], list[inspect.Parameter]]:
    """The resolved type hints of `fn` and its parameters after the context."""
    if not callable(fn):
        raise DefinitionError(f"solid '{name}': the compute function is not callable")
    try:
        hints = typing.get_type_hints(fn)
    except Exception as error:
        raise DefinitionError(f"solid '{name}': cannot resolve type hints: {error}") from error
    params = list(inspect.signature(fn).parameters.values())
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    if not params or params[0].kind not in positional:
        raise DefinitionError(f"solid '{name}': the compute function must take a context first")
    for param in params[1:]:
        if param.kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD):
            raise DefinitionError(f"solid '{name}': *args and **kwargs inputs are not supported")
    return hints, params[1:]


def _input_defs(
    name: str,
    input_defs: list[InputDefinition] | None,
    hints: dict[str, Any],
    params: list[inspect.Parameter],
) -> tuple[InputDefinition, ...]:
    by_param = {p.name: p for p in params}
    if input_defs is None:
        input_defs = [InputDefinition(p.name) for p in params]
    names = [d.name for d in input_defs]
    if len(set(names)) != len(names):
        raise DefinitionError(f"solid '{name}': duplicate input names in {names}")
    value_inputs = {d.name for d in input_defs if not d.is_nothing}
    if value_inputs != set(by_param):
        raise DefinitionError(
            f"solid '{name}': the compute function's parameters after the context "
            f"{sorted(by_param)} must match its non-Nothing inputs {sorted(value_inputs)}"
        )
    resolved = []
    for d in input_defs:
        param = by_param.get(d.name)
        if param is None:
            resolved.append(d)
            continue
        default = MISSING if param.default is _NO_HINT else param.default
        resolved.append(d._typed(hints.get(d.name, _NO_HINT), default))
    return tuple(resolved)


def _output_defs(
    name: str,
    output_defs: list[OutputDefinition] | None,
    return_hint: Any,
) -> tuple[OutputDefinition, ...]:
    """The output definitions; a single one takes its type from the return hint (None for a
    generator)."""
    if output_defs is None:
        output_defs = [OutputDefinition()]
    names = [d.name for d in output_defs]
    if len(set(names)) != len(names):
        raise DefinitionError(f"solid '{name}': duplicate output names in {names}")
    if len(output_defs) == 1 and return_hint is not None and not is_iterator_hint(return_hint):
        return (output_defs[0]._typed(return_hint),)
    return tuple(output_defs)
