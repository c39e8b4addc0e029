"""ActiveExecution: walks an execution plan over a run's known state, expanding mapped steps.

Pure state, no I/O: the control plane's run coordinator and the in-process executor
(`execute_pipeline`) feed it step events and ask it which steps to run and which to skip.
Every operation is proportional to the steps it touches, so a fan-out of 10,000 mapped
steps costs no quadratic work.
"""

from __future__ import annotations

import heapq
import time
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field

from user_code_server.protocol.execution import (
    EventType,
    InputHandles,
    OutputHandle,
    StepEvent,
    StepExecution,
)
from user_code_server.protocol.known_state import KnownState, StepOutcome
from user_code_server.protocol.plan import ExecutionPlan, StepKey, StepSnapshot
from user_code_server.protocol.snapshots import InputSource, SourceKind


class _Wait:
    """An input whose upstream has not finished yet."""


WAIT = _Wait()


@dataclass(frozen=True)
class _Skip:
    reason: str


@dataclass
class Dispatch:
    """What to do now: steps to send to the executor, and steps to record as skipped."""

    steps: list[StepExecution] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (step key, reason)


class ActiveExecution:
    def __init__(self, plan: ExecutionPlan, run_id: str, known: KnownState, max_concurrent: int):
        self.known = known
        self._run_id = run_id
        self._max_concurrent = max_concurrent
        self._templates = {step.solid: step for step in plan.steps}
        self._downstream: dict[str, list[StepSnapshot]] = {s: [] for s in self._templates}
        for step in plan.steps:
            for upstream in self._upstream_solids(step):
                if upstream in self._downstream and step not in self._downstream[upstream]:
                    self._downstream[upstream].append(step)
        self._in_flight: dict[str, int] = {}  # step key -> attempt
        self._waiting: deque[StepExecution] = deque()
        self._retries: list[tuple[float, str, int]] = []  # (due time, step key, attempt)
        self._pending: set[str] = set()  # keys waiting to be dispatched or retried
        self._skipped: list[tuple[str, str]] = []
        self._canceled = False
        self._finished_under: Counter[tuple[str, tuple[str, ...]]] = Counter()
        self._to_check: deque[StepKey] = deque()  # a worklist: long skip chains need no recursion
        for key_text in known.outcomes:
            self._count_finished(StepKey.parse(key_text))
        for step in plan.steps:
            self._to_check.extend(StepKey(step.solid, keys) for keys in self._instances(step, ()))
        self._drain()

    def _upstream_solids(self, step: StepSnapshot) -> Iterator[str]:
        yield from (ref.solid for ref in step.mapped_over)
        for step_input in step.inputs:
            for source in step_input.sources:
                yield source.solid
                upstream = self._templates.get(source.solid)
                if source.kind == SourceKind.COLLECT and upstream and upstream.depth > step.depth:
                    yield upstream.mapped_over[step.depth].solid

    # Queries

    @property
    def in_flight(self) -> dict[str, int]:
        return dict(self._in_flight)

    def is_complete(self) -> bool:
        return not (self._in_flight or self._waiting or self._retries)

    def next_retry_due(self) -> float | None:
        return self._retries[0][0] if self._retries else None

    def has_failures(self) -> bool:
        return any(o == StepOutcome.FAILURE for o in self.known.outcomes.values())

    # Commands

    def dispatch(self, now: float | None = None) -> Dispatch:
        """Steps to run now (within the concurrency bound) and steps found skipped."""
        now = time.time() if now is None else now
        while self._retries and self._retries[0][0] <= now:
            _, key_text, attempt = heapq.heappop(self._retries)
            self._pending.discard(key_text)
            self._check(StepKey.parse(key_text), attempt)
        self._drain()
        steps = []
        while self._waiting and len(self._in_flight) < self._max_concurrent:
            step = self._waiting.popleft()
            self._pending.discard(step.step_key)
            self._in_flight[step.step_key] = step.attempt
            steps.append(step)
        skipped, self._skipped = self._skipped, []
        return Dispatch(steps, skipped)

    def handle(self, event: StepEvent) -> None:
        """Folds a step event of this run into the state and finds what it unblocks."""
        key_text = event.step_key
        if event.event_type == EventType.STEP_UP_FOR_RETRY:
            attempt = self._in_flight.pop(key_text, event.attempt or 1)
            if self._canceled:
                return
            wait_s = float((event.data or {}).get("seconds_to_wait") or 0)
            heapq.heappush(self._retries, (time.time() + wait_s, key_text, attempt + 1))
            self._pending.add(key_text)
            return
        had_outcome = key_text in self.known.outcomes
        self.known.apply(self._run_id, event)
        if key_text in self.known.outcomes and not had_outcome:
            self._in_flight.pop(key_text, None)
            self._finished(StepKey.parse(key_text))
            self._drain()

    def cancel(self) -> list[str]:
        """Drops every step not yet running; returns the keys still in flight."""
        self._canceled = True
        self._to_check.clear()
        self._waiting.clear()
        self._retries.clear()
        self._pending.clear()
        return list(self._in_flight)

    # Plan walking

    def _instances(self, step: StepSnapshot, prefix: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        """Mapping-key tuples of `step`'s known instances that extend (or prefix) `prefix`."""
        if len(prefix) >= step.depth:
            yield prefix[: step.depth]
            return
        ref = step.mapped_over[len(prefix)]
        source = str(StepKey(ref.solid, prefix))
        if self.known.outcomes.get(source) != StepOutcome.SUCCESS:
            return
        for key in self.known.mapping_keys.get(source, {}).get(ref.output, []):
            yield from self._instances(step, (*prefix, key))

    def _count_finished(self, key: StepKey) -> None:
        if key.mapping_keys:
            self._finished_under[(key.solid, key.mapping_keys[:-1])] += 1

    def _finished(self, key: StepKey) -> None:
        self._count_finished(key)
        for step in self._downstream.get(key.solid, ()):
            self._to_check.extend(
                StepKey(step.solid, keys) for keys in self._instances(step, key.mapping_keys)
            )

    def _drain(self) -> None:
        while self._to_check:
            self._check(self._to_check.popleft())

    def _check(self, key: StepKey, attempt: int = 1) -> None:
        key_text = str(key)
        if self._canceled:
            return
        if key_text in self.known.outcomes or key_text in self._in_flight:
            return
        if key_text in self._pending:
            return
        step = self._templates[key.solid]
        inputs = []
        for step_input in step.inputs:
            handles: list[OutputHandle] = []
            is_collect = False
            for source in step_input.sources:
                resolved = self._resolve(source, key)
                if resolved is WAIT:
                    return
                if isinstance(resolved, _Skip):
                    self.known.outcomes[key_text] = StepOutcome.SKIPPED
                    self._skipped.append((key_text, resolved.reason))
                    self._finished(key)
                    return
                handles.extend(resolved)
                is_collect = is_collect or source.kind == SourceKind.COLLECT
            inputs.append(InputHandles(step_input.name, handles, is_collect))
        self._pending.add(key_text)
        self._waiting.append(StepExecution(key_text, attempt, inputs))

    def _upstream_done(self, key: StepKey) -> _Wait | _Skip | None:
        outcome = self.known.outcomes.get(str(key))
        if outcome is None:
            return WAIT
        if outcome != StepOutcome.SUCCESS:
            return _Skip(f"upstream step {key} ended {outcome}")
        return None

    def _resolve(self, source: InputSource, key: StepKey):
        """The handles feeding one input source of step `key`, or WAIT, or a _Skip."""
        upstream = self._templates.get(source.solid)
        if upstream is None:  # not selected for this run: the input uses its default
            return []
        keys = key.mapping_keys
        if source.kind == SourceKind.COLLECT:
            return self._resolve_collect(source, upstream, keys)
        upstream_key = StepKey(source.solid, keys[: upstream.depth])
        blocked = self._upstream_done(upstream_key)
        if blocked:
            return blocked
        stored_in = self.known.outputs.get(str(upstream_key), {}).get(source.output)
        if stored_in is None:
            return _Skip(f"upstream step {upstream_key} yielded no output {source.output!r}")
        mapping_key = keys[upstream.depth] if source.kind == SourceKind.MAPPED else ""
        return [OutputHandle(stored_in, str(upstream_key), source.output, mapping_key)]

    def _resolve_collect(self, source: InputSource, upstream: StepSnapshot, keys: tuple):
        if upstream.depth == len(keys):  # collecting a dynamic output directly
            upstream_key = StepKey(source.solid, keys)
            blocked = self._upstream_done(upstream_key)
            if blocked:
                return blocked
            key_text = str(upstream_key)
            stored_in = self.known.outputs.get(key_text, {}).get(source.output, self._run_id)
            emitted = self.known.mapping_keys.get(key_text, {}).get(source.output, [])
            return [OutputHandle(stored_in, key_text, source.output, k) for k in emitted]
        dimension = upstream.mapped_over[len(keys)]
        dimension_key = StepKey(dimension.solid, keys)
        blocked = self._upstream_done(dimension_key)
        if blocked:
            return blocked
        emitted = self.known.mapping_keys.get(str(dimension_key), {}).get(dimension.output, [])
        if self._finished_under[(source.solid, keys)] < len(emitted):
            return WAIT
        handles = []
        for mapping_key in emitted:
            upstream_key = StepKey(source.solid, (*keys, mapping_key))
            blocked = self._upstream_done(upstream_key)
            if blocked:
                return blocked
            stored_by = self.known.outputs.get(str(upstream_key), {}).get(source.output)
            if stored_by is not None:
                handles.append(OutputHandle(stored_by, str(upstream_key), source.output))
        return handles
