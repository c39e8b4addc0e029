"""What differs between the SQL backends (SQLite, MySQL/MariaDB, PostgreSQL), in one place:
engine options and pooling, the database clock, the lease row lock, upserts and
INSERT ... RETURNING."""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import mysql, postgresql, sqlite

SQLITE_BUSY_TIMEOUT_MS = 30_000
# Below MariaDB/MySQL's default wait_timeout (8 hours), so no pooled connection goes stale.
DEFAULT_POOL_RECYCLE_SECONDS = 3600
MYSQL_DIALECTS = ("mysql", "mariadb")
# A pooled server connection unused this long is pinged before it is handed out, so one the
# server dropped meanwhile (a restart, an idle timeout) is replaced unseen. One in steady use
# skips that round trip: if its server went away, the statement fails, the pool is refreshed,
# and storage callers retry (TRANSIENT_STORAGE_ERRORS).
PING_IDLE_AFTER_S = 5.0


@dataclass(frozen=True)
class PoolConfig:
    """The connection pool of a database server: `size` kept open, up to `max_overflow` more
    under load, each replaced after `recycle_seconds`."""

    size: int = 5
    max_overflow: int = 10
    recycle_seconds: int = DEFAULT_POOL_RECYCLE_SECONDS


DEFAULT_POOL = PoolConfig()


def create_engine(url: str | sa.URL, pool: PoolConfig | None = DEFAULT_POOL) -> sa.Engine:
    """An engine with the backend's settings: SQLite pragmas, or a server's pool (`pool=None`:
    no pool, a connection per use, for a pooler such as PgBouncer in front of the server)."""
    url = sa.make_url(url)
    backend = url.get_backend_name()
    if backend == "sqlite":
        engine = sa.create_engine(url)
        sa.event.listen(engine, "connect", _set_sqlite_pragmas)
        return engine
    options: dict[str, Any] = {}
    if backend in MYSQL_DIALECTS:
        options["connect_args"] = {"charset": "utf8mb4"}
    if pool is None:
        options["poolclass"] = sa.NullPool
        if backend == "postgresql":
            # A pooler in transaction mode may run each transaction on another server
            # connection, where psycopg's server-side prepared statements do not exist.
            options["connect_args"] = {"prepare_threshold": None}
    else:
        options.update(
            pool_size=pool.size,
            max_overflow=pool.max_overflow,
            pool_recycle=pool.recycle_seconds,
        )
    engine = sa.create_engine(url, **options)
    _ping_when_idle(engine)
    return engine


