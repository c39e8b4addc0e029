"""What the asset catalog stores, as plain values. An asset key is a tuple of path parts."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class AssetMaterializationRecord:
    """One materialization; `storage_id` is its event's id in the log (its cursor)."""

    storage_id: int
    asset_key: tuple[str, ...]
    run_id: str
    step_key: str  # mapping keys included: `process_file[a_txt]`
    timestamp: float
    partition: str | None = None
    output_name: str | None = None  # None for an AssetMaterialization the solid yielded
    description: str | None = None
    metadata: dict = field(default_factory=dict)
    # Parent asset keys recorded with it; None when unknown (no snapshot at the time).
    parents: tuple[tuple[str, ...], ...] | None = None


@dataclass(frozen=True)
class AssetRecord:
    """An asset storage knows: its latest materialization and how many it has."""

    asset_key: tuple[str, ...]
    materialization_count: int
    latest: AssetMaterializationRecord | None
    wiped_at: float | None = None  # when its history was last wiped
