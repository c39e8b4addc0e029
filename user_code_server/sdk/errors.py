"""Errors of the SDK: invalid definitions, and `Failure` raised by user code."""

from __future__ import annotations

from typing import Any


class DefinitionError(Exception):
    """A solid, pipeline, resource, config schema or repository definition is invalid."""


class Failure(Exception):
    """Raised by a solid to fail its step with a description and JSON-able metadata."""

    def __init__(self, description: str, metadata: dict[str, Any] | None = None):
        super().__init__(description)
        self.description = description
        self.metadata = dict(metadata or {})


class RunConfigValidationError(Exception):
    """Run config that does not fit the pipeline: every error, each with its path."""

    def __init__(self, subject: str, errors: list[Any]):
        self.errors = list(errors)
        listing = "\n".join(f"  - {e}" for e in self.errors)
        super().__init__(f"invalid run config for {subject}:\n{listing}")
