"""Runs: round trips, filters, pagination, compare-and-set status, interrupted-run recovery."""

from __future__ import annotations

import dataclasses
import threading
import time

import pytest
import sqlalchemy as sa

from control_plane.errors import StorageError
from control_plane.storage import (
    BACKFILL_TAG,
    PARTITION_SET_TAG,
    PARTITION_TAG,
    RunsFilter,
    RunStatus,
)
from user_code_server.protocol import EventType, ExecutionPlan, StepEvent, StepSnapshot


def run_event(event_type: EventType, message: str = "") -> StepEvent:
    return StepEvent(step_key="", event_type=event_type, timestamp=time.time(), message=message)


def race(workers: int, target) -> list:
    """Runs `target(i)` on `workers` threads released at the same moment; returns results."""
    barrier = threading.Barrier(workers)
    results: list = [None] * workers
    errors: list[BaseException] = []

    def work(i: int) -> None:
        barrier.wait()
        try:
            results[i] = target(i)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return results


def test_run_round_trips_every_field(storage, new_run):
    run = new_run(
        run_config={"solids": {"load": {"config": {"path": "/tmp/ü", "n": [1, 2.5, None]}}}},
        mode="prod",
        tags={"owner": "ann ☃ 🚀", PARTITION_TAG: "2021-01-01", PARTITION_SET_TAG: "daily"},
        solid_selection=["load", "clean"],
        step_selection=["clean[*]", "load"],
        parent_run_id="parent",
        root_run_id="root",
        created_at=1234.5,
        start_time=1300.25,
        end_time=1400.75,
        status=RunStatus.SUCCESS,
    )

    stored = storage.add_run(run)

    assert stored.created_at == 1234.5
    assert stored.updated_at >= time.time() - 60
    assert stored == dataclasses.replace(run, updated_at=stored.updated_at)
    assert storage.get_run(run.run_id) == stored
    assert stored.partition_key == "2021-01-01"
    assert stored.partition_set == "daily"


def test_add_run_stamps_created_at_and_stores_its_first_event(storage, new_run):
    run = storage.add_run(new_run(), run_event(EventType.RUN_ENQUEUED, "queued"))

    assert run.created_at > 0 and run.updated_at == run.created_at
    assert storage.get_run(run.run_id).solid_selection is None
    [record] = storage.get_events(run.run_id)
    assert record.event.message == "queued"


def test_add_run_is_atomic_and_never_overwrites(storage, new_run):
    run = storage.add_run(new_run(pipeline_name="first"))

    with pytest.raises(sa.exc.IntegrityError):
        storage.add_run(
            new_run(run_id=run.run_id, pipeline_name="second"), run_event(EventType.RUN_ENQUEUED)
        )

    assert storage.get_run(run.run_id).pipeline_name == "first"
    assert storage.get_events(run.run_id) == []


def test_get_run_of_unknown_id_is_none(storage):
    assert storage.get_run("nope") is None


def test_runs_come_newest_first_in_cursor_pages(storage, new_run):
    run_ids = [storage.add_run(new_run()).run_id for _ in range(7)]

    pages, cursor = [], None
    while page := storage.get_runs(limit=3, cursor=cursor):
        pages.append([run.run_id for run in page])
        cursor = page[-1].run_id

    assert pages == [run_ids[6:3:-1], run_ids[3:0:-1], run_ids[0:1]]
    assert [run.run_id for run in storage.get_runs()] == run_ids[::-1]
    assert storage.get_runs(cursor="unknown-run") == []


def test_filters_must_all_match(storage, new_run):
    def add(pipeline: str, status: RunStatus, **tags: str) -> str:
        tags = {key.replace("__", "/"): value for key, value in tags.items()}
        return storage.add_run(new_run(pipeline_name=pipeline, status=status, tags=tags)).run_id

    a = add("etl", RunStatus.SUCCESS, team="data", env="prod")
    b = add("etl", RunStatus.FAILURE, team="data", env="dev")
    c = add("ml", RunStatus.SUCCESS, team="data", env="prod", lodestar__backfill="bf1")
    d = add("etl", RunStatus.QUEUED, team="Data")

    def ids(filters: RunsFilter) -> list[str]:
        found = [run.run_id for run in storage.get_runs(filters)]
        assert storage.count_runs(filters) == len(found)
        return found

    assert ids(RunsFilter()) == [d, c, b, a]
    assert ids(RunsFilter(pipeline_name="etl")) == [d, b, a]
    assert ids(RunsFilter(statuses=[RunStatus.SUCCESS, RunStatus.QUEUED])) == [d, c, a]
    assert ids(RunsFilter(run_ids=[a, c, "unknown"])) == [c, a]
    assert ids(RunsFilter(tags={"team": "data"})) == [c, b, a]  # case-sensitive on every backend
    assert ids(RunsFilter(tags={"team": "data", "env": "prod"})) == [c, a]
    assert ids(RunsFilter(tags={"team": "data", "env": "prod", BACKFILL_TAG: "bf1"})) == [c]
    assert ids(RunsFilter(pipeline_name="etl", tags={"env": "prod"})) == [a]
    assert ids(RunsFilter(pipeline_name="etl", statuses=[RunStatus.SUCCESS])) == [a]
    assert ids(RunsFilter(tags={"team": "nobody"})) == []
    assert ids(RunsFilter(run_ids=[])) == []
    assert ids(RunsFilter(statuses=[])) == []
    assert storage.count_runs() == 4


