"""Linear pipeline of N trivial solids through a real code server and control plane (SQLite).

Usage: python benchmarks/linear.py N [--repeat R]
Prints: n=... total_s=... ms_per_step=... (medians over R runs)
"""

from __future__ import annotations

import argparse
import sys
import time

from _harness import control_plane_for, median

from control_plane.storage.records import RunStatus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    totals = []
    with control_plane_for("linear_repo.py", {"LODESTAR_BENCH_N": str(args.n)}) as plane:
        for _ in range(args.repeat):
            started = time.perf_counter()
            run = plane.launch_run("linear")
            run = plane.wait_for_run(run.run_id)
            totals.append(time.perf_counter() - started)
            if run.status != RunStatus.SUCCESS:
                sys.exit(f"run {run.run_id} ended {run.status}")
    total = median(totals)
    print(
        f"n={args.n} total_s={total:.3f} ms_per_step={total / args.n * 1000:.2f} runs={args.repeat}"
    )


if __name__ == "__main__":
    main()
