"""Measures the asset catalog: 10,000 assets with 10 materializations each.

    python benchmarks/assets.py [--schemas 100] [--tables 100] [--rounds 10] [--batch 100]
                                [--mysql-url URL]

The repository is synthetic: one pipeline per schema, each table an asset fed by the two
tables before it through a solid without an asset key, and each schema's first table fed by
the previous schema's last. Every round runs each pipeline once: its events (start, output,
materialization, success per step) are stamped with lineage and stored through
`store_events` in batches, as the run coordinator does.

Prints one line: `assets=... materializations=... list_ms=... lineage_ms=... ingest_per_s=...
backend=...` and further figures. Times are medians; `list_ms` lists every asset,
`lineage_ms` is an upstream tree 5 levels deep of a random asset, `lineage_all_ms` the whole
upstream tree of the last asset (every asset); `ingest_per_s` counts materializations.
With --mysql-url (a server URL; a scratch database is created there and dropped after) the
catalog is measured on MySQL/MariaDB instead of SQLite.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from _harness import median
from storage_events import scratch_database

from control_plane.assets import AssetCatalog, LineageDirection, with_parents
from control_plane.storage import PipelineRun, SqlStorage
from control_plane.storage.migrations import check_schema
from user_code_server.protocol import (
    EventType,
    InputSnapshot,
    InputSource,
    OutputSnapshot,
    PipelineSnapshot,
    RepositorySnapshot,
    SolidSnapshot,
    StepEvent,
)

LINEAGE_DEPTH = 5


def table_key(schema: int, table: int) -> list[str]:
    return [f"schema_{schema:03d}", f"table_{table:03d}"]


def solid(name: str, upstream: list[str], key: list[str] | None) -> SolidSnapshot:
    sources = [InputSource(u, "result") for u in upstream]
    return SolidSnapshot(
        name=name,
        definition_name=name,
        inputs=[InputSnapshot("rows", sources=sources)] if sources else [],
        outputs=[OutputSnapshot("result", asset_key=key or [])],
    )


def repository(schemas: int, tables: int) -> RepositorySnapshot:
    pipelines = []
    for s in range(schemas):
        solids = []
        if s > 0:  # the previous schema's last table, as a source solid of this pipeline
            solids.append(solid("previous", [], table_key(s - 1, tables - 1)))
        for t in range(tables):
            upstream = [f"load_{u}" for u in (t - 1, t - 2) if u >= 0]
            if t == 0 and s > 0:
                upstream = ["previous"]
            solids.append(solid(f"prepare_{t}", upstream, None))
            solids.append(solid(f"load_{t}", [f"prepare_{t}"], table_key(s, t)))
        pipelines.append(PipelineSnapshot(f"schema_{s:03d}", solids=solids))
    return RepositorySnapshot("bench", pipelines)


def run_events(pipeline: PipelineSnapshot, schema: int, tables: int) -> list[StepEvent]:
    """One run's events: each asset step starts, outputs, materializes and succeeds."""
    events = []
    for t in range(tables):
        step = f"load_{t}"
        now = time.time()
        data = {
            "asset_key": table_key(schema, t),
            "description": f"output 'result' of solid '{step}'",
            "metadata": {"rows": random.randrange(10_000), "path": f"/warehouse/{schema}/{t}"},
            "partition": None,
        }
        events += [
            StepEvent(step, EventType.STEP_START, now, message=f"Started step '{step}'", attempt=1),
            StepEvent(
                step, EventType.STEP_OUTPUT, now, message="output result", output_name="result"
            ),
            StepEvent(
                step,
                EventType.ASSET_MATERIALIZATION,
                now,
                message=f"Materialized asset {'/'.join(data['asset_key'])}",
                output_name="result",
                data=data,
            ),
            StepEvent(step, EventType.STEP_SUCCESS, now, message=f"Finished step '{step}'"),
        ]
    return with_parents(events, pipeline)


def timed_ms(call: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return median(times)


def measure(url: sa.URL | str, args: argparse.Namespace) -> dict[str, float | str]:
    snapshot = repository(args.schemas, args.tables)
    storage = SqlStorage(url)
    try:
        check_schema(storage.engine)
        ingest_s = 0.0
        events_stored = 0
        for _ in range(args.rounds):
            for s, pipeline in enumerate(snapshot.pipelines):
                events = run_events(pipeline, s, args.tables)
                run = PipelineRun(uuid.uuid4().hex, pipeline.name, "bench")
                storage.add_run(run)
                started = time.perf_counter()
                for start in range(0, len(events), args.batch):
                    storage.store_events(run.run_id, events[start : start + args.batch])
                ingest_s += time.perf_counter() - started
                events_stored += len(events)
        materializations = args.rounds * args.schemas * args.tables

        catalog = AssetCatalog(storage, lambda: [("bench", snapshot)])
        started = time.perf_counter()
        catalog.graph()
        graph_ms = (time.perf_counter() - started) * 1000
        assets = catalog.assets()
        assert len(assets) == args.schemas * args.tables, len(assets)
        assert all(a.materialization_count == args.rounds for a in assets)

        keys = [a.key for a in assets]
        picks = iter(random.Random(7).choices(keys, k=200))
        last = table_key(args.schemas - 1, args.tables - 1)
        return {
            "assets": len(assets),
            "materializations": materializations,
            "list_ms": timed_ms(catalog.assets, 5),
            "lineage_ms": timed_ms(lambda: catalog.lineage(next(picks), depth=LINEAGE_DEPTH), 20),
            "downstream_ms": timed_ms(
                lambda: catalog.lineage(next(picks), LineageDirection.DOWNSTREAM, LINEAGE_DEPTH),
                20,
            ),
            "ingest_per_s": materializations / ingest_s,
            "events_per_s": events_stored / ingest_s,
            "list_prefix_ms": timed_ms(lambda: catalog.assets("schema_050/"), 10),
            "history_ms": timed_ms(lambda: catalog.materializations(next(picks), limit=20), 20),
            "lineage_all_ms": timed_ms(lambda: catalog.lineage(last), 3),
            "graph_ms": graph_ms,
        }
    finally:
        storage.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schemas", type=int, default=100)
    parser.add_argument("--tables", type=int, default=100, help="assets per schema")
    parser.add_argument("--rounds", type=int, default=10, help="materializations per asset")
    parser.add_argument("--batch", type=int, default=100, help="events per store_events call")
    parser.add_argument("--mysql-url", help="e.g. mysql+pymysql://root@127.0.0.1:3306/test")
    args = parser.parse_args()
    random.seed(11)

    if args.mysql_url:
        with scratch_database("mysql", args.mysql_url) as url:
            figures = measure(url, args)
        backend = "mysql"
    else:
        with tempfile.TemporaryDirectory() as tmp:
            figures = measure(f"sqlite:///{Path(tmp) / 'bench.db'}", args)
        backend = "sqlite"
    line = " ".join(
        f"{name}={value:.1f}" if isinstance(value, float) else f"{name}={value}"
        for name, value in figures.items()
    )
    print(f"{line} backend={backend}")


if __name__ == "__main__":
    main()
