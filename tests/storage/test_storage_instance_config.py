"""lodestar.yaml: defaults, typed config, `{env: VAR}`, and errors that name file and key."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from helpers.storage_config import storage_key

from control_plane.errors import InstanceConfigError
from control_plane.instance import (
    CeleryExecutorConfig,
    Instance,
    ServerStorageConfig,
    SqliteStorageConfig,
)
from control_plane.storage import PoolConfig


def instance_with(tmp_path: Path, text: str) -> Instance:
    (tmp_path / "lodestar.yaml").write_text(text)
    return Instance.from_env(str(tmp_path))


def test_defaults_without_a_config_file(tmp_path, monkeypatch):
    monkeypatch.setenv("LODESTAR_HOME", str(tmp_path))

    instance = Instance.from_env()

    assert instance.home == tmp_path
    assert instance.config.storage == SqliteStorageConfig(tmp_path / "lodestar.db")
    assert instance.config.run_queue.max_concurrent_runs == 10
    assert instance.config.code_servers.auth_token is None
    assert instance.io_base_dir == str(tmp_path / "storage")


def test_home_defaults_to_dot_lodestar_and_an_argument_wins(tmp_path, monkeypatch):
    monkeypatch.delenv("LODESTAR_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    assert Instance.from_env().home == tmp_path / ".lodestar"

    monkeypatch.setenv("LODESTAR_HOME", str(tmp_path / "from-env"))
    assert Instance.from_env().home == tmp_path / "from-env"
    assert Instance.from_env(str(tmp_path / "arg")).home == tmp_path / "arg"


def test_a_full_config(tmp_path, monkeypatch):
    monkeypatch.setenv("DB_PASSWORD", "p@ss/word")
    monkeypatch.setenv("DB_PORT", "3307")
    monkeypatch.setenv("TOKEN", "s3cret")
    instance = instance_with(
        tmp_path,
        """
storage:
  mysql:
    host: db.internal
    port: {env: DB_PORT}
    user: lodestar
    password: {env: DB_PASSWORD}
    db: orchestration
run_queue:
  max_concurrent_runs: 3
code_servers:
  auth_token: {env: TOKEN}
io_manager:
  base_dir: outputs
""",
    )

    config = instance.config
    assert isinstance(config.storage, ServerStorageConfig)
    url = config.storage.url
    assert (url.drivername, url.host, url.port) == ("mysql+pymysql", "db.internal", 3307)
    assert (url.username, url.password, url.database) == ("lodestar", "p@ss/word", "orchestration")
    assert instance.storage_url == "mysql+pymysql://lodestar:***@db.internal:3307/orchestration"
    assert config.run_queue.max_concurrent_runs == 3
    assert config.code_servers.auth_token == "s3cret"
    assert instance.io_base_dir == str(tmp_path / "outputs")


@pytest.mark.parametrize(
    "url, expected",
    [
        ("mysql://u:p@h/d", "mysql+pymysql://u:***@h/d"),
        (
            "mysql+pymysql://u@h:3306/d?charset=utf8mb4",
            "mysql+pymysql://u@h:3306/d?charset=utf8mb4",
        ),
        ("mariadb://u@h/d", "mariadb+pymysql://u@h/d"),
    ],
)
def test_mysql_urls_use_pymysql(tmp_path, url, expected):
    instance = instance_with(tmp_path, f"storage:\n  mysql:\n    url: '{url}'\n")

    assert instance.storage_url == expected


@pytest.mark.parametrize(
    "url, expected",
    [
        ("postgresql://u:p@h/d", "postgresql+psycopg://u:***@h/d"),
        ("postgresql+psycopg://u@h:5433/d", "postgresql+psycopg://u@h:5433/d"),
    ],
)
def test_postgres_urls_use_psycopg(tmp_path, url, expected):
    instance = instance_with(tmp_path, f"storage:\n  postgres:\n    url: '{url}'\n")

    assert instance.storage_url == expected


def test_postgres_from_parts_and_a_pool(tmp_path, monkeypatch):
    monkeypatch.setenv("PG_PASSWORD", "s3cret")
    instance = instance_with(
        tmp_path,
        """
storage:
  postgres:
    host: pg.internal
    user: lodestar
    password: {env: PG_PASSWORD}
    db: orchestration
    pool: {size: 2, max_overflow: 0}
