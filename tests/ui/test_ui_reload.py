"""Reload from the code locations page picks up edited repository code."""

from __future__ import annotations

import re
import shutil

from api.lodestar_process import start_control_plane
from playwright.sync_api import Page, expect

from ui.browser import guarded_page, origin_of
from ui.helpers import REPOS


def _launch_and_read_log(page: Page) -> None:
    page.goto("/locations/versioned/pipelines/versioned/launchpad")
    expect(page.locator(".validation")).to_contain_text("Config is valid")
    page.get_by_role("button", name="Launch run").click()
    expect(page).to_have_url(re.compile(r"/runs/[0-9a-f-]{36}$"))
    expect(page.locator("h1 .status")).to_have_text("SUCCESS", timeout=60_000)


def test_edit_reload_and_launch_runs_the_new_code(browser, tmp_path, request):
    repo = tmp_path / "versioned_repo.py"
    shutil.copy(REPOS / "versioned_repo.py", repo)
    workspace = tmp_path / "workspace.yaml"
    workspace.write_text(
        f"load_from:\n  - python_file: {{path: {repo}, location_name: versioned}}\n"
    )
    server = start_control_plane(tmp_path / "home", workspace=workspace)
    try:
        with guarded_page(browser, origin_of(server.url), request.node.name) as page:
            _launch_and_read_log(page)
            expect(page.get_by_test_id("logs")).to_contain_text("running version one")

            repo.write_text(repo.read_text().replace("version one", "version two"))
            page.goto("/locations")
            location = page.locator("[data-location=versioned]")
            location.get_by_role("button", name="Reload").click()
            expect(location.locator(".reload-outcome")).to_contain_text("Reloaded: LOADED")

            _launch_and_read_log(page)
            expect(page.get_by_test_id("logs")).to_contain_text("running version two")
    finally:
        server.stop()
