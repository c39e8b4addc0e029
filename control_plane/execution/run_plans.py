"""Execution plans fetched from code servers for runs stored without one (a backfill's),
kept per code server process: the runs of a backfill share a few plans, fetched once."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict

from control_plane.code_locations import CodeLocations
from control_plane.errors import LodestarError
from control_plane.storage.records import PipelineRun
from user_code_server.protocol import ExecutionPlan

CACHED_PLANS = 64


class RunPlans:
    """The plan a run's code server builds for it. A plan depends only on the loaded code
    and the run's pipeline, config, solid selection and mode, so it is kept by those and the
    server's id: a reloaded location (a new server) builds its plans afresh."""

    def __init__(self, size: int = CACHED_PLANS):
        self._size = size
        self._lock = threading.Lock()
        self._plans: OrderedDict[tuple, ExecutionPlan] = OrderedDict()

    def plan(self, locations: CodeLocations, run: PipelineRun) -> ExecutionPlan:
        """The run's plan, validated against its config; LodestarError when there is none."""
        location = locations.get(run.location_name)
        server_id = location.info().server_id  # None while loading: nothing is kept then
        key = (
            run.location_name,
            server_id,
            run.pipeline_name,
            json.dumps(run.run_config, sort_keys=True, default=repr),
            tuple(run.solid_selection) if run.solid_selection is not None else None,
            run.mode,
        )
        with self._lock:
            plan = self._plans.get(key)
            if plan is not None:
                self._plans.move_to_end(key)
                return plan
        reply = location.client().execution_plan(
            run.pipeline_name, run.run_config, run.solid_selection, run.mode
        )
        if reply.error:
            raise LodestarError(f"{reply.error.message}\n{reply.error.stack}".rstrip())
        if reply.config_errors:
            errors = "\n".join(f"  - {e}" for e in reply.config_errors)
            raise LodestarError(f"invalid run config:\n{errors}")
        plan = reply.plan
        assert plan is not None, "a reply without errors carries the plan"
        # Kept only if the server that built it is still the one the key names.
        if server_id is not None and location.info().server_id == server_id:
            with self._lock:
                self._plans[key] = plan
                if len(self._plans) > self._size:
                    self._plans.popitem(last=False)
        return plan


run_plans = RunPlans()
