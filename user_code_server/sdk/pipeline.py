"""Pipelines: `@pipeline` composes solids by calling them in its body."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from user_code_server.sdk.checks import check_name, string_tags
from user_code_server.sdk.composition import SolidInvocation, composing
from user_code_server.sdk.errors import DefinitionError
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
    ):
        self.name = check_name(name, "pipeline")
        self.invocations = tuple(invocations)
        self.invocation_dict = {i.name: i for i in self.invocations}
        self.mode_defs = tuple(mode_defs or [ModeDefinition()])
        self.mode_dict = {m.name: m for m in self.mode_defs}
        if len(self.mode_dict) != len(self.mode_defs):
            raise DefinitionError(f"pipeline '{name}': two modes share a name")
        self.description = description
        self.tags = string_tags(tags)
        self._check_resources()

    @property
    def default_mode(self) -> ModeDefinition:
        """The mode named "default" if there is one, else the first mode."""
        return self.mode_dict.get("default", self.mode_defs[0])

    def get_mode(self, name: str | None) -> ModeDefinition | None:
        """The mode called `name` (the default mode for None or ""), None if there is none."""
        return self.mode_dict.get(name) if name else self.default_mode

    def _check_resources(self) -> None:
        for mode in self.mode_defs:
            for invocation in self.invocations:
                for key in invocation.definition.required_resource_keys:
                    if key not in mode.resource_defs:
                        raise DefinitionError(
                            f"pipeline '{self.name}': solid '{invocation.name}' requires "
                            f"resource '{key}', which mode '{mode.name}' does not provide"
                        )

    def __repr__(self) -> str:
        return f"<PipelineDefinition {self.name}>"


def pipeline(
    name: str | Callable[[], Any] | None = None,
    mode_defs: list[ModeDefinition] | None = None,
    description: str | None = None,
    tags: dict[str, Any] | None = None,
) -> Any:
    """Declares a pipeline from a body that calls solids: `@pipeline` or `@pipeline(...)`."""
    if callable(name):
        return pipeline()(name)

    def decorate(fn: Callable[[], Any]) -> PipelineDefinition:
        pipeline_name = name or fn.__name__
        if inspect.signature(fn).parameters:
            raise DefinitionError(f"pipeline '{pipeline_name}': the body takes no arguments")
        with composing(pipeline_name) as builder:
            fn()
        return PipelineDefinition(
            pipeline_name, builder.invocations, mode_defs, description or inspect.getdoc(fn), tags
        )

    return decorate
