"""Asset lineage (from snapshots) and the asset catalog (over storage)."""

from control_plane.assets.catalog import (
    Asset,
    AssetCatalog,
    AssetNotFoundError,
    InvalidAssetKeyError,
    InvalidAssetQueryError,
    LineageDirection,
    LineageNode,
    LineageSource,
    MaterializationPage,
    parse_asset_key,
)
from control_plane.assets.lineage import (
    AssetGraph,
    AssetPath,
    AssetProducer,
    build_asset_graph,
    pipeline_asset_edges,
    solid_input_assets,
)
from control_plane.assets.recording import PARENTS_FIELD, plan_pipeline, with_parents
from control_plane.storage import AssetMaterializationRecord

__all__ = [
    "PARENTS_FIELD",
    "Asset",
    "AssetCatalog",
    "AssetGraph",
    "AssetMaterializationRecord",
    "AssetNotFoundError",
    "AssetPath",
    "AssetProducer",
    "InvalidAssetKeyError",
    "InvalidAssetQueryError",
    "LineageDirection",
    "LineageNode",
    "LineageSource",
    "MaterializationPage",
    "build_asset_graph",
    "parse_asset_key",
    "plan_pipeline",
    "pipeline_asset_edges",
    "solid_input_assets",
    "with_parents",
]
