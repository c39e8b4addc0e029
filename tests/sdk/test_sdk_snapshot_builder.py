from user_code_server import (
    DynamicOutputDefinition,
    Field,
    InputDefinition,
    ModeDefinition,
    OutputDefinition,
    RetryPolicy,
    pipeline,
    repository,
    resource,
    solid,
)
from user_code_server.protocol import (
    InputSource,
    OutputRef,
    PartitionSetSnapshot,
    RetryPolicySnapshot,
    SourceKind,
)
from user_code_server.protocol.convert import from_proto, to_proto
from user_code_server.protocol.snapshots import RepositorySnapshot
from user_code_server.protocol.user_code_pb2 import RepositorySnapshot as RepositorySnapshotProto
from user_code_server.snapshot_builder import build_repository_snapshot


@resource(config_schema={"url": str}, description="The database.")
def database(init_context):
    return init_context.resource_config["url"]


@solid(
    output_defs=[DynamicOutputDefinition(str, name="paths", description="One per file.")],
    config_schema={"dir": Field(str, default_value="/data")},
    tags={"kind": "io"},
)
def list_files(context):
    yield from ()


@solid(
    input_defs=[InputDefinition("path", str, description="A file.")],
    output_defs=[OutputDefinition(int, asset_key=["warehouse", "rows"], description="Rows.")],
    required_resource_keys={"db"},
    retry_policy=RetryPolicy(max_retries=3, delay=1.5),
    description="Loads a file.",
)
def load(context, path):
    return 1


@solid
def count(context, rows: list, scale: int = 1) -> int:
    return len(rows) * scale


@pipeline(
    mode_defs=[ModeDefinition("prod", {"db": database}, description="Production.")],
    description="Loads files.",
    tags={"team": "data"},
)
def ingest():
    count(list_files().map(load.alias("load_one")).collect())


class PartitionSet:
    def __init__(self, name, pipeline_name, mode, solid_selection):
        self.name, self.pipeline_name = name, pipeline_name
        self.mode, self.solid_selection = mode, solid_selection


@repository
def repo():
    return [ingest, PartitionSet("daily", "ingest", "prod", ["list_files"])]


def test_snapshot_describes_solids_inputs_outputs_and_modes():
    snapshot = build_repository_snapshot(repo)
    assert snapshot.name == "repo"
    assert snapshot.partition_sets == [
        PartitionSetSnapshot("daily", "ingest", "prod", ["list_files"])
    ]
    pipe = snapshot.pipeline("ingest")
    assert (pipe.description, pipe.tags) == ("Loads files.", {"team": "data"})
    assert [s.name for s in pipe.solids] == ["list_files", "load_one", "count"]

    files = pipe.solid("list_files")
    assert files.tags == {"kind": "io"}
    assert files.config_schema["properties"]["dir"] == {"type": "string", "default": "/data"}
    (paths,) = files.outputs
    assert (paths.name, paths.type_name, paths.is_dynamic, paths.is_required) == (
        "paths",
        "str",
        True,
        False,
    )
    assert paths.description == "One per file."

    load_one = pipe.solid("load_one")
    assert (load_one.definition_name, load_one.description) == ("load", "Loads a file.")
    assert load_one.mapped_over == [OutputRef("list_files", "paths")]
    assert load_one.required_resource_keys == ["db"]
    assert load_one.retry_policy == RetryPolicySnapshot(3, 1.5)
    assert load_one.config_schema is None
    (path,) = load_one.inputs
    assert (path.type_name, path.description, path.has_default) == ("str", "A file.", False)
    assert path.sources == [InputSource("list_files", "paths", SourceKind.MAPPED)]
    (rows,) = load_one.outputs
    assert (rows.type_name, rows.asset_key, rows.is_required) == (
        "int",
        ["warehouse", "rows"],
        True,
    )

    counted = pipe.solid("count")
    assert counted.mapped_over == []
    assert [(i.name, i.type_name, i.has_default) for i in counted.inputs] == [
        ("rows", "list", False),
        ("scale", "int", True),
    ]
    assert counted.inputs[0].sources == [InputSource("load_one", "result", SourceKind.COLLECT)]
    assert counted.inputs[1].sources == []
    assert counted.retry_policy == RetryPolicySnapshot(0, 0.0)

    (mode,) = pipe.modes
    assert (mode.name, mode.description) == ("prod", "Production.")
    (db,) = mode.resources
    assert (db.name, db.description) == ("db", "The database.")
    assert db.config_schema["required"] == ["url"]


def test_snapshot_survives_the_wire():
    snapshot = build_repository_snapshot(repo)
    message = to_proto(snapshot, RepositorySnapshotProto)
    assert from_proto(message, RepositorySnapshot) == snapshot
