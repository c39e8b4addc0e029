"""One line per run event, `HH:MM:SS.mmm  step_key  EVENT  message`; under a failure, its
`Failure` metadata and the user's traceback."""

from __future__ import annotations

from datetime import datetime

import click

from cli.output import format_duration, styled
from cli.tracebacks import fold_traceback

STEP_KEY_WIDTH = 24
EVENT_WIDTH = 21  # ASSET_MATERIALIZATION
EVENT_STATUS = {
    "STEP_SUCCESS": "SUCCESS",
    "RUN_SUCCESS": "SUCCESS",
    "STEP_FAILURE": "FAILURE",
    "RUN_FAILURE": "FAILURE",
    "STEP_UP_FOR_RETRY": "UP_FOR_RETRY",
    "STEP_SKIPPED": "SKIPPED",
    "RUN_CANCELED": "CANCELED",
}
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LEVEL_STYLES = {"WARNING": "UP_FOR_RETRY", "ERROR": "FAILURE", "CRITICAL": "FAILURE"}
# The level of an event that has none of its own (only logs carry one).
EVENT_LEVELS = {
    "STEP_FAILURE": "ERROR",
    "RUN_FAILURE": "ERROR",
    "STEP_UP_FOR_RETRY": "WARNING",
    "STEP_STDERR": "WARNING",
}


def event_level(event_type: str, level: str | None) -> str:
    """The event's log level, else the one its type implies (failures are ERROR)."""
    return level or EVENT_LEVELS.get(event_type, "INFO")


def shown_at(event_type: str, level: str | None, least: str) -> bool:
    """Whether an event is at level `least` or above."""
    return LEVELS.index(event_level(event_type, level)) >= LEVELS.index(least)


def event_line(
    timestamp: float,
    step_key: str | None,
    event_type: str,
    message: str,
    error: str | None = None,
    output_name: str | None = None,
    mapping_key: str | None = None,
    level: str | None = None,
) -> str:
    """The line for one event; an error is appended unless the message already says it."""
    clock = datetime.fromtimestamp(timestamp).strftime("%H:%M:%S.%f")[:-3]
    text = message or _output_text(output_name, mapping_key)
    if error and error not in text:
        text = f"{text}: {error}" if text else error
    if level and event_type == "STEP_LOG":
        text = f"{styled(level, LEVEL_STYLES.get(level, ''))} {text}"
    event = styled(event_type.ljust(EVENT_WIDTH), EVENT_STATUS.get(event_type, ""))
    return f"{clock}  {(step_key or '-').ljust(STEP_KEY_WIDTH)}  {event}  {text}".rstrip()


def failure_lines(metadata: dict | None, stack: str | None) -> list[str]:
    """What is printed under a failed step's line: `Failure` metadata, then the traceback
    with Lodestar's own frames folded."""
    lines = [f"{key}: {value}" for key, value in (metadata or {}).items()]
    if stack:
        lines += fold_traceback(stack)
    return [f"    {line}" for line in lines]


def print_event(stack: str | None = None, data: object = None, **fields) -> None:
    """Prints an event's line and, for a step's failure, its `Failure` metadata and folded
    traceback (`data` is the event's data; `stack` its error's traceback)."""
    click.echo(event_line(**fields))
    if fields["event_type"] == "STEP_FAILURE":
        metadata = data.get("metadata") if isinstance(data, dict) else None
        for line in failure_lines(metadata, stack):
            click.echo(line)


def _output_text(output_name: str | None, mapping_key: str | None) -> str:
    if not output_name:
        return ""
    return f"output {output_name}" + (f" [{mapping_key}]" if mapping_key else "")


def final_line(run_id: str, status: str, start: float | None, end: float | None) -> str:
    """The last line of a followed run: its id, status and duration."""
    return f"run {run_id}  {styled(status)}  in {format_duration(start, end)}"
