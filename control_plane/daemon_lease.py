"""The daemon lease: which process runs the run queue, run coordinators, backfills and
recovery, when several control planes share one database."""

from __future__ import annotations

import os
import socket
import uuid

from control_plane.storage import Storage
from control_plane.storage.records import LeaderTerm

LEASE_NAME = "daemon"
DEFAULT_TTL_S = 15.0


def new_holder_id() -> str:
    """`host:pid:nonce`: unique per process start, and tells who may judge it dead."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def dead_on_this_host(holder: str) -> bool:
    """Whether `holder` (a `host:pid:...` id) names a process of this host that is gone."""
    host, _, rest = holder.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


class DaemonLease:
    """One holder's view of the lease: `hold()` takes or renews it, `release()` frees it.

    A holder on this host whose process is gone is replaced at once (so a control plane
    killed with -9 and restarted takes over without waiting); any other holder only once
    its lease expires.
    """

    def __init__(self, storage: Storage, ttl_s: float = DEFAULT_TTL_S, holder: str | None = None):
        self.holder = holder or new_holder_id()
        self.ttl_s = ttl_s
        self._storage = storage

    def hold(self) -> LeaderTerm | None:
        """This holder's term when it holds the lease (taken or renewed now), else None."""
        current = self._storage.get_lease(LEASE_NAME)
        dead = [current[0]] if current and dead_on_this_host(current[0]) else []
        return self._storage.acquire_lease(LEASE_NAME, self.holder, self.ttl_s, dead)

    def release(self) -> None:
        self._storage.release_lease(LEASE_NAME, self.holder)

    def current_holder(self) -> str | None:
        current = self._storage.get_lease(LEASE_NAME)
        return current[0] if current else None
