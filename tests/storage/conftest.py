"""Storage fixtures: every storage test runs on SQLite and, when configured, on MySQL.

`LODESTAR_TEST_MYSQL_URL` (e.g. mysql+pymysql://root@127.0.0.1:3306/test) enables the
MySQL cases; each test gets a fresh database, dropped afterwards. When the variable is set
and the server is unreachable the MySQL cases fail rather than skip.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from control_plane.storage import PipelineRun, SqlStorage
from control_plane.storage.migrations import check_schema

MYSQL_URL_ENV = "LODESTAR_TEST_MYSQL_URL"


@pytest.fixture(scope="session")
def mysql_server_url() -> sa.URL:
    """The MySQL server to test against; skips when the variable is unset."""
    raw = os.environ.get(MYSQL_URL_ENV)
    if not raw:
        pytest.skip(f"{MYSQL_URL_ENV} is not set")
    url = sa.make_url(raw)
    url = url.set(drivername=f"{url.get_backend_name()}+pymysql")
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except sa.exc.DBAPIError as exc:
        pytest.fail(f"{MYSQL_URL_ENV} is set but its server is unreachable: {exc.orig}")
    finally:
        engine.dispose()
    return url


@pytest.fixture
def mysql_database_url(mysql_server_url: sa.URL) -> Iterator[sa.URL]:
    """A fresh, empty database on the MySQL server, dropped after the test."""
    name = f"lodestar_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(mysql_server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4"))
    try:
        yield mysql_server_url.set(database=name)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f"DROP DATABASE `{name}`"))
        admin.dispose()


@pytest.fixture(params=["sqlite", "mysql"])
def database_url(request: pytest.FixtureRequest, tmp_path) -> sa.URL:
    """An empty database: a SQLite file, or a fresh MySQL database."""
    if request.param == "mysql":
        return request.getfixturevalue("mysql_database_url")
    return sa.URL.create("sqlite", database=str(tmp_path / "test.db"))


@pytest.fixture
def storage(database_url: sa.URL) -> Iterator[SqlStorage]:
    """SqlStorage on an empty database, created at the schema head."""
    storage = SqlStorage(database_url)
    check_schema(storage.engine)
    yield storage
    storage.dispose()


class StatementCounter:
    """Counts the SQL statements an engine executes (an executemany counts once)."""

    def __init__(self, engine: sa.Engine):
        self.statements: list[str] = []
        self._engine = engine

    def __enter__(self) -> StatementCounter:
        sa.event.listen(self._engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *exc_info) -> None:
        sa.event.remove(self._engine, "before_cursor_execute", self._record)

    def _record(self, conn, cursor, statement, parameters, context, executemany) -> None:
        self.statements.append(statement)


@pytest.fixture
def new_run():
    """Builds a PipelineRun with a fresh run id; keyword arguments override fields."""

    def build(**fields) -> PipelineRun:
        fields.setdefault("run_id", uuid.uuid4().hex)
        fields.setdefault("pipeline_name", "etl")
        fields.setdefault("location_name", "repo")
        return PipelineRun(**fields)

    return build


@pytest.fixture
def count_statements():
    """`with count_statements(engine) as counter:` then `counter.statements`."""
    return StatementCounter
