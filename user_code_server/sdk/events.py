"""What a solid's compute function returns or yields: outputs and asset materializations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, init=False)
class AssetKey:
    """A path naming an asset: `AssetKey("name")` or `AssetKey(["schema", "table"])`."""

    path: tuple[str, ...]

    def __init__(self, path: str | Sequence[str]):
        parts = (path,) if isinstance(path, str) else tuple(path)
        if not parts or not all(isinstance(p, str) and p for p in parts):
            raise ValueError(f"an asset key is a non-empty string or list of strings: {path!r}")
        object.__setattr__(self, "path", parts)

    @classmethod
    def coerce(cls, value: AssetKey | str | Sequence[str]) -> AssetKey:
        """An AssetKey from an AssetKey, a string or a list of strings."""
        return value if isinstance(value, AssetKey) else cls(value)

    def to_string(self) -> str:
        """The slash-separated form used on the command line (`schema/table`)."""
        return "/".join(self.path)


@dataclass(frozen=True, slots=True)
class Output:
    """The value of one (non-dynamic) output of a solid; `metadata` is recorded with the
    materialization when the output has an asset key."""

    value: Any
    output_name: str = "result"
    metadata: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class DynamicOutput:
    """One value of a dynamic output; `mapping_key` must match `^[A-Za-z0-9_]+$`."""

    value: Any
    mapping_key: str
    output_name: str = "result"


@dataclass(frozen=True, init=False)
class AssetMaterialization:
    """Records that a solid wrote (materialized) an asset."""

    asset_key: AssetKey
    description: str | None
    metadata: dict[str, Any]
    partition: str | None

    def __init__(
        self,
        asset_key: AssetKey | str | Sequence[str],
        description: str | None = None,
        metadata: dict[str, Any] | None = None,
        partition: str | None = None,
    ):
        object.__setattr__(self, "asset_key", AssetKey.coerce(asset_key))
        object.__setattr__(self, "description", description)
        object.__setattr__(self, "metadata", dict(metadata or {}))
        object.__setattr__(self, "partition", partition)
