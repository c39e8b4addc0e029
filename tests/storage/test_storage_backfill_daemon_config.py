"""lodestar.yaml `backfill_daemon`: the daemon's chunk size and interval, and their errors."""

from __future__ import annotations

import pytest

from control_plane.errors import InstanceConfigError
from control_plane.instance import BackfillDaemonConfig, Instance


def config_of(tmp_path, text: str) -> BackfillDaemonConfig:
    (tmp_path / "lodestar.yaml").write_text(text)
    return Instance.from_env(str(tmp_path)).config.backfill_daemon


def test_defaults(tmp_path):
    assert config_of(tmp_path, "") == BackfillDaemonConfig(chunk_size=500, interval_seconds=5.0)
    assert config_of(tmp_path, "backfill_daemon: {}\n") == BackfillDaemonConfig()


def test_values_and_env(tmp_path, monkeypatch):
    monkeypatch.setenv("CHUNK", "25")
    text = "backfill_daemon:\n  chunk_size: {env: CHUNK}\n  interval_seconds: 0.5\n"
    assert config_of(tmp_path, text) == BackfillDaemonConfig(chunk_size=25, interval_seconds=0.5)


@pytest.mark.parametrize(
    "body, path, problem",
    [
        ("{chunk_size: 0}", "backfill_daemon.chunk_size", "must be at least 1"),
        ("{chunk_size: many}", "backfill_daemon.chunk_size", "expected an integer"),
        ("{interval_seconds: 0}", "backfill_daemon.interval_seconds", "positive number"),
        ("{interval_seconds: .inf}", "backfill_daemon.interval_seconds", "positive number"),
        ("{interval_seconds: true}", "backfill_daemon.interval_seconds", "positive number"),
        ("{tick: 1}", "backfill_daemon", "unknown key 'tick'"),
    ],
)
def test_errors_name_the_key(tmp_path, body, path, problem):
    with pytest.raises(InstanceConfigError) as error:
        config_of(tmp_path, f"backfill_daemon: {body}\n")
    assert error.value.key_path == path
    assert problem in error.value.problem
