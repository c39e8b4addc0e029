"""A worker's process tree (Linux): what a step started stays findable, and dies with it.

A worker is a child subreaper (`PR_SET_CHILD_SUBREAPER`): a process its step started and
then orphaned (a double fork, a daemon that called setsid) is re-parented to the worker,
not to init. So the worker's descendants, read from /proc, are exactly what its steps
started, whatever sessions and process groups they moved to. The server is a subreaper
too: when a worker dies, what its steps started comes to the server, whose children are
otherwise only workers, and is killed there. Unprivileged and available on any Linux,
unlike a cgroup, which needs a delegated hierarchy.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import time
from pathlib import Path

_PR_SET_CHILD_SUBREAPER = 36
_KILL_TREE_TIMEOUT_S = 5.0
_KILL_POLL_S = 0.005


def become_subreaper() -> None:
    """Orphaned descendants of this process are re-parented to it rather than to init."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(_PR_SET_CHILD_SUBREAPER, 1)


def reap_children() -> None:
    """Collects every child that has exited (orphans re-parented here are nobody else's)."""
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def kill_tree(pidfd: int, pid: int) -> None:
    """SIGKILLs process `pid` (reached through its `pidfd`, so never a process that reused
    the number) and every live descendant of it. It is stopped first, so it starts nothing
    new; as a subreaper it receives the orphans of the descendants killed, which the next
    pass finds."""
    try:
        signal.pidfd_send_signal(pidfd, signal.SIGSTOP)
    except ProcessLookupError:
        return  # exited: its descendants are no longer its own
    deadline = time.monotonic() + _KILL_TREE_TIMEOUT_S
    while (descendants := _descendants(pid)) and time.monotonic() < deadline:
        for descendant in descendants:
            with contextlib.suppress(ProcessLookupError):
                os.kill(descendant, signal.SIGKILL)
        time.sleep(_KILL_POLL_S)  # until the killed ones are gone
    with contextlib.suppress(ProcessLookupError):  # it may have been a zombie already
        signal.pidfd_send_signal(pidfd, signal.SIGKILL)


def kill_strays(keep: set[int]) -> None:
    """Kills and reaps every child of this process (a subreaper) except `keep`, with all
    they started: what steps left behind when their worker died was re-parented here."""
    while strays := set(_children_by_parent(zombies=True).get(os.getpid(), ())) - keep:
        for pid in strays:
            try:
                pidfd = os.pidfd_open(pid)  # our child, unreaped: the number is its own
            except ProcessLookupError:
                continue  # reaped since we looked
            try:
                kill_tree(pidfd, pid)
            finally:
                os.close(pidfd)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)


def _descendants(pid: int) -> set[int]:
    """The live (not zombie) processes below `pid`."""
    children = _children_by_parent(zombies=False)
    found: set[int] = set()
    pending = [pid]
    while pending:
        for child in children.get(pending.pop(), ()):
            if child not in found:
                found.add(child)
                pending.append(child)
    return found


def _children_by_parent(zombies: bool) -> dict[int, list[int]]:
    """Parent pid to child pids, from one read of /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # it exited while we looked
        if zombies or fields[0] not in "ZX":
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    return children
