"""Stamping each materialization with its lineage as it is when the event is stored."""

from __future__ import annotations

import dataclasses
import threading

from control_plane.assets.lineage import AssetPath, solid_input_assets
from user_code_server.protocol import (
    EventType,
    ExecutionPlan,
    InputSnapshot,
    OutputSnapshot,
    PipelineSnapshot,
    SolidSnapshot,
    StepEvent,
    StepKey,
)

# The event data field holding a materialization's parent asset keys (lists of str).
PARENTS_FIELD = "parents"


def plan_pipeline(plan: ExecutionPlan) -> PipelineSnapshot:
    """The data dependencies and asset keys of a run's stored plan, as a pipeline snapshot:
    a run's lineage comes from what it runs, not from whatever snapshot is loaded later."""
    return PipelineSnapshot(
        name=plan.pipeline,
        solids=[
            SolidSnapshot(
                name=step.solid,
                definition_name=step.solid,
                inputs=[InputSnapshot(name=i.name, sources=i.sources) for i in step.inputs],
                outputs=[OutputSnapshot(name=o.name, asset_key=o.asset_key) for o in step.outputs],
            )
            for step in plan.steps
        ],
    )


def with_parents(events: list[StepEvent], pipeline: PipelineSnapshot) -> list[StepEvent]:
    """`events` with each materialization's `parents`: the assets feeding its solid's inputs."""
    if not any(e.event_type == EventType.ASSET_MATERIALIZATION for e in events):
        return events
    inputs = _input_assets.of(pipeline)
    stamped = []
    for event in events:
        if event.event_type == EventType.ASSET_MATERIALIZATION and isinstance(event.data, dict):
            parents = inputs.get(_solid_of(event.step_key), frozenset())
            data = {**event.data, PARENTS_FIELD: [list(key) for key in sorted(parents)]}
            event = dataclasses.replace(event, data=data)
        stamped.append(event)
    return stamped


def _solid_of(step_key: str) -> str:
    try:
        return StepKey.parse(step_key).solid
    except ValueError:
        return step_key


class _InputAssetsCache:
    """`solid_input_assets` of the last few pipeline snapshots, by identity.

    A reloaded location gets new snapshot objects, so identity is a sound key; the cache
    holds the snapshots it keys on, so an id is never reused while cached.
    """

    SIZE = 16

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[int, tuple[PipelineSnapshot, dict[str, frozenset[AssetPath]]]] = {}

    def of(self, pipeline: PipelineSnapshot) -> dict[str, frozenset[AssetPath]]:
        with self._lock:
            entry = self._entries.get(id(pipeline))
            if entry is not None and entry[0] is pipeline:
                return entry[1]
        computed = solid_input_assets(pipeline)
        with self._lock:
            if len(self._entries) >= self.SIZE:
                self._entries.pop(next(iter(self._entries)))
            self._entries[id(pipeline)] = (pipeline, computed)
        return computed


_input_assets = _InputAssetsCache()
