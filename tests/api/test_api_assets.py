"""The asset catalog over GraphQL, through a real `lodestar up`: assets, paged
materializations, lineage trees and wiping."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.backfill_processes import launched, wait_for_backfill
from api.lodestar_process import start_control_plane, wait_for_run

REPO = Path(__file__).resolve().parent / "repos" / "api_assets_repo.py"

ASSETS = """
query($prefix: String) {
  assets(prefix: $prefix) {
    __typename
    ... on AssetConnection {
      nodes {
        key { key path } materializationCount
        latestMaterialization { runId stepKey }
        definedBy { location pipeline solid output }
      }
    }
  }
}
"""

MATERIALIZATIONS = """
query($key: String!, $limit: Int!, $cursor: String, $partition: String) {
  asset(key: $key) {
    __typename
    ... on Error { message }
    ... on Asset {
      materializationCount wipedAt
      materializations(limit: $limit, cursor: $cursor, partition: $partition) {
        __typename
        ... on InvalidArgumentError { argument }
        ... on AssetMaterializationConnection {
          cursor hasMore
          nodes { cursor runId stepKey partition outputName description metadata parents { key } }
        }
      }
    }
  }
}
"""

LINEAGE = """
query($key: String!, $direction: LineageDirection!, $depth: Int) {
  asset(key: $key) {
    __typename
    ... on Asset {
      lineage(direction: $direction, depth: $depth) {
        __typename
        ... on InvalidArgumentError { argument }
        ... on AssetLineage {
          direction depth nodes { key { key } above { key } depth via repeated truncated }
        }
      }
    }
  }
}
"""

LAUNCH = """mutation { launchRun(pipeline: "warehouse") {
    __typename ... on LaunchRunSuccess { run { runId } } } }"""

WIPE = """mutation($key: String!) { wipeAsset(key: $key) {
    __typename ... on Error { message } ... on AssetNotFoundError { key { key } }
    ... on InvalidArgumentError { argument }
    ... on WipeAssetSuccess { key { key } wiped } } }"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = start_control_plane(tmp_path_factory.mktemp("assets_home"), repo=REPO)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def run_ids(server):
    """Two runs of the pipeline, oldest first."""
    ids = []
    for _ in range(2):
        run_id = server.data(LAUNCH)["launchRun"]["run"]["runId"]
        assert wait_for_run(server, run_id)["status"] == "SUCCESS"
        ids.append(run_id)
    return ids


def lineage(server, key: str, direction: str = "UPSTREAM", depth: int | None = None) -> list:
    variables = {"key": key, "direction": direction, "depth": depth}
    tree = server.data(LINEAGE, variables)["asset"]["lineage"]
    assert tree["__typename"] == "AssetLineage", tree
    return [
        (n["depth"], n["key"]["key"], n["above"] and n["above"]["key"], n["via"], n["truncated"])
        for n in tree["nodes"]
    ]


def test_defined_assets_are_listed_before_any_run(server):
    nodes = server.data(ASSETS)["assets"]["nodes"]
    assert [n["key"]["key"] for n in nodes] == ["clean/events", "raw/events", "reports/weekly"]
    raw = nodes[1]
    assert raw["key"]["path"] == ["raw", "events"]
    assert raw["materializationCount"] == 0
    assert raw["latestMaterialization"] is None
    assert raw["definedBy"] == [
        {
            "location": "api_assets_repo",
            "pipeline": "warehouse",
            "solid": "ingest",
            "output": "result",
        }
    ]


def test_runs_materialize_assets_listed_in_key_order_and_by_prefix(server, run_ids):
    nodes = server.data(ASSETS)["assets"]["nodes"]
    assert [n["key"]["key"] for n in nodes] == [
        "clean/events",
        "raw/events",
        "reports/daily",
        "reports/weekly",
    ]
    assert all(n["materializationCount"] == 2 for n in nodes)
    assert all(n["latestMaterialization"]["runId"] == run_ids[-1] for n in nodes)
    reports = server.data(ASSETS, {"prefix": "reports/"})["assets"]["nodes"]
    assert [n["key"]["key"] for n in reports] == ["reports/daily", "reports/weekly"]
    daily = reports[0]
    assert daily["definedBy"] == []  # yielded at run time, not an output's key


