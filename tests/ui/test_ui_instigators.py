"""The schedules and sensors page through a real `lodestar up` over the instigated
repository: every schedule listed STOPPED; the `new_files` sensor started, its tick shown
with the runs it launched (linked), then stopped; `daily_labels`' preview naming the
partition it would run; a running schedule whose definition is gone after a reload."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from api.lodestar_process import start_control_plane
from playwright.sync_api import expect

from ui.browser import guarded_page, origin_of
from ui.helpers import INSTIGATED_REPO

TICK_TIMEOUT_MS = 30_000


def test_start_a_sensor_watch_its_tick_and_runs_then_stop_it(instigators_page):
    page = instigators_page
    page.goto("/runs")
    page.get_by_role("link", name="Schedules & sensors").click()
    expect(page).to_have_url(re.compile("/schedules$"))
    schedules = page.get_by_test_id("schedules")
    for name in ("daily_labels", "every_minute", "nightly"):
        expect(schedules.locator(f"[data-schedule={name}]")).to_have_attribute(
            "data-status", "STOPPED"
        )
    expect(schedules.locator("[data-schedule=nightly]")).to_contain_text("Europe/Amsterdam")

    row = page.get_by_test_id("sensors").locator("[data-sensor=new_files]")
    expect(row).to_have_attribute("data-status", "STOPPED")
    expect(row).to_contain_text("1 s")
    row.get_by_role("button", name="Start sensor").click()
    expect(row).to_have_attribute("data-status", "RUNNING")
    expect(row).to_contain_text("b.csv", timeout=TICK_TIMEOUT_MS)  # its cursor

    row.get_by_role("link", name="new_files").click()
    expect(page).to_have_url(re.compile("/sensors/new_files$"))
    tick = page.get_by_test_id("ticks").locator("tr[data-status=SUCCESS]").first
    expect(tick).to_be_visible(timeout=TICK_TIMEOUT_MS)
    expect(tick.get_by_role("link")).to_have_count(2)
    page.get_by_role("button", name="Stop sensor").click()
    expect(page.locator("h1 .status").first).to_have_text("STOPPED")

    tick.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/runs/\w+"))
    expect(page.locator(".run-facts")).to_contain_text("lodestar/sensor=new_files")


def test_a_partitioned_schedule_previews_the_partition_it_targets(instigators_page):
    page = instigators_page
    # The next due time is the coming midnight (UTC): it targets the day that then closes.
    today = datetime.now(UTC).date()
    days = "|".join(str(day) for day in (today, today + timedelta(days=1)))
    page.goto("/schedules")
    page.get_by_test_id("schedules").get_by_role("link", name="daily_labels").click()
    expect(page).to_have_url(re.compile("/schedules/daily_labels$"))
    expect(page.locator(".run-facts")).to_contain_text("0 0 * * *")
    preview = page.get_by_test_id("preview")
    expect(preview).to_contain_text("lodestar/partition_set=daily_labels")
    expect(preview.locator(".card").first).to_contain_text(
        re.compile(f"lodestar/partition=({days})")
    )
    expect(page.get_by_test_id("ticks")).to_have_count(0)  # stopped: no tick yet
    expect(page.get_by_text("No ticks yet.")).to_be_visible()


START_SCHEDULE = """mutation($name: String!) { startSchedule(name: $name) { __typename } }"""
RELOAD = """mutation($name: String!) { reloadCodeLocation(name: $name) { __typename } }"""


def test_a_running_schedule_whose_definition_is_gone_is_shown_as_such(browser, tmp_path, request):
    repo = tmp_path / "instigated.py"
    repo.write_text(INSTIGATED_REPO.read_text())
    server = start_control_plane(tmp_path / "home", repo=repo)
    try:
        assert server.data(START_SCHEDULE, {"name": "nightly"})["startSchedule"]["__typename"] == (
            "Schedule"
        )
        repo.write_text(repo.read_text().replace("every_minute, nightly,", "every_minute,"))
        server.data(RELOAD, {"name": "instigated"})
        with guarded_page(browser, origin_of(server.url), request.node.name) as page:
            page.goto("/schedules")
            row = page.get_by_test_id("schedules").locator("[data-schedule=nightly]")
            expect(row).to_contain_text("definition missing")
            expect(row).to_have_attribute("data-status", "RUNNING")
            row.get_by_role("link", name="nightly").click()
            expect(page.get_by_role("alert")).to_contain_text("Its definition is gone")
            page.get_by_role("button", name="Stop schedule").click()
            expect(page.locator("h1 .status").first).to_have_text("STOPPED")
    finally:
        server.stop()
