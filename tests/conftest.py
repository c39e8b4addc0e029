"""Fixtures shared by every test package."""

from __future__ import annotations

import pytest
from helpers.code_server import CodeServerProcess, start_code_server


@pytest.fixture
def code_server():
    """Starts real code server processes (`code_server("basic.py", "--workers", "2")`);
    each one is stopped when the test ends."""
    started: list[CodeServerProcess] = []

    def start(repo, *args, **kwargs) -> CodeServerProcess:
        started.append(start_code_server(repo, *args, **kwargs))
        return started[-1]

    yield start
    for server in started:
        server.stop()
