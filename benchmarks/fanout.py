"""Fan-out of N mapped steps through a real code server and control plane (SQLite).

Usage: python benchmarks/fanout.py N [--repeat R]
Prints: n=... total_s=... ms_per_step=... control_plane_peak_rss_mb=... events_stored=...
- total_s and ms_per_step are medians over R runs; ms_per_step is per mapped step;
- control_plane_peak_rss_mb: the peak resident memory of this process (the control plane,
  with its run coordinator and storage), read once the runs have ended;
- events_stored: the last run's events, each one checked: every step's start, output and
  success, every mapping key's dynamic output and the run's own events (read back in pages,
  so the check itself holds little in memory).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter

from _harness import control_plane_for, median, peak_rss_mb

from control_plane.storage import Storage
from control_plane.storage.records import RunStatus
from user_code_server.protocol import EventType, StepKey

PAGE = 20_000


def expected_events(n: int) -> Counter[tuple[EventType, str]]:
    """(event type, solid) -> count, for a successful run of the fan-out over `n` keys."""
    run = ["RUN_ENQUEUED", "RUN_STARTING", "RUN_START", "RUN_SUCCESS"]
    steps = {
        "emit": {"STEP_START": 1, "DYNAMIC_OUTPUT": n, "STEP_SUCCESS": 1},
        "work": {"STEP_START": n, "STEP_OUTPUT": n, "STEP_SUCCESS": n},
        "total": {"STEP_START": 1, "STEP_OUTPUT": 1, "STEP_SUCCESS": 1},
    }
    counts: Counter[tuple[EventType, str]] = Counter({(EventType(t), ""): 1 for t in run})
    for solid, types in steps.items():
        counts.update({(EventType(t), solid): c for t, c in types.items()})
    return counts


def check_events(storage: Storage, run_id: str, n: int) -> int:
    """Exits unless the run stored exactly the expected events, each mapped step's start,
    output and success once per key; returns how many events the run stored."""
    found: Counter[tuple[EventType, str]] = Counter()
    succeeded: set[str] = set()
    cursor = 0
    while page := storage.get_events(run_id, after_cursor=cursor, limit=PAGE):
        cursor = page[-1].storage_id
        for record in page:
            event = record.event
            solid = StepKey.parse(event.step_key).solid if event.step_key else ""
            found[(event.event_type, solid)] += 1
            if solid == "work" and event.event_type == EventType.STEP_SUCCESS:
                succeeded.add(event.step_key)
    expected = expected_events(n)
    if found != expected:
        wrong = sorted(
            f"{t.value} {s or 'run'}: {found[(t, s)]} (expected {expected[(t, s)]})"
            for t, s in set(found) | set(expected)
            if found[(t, s)] != expected[(t, s)]
        )
        sys.exit(f"run {run_id} stored the wrong events: {'; '.join(wrong)}")
    if succeeded != {f"work[k{i}]" for i in range(n)}:
        sys.exit(f"run {run_id}: {n - len(succeeded)} mapped steps have no stored success")
    return sum(found.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    totals = []
    with control_plane_for("fanout_repo.py", {"LODESTAR_BENCH_N": str(args.n)}) as plane:
        for _ in range(args.repeat):
            started = time.perf_counter()
            run = plane.wait_for_run(plane.launch_run("fanout").run_id)
            totals.append(time.perf_counter() - started)
            if run.status != RunStatus.SUCCESS:
                sys.exit(f"run {run.run_id} ended {run.status}")
        peak_mb = peak_rss_mb()
        stored = check_events(plane.storage, run.run_id, args.n)
    total = median(totals)
    print(
        f"n={args.n} total_s={total:.3f} ms_per_step={total / args.n * 1000:.3f} "
        f"control_plane_peak_rss_mb={peak_mb:.0f} events_stored={stored} runs={args.repeat}"
    )


if __name__ == "__main__":
    main()
