"""Fan-out of N mapped steps over two Celery workers, end to end (SQLite control plane).

Usage: python benchmarks/celery.py N --broker amqp://...|redis://... [--repeat R]
       [--concurrency C]
Prints: n=... total_s=... ms_per_step=... broker=... workers=2 concurrency=... runs=...
(total_s is the median over R runs, from the launch until the run ended with every event
stored; the two `lodestar worker start` processes are started once, before the first run.)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

# This file's name would shadow the celery package that the control plane imports.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE]

import yaml  # noqa: E402

from control_plane.instance import Instance  # noqa: E402
from control_plane.service import ControlPlane  # noqa: E402
from control_plane.storage.records import RunStatus  # noqa: E402
from control_plane.workspace import Workspace  # noqa: E402
from user_code_server.protocol import EventType  # noqa: E402

REPO = os.path.join(_HERE, "repos", "fanout_repo.py")
LODESTAR = shutil.which("lodestar", path=os.path.dirname(sys.executable)) or "lodestar"
READY = re.compile(r"lodestar worker ready")


def start_worker(broker: str, queue: str, concurrency: int, home: Path, index: int):
    log = open(home / f"worker{index}.log", "w")
    command = [LODESTAR, "worker", "start", "-f", REPO, "--broker", broker, "--queue", queue]
    command += ["--concurrency", str(concurrency), "--io-base-dir", str(home / "storage")]
    process = subprocess.Popen(
        command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, cwd=home
    )
    deadline = time.monotonic() + 120
    while not READY.search((home / f"worker{index}.log").read_text()):
        if process.poll() is not None or time.monotonic() > deadline:
            sys.exit(f"worker {index} did not start:\n{(home / f'worker{index}.log').read_text()}")
        time.sleep(0.05)
    return process


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int)
    parser.add_argument("--broker", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    os.environ["LODESTAR_BENCH_N"] = str(args.n)
    queue = f"lodestar-bench-{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory(prefix="lodestar-celery-bench-") as tmp:
        home = Path(tmp)
        executor = {"celery": {"broker": args.broker, "default_queue": queue}}
        (home / "lodestar.yaml").write_text(yaml.safe_dump({"executor": executor}))
        workers = [start_worker(args.broker, queue, args.concurrency, home, i) for i in (0, 1)]
        instance = Instance.from_env(str(home))
        plane = ControlPlane(instance, Workspace.from_python_file(REPO))
        plane.start()
        try:
            plane.locations.wait_until_loaded()
            totals = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                run = plane.wait_for_run(plane.launch_run("fanout").run_id)
                totals.append(time.perf_counter() - started)
                if run.status != RunStatus.SUCCESS:
                    sys.exit(f"run {run.run_id} ended {run.status}")
            events = plane.storage.get_events(run.run_id)
        finally:
            plane.stop()
            instance.dispose()
            for worker in workers:
                os.killpg(worker.pid, signal.SIGTERM)
            for worker in workers:
                worker.wait(30)
    successes = sum(1 for r in events if r.event.event_type == EventType.STEP_SUCCESS)
    if successes != args.n + 2:
        sys.exit(f"expected {args.n + 2} successful steps stored, found {successes}")
    total = statistics.median(totals)
    scheme = args.broker.split(":", 1)[0]
    print(
        f"n={args.n} total_s={total:.3f} ms_per_step={total / args.n * 1000:.3f} "
        f"broker={scheme} workers=2 concurrency={args.concurrency} runs={args.repeat}"
    )


if __name__ == "__main__":
    main()
