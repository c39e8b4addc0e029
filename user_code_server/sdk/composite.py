"""Composite solids: `@composite_solid` composes solids like a pipeline body and is used like
one solid.

A composite is flattened where it is invoked: its solids become solids of the pipeline named
`{composite}__{solid}`, its inputs are passed on to the solids its body gives them to, and its
outputs are the outputs of the solids its body returns. Run config for a composite,
`solids: {COMPOSITE: {config: ...}}` through its `config_fn`, or
`solids: {COMPOSITE: {solids: {SOLID: {config: ...}}}}`, becomes config of those solids.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from user_code_server.protocol.plan import ConfigError
from user_code_server.sdk.checks import check_name
from user_code_server.sdk.composition import (
    UNCONNECTED,
    CompositeInvocation,
    InvokedOutput,
    InvokedOutputs,
    arguments,
    current_builder,
)
from user_code_server.sdk.config import MISSING, child_path, normalize_config_schema
from user_code_server.sdk.errors import DefinitionError
from user_code_server.sdk.solid import InputDefinition, OutputDefinition


class CompositeSolidDefinition:
    """Solids composed by `compose_fn(*inputs)`, which returns the output handle(s) that
    become the composite's outputs (one, or a dict by output name)."""

    def __init__(
        self,
        name: str,
        compose_fn: Callable[..., Any],
        input_defs: list[InputDefinition] | None = None,
        output_defs: list[OutputDefinition] | None = None,
        config_schema: Any = None,
        config_fn: Callable[[Any], dict[str, Any]] | None = None,
        description: str | None = None,
    ):
        self.name = check_name(name, "composite solid")
        if not callable(compose_fn):
            raise DefinitionError(f"composite solid '{name}': the body is not callable")
        params = list(inspect.signature(compose_fn).parameters)
        if input_defs is None:
            input_defs = [InputDefinition(p) for p in params]
        elif sorted(d.name for d in input_defs) != sorted(params):
            raise DefinitionError(
                f"composite solid '{name}': the body's parameters {params} must match its "
                f"inputs {[d.name for d in input_defs]}"
            )
        self.compose_fn = compose_fn
        self.input_defs = tuple(input_defs)
        self.input_dict = {d.name: d for d in self.input_defs}
        self.output_defs = tuple(output_defs) if output_defs is not None else None
        if config_fn is not None and not callable(config_fn):
            raise DefinitionError(f"composite solid '{name}': config_fn must be callable")
        if config_schema is not None and config_fn is None:
            raise DefinitionError(
                f"composite solid '{name}': a config_schema needs a config_fn mapping it to the "
                "config of the solids inside"
            )
        self.config_field = normalize_config_schema(config_schema)
        self.config_fn = config_fn
        self.description = description

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Inside a pipeline body, adds the composite's solids and returns its outputs."""
        return _invoke(self, None, args, kwargs)

    def alias(self, name: str) -> Callable[..., Any]:
        """This composite under another name, to use it more than once in a pipeline."""
        alias = check_name(name, "composite alias")
        return lambda *args, **kwargs: _invoke(self, alias, args, kwargs)

    def __repr__(self) -> str:
        return f"<CompositeSolidDefinition {self.name}>"


def composite_solid(
    name: str | Callable[..., Any] | None = None,
    input_defs: list[InputDefinition] | None = None,
    output_defs: list[OutputDefinition] | None = None,
    config_schema: Any = None,
    config_fn: Callable[[Any], dict[str, Any]] | None = None,
    description: str | None = None,
) -> Any:
    """Declares a composite solid from a body that calls solids on its inputs and returns
    their outputs: `@composite_solid` or `@composite_solid(...)`."""
    if callable(name):
        return composite_solid()(name)

    def decorate(fn: Callable[..., Any]) -> CompositeSolidDefinition:
        return CompositeSolidDefinition(
            name or fn.__name__,
            fn,
            input_defs,
            output_defs,
            config_schema,
            config_fn,
            description or inspect.getdoc(fn),
        )

    return decorate


def _invoke(
    definition: CompositeSolidDefinition, alias: str | None, args: tuple, kwargs: dict
) -> Any:
    builder = current_builder(f"composite solid '{definition.name}'")
    invocation = CompositeInvocation(builder.unique_name(definition.name, alias), definition)
    values = arguments(definition, invocation.name, args, kwargs)
    with builder.inside(invocation):
        returned = definition.compose_fn(
            **{d.name: values.get(d.name, UNCONNECTED) for d in definition.input_defs}
        )
    return _outputs(definition, invocation.name, returned)


