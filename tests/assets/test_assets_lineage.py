"""The static asset graph from real snapshots: look-through, fan-in, mapping, merging."""

from __future__ import annotations

import time

from control_plane.assets import (
    PARENTS_FIELD,
    build_asset_graph,
    pipeline_asset_edges,
    solid_input_assets,
    with_parents,
)
from user_code_server import (
    DynamicOutput,
    DynamicOutputDefinition,
    OutputDefinition,
    pipeline,
    solid,
)
from user_code_server.protocol import (
    EventType,
    InputSnapshot,
    InputSource,
    OutputSnapshot,
    PipelineSnapshot,
    RepositorySnapshot,
    SolidSnapshot,
    StepEvent,
)
from user_code_server.sdk import RepositoryDefinition
from user_code_server.snapshot_builder import build_repository_snapshot


@solid(output_defs=[OutputDefinition(int, asset_key=["warehouse", "users"])])
def table(context) -> int:
    return 1


@solid(output_defs=[OutputDefinition(int, asset_key=["warehouse", "events"])])
def events(context) -> int:
    return 1


@solid(output_defs=[OutputDefinition(int, asset_key=["ml", "model"])])
def model(context, features: int) -> int:
    return features


@solid(output_defs=[OutputDefinition(int, asset_key=["reports", "daily"])])
def report(context, left: int, right: int) -> int:
    return left + right


@solid
def transform(context, value: int) -> int:
    return value


@solid
def merge(context, left: int, right: int) -> int:
    return left + right


@solid
def total(context, values: list) -> int:
    return sum(values)


def snapshot_of(*pipelines) -> RepositorySnapshot:
    return build_repository_snapshot(RepositoryDefinition("repo", list(pipelines)))


def edges(snapshot: RepositorySnapshot, name: str) -> dict:
    return pipeline_asset_edges(snapshot.pipeline(name))


def test_lineage_looks_through_solids_without_asset_keys_transitively():
    @pipeline
    def users_model():
        model(transform(transform(table())))

    assert edges(snapshot_of(users_model), "users_model") == {
        ("warehouse", "users"): frozenset(),
        ("ml", "model"): frozenset({("warehouse", "users")}),
    }


def test_an_asset_has_every_asset_that_reaches_any_of_its_inputs():
    @pipeline
    def daily():
        report(transform(table()), merge(events(), table.alias("table_again")()))

    assert edges(snapshot_of(daily), "daily")[("reports", "daily")] == {
        ("warehouse", "users"),
        ("warehouse", "events"),
    }


def test_lineage_stops_at_the_nearest_asset():
    @pipeline
    def chain():
        report(model(transform(table())), events())

    assert edges(snapshot_of(chain), "chain")[("reports", "daily")] == {
        ("ml", "model"),
        ("warehouse", "events"),
    }


def test_each_output_is_looked_through_on_its_own():
    @solid(
        output_defs=[
            OutputDefinition(int, name="kept", asset_key=["kept"]),
            OutputDefinition(int, name="plain"),
        ]
    )
    def split(context, value: int):
        yield from ()

    @pipeline
    def outputs():
        kept, plain = split(table())
        model(kept)
        report(plain, events())

    found = edges(snapshot_of(outputs), "outputs")
    assert found[("ml", "model")] == {("kept",)}
    # The plain output stands for what fed `split`: the table, not `kept`.
    assert found[("reports", "daily")] == {("warehouse", "users"), ("warehouse", "events")}


def test_mapped_and_collected_inputs_carry_lineage():
    @solid(output_defs=[DynamicOutputDefinition(int)])
    def fan_out(context, value: int):
        yield DynamicOutput(value, "a")

    @solid(output_defs=[OutputDefinition(int, asset_key=["per_file"])])
    def per_file(context, value: int) -> int:
        return value

    @solid(output_defs=[OutputDefinition(int, asset_key=["summary"])])
    def summary(context, values: list) -> int:
        return sum(values)

    @pipeline
    def dynamic():
        files = fan_out(table())
        summary(files.map(transform).map(per_file).collect())
        model(transform.alias("after_total")(total(files.map(transform.alias("t")).collect())))

    found = edges(snapshot_of(dynamic), "dynamic")
    assert found[("per_file",)] == {("warehouse", "users")}
    assert found[("summary",)] == {("per_file",)}
    assert found[("ml", "model")] == {("warehouse", "users")}


