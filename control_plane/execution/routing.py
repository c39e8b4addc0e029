"""Which executor runs a run's steps: the run's `lodestar/executor` tag, else the instance's."""

from __future__ import annotations

from control_plane.errors import PlanError
from control_plane.execution.executor import (
    EventSink,
    RunExecutionContext,
    StepExecutor,
    step_failure,
)
from user_code_server.protocol import StepExecution

EXECUTOR_TAG = "lodestar/executor"
CODE_SERVER = "code_server"
CELERY = "celery"


class ExecutorByRun(StepExecutor):
    """The code-server executor, and the Celery executor when lodestar.yaml configures one
    (then the default); a run's tag `lodestar/executor` picks either."""

    def __init__(self, code_server: StepExecutor, celery: StepExecutor | None = None):
        self._executors = {CODE_SERVER: code_server}
        if celery is not None:
            self._executors[CELERY] = celery
        self._default = CELERY if celery is not None else CODE_SERVER

    def check(self, tags: dict[str, str]) -> None:
        """Raises PlanError when the tags name an executor this instance does not have."""
        problem = self._problem(tags)
        if problem:
            raise PlanError(problem)

    def submit(self, context: RunExecutionContext, steps: list[StepExecution], sink: EventSink):
        problem = self._problem(context.run_tags)
        if problem:
            for step in steps:
                sink(step_failure(step, problem, "PlanError"))
            return
        name = context.run_tags.get(EXECUTOR_TAG, self._default)
        self._executors[name].submit(context, steps, sink)

    def cancel(self, run_id: str) -> None:
        for executor in self._executors.values():
            executor.cancel(run_id)

    def run_finished(self, run_id: str) -> None:
        for executor in self._executors.values():
            executor.run_finished(run_id)

    def shutdown(self) -> None:
        for executor in self._executors.values():
            executor.shutdown()

    def _problem(self, tags: dict[str, str]) -> str:
        name = tags.get(EXECUTOR_TAG)
        if name is None or name in self._executors:
            return ""
        if name == CELERY:
            return (
                f"the run's tag {EXECUTOR_TAG}=celery asks for the Celery executor, which "
                "lodestar.yaml does not configure (executor: {celery: {broker: URL}})"
            )
        return f"the run's tag {EXECUTOR_TAG}={name!r} names no executor ({CODE_SERVER}, {CELERY})"
