"""IO managers: where a solid's outputs go and how downstream inputs load them.

An IO manager is a resource of a mode whose value is an `IOManager`; each output names its
manager by resource key (`OutputDefinition(io_manager_key=...)`, default "io_manager"), and an
input is loaded by the manager of the output it comes from. Each step (in whatever worker
process runs it) builds the managers it uses from their resource config.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from user_code_server.sdk.errors import DefinitionError
from user_code_server.sdk.resources import InitResourceContext, ModeDefinition, ResourceDefinition

DEFAULT_IO_MANAGER_KEY = "io_manager"


class IOManager:
    """Stores an output's value (`handle_output`) and loads it for a downstream input
    (`load_input`)."""

    def handle_output(self, context: OutputContext, obj: Any) -> None:
        raise NotImplementedError(f"{type(self).__name__} does not implement handle_output")

    def load_input(self, context: InputContext) -> Any:
        raise NotImplementedError(f"{type(self).__name__} does not implement load_input")


class IOManagerDefinition(ResourceDefinition):
    """A resource whose value is an IOManager. `builtin` names the built-in managers, which
    keep values in the run's own output store."""

    def __init__(
        self,
        resource_fn: Callable[[InitResourceContext], IOManager],
        config_schema: Any = None,
        description: str | None = None,
        builtin: str | None = None,
    ):
        super().__init__(resource_fn, config_schema, description)
        if self.is_generator:
            raise DefinitionError("an IO manager function returns its IOManager: do not yield")
        self.builtin = builtin


def io_manager(
    config_schema: Any = None, description: str | None = None
) -> Callable[[Callable[..., IOManager]], IOManagerDefinition] | IOManagerDefinition:
    """Declares an IO manager from `fn(init_context) -> IOManager`: `@io_manager` or
    `@io_manager(config_schema=...)`; `init_context.resource_config` holds its config."""
    bare = callable(config_schema) and not isinstance(config_schema, type)
    schema = None if bare else config_schema

    def decorate(fn: Callable[..., IOManager]) -> IOManagerDefinition:
        return IOManagerDefinition(fn, schema, description or inspect.getdoc(fn))

    return decorate(config_schema) if bare else decorate


def _builtin(_: InitResourceContext) -> IOManager:
    raise DefinitionError("a built-in IO manager is built by the step runner")


fs_io_manager = IOManagerDefinition(
    _builtin,
    description="Pickles outputs under the code server's own IO directory (the default).",
    builtin="fs",
)
mem_io_manager = IOManagerDefinition(
    _builtin,
    description="Keeps outputs in memory: for runs in one process (execute_pipeline) only.",
    builtin="mem",
)


def io_manager_def(mode: ModeDefinition, key: str) -> IOManagerDefinition | None:
    """The IO manager a mode provides under `key` (fs_io_manager for an absent default key),
    None when it provides none."""
    definition = mode.resource_defs.get(key)
    if definition is None and key == DEFAULT_IO_MANAGER_KEY:
        return fs_io_manager
    return definition if isinstance(definition, IOManagerDefinition) else None


def mem_io_manager_refusal(solid: str, output: str, key: str) -> str:
    """Why a run in a code server cannot use mem_io_manager for this output."""
    return (
        f"output '{output}' of solid '{solid}' uses mem_io_manager (resource '{key}'), which "
        "keeps values in one process: a code server runs steps in separate worker processes; "
        "use fs_io_manager or an @io_manager that stores values where every worker can read "
        "them (mem_io_manager is for execute_pipeline)"
    )


class OutputContext:
    """What `handle_output` gets: which output of which step and run, its config and log."""

    def __init__(
        self,
        *,
        step_key: str,
        name: str,
        run_id: str,
        mapping_key: str | None,
        pipeline_name: str,
        solid_name: str,
        solid_config: Any,
        resource_config: Any,
        dagster_type: Any,
        metadata: dict[str, Any] | None,
        log: Any,
    ):
        self.step_key = step_key
        self.name = name
        self.run_id = run_id
        self.mapping_key = mapping_key
        self.pipeline_name = pipeline_name
        self.solid_name = solid_name
        self.solid_config = solid_config
        self.resource_config = resource_config
        self.dagster_type = dagster_type
        self.metadata = metadata
        self.log = log

    def get_run_scoped_output_identifier(self) -> list[str]:
        """Path parts naming this output within its run: run id, step key, name (and mapping
        key for one value of a dynamic output)."""
        parts = [self.run_id, self.step_key, self.name]
        return parts + [self.mapping_key] if self.mapping_key else parts


class InputContext:
    """What `load_input` gets: the input, its solid, and the upstream output it loads."""

    def __init__(
        self,
        *,
        name: str,
        step_key: str,
        pipeline_name: str,
        solid_name: str,
        solid_config: Any,
        resource_config: Any,
        dagster_type: Any,
        upstream_output: OutputContext,
        log: Any,
    ):
        self.name = name
        self.step_key = step_key
        self.pipeline_name = pipeline_name
        self.solid_name = solid_name
        self.solid_config = solid_config
        self.resource_config = resource_config
        self.dagster_type = dagster_type
        self.upstream_output = upstream_output
        self.log = log
