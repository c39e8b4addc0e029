"""Storage on SQLAlchemy Core: SQLite (default), MySQL/MariaDB or PostgreSQL, one engine,
thread-safe."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import time
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import sqlalchemy as sa

from control_plane.errors import LeadershipLostError, StorageError
from control_plane.storage import asset_index
from control_plane.storage.asset_index import asset_key_string
from control_plane.storage.asset_records import AssetMaterializationRecord, AssetRecord
from control_plane.storage.backfill_rows import backfill_from_row, backfill_row, latest_run_ids
from control_plane.storage.base import Storage
from control_plane.storage.dialects import (
    DEFAULT_POOL,
    PoolConfig,
    create_engine,
    database_now,
    holds_lease,
    reader,
    replace_row,
    storable_text,
    writer_gate,
)
from control_plane.storage.group_commit import GroupCommit, WriteBatch
from control_plane.storage.instigator_storage import InstigatorStorage
from control_plane.storage.records import (
    BACKFILL_TAG,
    IN_FLIGHT_STATUSES,
    PARTITION_SET_TAG,
    PARTITION_TAG,
    Backfill,
    BackfillStatus,
    DaemonHeartbeat,
    EventRecord,
    LeaderTerm,
    LeaseHolder,
    PipelineRun,
    RunsFilter,
    RunStatus,
    RunStep,
    StepStatus,
)
from control_plane.storage.schema import (
    NAME_LENGTH,
    TAG_KEY_LENGTH,
    TAG_VALUE_LENGTH,
    backfills,
    daemon_heartbeats,
    daemon_leases,
    event_logs,
    execution_plans,
    run_steps,
    run_tags,
    runs,
)
from control_plane.storage.step_index import (
    RunKeys,
    index_step_events,
    latest_cell_statuses,
    run_keys,
    run_keys_of,
)
from user_code_server.protocol import (
    ErrorInfo,
    ErrorKind,
    EventType,
    ExecutionPlan,
    StepEvent,
    decode_plan,
    encode_plan,
)

# Errors of a backend that is down, unreachable or out of disk: worth retrying the same write.
TRANSIENT_STORAGE_ERRORS = (sa.exc.OperationalError, sa.exc.InterfaceError)
# An event's text past these is cut, with a marker: one huge log line must not fail a run
# (MySQL refuses a statement over max_allowed_packet, 16 MB by default).
MAX_EVENT_MESSAGE_CHARS = 1_500_000
MAX_EVENT_BODY_CHARS = 2_000_000

# Tags copied into indexed run columns, so backfill and partition queries need no join.
_TAG_COLUMNS = {
    PARTITION_TAG: runs.c.partition_key,
    PARTITION_SET_TAG: runs.c.partition_set,
    BACKFILL_TAG: runs.c.backfill_id,
}


# Runs whose run_steps keys are kept in memory (all dropped when full: they are read again).
_KNOWN_RUN_KEYS = 4096

_STORED_PLANS = 64

# A compare-and-set from QUEUED to STARTING, built once: the run queue runs it for each run.
_START_QUEUED_RUN = (
    runs.update()
    .where(
        runs.c.run_id == sa.bindparam("queued_run_id"),
        runs.c.status == RunStatus.QUEUED.value,
    )
    .values(status=RunStatus.STARTING.value, updated_at=sa.bindparam("dequeued_at"))
)

_INSERT_EVENTS = event_logs.insert()

_OLDEST_QUEUED = (
    sa.select(runs)
    .where(runs.c.status == RunStatus.QUEUED.value)
    .order_by(runs.c.id.asc())
    .limit(sa.bindparam("limit"))
)

# One encoder for every row: json.dumps with options would build a new one per call.
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class SqlStorage(InstigatorStorage, Storage):
    """Runs, events and heartbeats in SQL. The schema must exist (see `migrations`)."""

    def __init__(self, url: str | sa.URL, pool: PoolConfig | None = DEFAULT_POOL):
        self._engine = create_engine(url, pool)
        self._reader = reader(self._engine)
        self._writer = writer_gate(self._engine.dialect.name)
        # Run status changes and events, of every run in flight, committed in groups.
        self._group_commit = GroupCommit(self._fenced_write, TRANSIENT_STORAGE_ERRORS)
        self._known_run_keys: dict[str, RunKeys] = {}
        # Plans stored by this storage, by identity: runs sharing a plan store it once.
        self._stored_plans: dict[int, tuple[ExecutionPlan, str]] = {}

    @property
    def engine(self) -> sa.Engine:
        """The one engine (and connection pool) every method uses."""
        return self._engine

    # Runs

    def add_run(
        self,
        run: PipelineRun,
        event: StepEvent | None = None,
        plan: ExecutionPlan | None = None,
    ) -> PipelineRun:
        now = time.time()
        stored = dataclasses.replace(run, created_at=run.created_at or now, updated_at=now)
        with self._write() as conn:
            if plan is not None:
                stored = dataclasses.replace(stored, plan_id=_add_plan(conn, plan))
            _insert_runs(conn, [stored])
            if event is not None:
                conn.execute(event_logs.insert(), _event_row(run.run_id, event))
        return stored

    def get_plan(self, plan_id: str) -> ExecutionPlan | None:
        query = sa.select(execution_plans.c.body).where(execution_plans.c.plan_id == plan_id)
        with self._read() as conn:
            body = conn.execute(query).scalar_one_or_none()
        return decode_plan(body) if body is not None else None

    def get_run(self, run_id: str) -> PipelineRun | None:
        with self._read() as conn:
            row = conn.execute(sa.select(runs).where(runs.c.run_id == run_id)).first()
        return _run_from_row(row) if row is not None else None

    def get_runs(
        self,
        filters: RunsFilter | None = None,
        limit: int | None = None,
        cursor: str | None = None,
        oldest_first: bool = False,
    ) -> list[PipelineRun]:
        order = runs.c.id.asc() if oldest_first else runs.c.id.desc()
        query = sa.select(runs).where(*_filter_clauses(filters)).order_by(order)
        if cursor is not None:
            cursor_run = runs.alias("cursor_run")
            cursor_id = (
                sa.select(cursor_run.c.id).where(cursor_run.c.run_id == cursor).scalar_subquery()
            )
            query = query.where(runs.c.id > cursor_id if oldest_first else runs.c.id < cursor_id)
        if limit is not None:
            query = query.limit(limit)
        with self._read() as conn:
            return [_run_from_row(row) for row in conn.execute(query)]

    def count_runs(self, filters: RunsFilter | None = None) -> int:
        query = sa.select(sa.func.count()).select_from(runs).where(*_filter_clauses(filters))
        with self._read() as conn:
            return conn.execute(query).scalar_one()

    def set_run_status(
        self,
        run_id: str,
        status: RunStatus,
        event: StepEvent | None = None,
        expected: Iterable[RunStatus] | None = None,
        term: LeaderTerm | None = None,
        plan: ExecutionPlan | None = None,
    ) -> bool:
        expected_statuses = tuple(expected) if expected is not None else None
        update = _status_update(status, expected_statuses, sets_plan=plan is not None)
        params: dict[str, Any] = {"status_run_id": run_id, "changed_at": time.time()}

        def apply(batch: WriteBatch) -> tuple[bool, str | None]:
            plan_id = None
            if plan is not None:
                known = self._stored_plans.get(id(plan))
                plan_id = params["plan_id"] = known[1] if known else _add_plan(batch.conn, plan)
            # A compare-and-set: the row lock serializes racing callers, and only one matches.
            if batch.conn.execute(update, params).rowcount != 1:
                return False, None
            if event is not None:
                batch.insert(_INSERT_EVENTS, [_event_row(run_id, event)])
            return True, plan_id

        changed, plan_id = self._group_commit.write(term, apply)
        if plan is not None and plan_id is not None:
            self._stored_plan(plan, plan_id)
        return changed

    def start_queued_runs(
        self, dequeued: list[tuple[str, StepEvent]], term: LeaderTerm | None = None
    ) -> list[str]:
        if not dequeued:
            return []
        now = time.time()

        def apply(batch: WriteBatch) -> list[str]:
            started: list[str] = []
            for run_id, event in dequeued:
                params = {"queued_run_id": run_id, "dequeued_at": now}
                if batch.conn.execute(_START_QUEUED_RUN, params).rowcount == 1:
                    started.append(run_id)
                    batch.insert(_INSERT_EVENTS, [_event_row(run_id, event)])
            return started

        return self._group_commit.write(term, apply)

    def queued_runs(self, limit: int) -> list[PipelineRun]:
        with self._read() as conn:
            rows = conn.execute(_OLDEST_QUEUED, {"limit": limit}).all()
        for row in rows:  # about to start: their run_steps rows will need these
            self._remember_run_keys(row.run_id, run_keys_of(row))
        return [_run_from_row(row) for row in rows]

    def replace_interrupted_run(
        self,
        interrupted_run_id: str,
        failure_event: StepEvent,
        new_run: PipelineRun,
        term: LeaderTerm | None = None,
    ) -> PipelineRun | None:
        now = time.time()
        fail = (
            runs.update()
            .where(
                runs.c.run_id == interrupted_run_id,
                runs.c.status.in_([s.value for s in IN_FLIGHT_STATUSES]),
            )
            .values(status=RunStatus.FAILURE.value, updated_at=now, end_time=now)
        )
        with self._fenced_write(term) as conn:
            if conn.execute(fail).rowcount != 1:
                return None
            conn.execute(event_logs.insert(), _event_row(interrupted_run_id, failure_event))
            stored = dataclasses.replace(new_run, created_at=now, updated_at=now)
            _insert_runs(conn, [stored])
        return stored

    # Events

    def store_events(
        self, run_id: str, events: list[StepEvent], term: LeaderTerm | None = None
    ) -> None:
        if not events:
            return
        rows = [_event_row(run_id, event) for event in events]

        def apply(batch: WriteBatch) -> None:
            conn = batch.conn
            if any(row["asset_key"] is not None for row in rows):
                ids = asset_index.insert_events_returning_ids(conn, rows)
                data = [event.data for event in events]
                asset_index.index_materializations(conn, rows, ids, data)
            else:
                batch.insert(_INSERT_EVENTS, rows)
            index_step_events(batch, run_id, events, lambda: self._run_keys(conn, run_id))

        self._group_commit.write(term, apply)

    def get_events(
        self,
        run_id: str,
        after_cursor: int = 0,
        limit: int | None = None,
        event_types: Iterable[EventType] | None = None,
    ) -> list[EventRecord]:
        query = (
            sa.select(event_logs)
            .where(event_logs.c.run_id == run_id, event_logs.c.id > after_cursor)
            .order_by(event_logs.c.id)
        )
        if event_types is not None:
            query = query.where(event_logs.c.event_type.in_([t.value for t in event_types]))
        if limit is not None:
            query = query.limit(limit)
        with self._read() as conn:
            return [_event_record_from_row(row) for row in conn.execute(query)]

    def get_events_of_runs(
        self, run_ids: list[str], event_types: Iterable[EventType]
    ) -> list[EventRecord]:
        query = (
            sa.select(event_logs)
            .where(
                event_logs.c.run_id.in_(run_ids),
                event_logs.c.event_type.in_([t.value for t in event_types]),
            )
            .order_by(event_logs.c.id)
        )
        with self._read() as conn:
            return [_event_record_from_row(row) for row in conn.execute(query)]

    def get_run_steps(self, run_ids: list[str]) -> list[RunStep]:
        step = run_steps.c
        query = (
            sa.select(
                step.run_id,
                step.step_key,
                step.status,
                step.attempts,
                step.start_time,
                step.end_time,
            )
            .where(step.run_id.in_(run_ids))
            .order_by(step.id)
        )
        with self._read() as conn:
            return [
                RunStep(
                    row.run_id,
                    row.step_key,
                    StepStatus(row.status),
                    row.attempts,
                    row.start_time,
                    row.end_time,
                )
                for row in conn.execute(query)
            ]

    # Backfills and partitions

    def add_backfill(self, backfill: Backfill) -> Backfill:
        now = time.time()
        stored = dataclasses.replace(
            backfill, created_at=backfill.created_at or now, updated_at=now
        )
        with self._write() as conn:
            conn.execute(backfills.insert(), backfill_row(stored))
        return stored

    def get_backfill(self, backfill_id: str) -> Backfill | None:
        query = sa.select(backfills).where(backfills.c.backfill_id == backfill_id)
        with self._read() as conn:
            row = conn.execute(query).one_or_none()
        return backfill_from_row(row) if row is not None else None

    def get_backfills(
        self,
        statuses: Iterable[BackfillStatus] | None = None,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> list[Backfill]:
        query = sa.select(backfills).order_by(backfills.c.id.desc())
        if statuses is not None:
            query = query.where(backfills.c.status.in_([s.value for s in statuses]))
        if cursor is not None:
            after = backfills.alias("cursor_backfill")
            cursor_id = sa.select(after.c.id).where(after.c.backfill_id == cursor).scalar_subquery()
            query = query.where(backfills.c.id < cursor_id)
        if limit is not None:
            query = query.limit(limit)
        with self._read() as conn:
            return [backfill_from_row(row) for row in conn.execute(query)]

    def submit_backfill_runs(
        self,
        backfill_id: str,
        expected_cursor: int,
        new_cursor: int,
        new_runs: list[PipelineRun],
        event: StepEvent,
    ) -> bool:
        now = time.time()
        advance = (
            backfills.update()
            .where(
                backfills.c.backfill_id == backfill_id,
                backfills.c.cursor == expected_cursor,
                backfills.c.status == BackfillStatus.REQUESTED.value,
            )
            .values(cursor=new_cursor, updated_at=now)
        )
        with self._write() as conn:
            # The row lock taken here serializes racing daemons; the loser matches nothing.
            if conn.execute(advance).rowcount != 1:
                return False
            self._insert_queued_runs(conn, [(run, event) for run in new_runs])
        return True

    def set_backfill_status(
        self,
        backfill_id: str,
        status: BackfillStatus,
        expected: Iterable[BackfillStatus] | None = None,
        error: str | None = None,
    ) -> bool:
        values: dict[str, Any] = {"status": status.value, "updated_at": time.time()}
        if error is not None:
            values["error"] = error
        update = backfills.update().where(backfills.c.backfill_id == backfill_id).values(values)
        if expected is not None:
            update = update.where(backfills.c.status.in_([s.value for s in expected]))
        with self._write() as conn:
            return conn.execute(update).rowcount == 1

    def latest_partition_runs(
        self,
        partition_set: str,
        partition_keys: list[str] | None = None,
        backfill_id: str | None = None,
    ) -> dict[str, PipelineRun]:
        where = [runs.c.partition_set == partition_set]
        if backfill_id is not None:
            where.append(runs.c.backfill_id == backfill_id)
        if partition_keys is not None:
            where.append(runs.c.partition_key.in_(partition_keys))
        latest = latest_run_ids(*where)
        query = sa.select(runs).join(latest, runs.c.id == latest.c.id)
        with self._read() as conn:
            return {row.partition_key: _run_from_row(row) for row in conn.execute(query)}

    def latest_partition_run_statuses(
        self, partition_set: str, backfill_id: str | None = None
    ) -> dict[str, tuple[str, RunStatus]]:
        where = [runs.c.partition_set == partition_set]
        if backfill_id is not None:
            where.append(runs.c.backfill_id == backfill_id)
        latest = latest_run_ids(*where)
        query = sa.select(runs.c.partition_key, runs.c.run_id, runs.c.status).join(
            latest, runs.c.id == latest.c.id
        )
        with self._read() as conn:
            return {
                row.partition_key: (row.run_id, RunStatus(row.status))
                for row in conn.execute(query)
            }

    def backfill_run_counts(self, backfill_id: str) -> dict[RunStatus, int]:
        latest = latest_run_ids(runs.c.backfill_id == backfill_id)
        query = (
            sa.select(runs.c.status, sa.func.count().label("runs"))
            .join(latest, runs.c.id == latest.c.id)
            .group_by(runs.c.status)
        )
        with self._read() as conn:
            return {RunStatus(row.status): row.runs for row in conn.execute(query)}

    def backfills_run_counts(self, backfill_ids: list[str]) -> dict[str, dict[RunStatus, int]]:
        latest = (
            sa.select(sa.func.max(runs.c.id).label("id"))
            .where(runs.c.backfill_id.in_(backfill_ids), runs.c.partition_key.is_not(None))
            .group_by(runs.c.backfill_id, runs.c.partition_key)
            .subquery()
        )
        query = (
            sa.select(runs.c.backfill_id, runs.c.status, sa.func.count().label("runs"))
            .join(latest, runs.c.id == latest.c.id)
            .group_by(runs.c.backfill_id, runs.c.status)
        )
        counts: dict[str, dict[RunStatus, int]] = {backfill_id: {} for backfill_id in backfill_ids}
        with self._read() as conn:
            for row in conn.execute(query):
                counts[row.backfill_id][RunStatus(row.status)] = row.runs
        return counts

    def cancel_queued_runs(self, backfill_id: str, event: StepEvent) -> list[str]:
        queued = sa.select(runs.c.run_id).where(
            runs.c.backfill_id == backfill_id, runs.c.status == RunStatus.QUEUED.value
        )
        with self._write() as conn:
            run_ids: list[str] = list(conn.execute(queued).scalars())
            if not run_ids:
                return []
            now = time.time()
            conn.execute(
                runs.update()
                .where(runs.c.run_id.in_(run_ids), runs.c.status == RunStatus.QUEUED.value)
                .values(status=RunStatus.CANCELED.value, updated_at=now, end_time=now)
            )
            conn.execute(event_logs.insert(), [_event_row(run_id, event) for run_id in run_ids])
        return run_ids

    def latest_cell_statuses(self, partition_set: str) -> dict[str, dict[str, StepStatus]]:
        with self._read() as conn:
            return latest_cell_statuses(conn, partition_set)

    # Assets

    def get_assets(
        self, prefix: str | None = None, asset_keys: Iterable[tuple[str, ...]] | None = None
    ) -> list[AssetRecord]:
        with self._read() as conn:
            return asset_index.get_assets(conn, prefix, asset_keys)

    def get_asset(self, asset_key: tuple[str, ...]) -> AssetRecord | None:
        with self._read() as conn:
            return asset_index.get_asset(conn, asset_key)

    def get_asset_materializations(
        self,
        asset_key: tuple[str, ...],
        limit: int | None = None,
        before: int | None = None,
        partition: str | None = None,
    ) -> list[AssetMaterializationRecord]:
        with self._read() as conn:
            return asset_index.get_materializations(conn, asset_key, limit, before, partition)

    def get_asset_lineage(
        self, asset_keys: Iterable[tuple[str, ...]] | None, upstream: bool = True
    ) -> dict[tuple[str, ...], set[tuple[str, ...]]]:
        with self._read() as conn:
            return asset_index.recorded_edges(conn, asset_keys, upstream)

    def wipe_asset(self, asset_key: tuple[str, ...]) -> int:
        with self._write() as conn:
            return asset_index.wipe_asset(conn, asset_key)

    # Daemons

    def acquire_lease(
        self, name: str, holder: str, ttl_s: float, replaceable: Iterable[str] = ()
    ) -> LeaderTerm | None:
        lease = daemon_leases.c
        try:
            with self._write() as conn:
                now = database_now(conn.dialect.name)
                take = (
                    daemon_leases.update()
                    .where(
                        lease.name == name,
                        sa.or_(
                            lease.holder == holder,
                            lease.expires_at < now,
                            lease.holder.in_(list(replaceable)),
                        ),
                    )
                    # MySQL assigns left to right, each seeing the ones before: the term
                    # must be decided before the holder changes.
                    .ordered_values(
                        (
                            lease.term,
                            sa.case((lease.holder == holder, lease.term), else_=lease.term + 1),
                        ),
                        (lease.expires_at, now + ttl_s),
                        (lease.holder, holder),
                    )
                )
                if conn.execute(take).rowcount == 1:
                    term = conn.execute(sa.select(lease.term).where(lease.name == name))
                    return LeaderTerm(name, holder, term.scalar_one())
                exists = conn.execute(sa.select(lease.name).where(lease.name == name)).first()
                if exists:
                    return None
                conn.execute(
                    daemon_leases.insert().values(
                        name=name, holder=holder, expires_at=now + ttl_s, term=1
                    )
                )
                return LeaderTerm(name, holder, 1)
        except sa.exc.IntegrityError:  # another process inserted the lease first
            return None

    def release_lease(self, name: str, holder: str) -> None:
        release = (
            daemon_leases.update()
            .where(daemon_leases.c.name == name, daemon_leases.c.holder == holder)
            .values(expires_at=0.0)
        )
        with self._write() as conn:
            conn.execute(release)

    def get_lease(self, name: str) -> tuple[str, float] | None:
        query = sa.select(daemon_leases.c.holder, daemon_leases.c.expires_at).where(
            daemon_leases.c.name == name
        )
        with self._read() as conn:
            row = conn.execute(query).first()
        return (row.holder, row.expires_at) if row else None

    def get_lease_holder(self, name: str) -> LeaseHolder | None:
        lease = daemon_leases.c
        with self._read() as conn:
            now = database_now(conn.dialect.name).label("now")
            query = sa.select(lease.holder, lease.term, lease.expires_at, now).where(
                lease.name == name
            )
            row = conn.execute(query).first()
        return LeaseHolder(name, row.holder, row.term, row.expires_at, row.now) if row else None

    def add_daemon_heartbeat(self, heartbeat: DaemonHeartbeat) -> None:
        values = {
            "daemon_type": heartbeat.daemon_type,
            "daemon_id": heartbeat.daemon_id,
            "timestamp": heartbeat.timestamp,
            "info": _dumps(heartbeat.info),
        }
        with self._write() as conn:
            conn.execute(replace_row(conn.dialect.name, daemon_heartbeats).values(values))

    def get_daemon_heartbeats(self) -> list[DaemonHeartbeat]:
        query = sa.select(daemon_heartbeats).order_by(daemon_heartbeats.c.daemon_type)
        with self._read() as conn:
            return [
                DaemonHeartbeat(
                    daemon_type=row.daemon_type,
                    daemon_id=row.daemon_id,
                    timestamp=row.timestamp,
                    info=json.loads(row.info),
                )
                for row in conn.execute(query)
            ]

    # Helpers of the storage concerns mixed in

    def _insert_queued_runs(
        self, conn: sa.Connection, new_runs: list[tuple[PipelineRun, StepEvent]]
    ) -> None:
        """Inserts new runs, each with its first event, in one statement per table."""
        if not new_runs:
            return
        now = time.time()
        stored = [
            dataclasses.replace(r, created_at=r.created_at or now, updated_at=now)
            for r, _ in new_runs
        ]
        _insert_runs(conn, stored)
        rows = [_event_row(r.run_id, event) for r, (_, event) in zip(stored, new_runs, strict=True)]
        conn.execute(event_logs.insert(), rows)

    def _stored_plan(self, plan: ExecutionPlan, plan_id: str) -> None:
        """Remembers a committed plan by identity (keeping the object, so that its id is
        never another plan's meanwhile): the runs sharing it store it once."""
        if id(plan) not in self._stored_plans:
            if len(self._stored_plans) >= _STORED_PLANS:
                self._stored_plans.clear()
            self._stored_plans[id(plan)] = (plan, plan_id)

    def _run_keys(self, conn: sa.Connection, run_id: str) -> RunKeys:
        """The run's keys for its run_steps rows, read once per run while it is recent."""
        keys = self._known_run_keys.get(run_id)
        if keys is None:
            keys = run_keys(conn, run_id)
            self._remember_run_keys(run_id, keys)
        return keys

    def _remember_run_keys(self, run_id: str, keys: RunKeys) -> None:
        if len(self._known_run_keys) >= _KNOWN_RUN_KEYS:
            self._known_run_keys.clear()
        self._known_run_keys[run_id] = keys

    def _read(self) -> sa.Connection:
        """A connection for reads (see `dialects.reader`)."""
        return self._reader.connect()

    @contextlib.contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        """A write transaction, entered through the backend's writer gate."""
        with self._writer, self._engine.begin() as conn:
            yield conn

    @contextlib.contextmanager
    def _fenced_write(self, term: LeaderTerm | None) -> Iterator[sa.Connection]:
        """A write transaction that first checks `term` (see `_check_term`)."""
        with self._write() as conn:
            _check_term(conn, term)
            yield conn

    # Lifecycle

    def dispose(self) -> None:
        self._engine.dispose()


def _loads_optional(text: str | None) -> Any:
    return json.loads(text) if text is not None else None


# Runs as rows


def _insert_runs(conn: sa.Connection, new_runs: list[PipelineRun]) -> None:
    """Inserts runs and their tags with one executemany statement per table."""
    rows: list[dict[str, Any]] = []
    tag_rows: list[dict[str, Any]] = []
    for run in new_runs:
        _check_tags(run.tags)
        row = {
            "run_id": run.run_id,
            "pipeline_name": run.pipeline_name,
            "location_name": run.location_name,
            "status": run.status.value,
            "run_config": _dumps(run.run_config),
            "mode": run.mode,
            "tags": _dumps(run.tags),
            "solid_selection": _json_or_none(run.solid_selection),
            "step_selection": _json_or_none(run.step_selection),
            "parent_run_id": run.parent_run_id,
            "root_run_id": run.root_run_id,
            "created_at": run.created_at,
            "updated_at": run.updated_at,
            "start_time": run.start_time,
            "end_time": run.end_time,
            "plan_id": run.plan_id,
        }
        row.update({column.name: run.tags.get(tag) for tag, column in _TAG_COLUMNS.items()})
        rows.append(row)
        tag_rows.extend({"run_id": run.run_id, "key": k, "value": v} for k, v in run.tags.items())
    conn.execute(runs.insert(), rows)
    if tag_rows:
        conn.execute(run_tags.insert(), tag_rows)


@functools.cache
def _status_update(
    status: RunStatus, expected: tuple[RunStatus, ...] | None, sets_plan: bool
) -> sa.Update:
    """The UPDATE of a run's status (built once per status and expectation: building it costs
    more than running it). STARTED sets start_time; a finished status sets end_time;
    `sets_plan` sets plan_id (a parameter) on a run stored without one."""
    changed_at: sa.BindParameter[float] = sa.bindparam("changed_at")
    values: dict[str, Any] = {"status": status.value, "updated_at": changed_at}
    if sets_plan:
        values["plan_id"] = sa.func.coalesce(runs.c.plan_id, sa.bindparam("plan_id"))
    if status == RunStatus.STARTED:
        values["start_time"] = changed_at
    if status.is_finished:
        values["end_time"] = changed_at
    update = runs.update().where(runs.c.run_id == sa.bindparam("status_run_id")).values(values)
    if expected is not None:
        update = update.where(runs.c.status.in_([s.value for s in expected]))
    return update


def _json_or_none(value: Any) -> str | None:
    return _dumps(value) if value is not None else None


def _check_tags(tags: Mapping[str, str]) -> None:
    for key, value in tags.items():
        value_limit = NAME_LENGTH if key in _TAG_COLUMNS else TAG_VALUE_LENGTH
        if len(key) > TAG_KEY_LENGTH:
            raise StorageError(f"run tag key {key[:40]!r}... is over {TAG_KEY_LENGTH} characters")
        if len(value) > value_limit:
            raise StorageError(f"run tag {key!r} has a value over {value_limit} characters")


def _run_from_row(row: sa.Row) -> PipelineRun:
    return PipelineRun(
        run_id=row.run_id,
        pipeline_name=row.pipeline_name,
        location_name=row.location_name,
        status=RunStatus(row.status),
        run_config=json.loads(row.run_config),
        mode=row.mode,
        tags=json.loads(row.tags),
        solid_selection=_loads_optional(row.solid_selection),
        step_selection=_loads_optional(row.step_selection),
        parent_run_id=row.parent_run_id,
        root_run_id=row.root_run_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        start_time=row.start_time,
        end_time=row.end_time,
        plan_id=row.plan_id,
    )


def _filter_clauses(filters: RunsFilter | None) -> list[sa.ColumnElement[bool]]:
    """WHERE clauses for a filter; every criterion must hold. An empty list matches nothing."""
    if filters is None:
        return []
    clauses: list[sa.ColumnElement[bool]] = []
    if filters.run_ids is not None:
        clauses.append(runs.c.run_id.in_(filters.run_ids))
    if filters.pipeline_name is not None:
        clauses.append(runs.c.pipeline_name == filters.pipeline_name)
    if filters.statuses is not None:
        clauses.append(runs.c.status.in_([s.value for s in filters.statuses]))
    if filters.parent_run_id is not None:
        clauses.append(runs.c.parent_run_id == filters.parent_run_id)
    for key, value in (filters.tags or {}).items():
        if key in _TAG_COLUMNS:
            clauses.append(_TAG_COLUMNS[key] == value)
        else:
            tag = run_tags.c
            clauses.append(
                sa.exists().where(tag.run_id == runs.c.run_id, tag.key == key, tag.value == value)
            )
    return clauses


# Events as rows


def _event_row(run_id: str, event: StepEvent) -> dict[str, Any]:
    error = dataclasses.asdict(event.error) if event.error is not None else None
    body = {
        "output_name": event.output_name,
        "mapping_key": event.mapping_key,
        "attempt": event.attempt,
        "error": error,
        "data": event.data,
    }
    text = _dumps(body)
    if len(text) > MAX_EVENT_BODY_CHARS:
        if error is not None:
            share = MAX_EVENT_BODY_CHARS // (2 * len(error))
            body["error"] = {
                k: _cut(v, share) if isinstance(v, str) else v for k, v in error.items()
            }
        body["data"] = _cut(_dumps(event.data), MAX_EVENT_BODY_CHARS // 2)
        text = _dumps(body)
    return {
        "run_id": run_id,
        "step_key": event.step_key,
        "event_type": event.event_type.value,
        "timestamp": event.timestamp,
        "level": event.level,
        "message": _cut(storable_text(event.message), MAX_EVENT_MESSAGE_CHARS),
        "body": text,
        "asset_key": _asset_key_of(event),
    }


def _cut(text: str, limit: int) -> str:
    """`text`, or its first `limit` characters and a marker saying how much was cut."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}\n... [truncated by Lodestar: {len(text) - limit} more characters]"


def _add_plan(conn: sa.Connection, plan: ExecutionPlan) -> str:
    """Stores `plan` once by content; returns its id."""
    body = encode_plan(plan)
    plan_id = hashlib.sha256(body).hexdigest()
    query = sa.select(execution_plans.c.plan_id).where(execution_plans.c.plan_id == plan_id)
    if conn.execute(query).first() is None:
        try:
            with conn.begin_nested():
                conn.execute(
                    execution_plans.insert(),
                    {"plan_id": plan_id, "body": body, "created_at": time.time()},
                )
        except sa.exc.IntegrityError:  # stored by another process meanwhile
            pass
    return plan_id


def _check_term(conn: sa.Connection, term: LeaderTerm | None) -> None:
    """Raises LeadershipLostError unless `term` still holds its lease; holds the lease row
    until the transaction ends, so the lease cannot change hands before this write commits."""
    if term is None:
        return
    if not holds_lease(conn, daemon_leases, term.lease, term.holder, term.term):
        raise LeadershipLostError(
            f"{term.holder} no longer leads (term {term.term} of lease {term.lease!r} ended)"
        )


def _asset_key_of(event: StepEvent) -> str | None:
    """The stored asset key of a materialization: `data["asset_key"]`, a path list or a str."""
    if event.event_type != EventType.ASSET_MATERIALIZATION or not isinstance(event.data, dict):
        return None
    key = event.data.get("asset_key")
    if isinstance(key, str):
        return asset_key_string([key])
    if isinstance(key, list):
        return asset_key_string(key)
    return None


def _event_record_from_row(row: sa.Row) -> EventRecord:
    body = json.loads(row.body)
    error = body["error"]
    event = StepEvent(
        step_key=row.step_key,
        event_type=EventType(row.event_type),
        timestamp=row.timestamp,
        message=row.message,
        level=row.level,
        output_name=body["output_name"],
        mapping_key=body["mapping_key"],
        error=ErrorInfo(**{**error, "kind": ErrorKind(error["kind"])}) if error else None,
        data=body["data"],
        attempt=body["attempt"],
    )
    return EventRecord(storage_id=row.id, run_id=row.run_id, event=event)
