"""Execution plans: one step template per solid, keyed `name` or `name[?]` until expanded."""

from __future__ import annotations

import strawberry

from control_plane.graphql.basic_types import AssetKey, OutputRef, RetryPolicy
from control_plane.graphql.pipelines import InputSource
from user_code_server.protocol import ExecutionPlan as ExecutionPlanSnapshot
from user_code_server.protocol import StepSnapshot


@strawberry.type
class StepInput:
    name: str
    sources: list[InputSource]


@strawberry.type
class StepOutput:
    name: str
    is_dynamic: bool
    is_required: bool
    asset_key: AssetKey | None


@strawberry.type(description="A step template; `[?]` marks a mapping key known only at run time.")
class ExecutionStep:
    key: str
    solid: str
    mapped_over: list[OutputRef]
    inputs: list[StepInput]
    outputs: list[StepOutput]
    retry_policy: RetryPolicy

    @strawberry.field(description="Runs once per value of a dynamic output.")
    def is_mapped(self) -> bool:
        return bool(self.mapped_over)

    @staticmethod
    def from_snapshot(step: StepSnapshot) -> ExecutionStep:
        return ExecutionStep(
            key=str(step.template_key),
            solid=step.solid,
            mapped_over=[OutputRef(solid=r.solid, output=r.output) for r in step.mapped_over],
            inputs=[
                StepInput(
                    name=i.name,
                    sources=[InputSource.from_snapshot(s) for s in i.sources],
                )
                for i in step.inputs
            ],
            outputs=[
                StepOutput(
                    name=o.name,
                    is_dynamic=o.is_dynamic,
                    is_required=o.is_required,
                    asset_key=AssetKey.from_path(o.asset_key),
                )
                for o in step.outputs
            ],
            retry_policy=RetryPolicy(
                max_retries=step.retry_policy.max_retries, delay=step.retry_policy.delay
            ),
        )


@strawberry.type
class ExecutionPlan:
    pipeline: str
    mode: str
    steps: list[ExecutionStep]

    @staticmethod
    def from_snapshot(plan: ExecutionPlanSnapshot) -> ExecutionPlan:
        return ExecutionPlan(
            pipeline=plan.pipeline,
            mode=plan.mode,
            steps=[ExecutionStep.from_snapshot(s) for s in plan.steps],
        )
