"""Retries: a solid's `RetryPolicy` and the `RetryRequested` exception."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RetryPolicy:
    """Retry a failed step up to `max_retries` times, waiting `delay` seconds between attempts."""

    max_retries: int = 1
    delay: float | None = None

    def __post_init__(self):
        if not isinstance(self.max_retries, int) or self.max_retries < 0:
            raise ValueError(f"max_retries must be a non-negative int, got {self.max_retries!r}")
        if self.delay is not None and self.delay < 0:
            raise ValueError(f"delay must be non-negative, got {self.delay!r}")


class RetryRequested(Exception):
    """Raised by a solid to ask for another attempt (while attempt <= max_retries)."""

    def __init__(self, max_retries: int = 1, seconds_to_wait: float = 0):
        super().__init__(
            f"retry requested (max_retries={max_retries}, seconds_to_wait={seconds_to_wait})"
        )
        self.max_retries = max_retries
        self.seconds_to_wait = seconds_to_wait
