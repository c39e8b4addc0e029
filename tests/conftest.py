"""Fixtures shared by every test package.

`LODESTAR_TEST_MYSQL_URL` (e.g. mysql+pymysql://root@127.0.0.1:3306/test) enables the
MySQL cases of `database_url`; each test gets a fresh database, dropped afterwards. When the
variable is set and the server is unreachable the MySQL cases fail rather than skip.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

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
