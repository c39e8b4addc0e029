"""The instance: its directory ($LODESTAR_HOME), its config (lodestar.yaml) and its storage."""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import yaml

from control_plane import yaml_loader
from control_plane.daemon_lease import DEFAULT_TTL_S as DEFAULT_LEASE_TTL_S
from control_plane.errors import InstanceConfigError, StorageError
from control_plane.execution.coordinator import DEFAULT_MAX_CONCURRENT_STEPS
from control_plane.storage import SqlStorage
from control_plane.storage.dialects import DEFAULT_POOL, PoolConfig
from control_plane.storage.migrations import check_schema, current_revision, head_revision, upgrade

HOME_ENV = "LODESTAR_HOME"
DEFAULT_HOME = ".lodestar"
CONFIG_FILE = "lodestar.yaml"
SQLITE_FILE = "lodestar.db"
DEFAULT_MAX_CONCURRENT_RUNS = 10
DEFAULT_BACKFILL_CHUNK_SIZE = 500
DEFAULT_BACKFILL_INTERVAL_S = 5.0
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


@dataclass(frozen=True)
class SqliteStorageConfig:
    """A SQLite database file in the instance directory."""

    path: Path

    @property
    def url(self) -> sa.URL:
        return sa.URL.create("sqlite", database=str(self.path))


@dataclass(frozen=True)
class ServerStorageConfig:
    """A database server's database: MySQL/MariaDB (through pymysql) or PostgreSQL (through
    psycopg); `pool` None means a connection per use (behind a pooler such as PgBouncer)."""

    url: sa.URL
    pool: PoolConfig | None = DEFAULT_POOL


@dataclass(frozen=True)
class _ServerBackend:
    """How a `storage:` key names a database server: its URL schemes, driver and port."""

    schemes: tuple[str, ...]
    driver: str
    default_port: int


_SERVER_BACKENDS = {
    "mysql": _ServerBackend(("mysql", "mariadb"), "pymysql", 3306),
    "postgres": _ServerBackend(("postgresql",), "psycopg", 5432),
}


@dataclass(frozen=True)
class RunQueueConfig:
    max_concurrent_runs: int = DEFAULT_MAX_CONCURRENT_RUNS


@dataclass(frozen=True)
class RunCoordinatorConfig:
    """Steps of one run in flight at once, unless its `lodestar/max_concurrent_steps` tag
    says otherwise."""

    max_concurrent_steps: int = DEFAULT_MAX_CONCURRENT_STEPS


@dataclass(frozen=True)
class BackfillDaemonConfig:
    """Pacing of the backfill daemon: partitions per submitted chunk, seconds between passes."""

    chunk_size: int = DEFAULT_BACKFILL_CHUNK_SIZE
    interval_seconds: float = DEFAULT_BACKFILL_INTERVAL_S


@dataclass(frozen=True)
class DaemonLeaseConfig:
    """How long the daemon leader's lease lasts unrenewed: a leader that stalls longer is
    replaced (and fenced out) by another control plane on the same database."""

    ttl_seconds: float = DEFAULT_LEASE_TTL_S


@dataclass(frozen=True)
class CodeServersConfig:
    auth_token: str | None = None


@dataclass(frozen=True)
class IoManagerConfig:
    base_dir: Path


@dataclass(frozen=True)
class CeleryExecutorConfig:
    """`executor: {celery: ...}`: steps as Celery tasks, run by `lodestar worker` processes."""

    broker: str
    default_queue: str = "lodestar"
    lost_worker_timeout_seconds: float = 30.0
    broker_wait_seconds: float = 300.0


@dataclass(frozen=True)
class ServerConfig:
    """Who may reach `lodestar up`: Host names besides loopback, and the API token if any."""

    allowed_hosts: tuple[str, ...] = ()
    auth_token: str | None = None


@dataclass(frozen=True)
class InstanceConfig:
    """lodestar.yaml, validated, with every default filled in."""

    storage: SqliteStorageConfig | ServerStorageConfig
    io_manager: IoManagerConfig
    run_queue: RunQueueConfig = field(default_factory=RunQueueConfig)
    run_coordinator: RunCoordinatorConfig = field(default_factory=RunCoordinatorConfig)
    backfill_daemon: BackfillDaemonConfig = field(default_factory=BackfillDaemonConfig)
    daemon_lease: DaemonLeaseConfig = field(default_factory=DaemonLeaseConfig)
    code_servers: CodeServersConfig = field(default_factory=CodeServersConfig)
    server: ServerConfig = field(default_factory=ServerConfig)
    # None: steps run in the code servers' workers (`executor: code_server`, the default).
    celery: CeleryExecutorConfig | None = None


