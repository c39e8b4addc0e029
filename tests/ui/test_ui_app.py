"""The app and GraphiQL are served by `lodestar up` itself, offline; code locations page;
errors a user sees instead of a blank page."""

from __future__ import annotations

import json
import re

from api.lodestar_process import post, start_control_plane
from playwright.sync_api import expect

from ui.browser import guarded_page, origin_of
from ui.helpers import start_with_token


def test_app_and_client_routes_are_served_from_the_server(page):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/runs$"))
    expect(page.get_by_role("heading", name="Runs")).to_be_visible()
    # A deep link to a client-side route loads the app too.
    page.goto("/locations")
    expect(page.get_by_role("heading", name="Code locations")).to_be_visible()


def test_graphql_post_is_unchanged(lodestar_up):
    reply = post(lodestar_up.url, json.dumps({"query": "{ __typename }"}).encode())
    assert reply.status == 200
    assert reply.body == {"data": {"__typename": "Query"}}


def test_graphiql_runs_a_query_offline(page):
    page.goto("/graphql")
    editor = page.locator(".graphiql-query-editor .CodeMirror").first
    expect(editor).to_be_visible()
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("{ codeLocations { __typename } }")
    page.get_by_role("button", name=re.compile("Execute query")).click()
    expect(page.locator(".result-window")).to_contain_text("CodeLocationConnection")


def test_code_locations_show_status_pipelines_and_load_errors(page):
    page.goto("/locations")
    ui = page.locator("[data-location=ui]")
    expect(ui.locator(".status")).to_have_text("LOADED")
    for name in ("fan_out", "nested", "configured", "failing", "slow"):
        expect(ui.get_by_role("link", name=name, exact=True)).to_be_visible()
    broken = page.locator("[data-location=broken]")
    expect(broken.locator(".status")).to_have_text("ERROR")
    expect(broken.locator(".stack")).to_contain_text("this repository is broken on purpose")


def test_reload_button_reloads_a_location(page):
    page.goto("/locations")
    ui = page.locator("[data-location=ui]")
    ui.get_by_role("button", name="Reload").click()
    expect(ui.locator(".reload-outcome")).to_contain_text("Reloaded: LOADED")
    expect(ui.locator(".status")).to_have_text("LOADED")


def test_a_run_that_does_not_exist_shows_a_message(page):
    page.goto("/runs/no-such-run")
    expect(page.get_by_role("alert")).to_contain_text("no-such-run")


def test_an_error_from_the_api_shows_a_message(page):
    page.goto("/runs?cursor=not-a-run")
    expect(page.get_by_role("alert")).to_contain_text("not-a-run")


def test_an_unknown_pipeline_and_page_show_messages(page):
    page.goto("/locations/ui/pipelines/nope")
    expect(page.get_by_role("alert")).to_contain_text("nope")
    page.goto("/no/such/page")
    expect(page.get_by_role("alert")).to_contain_text("No page at /no/such/page")


def test_an_unreachable_control_plane_shows_a_message(browser, tmp_path, request):
    server = start_control_plane(tmp_path / "home")
    try:
        with guarded_page(browser, origin_of(server.url), request.node.name) as page:
            page.goto("/runs")
            expect(page.get_by_role("heading", name="Runs")).to_be_visible()
            server.stop()
            page.get_by_role("link", name="Code locations").click()
            expect(page.get_by_role("alert")).to_contain_text("Cannot reach the control plane")
    finally:
        server.stop()


def test_a_token_protected_server_asks_for_the_token(browser, tmp_path, request):
    server = start_with_token(tmp_path / "home", "s3cret-token")
    try:
        with guarded_page(browser, origin_of(server.url), request.node.name) as page:
            page.goto("/locations")
            prompt = page.locator(".token-prompt")
            expect(prompt).to_contain_text("needs an API token")
            prompt.get_by_label("API token").fill("s3cret-token")
            prompt.get_by_role("button", name="Use token").click()
            expect(page.locator(".location .status").first).to_have_text("LOADED")
            expect(prompt).to_be_hidden()
    finally:
        server.stop()
