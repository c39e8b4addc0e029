"""Fan-out of N mapped steps through a real code server and control plane (SQLite).

Usage: python benchmarks/fanout.py N [--repeat R]
Prints: n=... total_s=... ms_per_step=... control_plane_peak_rss_mb=... events_stored=...
(total_s and ms_per_step are medians over R runs; ms_per_step is per mapped step.)
"""

from __future__ import annotations

import argparse
import sys
import time

from _harness import control_plane_for, median, peak_rss_mb

from control_plane.storage.records import RunStatus
from user_code_server.protocol import EventType


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
        events = plane.storage.get_events(run.run_id)
    successes = sum(1 for r in events if r.event.event_type == EventType.STEP_SUCCESS)
    if successes != args.n + 2:
        sys.exit(f"expected {args.n + 2} successful steps stored, found {successes}")
    total = median(totals)
    print(
        f"n={args.n} total_s={total:.3f} ms_per_step={total / args.n * 1000:.3f} "
        f"control_plane_peak_rss_mb={peak_rss_mb():.0f} events_stored={len(events)} "
        f"runs={args.repeat}"
    )


if __name__ == "__main__":
    main()
