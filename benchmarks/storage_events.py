"""Measures the event-log hot path: batched `store_events` into a fresh database.

    python benchmarks/storage_events.py [--events 50000] [--batch 100] [--repeat 3]
        [--backend sqlite|mysql|postgres ...] [--mysql-url URL] [--postgres-url URL]

Prints one line per backend: `backend=sqlite events=... batch=... events_per_s=...`, the
median of --repeat measurements, each into a fresh database. A server backend needs its
URL (a scratch database is created there and dropped after); without --backend, SQLite
and every backend whose URL is given are measured.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from control_plane.storage import PipelineRun, SqlStorage
from control_plane.storage.migrations import check_schema
from user_code_server.protocol import EventType, StepEvent


def sample_events(count: int) -> list[StepEvent]:
    """Events shaped like a mapped step's: a log line and an output with a little data."""
    return [
        StepEvent(
            step_key=f"process_file[file_{n // 13}]",
            event_type=EventType.STEP_OUTPUT if n % 2 else EventType.STEP_LOG,
            timestamp=time.time(),
            message=f"processed chunk {n} of the input file without surprises",
            level="INFO",
            output_name="result",
            mapping_key=f"file_{n // 13}",
            data={"rows": n, "path": f"/data/in/file_{n}.csv"},
            attempt=1,
        )
        for n in range(count)
    ]


def measure(url: sa.URL | str, events: list[StepEvent], batch: int) -> float:
    """Events per second stored in batches of `batch` into the database at `url`."""
    storage = SqlStorage(url)
    try:
        check_schema(storage.engine)
        run_id = storage.add_run(PipelineRun(uuid.uuid4().hex, "bench", "bench")).run_id
        started = time.perf_counter()
        for start in range(0, len(events), batch):
            storage.store_events(run_id, events[start : start + batch])
        return len(events) / (time.perf_counter() - started)
    finally:
        storage.dispose()


# Per server backend: driver, then CREATE and DROP statements for a database name.
SERVERS = {
    "mysql": ("pymysql", "CREATE DATABASE `{}` CHARACTER SET utf8mb4", "DROP DATABASE `{}`"),
    "postgres": ("psycopg", 'CREATE DATABASE "{}"', 'DROP DATABASE "{}" WITH (FORCE)'),
}


@contextmanager
def scratch_database(backend: str, server_url: str) -> Iterator[sa.URL]:
    """A fresh database on the server at `server_url`, dropped afterwards."""
    driver, create, drop = SERVERS[backend]
    url = sa.make_url(server_url)
    url = url.set(drivername=f"{url.get_backend_name()}+{driver}")
    name = f"lodestar_bench_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(create.format(name)))
    try:
        yield url.set(database=name)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(drop.format(name)))
        admin.dispose()


def measure_once(
    backend: str, server_url: str | None, events: list[StepEvent], batch: int
) -> float:
    """Events per second into a fresh database of `backend`."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            return measure(f"sqlite:///{Path(tmp) / 'bench.db'}", events, batch)
    assert server_url is not None
    with scratch_database(backend, server_url) as url:
        return measure(url, events, batch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3, help="report the median of this many")
    parser.add_argument("--backend", action="append", choices=["sqlite", *SERVERS])
    parser.add_argument("--mysql-url", help="e.g. mysql+pymysql://root@127.0.0.1:3306/test")
    parser.add_argument(
        "--postgres-url", help="e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test"
    )
    args = parser.parse_args()
    urls = {"sqlite": None, "mysql": args.mysql_url, "postgres": args.postgres_url}
    backends = args.backend or [b for b, url in urls.items() if b == "sqlite" or url]
    for backend in backends:
        if backend != "sqlite" and not urls[backend]:
            parser.error(f"--backend {backend} needs --{backend}-url")
    events = sample_events(args.events)
    for backend in backends:
        rates = [
            measure_once(backend, urls[backend], events, args.batch) for _ in range(args.repeat)
        ]
        print(
            f"backend={backend} events={args.events} batch={args.batch} "
            f"events_per_s={statistics.median(rates):.0f}"
        )


if __name__ == "__main__":
    main()
