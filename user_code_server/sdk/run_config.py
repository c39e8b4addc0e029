"""Run config: `{"solids": {NAME: {"config": ..., "inputs": {INPUT: value}}},
"resources": {NAME: {"config": ...}}}`. An input not connected to another solid (or to none
selected) takes its value from `inputs`, else from its default."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from user_code_server.protocol.plan import ConfigError
from user_code_server.sdk.composite import expand_composite_config
from user_code_server.sdk.composition import SolidInvocation
from user_code_server.sdk.config import MISSING, Field, child_path
from user_code_server.sdk.pipeline import PipelineDefinition
from user_code_server.sdk.resources import ModeDefinition
from user_code_server.sdk.types import TypeCheckContext, describe

_SECTIONS = ("solids", "resources")
_ENTRY_KEYS = {"solids": ("config", "inputs"), "resources": ("config",)}


@dataclass(frozen=True)
class ResolvedRunConfig:
    """Validated config with defaults applied, by solid invocation and by resource key, and
    the input values given in config by solid and input name."""

    solids: dict[str, Any]
    resources: dict[str, Any]
    inputs: dict[str, dict[str, Any]]


def resolve_run_config(
    pipeline: PipelineDefinition,
    mode: ModeDefinition,
    run_config: Any,
    selected: Collection[str] | None = None,
    given_inputs: Collection[tuple[str, str]] | None = (),
) -> tuple[ResolvedRunConfig, list[ConfigError]]:
    """Validates `run_config` for the `selected` solids (all when None): every error, with
    its path. Config given for solids not selected is validated too. `given_inputs`: inputs
    (solid, input) whose values the caller gives (execute_solid); None when this is not the
    run's selection (a step's own config) and unconnected inputs are not to be checked."""
    errors: list[ConfigError] = []
    if run_config is None:
        run_config = {}
    if not isinstance(run_config, dict):
        message = f"run config must be a dict, got {describe(run_config)}"
        return ResolvedRunConfig({}, {}, {}), [ConfigError("", message)]
    known = set(pipeline.invocation_dict) | {c.name for c in pipeline.composites}
    expanded = expand_composite_config(pipeline.composites, known, run_config, errors)
    run_config = expanded.run_config
    for key in run_config:
        if key not in _SECTIONS:
            errors.append(
                ConfigError(str(key), f"unexpected key (expected: {', '.join(_SECTIONS)})")
            )
    chosen = [i for i in pipeline.invocations if selected is None or i.name in selected]
    chosen_names = {i.name for i in chosen}
    solid_entries = _entries(run_config, "solids", pipeline.invocation_dict, errors)
    solids = {}
    inputs = {}
    for invocation in pipeline.invocations:
        entry = solid_entries.get(invocation.name, {})
        if expanded.is_invalid(invocation.name):
            continue
        if invocation.name in chosen_names or entry:
            path = f"{expanded.path_of(invocation.name)}.config"
            solids[invocation.name] = _resolve(
                invocation.definition.config_field, entry.get("config", MISSING), path, errors
            )
            path = f"{expanded.path_of(invocation.name)}.inputs"
            if given_inputs is None:
                value_inputs = {d.name for d in invocation.definition.input_defs}
                unconnected, required = value_inputs, False
            else:
                unconnected = _unconnected(invocation, None if selected is None else chosen_names)
                unconnected -= {name for solid, name in given_inputs if solid == invocation.name}
                required = True
            inputs[invocation.name] = _inputs(
                invocation, unconnected, entry.get("inputs"), path, errors, required
            )
    needed = _needed_resources(pipeline, chosen)
    resource_entries = _entries(run_config, "resources", mode.resource_defs, errors)
    resources = {}
    for key, definition in mode.resource_defs.items():
        entry = resource_entries.get(key, {})
        if key in needed or entry:
            value = entry.get("config", MISSING)
            resources[key] = _resolve(
                definition.config_field, value, f"resources.{key}.config", errors
            )
    return ResolvedRunConfig(solids, resources, inputs), errors


def _unconnected(invocation: SolidInvocation, selected: Collection[str] | None) -> set[str]:
    """The value inputs of `invocation` fed by no solid (or by none of the `selected`)."""
    names = set()
    for input_def in invocation.definition.input_defs:
        binding = invocation.inputs.get(input_def.name)
        sources = binding.sources if binding else ()
        if not input_def.is_nothing and not any(
            selected is None or s.solid in selected for s in sources
        ):
            names.add(input_def.name)
    return names


def _inputs(
    invocation: SolidInvocation,
    unconnected: set[str],
    given: Any,
    path: str,
    errors: list[ConfigError],
    required: bool,
) -> dict[str, Any]:
    """The input values of `given` (checked against their types), and (when `required`) an
    error for each unconnected input that has neither a value nor a default."""
    if given is None:
        given = {}
    if not isinstance(given, dict):
        errors.append(ConfigError(path, f"expected a dict by input name, got {describe(given)}"))
        given = {}
    definition = invocation.definition
    values = {}
    for name, value in given.items():
        input_path = child_path(path, name)
        input_def = definition.input_dict.get(name)
        if input_def is None or input_def.is_nothing:
            known = ", ".join(d.name for d in definition.input_defs if not d.is_nothing)
            errors.append(ConfigError(input_path, f"unknown input (inputs: {known or 'none'})"))
        elif name not in unconnected:
            errors.append(ConfigError(input_path, "this input comes from another solid"))
        elif not input_def.dagster_type.loadable:
            errors.append(
                ConfigError(
                    input_path,
                    f"an input of type {input_def.dagster_type.name} cannot come from run config",
                )
            )
        else:
            why = input_def.dagster_type.type_check(TypeCheckContext(), value)
            if why:
                expected = input_def.dagster_type.name
                errors.append(ConfigError(input_path, f"expected {expected}, got {why}"))
            values[name] = value
    for name in sorted(unconnected - set(given)) if required else ():
        input_def = definition.input_dict[name]
        if not input_def.has_default:
            errors.append(
                ConfigError(
                    child_path(path, name),
                    f"missing required input ({input_def.dagster_type.name}): it is not "
                    "connected to a solid that runs and has no default",
                )
            )
    return values


def _needed_resources(pipeline: PipelineDefinition, chosen: list[SolidInvocation]) -> set[str]:
    """The resources the chosen solids use: those they and their hooks require, and the IO
    managers of their outputs and of the outputs their inputs load."""
    needed = {key for i in chosen for key in i.definition.required_resource_keys}
    for invocation in chosen:
        for hook in pipeline.hook_defs | invocation.hook_defs:
            needed.update(hook.required_resource_keys)
        needed.update(o.io_manager_key for o in invocation.definition.output_defs)
        for binding in invocation.inputs.values():
            for source in binding.sources:
                upstream = pipeline.invocation_dict[source.solid].definition
                needed.add(upstream.output_dict[source.output].io_manager_key)
    return needed


def _entries(
    run_config: dict, section: str, known: Collection[str], errors: list[ConfigError]
) -> dict[str, dict[str, Any]]:
    """Each entry of a section by name, checking names, entry shapes and keys."""
    entries = run_config.get(section)
    if entries is None:
        return {}
    what = section[:-1]
    if not isinstance(entries, dict):
        errors.append(
            ConfigError(section, f"expected a dict by {what} name, got {describe(entries)}")
        )
        return {}
    result = {}
    for name, entry in entries.items():
        path = child_path(section, name)
        if name not in known:
            errors.append(ConfigError(path, f"unknown {what} '{name}' (known: {_listing(known)})"))
            continue
        if entry is None:
            entry = {}
        keys = _ENTRY_KEYS[section]
        if not isinstance(entry, dict):
            expected = " or ".join(repr(k) for k in keys)
            errors.append(
                ConfigError(path, f"expected a dict with key {expected}, got {describe(entry)}")
            )
            continue
        for key in entry:
            if key not in keys:
                errors.append(
                    ConfigError(
                        child_path(path, key), f"unexpected key (expected: {', '.join(keys)})"
                    )
                )
        result[name] = {k: v for k, v in entry.items() if k in keys}
    return result


def _resolve(field: Field | None, value: Any, path: str, errors: list[ConfigError]) -> Any:
    if field is None:
        if value is not MISSING and value is not None:
            errors.append(ConfigError(path, "takes no config"))
        return None
    resolved = field.resolve(value, path, errors)
    return None if resolved is MISSING else resolved


def _listing(names: Collection[str], limit: int = 10) -> str:
    shown = ", ".join(list(names)[:limit])
    return shown if len(names) <= limit else f"{shown}, ... ({len(names) - limit} more)"
