"""IO managers, hooks, inputs from config and config types through `lodestar execute`: a real
code server whose worker processes run the steps."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from api.lodestar_process import run_cli

REPO = Path(__file__).resolve().parent / "repos" / "sdk_features_repo.py"


@pytest.fixture
def home(tmp_path):
    return {"LODESTAR_HOME": str(tmp_path / "home")}


def execute(
    home: dict, pipeline: str, tmp_path: Path, config: str | None = None, env: dict | None = None
):
    args = ["execute", "-f", str(REPO), pipeline]
    if config is not None:
        path = tmp_path / "config.yaml"
        path.write_text(config)
        args += ["-c", str(path)]
    return run_cli(*args, env={**home, **(env or {})})


def test_a_user_io_manager_carries_outputs_between_worker_processes(home, tmp_path):
    store = tmp_path / "json"
    store.mkdir()
    done = execute(
        home, "json_io", tmp_path, f"resources: {{json: {{config: {{directory: {store}}}}}}}\n"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    written = {p.name.split("-")[-2]: json.loads(p.read_text()) for p in store.iterdir()}
    assert written["produce"]["value"] == 20 and written["consume"]["value"] == 21


def test_mem_io_manager_in_a_code_server_run_is_refused_naming_the_output(home, tmp_path):
    done = execute(home, "in_memory", tmp_path)
    assert done.returncode != 0
    assert "output 'result' of solid 'in_memory_value' uses mem_io_manager" in done.stderr
    assert "Traceback" not in done.stderr


def test_hooks_run_in_the_worker_and_a_failing_hook_is_logged_without_failing_the_step(
    home, tmp_path
):
    done = execute(home, "hooked", tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "hook saw greet succeed in run" in done.stdout
    assert "success hook 'explode' of step 'greet' failed: RuntimeError: the hook broke" in (
        done.stdout
    )


def test_an_unconnected_input_takes_its_value_from_run_config(home, tmp_path):
    done = execute(home, "from_config", tmp_path, "solids: {scale: {inputs: {number: 21}}}\n")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "INFO scaled to 42" in done.stdout
    missing = execute(home, "from_config", tmp_path)
    assert missing.returncode != 0
    assert "solids.scale.inputs.number: missing required input (int)" in missing.stderr
    assert "Traceback" not in missing.stderr


TYPED = (
    "solids: {typed_config: {config: {level: high, token: {env: SDK_TOKEN}, target: {path: p}}}}\n"
)


def test_config_types_resolve_in_the_code_server_with_its_environment(home, tmp_path):
    done = execute(home, "typed", tmp_path, TYPED, env={"SDK_TOKEN": "s3cret"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "level=10 token=s3cret target={'path': 'p'}" in done.stdout
    unset = execute(home, "typed", tmp_path, TYPED.replace("level: high", "level: mid"))
    assert unset.returncode != 0
    assert "solids.typed_config.config.level: expected one of Level (low, high), got 'mid'" in (
        unset.stderr
    )
    assert "solids.typed_config.config.token: environment variable 'SDK_TOKEN' is not set" in (
        unset.stderr
    )


def test_the_snapshot_carries_schema_documents_of_the_config_types(code_server):
    snapshot = code_server(str(REPO), "--workers", "1").client().repository_snapshot()
    [solid] = snapshot.pipeline("typed").solids
    properties = solid.config_schema["properties"]
    assert properties["level"] == {"type": "string", "enum": ["low", "high"]}
    assert properties["token"]["anyOf"][0] == {"type": "string"}
    assert properties["target"]["maxProperties"] == 1


def test_a_user_type_is_checked_in_the_worker(home, tmp_path):
    done = execute(home, "user_type", tmp_path)
    assert done.returncode == 1
    assert "Type check failed for output 'result' of solid 'odd': expected Even, got int" in (
        done.stdout
    )


def test_a_composite_runs_as_its_flattened_solids_with_mapped_config(home, tmp_path):
    config = "solids: {scaled: {config: {factor: 5}}}\n"
    done = execute(home, "composed", tmp_path, config)
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"scaled__multiply\s+STEP_LOG\s+INFO 20 \* 5 = 100", done.stdout)
    bad = execute(home, "composed", tmp_path, config.replace("factor: 5", "factor: five"))
    assert bad.returncode != 0
    assert "solids.scaled.config.factor: expected int, got str 'five'" in bad.stderr
