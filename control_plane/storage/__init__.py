"""Storage of runs, the event log and daemon heartbeats (SQLite, MySQL or PostgreSQL)."""

from control_plane.storage.asset_records import AssetMaterializationRecord, AssetRecord
from control_plane.storage.base import Storage
from control_plane.storage.dialects import PoolConfig, create_engine
from control_plane.storage.records import (
    BACKFILL_TAG,
    IN_FLIGHT_STATUSES,
    PARTITION_SET_TAG,
    PARTITION_TAG,
    DaemonHeartbeat,
    EventRecord,
    PipelineRun,
    RunsFilter,
    RunStatus,
)
from control_plane.storage.sql_storage import (
    TRANSIENT_STORAGE_ERRORS,
    SqlStorage,
    asset_key_string,
)

__all__ = [
    "BACKFILL_TAG",
    "IN_FLIGHT_STATUSES",
    "PARTITION_SET_TAG",
    "PARTITION_TAG",
    "TRANSIENT_STORAGE_ERRORS",
    "AssetMaterializationRecord",
    "AssetRecord",
    "DaemonHeartbeat",
    "EventRecord",
    "PipelineRun",
    "PoolConfig",
    "RunStatus",
    "RunsFilter",
    "SqlStorage",
    "Storage",
    "asset_key_string",
    "create_engine",
]
