from user_code_server import (
    DynamicOutputDefinition,
    Field,
    InputDefinition,
    ModeDefinition,
    Nothing,
    RetryPolicy,
    pipeline,
    resource,
    solid,
)
from user_code_server.plan_builder import build_execution_plan
from user_code_server.protocol import (
    ErrorKind,
    InputSource,
    OutputRef,
    RetryPolicySnapshot,
    SourceKind,
    StepInput,
    StepKey,
    StepOutput,
)
from user_code_server.sdk import RepositoryDefinition


@resource(config_schema={"url": str, "pool": Field(int, default_value=4)})
def database(init_context):
    return init_context.resource_config


@resource(config_schema={"token": str})
def unused(init_context):
    return None


@solid(config_schema={"path": str, "limit": Field(int, default_value=10)})
def load(context) -> list:
    return []


@solid(required_resource_keys={"db"}, retry_policy=RetryPolicy(2, 0.5))
def clean(context, rows: list, factor: int = 2) -> list:
    return rows


@solid(input_defs=[InputDefinition("after", Nothing)])
def notify(context):
    return None


@solid(output_defs=[DynamicOutputDefinition(str)])
def split(context, rows: list):
    yield from ()


@solid
def work(context, item: str) -> int:
    return 1


@solid
def gather(context, values: list) -> int:
    return len(values)


@pipeline(
    mode_defs=[
        ModeDefinition("default", {"db": database, "other": unused}),
        ModeDefinition("test", {"db": database, "other": unused}),
    ]
)
def etl():
    cleaned = clean(load())
    notify(after=cleaned)
    gather(split(cleaned).map(work).collect())


REPO = RepositoryDefinition("repo", [etl])
ALL_SOLIDS = "load, clean, notify, split, work, gather"
GOOD_CONFIG = {
    "solids": {"load": {"config": {"path": "/tmp/x"}}},
    "resources": {"db": {"config": {"url": "sqlite://"}}},
}


def plan(run_config=GOOD_CONFIG, selection=None, mode=None, pipeline_name="etl"):
    return build_execution_plan(REPO, pipeline_name, run_config, selection, mode)


def test_plan_lists_steps_in_topological_order_with_their_wiring():
    reply = plan()
    assert reply.error is None and reply.config_errors == []
    steps = {s.solid: s for s in reply.plan.steps}
    assert [s.solid for s in reply.plan.steps] == [
        "load",
        "clean",
        "notify",
        "split",
        "work",
        "gather",
    ]
    assert (reply.plan.pipeline, reply.plan.mode) == ("etl", "default")
    assert steps["clean"].inputs == [StepInput("rows", [InputSource("load", "result")])]
    assert steps["clean"].retry_policy == RetryPolicySnapshot(2, 0.5)
    assert steps["notify"].inputs == [StepInput("after", [InputSource("clean", "result")])]
    assert steps["split"].outputs == [StepOutput("result", is_dynamic=True, is_required=False)]
    assert steps["work"].mapped_over == [OutputRef("split", "result")]
    assert steps["work"].template_key == StepKey("work", ("?",))
    assert steps["work"].inputs == [
        StepInput("item", [InputSource("split", "result", SourceKind.MAPPED)])
    ]
    assert steps["gather"].inputs == [
        StepInput("values", [InputSource("work", "result", SourceKind.COLLECT)])
    ]


def test_unknown_pipeline_and_mode_are_typed_errors():
    reply = plan(pipeline_name="nope")
    assert reply.plan is None
    assert reply.error.kind == ErrorKind.PIPELINE_NOT_FOUND
    assert "'nope'" in reply.error.message and "etl" in reply.error.message
    reply = plan(mode="staging")
    assert reply.error.kind == ErrorKind.MODE_NOT_FOUND
    assert "'staging'" in reply.error.message
    assert plan(mode="test").plan.mode == "test"


def test_every_config_error_is_returned_with_its_path():
    reply = plan(
        {
            "solids": {
                "load": {"config": {"limit": "ten", "extra": 1}},
                "ghost": {"config": {}},
                "clean": {"config": {"x": 1}},
            },
            "resources": {"db": {"config": {"pool": 2}}, "cache": {}},
            "loggers": {},
        }
    )
    assert reply.plan is None and reply.error is None
    assert sorted((e.path, e.message) for e in reply.config_errors) == sorted(
        [
            ("loggers", "unexpected key (expected: solids, resources)"),
            (
                "solids.ghost",
                "unknown solid 'ghost' (known: load, clean, notify, split, work, gather)",
            ),
            ("solids.load.config.extra", "unexpected config field 'extra' (expected: path, limit)"),
            ("solids.load.config.path", "missing required config (str)"),
            ("solids.load.config.limit", "expected int, got str 'ten'"),
            ("solids.clean.config", "takes no config"),
            ("resources.cache", "unknown resource 'cache' (known: db, other)"),
            ("resources.db.config.url", "missing required config (str)"),
        ]
    )


def test_missing_config_sections_report_each_required_field():
    reply = plan({})
    assert [(e.path, e.message) for e in reply.config_errors] == [
        ("solids.load.config.path", "missing required config (str)"),
        ("resources.db.config.url", "missing required config (str)"),
    ]


def test_solid_selection_keeps_selected_solids_and_their_needs():
    reply = plan({"resources": {"db": {"config": {"url": "x"}}}}, selection=["notify"])
    assert [s.solid for s in reply.plan.steps] == ["notify"]
    assert reply.plan.steps[0].inputs == []  # a Nothing input from an unselected solid
    reply = plan(selection=["*clean"])
    assert [s.solid for s in reply.plan.steps] == ["load", "clean"]
    reply = plan(selection=["split+"])  # an input from an unselected solid: from run config
    assert [(e.path, e.message) for e in reply.config_errors] == [
        (
            "solids.split.inputs.rows",
            "missing required input (list): it is not connected to a solid that runs and has "
            "no default",
        )
    ]
    config = {**GOOD_CONFIG, "solids": {"clean": {"inputs": {"rows": [1]}}}}
    reply = plan(config, selection=["clean"])
    assert reply.plan is not None and reply.plan.steps[0].inputs == []
    reply = plan(selection=["work", "gather"])
    assert "mapped over output 'result' of solid 'split'" in reply.error.message
    reply = plan(selection=["load", "missing", "also_missing"])
    assert reply.error.kind == ErrorKind.INVALID_SOLID_SELECTION
    assert "missing, also_missing" in reply.error.message
    assert plan(selection=["bad query!"]).error.kind == ErrorKind.INVALID_SOLID_SELECTION


def test_selected_inputs_with_defaults_lose_unselected_sources():
    @solid
    def one(context) -> int:
        return 1

    @solid
    def scaled(context, x: int = 5) -> int:
        return x

    @pipeline
    def small():
        scaled(one())

    reply = build_execution_plan(RepositoryDefinition("r", [small]), "small", {}, ["scaled"], None)
    assert [(s.solid, s.inputs) for s in reply.plan.steps] == [("scaled", [])]


def test_selection_only_needs_config_of_selected_solids_and_their_resources():
    reply = plan({}, selection=["split", "work", "gather", "++clean"])
    assert [e.path for e in reply.config_errors] == [
        "solids.load.config.path",
        "resources.db.config.url",
    ]
    reply = plan({"resources": {"db": {"config": {"url": "x"}}}}, selection=["notify"])
    assert reply.config_errors == []
