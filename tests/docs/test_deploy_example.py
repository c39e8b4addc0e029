"""The example deployment (examples/deploy, the guide's) is valid, though it cannot run here:
its Compose file passes the Compose Specification's JSON schema (vendored by
check-jsonschema, so no network is needed) and names only services, volumes and files that
exist; every Lodestar container shares the IO location at the path lodestar.yaml names;
lodestar.yaml and workspace.yaml pass Lodestar's parsers; the commands exist in the CLI."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from control_plane.instance import load_config
from control_plane.workspace import PythonFileOrigin, load_workspace

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "examples" / "deploy"
COMPOSE = DEPLOY / "docker-compose.yaml"
LODESTAR = Path(sys.executable).parent / "lodestar"
COMPOSE_DOC = yaml.safe_load(COMPOSE.read_text())  # PyYAML resolves `<<` merges as Compose does
SERVICES = COMPOSE_DOC["services"]
LODESTAR_SERVICES = {
    name: service
    for name, service in SERVICES.items()
    if service.get("command", [None])[0] == "lodestar"
}
WORKERS = {
    name: service["command"]
    for name, service in LODESTAR_SERVICES.items()
    if service["command"][1:3] == ["worker", "start"]
}
CONTROL_PLANES = {
    name: service["command"]
    for name, service in LODESTAR_SERVICES.items()
    if service["command"][1] == "up"
}


def _validate(compose_file: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.compose-spec"]
        + [str(compose_file)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def _option(command: list[str], option: str) -> str:
    return command[command.index(option) + 1]


def test_the_compose_file_follows_the_compose_specification(tmp_path):
    done = _validate(COMPOSE)
    assert done.returncode == 0, done.stdout + done.stderr
    # The validator refuses what Compose refuses (here a misspelled key).
    wrong = tmp_path / "docker-compose.yaml"
    wrong.write_text(COMPOSE.read_text().replace("    ports:", "    port:", 1))
    assert "'port' was unexpected" in _validate(wrong).stdout


def test_the_compose_file_names_only_what_exists():
    for name, service in SERVICES.items():
        for dependency in service.get("depends_on", {}):
            assert dependency in SERVICES, f"{name}: depends_on {dependency}"
        for mount in service.get("volumes", []):
            source = mount.split(":")[0]
            if source.startswith("."):
                assert (DEPLOY / source).is_file(), f"{name}: no file {source}"
            else:
                assert source in COMPOSE_DOC["volumes"], f"{name}: volume {source} not declared"
        if "build" in service:
            build = service["build"]
            assert (DEPLOY / build["context"] / build["dockerfile"]).is_file(), name


def test_two_control_planes_and_two_workers_share_the_broker_and_the_io_location(
    tmp_path, monkeypatch
):
    environment = SERVICES["control-plane-a"]["environment"]
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    (tmp_path / "lodestar.yaml").write_text((DEPLOY / "lodestar.yaml").read_text())
    config = load_config(tmp_path)  # the real parser
    base_dir, celery = str(config.io_manager.base_dir), config.celery
    assert celery is not None and celery.broker == environment["LODESTAR_CELERY_BROKER"]

    assert len(CONTROL_PLANES) == 2 and len(WORKERS) == 2
    for name, service in LODESTAR_SERVICES.items():
        assert f"lodestar-io:{base_dir}" in service["volumes"], name
        assert service["environment"]["LODESTAR_CELERY_BROKER"] == celery.broker, name
    for name, command in WORKERS.items():
        assert _option(command, "--io-base-dir") == base_dir, name
        assert _option(command, "--queue") == celery.default_queue, name
        assert "LODESTAR_DB_PASSWORD" not in SERVICES[name]["environment"]  # no storage access


def test_the_image_holds_the_repository_and_the_instance_directory():
    """The commands' relative paths resolve in the repository's copy, and lodestar.yaml is
    mounted in the image's $LODESTAR_HOME."""
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert "\nCOPY . /app\n" in dockerfile and "\nWORKDIR /app\n" in dockerfile
    home = re.search(r"^ENV LODESTAR_HOME=(\S+)$", dockerfile, re.MULTILINE).group(1)
    for name in CONTROL_PLANES:
        assert f"./lodestar.yaml:{home}/lodestar.yaml:ro" in SERVICES[name]["volumes"], name


def test_the_workers_load_the_workspaces_code():
    (origin,) = load_workspace(str(DEPLOY / "workspace.yaml")).origins  # the real parser
    assert isinstance(origin, PythonFileOrigin)
    code = Path(origin.path).resolve()
    assert code == ROOT / "examples" / "file_sizes.py"
    for name, command in WORKERS.items():  # relative to /app, the repository's copy
        assert ROOT / _option(command, "-f") == code, name
    for name, command in CONTROL_PLANES.items():
        assert (ROOT / _option(command, "-w")).resolve() == DEPLOY / "workspace.yaml", name


@pytest.mark.parametrize("service", sorted(LODESTAR_SERVICES))
def test_the_commands_exist_in_the_cli(service):
    command = LODESTAR_SERVICES[service]["command"]
    # --help after the arguments: click still refuses an unknown command or option.
    done = subprocess.run(
        [str(LODESTAR), *command[1:], "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
