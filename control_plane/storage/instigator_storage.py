"""Schedules' and sensors' state, ticks and run keys in SQL (mixed into SqlStorage)."""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterable

import sqlalchemy as sa

from control_plane.storage.instigator_records import (
    InstigatorKind,
    InstigatorState,
    InstigatorStatus,
    Tick,
    TickStatus,
    TickWrite,
)
from control_plane.storage.records import LeaderTerm, PipelineRun
from control_plane.storage.schema import instigators, run_keys, ticks
from user_code_server.protocol import StepEvent


class InstigatorStorage:
    """Mixed into SqlStorage, which provides connections, run inserts and the term fence."""

    def _read(self) -> sa.Connection:
        raise NotImplementedError

    def _insert_queued_runs(
        self, conn: sa.Connection, new_runs: list[tuple[PipelineRun, StepEvent]]
    ) -> None:
        raise NotImplementedError

    def _fenced_write(
        self, term: LeaderTerm | None
    ) -> contextlib.AbstractContextManager[sa.Connection]:
        raise NotImplementedError

    def _write(self) -> contextlib.AbstractContextManager[sa.Connection]:
        raise NotImplementedError

    def get_instigator_states(self, kind: InstigatorKind | None = None) -> list[InstigatorState]:
        query = sa.select(instigators).order_by(instigators.c.kind, instigators.c.name)
        if kind is not None:
            query = query.where(instigators.c.kind == kind.value)
        with self._read() as conn:
            return [_state_from_row(row) for row in conn.execute(query)]

    def set_instigator_status(
        self,
        kind: InstigatorKind,
        name: str,
        location_name: str,
        status: InstigatorStatus,
        last_tick_time: float | None = None,
    ) -> InstigatorState:
        """Starts or stops a schedule or sensor. Starting sets `last_tick_time` (a schedule
        then handles due times after it, never the ones it missed while stopped)."""
        now = time.time()
        key = (instigators.c.kind == kind.value, instigators.c.name == name)
        values: dict[str, object] = {
            "location_name": location_name,
            "status": status.value,
            "updated_at": now,
        }
        if status == InstigatorStatus.RUNNING:
            values["last_tick_time"] = last_tick_time
        with self._write() as conn:
            if conn.execute(instigators.update().where(*key).values(values)).rowcount == 0:
                conn.execute(instigators.insert().values(kind=kind.value, name=name, **values))
            row = conn.execute(sa.select(instigators).where(*key)).one()
        return _state_from_row(row)

    def record_ticks(self, writes: list[TickWrite], term: LeaderTerm | None = None) -> list[bool]:
        """Records each tick with its runs, run keys and the instigator's progress, all in one
        transaction (fenced by `term`); a tick whose instigator moved on or stopped meanwhile,
        or whose run key was launched meanwhile, is left out alone. Returns, per tick,
        whether it was recorded."""
        try:
            with self._fenced_write(term) as conn:
                recorded = [self._advance(conn, write) for write in writes]
                self._insert_ticks(
                    conn, [w for w, done in zip(writes, recorded, strict=True) if done]
                )
            return recorded
        except sa.exc.IntegrityError:  # a tick or run key recorded meanwhile: one at a time
            return [self._record_alone(write, term) for write in writes]

    def _record_alone(self, write: TickWrite, term: LeaderTerm | None) -> bool:
        try:
            with self._fenced_write(term) as conn:
                if not self._advance(conn, write):
                    return False
                self._insert_ticks(conn, [write])
            return True
        except sa.exc.IntegrityError:
            return False

    def _advance(self, conn: sa.Connection, write: TickWrite) -> bool:
        """Moves the instigator's progress to the tick, if it is RUNNING where the tick's
        evaluation read it (a compare-and-set)."""
        tick, state = write.tick, instigators.c
        expected = write.expected_last_tick_time
        advance = (
            instigators.update()
            .where(
                state.kind == tick.kind.value,
                state.name == tick.name,
                state.status == InstigatorStatus.RUNNING.value,
                state.last_tick_time.is_(None)
                if expected is None
                else state.last_tick_time == expected,
            )
            .values(last_tick_time=tick.tick_time, updated_at=time.time())
        )
        if tick.cursor is not None:
            advance = advance.values(cursor=tick.cursor)
        if write.last_run_key is not None:
            advance = advance.values(last_run_key=write.last_run_key)
        return conn.execute(advance).rowcount == 1

    def _insert_ticks(self, conn: sa.Connection, writes: list[TickWrite]) -> None:
        """The ticks, run keys and runs of `writes`, in one statement per table."""
        if not writes:
            return
        conn.execute(ticks.insert(), [_tick_row(write.tick) for write in writes])
        keys = [
            {"sensor": write.tick.name, "run_key": key, "run_id": run_id}
            for write in writes
            for key, run_id in write.new_run_keys.items()
        ]
        if keys:
            conn.execute(run_keys.insert(), keys)
        self._insert_queued_runs(
            conn,
            [(run, write.run_event) for write in writes if write.run_event for run in write.runs],
        )

    def get_ticks(
        self, kind: InstigatorKind, name: str, limit: int = 20, before_id: int | None = None
    ) -> list[Tick]:
        """The instigator's ticks, newest first; `before_id` continues a page."""
        query = (
            sa.select(ticks)
            .where(ticks.c.kind == kind.value, ticks.c.name == name)
            .order_by(ticks.c.tick_time.desc())
            .limit(limit)
        )
        if before_id is not None:
            query = query.where(ticks.c.id < before_id)
        with self._read() as conn:
            return [_tick_from_row(row) for row in conn.execute(query)]

    def get_latest_ticks(self, kind: InstigatorKind) -> dict[str, Tick]:
        newest = (
            sa.select(sa.func.max(ticks.c.id))
            .where(ticks.c.kind == kind.value)
            .group_by(ticks.c.name)
            .scalar_subquery()
        )
        query = sa.select(ticks).where(ticks.c.id.in_(newest))
        with self._read() as conn:
            return {row.name: _tick_from_row(row) for row in conn.execute(query)}

    def get_run_keys(self, sensor: str, keys: Iterable[str]) -> dict[str, str]:
        """Which of `keys` the sensor already launched: run key -> run id."""
        wanted = list(keys)
        if not wanted:
            return {}
        query = sa.select(run_keys.c.run_key, run_keys.c.run_id).where(
            run_keys.c.sensor == sensor, run_keys.c.run_key.in_(wanted)
        )
        with self._read() as conn:
            return {row.run_key: row.run_id for row in conn.execute(query)}


def _state_from_row(row: sa.Row) -> InstigatorState:
    return InstigatorState(
        kind=InstigatorKind(row.kind),
        name=row.name,
        location_name=row.location_name,
        status=InstigatorStatus(row.status),
        last_tick_time=row.last_tick_time,
        cursor=row.cursor,
        last_run_key=row.last_run_key,
        updated_at=row.updated_at,
    )


def _tick_row(tick: Tick) -> dict:
    return {
        "kind": tick.kind.value,
        "name": tick.name,
        "tick_time": tick.tick_time,
        "status": tick.status.value,
        "run_ids": json.dumps(tick.run_ids),
        "skip_reason": tick.skip_reason,
        "error": tick.error,
        "cursor": tick.cursor,
        "created_at": tick.created_at or time.time(),
    }


def _tick_from_row(row: sa.Row) -> Tick:
    return Tick(
        kind=InstigatorKind(row.kind),
        name=row.name,
        tick_time=row.tick_time,
        status=TickStatus(row.status),
        run_ids=json.loads(row.run_ids),
        skip_reason=row.skip_reason,
        error=row.error,
        cursor=row.cursor,
        tick_id=row.id,
        created_at=row.created_at,
    )
