"""Headless Chromium (Debian's package) for the browser tests, held to one origin."""

from __future__ import annotations

import os
import re
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Page, Route, sync_playwright

CHROMIUM = os.environ.get("LODESTAR_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            yield browser
        finally:
            browser.close()


class OriginGuard:
    """Aborts, and records, every request a page makes to anywhere but `origin`."""

    def __init__(self, origin: str):
        self.origin = origin
        self.foreign: list[str] = []

    def __call__(self, route: Route) -> None:
        url = route.request.url
        parts = urllib.parse.urlsplit(url)
        if parts.scheme in ("data", "blob") or f"{parts.scheme}://{parts.netloc}" == self.origin:
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()


def origin_of(graphql_url: str) -> str:
    parts = urllib.parse.urlsplit(graphql_url)
    return f"{parts.scheme}://{parts.netloc}"


@contextmanager
def guarded_page(browser: Browser, origin: str, name: str) -> Iterator[Page]:
    """A page at `origin`: fails the test on a request to another origin or an uncaught
    script error, and leaves a screenshot named after the test in tests/ui/artifacts/."""
    context = browser.new_context(base_url=origin, viewport={"width": 1400, "height": 900})
    guard = OriginGuard(origin)
    context.route("**/*", guard)
    page = context.new_page()
    page_errors: list[str] = []
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    try:
        yield page
    finally:
        ARTIFACTS.mkdir(exist_ok=True)
        file_name = re.sub(r"[^\w.-]+", "_", name) + ".png"
        try:
            page.screenshot(path=ARTIFACTS / file_name, full_page=True)
        finally:
            context.close()
    assert guard.foreign == [], f"requests left the server's origin: {guard.foreign}"
    assert page_errors == [], f"uncaught errors in the page: {page_errors}"
