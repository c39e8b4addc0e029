"""The status matrix read from the run_steps index: per partition and solid, the status in
the newest run that ran that solid, in one statement, on SQLite and MySQL."""

from __future__ import annotations

from control_plane.storage.records import PARTITION_SET_TAG, PARTITION_TAG, StepStatus
from user_code_server.protocol import EventType, StepEvent

START, SUCCESS, FAILURE = EventType.STEP_START, EventType.STEP_SUCCESS, EventType.STEP_FAILURE


def _run(storage, new_run, partition: str, steps: dict[str, list[EventType]], sets="daily"):
    run = storage.add_run(new_run(tags={PARTITION_SET_TAG: sets, PARTITION_TAG: partition}))
    events = [StepEvent(key, kind, 1.0) for key, kinds in steps.items() for kind in kinds]
    storage.store_events(run.run_id, events)


def test_newest_run_of_each_solid_wins_and_mapped_steps_combine(storage, new_run, count_statements):
    _run(storage, new_run, "d1", {"extract": [START, FAILURE], "load": [START, SUCCESS]})
    # A newer run of d1 that ran only `extract`: `load` keeps the first run's status.
    _run(storage, new_run, "d1", {"extract": [START, SUCCESS]})
    # A mapped solid shows the first of FAILURE, IN_PROGRESS, ... that any step has.
    _run(storage, new_run, "d2", {"fan[a]": [START, SUCCESS], "fan[b]": [START, FAILURE]})
    _run(storage, new_run, "d3", {"fan[a]": [START, SUCCESS], "fan[b]": [START]})
    _run(storage, new_run, "d1", {"extract": [START, FAILURE]}, sets="other")

    with count_statements(storage.engine) as counter:
        cells = storage.latest_cell_statuses("daily")

    assert cells == {
        "d1": {"extract": StepStatus.SUCCESS, "load": StepStatus.SUCCESS},
        "d2": {"fan": StepStatus.FAILURE},
        "d3": {"fan": StepStatus.IN_PROGRESS},
    }
    assert len(counter.statements) == 1
    assert storage.latest_cell_statuses("nothing") == {}