""",
    )

    storage = instance.config.storage
    assert isinstance(storage, ServerStorageConfig)
    assert (
        instance.storage_url == "postgresql+psycopg://lodestar:***@pg.internal:5432/orchestration"
    )
    assert storage.pool == PoolConfig(size=2, max_overflow=0, recycle_seconds=3600)


def test_pool_none_opens_a_connection_per_use(postgres_database_url, tmp_path):
    url = postgres_database_url.render_as_string(False)
    instance = instance_with(tmp_path, f"storage:\n  postgres:\n    url: {url}\n    pool: none\n")
    try:
        storage = instance.storage
        storage.count_runs()
        assert isinstance(storage.engine.pool, sa.NullPool)
        with storage.engine.connect() as conn:  # no prepared statements for PgBouncer to lose
            assert conn.connection.driver_connection.prepare_threshold is None
    finally:
        instance.dispose()


def test_a_sized_pool_holds_its_connections(server_database_url, tmp_path):
    key = storage_key(server_database_url)
    url = server_database_url.render_as_string(False)
    pool = "{size: 2, max_overflow: 1, recycle_seconds: 60}"
    instance = instance_with(tmp_path, f"storage:\n  {key}:\n    url: {url}\n    pool: {pool}\n")
    try:
        engine = instance.storage.engine
        assert isinstance(engine.pool, sa.QueuePool)
        assert (engine.pool.size(), engine.pool._max_overflow, engine.pool._recycle) == (2, 1, 60)
    finally:
        instance.dispose()


@pytest.mark.parametrize("text", ["", "storage: sqlite\n", "storage:\n  sqlite:\n", "run_queue:\n"])
def test_sqlite_spellings(tmp_path, text):
    instance = instance_with(tmp_path, text)

    assert instance.config.storage == SqliteStorageConfig(tmp_path / "lodestar.db")


def test_an_absolute_io_base_dir_is_kept(tmp_path):
    instance = instance_with(tmp_path, f"io_manager:\n  base_dir: {tmp_path / 'elsewhere'}\n")

    assert instance.io_base_dir == str(tmp_path / "elsewhere")


def test_the_celery_executor(tmp_path, monkeypatch):
    monkeypatch.setenv("BROKER", "amqp://guest:guest@rabbit:5672//")
    assert instance_with(tmp_path, "executor: code_server\n").config.celery is None
    text = "executor: {celery: {broker: {env: BROKER}, broker_wait_seconds: 60}}\n"

    celery = instance_with(tmp_path, text).config.celery

    assert celery == CeleryExecutorConfig(
        broker="amqp://guest:guest@rabbit:5672//",
        default_queue="lodestar",
        lost_worker_timeout_seconds=30.0,
        broker_wait_seconds=60.0,
    )


@pytest.mark.parametrize(
    "text, key_path, problem",
    [
        ("- a list\n", "(top level)", "expected a mapping"),
        ("storag: sqlite\n", "(top level)", "unknown key 'storag'"),
        ("storage: postgres\n", "storage", "expected `sqlite` or a mapping"),
        ("storage: {oracle: {}}\n", "storage", "`mysql:` or `postgres:`"),
        ("storage: {sqlite: {}, mysql: {}}\n", "storage", "with one key"),
        ("storage: {sqlite: {path: x}}\n", "storage.sqlite", "unknown key 'path'"),
        ("storage: {mysql: {url: 'x', host: h}}\n", "storage.mysql", "either `url` or"),
        ("storage: {mysql: {host: h}}\n", "storage.mysql", "missing db, user"),
        ("storage: {mysql: {url: 'postgresql://h/d'}}\n", "storage.mysql.url", "mysql://"),
        ("storage: {mysql: {url: 'not a url'}}\n", "storage.mysql.url", "not a database URL"),
        ("storage: {mysql: {url: 'mysql://h'}}\n", "storage.mysql.url", "names no database"),
        ("storage: {mysql: {host: h, user: u, db: d, port: x}}\n", "storage.mysql.port", "integer"),
        ("storage: {mysql: {host: h, user: u, db: d, pasword: x}}\n", "storage.mysql", "'pasword'"),
        ("storage: {postgres: {url: 'mysql://h/d'}}\n", "storage.postgres.url", "postgresql://"),
        ("storage: {postgres: {host: h}}\n", "storage.postgres", "missing db, user"),
        (
            "storage: {postgres: {url: 'postgresql://h/d', pool: off}}\n",
            "storage.postgres.pool",
            "expected a mapping or `none`",
        ),
        (
            "storage: {postgres: {url: 'postgresql://h/d', pool: {size: 0}}}\n",
            "storage.postgres.pool.size",
            "at least 1",
        ),
        (
            "storage: {mysql: {url: 'mysql://h/d', pool: {sise: 3}}}\n",
            "storage.mysql.pool",
            "unknown key 'sise'",
        ),
        ("run_queue: {max_concurrent_runs: 0}\n", "run_queue.max_concurrent_runs", "at least 1"),
        ("run_queue: {max_concurrent_runs: true}\n", "run_queue.max_concurrent_runs", "integer"),
        ("run_queue: 5\n", "run_queue", "expected a mapping, got int 5"),
        ("code_servers: {auth_token: ''}\n", "code_servers.auth_token", "non-empty string"),
        ("code_servers: {auth_token: {env: NOT_SET_X}}\n", "code_servers.auth_token", "NOT_SET_X"),
        ("code_servers: {auth_token: {env: A, b: 1}}\n", "code_servers.auth_token", "{env: "),
        ("io_manager: {base_dir: [a]}\n", "io_manager.base_dir", "non-empty string"),
        ("storage: [unclosed\n", "line 2", "invalid YAML"),
        ("executor: celery\n", "executor", "celery needs its settings"),
        ("executor: dask\n", "executor", "expected code_server or {celery"),
        ("executor: {celery: {}}\n", "executor.celery.broker", "missing"),
        ("executor: {celery: {broker: 'http://h'}}\n", "executor.celery.broker", "amqp://"),
        (
            "executor: {celery: {broker: 'redis://h', lost_worker_timeout_seconds: 0}}\n",
            "executor.celery.lost_worker_timeout_seconds",
            "positive number",
        ),
        ("executor: {celery: {broker: 'redis://h', queue: q}}\n", "executor.celery", "'queue'"),
    ],
)
def test_bad_config_names_file_key_and_problem(tmp_path, monkeypatch, text, key_path, problem):
    monkeypatch.delenv("NOT_SET_X", raising=False)

    with pytest.raises(InstanceConfigError) as raised:
        instance_with(tmp_path, text)

    error = raised.value
    assert error.file == str(tmp_path / "lodestar.yaml")
    assert error.key_path == key_path
    assert problem in error.problem
    assert str(error).startswith(f"{error.file}: {key_path}: ")
