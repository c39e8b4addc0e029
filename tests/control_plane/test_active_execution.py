"""The plan walker: readiness, skips, dynamic expansion, collect, nesting, retries, reuse."""

import time

from user_code_server.protocol import (
    ActiveExecution,
    EventType,
    ExecutionPlan,
    InputSource,
    KnownState,
    OutputRef,
    SourceKind,
    StepEvent,
    StepInput,
    StepOutcome,
    StepOutput,
    StepSnapshot,
)

RUN = "run-1"


def step(solid, inputs=(), mapped_over=(), dynamic=False):
    return StepSnapshot(
        solid,
        mapped_over=[OutputRef(*ref) for ref in mapped_over],
        inputs=[StepInput(name, [InputSource(*src)]) for name, src in inputs],
        outputs=[StepOutput("result", is_dynamic=dynamic)],
    )


def fan_out_plan():
    """files yields keys; process is mapped over them; summary collects process."""
    return ExecutionPlan(
        "p",
        "default",
        [
            step("files", dynamic=True),
            step("process", [("f", ("files", "result", SourceKind.MAPPED))], [("files", "result")]),
            step("summary", [("xs", ("process", "result", SourceKind.COLLECT))]),
        ],
    )


def event(key, event_type, **kw):
    return StepEvent(key, event_type, time.time(), **kw)


def succeed(active, key, mapping_keys=None):
    if mapping_keys is None:
        active.handle(event(key, EventType.STEP_OUTPUT, output_name="result"))
    for k in mapping_keys or ():
        active.handle(event(key, EventType.DYNAMIC_OUTPUT, output_name="result", mapping_key=k))
    active.handle(event(key, EventType.STEP_SUCCESS))


def keys(dispatch):
    return [s.step_key for s in dispatch.steps]


def test_linear_chain_runs_in_order_and_skips_after_failure():
    plan = ExecutionPlan(
        "p",
        "default",
        [
            step("a"),
            step("b", [("x", ("a", "result"))]),
            step("c", [("x", ("b", "result"))]),
        ],
    )
    active = ActiveExecution(plan, RUN, KnownState(), 8)
    assert keys(active.dispatch()) == ["a"]
    succeed(active, "a")
    dispatch = active.dispatch()
    assert keys(dispatch) == ["b"]
    assert dispatch.steps[0].inputs[0].handles[0].step_key == "a"
    active.handle(event("b", EventType.STEP_FAILURE))
    dispatch = active.dispatch()
    assert dispatch.steps == [] and [k for k, _ in dispatch.skipped] == ["c"]
    assert active.is_complete() and active.has_failures()


def test_long_skip_chain_needs_no_recursion():
    steps = [step("s0")] + [step(f"s{i}", [("x", (f"s{i - 1}", "result"))]) for i in range(1, 3000)]
    active = ActiveExecution(ExecutionPlan("p", "default", steps), RUN, KnownState(), 8)
    active.dispatch()
    active.handle(event("s0", EventType.STEP_FAILURE))
    assert len(active.dispatch().skipped) == 2999


def test_fan_out_expands_maps_and_collects_in_emission_order():
    plan = fan_out_plan()
    active = ActiveExecution(plan, RUN, KnownState(), 2)
    assert keys(active.dispatch()) == ["files"]
    succeed(active, "files", ["b", "a", "c"])
    first = active.dispatch()
    assert keys(first) == ["process[b]", "process[a]"]  # bounded to 2 at a time
    handle = first.steps[0].inputs[0].handles[0]
    assert (handle.step_key, handle.mapping_key) == ("files", "b")
    succeed(active, "process[b]")
    succeed(active, "process[a]")
    assert keys(active.dispatch()) == ["process[c]"]
    succeed(active, "process[c]")
    (summary,) = active.dispatch().steps
    assert summary.inputs[0].is_collect
    assert [h.step_key for h in summary.inputs[0].handles] == [
        "process[b]",
        "process[a]",
        "process[c]",
    ]


def test_empty_fan_out_collects_an_empty_list():
    plan = fan_out_plan()
    active = ActiveExecution(plan, RUN, KnownState(), 8)
    active.dispatch()
    succeed(active, "files", [])
    (summary,) = active.dispatch().steps
    assert summary.step_key == "summary" and summary.inputs[0].handles == []


