"""Measures the event-log hot path: batched `store_events` into a fresh database.

    python benchmarks/storage_events.py [--events 50000] [--batch 100] [--mysql-url URL]

Prints one line per backend: `backend=sqlite events=... batch=... events_per_s=...`.
With --mysql-url (a server URL; a scratch database is created there and dropped after),
MySQL/MariaDB is measured too.
"""

from __future__ import annotations

import argparse
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


@contextmanager
def scratch_mysql_database(server_url: str) -> Iterator[sa.URL]:
    url = sa.make_url(server_url)
    url = url.set(drivername=f"{url.get_backend_name()}+pymysql")
    name = f"lodestar_bench_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4"))
    try:
        yield url.set(database=name)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f"DROP DATABASE `{name}`"))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--mysql-url", help="e.g. mysql+pymysql://root@127.0.0.1:3306/test")
    args = parser.parse_args()
    events = sample_events(args.events)

    def report(backend: str, rate: float) -> None:
        print(f"backend={backend} events={args.events} batch={args.batch} events_per_s={rate:.0f}")

    with tempfile.TemporaryDirectory() as tmp:
        report("sqlite", measure(f"sqlite:///{Path(tmp) / 'bench.db'}", events, args.batch))
    if args.mysql_url:
        with scratch_mysql_database(args.mysql_url) as url:
            report("mysql", measure(url, events, args.batch))


if __name__ == "__main__":
    main()