def test_pipelines_and_locations_merge_into_one_graph():
    @pipeline
    def load():
        model(transform(table()))

    @pipeline
    def publish():
        report(model(events()), transform(table()))

    graph = build_asset_graph([("one", snapshot_of(load)), ("two", snapshot_of(publish))])

    assert graph.parents[("ml", "model")] == {("warehouse", "users"), ("warehouse", "events")}
    assert graph.children[("warehouse", "users")] == {("ml", "model"), ("reports", "daily")}
    assert {(p.location, p.pipeline, p.solid) for p in graph.producers[("ml", "model")]} == {
        ("one", "load", "model"),
        ("two", "publish", "model"),
    }
    assert graph.keys() == {
        ("warehouse", "users"),
        ("warehouse", "events"),
        ("ml", "model"),
        ("reports", "daily"),
    }


def test_pipelines_may_disagree_into_a_cycle_of_assets_and_the_graph_holds_both_edges():
    @solid(output_defs=[OutputDefinition(int, asset_key=["a"])])
    def a(context, value: int) -> int:
        return value

    @solid(output_defs=[OutputDefinition(int, asset_key=["b"])])
    def b(context, value: int) -> int:
        return value

    @pipeline
    def forward():
        b(a(table()))

    @pipeline
    def backward():
        a(b(table()))

    graph = build_asset_graph([("repo", snapshot_of(forward, backward))])

    assert graph.parents[("a",)] == {("b",), ("warehouse", "users")}
    assert graph.parents[("b",)] == {("a",), ("warehouse", "users")}


def solid_snapshot(name: str, upstream: list[str], key: list[str] | None = None) -> SolidSnapshot:
    return SolidSnapshot(
        name=name,
        definition_name=name,
        inputs=[InputSnapshot("in", sources=[InputSource(u, "result") for u in upstream])],
        outputs=[OutputSnapshot("result", asset_key=key or [])],
    )


def test_a_snapshot_with_a_solid_cycle_still_gives_finite_lineage():
    # The SDK cannot compose a cycle; a malformed snapshot must not hang or crash a run.
    pipeline_snapshot = PipelineSnapshot(
        "broken",
        solids=[
            solid_snapshot("source", [], ["source"]),
            solid_snapshot("x", ["source", "y"]),
            solid_snapshot("y", ["x"]),
            solid_snapshot("sink", ["y"], ["sink"]),
        ],
    )

    inputs = solid_input_assets(pipeline_snapshot)

    assert inputs["source"] == frozenset()
    assert ("source",) in inputs["y"] and inputs["sink"] <= {("source",)}


def test_a_pipeline_thousands_of_solids_deep_needs_no_recursion():
    depth = 5000
    solids = [solid_snapshot("s0", [], ["first"])]
    solids += [solid_snapshot(f"s{i}", [f"s{i - 1}"]) for i in range(1, depth)]
    solids.append(solid_snapshot("last", [f"s{depth - 1}"], ["last"]))

    found = pipeline_asset_edges(PipelineSnapshot("deep", solids=solids))

    assert found[("last",)] == {("first",)}


def test_materializations_are_stamped_with_their_solids_parents():
    @pipeline
    def users_model():
        model(transform(table()))

    snapshot = snapshot_of(users_model).pipeline("users_model")
    now = time.time()
    stamped = with_parents(
        [
            StepEvent("model", EventType.ASSET_MATERIALIZATION, now, data={"asset_key": ["m"]}),
            StepEvent(
                "table[a,b]", EventType.ASSET_MATERIALIZATION, now, data={"asset_key": ["t"]}
            ),
            StepEvent("model", EventType.STEP_OUTPUT, now, data={"asset_key": ["ignored"]}),
        ],
        snapshot,
    )

    assert stamped[0].data[PARENTS_FIELD] == [["warehouse", "users"]]
    assert stamped[1].data[PARENTS_FIELD] == []
    assert PARENTS_FIELD not in stamped[2].data
