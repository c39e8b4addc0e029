"""Run config: `{"solids": {NAME: {"config": ...}}, "resources": {NAME: {"config": ...}}}`."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from user_code_server.protocol.plan import ConfigError
from user_code_server.sdk.composition import SolidInvocation
from user_code_server.sdk.config import MISSING, Field, child_path
from user_code_server.sdk.pipeline import PipelineDefinition
from user_code_server.sdk.resources import ModeDefinition
from user_code_server.sdk.types import describe

_SECTIONS = ("solids", "resources")


@dataclass(frozen=True)
class ResolvedRunConfig:
    """Validated config with defaults applied, by solid invocation and by resource key."""

    solids: dict[str, Any]
    resources: dict[str, Any]


def resolve_run_config(
    pipeline: PipelineDefinition,
    mode: ModeDefinition,
    run_config: Any,
    selected: Collection[str] | None = None,
) -> tuple[ResolvedRunConfig, list[ConfigError]]:
    """Validates `run_config` for the `selected` solids (all when None): every error, with
    its path. Config given for solids not selected is validated too."""
    errors: list[ConfigError] = []
    if run_config is None:
        run_config = {}
    if not isinstance(run_config, dict):
        message = f"run config must be a dict, got {describe(run_config)}"
        return ResolvedRunConfig({}, {}), [ConfigError("", message)]
    for key in run_config:
        if key not in _SECTIONS:
            errors.append(
                ConfigError(str(key), f"unexpected key (expected: {', '.join(_SECTIONS)})")
            )
    chosen = [i for i in pipeline.invocations if selected is None or i.name in selected]
    chosen_names = {i.name for i in chosen}
    solid_entries = _entries(run_config, "solids", pipeline.invocation_dict, errors)
    solids = {}
    for invocation in pipeline.invocations:
        entry = solid_entries.get(invocation.name, MISSING)
        if invocation.name in chosen_names or entry is not MISSING:
            path = f"solids.{invocation.name}.config"
            solids[invocation.name] = _resolve(
                invocation.definition.config_field, entry, path, errors
            )
    needed = _needed_resources(pipeline, chosen)
    resource_entries = _entries(run_config, "resources", mode.resource_defs, errors)
    resources = {}
    for key, definition in mode.resource_defs.items():
        entry = resource_entries.get(key, MISSING)
        if key in needed or entry is not MISSING:
            resources[key] = _resolve(
                definition.config_field, entry, f"resources.{key}.config", errors
            )
    return ResolvedRunConfig(solids, resources), errors


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
) -> dict[str, Any]:
    """The `config` value of each entry of a section, checking names and entry shapes."""
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
        if not isinstance(entry, dict):
            errors.append(
                ConfigError(path, f"expected a dict with key 'config', got {describe(entry)}")
            )
            continue
        for key in entry:
            if key != "config":
                errors.append(
                    ConfigError(child_path(path, key), "unexpected key (expected: config)")
                )
        result[name] = entry.get("config", MISSING)
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