class Instance:
    """One Lodestar installation: a directory, its config, and storage opened on first use."""

    def __init__(self, home: Path, config: InstanceConfig):
        self._home = home
        self._config = config
        self._storage: SqlStorage | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_env(cls, home: str | None = None) -> Instance:
        """The instance at `home`, else $LODESTAR_HOME, else ./.lodestar."""
        path = Path(home or os.environ.get(HOME_ENV) or DEFAULT_HOME).resolve()
        return cls(path, load_config(path))

    @property
    def home(self) -> Path:
        return self._home

    @property
    def config(self) -> InstanceConfig:
        return self._config

    @property
    def io_base_dir(self) -> str:
        """Where the IO manager keeps step outputs (an absolute path); created private (0700)."""
        base_dir = self._config.io_manager.base_dir
        _make_private_dirs(base_dir)
        return str(base_dir)

    @property
    def storage_url(self) -> str:
        """The storage URL with its password hidden, fit to show."""
        return self._config.storage.url.render_as_string(hide_password=True)

    @property
    def storage(self) -> SqlStorage:
        """Opens storage on first use; an empty database is created at the schema head.

        Raises SchemaVersionError for a database at another revision, StorageError when it
        cannot be reached.
        """
        with self._lock:
            if self._storage is None:
                storage = SqlStorage(self._prepare_url(), self._pool)
                try:
                    with self._storage_errors():
                        check_schema(storage.engine)
                except Exception:
                    storage.dispose()
                    raise
                self._storage = storage
            return self._storage

    def migrate(self) -> tuple[str | None, str]:
        """Upgrades the schema to head; returns (from revision, to revision)."""
        storage = SqlStorage(self._prepare_url(), self._pool)
        try:
            with self._storage_errors():
                return upgrade(storage.engine)
        finally:
            storage.dispose()

    def info(self) -> dict[str, Any]:
        """What `lodestar instance info` shows: paths, storage, schema revisions, run count."""
        head = head_revision()
        revision, run_count = self._schema_revision_and_run_count(head)
        config_file = self._home / CONFIG_FILE
        return {
            "home": str(self._home),
            "config_file": str(config_file) if config_file.exists() else None,
            "storage": self.storage_url,
            "schema_revision": revision,
            "head_revision": head,
            "schema_up_to_date": revision == head,
            "run_count": run_count,
            "max_concurrent_runs": self._config.run_queue.max_concurrent_runs,
            "max_concurrent_steps": self._config.run_coordinator.max_concurrent_steps,
            "io_base_dir": str(self._config.io_manager.base_dir),
            "auth_token_set": self._config.code_servers.auth_token is not None,
            "api_token_set": self._config.server.auth_token is not None,
        }

    def dispose(self) -> None:
        """Closes storage's pooled connections, if storage was opened."""
        with self._lock:
            if self._storage is not None:
                self._storage.dispose()
                self._storage = None

    def _schema_revision_and_run_count(self, head: str) -> tuple[str | None, int | None]:
        storage_config = self._config.storage
        if isinstance(storage_config, SqliteStorageConfig) and not storage_config.path.exists():
            return None, None
        storage = SqlStorage(storage_config.url, self._pool)
        try:
            with self._storage_errors():
                revision = current_revision(storage.engine)
                return revision, storage.count_runs() if revision == head else None
        finally:
            storage.dispose()

    @property
    def _pool(self) -> PoolConfig | None:
        storage_config = self._config.storage
        if isinstance(storage_config, ServerStorageConfig):
            return storage_config.pool
        return DEFAULT_POOL

    def _prepare_url(self) -> sa.URL:
        if isinstance(self._config.storage, SqliteStorageConfig):
            _make_private_sqlite_file(self._config.storage.path)
        return self._config.storage.url

    @contextmanager
    def _storage_errors(self) -> Iterator[None]:
        try:
            yield
        except sa.exc.OperationalError as exc:
            raise StorageError(f"cannot use storage {self.storage_url}: {exc.orig}") from exc


