"""The instance's `server:` section, and its files readable by their owner only."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers.waiting import wait_until

from control_plane.errors import InstanceConfigError
from control_plane.instance import Instance, ServerConfig

LODESTAR = str(Path(sys.executable).parent / "lodestar")
REPO_FILE = Path(__file__).resolve().parents[1] / "api" / "repos" / "api_repo.py"


def instance_with(home: Path, config: dict | str) -> Instance:
    home.mkdir(exist_ok=True)
    text = config if isinstance(config, str) else yaml.safe_dump(config)
    (home / "lodestar.yaml").write_text(text)
    return Instance.from_env(str(home))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_server_section_defaults_to_loopback_only_and_no_token(tmp_path):
    assert Instance.from_env(str(tmp_path)).config.server == ServerConfig((), None)


def test_allowed_hosts_and_a_token_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("TEST_API_TOKEN", "from-env")
    text = (
        "server:\n"
        "  allowed_hosts: [&host Lodestar.Example, *host, {env: TEST_API_TOKEN}]\n"
        "  auth_token: {env: TEST_API_TOKEN}\n"
    )

    server = instance_with(tmp_path, text).config.server

    assert server.allowed_hosts == ("lodestar.example", "lodestar.example", "from-env")
    assert server.auth_token == "from-env"


@pytest.mark.parametrize(
    ("server", "key_path", "problem"),
    [
        ({"allowed_host": []}, "server", "unknown key 'allowed_host'"),
        ({"allowed_hosts": "a.example"}, "server.allowed_hosts", "expected a list"),
        ({"allowed_hosts": ["a", ""]}, "server.allowed_hosts[1]", "non-empty string"),
        ({"auth_token": ""}, "server.auth_token", "non-empty string"),
        ({"auth_token": {"env": "NOT_SET_X"}}, "server.auth_token", "NOT_SET_X is not set"),
    ],
)
def test_a_bad_server_section_names_the_key(tmp_path, monkeypatch, server, key_path, problem):
    monkeypatch.delenv("NOT_SET_X", raising=False)

    with pytest.raises(InstanceConfigError) as raised:
        instance_with(tmp_path, {"server": server})

    assert raised.value.key_path == key_path
    assert problem in raised.value.problem


def run_lodestar(*args: str, home: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [LODESTAR, *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "LODESTAR_HOME": str(home)},
    )


def test_a_new_instance_keeps_its_directory_and_database_private(tmp_path):
    home = tmp_path / "nested" / "home"
    old_umask = os.umask(0o022)
    try:
        migrated = run_lodestar("instance", "migrate", home=home)
    finally:
        os.umask(old_umask)

    assert migrated.returncode == 0, migrated.stderr
    assert mode(home) == 0o700
    assert mode(home.parent) == 0o700
    assert mode(home / "lodestar.db") == 0o600


def test_a_database_left_readable_by_others_is_made_private(tmp_path):
    home = tmp_path / "home"
    assert run_lodestar("instance", "migrate", home=home).returncode == 0
    (home / "lodestar.db").chmod(0o644)

    info = run_lodestar("instance", "info", "--json", home=home)
    migrated = run_lodestar("instance", "migrate", home=home)

    assert info.returncode == 0 and migrated.returncode == 0, migrated.stderr
    assert mode(home / "lodestar.db") == 0o600


def test_the_io_base_dir_the_instance_creates_is_private(tmp_path):
    instance = instance_with(tmp_path / "home", {"io_manager": {"base_dir": "outputs/io"}})

    base_dir = Path(instance.io_base_dir)

    assert base_dir == tmp_path / "home" / "outputs" / "io"
    assert mode(base_dir) == 0o700 and mode(base_dir.parent) == 0o700


def test_a_serving_instance_keeps_its_wal_and_shm_files_private(tmp_path):
    home = tmp_path / "home"
    up = subprocess.Popen(
        [LODESTAR, "up", "-f", str(REPO_FILE), "--host", "127.0.0.1", "--port", "0"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "LODESTAR_HOME": str(home)},
    )
    try:
        files = [home / "lodestar.db", home / "lodestar.db-wal", home / "lodestar.db-shm"]
        wait_until(lambda: all(f.exists() for f in files), what="the database and its WAL")

        assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
        assert mode(home) == 0o700
    finally:
        up.terminate()
        try:
            up.wait(30)
        except subprocess.TimeoutExpired:
            up.kill()
            up.wait()
