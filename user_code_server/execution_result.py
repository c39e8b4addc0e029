"""What `execute_pipeline` and `execute_solid` return: the run's events and output values."""

from __future__ import annotations

from typing import Any

from user_code_server.output_store import InMemoryOutputStore
from user_code_server.protocol.execution import EventType, OutputHandle, StepEvent
from user_code_server.protocol.plan import StepKey


class PipelineExecutionResult:
    """The outcome of an in-process run: `.success`, `.step_events`, results by solid."""

    def __init__(
        self,
        pipeline_name: str,
        run_id: str,
        success: bool,
        step_events: list[StepEvent],
        outputs: InMemoryOutputStore,
    ):
        self.pipeline_name = pipeline_name
        self.run_id = run_id
        self.success = success
        self.step_events = step_events
        self._outputs = outputs

    def result_for_solid(self, name: str) -> SolidExecutionResult:
        """The result of solid `name` (all its mapped steps, if it is mapped)."""
        events = [e for e in self.step_events if StepKey.parse(e.step_key).solid == name]
        if not events:
            raise KeyError(f"pipeline '{self.pipeline_name}' ran no solid named '{name}'")
        return SolidExecutionResult(name, self.run_id, events, self._outputs)

    def __repr__(self) -> str:
        return f"<PipelineExecutionResult {self.pipeline_name} success={self.success}>"


class SolidExecutionResult:
    """The events and output values of one solid's steps in an in-process run."""

    def __init__(
        self, name: str, run_id: str, step_events: list[StepEvent], outputs: InMemoryOutputStore
    ):
        self.name = name
        self.step_events = step_events
        self._run_id = run_id
        self._outputs = outputs

    @property
    def success(self) -> bool:
        """Whether every step of this solid succeeded."""
        ends = {e.step_key: e.event_type for e in self.step_events if e.event_type in _ENDS}
        return bool(ends) and all(t == EventType.STEP_SUCCESS for t in ends.values())

    @property
    def skipped(self) -> bool:
        return any(e.event_type == EventType.STEP_SKIPPED for e in self.step_events)

    def output_value(self, output_name: str = "result", mapping_key: str | None = None) -> Any:
        """The value of output `output_name`. For a dynamic output, or a solid mapped over one,
        a dict by mapping key (nested keys joined by ","), or the one value of `mapping_key`."""
        values = self._values(output_name)
        if list(values) == [""]:
            if mapping_key is not None:
                raise KeyError(f"output '{output_name}' of solid '{self.name}' is not mapped")
            return values[""]
        if mapping_key is None:
            return values
        if mapping_key not in values:
            known = ", ".join(values) or "none"
            raise KeyError(
                f"solid '{self.name}' has no value of output '{output_name}' for mapping key "
                f"'{mapping_key}' (mapping keys: {known})"
            )
        return values[mapping_key]

    def _values(self, output_name: str) -> dict[str, Any]:
        values = {}
        for event in self.step_events:
            if event.output_name != output_name or event.event_type not in _OUTPUTS:
                continue
            handle = OutputHandle(self._run_id, event.step_key, output_name, event.mapping_key)
            keys = (*StepKey.parse(event.step_key).mapping_keys, event.mapping_key)
            values[",".join(k for k in keys if k)] = self._outputs.load(handle)
        if not values and not any(e.event_type in _OUTPUTS for e in self.step_events):
            outcome = "did not succeed" if not self.success else "yielded no outputs"
            raise ValueError(
                f"solid '{self.name}' has no value for output '{output_name}': it {outcome}"
            )
        if not values:
            raise KeyError(f"solid '{self.name}' yielded no output '{output_name}'")
        return values

    def __repr__(self) -> str:
        return f"<SolidExecutionResult {self.name} success={self.success}>"


_ENDS = (EventType.STEP_SUCCESS, EventType.STEP_FAILURE, EventType.STEP_SKIPPED)
_OUTPUTS = (EventType.STEP_OUTPUT, EventType.DYNAMIC_OUTPUT)
