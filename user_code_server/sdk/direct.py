"""Unit-testing a solid without a pipeline: `build_solid_context()` and direct invocation,
`my_solid(build_solid_context(config={...}), 1, 2)`, which runs the solid's body."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from user_code_server.sdk.config import MISSING
from user_code_server.sdk.context import SolidExecutionContext, StepLogger
from user_code_server.sdk.errors import DefinitionError, RunConfigValidationError
from user_code_server.sdk.resources import Resources, resource_values
from user_code_server.sdk.types import TypeCheckContext

if TYPE_CHECKING:
    from user_code_server.sdk.solid import SolidDefinition

DIRECT_RUN_ID = "EPHEMERAL"
_log = logging.getLogger("lodestar.solid")


def build_solid_context(
    resources: dict[str, Any] | None = None, config: Any = None
) -> SolidExecutionContext:
    """A context for calling a solid directly: the given resources (by key) and solid config;
    `context.log` writes to the `lodestar.solid` Python logger."""
    return _context(resources or {}, config, "")


def _context(resources: dict[str, Any], config: Any, solid: str) -> SolidExecutionContext:
    return SolidExecutionContext(
        solid_config=config,
        log=StepLogger(lambda level, text: _log.log(logging.getLevelName(level), text)),
        run_id=DIRECT_RUN_ID,
        resources=Resources(dict(resources), solid or "<direct invocation>"),
        step_key=solid,
        retry_number=0,
        pipeline_name="",
        solid_name=solid,
        run_tags={},
    )


def is_direct_context(value: Any) -> bool:
    """Whether a solid's first argument asks to run its body: a context, or None."""
    return value is None or isinstance(value, SolidExecutionContext)


def invoke_directly(
    definition: SolidDefinition, name: str, context: Any, args: tuple, kwargs: dict
) -> Any:
    """Runs the body of `definition` with `context` (or a blank one for None) and the given
    inputs; the value it returns, or the list of what a generator body yields."""
    if context is None:
        context = build_solid_context()
    inputs = _inputs(definition, name, args, kwargs, TypeCheckContext(DIRECT_RUN_ID, context.log))
    config = _config(definition, name, context.solid_config)
    resources = resource_values(context.resources)
    missing = sorted(set(definition.required_resource_keys) - set(resources))
    if missing:
        raise DefinitionError(
            f"solid '{name}' requires resources {missing}: pass them to "
            "build_solid_context(resources={...})"
        )
    bound = _context(resources, config, name)
    result = definition.compute_fn(bound, **inputs)
    if definition.is_generator:
        return list(result)
    return result


def _inputs(
    definition: SolidDefinition,
    name: str,
    args: tuple,
    kwargs: dict,
    type_context: TypeCheckContext,
) -> dict[str, Any]:
    value_defs = [d for d in definition.input_defs if not d.is_nothing]
    if len(args) > len(value_defs):
        raise DefinitionError(
            f"solid '{name}' takes {len(value_defs)} inputs after the context but got "
            f"{len(args)} arguments"
        )
    values = dict(zip((d.name for d in value_defs), args, strict=False))
    for key, value in kwargs.items():
        if key not in definition.input_dict or key in values:
            problem = "is given twice" if key in values else "is not an input"
            raise DefinitionError(f"solid '{name}': '{key}' {problem}")
        values[key] = value
    for input_def in value_defs:
        if input_def.name not in values:
            if not input_def.has_default:
                raise DefinitionError(f"solid '{name}': no value for input '{input_def.name}'")
            values[input_def.name] = input_def.default_value
        mismatch = input_def.dagster_type.type_check(type_context, values[input_def.name])
        if mismatch is not None:
            raise DefinitionError(
                f"solid '{name}': input '{input_def.name}' expects "
                f"{input_def.dagster_type.name}, got {mismatch}"
            )
    return values


def _config(definition: SolidDefinition, name: str, config: Any) -> Any:
    if definition.config_field is None:
        return config
    errors: list[Any] = []
    value = MISSING if config is None else config
    resolved = definition.config_field.resolve(value, f"solids.{name}.config", errors)
    if errors:
        raise RunConfigValidationError(f"solid '{name}'", errors)
    return resolved
