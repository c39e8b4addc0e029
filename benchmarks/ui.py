"""The web UI in headless Chromium (Debian's /usr/bin/chromium) against a real `lodestar up`.

Usage: python benchmarks/ui.py [--repeat R] [--steps N] [--runs M] [--partitions P] [--only 1|2]
Prints: bundle_kb_gz=... first_load_ms=... run_page_10k_ms=... pipeline_graph_500_ms=...
matrix_10k_ms=... matrix_scroll_max_frame_ms=... backfill_page_10k_ms=... lineage_1k_ms=...
- bundle_kb_gz: the JS and CSS index.html loads up front, gzipped;
- first_load_ms: a cold browser context opening /runs (M runs stored) until rows show;
- run_page_10k_ms: the page of a finished run with N mapped steps until its timeline shows;
- pipeline_graph_500_ms: a 500-solid pipeline's page until its graph is drawn;
- matrix_10k_ms: the partitions tab of a set of P partitions x 5 solids, each partition with a
  finished run, until the status matrix shows;
- matrix_scroll_max_frame_ms: the longest frame while the matrix scrolls through all P rows;
- backfill_page_10k_ms: the page of a backfill of those P partitions until its partitions show;
- lineage_1k_ms: an asset's page until its lineage graph of 1,000 assets (all upstream) is drawn.
Times are medians over R cold page loads, measured in the page (performance.now()). The
partitions' runs and the assets' materializations are written through storage before
`lodestar up` starts (as benchmarks/assets.py and backfill.py do), not executed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from assets import repository, run_events
from playwright.sync_api import Browser, sync_playwright

from control_plane.instance import Instance
from control_plane.storage import PipelineRun
from control_plane.storage.records import (
    BACKFILL_TAG,
    PARTITION_SET_TAG,
    PARTITION_TAG,
    Backfill,
    BackfillStatus,
    RunStatus,
)
from user_code_server.protocol import EventType, StepEvent

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "control_plane" / "web" / "static"
REPO = ROOT / "benchmarks" / "repos" / "ui_repo.py"
PARTITIONS_REPO = ROOT / "benchmarks" / "repos" / "backfill_repo.py"
MATRIX_SOLIDS = 5
LINEAGE_SCHEMAS, LINEAGE_TABLES = 10, 100  # 1,000 assets, each fed by the one or two before
BACKFILL_ID = "bench_backfill"
MATRIX_SHOWN = "document.querySelector('[data-testid=matrix] .cell-SUCCESS')"
GRAPH_DRAWN = "document.querySelectorAll('[data-testid=pipeline-graph] .node').length === 500"
CHROMIUM = os.environ.get("LODESTAR_CHROMIUM", "/usr/bin/chromium")


def bundle_kb_gz() -> float:
    """Gzipped size of the scripts, module preloads and stylesheets of index.html."""
    html = (STATIC / "index.html").read_text()
    paths = re.findall(r'(?:src|href)="/(assets/[^"]+\.(?:js|css))"', html)
    return sum(len(gzip.compress((STATIC / p).read_bytes(), 9)) for p in paths) / 1024


class Server:
    """`lodestar up -f REPO` on the loopback port it picks."""

    def __init__(self, home: str, repo: Path, env: dict[str, str]):
        self.origin = ""  # from its serving line
        self.log = open(os.path.join(home, "up.log"), "w")
        env = {**os.environ, "LODESTAR_HOME": home, **env}
        lodestar = os.path.join(os.path.dirname(sys.executable), "lodestar")
        self.process = subprocess.Popen(
            [lodestar, "up", "-f", str(repo), "--host", "127.0.0.1", "--port", "0"],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            serving = re.search(
                r"lodestar up serving on (http://\S+)", Path(self.log.name).read_text()
            )
            if serving:
                self.origin = serving[1]
                locations = self.graphql(
                    "{ codeLocations { ... on CodeLocationConnection { nodes { status } } } }"
                )
                if all(n["status"] == "LOADED" for n in locations["codeLocations"]["nodes"]):
                    return
            elif self.process.poll() is not None:
                sys.exit(f"lodestar up exited; see {self.log.name}")
            time.sleep(0.2)
        self.stop()
        sys.exit("lodestar up did not load its code location within 120 s")

    def graphql(self, query: str, variables: dict | None = None) -> dict:
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        request = urllib.request.Request(
            f"{self.origin}/graphql", body, {"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            reply = json.loads(response.read())
        if "errors" in reply:
            sys.exit(f"GraphQL errors: {reply['errors']}")
        return reply["data"]

    def launch(self, pipeline: str) -> str:
        result = self.graphql(
            """mutation($p: String!) { launchRun(pipeline: $p) {
            ... on LaunchRunSuccess { run { runId } } ... on Error { message } } }""",
            {"p": pipeline},
        )["launchRun"]
        if "run" not in result:
            sys.exit(f"launch of {pipeline} failed: {result}")
        return result["run"]["runId"]

    def wait_until_done(self, timeout: float) -> None:
        query = """{ runs(filter: {statuses: [QUEUED, STARTING, STARTED, CANCELING]}) {
            ... on RunConnection { count } } }"""
        deadline = time.monotonic() + timeout
        while self.graphql(query)["runs"]["count"]:
            if time.monotonic() > deadline:
                sys.exit(f"runs still in flight after {timeout} s")
            time.sleep(0.5)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


def timed_load(browser: Browser, url: str, ready_js: str, timeout_ms: float = 60_000) -> float:
    """Milliseconds from navigation start until `ready_js` holds, in a cold context."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        page = context.new_page()
        page.goto(url, wait_until="commit")
        handle = page.wait_for_function(
            f"() => ({ready_js}) && performance.now()", timeout=timeout_ms, polling="raf"
        )
        return float(handle.json_value())
    finally:
        context.close()


