"""The static asset graph, computed from repository snapshots before any run.

An asset's parents are the asset keys of the outputs feeding the inputs of the solid that
produces it. An output without an asset key is looked through: it stands for whatever fed
its own solid's inputs, transitively. Mapped and collected inputs count like direct ones.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from user_code_server.protocol import PipelineSnapshot, RepositorySnapshot, SolidSnapshot

AssetPath = tuple[str, ...]


@dataclass(frozen=True)
class AssetProducer:
    """Where an asset is defined: an output carrying its key."""

    location: str
    pipeline: str
    solid: str
    output: str


@dataclass(frozen=True)
class AssetGraph:
    """Assets defined by the current snapshots, with their parent and child edges."""

    parents: Mapping[AssetPath, frozenset[AssetPath]] = field(default_factory=dict)
    children: Mapping[AssetPath, frozenset[AssetPath]] = field(default_factory=dict)
    producers: Mapping[AssetPath, tuple[AssetProducer, ...]] = field(default_factory=dict)

    def __contains__(self, key: AssetPath) -> bool:
        return key in self.parents or key in self.children

    def keys(self) -> set[AssetPath]:
        """Every asset the graph knows: defined ones and parents named by them."""
        return set(self.parents) | set(self.children)


def solid_input_assets(pipeline: PipelineSnapshot) -> dict[str, frozenset[AssetPath]]:
    """For each solid of `pipeline`, the assets feeding its inputs (looking through solids)."""
    solids = {solid.name: solid for solid in pipeline.solids}
    result: dict[str, frozenset[AssetPath]] = {}
    for name in _topological_order(solids):
        found: set[AssetPath] = set()
        for input_ in solids[name].inputs:
            for source in input_.sources:
                upstream = solids.get(source.solid)
                if upstream is None:
                    continue
                key = _output_asset_key(upstream, source.output)
                if key is not None:
                    found.add(key)
                else:
                    found |= result.get(source.solid, frozenset())
        result[name] = frozenset(found)
    return result


def pipeline_asset_edges(pipeline: PipelineSnapshot) -> dict[AssetPath, frozenset[AssetPath]]:
    """The assets `pipeline` defines, each with its parents."""
    inputs = solid_input_assets(pipeline)
    edges: dict[AssetPath, set[AssetPath]] = defaultdict(set)
    for solid in pipeline.solids:
        for output in solid.outputs:
            if output.asset_key:
                edges[tuple(output.asset_key)] |= inputs[solid.name]
    return {key: frozenset(parents) for key, parents in edges.items()}


def build_asset_graph(repositories: Iterable[tuple[str, RepositorySnapshot]]) -> AssetGraph:
    """The graph of every pipeline of every (location name, snapshot), merged."""
    parents: dict[AssetPath, set[AssetPath]] = defaultdict(set)
    producers: dict[AssetPath, list[AssetProducer]] = defaultdict(list)
    for location, repository in repositories:
        for pipeline in repository.pipelines:
            for key, found in pipeline_asset_edges(pipeline).items():
                parents[key] |= found
            for solid in pipeline.solids:
                for output in solid.outputs:
                    if output.asset_key:
                        producer = AssetProducer(location, pipeline.name, solid.name, output.name)
                        producers[tuple(output.asset_key)].append(producer)
    children: dict[AssetPath, set[AssetPath]] = defaultdict(set)
    for key, key_parents in parents.items():
        for parent in key_parents:
            children[parent].add(key)
    return AssetGraph(
        parents={key: frozenset(found) for key, found in parents.items()},
        children={key: frozenset(found) for key, found in children.items()},
        producers={key: tuple(found) for key, found in producers.items()},
    )


def _output_asset_key(solid: SolidSnapshot, output_name: str) -> AssetPath | None:
    for output in solid.outputs:
        if output.name == output_name:
            return tuple(output.asset_key) if output.asset_key else None
    return None


def _topological_order(solids: Mapping[str, SolidSnapshot]) -> list[str]:
    """Solids after the solids feeding them (iterative: pipelines may be thousands deep).

    A pipeline cannot be composed with a cycle; should a snapshot hold one anyway, its
    solids come last, in name order, so lineage stays finite rather than failing a run.
    """
    upstream = {
        name: {s.solid for i in solid.inputs for s in i.sources if s.solid in solids}
        for name, solid in solids.items()
    }
    downstream: dict[str, list[str]] = defaultdict(list)
    for name, sources in upstream.items():
        for source in sources:
            downstream[source].append(name)
    waiting = {name: len(sources) for name, sources in upstream.items()}
    ready = [name for name, count in waiting.items() if count == 0]
    order: list[str] = []
    while ready:
        name = ready.pop()
        order.append(name)
        for child in downstream[name]:
            waiting[child] -= 1
            if waiting[child] == 0:
                ready.append(child)
    if len(order) < len(solids):
        done = set(order)
        order += sorted(name for name in solids if name not in done)
    return order
