"""The partitions tab of the daily-partitioned example: the status matrix, selecting
partitions (drag, click, shift-click, text range, all), launching a backfill and following
it, a partition's run history, and a from-failure backfill of the failed days only."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

BACKFILL_TIMEOUT_MS = 90_000


def _box(page: Page, partition: str):
    return page.get_by_role("checkbox", name=f"select {partition}")


def _drag(page: Page, start: str, end: str) -> None:
    first = _box(page, start).bounding_box()
    last = _box(page, end).bounding_box()
    page.mouse.move(first["x"] + first["width"] / 2, first["y"] + first["height"] / 2)
    page.mouse.down()
    page.mouse.move(last["x"] + last["width"] / 2, last["y"] + last["height"] / 2, steps=8)
    page.mouse.up()


def _cell(page: Page, partition: str, solid: str):
    return page.locator(f"[data-partition='{partition}'] [data-solid='{solid}']")


def test_drag_a_range_launch_a_backfill_and_watch_cells_turn_green(partitions_page):
    page = partitions_page
    page.goto("/partitions")
    group = page.locator("[data-pipeline=daily_sales]")
    expect(group).to_contain_text("@ sales")
    group.get_by_role("link", name="daily_sales_2026").click()
    expect(page).to_have_url(re.compile("/partitions/daily_sales_2026$"))
    expect(page.get_by_test_id("matrix")).to_contain_text("extract_sales")
    expect(_cell(page, "2026-01-04", "report")).to_have_attribute("data-status", "MISSING")

    # Click, shift-click, a text range, all, none.
    launcher = page.get_by_test_id("launcher")
    _box(page, "2026-01-20").click()
    _box(page, "2026-01-22").click(modifiers=["Shift"])
    expect(page.get_by_test_id("selected-count")).to_have_text("3")
    page.get_by_label("Partition range").fill("2026-01-10...2026-01-31")
    launcher.get_by_role("button", name="Select range").click()
    expect(page.get_by_test_id("selected-count")).to_have_text("22")
    page.get_by_label("Partition range").fill("2026-01-31...2026-01-10")
    launcher.get_by_role("button", name="Select range").click()
    expect(launcher).to_contain_text('"2026-01-10" comes before "2026-01-31"')
    launcher.get_by_role("button", name="Select all").click()
    expect(page.get_by_test_id("selected-count")).to_have_text("365")
    launcher.get_by_role("button", name="Clear").click()

    _drag(page, "2026-01-03", "2026-01-07")
    expect(page.get_by_test_id("selected-count")).to_have_text("5")
    expect(page.get_by_test_id("backfill-preview")).to_have_text("Will create 5 runs")
    page.get_by_label("Backfill tags").fill("requested_by=ui-test")
    launcher.get_by_role("button", name="Launch backfill").click()
    expect(page).to_have_url(re.compile(r"backfill=\w+"))
    expect(page.get_by_test_id("followed-backfill")).to_be_visible()
    for day in ("2026-01-03", "2026-01-05", "2026-01-07"):
        expect(_cell(page, day, "report")).to_have_attribute(
            "data-status", "SUCCESS", timeout=BACKFILL_TIMEOUT_MS
        )
    expect(_cell(page, "2026-01-08", "report")).to_have_attribute("data-status", "MISSING")
    expect(page.get_by_test_id("followed-backfill")).to_contain_text("5 / 5")

    # A partition's run history, newest first, each run linked.
    page.locator("[data-partition='2026-01-05']").get_by_role("button", name="2026-01-05").click()
    history = page.get_by_test_id("partition-history")
    expect(history).to_contain_text("1 runs, newest first")
    history.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/runs/\w+"))
    expect(page.locator(".run-facts")).to_contain_text("2026-01-05")
    expect(page.locator(".run-facts")).to_contain_text("requested_by=ui-test")


def test_cancel_a_backfill_with_queued_runs(partitions_page, failing_days):
    page = partitions_page
    hold = failing_days.with_name("hold")
    hold.touch()  # February's runs wait at their gate: some in progress, the rest queued
    page.goto("/partitions/flaky_sales_feb")
    page.get_by_label("Partition range").fill("2026-02-01...2026-02-28")
    page.get_by_role("button", name="Select range").click()
    expect(page.get_by_test_id("backfill-preview")).to_have_text("Will create 28 runs")
    page.get_by_role("button", name="Launch backfill").click()
    followed = page.get_by_test_id("followed-backfill")
    expect(followed).to_be_visible()
    backfill_id = followed.get_by_role("link").inner_text()

    page.goto("/backfills")
    row = page.locator(f"tr[data-backfill-id='{backfill_id}']")
    expect(row).to_contain_text("flaky_sales_feb")
    row.get_by_role("link", name=backfill_id).click()
    expect(page.locator("[data-count=requested] dd")).to_have_text("28")
    page.get_by_role("button", name="Cancel and terminate").click()
    expect(page.locator("h1 .status")).to_have_text("CANCELED")
    canceled = page.locator("[data-count=canceled] dd")
    expect(canceled).not_to_have_text("0", timeout=30_000)
    expect(page.locator("[data-count=queued] dd")).to_have_text("0", timeout=30_000)
    expect(page.locator("[data-count='in progress'] dd")).to_have_text("0", timeout=60_000)
    expect(page.get_by_role("button", name="Cancel submission")).to_be_disabled()
    page.get_by_label("Partition status").select_option("CANCELED")
    expect(
        page.get_by_test_id("backfill-partitions").locator("[data-status=CANCELED]").first
    ).to_be_visible()
    page.goto("/backfills")
    expect(page.locator(f"tr[data-backfill-id='{backfill_id}'] .status")).to_have_text("CANCELED")
    hold.unlink()


def test_from_failure_backfill_of_the_failed_days_only(partitions_page, failing_days):
    page = partitions_page
    failing_days.write_text("2026-01-02\n2026-01-04\n")
    page.goto("/partitions/flaky_sales_jan")
    launcher = page.get_by_test_id("launcher")
    launcher.get_by_role("button", name="Select all").click()
    expect(page.get_by_test_id("backfill-preview")).to_have_text("Will create 31 runs")
    launcher.get_by_role("button", name="Launch backfill").click()
    followed = page.get_by_test_id("followed-backfill")
    expect(followed).to_contain_text("31 / 31", timeout=BACKFILL_TIMEOUT_MS)
    expect(_cell(page, "2026-01-02", "check_day")).to_have_attribute("data-status", "FAILURE")
    expect(_cell(page, "2026-01-02", "report")).to_have_attribute("data-status", "SKIPPED")
    expect(_cell(page, "2026-01-03", "report")).to_have_attribute("data-status", "SUCCESS")

    page.get_by_label("only failures and gaps").check()
    expect(page.locator(".matrix-row")).to_have_count(2)
    page.get_by_label("only failures and gaps").uncheck()

    failing_days.write_text("")
    launcher.get_by_role("button", name="Failed and missing").click()
    expect(page.get_by_test_id("selected-count")).to_have_text("2")
    launcher.get_by_label(re.compile("from failure")).check()
    expect(page.get_by_test_id("backfill-preview")).to_have_text("Will create 2 runs")
    launcher.get_by_role("button", name="Launch backfill").click()
    expect(followed).to_contain_text("2 / 2", timeout=BACKFILL_TIMEOUT_MS)
    for day in ("2026-01-02", "2026-01-04"):
        expect(_cell(page, day, "report")).to_have_attribute("data-status", "SUCCESS")
        expect(_cell(page, day, "check_day")).to_have_attribute("data-status", "SUCCESS")

    # The failed run is kept: the history lists both, the re-execution first.
    page.locator("[data-partition='2026-01-02']").get_by_role("button", name="2026-01-02").click()
    history = page.get_by_test_id("partition-history")
    expect(history).to_contain_text("2 runs, newest first")
    expect(history.locator("li").nth(0).locator(".status")).to_have_text("SUCCESS")
    expect(history.locator("li").nth(0)).to_contain_text("from failure")
    expect(history.locator("li").nth(1).locator(".status")).to_have_text("FAILURE")