def _ping_when_idle(engine: sa.Engine) -> None:
    """Pings a pooled connection on checkout once it has been idle PING_IDLE_AFTER_S (a
    per-checkout ping, `pool_pre_ping`, costs every transaction a round trip)."""

    @sa.event.listens_for(engine, "checkin")
    def checked_in(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @sa.event.listens_for(engine, "checkout")
    def checked_out(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get("idle_since")
        if idle_since is None or time.monotonic() - idle_since < PING_IDLE_AFTER_S:
            return
        try:
            alive = engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as error:
            if not engine.dialect.is_disconnect(error, dbapi_connection, None):
                raise
            alive = False
        if not alive:
            raise sa.exc.DisconnectionError("a pooled connection was closed by its server")


def reader(engine: sa.Engine) -> sa.Engine:
    """The engine for reads: on PostgreSQL, autocommit (under its READ COMMITTED each
    statement sees the latest commits anyway, and a one-SELECT read then costs one round
    trip, not three with BEGIN and ROLLBACK). MySQL's reads keep their transaction (a
    consistent snapshot under REPEATABLE READ); SQLite's driver begins none for a SELECT."""
    if engine.dialect.name == "postgresql":
        return engine.execution_options(isolation_level="AUTOCOMMIT")
    return engine


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in (
        "journal_mode=WAL",
        "synchronous=NORMAL",
        f"busy_timeout={SQLITE_BUSY_TIMEOUT_MS}",
        "foreign_keys=ON",
    ):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def writer_gate(dialect: str) -> contextlib.AbstractContextManager[object]:
    """What this process's write transactions pass through, one at a time on SQLite.

    SQLite has a single writer; a thread that finds the database locked sleeps in its busy
    handler, up to 100 ms a try, while others take the lock ahead of it. Queueing this
    process's writers on a lock instead hands the write lock straight to the next one (other
    processes still wait in the busy handler). Servers lock rows and need no gate."""
    return threading.RLock() if dialect == "sqlite" else contextlib.nullcontext()


def storable_text(text: str) -> str:
    """`text` as every backend stores it: PostgreSQL refuses NUL characters in text, so they
    become U+FFFD (on every backend, so a run's log reads the same wherever it is kept)."""
    return text.replace("\x00", "\ufffd") if "\x00" in text else text


def database_now(dialect: str) -> sa.ColumnElement[float]:
    """The database server's clock in seconds since the epoch: every process that shares the
    database judges lease expiry by the same clock, whatever its own says."""
    if dialect == "sqlite":
        return sa.literal_column("((julianday('now') - 2440587.5) * 86400.0)", sa.Double)
    if dialect == "postgresql":
        return sa.literal_column("EXTRACT(EPOCH FROM clock_timestamp())::float8", sa.Double)
    return sa.literal_column("UNIX_TIMESTAMP(NOW(6))", sa.Double)


def holds_lease(conn: sa.Connection, table: sa.Table, name: str, holder: str, term: int) -> bool:
    """Whether `holder` still holds lease `name` in `term`, kept so until the transaction ends.
    SQLite has no row locks: a no-op UPDATE of the held lease takes its database write lock
    and answers in one statement; a server's row is read under a shared lock."""
    params = {"lease_name": name, "lease_holder": holder, "lease_term": term}
    if conn.dialect.name == "sqlite":
        return conn.execute(_touch_lease(table), params).rowcount == 1
    row = conn.execute(_read_lease(table), params).first()
    return row is not None and (row.holder, row.term) == (holder, term)


@functools.cache
def _touch_lease(table: sa.Table) -> sa.Update:
    held = sa.and_(
        table.c.name == sa.bindparam("lease_name"),
        table.c.holder == sa.bindparam("lease_holder"),
        table.c.term == sa.bindparam("lease_term"),
    )
    return table.update().where(held).values(term=table.c.term)


@functools.cache
def _read_lease(table: sa.Table) -> sa.Select:
    query = sa.select(table.c.holder, table.c.term).where(
        table.c.name == sa.bindparam("lease_name")
    )
    return query.with_for_update(read=True)


def upsert(
    dialect: str,
    table: sa.Table,
    conflict: Sequence[sa.Column[Any]],
    updates: Callable[[Any], dict[str, Any]],
) -> sa.Insert:
    """INSERT, or on a row with the same `conflict` key (a unique index), UPDATE it with
    `updates(new)`, where `new` holds the inserted row's columns. No bound parameters in the
    updates: pymysql's multi-row executemany cannot carry them."""
    if dialect in MYSQL_DIALECTS:
        mysql_insert = mysql.insert(table)
        return mysql_insert.on_duplicate_key_update(updates(mysql_insert.inserted))
    on_conflict = postgresql.insert if dialect == "postgresql" else sqlite.insert
    insert = on_conflict(table)
    return insert.on_conflict_do_update(index_elements=conflict, set_=updates(insert.excluded))


def replace_row(dialect: str, table: sa.Table) -> sa.Insert:
    """INSERT, or UPDATE every other column of the row with the same primary key."""
    keys = list(table.primary_key.columns)
    others = [column.name for column in table.columns if column not in keys]
    return upsert(dialect, table, keys, lambda new: {name: new[name] for name in others})


def greatest(dialect: str) -> Any:
    """The SQL function of the larger of its arguments (SQLite's scalar MAX)."""
    return sa.func.max if dialect == "sqlite" else sa.func.greatest


def insert_returning_ids(
    conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]
) -> list[int]:
    """Inserts rows, returning their autoincrement ids in row order."""
    if conn.dialect.name == "sqlite":
        # SQLite has one writer, holding its lock until commit, and gives each new row the
        # largest rowid plus one: the batch's ids are the last ones. (Its RETURNING would
        # make SQLAlchemy insert row by row to keep the order.)
        conn.execute(table.insert(), rows)
        last: int = conn.execute(sa.select(sa.func.max(table.c.id))).scalar_one()
        return list(range(last - len(rows) + 1, last + 1))
    if conn.dialect.insert_executemany_returning_sort_by_parameter_order:
        insert = table.insert().returning(table.c.id, sort_by_parameter_order=True)
        return list(conn.execute(insert, rows).scalars())
    # MySQL has no INSERT ... RETURNING: one statement per row, its id from the cursor.
    ids = []
    for row in rows:
        key = conn.execute(table.insert(), row).inserted_primary_key
        assert key is not None, "a single-row INSERT has a primary key"
        ids.append(key[0])
    return ids
