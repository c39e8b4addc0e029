import pytest
from sdk_helpers import RUN_ID, types_of

from user_code_server import (
    AssetMaterialization,
    DynamicOutput,
    DynamicOutputDefinition,
    Failure,
    Field,
    ModeDefinition,
    Output,
    OutputDefinition,
    RetryPolicy,
    RetryRequested,
    pipeline,
    resource,
    solid,
)
from user_code_server.output_store import FilesystemOutputStore
from user_code_server.protocol import ErrorKind, EventType, InputHandles, OutputHandle
from user_code_server.step_runner import run_step

E = EventType


@solid
def source(context) -> int:
    return 1


def single(definition, name="p", mode_defs=None):
    """A pipeline invoking `definition` once, its inputs without defaults fed by `source`."""

    def body():
        definition(**{d.name: source() for d in definition.input_defs if not d.has_default})

    return pipeline(name=name, mode_defs=mode_defs)(body)


def stored(tmp_path, step_key, output="result", mapping_key=""):
    return FilesystemOutputStore(tmp_path).load(OutputHandle(RUN_ID, step_key, output, mapping_key))


def put(tmp_path, value, step_key="source", output="result", mapping_key=""):
    handle = OutputHandle(RUN_ID, step_key, output, mapping_key)
    FilesystemOutputStore(tmp_path).store(handle, value)
    return handle


def test_success_events_and_stored_output(step_runner, tmp_path):
    @solid
    def double(context, x: int) -> int:
        context.log.info("doubling %d", x)
        context.log.debug("debug line")
        return x * 2

    events = step_runner(single(double)).run("double", {"x": put(tmp_path, 21)}, attempt=1)
    assert types_of(events) == [E.STEP_START, E.STEP_LOG, E.STEP_LOG, E.STEP_OUTPUT, E.STEP_SUCCESS]
    assert [(e.message, e.level) for e in events[1:3]] == [
        ("doubling 21", "INFO"),
        ("debug line", "DEBUG"),
    ]
    assert events[3].output_name == "result"
    assert all(e.step_key == "double" and e.attempt == 1 and e.timestamp > 0 for e in events)
    assert stored(tmp_path, "double") == 42


def test_context_exposes_run_step_config_and_partition(step_runner):
    seen = {}

    @solid(config_schema={"n": int, "label": Field(str, default_value="x")})
    def inspect(context):
        seen.update(
            config=context.solid_config,
            run_id=context.run_id,
            step_key=context.step_key,
            partition=context.partition_key,
            retry_number=context.retry_number,
            pipeline=context.pipeline_name,
        )

    runner = step_runner(
        single(inspect),
        run_config={"solids": {"inspect": {"config": {"n": 3}}}},
        tags={"lodestar/partition": "2024-01-01"},
    )
    assert types_of(runner.run("inspect", attempt=3))[-1] == E.STEP_SUCCESS
    assert seen == {
        "config": {"n": 3, "label": "x"},
        "run_id": RUN_ID,
        "step_key": "inspect",
        "partition": "2024-01-01",
        "retry_number": 2,
        "pipeline": "p",
    }
    step_runner(single(inspect), run_config={"solids": {"inspect": {"config": {"n": 1}}}}).run(
        "inspect"
    )
    assert seen["partition"] is None


def test_inputs_from_handles_defaults_and_lists(step_runner, tmp_path):
    got = {}

    @solid
    def combine(context, a: int, many: list, b: int = 7):
        got.update(a=a, many=many, b=b)

    handles = [put(tmp_path, v, "m", "result", k) for v, k in [(1, "x"), (2, "y")]]
    events = step_runner(single(combine)).run("combine", {"a": put(tmp_path, 5), "many": handles})
    assert types_of(events)[-1] == E.STEP_SUCCESS
    assert got == {"a": 5, "many": [1, 2], "b": 7}
    events = step_runner(single(combine)).run(
        "combine", {"a": put(tmp_path, 5), "many": InputHandles("many", [], is_collect=True)}
    )
    assert got["many"] == []


def test_missing_input_values_fail_the_step(step_runner, tmp_path):
    @solid
    def needs(context, x: int):
        return x

    events = step_runner(single(needs)).run("needs")
    assert types_of(events) == [E.STEP_START, E.STEP_FAILURE]
    assert "input 'x' of step 'needs' received no value" in events[-1].error.message
    events = step_runner(single(needs)).run("needs", {"x": OutputHandle(RUN_ID, "gone", "result")})
    assert "could not load input 'x'" in events[-1].error.message
    assert "output 'result' of step 'gone'" in events[-1].error.message
    assert events[-1].error.kind == ErrorKind.UNKNOWN


