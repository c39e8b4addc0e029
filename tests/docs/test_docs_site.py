"""The documentation site builds with --strict, its references are generated from the code,
and search works with the site opened from disk and no network."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from ui.browser import CHROMIUM, OriginGuard, chromium

from cli.main import cli

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    site_dir = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return site_dir


def _text(page: Path) -> str:
    return re.sub(r"<[^>]+>", "", page.read_text())


def test_the_cli_reference_has_every_command(site):
    text = _text(site / "reference" / "cli.html")
    for group in cli.commands.values():
        for sub in getattr(group, "commands", {}):
            assert f"lodestar {group.name} {sub}" in text
        assert f"Usage: lodestar {group.name}" in text


def test_the_graphql_reference_has_every_root_field(site):
    schema = (ROOT / "schema.graphql").read_text()
    text = _text(site / "reference" / "graphql.html")
    for root in ("Query", "Mutation"):
        body = re.search(rf"^type {root} \{{(.*?)^\}}", schema, re.MULTILINE | re.DOTALL)
        for field in re.findall(r"^  (\w+)", body.group(1), re.MULTILINE):
            assert f"{field}" in text, f"{root}.{field}"


def test_search_works_offline_from_disk(site):
    if not Path(CHROMIUM).exists():
        pytest.fail("the browser tests need Debian's chromium (apt-get install chromium)")
    with chromium() as browser:
        context = browser.new_context()
        guard = OriginGuard("file://")  # anything but the files of the site is refused
        context.route("**/*", guard)
        page = context.new_page()
        page.goto((site / "concepts" / "dynamic.html").as_uri())
        page.keyboard.press("/")
        page.keyboard.type("backfill")
        page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
        assert "Partitions and backfills" in page.locator(".md-search-result").inner_text()
        assert guard.foreign == []
        context.close()
