"""The asset catalog of the users_model example (folders, search, history with a metadata
chart, the lineage graph followed node to node, wiping) and the instance page."""

from __future__ import annotations

import re

from api.lodestar_process import wait_for_run
from playwright.sync_api import expect

from ui.helpers import launch


def test_lineage_graph_of_users_model_and_follow_a_node(partitions_page, partitions_up):
    for _ in range(2):
        wait_for_run(partitions_up, launch(partitions_up, "users_model"))
    page = partitions_page
    page.goto("/catalog")
    page.locator("[data-folder='ml/']").get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"prefix=ml"))
    page.get_by_role("link", name="users_model").click()
    expect(page).to_have_url(re.compile("/catalog/key/ml/users_model$"))
    expect(page.get_by_test_id("materialization-count")).to_have_text("2")
    expect(page.get_by_test_id("latest-materialization")).to_contain_text("create_model")

    graph = page.get_by_test_id("lineage-graph")
    expect(graph.locator("[data-asset='ml/users_model'] .root")).to_be_visible()
    graph.locator("[data-asset='warehouse/users']").click()
    expect(page).to_have_url(re.compile("/catalog/key/warehouse/users$"))
    expect(
        page.get_by_test_id("lineage-graph").locator("[data-asset='ml/users_model']")
    ).to_be_visible()

    # History with its metadata, the numeric entry plotted.
    history = page.get_by_test_id("history")
    expect(history.locator("tbody tr")).to_have_count(2)
    expect(history).to_contain_text("rows=4")
    expect(page.locator("figure.chart[data-metadata=rows] circle")).to_have_count(2)

    # Search by key, then wipe with confirmation.
    page.goto("/catalog?q=users")
    expect(page.locator("tr[data-asset]")).to_have_count(2)
    page.goto("/catalog/key/warehouse/users")
    page.get_by_role("button", name="Wipe materializations…").click()
    page.get_by_role("button", name="Wipe warehouse/users").click()
    expect(page.get_by_test_id("materialization-count")).to_have_text("0")
    expect(page.get_by_test_id("latest-materialization")).to_have_text("never materialized")


def test_instance_page_shows_the_leader_heartbeats_and_queue(partitions_page):
    page = partitions_page
    page.goto("/instance")
    leader = page.get_by_test_id("daemon-leader")
    expect(leader).to_contain_text("(this server)")
    expect(leader).to_contain_text("leads the daemon")
    expect(page.locator("tr[data-daemon=RUN_QUEUE]")).to_contain_text(" s")
    expect(page.locator("tr[data-daemon=BACKFILL]")).to_be_visible()
    expect(page.get_by_test_id("settings")).to_contain_text("run_queue.max_concurrent_runs4")
    expect(page.get_by_role("heading", name=re.compile(r"In flight: \d+ of 4"))).to_be_visible()
