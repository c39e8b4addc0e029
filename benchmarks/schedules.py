"""Schedules and sensors on one daemon: N minute schedules and N one-second sensors.

Prints `tick_lag_p99_ms=... evaluations_per_s=... daemon_rss_mb=...`: the lag from each
schedule's due time to its tick (and run) being stored, p99 over the schedules of one due
minute; sensor evaluations per second over that minute; the peak RSS of the process running
the daemon (this one). Fails if a schedule's due time launched other than exactly once.

    python benchmarks/schedules.py [N]   (default 1000)
"""

from __future__ import annotations

import math
import sys
import time

from _harness import control_plane_for, peak_rss_mb

from control_plane.storage.instigator_records import InstigatorKind, InstigatorStatus

SCHEDULE, SENSOR = InstigatorKind.SCHEDULE, InstigatorKind.SENSOR


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    env = {"LODESTAR_BENCH_INSTIGATORS": str(count)}
    with control_plane_for("schedules_repo.py", env) as plane:
        storage = plane.storage
        started = time.time()
        for n in range(count):
            storage.set_instigator_status(
                SCHEDULE, f"every_minute_{n}", "schedules_repo", InstigatorStatus.RUNNING, started
            )
            storage.set_instigator_status(
                SENSOR, f"poll_{n}", "schedules_repo", InstigatorStatus.RUNNING
            )
        due = math.floor(started / 60) * 60 + 60
        deadline = due + 60
        ticks = []
        while time.time() < deadline:
            ticks = [
                t
                for n in range(0, count, max(1, count // 50))
                for t in storage.get_ticks(SCHEDULE, f"every_minute_{n}", limit=1)
                if t.tick_time == due
            ]
            if len(ticks) == len(range(0, count, max(1, count // 50))):
                break
            time.sleep(1)
        window_end = time.time()
        lags = sorted(_lags(storage, count, due))
        sensor_ticks = sum(
            len(storage.get_ticks(SENSOR, f"poll_{n}", limit=1000)) for n in range(count)
        )
        runs = [r for r in storage.get_runs() if r.tags.get("lodestar/schedule")]
        per_schedule = {r.tags["lodestar/schedule"] for r in runs}
        if len(runs) != count or len(per_schedule) != count:
            raise SystemExit(
                f"expected one run per schedule: {len(runs)} runs, {len(per_schedule)} schedules"
            )
        p99 = lags[min(len(lags) - 1, int(len(lags) * 0.99))] * 1000
        print(
            f"instigators={count} tick_lag_p99_ms={p99:.0f} "
            f"evaluations_per_s={sensor_ticks / (window_end - started):.0f} "
            f"daemon_rss_mb={peak_rss_mb():.0f}"
        )


def _lags(storage, count: int, due: float) -> list[float]:
    lags = []
    for n in range(count):
        [tick] = storage.get_ticks(SCHEDULE, f"every_minute_{n}", limit=1)
        if tick.tick_time != due:
            raise SystemExit(f"every_minute_{n}: newest tick at {tick.tick_time}, not {due}")
        lags.append(tick.created_at - due)
    return lags


if __name__ == "__main__":
    main()