def test_partition_tags_filter_through_their_columns(storage, new_run):
    tags = {PARTITION_SET_TAG: "daily", PARTITION_TAG: "2021-01-02"}
    wanted = storage.add_run(new_run(tags=tags)).run_id
    storage.add_run(new_run(tags={**tags, PARTITION_TAG: "2021-01-03"}))

    runs = storage.get_runs(RunsFilter(tags=tags))

    assert [run.run_id for run in runs] == [wanted]


def test_a_filtered_page_is_one_statement(storage, new_run, count_statements):
    for i in range(5):
        storage.add_run(new_run(tags={"team": "data", "n": str(i), PARTITION_SET_TAG: "daily"}))
    first = storage.get_runs(limit=1)[0]
    filters = RunsFilter(
        pipeline_name="etl",
        statuses=[RunStatus.QUEUED],
        tags={"team": "data", PARTITION_SET_TAG: "daily"},
    )

    with count_statements(storage.engine) as counter:
        runs = storage.get_runs(filters, limit=10, cursor=first.run_id)

    assert len(runs) == 4 and all(run.tags["team"] == "data" for run in runs)
    assert len(counter.statements) == 1


def test_tags_beyond_storage_limits_are_refused_and_nothing_is_stored(storage, new_run):
    for tags in ({"k" * 256: "v"}, {"k": "v" * 513}, {PARTITION_TAG: "p" * 256}):
        run = new_run(tags=tags)
        with pytest.raises(StorageError, match="run tag"):
            storage.add_run(run)
        assert storage.get_run(run.run_id) is None


def test_set_run_status_stamps_times_and_appends_the_event(storage, new_run):
    run = storage.add_run(new_run())

    assert storage.set_run_status(run.run_id, RunStatus.STARTED, run_event(EventType.RUN_START))
    started = storage.get_run(run.run_id)
    assert storage.set_run_status(run.run_id, RunStatus.SUCCESS, run_event(EventType.RUN_SUCCESS))
    finished = storage.get_run(run.run_id)

    assert started.status == RunStatus.STARTED and started.start_time is not None
    assert started.end_time is None and started.updated_at >= run.updated_at
    assert finished.status == RunStatus.SUCCESS
    assert finished.end_time >= finished.start_time == started.start_time
    events = [record.event.event_type for record in storage.get_events(run.run_id)]
    assert events == [EventType.RUN_START, EventType.RUN_SUCCESS]


def test_set_run_status_compares_before_it_sets(storage, new_run):
    run = storage.add_run(new_run())

    refused = storage.set_run_status(
        run.run_id, RunStatus.STARTED, run_event(EventType.RUN_START), expected=[RunStatus.STARTING]
    )
    accepted = storage.set_run_status(
        run.run_id, RunStatus.STARTING, expected=iter([RunStatus.QUEUED])
    )

    assert not refused and accepted
    assert storage.get_run(run.run_id).status == RunStatus.STARTING
    assert storage.get_events(run.run_id) == []
    assert not storage.set_run_status("unknown", RunStatus.STARTED)


def test_racing_compare_and_sets_have_one_winner(storage, new_run):
    run = storage.add_run(new_run())

    def claim(i: int) -> bool:
        return storage.set_run_status(
            run.run_id,
            RunStatus.STARTING,
            run_event(EventType.RUN_STARTING, f"claimed by {i}"),
            expected=[RunStatus.QUEUED],
        )

    results = race(8, claim)

    assert results.count(True) == 1
    [record] = storage.get_events(run.run_id)
    assert record.event.message == f"claimed by {results.index(True)}"


def test_a_run_stored_without_a_plan_records_it_as_it_starts(storage, new_run, count_statements):
    plan = ExecutionPlan("etl", "default", [StepSnapshot("extract")])
    first, second, refused = (storage.add_run(new_run(status=RunStatus.STARTING)) for _ in range(3))
    storage.set_run_status(refused.run_id, RunStatus.CANCELED)

    def start(run) -> bool:
        return storage.set_run_status(
            run.run_id, RunStatus.STARTED, expected=[RunStatus.STARTING], plan=plan
        )

    assert start(first)
    with count_statements(storage.engine) as counter:
        assert start(second)
    assert not start(refused)

    plan_id = storage.get_run(first.run_id).plan_id
    assert plan_id is not None and storage.get_run(second.run_id).plan_id == plan_id
    assert storage.get_plan(plan_id) == plan
    assert storage.get_run(refused.run_id).plan_id is None
    # The second run reuses the plan stored for the first: no look-up, no insert.
    assert not any("execution_plans" in statement for statement in counter.statements)


