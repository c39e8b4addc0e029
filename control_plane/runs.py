"""Building new runs: fresh launches and re-executions (which never overwrite their parent)."""

from __future__ import annotations

import dataclasses
import time
import uuid

from control_plane.storage.records import RUN_LIFE_TAGS, PipelineRun, RunStatus


def new_run(
    pipeline: str,
    location: str,
    run_config: dict,
    mode: str,
    tags: dict[str, str] | None = None,
    solid_selection: list[str] | None = None,
) -> PipelineRun:
    now = time.time()
    return PipelineRun(
        run_id=str(uuid.uuid4()),
        pipeline_name=pipeline,
        location_name=location,
        status=RunStatus.QUEUED,
        run_config=run_config,
        mode=mode,
        tags=dict(tags or {}),
        solid_selection=solid_selection,
        created_at=now,
        updated_at=now,
    )


def reexecution_of(
    parent: PipelineRun,
    step_selection: list[str] | None,
    extra_tags: dict[str, str] | None = None,
) -> PipelineRun:
    """A new run of the parent's pipeline and config.

    `step_selection` None re-executes from failure (every step that did not succeed);
    `["*"]` re-executes everything; otherwise the selected steps plus any that did not succeed.
    It runs the parent's stored plan.
    """
    inherited = {k: v for k, v in parent.tags.items() if k not in RUN_LIFE_TAGS}
    run = new_run(
        parent.pipeline_name,
        parent.location_name,
        parent.run_config,
        parent.mode,
        {**inherited, **(extra_tags or {})},
        parent.solid_selection,
    )
    return dataclasses.replace(
        run,
        plan_id=parent.plan_id,
        step_selection=step_selection,
        parent_run_id=parent.run_id,
        root_run_id=parent.root_run_id or parent.run_id,
    )
