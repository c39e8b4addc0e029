"""The daemon lease: which process runs the run queue, run coordinators, backfills and
recovery, when several control planes share one database."""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable

from control_plane.storage import Storage

log = logging.getLogger(__name__)

LEASE_NAME = "daemon"
DEFAULT_TTL_S = 15.0


def new_holder_id() -> str:
    """`host:pid:nonce`: unique per process start, and tells who may judge it dead."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _dead_on_this_host(holder: str) -> bool:
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

    def hold(self) -> bool:
        current = self._storage.get_lease(LEASE_NAME)
        dead = [current[0]] if current and _dead_on_this_host(current[0]) else []
        return self._storage.acquire_lease(LEASE_NAME, self.holder, self.ttl_s, dead)

    def release(self) -> None:
        self._storage.release_lease(LEASE_NAME, self.holder)

    def current_holder(self) -> str | None:
        current = self._storage.get_lease(LEASE_NAME)
        return current[0] if current else None


class LeaseKeeper:
    """Keeps trying to hold the lease; calls `lead()` on getting it, `abdicate()` on losing it
    (a process that stalled past the lease's expiry: another may be leading by now)."""

    def __init__(self, lease: DaemonLease, lead: Callable[[], None], abdicate: Callable[[], None]):
        self.lease = lease
        self._lead = lead
        self._abdicate = abdicate
        self.leading = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="daemon-lease", daemon=True)

    def start(self) -> None:
        """Tries once now (so an idle instance is led at once), then keeps trying."""
        self._tick()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        if self.leading:
            self.lease.release()

    def _loop(self) -> None:
        while not self._stop.wait(self.lease.ttl_s / 3):
            try:
                self._tick()
            except Exception:
                log.exception("daemon lease: could not reach storage")

    def _tick(self) -> None:
        held = self.lease.hold()
        if held and not self.leading:
            self.leading = True
            log.info("daemon lease taken by %s", self.lease.holder)
            self._lead()
        elif not held and self.leading:
            self.leading = False
            log.error("daemon lease lost by %s: no longer running the daemon", self.lease.holder)
            self._abdicate()
