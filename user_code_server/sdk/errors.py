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
