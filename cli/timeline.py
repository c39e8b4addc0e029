"""One line per run event: `HH:MM:SS.mmm  step_key  EVENT  message`."""

from __future__ import annotations

from datetime import datetime

import click

from cli.output import format_duration, styled

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


def event_line(
    timestamp: float,
    step_key: str | None,
    event_type: str,
    message: str,
    error: str | None = None,
    output_name: str | None = None,
    mapping_key: str | None = None,
) -> str:
    """The line for one event; an error is appended unless the message already says it."""
    clock = datetime.fromtimestamp(timestamp).strftime("%H:%M:%S.%f")[:-3]
    text = message or _output_text(output_name, mapping_key)
    if error and error not in text:
        text = f"{text}: {error}" if text else error
    event = styled(event_type.ljust(EVENT_WIDTH), EVENT_STATUS.get(event_type, ""))
    return f"{clock}  {(step_key or '-').ljust(STEP_KEY_WIDTH)}  {event}  {text}".rstrip()


def print_event(**fields) -> None:
    click.echo(event_line(**fields))


def _output_text(output_name: str | None, mapping_key: str | None) -> str:
    if not output_name:
        return ""
    return f"output {output_name}" + (f" [{mapping_key}]" if mapping_key else "")


def final_line(run_id: str, status: str, start: float | None, end: float | None) -> str:
    """The last line of a followed run: its id, status and duration."""
    return f"run {run_id}  {styled(status)}  in {format_duration(start, end)}"
