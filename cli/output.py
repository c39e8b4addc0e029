"""Printing for people (rich on a terminal, plain aligned text otherwise) and for programs."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

STATUS_STYLES = {
    "SUCCESS": "green",
    "FAILURE": "red",
    "CANCELED": "yellow",
    "CANCELING": "yellow",
    "UP_FOR_RETRY": "yellow",
    "SKIPPED": "bright_black",
    "MISSING": "bright_black",
    "QUEUED": "cyan",
    "STARTING": "blue",
    "STARTED": "blue",
    "IN_PROGRESS": "blue",
    "LOADED": "green",
    "ERROR": "red",
    "REQUESTED": "blue",
    "COMPLETED": "green",
    "FAILED": "red",
}


def is_terminal() -> bool:
    return sys.stdout.isatty()


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2))


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A table; cells named in STATUS_STYLES are coloured on a terminal."""
    cells = [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    if is_terminal():
        table = Table(*headers, box=None, header_style="bold", pad_edge=False)
        for row in cells:
            table.add_row(*(Text(c, style=STATUS_STYLES.get(c, "")) for c in row))
        # Never cut a cell (ids are copied from here): a wide table overflows the terminal.
        console = Console()
        console.width = max(console.width, sum(widths) + 2 * len(widths))
        console.print(table)
        return
    for row in [list(headers), *cells]:
        click.echo("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def styled(text: str, status: str | None = None) -> str:
    """`text` coloured for `status` (default: itself); click drops colour off a terminal."""
    colour = STATUS_STYLES.get(status or text)
    return click.style(text, fg=colour) if colour else text


def format_time(timestamp: float | None) -> str:
    if not timestamp:
        return "-"
    return datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d %H:%M:%S")


def format_duration(start: float | None, end: float | None) -> str:
    if not start or not end:
        return "-"
    seconds = end - start
    if seconds < 60:
        return f"{seconds:.2f}s"
    minutes, seconds = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m{seconds:02d}s" if hours else f"{minutes}m{seconds:02d}s"
