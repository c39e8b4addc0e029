"""The instance: who leads the daemon, daemon heartbeats, and the queue's settings."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import strawberry
from strawberry.scalars import JSON

from control_plane.daemon_lease import LEASE_NAME

if TYPE_CHECKING:
    from control_plane.service import ControlPlane


@strawberry.type(description="The daemon lease's holder: the process that runs the daemon.")
class DaemonLeader:
    holder: str
    term: int = strawberry.field(description="Grows by one each time the lease changes hands.")
    expires_at: float
    expires_in: float = strawberry.field(
        description="Seconds until the lease expires unless renewed, by the database's clock "
        "(negative: expired, no process leads)."
    )


@strawberry.type(description="The last report of one daemon (RUN_QUEUE, BACKFILL, ...).")
class DaemonHeartbeat:
    daemon_type: str
    daemon_id: str = strawberry.field(description="The reporting process (a lease holder).")
    timestamp: float
    age: float = strawberry.field(description="Seconds since the report.")
    info: JSON


@strawberry.type(description="This Lodestar instance, as the server answering sees it.")
class Instance:
    process_id: str = strawberry.field(description="The answering server's process id.")
    is_daemon_leader: bool = strawberry.field(description="Whether it leads the daemon.")
    daemon_leader: DaemonLeader | None = strawberry.field(
        description="Null while no process ever took the lease."
    )
    daemon_heartbeats: list[DaemonHeartbeat]
    max_concurrent_runs: int = strawberry.field(description="run_queue.max_concurrent_runs")
    backfill_chunk_size: int = strawberry.field(description="backfill_daemon.chunk_size")
    backfill_interval_seconds: float = strawberry.field(
        description="backfill_daemon.interval_seconds"
    )
    lease_ttl_seconds: float = strawberry.field(description="daemon_lease.ttl_seconds")


def instance_of(control_plane: ControlPlane) -> Instance:
    """The instance's state: two small reads (blocking: call in a thread)."""
    storage = control_plane.storage
    lease = storage.get_lease_holder(LEASE_NAME)
    now = time.time()
    config = control_plane.instance.config
    return Instance(
        process_id=control_plane.process_id,
        is_daemon_leader=control_plane.is_daemon_leader,
        daemon_leader=None
        if lease is None
        else DaemonLeader(
            holder=lease.holder,
            term=lease.term,
            expires_at=lease.expires_at,
            expires_in=lease.expires_at - lease.now,
        ),
        daemon_heartbeats=[
            DaemonHeartbeat(
                daemon_type=h.daemon_type,
                daemon_id=h.daemon_id,
                timestamp=h.timestamp,
                age=now - h.timestamp,
                info=JSON(h.info),
            )
            for h in storage.get_daemon_heartbeats()
        ],
        max_concurrent_runs=config.run_queue.max_concurrent_runs,
        backfill_chunk_size=config.backfill_daemon.chunk_size,
        backfill_interval_seconds=config.backfill_daemon.interval_seconds,
        lease_ttl_seconds=config.daemon_lease.ttl_seconds,
    )
