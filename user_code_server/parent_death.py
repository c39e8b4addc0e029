"""Tying a process's life to its parent's (Linux), so nothing is orphaned by a kill -9."""

from __future__ import annotations

import ctypes
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1


def die_with_parent(sig: signal.Signals, parent_pid: int | None = None) -> None:
    """Asks Linux to send `sig` to this process when its parent dies; exits at once if the
    parent is already gone (it is not `parent_pid`, or, unknown, we were handed to init).
    Called in the child itself, so no code has to run between fork and exec."""
    if not sys.platform.startswith("linux"):
        return
    ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, sig)
    parent = os.getppid()
    if parent == 1 or (parent_pid is not None and parent != parent_pid):
        os._exit(1)
