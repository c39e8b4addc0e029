"""Daemon heartbeats: one row per daemon type, replaced by each beat."""

from __future__ import annotations

import sqlalchemy as sa

from control_plane.storage import DaemonHeartbeat, SqlStorage


def test_a_heartbeat_replaces_the_last_one_of_its_type(storage):
    storage.add_daemon_heartbeat(DaemonHeartbeat("QUEUE", "d1", 1.5, {"runs": 1}))
    storage.add_daemon_heartbeat(DaemonHeartbeat("BACKFILL", "d1", 2.0))
    storage.add_daemon_heartbeat(DaemonHeartbeat("QUEUE", "d2", 3.25, {"errors": ["ü"]}))

    assert storage.get_daemon_heartbeats() == [
        DaemonHeartbeat("BACKFILL", "d1", 2.0, {}),
        DaemonHeartbeat("QUEUE", "d2", 3.25, {"errors": ["ü"]}),
    ]


def test_no_heartbeats_yet(storage):
    assert storage.get_daemon_heartbeats() == []


def test_sqlite_connections_use_wal_and_enforce_foreign_keys(tmp_path):
    storage = SqlStorage(f"sqlite:///{tmp_path / 'pragmas.db'}")
    with storage.engine.connect() as conn:
        pragmas = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    storage.dispose()

    assert pragmas["journal_mode"] == "wal"
    assert pragmas["synchronous"] == 1  # NORMAL
    assert pragmas["foreign_keys"] == 1
    assert pragmas["busy_timeout"] > 0


def test_mysql_engines_recycle_connections_below_wait_timeout(mysql_database_url):
    storage = SqlStorage(mysql_database_url)
    with storage.engine.connect() as conn:
        wait_timeout = conn.execute(sa.text("SELECT @@wait_timeout")).scalar_one()
    storage.dispose()

    assert 0 < storage.engine.pool._recycle < wait_timeout
