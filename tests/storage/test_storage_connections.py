"""Pooled connections to a database server: one the server dropped while it sat idle is
replaced unseen; one in steady use is not pinged, so a drop costs one failed statement
(which storage callers retry) and the pool is refreshed."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from control_plane.storage import SqlStorage, dialects

SERVER_CONNECTION_ID = {
    "postgresql": ("SELECT pg_backend_pid()", "SELECT pg_terminate_backend({})"),
    "mysql": ("SELECT CONNECTION_ID()", "KILL {}"),
}


@pytest.fixture
def database_url(server_database_url: sa.URL) -> sa.URL:
    """Only servers here: the `storage` fixture (conftest.py) on MySQL and PostgreSQL."""
    return server_database_url


def _pooled_connection_id(storage: SqlStorage) -> int:
    """The server's id of the connection the pool hands out next (the pool holds one)."""
    with storage.engine.connect() as conn:
        return conn.execute(sa.text(SERVER_CONNECTION_ID[conn.dialect.name][0])).scalar_one()


def _kill_on_server(url: sa.URL, connection_id: int) -> None:
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
    with admin.connect() as conn:
        conn.execute(sa.text(SERVER_CONNECTION_ID[conn.dialect.name][1].format(connection_id)))
    admin.dispose()


def test_an_idle_connection_the_server_dropped_is_replaced_unseen(
    storage, server_database_url, monkeypatch
):
    monkeypatch.setattr(dialects, "PING_IDLE_AFTER_S", 0.0)
    dropped = _pooled_connection_id(storage)
    _kill_on_server(server_database_url, dropped)

    assert storage.get_run("no-such-run") is None  # no error reaches the caller
    assert _pooled_connection_id(storage) != dropped


def test_a_busy_connection_the_server_dropped_fails_once_then_the_pool_is_fresh(
    storage, server_database_url
):
    dropped = _pooled_connection_id(storage)
    _kill_on_server(server_database_url, dropped)

    with pytest.raises(sa.exc.OperationalError):  # no ping: the drop is seen by the statement
        storage.get_run("no-such-run")
    assert storage.get_run("no-such-run") is None
    assert _pooled_connection_id(storage) != dropped
