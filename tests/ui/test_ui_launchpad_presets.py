"""Launchpad presets, in a real browser against `lodestar up` on the presets repository."""

from __future__ import annotations

import json
import re

from playwright.sync_api import Page, expect

LAUNCHPAD = "/locations/presets_repo/pipelines/greeting/launchpad"
RUN = "query($id: String!) { run(runId: $id) { ... on Run { mode runConfig solidSelection } } }"


def _launch_and_wait(page: Page) -> tuple[str, dict]:
    """Clicks Launch run once the config is valid: the run's id once it reached SUCCESS, and
    the variables the launchRun request sent."""
    expect(page.locator(".validation")).to_contain_text("Config is valid")
    with page.expect_request(lambda r: "launchRun" in (r.post_data or "")) as launched:
        page.get_by_role("button", name="Launch run").click()
    expect(page).to_have_url(re.compile(r"/runs/[0-9a-f-]{36}$"))
    expect(page.locator("h1 .status")).to_have_text("SUCCESS", timeout=60_000)
    return page.url.rsplit("/", 1)[1], json.loads(launched.value.post_data)["variables"]


def test_preset_fills_config_and_mode_and_launches_with_it(presets_page, presets_up):
    page = presets_page
    page.goto(LAUNCHPAD)
    page.get_by_label("Preset").select_option("hello")
    expect(page.get_by_label("Run config")).to_have_value(
        "solids:\n  say:\n    config:\n      word: hello\n"
    )
    expect(page.get_by_label("Mode")).to_have_value("test")
    expect(page.get_by_test_id("preset-note")).to_have_text("Launches preset hello.")
    expect(page.locator(".validation")).to_contain_text("Config is valid: 2 steps")

    run_id, sent = _launch_and_wait(page)
    assert sent == {"pipeline": "greeting", "location": "presets_repo", "preset": "hello"}
    expect(page.locator(".run-facts")).to_contain_text("mode test")
    expect(page.locator(".run-facts")).to_contain_text("team=data")
    timeline = page.get_by_test_id("timeline")
    expect(timeline.locator("[data-step=loud] .status")).to_have_text("SUCCESS")
    run = presets_up.data(RUN, {"id": run_id})["run"]
    assert run["mode"] == "test"
    assert run["runConfig"] == {"solids": {"say": {"config": {"word": "hello"}}}}


def test_edited_preset_launches_the_edited_config(presets_page, presets_up):
    page = presets_page
    page.goto(LAUNCHPAD)
    page.get_by_label("Preset").select_option("only_say")
    expect(page.get_by_label("Solid selection")).to_have_value("say")
    expect(page.get_by_label("Tags")).to_have_value("owner=preset")
    expect(page.get_by_label("Mode")).to_have_value("default")
    expect(page.locator(".validation")).to_contain_text("Config is valid: 1 steps")

    page.get_by_label("Run config").fill("solids:\n  say:\n    config:\n      word: edited\n")
    expect(page.get_by_test_id("preset-note")).to_contain_text(
        "Edited since choosing preset only_say"
    )
    run_id, sent = _launch_and_wait(page)
    assert "preset" not in sent and sent["mode"] == "default"
    expect(page.locator(".run-facts")).to_contain_text("owner=preset")
    run = presets_up.data(RUN, {"id": run_id})["run"]
    assert run["mode"] == "default"
    assert run["runConfig"] == {"solids": {"say": {"config": {"word": "edited"}}}}
    assert run["solidSelection"] == ["say"]
