"""The web UI in headless Chromium (Debian's /usr/bin/chromium) against a real `lodestar up`.

Usage: python benchmarks/ui.py [--repeat R] [--steps N] [--runs M]
Prints: bundle_kb_gz=... first_load_ms=... run_page_10k_ms=... pipeline_graph_500_ms=...
- bundle_kb_gz: the JS and CSS index.html loads up front, gzipped;
- first_load_ms: a cold browser context opening /runs (M runs stored) until rows show;
- run_page_10k_ms: the page of a finished run with N mapped steps until its timeline shows;
- pipeline_graph_500_ms: a 500-solid pipeline's page until its graph is drawn.
Times are medians over R cold page loads, measured in the page (performance.now()).
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

from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "control_plane" / "web" / "static"
REPO = ROOT / "benchmarks" / "repos" / "ui_repo.py"
GRAPH_DRAWN = "document.querySelectorAll('[data-testid=pipeline-graph] .node').length === 500"
CHROMIUM = os.environ.get("LODESTAR_CHROMIUM", "/usr/bin/chromium")


def bundle_kb_gz() -> float:
    """Gzipped size of the scripts, module preloads and stylesheets of index.html."""
    html = (STATIC / "index.html").read_text()
    paths = re.findall(r'(?:src|href)="/(assets/[^"]+\.(?:js|css))"', html)
    return sum(len(gzip.compress((STATIC / p).read_bytes(), 9)) for p in paths) / 1024


class Server:
    """`lodestar up -f benchmarks/repos/ui_repo.py` on the loopback port it picks."""

    def __init__(self, home: str, steps: int):
        self.origin = ""  # from its serving line
        self.log = open(os.path.join(home, "up.log"), "w")
        env = {**os.environ, "LODESTAR_HOME": home, "LODESTAR_BENCH_N": str(steps)}
        lodestar = os.path.join(os.path.dirname(sys.executable), "lodestar")
        self.process = subprocess.Popen(
            [lodestar, "up", "-f", str(REPO), "--host", "127.0.0.1", "--port", "0"],
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--steps", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lodestar-bench-ui-") as home:
        server = Server(home, args.steps)
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
    print(
        f"bundle_kb_gz={bundle_kb_gz():.1f} first_load_ms={statistics.median(first):.0f} "
        f"run_page_{args.steps // 1000}k_ms={statistics.median(run_page):.0f} "
        f"pipeline_graph_500_ms={statistics.median(graph):.0f} runs={args.repeat}"
    )


if __name__ == "__main__":
    main()
