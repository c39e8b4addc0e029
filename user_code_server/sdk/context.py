"""What a compute function receives as `context`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

PARTITION_TAG = "lodestar/partition"


class StepLogger:
    """`context.log`: each line becomes a STEP_LOG event of the step, with its level."""

    __slots__ = ("_write",)

    def __init__(self, write: Callable[[str, str], None]):
        self._write = write

    def _log(self, level: str, message: Any, args: tuple) -> None:
        text = str(message) % args if args else str(message)
        self._write(level, text)

    def debug(self, message: Any, *args: Any) -> None:
        self._log("DEBUG", message, args)

    def info(self, message: Any, *args: Any) -> None:
        self._log("INFO", message, args)

    def warning(self, message: Any, *args: Any) -> None:
        self._log("WARNING", message, args)

    def error(self, message: Any, *args: Any) -> None:
        self._log("ERROR", message, args)

    def critical(self, message: Any, *args: Any) -> None:
        self._log("CRITICAL", message, args)


class SolidExecutionContext:
    """The context of one step: its config, logger, resources, run and partition."""

    __slots__ = (
        "solid_config",
        "log",
        "run_id",
        "resources",
        "partition_key",
        "step_key",
        "retry_number",
        "pipeline_name",
        "solid_name",
        "run_tags",
    )

    def __init__(
        self,
        *,
        solid_config: Any,
        log: StepLogger,
        run_id: str,
        resources: Any,
        step_key: str,
        retry_number: int,
        pipeline_name: str,
        solid_name: str,
        run_tags: dict[str, str],
    ):
        self.solid_config = solid_config
        self.log = log
        self.run_id = run_id
        self.resources = resources
        self.partition_key = run_tags.get(PARTITION_TAG)
        self.step_key = step_key
        self.retry_number = retry_number
        self.pipeline_name = pipeline_name
        self.solid_name = solid_name
        self.run_tags = run_tags