def part1(args: argparse.Namespace) -> str:
    with tempfile.TemporaryDirectory(prefix="lodestar-bench-ui-") as home:
        server = Server(home, REPO, {"LODESTAR_BENCH_N": str(args.steps)})
        try:
            big_run = server.launch("fanout")
            server.wait_until_done(timeout=1800)
            for _ in range(args.runs - 1):
                server.launch("tiny")
            server.wait_until_done(timeout=600)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
                first = [
                    timed_load(
                        browser, f"{server.origin}/runs", "document.querySelector('tbody tr')"
                    )
                    for _ in range(args.repeat)
                ]
                run_page = [
                    timed_load(
                        browser,
                        f"{server.origin}/runs/{big_run}",
                        "document.querySelector('[data-template=work] [data-status=SUCCESS]')",
                    )
                    for _ in range(args.repeat)
                ]
                graph = [
                    timed_load(
                        browser,
                        f"{server.origin}/locations/ui_repo/pipelines/graph500",
                        GRAPH_DRAWN,
                    )
                    for _ in range(args.repeat)
                ]
                browser.close()
        finally:
            server.stop()
    return (
        f"bundle_kb_gz={bundle_kb_gz():.1f} first_load_ms={statistics.median(first):.0f} "
        f"run_page_{args.steps // 1000}k_ms={statistics.median(run_page):.0f} "
        f"pipeline_graph_500_ms={statistics.median(graph):.0f}"
    )


