"""KnownState: everything known of a run's steps, as one value (the plan walker's input)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from user_code_server.protocol.execution import EventType, StepEvent
from user_code_server.protocol.plan import StepKey

KNOWN_STATE_EVENT = "known_state"


class StepOutcome(StrEnum):
    SUCCESS = "SUCCESS"
    FAILURE = "FAILURE"
    SKIPPED = "SKIPPED"


_OUTCOME_OF_EVENT = {
    EventType.STEP_SUCCESS: StepOutcome.SUCCESS,
    EventType.STEP_FAILURE: StepOutcome.FAILURE,
    EventType.STEP_SKIPPED: StepOutcome.SKIPPED,
}


@dataclass
class KnownState:
    """Step outcomes, emitted mapping keys and where each output is stored (by run id)."""

    outcomes: dict[str, StepOutcome] = field(default_factory=dict)
    mapping_keys: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)

    def apply(self, run_id: str, event: StepEvent) -> None:
        """Folds one event of run `run_id` into the state."""
        key = event.step_key
        if event.event_type == EventType.STEP_OUTPUT:
            self.outputs.setdefault(key, {})[event.output_name] = run_id
        elif event.event_type == EventType.DYNAMIC_OUTPUT:
            self.outputs.setdefault(key, {})[event.output_name] = run_id
            keys = self.mapping_keys.setdefault(key, {}).setdefault(event.output_name, [])
            keys.append(event.mapping_key)
        elif event.event_type in _OUTCOME_OF_EVENT:
            self.outcomes[key] = _OUTCOME_OF_EVENT[event.event_type]
        elif event.event_type == EventType.STEP_START:
            # A new attempt starts clean: what an earlier attempt emitted is not kept.
            self.outcomes.pop(key, None)
            self.outputs.pop(key, None)
            self.mapping_keys.pop(key, None)

    def to_data(self) -> dict:
        return {
            "outcomes": {k: str(v) for k, v in self.outcomes.items()},
            "mapping_keys": self.mapping_keys,
            "outputs": self.outputs,
        }

    @classmethod
    def from_data(cls, data: dict) -> KnownState:
        return cls(
            {k: StepOutcome(v) for k, v in data["outcomes"].items()},
            {k: {o: list(keys) for o, keys in v.items()} for k, v in data["mapping_keys"].items()},
            {k: dict(v) for k, v in data["outputs"].items()},
        )

    @classmethod
    def from_events(cls, run_id: str, events: Iterable[StepEvent]) -> KnownState:
        """Rebuilds a run's state from its stored events (its starting state included)."""
        state = cls()
        for event in events:
            if event.event_type == EventType.ENGINE_EVENT and _is_known_state(event):
                state = cls.from_data(event.data[KNOWN_STATE_EVENT])
            else:
                state.apply(run_id, event)
        return state

    def reused_for(self, rerun: set[str]) -> KnownState:
        """The part of this state a re-execution keeps: successful steps not in `rerun`."""
        keep = {k for k, v in self.outcomes.items() if v == StepOutcome.SUCCESS and k not in rerun}
        return KnownState(
            {k: StepOutcome.SUCCESS for k in keep},
            {k: v for k, v in self.mapping_keys.items() if k in keep},
            {k: v for k, v in self.outputs.items() if k in keep},
        )


def _is_known_state(event: StepEvent) -> bool:
    return isinstance(event.data, dict) and KNOWN_STATE_EVENT in event.data


def select_steps(state: KnownState, selection: list[str]) -> set[str]:
    """Step keys of `state` matched by a selection: `name`, `name[a]`, `name[*]` or `*`."""
    if "*" in selection:
        return set(state.outcomes)
    patterns = [StepKey.parse(s) for s in selection]
    return {k for k in state.outcomes if any(_matches(p, StepKey.parse(k)) for p in patterns)}


def _matches(pattern: StepKey, key: StepKey) -> bool:
    if pattern.solid != key.solid:
        return False
    if pattern.mapping_keys == ("*",):
        return True
    return len(pattern.mapping_keys) == len(key.mapping_keys) and all(
        p in ("*", k) for p, k in zip(pattern.mapping_keys, key.mapping_keys, strict=True)
    )
