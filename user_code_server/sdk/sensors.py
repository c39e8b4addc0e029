"""Sensors: functions the daemon calls every so often that request runs (each at most once
per run key) or say why they skip; and pipeline failure sensors, told about failed runs."""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable
from typing import Any

from user_code_server.protocol.instigators import FailedRun
from user_code_server.sdk.checks import check_name, string_tags
from user_code_server.sdk.errors import DefinitionError


class RunRequest:
    """A run a sensor (or schedule) asks for, with a JSON-able run config. Runs with the same
    `run_key` launch once, ever; no key: no deduplication."""

    __slots__ = ("run_key", "run_config", "tags")

    def __init__(
        self,
        run_key: str | None,
        run_config: dict | None = None,
        tags: dict[str, Any] | None = None,
    ):
        if run_key is not None and not isinstance(run_key, str):
            raise DefinitionError(f"RunRequest: run_key must be a string, got {run_key!r}")
        if run_config is not None and not isinstance(run_config, dict):
            raise DefinitionError(
                f"RunRequest: run_config must be a dict, got {type(run_config).__name__}"
            )
        if tags is not None and not isinstance(tags, dict):
            raise DefinitionError(f"RunRequest: tags must be a dict, got {type(tags).__name__}")
        try:
            json.dumps(run_config)
        except (TypeError, ValueError) as error:
            raise DefinitionError(
                f"RunRequest(run_key={run_key!r}): run_config is not JSON-able: {error}"
            ) from None
        self.run_key = run_key
        self.run_config = dict(run_config or {})
        self.tags = string_tags(tags)

    def __repr__(self) -> str:
        return f"RunRequest(run_key={self.run_key!r})"


class SkipReason:
    """Returned or yielded instead of run requests: why this evaluation requests no run."""

    __slots__ = ("skip_message",)

    def __init__(self, skip_message: str | None = None):
        self.skip_message = skip_message

    def __repr__(self) -> str:
        return f"SkipReason({self.skip_message!r})"


class SensorExecutionContext:
    """What a sensor function receives: the cursor it left last time (None before any) and
    the run key of the last run it requested."""

    def __init__(self, cursor: str | None = None, last_run_key: str | None = None):
        self.cursor = cursor
        self.last_run_key = last_run_key
        self.cursor_updated = False

    def update_cursor(self, cursor: str | None) -> None:
        """Stores `cursor` for the next evaluation (once this one succeeds)."""
        if cursor is not None and not isinstance(cursor, str):
            raise DefinitionError(f"update_cursor takes a string or None, got {cursor!r}")
        self.cursor = cursor
        self.cursor_updated = True


class PipelineFailureSensorContext:
    """What a pipeline failure sensor function receives, once per failed run."""

    __slots__ = ("sensor_name", "pipeline_run")

    def __init__(self, sensor_name: str, pipeline_run: FailedRun):
        self.sensor_name = sensor_name
        self.pipeline_run = pipeline_run


