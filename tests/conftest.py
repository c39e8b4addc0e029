"""Fixtures shared by every test package.

`LODESTAR_TEST_MYSQL_URL` (e.g. mysql+pymysql://root@127.0.0.1:3306/test) and
`LODESTAR_TEST_POSTGRES_URL` (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test) enable
the MySQL and PostgreSQL cases of `database_url`; each test gets a fresh database, dropped
afterwards. When a variable is set and its server is unreachable those cases fail rather
than skip.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from helpers.code_server import CodeServerProcess, start_code_server
from helpers.ports import ReservedPort


@pytest.fixture
def code_server():
    """Starts real code server processes (`code_server("basic.py", "--workers", "2")`);
    each one is stopped when the test ends."""
    started: list[CodeServerProcess] = []

    def start(repo, *args, **kwargs) -> CodeServerProcess:
        started.append(start_code_server(repo, *args, **kwargs))
        return started[-1]

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def reserved_port() -> Iterator[ReservedPort]:
    """A loopback port that refuses connections, held for the test unless it releases it."""
    port = ReservedPort()
    yield port
    port.release()


MYSQL_URL_ENV = "LODESTAR_TEST_MYSQL_URL"
POSTGRES_URL_ENV = "LODESTAR_TEST_POSTGRES_URL"


def _server_url(variable: str, driver: str) -> sa.URL:
    """The server `variable` names, with our driver; skips when the variable is unset and
    fails when the server does not answer."""
    raw = os.environ.get(variable)
    if not raw:
        pytest.skip(f"{variable} is not set")
    url = sa.make_url(raw)
    url = url.set(drivername=f"{url.get_backend_name()}+{driver}")
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except sa.exc.DBAPIError as exc:
        pytest.fail(f"{variable} is set but its server is unreachable: {exc.orig}")
    finally:
        engine.dispose()
    return url


@contextmanager
def _fresh_database(server_url: sa.URL, create: str, drop: str) -> Iterator[sa.URL]:
    """A new database on the server (`create`/`drop` format its name), dropped afterwards."""
    name = f"lodestar_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(create.format(name)))
        try:
            yield server_url.set(database=name)
        finally:
            with admin.connect() as conn:
                conn.execute(sa.text(drop.format(name)))
    finally:
        admin.dispose()


@pytest.fixture(scope="session")
def mysql_server_url() -> sa.URL:
    """The MySQL server to test against; skips when the variable is unset."""
    return _server_url(MYSQL_URL_ENV, "pymysql")


@pytest.fixture
def mysql_database_url(mysql_server_url: sa.URL) -> Iterator[sa.URL]:
    """A fresh, empty database on the MySQL server, dropped after the test."""
    with _fresh_database(
        mysql_server_url, "CREATE DATABASE `{}` CHARACTER SET utf8mb4", "DROP DATABASE `{}`"
    ) as url:
        yield url


@pytest.fixture(scope="session")
def postgres_server_url() -> sa.URL:
    """The PostgreSQL server to test against; skips when the variable is unset."""
    return _server_url(POSTGRES_URL_ENV, "psycopg")


@pytest.fixture
def postgres_database_url(postgres_server_url: sa.URL) -> Iterator[sa.URL]:
    """A fresh, empty database on the PostgreSQL server, dropped (with any connection a
    killed process left behind) after the test."""
    with _fresh_database(
        postgres_server_url, 'CREATE DATABASE "{}"', 'DROP DATABASE "{}" WITH (FORCE)'
    ) as url:
        yield url


@pytest.fixture(params=["sqlite", "mysql", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path) -> sa.URL:
    """An empty database: a SQLite file, or a fresh MySQL or PostgreSQL database."""
    if request.param != "sqlite":
        return request.getfixturevalue(f"{request.param}_database_url")
    return sa.URL.create("sqlite", database=str(tmp_path / "test.db"))


@pytest.fixture(params=["mysql", "postgres"])
def server_database_url(request: pytest.FixtureRequest) -> sa.URL:
    """A fresh database on a database server: MySQL or PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_database_url")