def test_materializations_page_newest_first(server, run_ids):
    variables = {"key": "reports/daily", "limit": 1}
    first = server.data(MATERIALIZATIONS, variables)["asset"]["materializations"]
    assert first["hasMore"] is True
    (newest,) = first["nodes"]
    assert newest["runId"] == run_ids[1]
    assert newest["stepKey"] == "daily_report"
    assert newest["outputName"] is None
    assert newest["description"] == "the daily report"
    assert newest["metadata"] == {"total": 6}
    assert newest["parents"] == [{"key": "clean/events"}]  # looked through `summarize`
    rest = server.data(MATERIALIZATIONS, {**variables, "cursor": first["cursor"]})
    rest = rest["asset"]["materializations"]
    assert [m["runId"] for m in rest["nodes"]] == [run_ids[0]]
    assert rest["hasMore"] is False
    bad = server.data(MATERIALIZATIONS, {**variables, "cursor": "x"})["asset"]["materializations"]
    assert bad == {"__typename": "InvalidArgumentError", "argument": "cursor"}


def test_lineage_upstream_and_downstream_with_depth(server, run_ids):
    assert lineage(server, "reports/daily") == [
        (0, "reports/daily", None, [], False),
        (1, "clean/events", "reports/daily", ["MATERIALIZATION"], False),
        (2, "raw/events", "clean/events", ["DEFINITION", "MATERIALIZATION"], False),
    ]
    assert lineage(server, "reports/daily", depth=1)[-1] == (
        1,
        "clean/events",
        "reports/daily",
        ["MATERIALIZATION"],
        True,
    )
    downstream = lineage(server, "raw/events", "DOWNSTREAM")
    assert [(d, k, above) for d, k, above, *_ in downstream] == [
        (0, "raw/events", None),
        (1, "clean/events", "raw/events"),
        (2, "reports/daily", "clean/events"),
        (2, "reports/weekly", "clean/events"),
    ]
    negative = server.data(LINEAGE, {"key": "raw/events", "direction": "UPSTREAM", "depth": -1})
    assert negative["asset"]["lineage"] == {
        "__typename": "InvalidArgumentError",
        "argument": "depth",
    }


def test_materializations_of_one_partition(server):
    backfill_id = launched(server, "warehouse_days", all=True)["backfillId"]
    assert wait_for_backfill(server, backfill_id)["progress"]["succeeded"] == 2
    variables = {"key": "reports/daily", "limit": 100, "partition": "d2"}
    page = server.data(MATERIALIZATIONS, variables)["asset"]["materializations"]
    assert [m["partition"] for m in page["nodes"]] == ["d2"]


def test_wipe_removes_the_history_and_keeps_the_asset(server, run_ids):
    wiped = server.data(WIPE, {"key": "reports/weekly"})["wipeAsset"]
    assert wiped["__typename"] == "WipeAssetSuccess", wiped
    assert wiped["key"] == {"key": "reports/weekly"}
    assert wiped["wiped"] >= 2
    after = server.data(MATERIALIZATIONS, {"key": "reports/weekly", "limit": 10})["asset"]
    assert after["materializationCount"] == 0
    assert after["wipedAt"] is not None
    assert after["materializations"]["nodes"] == []
    assert (
        server.data(MATERIALIZATIONS, {"key": "raw/events", "limit": 10})["asset"][
            "materializationCount"
        ]
        >= 2
    )


def test_unknown_and_invalid_keys_are_typed_errors(server):
    data = server.data(
        """{ missing: asset(key: "no/such") {
               __typename ... on AssetNotFoundError { key { path } } }
             invalid: asset(key: "a//b") {
               __typename ... on InvalidArgumentError { argument } } }"""
    )
    assert data["missing"] == {"__typename": "AssetNotFoundError", "key": {"path": ["no", "such"]}}
    assert data["invalid"] == {"__typename": "InvalidArgumentError", "argument": "key"}
    missing = server.data(WIPE, {"key": "no/such"})["wipeAsset"]
    assert missing["__typename"] == "AssetNotFoundError"
    assert "no/such" in missing["message"]
