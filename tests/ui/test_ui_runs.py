"""Runs list and run page: live updates, filters, paging, grouped mapped steps, terminate,
re-execution from failure and of a selection, in a real browser."""

from __future__ import annotations

import re

from api.lodestar_process import wait_for_run
from playwright.sync_api import expect

from ui.helpers import launch


def test_runs_list_updates_live_and_filters(page, lodestar_up):
    page.goto("/runs?pipeline=fan_out")
    expect(page.get_by_role("heading", name="Runs")).to_be_visible()
    run_id = launch(lodestar_up, "fan_out")
    row = page.locator(f"tr[data-run-id='{run_id}']")
    expect(row).to_be_visible()  # appears without a reload
    expect(row.locator(".status")).to_have_text("SUCCESS", timeout=30_000)
    expect(row).to_contain_text("fan_out")

    page.goto("/runs?status=FAILURE")
    expect(page.locator(f"tr[data-run-id='{run_id}']")).to_have_count(0)
    # Not .check(): the router renders a navigation as a React transition, so the
    # controlled box shows its new state one render after the click, not at once.
    success = page.get_by_role("checkbox", name="SUCCESS")
    success.click()
    expect(success).to_be_checked()
    expect(page.locator(f"tr[data-run-id='{run_id}']")).to_be_visible()
    expect(page).to_have_url(re.compile(r"status=FAILURE&status=SUCCESS"))


def test_runs_list_filters_by_tag_and_pages_with_a_cursor(page, lodestar_up):
    tagged = lodestar_up.data(
        """mutation { launchRun(pipeline: "fan_out", tags: [{key: "ui", value: "paging"}]) {
        ... on LaunchRunSuccess { run { runId } } } }"""
    )["launchRun"]["run"]["runId"]
    page.goto("/runs")
    page.get_by_label("Tag key=value").fill("ui=paging")
    page.get_by_label("Tag key=value").press("Enter")
    expect(page.locator("tbody tr")).to_have_count(1)
    expect(page.locator(f"tr[data-run-id='{tagged}']")).to_contain_text("ui=paging")

    for _ in range(51 - _count_runs(lodestar_up)):
        launch(lodestar_up, "nested")
    page.goto("/runs")
    expect(page.locator("tbody tr")).to_have_count(50)
    first_page = page.locator("tbody tr").first.get_attribute("data-run-id")
    page.get_by_role("button", name="Next").click()
    expect(page).to_have_url(re.compile(r"cursor="))
    expect(page.locator("tbody tr").first).not_to_have_attribute("data-run-id", first_page)
    page.get_by_role("button", name="Previous").click()
    expect(page.locator("tbody tr").first).to_have_attribute("data-run-id", first_page)


def _count_runs(server) -> int:
    return server.data("{ runs { ... on RunConnection { count } } }")["runs"]["count"]


def test_run_page_groups_mapped_steps_with_counts(page, lodestar_up):
    run_id = launch(lodestar_up, "fan_out")
    wait_for_run(lodestar_up, run_id)
    page.goto(f"/runs/{run_id}")
    timeline = page.get_by_test_id("timeline")
    group = timeline.locator("[data-template=process_file]")
    expect(group).to_contain_text("process_file[*]")
    expect(group.locator("[data-status=SUCCESS]")).to_have_text("8 success")
    expect(timeline.locator("[data-step='process_file[k0]']")).to_have_count(0)
    group.get_by_role("button").click()
    expect(timeline.locator("[data-step='process_file[k3]'] .status")).to_have_text("SUCCESS")

    # A few mapped steps stay plain rows, keyed by all their mapping keys.
    page.goto(f"/runs/{launch(lodestar_up, 'nested')}")
    step = page.get_by_test_id("timeline").locator("[data-step='work[a,x]'] .status")
    expect(step).to_have_text("SUCCESS", timeout=30_000)
    expect(page.get_by_test_id("timeline").locator("[data-step='work[b,y]']")).to_be_visible()


