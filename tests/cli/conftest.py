"""A `lodestar up` process shared by the CLI tests of this session."""

from __future__ import annotations

import pytest
from api.lodestar_process import start_control_plane


@pytest.fixture(scope="session")
def lodestar_up(tmp_path_factory):
    server = start_control_plane(tmp_path_factory.mktemp("cli_home"))
    yield server
    server.stop()
