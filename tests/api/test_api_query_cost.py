"""Query cost is bounded: a small document asking for huge pages many times is refused
before any resolver runs, and what is allowed is answered quickly, with many runs stored."""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import pytest

from api.lodestar_process import post, start_control_plane
from control_plane.instance import Instance
from control_plane.storage import PipelineRun, RunStatus
from user_code_server.protocol import EventType, StepEvent

RUNS = 1000
QUICKLY_S = 2.0
MAX_GROWTH_KB = 100 * 1024
RUN_SELECTION = "runId status tags { key value } stepStats { stepKey status }"


def store_runs(home: Path, count: int) -> None:
    """`count` finished runs of two steps each, written before the server starts."""
    instance = Instance.from_env(str(home))
    try:
        for i in range(count):
            run = instance.storage.add_run(
                PipelineRun(
                    run_id=uuid.uuid4().hex,
                    pipeline_name="adder",
                    location_name="api_repo",
                    status=RunStatus.SUCCESS,
                    tags={"team": "data", "n": str(i)},
                )
            )
            events = [
                StepEvent(step_key=step, event_type=event_type, timestamp=time.time())
                for step in ("numbers", "total")
                for event_type in (EventType.STEP_START, EventType.STEP_SUCCESS)
            ]
            instance.storage.store_events(run.run_id, events)
    finally:
        instance.dispose()


@pytest.fixture(scope="module")
def busy_up(tmp_path_factory):
    """`lodestar up` on an instance holding `RUNS` runs."""
    home = tmp_path_factory.mktemp("busy_home")
    store_runs(home, RUNS)
    server = start_control_plane(home)
    yield server
    server.stop()


def peak_rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM")


def aliased_runs(aliases: int, limit: str = "1000", selection: str = RUN_SELECTION) -> str:
    return (
        "{ "
        + " ".join(
            f"a{i}: runs(limit: {limit}) {{ ... on RunConnection {{ nodes {{ {selection} }} }} }}"
            for i in range(aliases)
        )
        + " }"
    )


def timed(server, query: str, variables: dict | None = None):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    started = time.monotonic()
    reply = post(server.url, body)
    return reply, time.monotonic() - started


def test_a_hundred_aliased_pages_of_a_thousand_runs_are_refused_quickly(busy_up):
    document = aliased_runs(100)
    peak_before = peak_rss_kb(busy_up.process.pid)

    reply, seconds = timed(busy_up, document)

    assert 9_000 < len(document) < 13_000
    assert reply.status == 200 and reply.body["data"] is None
    (error,) = reply.body["errors"]
    assert "over the maximum of 150,000" in error["message"]
    assert "smaller pages (`limit`)" in error["message"]
    assert seconds < QUICKLY_S
    assert peak_rss_kb(busy_up.process.pid) - peak_before < MAX_GROWTH_KB


def test_limits_given_as_variables_and_fragments_are_counted(busy_up):
    fragment = f"fragment R on Run {{ {RUN_SELECTION} }}"
    through_variables = aliased_runs(100, "$n", "...R").replace("{", "query($n: Int!) {", 1)

    reply, seconds = timed(busy_up, f"{through_variables} {fragment}", {"n": 1000})

    assert "over the maximum of 150,000" in reply.body["errors"][0]["message"]
    assert seconds < QUICKLY_S


def test_one_page_of_a_thousand_runs_with_step_stats_is_answered(busy_up):
    peak_before = peak_rss_kb(busy_up.process.pid)

    reply, seconds = timed(busy_up, aliased_runs(1))

    nodes = reply.body["data"]["a0"]["nodes"]
    assert len(nodes) == RUNS
    assert {s["status"] for n in nodes for s in n["stepStats"]} == {"SUCCESS"}
    assert seconds < QUICKLY_S
    assert peak_rss_kb(busy_up.process.pid) - peak_before < MAX_GROWTH_KB


def test_the_most_a_document_may_ask_of_step_stats_is_answered_quickly(busy_up):
    # 100 x 12 runs' step stats is under the bound; 100 x 13 is over it.
    allowed, seconds = timed(busy_up, aliased_runs(100, "12", "stepStats { stepKey }"))
    refused, _ = timed(busy_up, aliased_runs(100, "13", "stepStats { stepKey }"))

    assert "errors" not in allowed.body and len(allowed.body["data"]) == 100
    assert seconds < QUICKLY_S
    assert "over the maximum" in refused.body["errors"][0]["message"]
