"""A backfill's runs get their plan from the code server when they start: fetched once per
code server process and stored once, shared by every run asking for the same plan."""

from __future__ import annotations

from test_backfill_daemon import wait_for_backfill

from control_plane.execution.run_plans import RunPlans
from control_plane.storage.records import RunsFilter


def test_a_backfills_runs_share_one_stored_plan(make_plane):
    plane = make_plane(run_daemon=True, max_concurrent_runs=3)
    backfill = plane.launch_backfill("numbers", partitions=["p0", "p1", "p2", "p4"])
    wait_for_backfill(plane, backfill.backfill_id)

    runs = plane.storage.get_runs(RunsFilter(tags={"lodestar/backfill": backfill.backfill_id}))
    assert len(runs) == 4
    assert len({run.plan_id for run in runs}) == 1 and runs[0].plan_id is not None
    plan = plane.storage.get_plan(runs[0].plan_id)
    assert [step.solid for step in plan.steps] == ["extract", "transform", "load"]


def test_a_reloaded_location_builds_its_plans_afresh(make_plane):
    plane = make_plane()
    runs = [plane.launch_run("partitioned") for _ in range(2)]
    plans = RunPlans()

    first = plans.plan(plane.locations, runs[0])
    assert plans.plan(plane.locations, runs[1]) is first
    location = plane.locations.get(runs[0].location_name)
    server_id = location.info().server_id
    location.reload()
    assert location.info().server_id != server_id

    again = plans.plan(plane.locations, runs[0])
    assert again is not first and again == first