def test_input_type_check_failure(step_runner, tmp_path):
    @solid
    def typed(context, rows: list[int]) -> int:
        return len(rows)

    events = step_runner(single(typed)).run("typed", {"rows": put(tmp_path, [1, "two"])})
    assert types_of(events) == [E.STEP_START, E.TYPE_CHECK, E.STEP_FAILURE]
    message = events[1].message
    assert message == (
        "Type check failed for input 'rows' of solid 'typed': expected List[int], "
        "got list with item [1]: str"
    )
    assert events[1].data == {
        "success": False,
        "kind": "input",
        "name": "rows",
        "expected": "List[int]",
        "actual": "list with item [1]: str",
    }
    assert events[2].error.cls_name == "TypeCheckError"
    assert events[2].error.message == message


def test_output_type_check_failure(step_runner):
    @solid
    def liar(context) -> int:
        return "not an int"

    events = step_runner(single(liar)).run("liar")
    assert types_of(events) == [E.STEP_START, E.TYPE_CHECK, E.STEP_FAILURE]
    assert events[1].message == (
        "Type check failed for output 'result' of solid 'liar': expected int, got str"
    )


def test_user_error_fails_with_traceback(step_runner):
    @solid
    def broken(context):
        raise ValueError("bad row")

    (start, failure) = step_runner(single(broken)).run("broken")
    assert failure.event_type == E.STEP_FAILURE
    assert failure.error.kind == ErrorKind.USER_CODE_ERROR
    assert (failure.error.cls_name, failure.error.message) == ("ValueError", "bad row")
    assert "raise ValueError" in failure.error.stack
    assert failure.message == "Step 'broken' failed: ValueError: bad row"


def test_failure_carries_description_and_metadata(step_runner):
    @solid
    def check(context):
        raise Failure("too few rows", metadata={"rows": 3, "obj": object()})

    failure = step_runner(single(check)).run("check")[-1]
    assert failure.event_type == E.STEP_FAILURE
    assert failure.error.cls_name == "Failure"
    assert failure.data["description"] == "too few rows"
    assert failure.data["metadata"]["rows"] == 3
    assert failure.data["metadata"]["obj"].startswith("<object object")


def test_errors_inside_generators_and_system_exit_are_user_errors(step_runner, tmp_path):
    @solid(output_defs=[OutputDefinition(name="a"), OutputDefinition(name="b")])
    def halfway(context):
        yield Output(1, "a")
        raise RuntimeError("midway")

    @solid
    def exits(context):
        raise SystemExit(3)

    events = step_runner(single(halfway)).run("halfway")
    assert types_of(events) == [E.STEP_START, E.STEP_OUTPUT, E.STEP_FAILURE]
    assert events[-1].error.message == "midway"
    assert stored(tmp_path, "halfway", "a") == 1
    assert step_runner(single(exits)).run("exits")[-1].error.cls_name == "SystemExit"


def test_retry_requested_until_max_retries(step_runner):
    @solid
    def flaky(context):
        raise RetryRequested(max_retries=2, seconds_to_wait=1.5) from ConnectionError("down")

    runner = step_runner(single(flaky))
    for attempt in (1, 2):
        event = runner.run("flaky", attempt=attempt)[-1]
        assert event.event_type == E.STEP_UP_FOR_RETRY
        assert event.data == {"seconds_to_wait": 1.5}
        assert event.attempt == attempt
    final = runner.run("flaky", attempt=3)[-1]
    assert final.event_type == E.STEP_FAILURE
    assert "attempt 3 already used max_retries=2" in final.error.message
    assert "ConnectionError: down" in final.error.cause


def test_retry_policy_retries_any_error(step_runner):
    @solid(retry_policy=RetryPolicy(max_retries=1, delay=0.25))
    def sometimes(context):
        raise KeyError("x")

    runner = step_runner(single(sometimes))
    first = runner.run("sometimes", attempt=1)[-1]
    assert first.event_type == E.STEP_UP_FOR_RETRY
    assert first.data == {"seconds_to_wait": 0.25}
    assert first.error.cls_name == "KeyError"
    assert runner.run("sometimes", attempt=2)[-1].event_type == E.STEP_FAILURE


def test_type_check_failures_are_not_retried(step_runner):
    @solid(retry_policy=RetryPolicy(max_retries=3))
    def liar(context) -> int:
        return "x"

    assert step_runner(single(liar)).run("liar")[-1].event_type == E.STEP_FAILURE