def test_failed_mapped_step_fails_only_its_branch():
    plan = ExecutionPlan(
        "p",
        "default",
        [
            step("files", dynamic=True),
            step("process", [("f", ("files", "result", SourceKind.MAPPED))], [("files", "result")]),
            step("after", [("x", ("process", "result"))], [("files", "result")]),
            step("summary", [("xs", ("after", "result", SourceKind.COLLECT))]),
        ],
    )
    active = ActiveExecution(plan, RUN, KnownState(), 8)
    active.dispatch()
    succeed(active, "files", ["a", "b"])
    active.dispatch()
    active.handle(event("process[a]", EventType.STEP_FAILURE))
    succeed(active, "process[b]")
    dispatch = active.dispatch()
    assert keys(dispatch) == ["after[b]"] and [k for k, _ in dispatch.skipped] == ["after[a]"]
    succeed(active, "after[b]")
    assert [k for k, _ in active.dispatch().skipped] == ["summary"]
    assert active.is_complete()


def test_nested_mapping_keys_by_all_levels_and_collects_per_outer_key():
    plan = ExecutionPlan(
        "p",
        "default",
        [
            step("outer", dynamic=True),
            step(
                "split",
                [("k", ("outer", "result", SourceKind.MAPPED))],
                [("outer", "result")],
                dynamic=True,
            ),
            step(
                "work",
                [("v", ("split", "result", SourceKind.MAPPED))],
                [("outer", "result"), ("split", "result")],
            ),
            step(
                "inner_collect",
                [("xs", ("work", "result", SourceKind.COLLECT))],
                [("outer", "result")],
            ),
            step("outer_collect", [("xs", ("inner_collect", "result", SourceKind.COLLECT))]),
        ],
    )
    active = ActiveExecution(plan, RUN, KnownState(), 100)
    active.dispatch()
    succeed(active, "outer", ["a", "b"])
    assert keys(active.dispatch()) == ["split[a]", "split[b]"]
    succeed(active, "split[a]", ["x", "y"])
    succeed(active, "split[b]", [])
    dispatch = active.dispatch()
    assert sorted(keys(dispatch)) == ["inner_collect[b]", "work[a,x]", "work[a,y]"]
    work = next(s for s in dispatch.steps if s.step_key == "work[a,y]")
    assert (work.inputs[0].handles[0].step_key, work.inputs[0].handles[0].mapping_key) == (
        "split[a]",
        "y",
    )
    succeed(active, "inner_collect[b]")
    succeed(active, "work[a,x]")
    succeed(active, "work[a,y]")
    (inner,) = active.dispatch().steps
    assert inner.step_key == "inner_collect[a]"
    assert [h.step_key for h in inner.inputs[0].handles] == ["work[a,x]", "work[a,y]"]
    succeed(active, "inner_collect[a]")
    (outer,) = active.dispatch().steps
    assert [h.step_key for h in outer.inputs[0].handles] == ["inner_collect[a]", "inner_collect[b]"]


def test_retry_redispatches_with_next_attempt_after_the_wait():
    active = ActiveExecution(ExecutionPlan("p", "default", [step("a")]), RUN, KnownState(), 8)
    active.dispatch()
    active.handle(
        event("a", EventType.STEP_UP_FOR_RETRY, attempt=1, data={"seconds_to_wait": 0.05})
    )
    assert active.dispatch().steps == [] and not active.is_complete()
    due = active.next_retry_due()
    assert active.dispatch(now=due - 0.01).steps == []
    (retry,) = active.dispatch(now=due).steps
    assert retry.attempt == 2


def test_reexecution_reuses_known_outputs_from_their_run():
    plan = ExecutionPlan("p", "default", [step("a"), step("b", [("x", ("a", "result"))])])
    known = KnownState({"a": StepOutcome.SUCCESS}, {}, {"a": {"result": "parent-run"}})
    active = ActiveExecution(plan, RUN, known, 8)
    (b,) = active.dispatch().steps
    assert b.inputs[0].handles[0].run_id == "parent-run"


def test_fan_out_of_ten_thousand_is_linear():
    plan = fan_out_plan()
    active = ActiveExecution(plan, RUN, KnownState(), 64)
    active.dispatch()
    succeed(active, "files", [f"k{i}" for i in range(10_000)])
    done = 0
    while not active.is_complete():
        for s in active.dispatch().steps:
            succeed(active, s.step_key)
            done += 1
    assert done == 10_001
