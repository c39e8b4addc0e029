"""A step's IO managers: each output stored by the manager its definition names, each input
loaded by the manager of the output it comes from.

The built-in managers keep values in the run's output store (the code server's IO directory,
or memory in an in-process run); the user's are built from their resource config, once per
step and key. An in-process run also keeps every value in its store, for the run's result.
"""

from __future__ import annotations

from typing import Any

from user_code_server.output_store import OutputStore, check_handle
from user_code_server.protocol.execution import OutputHandle
from user_code_server.protocol.plan import StepKey
from user_code_server.sdk.composition import SolidInvocation
from user_code_server.sdk.errors import DefinitionError
from user_code_server.sdk.io_managers import (
    InputContext,
    IOManager,
    OutputContext,
    io_manager_def,
    mem_io_manager_refusal,
)
from user_code_server.sdk.pipeline import PipelineDefinition
from user_code_server.sdk.resources import InitResourceContext, ModeDefinition
from user_code_server.sdk.solid import InputDefinition, OutputDefinition


class _StoreIOManager(IOManager):
    """A built-in manager: values go to the run's output store under their handle."""

    def __init__(self, store: OutputStore):
        self.store = store

    def handle_output(self, context: OutputContext, obj: Any) -> None:
        self.store.store(handle_of(context), obj)

    def load_input(self, context: InputContext) -> Any:
        return self.store.load(handle_of(context.upstream_output))


def handle_of(context: OutputContext) -> OutputHandle:
    """The handle naming the value an output context describes."""
    return OutputHandle(context.run_id, context.step_key, context.name, context.mapping_key or "")


class StepIO:
    """The IO managers of one step of one run."""

    def __init__(
        self,
        *,
        store: OutputStore,
        in_process: bool,
        pipeline: PipelineDefinition,
        mode: ModeDefinition,
        resource_configs: dict[str, Any],
        solid_configs: dict[str, Any],
        run_id: str,
        step_key: str,
        log: Any,
    ):
        self.store = store
        self.step_key = step_key
        self.in_process = in_process
        self.pipeline = pipeline
        self.mode = mode
        self.resource_configs = resource_configs
        self.solid_configs = solid_configs
        self.run_id = run_id
        self.log = log
        self._managers: dict[str, IOManager] = {}

    def handle_output(
        self,
        invocation: SolidInvocation,
        output: OutputDefinition,
        handle: OutputHandle,
        value: Any,
        metadata: dict[str, Any] | None,
    ) -> None:
        """Stores `value` through the output's IO manager."""
        key = output.io_manager_key
        manager = self._manager(key, invocation.name, output.name)
        context = self._output_context(invocation.name, output, handle, metadata)
        manager.handle_output(context, value)
        if self.in_process and not isinstance(manager, _StoreIOManager):
            self.store.store(handle, value)

    def load_input(
        self, invocation: SolidInvocation, input_def: InputDefinition, handle: OutputHandle
    ) -> Any:
        """Loads the value `handle` names through the IO manager of the output it names
        (the default one for an output the pipeline does not have). A handle comes from the
        wire: it reaches no IO manager unless every part of it is a plain name."""
        check_handle(handle)
        solid = StepKey.parse(handle.step_key).solid
        upstream = self.pipeline.invocation_dict.get(solid)
        output = upstream.definition.output_dict.get(handle.output_name) if upstream else None
        if output is None:  # not in this pipeline (any more)
            output = OutputDefinition(name=handle.output_name)
        key = output.io_manager_key
        manager = self._manager(key, solid, output.name)
        context = InputContext(
            name=input_def.name,
            step_key=self.step_key,
            pipeline_name=self.pipeline.name,
            solid_name=invocation.name,
            solid_config=self.solid_configs.get(invocation.name),
            resource_config=self.resource_configs.get(key),
            dagster_type=input_def.dagster_type,
            upstream_output=self._output_context(solid, output, handle, None),
            log=self.log,
        )
        return manager.load_input(context)

    def _output_context(
        self,
        solid: str,
        output: OutputDefinition,
        handle: OutputHandle,
        metadata: dict[str, Any] | None,
    ) -> OutputContext:
        return OutputContext(
            step_key=handle.step_key,
            name=output.name,
            run_id=handle.run_id,
            mapping_key=handle.mapping_key or None,
            pipeline_name=self.pipeline.name,
            solid_name=solid,
            solid_config=self.solid_configs.get(solid),
            resource_config=self.resource_configs.get(output.io_manager_key),
            dagster_type=output.dagster_type,
            metadata=metadata,
            log=self.log,
        )

    def _manager(self, key: str, solid: str, output: str) -> IOManager:
        manager = self._managers.get(key)
        if manager is not None:
            return manager
        definition = io_manager_def(self.mode, key)
        if definition is None:
            raise DefinitionError(f"mode '{self.mode.name}' has no IO manager '{key}'")
        if definition.builtin == "mem" and not self.in_process:
            raise DefinitionError(mem_io_manager_refusal(solid, output, key))
        if definition.builtin is not None:
            manager = _StoreIOManager(self.store)
        else:
            config = self.resource_configs.get(key)
            manager = definition.resource_fn(InitResourceContext(config, self.run_id, self.log))
            if not isinstance(manager, IOManager):
                raise DefinitionError(
                    f"IO manager '{key}' returned {type(manager).__name__}, not an IOManager"
                )
        self._managers[key] = manager
        return manager