def test_resources_with_config_and_teardown(step_runner):
    calls = []

    @resource(config_schema={"url": str})
    def db(init_context):
        calls.append(("open", init_context.resource_config["url"]))
        yield "connection"
        calls.append(("close",))

    @resource
    def never(init_context):
        calls.append(("never",))

    @solid(required_resource_keys={"db"})
    def query(context):
        calls.append(("query", context.resources.db))
        context.resources.never  # noqa: B018 - not required, so not available

    mode = ModeDefinition(resource_defs={"db": db, "never": never})
    runner = step_runner(
        single(query, mode_defs=[mode]),
        run_config={"resources": {"db": {"config": {"url": "sqlite://"}}}},
    )
    failure = runner.run("query")[-1]
    assert calls == [("open", "sqlite://"), ("query", "connection"), ("close",)]
    assert failure.event_type == E.STEP_FAILURE
    assert "resource 'never' is not available to solid 'query'" in failure.error.message


def test_a_resource_that_yields_twice_fails_the_step(step_runner):
    @resource
    def twice(init_context):
        yield 1
        yield 2

    @solid(required_resource_keys={"r"})
    def uses(context):
        return context.resources.r

    runner = step_runner(single(uses, mode_defs=[ModeDefinition(resource_defs={"r": twice})]))
    assert "resource 'r' yielded more than once" in runner.run("uses")[-1].error.message


def test_resource_init_errors_follow_the_retry_policy(step_runner):
    @resource
    def broken(init_context):
        raise OSError("cannot connect")

    @solid(required_resource_keys={"db"}, retry_policy=RetryPolicy(1))
    def uses(context):
        return 1

    runner = step_runner(single(uses, mode_defs=[ModeDefinition(resource_defs={"db": broken})]))
    event = runner.run("uses")[-1]
    assert (event.event_type, event.error.message) == (E.STEP_UP_FOR_RETRY, "cannot connect")


def test_modes_choose_resources(step_runner):
    @solid(required_resource_keys={"store"})
    def which(context):
        return context.resources.store

    modes = [
        ModeDefinition("prod", {"store": resource(lambda _: "s3")}),
        ModeDefinition("test", {"store": resource(lambda _: "memory")}),
    ]
    pipe = single(which, mode_defs=modes)
    events = step_runner(pipe, mode="test").run("which")
    assert types_of(events)[-1] == E.STEP_SUCCESS
    unknown = step_runner(pipe, mode="staging").run("which")[-1]
    assert unknown.error.kind == ErrorKind.MODE_NOT_FOUND


def test_asset_materializations(step_runner):
    @solid(output_defs=[OutputDefinition(asset_key="table")])
    def write(context):
        yield AssetMaterialization(["db", "raw"], description="raw rows", metadata={"rows": 10})
        yield Output(5)

    runner = step_runner(single(write), tags={"lodestar/partition": "p1"})
    events = runner.run("write")
    assert types_of(events) == [
        E.STEP_START,
        E.ASSET_MATERIALIZATION,
        E.STEP_OUTPUT,
        E.ASSET_MATERIALIZATION,
        E.STEP_SUCCESS,
    ]
    assert events[1].data == {
        "asset_key": ["db", "raw"],
        "description": "raw rows",
        "metadata": {"rows": 10},
        "partition": "p1",
    }
    assert events[3].data["asset_key"] == ["table"]
    assert events[3].output_name == "result"


def test_an_output_asset_is_materialized_only_when_the_step_succeeds(step_runner):
    @solid(
        output_defs=[
            OutputDefinition(asset_key="table", name="rows"),
            OutputDefinition(int, name="count"),
        ]
    )
    def write(context):
        yield Output([1, 2], "rows", metadata={"rows": 2})
        yield Output("not an int", "count")

    events = step_runner(single(write)).run("write")
    assert E.ASSET_MATERIALIZATION not in types_of(events)
    assert types_of(events)[-1] == E.STEP_FAILURE

    @solid(output_defs=[OutputDefinition(asset_key="table")])
    def fine(context):
        yield Output([1, 2], metadata={"rows": 2})

    events = step_runner(single(fine)).run("fine")
    assert types_of(events)[-2:] == [E.ASSET_MATERIALIZATION, E.STEP_SUCCESS]
    assert events[-2].data["metadata"] == {"rows": 2}


def test_multiple_and_optional_outputs(step_runner, tmp_path):
    @solid(
        output_defs=[
            OutputDefinition(int, name="count"),
            OutputDefinition(name="skipped", is_required=False),
        ]
    )
    def two(context):
        yield Output(3, output_name="count")

    events = step_runner(single(two)).run("two")
    assert types_of(events) == [E.STEP_START, E.STEP_OUTPUT, E.STEP_SUCCESS]
    assert stored(tmp_path, "two", "count") == 3


