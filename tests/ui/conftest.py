"""A `lodestar up` (two code locations: a working repository and a broken one) and a
headless Chromium, shared by the browser tests of this session."""

from __future__ import annotations

import os
import shutil

import pytest
from api.lodestar_process import start_control_plane

from ui.browser import chromium, guarded_page, origin_of
from ui.helpers import INSTIGATED_REPO, PRESETS_REPO, REPOS

BROKEN_REPO = REPOS.parent.parent / "api" / "repos" / "broken_repo.py"
EXAMPLES = REPOS.parents[2] / "examples"


@pytest.fixture(scope="session")
def flaky_file(tmp_path_factory):
    """While this file is missing, the `failing` pipeline's first solid fails."""
    path = tmp_path_factory.mktemp("flaky") / "ready"
    os.environ["LODESTAR_UI_FLAKY_FILE"] = str(path)
    return path


@pytest.fixture(scope="session")
def lodestar_up(tmp_path_factory, flaky_file):
    home = tmp_path_factory.mktemp("ui_home")
    workspace = home / "workspace.yaml"
    workspace.write_text(
        "load_from:\n"
        f"  - python_file: {{path: {REPOS / 'ui_repo.py'}, location_name: ui}}\n"
        f"  - python_file: {{path: {BROKEN_REPO.resolve()}, location_name: broken}}\n"
    )
    server = start_control_plane(home, workspace=workspace)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def failing_days(tmp_path_factory):
    """The days (one a line) on which flaky_sales fails while they are listed."""
    path = tmp_path_factory.mktemp("failing") / "days"
    os.environ["LODESTAR_UI_FAILING_DAYS"] = str(path)
    return path


@pytest.fixture(scope="session")
def partitions_up(tmp_path_factory, failing_days):
    """`lodestar up` with the daily-partitioned and users_model examples (and flaky_sales),
    at most 4 runs at once so that a large backfill keeps runs queued."""
    home = tmp_path_factory.mktemp("partitions_home")
    (home / "lodestar.yaml").write_text(
        "run_queue:\n  max_concurrent_runs: 4\nbackfill_daemon:\n  interval_seconds: 0.5\n"
    )
    workspace = home / "workspace.yaml"
    workspace.write_text(
        "load_from:\n"
        f"  - python_file: {{path: {EXAMPLES / 'daily_sales.py'}, location_name: sales}}\n"
        f"  - python_file: {{path: {EXAMPLES / 'users_model.py'}, location_name: users}}\n"
        f"  - python_file: {{path: {REPOS / 'flaky_sales.py'}, location_name: flaky}}\n"
    )
    server = start_control_plane(home, workspace=workspace)
    yield server
    server.stop()


@pytest.fixture
def partitions_page(browser, partitions_up, request):
    """A page of the partitions session's control plane."""
    with guarded_page(browser, origin_of(partitions_up.url), request.node.name) as opened:
        yield opened


@pytest.fixture(scope="session")
def sensor_dir(tmp_path_factory):
    """The folder whose files the `new_files` sensor requests a run for (two files)."""
    folder = tmp_path_factory.mktemp("incoming")
    for name in ("a.csv", "b.csv"):
        (folder / name).write_text(name)
    return folder


@pytest.fixture(scope="session")
def instigators_up(tmp_path_factory, sensor_dir):
    """`lodestar up` with the schedules and sensors of tests/instigators/repos/instigated.py."""
    os.environ["LODESTAR_TEST_SENSOR_DIR"] = str(sensor_dir)
    os.environ["LODESTAR_TEST_ALERTS"] = str(tmp_path_factory.mktemp("alerts") / "alerts.txt")
    server = start_control_plane(tmp_path_factory.mktemp("instigators_home"), repo=INSTIGATED_REPO)
    yield server
    server.stop()


@pytest.fixture
def instigators_page(browser, instigators_up, request):
    """A page of the schedules-and-sensors session's control plane."""
    with guarded_page(browser, origin_of(instigators_up.url), request.node.name) as opened:
        yield opened


@pytest.fixture(scope="session")
def presets_up(tmp_path_factory):
    """`lodestar up` with the `greeting` pipeline and its presets `hello` and `only_say`."""
    server = start_control_plane(tmp_path_factory.mktemp("presets_home"), repo=PRESETS_REPO)
    yield server
    server.stop()


@pytest.fixture
def presets_page(browser, presets_up, request):
    """A page of the presets session's control plane."""
    with guarded_page(browser, origin_of(presets_up.url), request.node.name) as opened:
        yield opened


@pytest.fixture(scope="session")
def browser():
    if not shutil.which("chromium") and not os.path.exists("/usr/bin/chromium"):
        pytest.fail("the browser tests need Debian's chromium (apt-get install chromium)")
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser, lodestar_up, request):
    """A page of the session's control plane (see `guarded_page`)."""
    with guarded_page(browser, origin_of(lodestar_up.url), request.node.name) as opened:
        yield opened
