"""Shared benchmark plumbing: a temporary instance with a control plane and a code server."""

from __future__ import annotations

import contextlib
import os
import resource
import statistics
import tempfile
from collections.abc import Iterator

import sqlalchemy as sa

from control_plane.instance import Instance
from control_plane.service import ControlPlane
from control_plane.workspace import Workspace

REPOS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "repos")


@contextlib.contextmanager
def control_plane_for(
    repo_file: str,
    env: dict[str, str],
    database: tuple[str, sa.URL] | None = None,
    run_daemon: bool = True,
    config: str = "",
) -> Iterator[ControlPlane]:
    """A started control plane on a fresh instance serving `repo_file`: on SQLite, or on
    `database`, a (backend, URL) pair such as ("postgres", url) of an empty database;
    `config` is more of its lodestar.yaml."""
    os.environ.update(env)
    with tempfile.TemporaryDirectory(prefix="lodestar-bench-") as home:
        if database:
            backend, url = database
            url_text = url.render_as_string(hide_password=False)
            config += f"storage:\n  {backend}:\n    url: {url_text}\n"
        with open(os.path.join(home, "lodestar.yaml"), "w") as f:
            f.write(config)
        instance = Instance.from_env(home)
        workspace = Workspace.from_python_file(os.path.join(REPOS, repo_file))
        plane = ControlPlane(instance, workspace, run_daemon=run_daemon)
        plane.start()
        plane.locations.wait_until_loaded()
        try:
            yield plane
        finally:
            plane.stop()
            instance.storage.dispose()


def median(values: list[float]) -> float:
    return statistics.median(values)


def peak_rss_mb() -> float:
    """Peak resident memory of this process (the control plane), in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU time (user and system) this process (the control plane) has used so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
