"""`lodestar asset ...` against a real control plane, and the lineage tree drawing."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from api.lodestar_process import start_control_plane

from cli.commands.assets import tree_lines

REPO = Path(__file__).resolve().parents[1] / "api" / "repos" / "api_assets_repo.py"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = start_control_plane(tmp_path_factory.mktemp("cli_assets_home"), repo=REPO)
    try:
        for _ in range(2):
            done = server.lodestar("run", "launch", "warehouse", "--wait")
            assert done.returncode == 0, done.stderr
        yield server
    finally:
        server.stop()


def node(depth: int, key: str) -> dict:
    return {
        "depth": depth,
        "key": {"key": key},
        "latestMaterialization": None,
        "via": ["DEFINITION"],
        "repeated": False,
        "truncated": False,
    }


def test_tree_lines_draw_siblings_and_nesting():
    nodes = [
        node(0, "root"),
        node(1, "a"),
        node(2, "a1"),
        node(2, "a2"),
        node(3, "a2x"),
        node(1, "b"),
        node(2, "b1"),
    ]
    assert [click.unstyle(line).split("  (")[0] for line in tree_lines(nodes)] == [
        "root",
        "├── a",
        "│   ├── a1",
        "│   └── a2",
        "│       └── a2x",
        "└── b",
        "    └── b1",
    ]


def test_list_as_text_and_json(server):
    listed = json.loads(server.lodestar("asset", "list", "--json").stdout)
    assert [a["key"]["key"] for a in listed] == [
        "clean/events",
        "raw/events",
        "reports/daily",
        "reports/weekly",
    ]
    text = server.lodestar("asset", "list", "--prefix", "raw/")
    assert text.returncode == 0, text.stderr
    header, row = text.stdout.splitlines()
    assert header.split()[:3] == ["ASSET", "MATERIALIZATIONS", "LAST"]
    assert row.split()[:2] == ["raw/events", "2"]
    assert row.split()[-1] == "warehouse.ingest"


def test_show_lists_materializations_newest_first(server):
    shown = server.lodestar("asset", "show", "reports/daily", "--limit", "1")
    assert shown.returncode == 0, shown.stderr
    assert "asset:            reports/daily" in shown.stdout
    assert "materializations: 2" in shown.stdout
    assert "total=6" in shown.stdout
    assert "more materializations: --cursor" in shown.stderr
    as_json = json.loads(server.lodestar("asset", "show", "reports/daily", "--json").stdout)
    runs = [m["runId"] for m in as_json["materializations"]["nodes"]]
    history = json.loads(server.lodestar("run", "list", "--json").stdout)  # newest first
    assert runs == [r["runId"] for r in history]


def test_lineage_tree_upstream_downstream_and_depth(server):
    upstream = server.lodestar("asset", "lineage", "reports/daily")
    assert upstream.returncode == 0, upstream.stderr
    lines = upstream.stdout.splitlines()
    assert [line.split("  (")[0] for line in lines] == [
        "reports/daily",
        "└── clean/events",
        "    └── raw/events",
    ]
    assert "recorded, not in the current definitions" in lines[1]
    downstream = server.lodestar("asset", "lineage", "raw/events", "--downstream")
    assert [line.split("  (")[0] for line in downstream.stdout.splitlines()] == [
        "raw/events",
        "└── clean/events",
        "    ├── reports/daily",
        "    └── reports/weekly",
    ]
    shallow = server.lodestar("asset", "lineage", "raw/events", "--downstream", "--depth", "1")
    assert shallow.stdout.splitlines()[-1].endswith("more beyond --depth)")
    tree = json.loads(server.lodestar("asset", "lineage", "raw/events", "--json").stdout)
    assert tree["direction"] == "UPSTREAM"
    assert [n["key"]["key"] for n in tree["nodes"]] == ["raw/events"]


def test_wipe_asks_for_confirmation_unless_yes(server):
    refused = server.lodestar("asset", "wipe", "reports/weekly")  # stdin is not a terminal
    assert refused.returncode == 1
    assert "pass --yes" in refused.stderr
    still = json.loads(server.lodestar("asset", "show", "reports/weekly", "--json").stdout)
    assert still["materializationCount"] == 2
    wiped = server.lodestar("asset", "wipe", "reports/weekly", "--yes")
    assert wiped.returncode == 0, wiped.stderr
    assert wiped.stdout == "wiped 2 materializations of reports/weekly\n"
    after = json.loads(server.lodestar("asset", "show", "reports/weekly", "--json").stdout)
    assert after["materializationCount"] == 0


def test_unknown_asset_is_a_clear_error(server):
    for args in (("show", "no/such"), ("lineage", "no/such"), ("wipe", "no/such", "--yes")):
        result = server.lodestar("asset", *args)
        assert result.returncode == 1
        assert "error: asset 'no/such' is neither defined" in result.stderr
        assert "Traceback" not in result.stderr
    invalid = server.lodestar("asset", "show", "a//b")
    assert invalid.returncode == 1
    assert "invalid asset key 'a//b'" in invalid.stderr