def seed_part2(home: str, partitions: int) -> str:
    """Writes, through storage: a finished run per partition of `bench_partitions` (each step
    started and succeeded), all of one completed backfill; and 1,000 materialized assets.
    Returns the key of the asset whose upstream lineage holds them all."""
    instance = Instance.from_env(home)
    instance.migrate()
    storage = instance.storage
    names = [f"p{i:05d}" for i in range(partitions)]
    storage.add_backfill(
        Backfill(
            backfill_id=BACKFILL_ID,
            partition_set="bench_partitions",
            location_name="backfill_repo",
            partition_names=names,
            status=BackfillStatus.COMPLETED,
            cursor=partitions,
        )
    )
    for name in names:
        run = PipelineRun(
            run_id=f"run-{name}",
            pipeline_name="chain",
            location_name="backfill_repo",
            status=RunStatus.SUCCESS,
            tags={
                PARTITION_TAG: name,
                PARTITION_SET_TAG: "bench_partitions",
                BACKFILL_TAG: BACKFILL_ID,
            },
        )
        storage.add_run(run)
        now = time.time()
        storage.store_events(
            run.run_id,
            [
                StepEvent(f"step_{s}", event_type, now)
                for s in range(MATRIX_SOLIDS)
                for event_type in (EventType.STEP_START, EventType.STEP_SUCCESS)
            ],
        )
    repo = repository(LINEAGE_SCHEMAS, LINEAGE_TABLES)
    for schema, pipeline in enumerate(repo.pipelines):
        run = storage.add_run(PipelineRun(f"assets-{schema}", pipeline.name, "bench"))
        storage.store_events(run.run_id, run_events(pipeline, schema, LINEAGE_TABLES))
    storage.dispose()
    last = repo.pipelines[-1].solids[-1].outputs[0].asset_key
    return "/".join(last)


SCROLL_JS = """async () => {
    const box = document.querySelector('[data-testid=matrix]');
    const frames = [];
    let last = performance.now();
    while (box.scrollTop + box.clientHeight < box.scrollHeight - 1) {
        box.scrollTop += box.clientHeight;
        await new Promise(requestAnimationFrame);
        const now = performance.now();
        frames.push(now - last);
        last = now;
    }
    return Math.max(...frames);
}"""


def scroll_max_frame_ms(browser: Browser, url: str) -> float:
    """The longest frame while the matrix scrolls a page at a time through every row."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function(MATRIX_SHOWN)
        return float(page.evaluate(SCROLL_JS))
    finally:
        context.close()


def part2(args: argparse.Namespace) -> str:
    with tempfile.TemporaryDirectory(prefix="lodestar-bench-ui2-") as home:
        lineage_root = seed_part2(home, args.partitions)
        env = {"LODESTAR_BENCH_N": str(args.partitions), "LODESTAR_BENCH_SOLIDS": "5"}
        server = Server(home, PARTITIONS_REPO, env)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
                matrix_url = f"{server.origin}/partitions/bench_partitions"
                matrix = [timed_load(browser, matrix_url, MATRIX_SHOWN) for _ in range(args.repeat)]
                scroll = scroll_max_frame_ms(browser, matrix_url)
                backfill = [
                    timed_load(
                        browser,
                        f"{server.origin}/backfills/{BACKFILL_ID}",
                        "document.querySelector('[data-testid=backfill-partitions] "
                        "[data-status=SUCCEEDED]')",
                    )
                    for _ in range(args.repeat)
                ]
                drawn = (
                    "document.querySelectorAll('[data-testid=lineage-graph] [data-asset]')"
                    f".length === {LINEAGE_SCHEMAS * LINEAGE_TABLES}"
                )
                lineage = [
                    timed_load(
                        browser, f"{server.origin}/catalog/key/{lineage_root}?depth=all", drawn
                    )
                    for _ in range(args.repeat)
                ]
                browser.close()
        finally:
            server.stop()
    size = f"{args.partitions // 1000}k"
    return (
        f"matrix_{size}_ms={statistics.median(matrix):.0f} "
        f"matrix_scroll_max_frame_ms={scroll:.0f} "
        f"backfill_page_{size}_ms={statistics.median(backfill):.0f} "
        f"lineage_1k_ms={statistics.median(lineage):.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--steps", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--partitions", type=int, default=10_000)
    parser.add_argument("--only", choices=["1", "2"], help="only part 1's or part 2's figures")
    args = parser.parse_args()
    figures = []
    if args.only != "2":
        figures.append(part1(args))
    if args.only != "1":
        figures.append(part2(args))
    print(" ".join(figures), f"runs={args.repeat}")


if __name__ == "__main__":
    main()