def _make_private_dirs(path: Path) -> None:
    """Creates `path` and any missing parents readable by their owner only (0700)."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for directory in reversed(missing):
        directory.mkdir(mode=PRIVATE_DIR_MODE, exist_ok=True)
        directory.chmod(PRIVATE_DIR_MODE)  # mkdir's mode is masked by the umask


def _make_private_sqlite_file(path: Path) -> None:
    """Creates the database file 0600 before SQLite opens it: SQLite gives its -wal and -shm
    files the database file's mode. A file left readable by others is made private."""
    _make_private_dirs(path.parent)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE_MODE))
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if file.exists() and file.stat().st_mode & 0o077:
            file.chmod(PRIVATE_FILE_MODE)


def load_config(home: Path) -> InstanceConfig:
    """Reads `home`/lodestar.yaml (optional) into an InstanceConfig; raises InstanceConfigError."""
    path = home / CONFIG_FILE
    if not path.exists():
        return _ConfigParser(str(path), home).parse({})
    try:
        raw = yaml_loader.load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "(file)"
        raise InstanceConfigError(str(path), where, f"invalid YAML: {exc}") from exc
    return _ConfigParser(str(path), home).parse(raw)


class _ConfigParser:
    """Validates the parsed YAML; every error names the file and the key path."""

    def __init__(self, file: str, home: Path):
        self._file = file
        self._home = home

    def parse(self, raw: Any) -> InstanceConfig:
        top = self._mapping(
            raw,
            "(top level)",
            {
                "storage",
                "run_queue",
                "run_coordinator",
                "backfill_daemon",
                "daemon_lease",
                "code_servers",
                "io_manager",
                "server",
                "executor",
            },
        )
        return InstanceConfig(
            storage=self._storage(top.get("storage")),
            run_queue=self._run_queue(top.get("run_queue")),
            run_coordinator=self._run_coordinator(top.get("run_coordinator")),
            backfill_daemon=self._backfill_daemon(top.get("backfill_daemon")),
            daemon_lease=self._daemon_lease(top.get("daemon_lease")),
            code_servers=self._code_servers(top.get("code_servers")),
            io_manager=self._io_manager(top.get("io_manager")),
            server=self._server(top.get("server")),
            celery=self._executor(top.get("executor")),
        )

    def _run_queue(self, raw: Any) -> RunQueueConfig:
        run_queue = self._mapping(raw, "run_queue", {"max_concurrent_runs"})
        if run_queue.get("max_concurrent_runs") is None:
            return RunQueueConfig()
        path = "run_queue.max_concurrent_runs"
        return RunQueueConfig(self._int(run_queue["max_concurrent_runs"], path, minimum=1))

    def _run_coordinator(self, raw: Any) -> RunCoordinatorConfig:
        coordinator = self._mapping(raw, "run_coordinator", {"max_concurrent_steps"})
        if coordinator.get("max_concurrent_steps") is None:
            return RunCoordinatorConfig()
        path = "run_coordinator.max_concurrent_steps"
        return RunCoordinatorConfig(self._int(coordinator["max_concurrent_steps"], path, minimum=1))

    def _backfill_daemon(self, raw: Any) -> BackfillDaemonConfig:
        daemon = self._mapping(raw, "backfill_daemon", {"chunk_size", "interval_seconds"})
        chunk_size, interval = daemon.get("chunk_size"), daemon.get("interval_seconds")
        return BackfillDaemonConfig(
            chunk_size=DEFAULT_BACKFILL_CHUNK_SIZE
            if chunk_size is None
            else self._int(chunk_size, "backfill_daemon.chunk_size", minimum=1),
            interval_seconds=DEFAULT_BACKFILL_INTERVAL_S
            if interval is None
            else self._positive_float(interval, "backfill_daemon.interval_seconds"),
        )

    def _daemon_lease(self, raw: Any) -> DaemonLeaseConfig:
        ttl = self._mapping(raw, "daemon_lease", {"ttl_seconds"}).get("ttl_seconds")
        if ttl is None:
            return DaemonLeaseConfig()
        return DaemonLeaseConfig(self._positive_float(ttl, "daemon_lease.ttl_seconds"))

    def _code_servers(self, raw: Any) -> CodeServersConfig:
        code_servers = self._mapping(raw, "code_servers", {"auth_token"})
        if code_servers.get("auth_token") is None:
            return CodeServersConfig()
        return CodeServersConfig(self._str(code_servers["auth_token"], "code_servers.auth_token"))

    def _server(self, raw: Any) -> ServerConfig:
        server = self._mapping(raw, "server", {"allowed_hosts", "auth_token"})
        hosts = server.get("allowed_hosts") or []
        if not isinstance(hosts, list):
            raise self._error("server.allowed_hosts", f"expected a list, got {_describe(hosts)}")
        token = server.get("auth_token")
        return ServerConfig(
            allowed_hosts=tuple(
                self._str(host, f"server.allowed_hosts[{i}]").lower()
                for i, host in enumerate(hosts)
            ),
            auth_token=None if token is None else self._str(token, "server.auth_token"),
        )

    def _executor(self, raw: Any) -> CeleryExecutorConfig | None:
        if raw is None or raw == "code_server":
            return None
        if raw == "celery":
            raise self._error("executor", "celery needs its settings: {celery: {broker: URL}}")
        if not isinstance(raw, dict) or raw.keys() != {"celery"}:
            raise self._error(
                "executor",
                f"expected code_server or {{celery: {{broker: URL}}}}, got {_describe(raw)}",
            )
        path = "executor.celery"
        settings = self._mapping(
            raw["celery"],
            path,
            {"broker", "default_queue", "lost_worker_timeout_seconds", "broker_wait_seconds"},
        )
        if settings.get("broker") is None:
            raise self._error(f"{path}.broker", "missing: amqp://... or redis://...")
        broker = self._str(settings["broker"], f"{path}.broker")
        if not broker.startswith(
            ("amqp://", "amqps://", "redis://", "rediss://", "redis+socket://")
        ):
            raise self._error(
                f"{path}.broker", f"expected an amqp:// or redis:// URL, got {broker!r}"
            )
        defaults = CeleryExecutorConfig(broker)
        timeout, wait = (
            settings.get("lost_worker_timeout_seconds"),
            settings.get("broker_wait_seconds"),
        )
        return CeleryExecutorConfig(
            broker=broker,
            default_queue=self._str(
                settings.get("default_queue") or defaults.default_queue, f"{path}.default_queue"
            ),
            lost_worker_timeout_seconds=defaults.lost_worker_timeout_seconds
            if timeout is None
            else self._positive_float(timeout, f"{path}.lost_worker_timeout_seconds"),
            broker_wait_seconds=defaults.broker_wait_seconds
            if wait is None
            else self._positive_float(wait, f"{path}.broker_wait_seconds"),
        )

    def _io_manager(self, raw: Any) -> IoManagerConfig:
        io_manager = self._mapping(raw, "io_manager", {"base_dir"})
        if io_manager.get("base_dir") is None:
            return IoManagerConfig(self._home / "storage")
        base_dir = Path(self._str(io_manager["base_dir"], "io_manager.base_dir")).expanduser()
        return IoManagerConfig(self._home / base_dir)

    def _storage(self, raw: Any) -> SqliteStorageConfig | ServerStorageConfig:
        sqlite = SqliteStorageConfig(path=self._home / SQLITE_FILE)
        if raw is None or raw == "sqlite":
            return sqlite
        if isinstance(raw, dict) and len(raw) == 1:
            if "sqlite" in raw:
                self._mapping(raw["sqlite"], "storage.sqlite", set())
                return sqlite
            key = next(iter(raw))
            if key in _SERVER_BACKENDS:
                return self._server_storage(raw[key], key)
        raise self._error(
            "storage", "expected `sqlite` or a mapping with one key, `mysql:` or `postgres:`"
        )

    def _server_storage(self, raw: Any, key: str) -> ServerStorageConfig:
        backend, path = _SERVER_BACKENDS[key], f"storage.{key}"
        parts = {"host", "port", "user", "password", "db"}
        server = self._mapping(raw, path, {"url", "pool"} | parts)
        pool = self._pool(server.get("pool"), f"{path}.pool")
        if "url" in server:
            if server.keys() & parts:
                raise self._error(path, "give either `url` or host/port/user/password/db, not both")
            return ServerStorageConfig(self._server_url(server["url"], backend, path), pool)
        missing = sorted({"host", "user", "db"} - server.keys())
        if missing:
            raise self._error(path, f"missing {', '.join(missing)} (or give a `url` instead)")
        password = server.get("password")
        url = sa.URL.create(
            f"{backend.schemes[0]}+{backend.driver}",
            username=self._str(server["user"], f"{path}.user"),
            password=None if password is None else self._str(password, f"{path}.password"),
            host=self._str(server["host"], f"{path}.host"),
            port=self._int(server.get("port", backend.default_port), f"{path}.port", minimum=1),
            database=self._str(server["db"], f"{path}.db"),
        )
        return ServerStorageConfig(url, pool)

    def _server_url(self, raw: Any, backend: _ServerBackend, path: str) -> sa.URL:
        path = f"{path}.url"
        text = self._str(raw, path)
        try:
            url = sa.make_url(text)
        except sa.exc.ArgumentError:
            raise self._error(path, "not a database URL") from None
        if url.get_backend_name() not in backend.schemes:
            raise self._error(
                path,
                f"expected a {backend.schemes[0]}:// URL, got {url.get_backend_name()}://",
            )
        if url.database is None:
            raise self._error(path, "the URL names no database")
        return url.set(drivername=f"{url.get_backend_name()}+{backend.driver}")

    def _pool(self, raw: Any, path: str) -> PoolConfig | None:
        """`none` (no pool), or the pool's size, max_overflow and recycle_seconds."""
        if raw == "none":
            return None
        if raw is not None and not isinstance(raw, dict):
            raise self._error(path, f"expected a mapping or `none`, got {_describe(raw)}")
        pool = self._mapping(raw, path, {"size", "max_overflow", "recycle_seconds"})
        default = DEFAULT_POOL
        return PoolConfig(
            size=self._int(pool.get("size", default.size), f"{path}.size", minimum=1),
            max_overflow=self._int(
                pool.get("max_overflow", default.max_overflow), f"{path}.max_overflow", minimum=0
            ),
            recycle_seconds=self._int(
                pool.get("recycle_seconds", default.recycle_seconds),
                f"{path}.recycle_seconds",
                minimum=1,
            ),
        )

    def _mapping(self, raw: Any, path: str, allowed: set[str]) -> dict[str, Any]:
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            raise self._error(path, f"expected a mapping, got {_describe(raw)}")
        unknown = sorted(str(key) for key in raw.keys() - allowed)
        if unknown:
            known = ", ".join(sorted(allowed)) or "none"
            raise self._error(path, f"unknown key {unknown[0]!r} (known keys: {known})")
        return raw

    def _resolve(self, raw: Any, path: str) -> Any:
        """A value, or the environment variable that `{env: VAR}` names."""
        if not isinstance(raw, dict):
            return raw
        if raw.keys() != {"env"} or not isinstance(raw["env"], str):
            raise self._error(path, "expected a value or {env: VARIABLE_NAME}")
        value = os.environ.get(raw["env"])
        if value is None:
            raise self._error(path, f"environment variable {raw['env']} is not set")
        return value

    def _str(self, raw: Any, path: str) -> str:
        value = self._resolve(raw, path)
        if isinstance(value, bool) or not isinstance(value, str | int | float) or value == "":
            raise self._error(path, f"expected a non-empty string, got {_describe(value)}")
        return str(value)

    def _int(self, raw: Any, path: str, minimum: int) -> int:
        value = self._resolve(raw, path)
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._error(path, f"expected an integer, got {_describe(value)}")
        if value < minimum:
            raise self._error(path, f"must be at least {minimum}, got {value}")
        return value

    def _positive_float(self, raw: Any, path: str) -> float:
        value = self._resolve(raw, path)
        try:
            number = float(value) if not isinstance(value, bool) else None
        except (TypeError, ValueError):
            number = None
        if number is None or not 0 < number < math.inf:
            raise self._error(path, f"expected a positive number, got {_describe(value)}")
        return number

    def _error(self, path: str, problem: str) -> InstanceConfigError:
        return InstanceConfigError(self._file, path, problem)


def _describe(value: Any) -> str:
    return f"{type(value).__name__} {value!r}" if value is not None else "nothing"
