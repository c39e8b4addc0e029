"""Assets: the catalog's assets, their materializations (paged) and lineage trees."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Annotated, overload

import strawberry
from strawberry.scalars import JSON

from control_plane import assets as catalog
from control_plane.assets import (
    AssetMaterializationRecord,
    LineageDirection,
    LineageNode,
    LineageSource,
)
from control_plane.graphql.basic_types import AssetKey
from control_plane.graphql.context import Info
from control_plane.graphql.errors import (
    BadArgument,
    InvalidArgumentError,
    PythonError,
)
from control_plane.graphql.extensions import nested_field

if TYPE_CHECKING:
    from control_plane.service import ControlPlane

# strawberry.enum registers the enum class in place and returns it: the alias is a type.
LineageDirectionType = LineageDirection
strawberry.enum(
    LineageDirection,
    name="LineageDirection",
    description="UPSTREAM: parents, their parents, ...; DOWNSTREAM: children, theirs, ...",
)
LineageSourceType = LineageSource
strawberry.enum(
    LineageSource,
    name="LineageSource",
    description="DEFINITION: from the loaded code locations' pipelines; MATERIALIZATION: "
    "recorded with the asset's latest materialization.",
)
MAX_MATERIALIZATIONS_PAGE = 1000


@strawberry.type(description="One materialization of an asset, by a step of a run.")
class AssetMaterialization:
    cursor: str = strawberry.field(description="Its place in the event log.")
    run_id: str
    step_key: str
    timestamp: float
    partition: str | None
    output_name: str | None = strawberry.field(
        description="The output that carries the key; null for an AssetMaterialization the "
        "solid yielded."
    )
    description: str | None
    metadata: JSON
    parents: list[AssetKey] | None = strawberry.field(
        description="The assets it was computed from, as recorded (null when unknown)."
    )

    @overload
    @staticmethod
    def from_record(record: AssetMaterializationRecord) -> AssetMaterialization: ...

    @overload
    @staticmethod
    def from_record(record: None) -> None: ...

    @staticmethod
    def from_record(record: AssetMaterializationRecord | None) -> AssetMaterialization | None:
        if record is None:
            return None
        return AssetMaterialization(
            cursor=str(record.storage_id),
            run_id=record.run_id,
            step_key=record.step_key,
            timestamp=record.timestamp,
            partition=record.partition,
            output_name=record.output_name,
            description=record.description,
            metadata=JSON(record.metadata),
            parents=None
            if record.parents is None
            else [AssetKey(path=list(parent)) for parent in record.parents],
        )


@strawberry.type(description="An output that defines an asset in a loaded code location.")
class AssetProducer:
    location: str
    pipeline: str
    solid: str
    output: str


@strawberry.type(description="A page of an asset's materializations, newest first.")
class AssetMaterializationConnection:
    nodes: list[AssetMaterialization]
    cursor: str | None = strawberry.field(description="Pass as `cursor` for the next page.")
    has_more: bool


@strawberry.type(
    description="One asset of a lineage tree, listed depth first so that a client can draw "
    "the tree in order: `above` is the node it hangs from (null for the root)."
)
class LineageEntry:
    key: AssetKey
    above: AssetKey | None
    depth: int
    via: list[LineageSourceType] = strawberry.field(
        description="How it relates to the node above it; empty for the root."
    )
    repeated: bool = strawberry.field(
        description="Expanded elsewhere in the tree (a shared relative, or a cycle)."
    )
    truncated: bool = strawberry.field(
        description="The depth limit stopped here although it has further relatives."
    )
    latest_materialization: AssetMaterialization | None


@strawberry.type(description="An asset's ancestors (UPSTREAM) or descendants (DOWNSTREAM).")
class AssetLineage:
    direction: LineageDirectionType
    depth: int | None = strawberry.field(description="The depth limit; null for none.")
    nodes: list[LineageEntry]


AssetMaterializationsResult = Annotated[
    AssetMaterializationConnection | InvalidArgumentError | PythonError,
    strawberry.union("AssetMaterializationsResult"),
]
AssetLineageResult = Annotated[
    AssetLineage | InvalidArgumentError | PythonError, strawberry.union("AssetLineageResult")
]


@strawberry.type(description="An asset: defined by a loaded code location, materialized, or both.")
class Asset:
    key: AssetKey
    materialization_count: int
    latest_materialization: AssetMaterialization | None
    defined_by: list[AssetProducer] = strawberry.field(
        description="The outputs defining it now; empty when no loaded location does."
    )
    wiped_at: float | None = strawberry.field(description="When its history was last wiped.")

    @nested_field("The asset's materializations, newest first, optionally of one partition.")
    async def materializations(
        self,
        info: Info,
        limit: int = 20,
        cursor: str | None = None,
        partition: str | None = None,
    ) -> AssetMaterializationsResult:
        if not 1 <= limit <= MAX_MATERIALIZATIONS_PAGE:
            raise BadArgument("limit", f"must be between 1 and {MAX_MATERIALIZATIONS_PAGE}")
        if cursor is not None and not cursor.isdigit():
            raise BadArgument("cursor", f"not a materialization cursor: {cursor!r}")
        page = await asyncio.to_thread(
            info.context.control_plane.assets.materializations,
            self.key.path,
            limit,
            int(cursor) if cursor is not None else None,
            partition,
        )
        return AssetMaterializationConnection(
            nodes=[AssetMaterialization.from_record(r) for r in page.materializations],
            cursor=None if page.next_cursor is None else str(page.next_cursor),
            has_more=page.next_cursor is not None,
        )

    @nested_field("The tree of its ancestors or descendants, `depth` levels deep (all: null).")
    async def lineage(
        self,
        info: Info,
        direction: LineageDirectionType = LineageDirection.UPSTREAM,
        depth: int | None = None,
    ) -> AssetLineageResult:
        if depth is not None and depth < 0:
            raise BadArgument("depth", f"must be 0 or more, got {depth}")
        tree = await asyncio.to_thread(
            info.context.control_plane.assets.lineage, self.key.path, direction, depth
        )
        return AssetLineage(direction=direction, depth=depth, nodes=flatten_lineage(tree))

    @staticmethod
    def from_catalog(asset: catalog.Asset) -> Asset:
        return Asset(
            key=AssetKey(path=list(asset.key)),
            materialization_count=asset.materialization_count,
            latest_materialization=AssetMaterialization.from_record(asset.latest),
            defined_by=[
                AssetProducer(
                    location=p.location, pipeline=p.pipeline, solid=p.solid, output=p.output
                )
                for p in asset.producers
            ],
            wiped_at=asset.wiped_at,
        )


@strawberry.type
class AssetConnection:
    nodes: list[Asset]


@strawberry.type(description="The asset whose materializations were removed from the catalog.")
class WipeAssetSuccess:
    key: AssetKey
    wiped: int = strawberry.field(description="How many materializations were removed.")


def flatten_lineage(root: LineageNode) -> list[LineageEntry]:
    """The tree depth first, each node with the key of the node above it."""
    entries: list[LineageEntry] = []
    stack: list[tuple[LineageNode, LineageNode | None, int]] = [(root, None, 0)]
    while stack:
        node, above, depth = stack.pop()
        entries.append(
            LineageEntry(
                key=AssetKey(path=list(node.key)),
                above=None if above is None else AssetKey(path=list(above.key)),
                depth=depth,
                via=sorted(node.via),
                repeated=node.repeated,
                truncated=node.truncated,
                latest_materialization=AssetMaterialization.from_record(node.latest),
            )
        )
        stack.extend((child, node, depth + 1) for child in reversed(node.children))
    return entries


def asset_of(control_plane: ControlPlane, key: str) -> Asset:
    return Asset.from_catalog(control_plane.assets.asset(key))


def wipe_asset(control_plane: ControlPlane, key: str) -> WipeAssetSuccess:
    path = control_plane.assets.asset(key).key  # raises for an unknown or invalid key
    return WipeAssetSuccess(key=AssetKey(path=list(path)), wiped=control_plane.assets.wipe(path))
