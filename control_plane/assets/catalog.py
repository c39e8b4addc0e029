"""AssetCatalog: assets, their materializations and lineage, over storage and the snapshots.

Lineage merges two sources: the current definitions (the static graph of the loaded code
locations) and the parents recorded with each asset's latest materialization, so assets of
a location that is down, or keys a solid yields at run time, still have lineage.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from control_plane.assets.lineage import AssetGraph, AssetPath, AssetProducer, build_asset_graph
from control_plane.code_locations import CodeLocations
from control_plane.errors import LodestarError
from control_plane.storage import AssetMaterializationRecord, AssetRecord, Storage
from user_code_server.protocol import RepositorySnapshot

DEFAULT_PAGE_SIZE = 20
# Lineage levels read with one query each; deeper trees read every recorded edge at once.
QUERIED_LEVELS = 8

AssetKeyLike = str | Sequence[str]


class InvalidAssetKeyError(LodestarError):
    def __init__(self, key: object):
        super().__init__(
            f"invalid asset key {key!r}: use slash-separated parts (`schema/table`) "
            "or a list of non-empty strings"
        )
        self.key = key


class AssetNotFoundError(LodestarError):
    def __init__(self, key: AssetPath):
        super().__init__(
            f"asset {'/'.join(key)!r} is neither defined by a loaded code location nor materialized"
        )
        self.key = key


class InvalidAssetQueryError(LodestarError):
    """A page size or lineage depth out of range."""


class LineageDirection(StrEnum):
    UPSTREAM = "UPSTREAM"  # parents, their parents, ...
    DOWNSTREAM = "DOWNSTREAM"  # children, their children, ...


class LineageSource(StrEnum):
    """Where an edge is known from."""

    DEFINITION = "DEFINITION"  # the current snapshots of the code locations
    MATERIALIZATION = "MATERIALIZATION"  # recorded with the asset's latest materialization


@dataclass(frozen=True)
class Asset:
    """An asset in the catalog: defined by a loaded location, materialized, or both."""

    key: AssetPath
    latest: AssetMaterializationRecord | None  # None: never materialized (or wiped)
    materialization_count: int
    producers: tuple[AssetProducer, ...]  # outputs defining it now; empty if none does
    wiped_at: float | None = None

    @property
    def path(self) -> str:
        """The slash-separated key (`schema/table`)."""
        return "/".join(self.key)


@dataclass(frozen=True)
class MaterializationPage:
    materializations: list[AssetMaterializationRecord]  # newest first
    next_cursor: int | None  # pass as `cursor` for the next page; None on the last page


@dataclass(frozen=True)
class LineageNode:
    """One asset in a lineage tree; `children` are its parents (upstream) or children."""

    key: AssetPath
    latest: AssetMaterializationRecord | None
    via: frozenset[LineageSource]  # how it relates to the node above it; empty at the root
    children: tuple[LineageNode, ...] = ()
    # Shown expanded elsewhere in the tree (a shared ancestor, or a cycle across pipelines).
    repeated: bool = False
    # The depth limit stopped here although the asset has further relatives.
    truncated: bool = False

    @property
    def path(self) -> str:
        return "/".join(self.key)


def parse_asset_key(key: AssetKeyLike) -> AssetPath:
    """An asset key from `schema/table` or a list of parts; raises InvalidAssetKeyError."""
    parts = key.split("/") if isinstance(key, str) else list(key)
    if not parts or not all(isinstance(p, str) and p for p in parts):
        raise InvalidAssetKeyError(key)
    return tuple(parts)


class AssetCatalog:
    """Queries and wipes the catalog; thread-safe, cheap to call per request."""

    def __init__(
        self,
        storage: Storage,
        repositories: Callable[[], Iterable[tuple[str, RepositorySnapshot]]],
    ):
        """`repositories` returns the current (location name, snapshot) of each location."""
        self._storage = storage
        self._repositories = repositories
        self._lock = threading.Lock()
        self._graph_key: tuple = ()
        self._graph = AssetGraph()

    @classmethod
    def for_locations(cls, storage: Storage, locations: CodeLocations) -> AssetCatalog:
        """A catalog over the loaded snapshots of a workspace's code locations."""

        def loaded() -> list[tuple[str, RepositorySnapshot]]:
            infos = (location.info() for location in locations.all())
            return [(info.name, info.snapshot) for info in infos if info.snapshot is not None]

        return cls(storage, loaded)

    def graph(self) -> AssetGraph:
        """The static graph of the current snapshots (rebuilt only when one changes)."""
        repositories = list(self._repositories())
        # A reloaded location has a new snapshot object; the key holds the objects alive.
        key = tuple((name, snapshot) for name, snapshot in repositories)
        with self._lock:
            if len(key) == len(self._graph_key) and all(
                a[0] == b[0] and a[1] is b[1] for a, b in zip(key, self._graph_key, strict=True)
            ):
                return self._graph
        graph = build_asset_graph(repositories)
        with self._lock:
            self._graph_key, self._graph = key, graph
        return graph

    # Assets

    def assets(self, prefix: str | None = None) -> list[Asset]:
        """Every defined or materialized asset in key order; `prefix` filters on the
        slash-separated key (`schema/` lists that schema's assets)."""
        graph = self.graph()
        found = {
            record.asset_key: _asset(record, graph)
            for record in self._storage.get_assets(prefix=prefix or None)
        }
        for key in graph.producers:
            if key not in found and (not prefix or "/".join(key).startswith(prefix)):
                found[key] = Asset(key, None, 0, graph.producers[key])
        return [found[key] for key in sorted(found)]

    def asset(self, key: AssetKeyLike) -> Asset:
        """One asset; raises AssetNotFoundError when no location defines it and storage has
        neither a materialization of it nor one naming it as a parent."""
        path = parse_asset_key(key)
        graph = self.graph()
        record = self._storage.get_asset(path)
        if record is not None:
            return _asset(record, graph)
        # Defined now, or named as a parent by a materialization (a source never materialized).
        if path in graph or self._storage.get_asset_lineage([path], upstream=False):
            return Asset(path, None, 0, graph.producers.get(path, ()))
        raise AssetNotFoundError(path)

    def latest_materialization(self, key: AssetKeyLike) -> AssetMaterializationRecord | None:
        return self.asset(key).latest

    def materializations(
        self,
        key: AssetKeyLike,
        limit: int = DEFAULT_PAGE_SIZE,
        cursor: int | None = None,
        partition: str | None = None,
    ) -> MaterializationPage:
        """A page of an asset's history, newest first (optionally of one partition)."""
        path = parse_asset_key(key)
        if limit < 1:
            raise InvalidAssetQueryError(f"a page holds at least 1 materialization, not {limit}")
        records = self._storage.get_asset_materializations(path, limit + 1, cursor, partition)
        if not records and cursor is None:
            self.asset(path)  # raises for an unknown asset
        page = records[:limit]
        next_cursor = page[-1].storage_id if len(records) > limit else None
        return MaterializationPage(page, next_cursor)

    # Lineage

    def lineage(
        self,
        key: AssetKeyLike,
        direction: LineageDirection = LineageDirection.UPSTREAM,
        depth: int | None = None,
    ) -> LineageNode:
        """The tree of an asset's ancestors (or descendants), `depth` levels deep (None: all).

        Each asset is expanded once, where it is nearest the root; other occurrences are
        `repeated` leaves, so shared ancestors and cycles across pipelines stay finite.
        """
        root = parse_asset_key(key)
        if depth is not None and depth < 0:
            raise InvalidAssetQueryError(f"lineage depth must be 0 or more, not {depth}")
        graph = self.graph()
        if root not in graph:
            self.asset(root)  # raises for an unknown asset
        upstream = direction == LineageDirection.UPSTREAM
        static = graph.parents if upstream else graph.children

        relatives: dict[AssetPath, dict[AssetPath, set[LineageSource]]] = {}
        first_reached_from: dict[AssetPath, AssetPath | None] = {root: None}
        order = [root]
        frontier = [root]
        level = 0
        every_edge: dict[AssetPath, set[AssetPath]] | None = None

        def recorded(nodes: list[AssetPath]) -> dict[AssetPath, set[AssetPath]]:
            # A deep tree reads every recorded edge once rather than one query per level.
            nonlocal every_edge
            if every_edge is None and level >= QUERIED_LEVELS:
                every_edge = self._storage.get_asset_lineage(None, upstream)
            if every_edge is not None:
                return every_edge
            return self._storage.get_asset_lineage(nodes, upstream)

        while frontier and (depth is None or level < depth):
            found = _relatives(frontier, static, recorded(frontier))
            next_frontier = []
            for node in frontier:
                relatives[node] = found.get(node, {})
                for relative in sorted(relatives[node]):
                    if relative not in first_reached_from:
                        first_reached_from[relative] = node
                        order.append(relative)
                        next_frontier.append(relative)
            frontier = next_frontier
            level += 1
        # Nodes left at the depth limit: are there more relatives beyond them?
        beyond = set(_relatives(frontier, static, recorded(frontier))) if frontier else set()
        latest = {r.asset_key: r.latest for r in self._storage.get_assets(asset_keys=order)}

        built: dict[AssetPath, LineageNode] = {}
        for node in reversed(order):  # children before the nodes above them
            parent = first_reached_from[node]
            children = tuple(
                built[relative]
                if first_reached_from[relative] == node
                else LineageNode(relative, latest.get(relative), frozenset(sources), repeated=True)
                for relative, sources in sorted(relatives.get(node, {}).items())
            )
            built[node] = LineageNode(
                node,
                latest.get(node),
                frozenset(relatives[parent][node]) if parent is not None else frozenset(),
                children,
                truncated=node in beyond,
            )
        return built[root]

    # Wiping

    def wipe(self, key: AssetKeyLike) -> int:
        """Removes an asset's materializations from the catalog; returns how many.

        The event log keeps its events, and nothing else changes: other assets, runs, and
        the lineage recorded with other assets' materializations stay as they are.
        """
        path = parse_asset_key(key)
        self.asset(path)  # raises for an unknown asset
        return self._storage.wipe_asset(path)


def _asset(record: AssetRecord, graph: AssetGraph) -> Asset:
    return Asset(
        record.asset_key,
        record.latest,
        record.materialization_count,
        graph.producers.get(record.asset_key, ()),
        record.wiped_at,
    )


def _relatives(
    nodes: list[AssetPath],
    static: Mapping[AssetPath, frozenset[AssetPath]],
    recorded: Mapping[AssetPath, set[AssetPath]],
) -> dict[AssetPath, dict[AssetPath, set[LineageSource]]]:
    """Each node's parents (or children) from the definitions and the recorded lineage."""
    found: dict[AssetPath, dict[AssetPath, set[LineageSource]]] = {}
    for source, edges in (
        (LineageSource.DEFINITION, static),
        (LineageSource.MATERIALIZATION, recorded),
    ):
        for node in nodes:
            for relative in edges.get(node, ()):
                found.setdefault(node, {}).setdefault(relative, set()).add(source)
    return found
