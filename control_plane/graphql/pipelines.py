"""Code locations and pipelines, as the code servers' snapshots describe them."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

import strawberry
from strawberry.scalars import JSON

from control_plane.graphql.basic_types import AssetKey, OutputRef, RetryPolicy, Tag
from user_code_server.protocol import (
    InputSnapshot,
    ModeSnapshot,
    OutputSnapshot,
    PipelineSnapshot,
    PresetSnapshot,
    SolidSnapshot,
    SourceKind,
)
from user_code_server.protocol import InputSource as InputSourceSnapshot

if TYPE_CHECKING:
    from control_plane.service import CodeLocationInfo

# strawberry.enum registers the enum class in place and returns it: the alias is a type.
InputSourceKind = SourceKind
strawberry.enum(
    SourceKind,
    name="InputSourceKind",
    description="DIRECT: one upstream value; MAPPED: one value per mapping key of a dynamic "
    "output; COLLECT: the list of all values of a mapped solid's output.",
)


@strawberry.enum(
    description="Whether a code location can serve. LOADING: its code server is starting "
    "(a reload keeps a LOADED location LOADED, on its old server, until the new one serves)."
)
class CodeLocationStatus(Enum):
    LOADED = "LOADED"
    LOADING = "LOADING"
    ERROR = "ERROR"


@strawberry.type(description="Where an input's value comes from.")
class InputSource:
    solid: str
    output: str
    kind: InputSourceKind

    @staticmethod
    def from_snapshot(source: InputSourceSnapshot) -> InputSource:
        return InputSource(solid=source.solid, output=source.output, kind=source.kind)


@strawberry.type
class Input:
    name: str
    type: str
    description: str
    has_default: bool
    sources: list[InputSource]

    @staticmethod
    def from_snapshot(snap: InputSnapshot) -> Input:
        return Input(
            name=snap.name,
            type=snap.type_name,
            description=snap.description,
            has_default=snap.has_default,
            sources=[InputSource.from_snapshot(s) for s in snap.sources],
        )


@strawberry.type
class Output:
    name: str
    type: str
    description: str
    is_dynamic: bool = strawberry.field(description="Yields one value per mapping key.")
    is_required: bool
    asset_key: AssetKey | None

    @staticmethod
    def from_snapshot(snap: OutputSnapshot) -> Output:
        return Output(
            name=snap.name,
            type=snap.type_name,
            description=snap.description,
            is_dynamic=snap.is_dynamic,
            is_required=snap.is_required,
            asset_key=AssetKey.from_path(snap.asset_key),
        )


@strawberry.type(description="One solid invocation in a pipeline; `name` is its alias if any.")
class Solid:
    name: str
    definition_name: str
    description: str
    inputs: list[Input]
    outputs: list[Output]
    config_schema: JSON | None = strawberry.field(description="The solid's config schema.")
    required_resource_keys: list[str]
    tags: list[Tag]
    retry_policy: RetryPolicy
    mapped_over: list[OutputRef] = strawberry.field(
        description="The dynamic outputs this solid runs once per value of, outermost first."
    )

    @staticmethod
    def from_snapshot(snap: SolidSnapshot) -> Solid:
        return Solid(
            name=snap.name,
            definition_name=snap.definition_name,
            description=snap.description,
            inputs=[Input.from_snapshot(i) for i in snap.inputs],
            outputs=[Output.from_snapshot(o) for o in snap.outputs],
            config_schema=snap.config_schema,
            required_resource_keys=list(snap.required_resource_keys),
            tags=Tag.from_dict(snap.tags),
            retry_policy=RetryPolicy(
                max_retries=snap.retry_policy.max_retries, delay=snap.retry_policy.delay
            ),
            mapped_over=[OutputRef(solid=r.solid, output=r.output) for r in snap.mapped_over],
        )


@strawberry.type
class Resource:
    name: str
    description: str
    config_schema: JSON | None


@strawberry.type(description="A named set of resources a pipeline can run with.")
class Mode:
    name: str
    description: str
    resources: list[Resource]

    @staticmethod
    def from_snapshot(snap: ModeSnapshot) -> Mode:
        return Mode(
            name=snap.name,
            description=snap.description,
            resources=[
                Resource(name=r.name, description=r.description, config_schema=r.config_schema)
                for r in snap.resources
            ],
        )


@strawberry.type(description="One edge of the pipeline's graph: an output feeding an input.")
class Dependency:
    solid: str
    input: str
    upstream_solid: str
    upstream_output: str
    kind: InputSourceKind


@strawberry.type
class Pipeline:
    name: str
    location: str
    description: str
    tags: list[Tag]
    solids: list[Solid]
    modes: list[Mode]
    presets: list[Preset]

    @strawberry.field(description="Every edge of the graph, in solid order.")
    def dependencies(self) -> list[Dependency]:
        return [
            Dependency(
                solid=solid.name,
                input=inp.name,
                upstream_solid=src.solid,
                upstream_output=src.output,
                kind=src.kind,
            )
            for solid in self.solids
            for inp in solid.inputs
            for src in inp.sources
        ]

    @strawberry.field
    def solid(self, name: str) -> Solid | None:
        return next((s for s in self.solids if s.name == name), None)

    @staticmethod
    def from_snapshot(snap: PipelineSnapshot, location: str) -> Pipeline:
        return Pipeline(
            name=snap.name,
            location=location,
            description=snap.description,
            tags=Tag.from_dict(snap.tags),
            solids=[Solid.from_snapshot(s) for s in snap.solids],
            modes=[Mode.from_snapshot(m) for m in snap.modes],
            presets=[Preset.from_snapshot(p) for p in snap.presets],
        )


@strawberry.type(description="A named run config, mode, solid selection and tags to launch with.")
class Preset:
    name: str
    run_config: JSON
    mode: str
    solid_selection: list[str] | None = strawberry.field(description="Null: every solid.")
    tags: list[Tag]

    @staticmethod
    def from_snapshot(snap: PresetSnapshot) -> Preset:
        return Preset(
            name=snap.name,
            run_config=JSON(snap.run_config),
            mode=snap.mode,
            solid_selection=snap.solid_selection or None,
            tags=Tag.from_dict(snap.tags),
        )


@strawberry.type(description="A code server the control plane talks to, and what it serves.")
class CodeLocation:
    name: str
    address: str
    status: CodeLocationStatus
    error: str | None = strawberry.field(description="Why the location cannot serve.")
    server_id: str | None
    repository_name: str | None
    pipelines: list[Pipeline]

    @staticmethod
    def from_info(info: CodeLocationInfo) -> CodeLocation:
        snapshot = info.snapshot
        return CodeLocation(
            name=info.name,
            address=info.address,
            status=CodeLocationStatus(info.status),
            error=info.error,
            server_id=info.server_id,
            repository_name=snapshot.name if snapshot else None,
            pipelines=[Pipeline.from_snapshot(p, info.name) for p in snapshot.pipelines]
            if snapshot
            else [],
        )


@strawberry.type
class CodeLocationConnection:
    nodes: list[CodeLocation]
