"""User code server: startup time, memory, and per-step overhead of the warm worker pool.

Usage: python benchmarks/code_server.py [--steps N] [--workers W]
Prints: startup_s=... rss_mb=... steps=... ms_per_step=...
  startup_s: process start to the ready line (median of 5 starts)
  rss_mb: resident memory of the server process once loaded
  ms_per_step: wall time of one ExecuteSteps call of N trivial steps, divided by N
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from user_code_server.protocol import ExecuteStepsRequest, StepExecution, UserCodeClient

READY_LINE = re.compile(r"ready on (?P<host>[^:\s]+):(?P<port>\d+)")
REPO = """
from user_code_server import pipeline, solid

def _noop(context) -> None:
    return None

STEPS = [solid(name=f"noop_{i}")(_noop) for i in range(STEP_COUNT)]

@pipeline
def trivial():
    for step in STEPS:
        step()
"""


def start(repo: Path, workers: int | None) -> tuple[subprocess.Popen, int, float]:
    """Starts a code server; returns it, its port and the seconds until its ready line."""
    command = [sys.executable, "-m", "user_code_server", "-f", str(repo), "--port", "0"]
    command += ["--io-base-dir", str(repo.parent / "io")]
    if workers:
        command += ["--workers", str(workers)]
    began = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    elapsed = time.perf_counter() - began
    match = READY_LINE.search(line)
    if not match:
        process.kill()
        raise SystemExit(f"code server did not start: {line!r}")
    return process, int(match["port"]), elapsed


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(10)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def execute(client: UserCodeClient, steps: int) -> float:
    """Seconds for one ExecuteSteps call of `steps` trivial steps."""
    request = ExecuteStepsRequest(
        run_id=f"bench-{time.time_ns()}",
        pipeline="trivial",
        mode="default",
        run_config={},
        steps=[StepExecution(f"noop_{i}") for i in range(steps)],
    )
    began = time.perf_counter()
    failed = [e for e in client.execute_steps(request) if e.event_type == "STEP_FAILURE"]
    elapsed = time.perf_counter() - began
    if failed:
        raise SystemExit(f"a step failed: {failed[0].error}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lodestar-bench-") as tmp:
        repo = Path(tmp) / "trivial_repo.py"
        repo.write_text(REPO.replace("STEP_COUNT", str(args.steps)))
        startups = []
        for _ in range(5):
            process, _, elapsed = start(repo, args.workers)
            startups.append(elapsed)
            stop(process)
        process, port, _ = start(repo, args.workers)
        try:
            memory = rss_mb(process.pid)
            client = UserCodeClient("127.0.0.1", port)
            execute(client, min(args.steps, 50))  # waits for the workers to be warm
            seconds = statistics.median(execute(client, args.steps) for _ in range(3))
            client.close()
        finally:
            stop(process)
    print(
        f"startup_s={statistics.median(startups):.3f} rss_mb={memory:.1f} "
        f"steps={args.steps} ms_per_step={seconds / args.steps * 1000:.3f}"
    )


if __name__ == "__main__":
    main()