def _outputs(definition: CompositeSolidDefinition, name: str, returned: Any) -> Any:
    """The handles of the composite's outputs, by its output definitions' order."""
    if returned is None:
        by_name: dict[str, Any] = {}
    elif isinstance(returned, dict):
        by_name = dict(returned)
    elif isinstance(returned, InvokedOutput):
        by_name = {"result": returned}
    else:
        raise DefinitionError(
            f"composite solid '{name}' returned {returned!r}: return an output of a solid, a "
            "dict of them by output name, or nothing"
        )
    expected = [d.name for d in definition.output_defs or ()] or list(by_name)
    if sorted(expected) != sorted(by_name) or not all(
        isinstance(h, InvokedOutput) for h in by_name.values()
    ):
        raise DefinitionError(
            f"composite solid '{name}' must return its outputs {expected} as outputs of its "
            f"solids, got {by_name}"
        )
    handles = [by_name[n] for n in expected]
    if not handles:
        return None
    return handles[0] if len(handles) == 1 else InvokedOutputs(handles)


@dataclass
class ExpandedConfig:
    """Run config with composites' entries turned into their solids' entries: where each
    entry came from in the user's config, and the composites whose config was invalid (their
    solids' config is not checked again)."""

    run_config: dict[str, Any]
    composites: set[str] = field(default_factory=set)
    invalid: set[str] = field(default_factory=set)

    def path_of(self, solid: str) -> str:
        """The path of a solid's entry as the user writes it (`solids.outer.solids.inner`)."""
        parents = [c for c in self.composites if solid.startswith(c + "__")]
        if not parents:
            return f"solids.{solid}"
        parent = max(parents, key=len)
        return f"{self.path_of(parent)}.solids.{solid[len(parent) + 2 :]}"

    def is_invalid(self, solid: str) -> bool:
        """Whether `solid` is inside a composite whose config was invalid."""
        # Called for every solid of every step's config: most runs have no invalid composite.
        return bool(self.invalid) and any(solid.startswith(name + "__") for name in self.invalid)


def expand_composite_config(
    composites: tuple[CompositeInvocation, ...],
    known: set[str],
    run_config: dict[str, Any],
    errors: list[ConfigError],
) -> ExpandedConfig:
    """`run_config` with each composite's entry turned into entries of its solids
    (`{composite}__{solid}`); its own config is validated and mapped by its config_fn."""
    solids = run_config.get("solids")
    expanded = ExpandedConfig(run_config, {c.name for c in composites})
    if not composites or not isinstance(solids, dict):
        return expanded
    solids = dict(solids)
    for composite in reversed(composites):  # outer composites were recorded last
        entry = solids.pop(composite.name, None)
        definition = composite.definition
        if entry is None and definition.config_fn is None:
            continue
        path = expanded.path_of(composite.name)
        count = len(errors)
        children = _children(definition, entry or {}, path, errors)
        for child, child_entry in children.items():
            flat = f"{composite.name}__{child}"
            if flat not in known:
                message = f"composite solid '{composite.name}' has no solid '{child}'"
                errors.append(ConfigError(child_path(f"{path}.solids", child), message))
            else:
                solids[flat] = child_entry
        if len(errors) > count:
            expanded.invalid.add(composite.name)
    expanded.run_config = {**run_config, "solids": solids}
    return expanded


def _children(
    definition: CompositeSolidDefinition, entry: Any, path: str, errors: list[ConfigError]
) -> dict[str, Any]:
    """The entries of a composite's solids, by their names inside it."""
    if not isinstance(entry, dict):
        errors.append(ConfigError(path, "expected a dict with key 'config' or 'solids'"))
        return {}
    for key in entry:
        if key not in ("config", "solids"):
            errors.append(
                ConfigError(child_path(path, key), "unexpected key (expected: config, solids)")
            )
    if definition.config_fn is None:
        if "config" in entry:
            errors.append(
                ConfigError(
                    f"{path}.config",
                    "this composite takes no config: give its solids' config under 'solids'",
                )
            )
        children = entry.get("solids") or {}
        if not isinstance(children, dict):
            errors.append(ConfigError(f"{path}.solids", "expected a dict by solid name"))
            return {}
        return children
    if "solids" in entry:
        errors.append(
            ConfigError(f"{path}.solids", "this composite maps its own config to its solids")
        )
    count = len(errors)
    config = entry.get("config", MISSING)
    if definition.config_field is not None:
        config = definition.config_field.resolve(config, f"{path}.config", errors)
    if len(errors) > count:
        return {}
    label = f"the config_fn of composite solid '{definition.name}'"
    try:
        mapped = definition.config_fn(None if config is MISSING else config)
    except Exception as error:
        message = f"{label} raised {type(error).__name__}: {error}"
        errors.append(ConfigError(f"{path}.config", message))
        return {}
    if not isinstance(mapped, dict):
        message = f"{label} returned {mapped!r}, not a dict by solid name"
        errors.append(ConfigError(f"{path}.config", message))
        return {}
    return mapped
