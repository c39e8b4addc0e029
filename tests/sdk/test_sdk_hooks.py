"""Hooks: @success_hook / @failure_hook on a pipeline or one solid, run by execute_pipeline."""

import pytest

from user_code_server import (
    ModeDefinition,
    execute_pipeline,
    failure_hook,
    pipeline,
    solid,
    success_hook,
)
from user_code_server.protocol import EventType
from user_code_server.sdk import DefinitionError, ResourceDefinition

calls: list[tuple] = []


@success_hook(required_resource_keys={"channel"})
def notify(context):
    calls.append(("success", context.solid.name, context.step_key, context.resources.channel))
    context.log.info(f"{context.solid.name} done")


@failure_hook
def alarm(context):
    calls.append(("failure", context.solid.name, context.step_key))


@failure_hook
def broken(context):
    raise RuntimeError("the pager is down")


@solid(config_schema={"fail": bool})
def work(context) -> int:
    if context.solid_config["fail"]:
        raise ValueError("bad input")
    return 1


@solid
def after(context, value: int) -> int:
    return value + 1


MODE = ModeDefinition(resource_defs={"channel": ResourceDefinition.hardcoded_resource("#data")})


@pipeline(mode_defs=[MODE], hook_defs={notify})
def hooked():
    after.with_hooks({alarm, broken})(work())


def run(fail: bool):
    calls.clear()
    return execute_pipeline(hooked, {"solids": {"work": {"config": {"fail": fail}}}})


def test_success_hooks_run_after_each_step_with_context_and_resources():
    result = run(fail=False)
    assert result.success
    assert calls == [("success", "work", "work", "#data"), ("success", "after", "after", "#data")]
    logs = [e.message for e in result.step_events if e.event_type == EventType.STEP_LOG]
    assert logs == ["work done", "after done"]
    ends = [e.event_type for e in result.step_events if e.step_key == "after"][-2:]
    assert ends == [EventType.STEP_LOG, EventType.STEP_SUCCESS]  # the hook runs before the end


def test_failure_hooks_run_only_where_attached_and_a_hook_error_is_only_logged():
    calls.clear()

    @pipeline(hook_defs={alarm, broken})
    def failing():
        work()

    result = execute_pipeline(failing, {"solids": {"work": {"config": {"fail": True}}}})
    assert not result.success
    assert calls == [("failure", "work", "work")]
    errors = [e for e in result.step_events if e.event_type == EventType.STEP_LOG]
    assert [e.level for e in errors] == ["ERROR"]
    assert "failure hook 'broken' of step 'work' failed: RuntimeError: the pager is down" in (
        errors[0].message
    )
    assert result.step_events[-1].event_type == EventType.STEP_FAILURE
    assert "bad input" in result.step_events[-1].error.message


def test_a_failing_hook_never_fails_a_succeeding_step():
    @success_hook
    def explode(context):
        raise RuntimeError("boom")

    @solid
    def make(context) -> int:
        return 1

    @pipeline(hook_defs={explode})
    def fine():
        make()

    result = execute_pipeline(fine)
    assert result.success and result.result_for_solid("make").output_value() == 1
    assert [e.level for e in result.step_events if e.event_type == EventType.STEP_LOG] == ["ERROR"]


def test_hooks_are_checked_at_definition():
    with pytest.raises(DefinitionError, match="hook_defs takes @success_hook/@failure_hook"):
        work.with_hooks({print})
    with pytest.raises(DefinitionError, match="hook 'notify' on solid 'work' requires resource"):

        @pipeline(hook_defs={notify})
        def no_channel():
            work()