@pytest.mark.parametrize(
    ("output_defs", "body", "message"),
    [
        (None, lambda: [Output(1), Output(2)], "yielded output 'result' twice"),
        (None, lambda: [Output(1, "other")], "has no output 'other' (outputs: result)"),
        (None, lambda: [], "did not yield its required output 'result'"),
        (None, lambda: ["raw"], "yielded str: yield Output, DynamicOutput or AssetMaterialization"),
        (None, lambda: [DynamicOutput(1, "a")], "yielded DynamicOutput for output 'result'"),
        ([DynamicOutputDefinition()], lambda: [Output(1)], "yielded Output for dynamic output"),
        ([DynamicOutputDefinition()], lambda: [DynamicOutput(1, "a.b")], "invalid mapping key"),
        ([DynamicOutputDefinition()], lambda: [DynamicOutput(1, "")], "invalid mapping key ''"),
        (
            [DynamicOutputDefinition()],
            lambda: [DynamicOutput(1, "a"), DynamicOutput(2, "a")],
            "duplicate mapping key 'a' for dynamic output 'result' of solid 'bad'",
        ),
    ],
)
def test_output_contract_violations_fail_the_step(step_runner, output_defs, body, message):
    @solid(output_defs=output_defs)
    def bad(context):
        yield from body()

    failure = step_runner(single(bad)).run("bad")[-1]
    assert failure.event_type == E.STEP_FAILURE
    assert failure.error.kind == ErrorKind.USER_CODE_ERROR
    assert message in failure.error.message


@pytest.mark.parametrize(
    ("output_defs", "returned", "message"),
    [
        ([DynamicOutputDefinition()], [1, 2], "returned a value for dynamic output 'result'"),
        ([OutputDefinition(name="a"), OutputDefinition(name="b")], 1, "returned int but has 2"),
        ([], 1, "returned int but has 0 outputs"),
    ],
)
def test_returned_values_that_fit_no_output_fail(step_runner, output_defs, returned, message):
    @solid(output_defs=output_defs)
    def bad(context):
        return returned

    assert message in step_runner(single(bad)).run("bad")[-1].error.message


def test_dynamic_outputs_are_stored_per_mapping_key(step_runner, tmp_path):
    @solid(output_defs=[DynamicOutputDefinition(int)])
    def fan(context):
        for i, key in enumerate(["b", "a", "c_1"]):
            yield DynamicOutput(i, key)

    @solid(output_defs=[DynamicOutputDefinition(int)])
    def empty(context):
        return None

    events = step_runner(single(fan)).run("fan")
    dynamic = [(e.output_name, e.mapping_key) for e in events if e.event_type == E.DYNAMIC_OUTPUT]
    assert dynamic == [("result", "b"), ("result", "a"), ("result", "c_1")]
    assert stored(tmp_path, "fan", mapping_key="c_1") == 2
    assert types_of(step_runner(single(empty)).run("empty")) == [E.STEP_START, E.STEP_SUCCESS]


def test_dynamic_output_values_are_type_checked(step_runner):
    @solid(output_defs=[DynamicOutputDefinition(int)])
    def fan(context):
        yield DynamicOutput("x", "k1")

    events = step_runner(single(fan)).run("fan")
    assert events[1].message == (
        "Type check failed for output 'result[k1]' of solid 'fan': expected int, got str"
    )


def test_bad_requests_fail_without_raising(step_runner, tmp_path):
    runner = step_runner(single(source))
    events = runner.run("ghost[a]")
    assert types_of(events) == [E.STEP_START, E.STEP_FAILURE]
    assert "pipeline 'p' has no solid 'ghost'" in events[-1].error.message
    runner.pipeline = "nope"
    assert runner.run("source")[-1].error.kind == ErrorKind.PIPELINE_NOT_FOUND
    runner.pipeline, runner.run_config = "p", {"solids": {"source": {"config": 1}}}
    assert "solids.source.config: takes no config" in runner.run("source")[-1].error.message


def test_config_is_validated_once_per_solid_and_config(monkeypatch, tmp_path):
    from sdk_helpers import repo_of

    from user_code_server import step_runner as module
    from user_code_server.protocol import ExecuteStepsRequest, StepExecution

    calls = []
    original = module.resolve_run_config
    monkeypatch.setattr(module, "resolve_run_config", lambda *a: calls.append(a[3]) or original(*a))
    repo = repo_of(single(source, name="cached"))
    for _ in range(50):  # a new request object each time, with an equal config
        request = ExecuteStepsRequest(RUN_ID, "cached", "", {"solids": {}})
        run_step(
            repo, FilesystemOutputStore(tmp_path), request, StepExecution("source"), lambda e: None
        )
    assert calls == [{"source"}]


def test_steps_of_a_solid_selection_need_only_their_config(step_runner, tmp_path):
    @solid(config_schema={"n": int})
    def configured(context) -> int:
        return context.solid_config["n"]

    @solid
    def plain(context, x: int = 1) -> int:
        return x

    @pipeline
    def both():
        plain(configured())

    events = step_runner(both).run("plain")
    assert types_of(events)[-1] == E.STEP_SUCCESS
