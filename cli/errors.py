"""The error every command raises for a user's mistake or an unreachable control plane."""

from __future__ import annotations

import click


class CliError(click.ClickException):
    """Shown as `error: message` on stderr, exit code 1, never with a traceback."""

    def show(self, file=None) -> None:
        click.echo(f"{click.style('error:', fg='red', bold=True)} {self.message}", err=True)
