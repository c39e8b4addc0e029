"""Pipelines: `@pipeline` composes solids by calling them in its body."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from user_code_server.sdk.checks import check_name, string_tags
from user_code_server.sdk.composition import CompositeInvocation, SolidInvocation, composing
from user_code_server.sdk.errors import DefinitionError
from user_code_server.sdk.hooks import check_hooks
from user_code_server.sdk.io_managers import io_manager_def
from user_code_server.sdk.presets import PresetDefinition
from user_code_server.sdk.resources import ModeDefinition


class PipelineDefinition:
    """A pipeline: solid invocations in topological order, and the modes it runs in."""

    def __init__(
        self,
        name: str,
        invocations: list[SolidInvocation],
        mode_defs: list[ModeDefinition] | None = None,
        description: str | None = None,
        tags: dict[str, Any] | None = None,
        preset_defs: list[PresetDefinition] | None = None,
        hook_defs: Any = None,
        composites: list[CompositeInvocation] | None = None,
    ):
        self.name = check_name(name, "pipeline")
        self.composites = tuple(composites or ())
        self.hook_defs = check_hooks(hook_defs, f"pipeline '{name}'")
        self.invocations = tuple(invocations)
        self.invocation_dict = {i.name: i for i in self.invocations}
        self.mode_defs = tuple(mode_defs or [ModeDefinition()])
        self.mode_dict = {m.name: m for m in self.mode_defs}
        if len(self.mode_dict) != len(self.mode_defs):
            raise DefinitionError(f"pipeline '{name}': two modes share a name")
        self.description = description
        self.tags = string_tags(tags)
        self.preset_defs = tuple(preset_defs or ())
        self._presets = {p.name: p for p in self.preset_defs}
        self._check_resources()
        self._check_presets()

    @property
    def default_mode(self) -> ModeDefinition:
        """The mode named "default" if there is one, else the first mode."""
        return self.mode_dict.get("default", self.mode_defs[0])

    def get_mode(self, name: str | None) -> ModeDefinition | None:
        """The mode called `name` (the default mode for None or ""), None if there is none."""
        return self.mode_dict.get(name) if name else self.default_mode

    def get_preset(self, name: str) -> PresetDefinition:
        """The preset called `name`; DefinitionError naming the presets there are."""
        preset = self._presets.get(name)
        if preset is None:
            known = ", ".join(self._presets) or "none"
            raise DefinitionError(
                f"pipeline '{self.name}' has no preset '{name}' (presets: {known})"
            )
        return preset

    def _check_presets(self) -> None:
        for preset in self.preset_defs:
            if not isinstance(preset, PresetDefinition):
                raise DefinitionError(
                    f"pipeline '{self.name}': preset_defs takes PresetDefinitions, got {preset!r}"
                )
            if preset.mode not in self.mode_dict:
                raise DefinitionError(
                    f"pipeline '{self.name}': preset '{preset.name}' uses mode '{preset.mode}', "
                    f"which the pipeline does not have"
                )
        if len(self._presets) != len(self.preset_defs):
            raise DefinitionError(f"pipeline '{self.name}': two presets share a name")

    def _check_resources(self) -> None:
        for mode in self.mode_defs:
            for invocation in self.invocations:
                for key in invocation.definition.required_resource_keys:
                    if key not in mode.resource_defs:
                        raise DefinitionError(
                            f"pipeline '{self.name}': solid '{invocation.name}' requires "
                            f"resource '{key}', which mode '{mode.name}' does not provide"
                        )
                for hook in self.hook_defs | invocation.hook_defs:
                    for key in hook.required_resource_keys:
                        if key not in mode.resource_defs:
                            raise DefinitionError(
                                f"pipeline '{self.name}': hook '{hook.name}' on solid "
                                f"'{invocation.name}' requires resource '{key}', which mode "
                                f"'{mode.name}' does not provide"
                            )
                for output in invocation.definition.output_defs:
                    if io_manager_def(mode, output.io_manager_key) is None:
                        raise DefinitionError(
                            f"pipeline '{self.name}': output '{output.name}' of solid "
                            f"'{invocation.name}' uses IO manager '{output.io_manager_key}', "
                            f"which mode '{mode.name}' does not provide (an @io_manager "
                            "in its resource_defs)"
                        )

    def __repr__(self) -> str:
        return f"<PipelineDefinition {self.name}>"


def pipeline(
    name: str | Callable[[], Any] | None = None,
    mode_defs: list[ModeDefinition] | None = None,
    description: str | None = None,
    tags: dict[str, Any] | None = None,
    preset_defs: list[PresetDefinition] | None = None,
    hook_defs: Any = None,
) -> Any:
    """Declares a pipeline from a body that calls solids: `@pipeline` or `@pipeline(...)`;
    `hook_defs` run after every step."""
    if callable(name):
        return pipeline()(name)

    def decorate(fn: Callable[[], Any]) -> PipelineDefinition:
        pipeline_name = name or fn.__name__
        if inspect.signature(fn).parameters:
            raise DefinitionError(f"pipeline '{pipeline_name}': the body takes no arguments")
        with composing(pipeline_name) as builder:
            fn()
        return PipelineDefinition(
            pipeline_name,
            builder.invocations,
            mode_defs,
            description or inspect.getdoc(fn),
            tags,
            preset_defs,
            hook_defs,
            builder.composites,
        )

    return decorate