class SensorDefinition:
    """Calls `evaluation_fn(context)` at most every `minimum_interval_seconds`; the
    RunRequests it returns or yields start `pipeline_name`."""

    is_pipeline_failure_sensor = False

    def __init__(
        self,
        name: str,
        pipeline_name: str,
        evaluation_fn: Callable[[SensorExecutionContext], Any],
        minimum_interval_seconds: float = 30,
        mode: str = "default",
        solid_selection: list[str] | None = None,
        description: str | None = None,
    ):
        self.name = check_name(name, "sensor")
        self.pipeline_name = check_name(pipeline_name, "pipeline") if pipeline_name else ""
        if not callable(evaluation_fn):
            raise DefinitionError(f"sensor '{name}': its evaluation function must be callable")
        if (
            isinstance(minimum_interval_seconds, bool)
            or not isinstance(minimum_interval_seconds, int | float)
            or minimum_interval_seconds <= 0
        ):
            raise DefinitionError(
                f"sensor '{name}': minimum_interval_seconds must be a positive number, "
                f"got {minimum_interval_seconds!r}"
            )
        self.minimum_interval_seconds = float(minimum_interval_seconds)
        self.mode = mode
        self.solid_selection = list(solid_selection) if solid_selection else None
        self.description = description
        self._evaluation_fn = evaluation_fn

    def evaluate_tick(self, context: SensorExecutionContext) -> list[RunRequest] | SkipReason:
        """The runs requested (duplicate run keys: the first kept), or why the sensor skips.

        Runs the user's function: its exceptions propagate to the caller's error boundary.
        """
        result = self._evaluation_fn(context)
        if result is None:
            items = []
        elif inspect.isgenerator(result) or isinstance(result, list | tuple):
            items = list(result)
        else:
            items = [result]
        return self._checked(items)

    def _checked(self, items: list[Any]) -> list[RunRequest] | SkipReason:
        skips = [item for item in items if isinstance(item, SkipReason)]
        requests = [item for item in items if isinstance(item, RunRequest)]
        for item in items:
            if not isinstance(item, RunRequest | SkipReason):
                raise DefinitionError(
                    f"sensor '{self.name}' gave {item!r}: expected RunRequest or SkipReason"
                )
        if skips and (requests or len(skips) > 1):
            raise DefinitionError(
                f"sensor '{self.name}' gave {len(skips)} SkipReason(s) and {len(requests)} "
                "RunRequest(s): expected one SkipReason or only RunRequests"
            )
        if skips or not requests:
            return skips[0] if skips else SkipReason()
        return _first_of_each_key(requests)

    def __repr__(self) -> str:
        return f"<SensorDefinition {self.name}>"


class PipelineFailureSensorDefinition(SensorDefinition):
    """Calls `fn(context)` once per failed run, with `context.pipeline_run`; requests no runs."""

    is_pipeline_failure_sensor = True

    def __init__(
        self,
        name: str,
        fn: Callable[[PipelineFailureSensorContext], Any],
        minimum_interval_seconds: float = 30,
        description: str | None = None,
    ):
        if not callable(fn):
            raise DefinitionError(f"pipeline failure sensor '{name}': fn must be callable")
        # Told about failed runs by `notify`; an evaluation without runs requests nothing.
        super().__init__(
            name,
            "",
            lambda context: None,
            minimum_interval_seconds=minimum_interval_seconds,
            description=description,
        )
        self._fn = fn

    def notify(self, failed_run: FailedRun) -> None:
        """Tells the user's function about one failed run (its return value is ignored)."""
        self._fn(PipelineFailureSensorContext(self.name, failed_run))


def sensor(
    pipeline_name: str,
    name: str | None = None,
    minimum_interval_seconds: float = 30,
    mode: str = "default",
    solid_selection: list[str] | None = None,
    description: str | None = None,
) -> Callable[[Callable[[SensorExecutionContext], Any]], SensorDefinition]:
    """Declares a sensor from a function `(context)` returning or yielding RunRequests or a
    SkipReason (None, or nothing yielded: a skip without a reason)."""

    def decorate(fn: Callable[[SensorExecutionContext], Any]) -> SensorDefinition:
        return SensorDefinition(
            name or fn.__name__,
            pipeline_name,
            fn,
            minimum_interval_seconds=minimum_interval_seconds,
            mode=mode,
            solid_selection=solid_selection,
            description=description or inspect.getdoc(fn),
        )

    return decorate


def pipeline_failure_sensor(
    name: str | Callable[..., Any] | None = None,
    minimum_interval_seconds: float = 30,
    description: str | None = None,
) -> Any:
    """Declares a sensor told about each failed run (`context.pipeline_run`), for alerting:
    `@pipeline_failure_sensor` or `@pipeline_failure_sensor(...)`."""
    if callable(name):
        return pipeline_failure_sensor()(name)

    def decorate(fn: Callable[[PipelineFailureSensorContext], Any]) -> SensorDefinition:
        return PipelineFailureSensorDefinition(
            name or fn.__name__,
            fn,
            minimum_interval_seconds=minimum_interval_seconds,
            description=description or inspect.getdoc(fn),
        )

    return decorate


def _first_of_each_key(requests: list[RunRequest]) -> list[RunRequest]:
    seen: set[str] = set()
    kept = []
    for request in requests:
        if request.run_key is not None:
            if request.run_key in seen:
                continue
            seen.add(request.run_key)
        kept.append(request)
    return kept