def test_logs_filter_by_level_step_type_and_text(page, lodestar_up):
    run_id = launch(lodestar_up, "fan_out")
    wait_for_run(lodestar_up, run_id)
    page.goto(f"/runs/{run_id}")
    logs = page.get_by_test_id("logs")
    expect(logs).to_contain_text("RUN_ENQUEUED")  # rows are virtualized: the first ones show
    page.get_by_label("Event type").select_option("RUN_SUCCESS")
    expect(logs.locator(".log-row")).to_have_count(1)
    page.get_by_label("Event type").select_option("STEP_SUCCESS")
    page.get_by_label("Step", exact=True).fill("process_file[k2")
    expect(logs.locator(".log-row")).to_have_count(1)
    expect(logs).to_contain_text("process_file[k2]")
    page.get_by_label("Event type").select_option("")
    page.get_by_label("Step", exact=True).fill("")
    page.get_by_label("Search logs").fill("run succeeded")
    expect(logs.locator(".log-row")).to_have_count(1)


def test_terminate_a_sleeping_run(page, lodestar_up):
    run_id = launch(lodestar_up, "slow")
    page.goto(f"/runs/{run_id}")
    expect(page.get_by_test_id("timeline").locator("[data-step=sleepy] .status")).to_have_text(
        "IN_PROGRESS", timeout=30_000
    )
    page.get_by_role("button", name="Terminate").click()
    expect(page.locator("h1 .status")).to_have_text("CANCELED", timeout=30_000)
    expect(page.get_by_role("button", name="Terminate")).to_be_disabled()


def test_reexecute_from_failure_shows_the_error_then_succeeds(page, lodestar_up, flaky_file):
    run_id = launch(lodestar_up, "failing")
    page.goto(f"/runs/{run_id}")
    expect(page.locator("h1 .status")).to_have_text("FAILURE", timeout=30_000)
    failure = page.locator(".failure[data-step=flaky]")
    expect(failure).to_contain_text("ValueError: flaky failed on purpose")
    expect(failure.locator(".stack")).to_contain_text('in flaky\n    raise ValueError("flaky')
    expect(page.get_by_test_id("timeline").locator("[data-step=after_flaky] .status")).to_have_text(
        "SKIPPED"
    )

    flaky_file.touch()
    page.get_by_role("button", name="Re-execute from failure").click()
    expect(page).not_to_have_url(re.compile(run_id))
    expect(page.locator("h1 .status")).to_have_text("SUCCESS", timeout=30_000)
    expect(page.get_by_test_id("parent-run")).to_have_text(run_id)
    timeline = page.get_by_test_id("timeline")
    expect(timeline.locator("[data-step=flaky] .status")).to_have_text("SUCCESS")
    expect(timeline.locator("[data-step=after_flaky] .status")).to_have_text("SUCCESS")
    child_id = page.url.rsplit("/", 1)[-1]
    page.get_by_test_id("parent-run").click()
    expect(page).to_have_url(re.compile(f"/runs/{run_id}$"))
    page.get_by_test_id("child-runs").get_by_role("link", name=child_id).click()
    expect(page).to_have_url(re.compile(f"/runs/{child_id}$"))


def test_reexecute_a_selection_of_mapped_steps(page, lodestar_up):
    run_id = launch(lodestar_up, "fan_out")
    wait_for_run(lodestar_up, run_id)
    page.goto(f"/runs/{run_id}")
    page.get_by_role("checkbox", name="select process_file[*]").check()
    page.get_by_role("button", name="Re-execute selected (1)").click()
    expect(page).not_to_have_url(re.compile(run_id))
    expect(page.locator("h1 .status")).to_have_text("SUCCESS", timeout=30_000)
    expect(page.locator(".run-facts")).to_contain_text("process_file[*]")
    group = page.get_by_test_id("timeline").locator("[data-template=process_file]")
    expect(group.locator("[data-status=SUCCESS]")).to_have_text("8 success")
    expect(page.get_by_test_id("timeline").locator("[data-step=summarize]")).to_have_count(0)
