"""Backfill of N partitions through a real code server and control plane (SQLite).

Usage: python benchmarks/backfill.py N [--submit-only] [--solids 3] [--max-concurrent-runs M]
    [--mysql-url URL | --postgres-url URL]
Prints: n=... submit_s=... complete_s=... matrix_ms=... runs_query_p95_ms=...
- submit_s: from the launch until every partition has its run queued (daemon submission);
- complete_s: from the launch until all N runs have ended;
- control_plane_cpu_s: CPU time of the control plane (this process) meanwhile;
- matrix_ms: median of 5 status-matrix queries (solid x partition) once the runs are done;
- runs_query_p95_ms: p95 of a GraphQL `runs` query (first 50) over HTTP, issued every
  RUNS_QUERY_INTERVAL_S while the backfill runs (four open UI tabs: the UI polls each second).
With a server URL, storage is a scratch database created on that server and dropped after.

Leave the disk quiet for a few minutes between runs: a run ends by deleting its step
outputs (7 files and directories a partition), and an ext4 without a journal then skips
those recently freed inodes for 1 to 6 minutes, which makes every file the next run's
workers create cost several times more (on this project's machines: worker CPU 13 s on a
quiet disk, 25-40 s right after another 10,000-partition run).
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import statistics
import sys
import threading
import time

import sqlalchemy as sa
import uvicorn
from _harness import control_plane_for, cpu_seconds, median
from storage_events import scratch_database

from control_plane.backfills.daemon import BackfillDaemon
from control_plane.http_server import build_app
from control_plane.storage.records import BackfillStatus

RUNS_QUERY_INTERVAL_S = 0.25
PROGRESS_INTERVAL_S = 0.5  # how often completion is checked: complete_s is this close
RUNS_QUERY = json.dumps(
    {"query": "{ runs(limit: 50) { ... on RunConnection { nodes { runId status } } } }"}
)


def serve_in_thread(plane) -> tuple[uvicorn.Server, int]:
    config = uvicorn.Config(build_app(plane), host="127.0.0.1", port=0, log_level="error")
    server = uvicorn.Server(config)
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    return server, port


def query_runs_until(port: int, done: threading.Event, timings: list[float]) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port)
    headers = {"Content-Type": "application/json"}
    while not done.is_set():
        started = time.perf_counter()
        connection.request("POST", "/graphql", RUNS_QUERY, headers)
        response = connection.getresponse()
        body = response.read()
        timings.append(time.perf_counter() - started)
        if response.status != 200 or b'"errors"' in body:
            sys.exit(f"runs query failed: {response.status} {body[:300]!r}")
        done.wait(RUNS_QUERY_INTERVAL_S)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int)
    parser.add_argument("--submit-only", action="store_true")
    parser.add_argument("--solids", type=int, default=3)
    parser.add_argument(
        "--max-concurrent-runs",
        type=int,
        help="run_queue.max_concurrent_runs (default: the instance's default)",
    )
    servers = parser.add_mutually_exclusive_group()
    servers.add_argument("--mysql-url", help="a MySQL server to use instead of SQLite")
    servers.add_argument("--postgres-url", help="a PostgreSQL server to use instead of SQLite")
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        database = None
        for backend, server_url in (("mysql", args.mysql_url), ("postgres", args.postgres_url)):
            if server_url:
                database = (backend, stack.enter_context(scratch_database(backend, server_url)))
        measure(args, database)


def measure(args: argparse.Namespace, database: tuple[str, sa.URL] | None) -> None:
    env = {"LODESTAR_BENCH_N": str(args.n), "LODESTAR_BENCH_SOLIDS": str(args.solids)}
    # Submitting only: no run queue, the daemon is stepped here, so no run starts.
    run_daemon = not args.submit_only
    config = ""
    if args.max_concurrent_runs:
        config = f"run_queue:\n  max_concurrent_runs: {args.max_concurrent_runs}\n"
    with control_plane_for("backfill_repo.py", env, database, run_daemon, config) as plane:
        server, port = serve_in_thread(plane)
        done, timings = threading.Event(), []
        querier = threading.Thread(target=query_runs_until, args=(port, done, timings))
        started, cpu_started = time.perf_counter(), cpu_seconds()
        backfill = plane.launch_backfill("bench_partitions")
        querier.start()
        if args.submit_only:
            for _ in BackfillDaemon(plane.storage, plane.locations).iterate():
                pass
        while plane.backfill(backfill.backfill_id).status == BackfillStatus.REQUESTED:
            time.sleep(0.01)
        submit_s = time.perf_counter() - started
        complete_s = float("nan")
        if not args.submit_only:
            while plane.backfill_progress(backfill.backfill_id).done < args.n:
                time.sleep(PROGRESS_INTERVAL_S)
            complete_s = time.perf_counter() - started
        control_plane_cpu_s = cpu_seconds() - cpu_started
        done.set()
        querier.join()
        progress = plane.backfill_progress(backfill.backfill_id)
        if not args.submit_only and progress.succeeded != args.n:
            sys.exit(f"expected {args.n} successful partitions: {progress}")
        matrix_times = []
        for _ in range(5):
            t = time.perf_counter()
            plane.partitions.status_matrix("bench_partitions")
            matrix_times.append(time.perf_counter() - t)
        server.should_exit = True
    p95 = statistics.quantiles(timings, n=20)[-1] if len(timings) > 1 else timings[0]
    backend = database[0] if database else "sqlite"
    print(
        f"backend={backend} n={args.n} submit_s={submit_s:.3f} complete_s={complete_s:.3f} "
        f"control_plane_cpu_s={control_plane_cpu_s:.1f} "
        f"matrix_ms={median(matrix_times) * 1000:.1f} runs_query_p95_ms={p95 * 1000:.1f} "
        f"runs_queries={len(timings)} solids={args.solids}"
    )


if __name__ == "__main__":
    main()