def test_start_queued_runs_moves_only_the_runs_still_queued(storage, new_run, count_statements):
    queued = [storage.add_run(new_run()) for _ in range(3)]
    taken = storage.add_run(new_run(status=RunStatus.STARTED))
    dequeued = [
        (run.run_id, run_event(EventType.RUN_STARTING, f"dequeued {i}"))
        for i, run in enumerate([queued[0], taken, *queued[1:]])
    ]

    with count_statements(storage.engine) as counter:
        started = storage.start_queued_runs(dequeued)

    assert started == [queued[0].run_id, queued[1].run_id, queued[2].run_id]
    assert storage.get_run(taken.run_id).status == RunStatus.STARTED
    assert storage.get_events(taken.run_id) == []
    for i, run in zip([0, 2, 3], queued, strict=True):
        assert storage.get_run(run.run_id).status == RunStatus.STARTING
        [record] = storage.get_events(run.run_id)
        assert record.event.message == f"dequeued {i}"
    # One UPDATE per run and one INSERT of all their events, in one transaction.
    writes = [s for s in counter.statements if s.lstrip().upper().startswith(("UPDATE", "INSERT"))]
    assert len(writes) == len(dequeued) + 1
    assert storage.start_queued_runs(dequeued) == []


def test_racing_dequeues_start_each_run_once(storage, new_run):
    queued = [storage.add_run(new_run()) for _ in range(4)]

    def dequeue(i: int) -> list[str]:
        event = run_event(EventType.RUN_STARTING, f"dequeued by {i}")
        return storage.start_queued_runs([(run.run_id, event) for run in queued])

    results = race(6, dequeue)

    assert sorted(run_id for started in results for run_id in started) == sorted(
        run.run_id for run in queued
    )
    for run in queued:
        assert len(storage.get_events(run.run_id)) == 1


def test_replace_interrupted_run_fails_it_and_adds_its_recovery(storage, new_run):
    interrupted = storage.add_run(new_run(status=RunStatus.STARTED))
    recovery = new_run(parent_run_id=interrupted.run_id, root_run_id=interrupted.run_id)

    stored = storage.replace_interrupted_run(
        interrupted.run_id, run_event(EventType.RUN_FAILURE, "interrupted"), recovery
    )
    again = storage.replace_interrupted_run(
        interrupted.run_id, run_event(EventType.RUN_FAILURE), new_run()
    )

    assert stored is not None and storage.get_run(recovery.run_id) == stored
    assert stored.parent_run_id == interrupted.run_id and stored.created_at > 0
    failed = storage.get_run(interrupted.run_id)
    assert failed.status == RunStatus.FAILURE and failed.end_time is not None
    assert [r.event.message for r in storage.get_events(interrupted.run_id)] == ["interrupted"]
    assert again is None
    assert storage.count_runs() == 2


@pytest.mark.parametrize("status", [RunStatus.QUEUED, RunStatus.SUCCESS, RunStatus.CANCELED])
def test_replace_interrupted_run_leaves_runs_not_in_flight(storage, new_run, status):
    run = storage.add_run(new_run(status=status))

    replaced = storage.replace_interrupted_run(
        run.run_id, run_event(EventType.RUN_FAILURE), new_run()
    )

    assert replaced is None
    assert storage.get_run(run.run_id).status == status
    assert storage.count_runs() == 1
    assert storage.get_events(run.run_id) == []


def test_replace_interrupted_run_is_all_or_nothing(storage, new_run):
    interrupted = storage.add_run(new_run(status=RunStatus.STARTING))
    existing = storage.add_run(new_run())

    with pytest.raises(sa.exc.IntegrityError):
        storage.replace_interrupted_run(
            interrupted.run_id, run_event(EventType.RUN_FAILURE), new_run(run_id=existing.run_id)
        )

    assert storage.get_run(interrupted.run_id).status == RunStatus.STARTING
    assert storage.get_events(interrupted.run_id) == []


def test_racing_recoveries_have_one_winner(storage, new_run):
    interrupted = storage.add_run(new_run(status=RunStatus.STARTED))
    candidates = [new_run(parent_run_id=interrupted.run_id) for _ in range(6)]

    results = race(
        len(candidates),
        lambda i: storage.replace_interrupted_run(
            interrupted.run_id, run_event(EventType.RUN_FAILURE, f"by {i}"), candidates[i]
        ),
    )

    winners = [run for run in results if run is not None]
    assert len(winners) == 1
    recoveries = storage.get_runs(RunsFilter(run_ids=[run.run_id for run in candidates]))
    assert recoveries == winners
    assert len(storage.get_events(interrupted.run_id)) == 1
