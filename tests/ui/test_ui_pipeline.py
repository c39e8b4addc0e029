"""Pipeline graph and launchpad, in a real browser against a real control plane."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def test_pipeline_graph_marks_dynamic_outputs_mapped_solids_and_collects(page):
    page.goto("/locations/ui/pipelines/nested")
    graph = page.get_by_test_id("pipeline-graph")
    work = graph.locator("[data-solid=work]")
    expect(work).to_have_class(re.compile(r"\bmapped\b"))
    expect(work.locator(".badge-mapped")).to_have_text("mapped ×2 [*,*]")
    expect(graph.locator("[data-solid=split] .badge-mapped")).to_have_text("mapped [*]")
    expect(graph.locator("[data-solid=outer] .badge-dynamic")).to_have_count(1)
    expect(graph.locator("[data-solid=inner_collect] .badge-collect")).to_have_count(1)
    expect(graph.locator("[data-solid=outer_collect] .badge-collect")).to_have_count(1)
    expect(graph.locator("[data-solid=outer] .badge-mapped")).to_have_count(0)
    expect(graph.locator(".edge")).to_have_count(4)

    work.click()
    details = page.get_by_test_id("solid-details")
    expect(details).to_contain_text("Mapped over outer.result → split.result (nested)")
    expect(details).to_contain_text("value: str")
    expect(page).to_have_url(re.compile(r"\?solid=work$"))


def test_solid_details_show_types_config_schema_and_asset_keys(page):
    page.goto("/locations/ui/pipelines/fan_out")
    page.get_by_label("Search solids").fill("process")
    page.get_by_label("Search solids").press("Enter")
    details = page.get_by_test_id("solid-details")
    expect(details.get_by_role("heading", name="process_file")).to_be_visible()
    expect(details).to_contain_text("asset reports/size")
    expect(details).to_contain_text("mapped from list_files.result")
    page.goto("/locations/ui/pipelines/configured?solid=numbers")
    details = page.get_by_test_id("solid-details")
    expect(details).to_contain_text('"label"')
    expect(details).to_contain_text("How many numbers")


def test_launchpad_shows_every_config_error_then_launches(page, lodestar_up):
    page.goto("/locations/ui/pipelines/configured/launchpad")
    editor = page.get_by_label("Run config")
    # Scaffolded from the schema: the default filled in, the required label marked.
    expect(editor).to_have_value(re.compile(r"count: 2"))
    expect(editor).to_have_value(re.compile(r"label:\s+# required \(string\)"))
    errors = page.locator(".config-error")
    expect(errors).to_have_count(1)
    expect(errors.first).to_contain_text("solids.numbers.config.label")

    editor.fill('solids:\n  numbers:\n    config:\n      count: "many"\n      colour: red\n')
    expect(errors).to_have_count(3)
    expect(page.locator(".validation")).to_contain_text("solids.numbers.config.count")
    expect(page.locator(".validation")).to_contain_text("solids.numbers.config.colour")
    expect(page.locator(".validation")).to_contain_text("solids.numbers.config.label")
    expect(page.get_by_role("button", name="Launch run")).to_be_disabled()

    editor.fill("solids:\n  numbers:\n    config:\n      count: 4\n      label: first\n")
    expect(page.locator(".validation")).to_contain_text("Config is valid: 2 steps")
    page.get_by_label("Tags").fill("team=data")
    page.get_by_role("button", name="Launch run").click()

    expect(page).to_have_url(re.compile(r"/runs/[0-9a-f-]{36}$"))
    expect(page.locator("h1 .status")).to_have_text("SUCCESS", timeout=60_000)
    timeline = page.get_by_test_id("timeline")
    expect(timeline.locator("[data-step=numbers] .status")).to_have_text("SUCCESS")
    expect(timeline.locator("[data-step=total] .status")).to_have_text("SUCCESS")
    expect(page.locator(".run-facts")).to_contain_text("team=data")
    expect(page.get_by_test_id("logs")).to_contain_text("batch first: 4")


def test_launchpad_selection_and_mode(page):
    page.goto("/locations/ui/pipelines/fan_out/launchpad")
    expect(page.get_by_label("Mode")).to_have_value("default")
    expect(page.locator(".validation")).to_contain_text("Config is valid: 3 steps")
    page.get_by_label("Solid selection").fill("list_files")
    expect(page.locator(".validation")).to_contain_text("Config is valid: 1 steps")
    page.get_by_label("Solid selection").fill("no_such_solid")
    expect(page.locator(".config-error")).to_contain_text("no_such_solid")
