"""The append-only event log: exact round trips, batches, cursors, concurrent writers."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from control_plane.storage import asset_key_string
from control_plane.storage.schema import event_logs
from user_code_server.protocol import ErrorInfo, ErrorKind, EventType, StepEvent

MEGABYTE = 1024 * 1024


def step_event(n: int, **fields) -> StepEvent:
    fields.setdefault("step_key", f"work[k{n}]")
    fields.setdefault("event_type", EventType.STEP_LOG)
    fields.setdefault("timestamp", 1_700_000_000.123456 + n)
    fields.setdefault("message", f"event {n}")
    return StepEvent(**fields)


@pytest.fixture
def run_id(storage, new_run) -> str:
    return storage.add_run(new_run()).run_id


def test_every_field_round_trips_exactly(storage, run_id):
    events = [
        step_event(
            0,
            event_type=EventType.STEP_FAILURE,
            message='boom: ünïcødé ☃ 🚀 \ttab "quoted" \'\n second line',
            level="ERROR",
            output_name="result",
            mapping_key="a_txt",
            error=ErrorInfo(
                kind=ErrorKind.USER_CODE_ERROR,
                cls_name="ValueError",
                message="bad 🚫",
                stack='Traceback:\n  File "x.py"',
                cause="KeyError: 'k'",
            ),
            data={"metadata": {"rows": 10, "ratio": 0.25, "ok": True, "none": None}, "l": [1]},
            attempt=3,
        ),
        step_event(1, event_type=EventType.DYNAMIC_OUTPUT, data=["a", "b"], mapping_key="b"),
        step_event(2, event_type=EventType.ENGINE_EVENT, step_key="", data="plain string"),
        step_event(3, event_type=EventType.STEP_SUCCESS, data=42),
    ]

    storage.store_events(run_id, events)
    records = storage.get_events(run_id)

    assert [record.event for record in records] == events
    assert {record.run_id for record in records} == {run_id}
    ids = [record.storage_id for record in records]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


def test_a_batch_is_one_statement(storage, run_id, count_statements):
    with count_statements(storage.engine) as counter:
        storage.store_events(run_id, [step_event(n) for n in range(500)])

    assert len(counter.statements) == 1
    assert len(storage.get_events(run_id)) == 500


def test_a_batch_is_one_transaction(storage, run_id):
    bad = step_event(2, step_key=None)  # violates NOT NULL inside the batch

    with pytest.raises(sa.exc.IntegrityError):
        storage.store_events(run_id, [step_event(0), step_event(1), bad])

    assert storage.get_events(run_id) == []


def test_an_empty_batch_is_nothing(storage, run_id):
    storage.store_events(run_id, [])
    assert storage.get_events(run_id) == []


def test_a_megabyte_message_and_payload_round_trip(storage, run_id):
    event = step_event(
        0, message="é" * MEGABYTE, data={"blob": "x" * MEGABYTE}, level="INFO", attempt=1
    )

    storage.store_events(run_id, [event])

    [record] = storage.get_events(run_id)
    assert record.event == event


def test_a_nul_character_is_stored_as_a_replacement_character(storage, run_id):
    # PostgreSQL refuses NUL in text; every backend keeps the rest of the line the same way.
    event = step_event(0, message="bytes \x00 here", data={"raw": "a\x00b"})

    storage.store_events(run_id, [event])

    [record] = storage.get_events(run_id)
    assert record.event.message == "bytes \ufffd here"
    assert record.event.data == {"raw": "a\x00b"}


def test_cursor_limit_and_type_filter(storage, run_id, new_run):
    other_run = storage.add_run(new_run()).run_id
    types = [EventType.STEP_START, EventType.STEP_OUTPUT, EventType.STEP_SUCCESS]
    storage.store_events(run_id, [step_event(n, event_type=types[n % 3]) for n in range(9)])
    storage.store_events(other_run, [step_event(99)])

    first = storage.get_events(run_id, limit=4)
    rest = storage.get_events(run_id, after_cursor=first[-1].storage_id)
    outputs = storage.get_events(run_id, event_types=[EventType.STEP_OUTPUT])
    after_all = storage.get_events(run_id, after_cursor=rest[-1].storage_id)

    assert [r.event.message for r in first + rest] == [f"event {n}" for n in range(9)]
    assert len(first) == 4
    assert [r.event.message for r in outputs] == ["event 1", "event 4", "event 7"]
    assert after_all == []
    assert [r.event.message for r in storage.get_events(other_run)] == ["event 99"]


def test_materializations_fill_the_asset_key_column(storage, run_id):
    materialized = EventType.ASSET_MATERIALIZATION
    storage.store_events(
        run_id,
        [
            step_event(0, event_type=materialized, data={"asset_key": ["s", "t"]}),
            step_event(1, event_type=materialized, data={"asset_key": "flat"}),
            step_event(2, event_type=EventType.STEP_OUTPUT, data={"asset_key": ["ignored"]}),
        ],
    )

    with storage.engine.connect() as conn:
        keys = conn.execute(sa.select(event_logs.c.asset_key).order_by(event_logs.c.id)).scalars()
        assert list(keys) == [asset_key_string(["s", "t"]), asset_key_string(["flat"]), None]
    assert asset_key_string(["s", "t"]) == '["s","t"]'


def test_concurrent_writers_lose_nothing(storage, new_run):
    run_ids = [storage.add_run(new_run()).run_id for _ in range(4)]
    batches, batch_size = 20, 50

    def write(run_id: str) -> None:
        for batch in range(batches):
            storage.store_events(
                run_id, [step_event(batch * batch_size + n) for n in range(batch_size)]
            )

    threads = [threading.Thread(target=write, args=(run_id,)) for run_id in run_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    for run_id in run_ids:
        messages = [record.event.message for record in storage.get_events(run_id)]
        assert messages == [f"event {n}" for n in range(batches * batch_size)]
