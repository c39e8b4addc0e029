"""Events the control plane writes itself (run lifecycle, skips, engine notes)."""

from __future__ import annotations

import time

from user_code_server.protocol import EventType, StepEvent


def run_event(event_type: EventType, message: str, step_key: str = "", **fields) -> StepEvent:
    """An event written by the control plane, stamped now."""
    return StepEvent(step_key, event_type, time.time(), message=message, **fields)
