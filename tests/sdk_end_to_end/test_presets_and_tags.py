"""Presets and pipeline tags through `lodestar up`, its code server, GraphQL and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from api.lodestar_process import start_control_plane, wait_for_run

from user_code_server.protocol import PresetSnapshot

REPO = Path(__file__).resolve().parent / "repos" / "presets_repo.py"

RUN_QUERY = """
query Run($runId: String!) {
  run(runId: $runId) { ... on Run { mode status tags { key value } stepStats { stepKey } } }
}
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    up = start_control_plane(tmp_path_factory.mktemp("presets_home"), repo=REPO)
    yield up
    up.stop()


def launched(server, *args: str) -> str:
    done = server.lodestar("run", "launch", "greeting", *args, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["runId"]


def run_of(server, run_id: str) -> dict:
    return server.graphql(RUN_QUERY, {"runId": run_id})["data"]["run"]


def test_the_snapshot_carries_presets_and_tags_over_grpc(code_server):
    snapshot = code_server(str(REPO), "--workers", "1").client().repository_snapshot()
    greeting = snapshot.pipeline("greeting")
    assert greeting.tags == {"team": "data", "owner": "pipeline"}
    assert greeting.presets == [
        PresetSnapshot("hello", {"solids": {"say": {"config": {"word": "hello"}}}}, "test"),
        PresetSnapshot(
            "only_say",
            {"solids": {"say": {"config": {"word": "hi"}}}},
            "default",
            ["say"],
            {"owner": "preset"},
        ),
    ]


def test_a_preset_gives_config_mode_and_selection_and_tags_merge_in_order(server):
    run_id = launched(server, "--preset", "hello", "--tag", "owner=cli")
    wait_for_run(server, run_id)
    run = run_of(server, run_id)
    assert run["status"] == "SUCCESS" and run["mode"] == "test"
    tags = {t["key"]: t["value"] for t in run["tags"]}
    assert tags["team"] == "data" and tags["owner"] == "cli"

    only = launched(server, "--preset", "only_say")
    wait_for_run(server, only)
    run = run_of(server, only)
    assert run["status"] == "SUCCESS"
    assert [s["stepKey"] for s in run["stepStats"]] == ["say"]
    assert {t["key"]: t["value"] for t in run["tags"]}["owner"] == "preset"


def test_an_unknown_preset_or_a_preset_with_config_is_refused_in_one_line(server, tmp_path):
    done = server.lodestar("run", "launch", "greeting", "--preset", "nope")
    assert done.returncode != 0
    assert "pipeline 'greeting' has no preset 'nope' (presets: hello, only_say)" in done.stderr
    assert "Traceback" not in done.stderr
    config = tmp_path / "c.yaml"
    config.write_text("solids: {say: {config: {word: x}}}\n")
    done = server.lodestar("run", "launch", "greeting", "--preset", "hello", "-c", str(config))
    assert done.returncode != 0 and "give no others" in done.stderr


def test_graphql_lists_a_pipelines_presets(server):
    query = """{ pipeline(name: "greeting") { ... on Pipeline {
        presets { name mode runConfig solidSelection tags { key value } } } } }"""
    presets = server.data(query)["pipeline"]["presets"]
    assert presets == [
        {
            "name": "hello",
            "mode": "test",
            "runConfig": {"solids": {"say": {"config": {"word": "hello"}}}},
            "solidSelection": None,
            "tags": [],
        },
        {
            "name": "only_say",
            "mode": "default",
            "runConfig": {"solids": {"say": {"config": {"word": "hi"}}}},
            "solidSelection": ["say"],
            "tags": [{"key": "owner", "value": "preset"}],
        },
    ]
