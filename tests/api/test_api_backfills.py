"""Partition sets and backfills over GraphQL, through a real `lodestar up` (and a real
`lodestar daemon run` beside `lodestar up --no-daemon`)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from helpers.waiting import wait_until

from api.backfill_processes import (
    LETTERS,
    REPO,
    backfill,
    launch_backfill,
    launched,
    partition_runs,
    start_daemon,
    wait_for_backfill,
    write_instance_config,
)
from api.lodestar_process import start_control_plane
from control_plane.backfills.daemon import DAEMON_TYPE as BACKFILL_DAEMON
from control_plane.instance import Instance

PARTITION_SET = """
query($name: String!, $limit: Int!, $cursor: String) {
  partitionSet(name: $name) {
    __typename
    ... on PartitionSetNotFoundError { partitionSet message }
    ... on PartitionSet {
      name location pipelineName mode description
      partitions(limit: $limit, cursor: $cursor) {
        __typename
        ... on InvalidArgumentError { argument message }
        ... on PartitionConnection { names cursor hasMore count }
      }
    }
  }
}
"""

MATRIX = """
query($set: String!) {
  statusMatrix(partitionSet: $set) {
    __typename
    ... on Error { message }
    ... on StatusMatrix { partitionSet solids rows { partition statuses } }
  }
}
"""

RUNS = """
query($filter: RunsFilter) {
  runs(filter: $filter, limit: 100) {
    __typename ... on RunConnection { count nodes { runId status tags { key value } } }
  }
}
"""

CANCEL = """
mutation($id: String!, $terminate: Boolean!) {
  cancelBackfill(backfillId: $id, terminate: $terminate) {
    __typename
    ... on Error { message }
    ... on BackfillNotFoundError { backfillId }
    ... on CancelBackfillSuccess { backfill { backfillId status } }
  }
}
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    home = tmp_path_factory.mktemp("backfills_home")
    write_instance_config(home)
    server = start_control_plane(home, repo=REPO)
    yield server
    server.stop()


def matrix_rows(server, partition_set: str) -> dict[str, list[str]]:
    matrix = server.data(MATRIX, {"set": partition_set})["statusMatrix"]
    assert matrix["__typename"] == "StatusMatrix", matrix
    return {row["partition"]: row["statuses"] for row in matrix["rows"]}


def test_partition_sets_are_listed_with_their_pipelines(server):
    data = server.data(
        """{ partitionSets { __typename ... on PartitionSetConnection {
              nodes { name location pipelineName mode solidSelection description } } } }"""
    )
    nodes = {n["name"]: n for n in data["partitionSets"]["nodes"]}
    assert set(nodes) == {"letters", "days"}
    assert nodes["days"] == {
        "name": "days",
        "location": "api_partitions_repo",
        "pipelineName": "by_partition",
        "mode": "default",
        "solidSelection": None,
        "description": "The first ten days of 2026.",
    }


def test_partition_names_page_by_cursor(server):
    names, cursor = [], None
    while True:
        page = server.data(PARTITION_SET, {"name": "days", "limit": 4, "cursor": cursor})
        partitions = page["partitionSet"]["partitions"]
        assert partitions["count"] == 10
        assert len(partitions["names"]) <= 4
        names += partitions["names"]
        cursor = partitions["cursor"]
        if not partitions["hasMore"]:
            break
    assert names == [f"2026-01-{day:02d}" for day in range(1, 11)]
    unknown = server.data(PARTITION_SET, {"name": "days", "limit": 4, "cursor": "1999-01-01"})
    assert unknown["partitionSet"]["partitions"]["__typename"] == "InvalidArgumentError"
    assert unknown["partitionSet"]["partitions"]["argument"] == "cursor"


def test_a_backfill_runs_one_tagged_run_per_partition_and_counts_progress(server):
    launched_backfill = launched(server, "letters", ["c", "a", "b"], tags={"team": "api"})
    assert launched_backfill["partitionNames"] == ["a", "b", "c"]  # in the set's order
    assert launched_backfill["status"] == "REQUESTED"
    assert launched_backfill["progress"]["requested"] == 3
    backfill_id = launched_backfill["backfillId"]
    done = wait_for_backfill(server, backfill_id)
    assert done["status"] == "COMPLETED"
    assert done["progress"] == {
        "requested": 3,
        "submitted": 3,
        "skipped": 0,
        "queued": 0,
        "inProgress": 0,
        "succeeded": 3,
        "failed": 0,
        "canceled": 0,
        "done": 3,
        "finished": True,
    }
    runs = server.data(RUNS, {"filter": {"backfillId": backfill_id}})["runs"]
    assert runs["count"] == 3
    for run in runs["nodes"]:
        tags = {t["key"]: t["value"] for t in run["tags"]}
        assert run["status"] == "SUCCESS"
        assert tags["lodestar/backfill"] == backfill_id
        assert tags["lodestar/partition_set"] == "letters"
        assert tags["letter"] == tags["lodestar/partition"]  # the set's tags function
        assert tags["team"] == "api"
    one = server.data(RUNS, {"filter": {"partitionSet": "letters", "partition": "b"}})["runs"]
    assert [r["runId"] for r in one["nodes"]] == [
        r["runId"]
        for r in runs["nodes"]
        if {"key": "lodestar/partition", "value": "b"} in r["tags"]
    ]


def test_status_matrix_shows_each_solids_latest_status(server):
    backfill_id = launched(server, "letters", ["d", "bad"])["backfillId"]
    done = wait_for_backfill(server, backfill_id)
    assert (done["progress"]["succeeded"], done["progress"]["failed"]) == (1, 1)
    matrix = server.data(MATRIX, {"set": "letters"})["statusMatrix"]
    assert matrix["solids"] == ["extract", "transform", "load"]
    assert [row["partition"] for row in matrix["rows"]] == LETTERS
    rows = matrix_rows(server, "letters")
    assert rows["d"] == ["SUCCESS", "SUCCESS", "SUCCESS"]
    assert rows["bad"] == ["SUCCESS", "FAILURE", "SKIPPED"]
    assert rows["h"] == ["MISSING", "MISSING", "MISSING"]
    nested = server.data(
        """{ partitionSet(name: "letters") { ... on PartitionSet {
              statusMatrix { ... on StatusMatrix { rows { partition statuses } } } } } }"""
    )
    assert nested["partitionSet"]["statusMatrix"]["rows"] == matrix["rows"]


def test_partition_runs_are_newest_first_and_never_overwritten(server):
    first = launched(server, "letters", ["e"])["backfillId"]
    wait_for_backfill(server, first)
    second = launched(server, "letters", ["e"])["backfillId"]
    wait_for_backfill(server, second)
    runs = partition_runs(server, "letters", "e")
    assert [r["tags"]["lodestar/backfill"] for r in runs] == [second, first]
    assert runs[0]["createdAt"] > runs[1]["createdAt"]
    assert all(r["status"] == "SUCCESS" for r in runs)
    nested = server.data(
        """{ partitionSet(name: "letters") { ... on PartitionSet {
              partitionRuns(partition: "e") { ... on RunConnection { nodes { runId } } } } } }"""
    )
    nested_ids = [r["runId"] for r in nested["partitionSet"]["partitionRuns"]["nodes"]]
    assert nested_ids == [r["runId"] for r in runs]


def test_a_range_is_inclusive_and_all_takes_every_partition(server):
    ranged = launched(server, "days", **{"from": "2026-01-03", "to": "2026-01-05"})
    assert ranged["partitionNames"] == ["2026-01-03", "2026-01-04", "2026-01-05"]
    open_ended = launched(server, "days", **{"from": "2026-01-09"})
    assert open_ended["partitionNames"] == ["2026-01-09", "2026-01-10"]
    everything = launched(server, "days", all=True)
    assert len(everything["partitionNames"]) == 10
    for launched_backfill in (ranged, open_ended, everything):
        done = wait_for_backfill(server, launched_backfill["backfillId"])
        assert done["progress"]["succeeded"] == len(launched_backfill["partitionNames"])
    rows = matrix_rows(server, "days")
    assert all(statuses == ["SUCCESS"] * 3 for statuses in rows.values())


def test_from_failure_skips_succeeded_partitions_and_reexecutes_failed_ones(server):
    first = launched(server, "letters", ["f", "bad"])["backfillId"]
    wait_for_backfill(server, first)
    failed_run = partition_runs(server, "letters", "bad")[0]
    assert failed_run["status"] == "FAILURE"
    again = launched(server, "letters", ["f", "bad"], fromFailure=True)
    assert again["fromFailure"] is True
    done = wait_for_backfill(server, again["backfillId"])
    assert done["progress"]["skipped"] == 1
    assert done["progress"]["failed"] == 1
    assert done["progress"]["done"] == 2
    rerun = partition_runs(server, "letters", "bad")[0]
    assert rerun["parentRunId"] == failed_run["runId"]
    assert rerun["tags"]["lodestar/backfill"] == again["backfillId"]
    assert partition_runs(server, "letters", "f")[0]["tags"]["lodestar/backfill"] == first


def test_backfills_list_newest_first_filter_by_status_and_page(server):
    ids = [launched(server, "days", ["2026-01-01"])["backfillId"] for _ in range(3)]
    for backfill_id in ids:
        wait_for_backfill(server, backfill_id)
    query = """query($status: [BackfillStatus!], $limit: Int!, $cursor: String) {
        backfills(status: $status, limit: $limit, cursor: $cursor) {
          __typename
          ... on InvalidArgumentError { argument }
          ... on BackfillConnection { cursor hasMore nodes { backfillId status } } } }"""
    first = server.data(query, {"limit": 2})["backfills"]
    assert [b["backfillId"] for b in first["nodes"]] == [ids[2], ids[1]]
    assert first["hasMore"] is True
    rest = server.data(query, {"limit": 2, "cursor": first["cursor"]})["backfills"]
    assert rest["nodes"][0]["backfillId"] == ids[0]
    completed = server.data(query, {"status": "COMPLETED", "limit": 1000})["backfills"]
    assert {b["status"] for b in completed["nodes"]} == {"COMPLETED"}
    assert server.data(query, {"status": ["FAILED"], "limit": 10})["backfills"]["nodes"] == []
    bad_cursor = server.data(query, {"limit": 2, "cursor": "nope"})["backfills"]
    assert bad_cursor == {"__typename": "InvalidArgumentError", "argument": "cursor"}


def test_unknown_partition_set_partition_and_backfill_are_typed_errors(server):
    data = server.data(
        """{
          set: partitionSet(name: "nope") {
            __typename ... on PartitionSetNotFoundError { partitionSet message } }
          matrix: statusMatrix(partitionSet: "nope") { __typename }
          runs: partitionRuns(partitionSet: "letters", partition: "zz") {
            __typename ... on PartitionNotFoundError { partitionSet partitions message } }
          backfill(id: "nope") { __typename ... on BackfillNotFoundError { backfillId message } }
        }"""
    )
    assert data["set"] == {
        "__typename": "PartitionSetNotFoundError",
        "partitionSet": "nope",
        "message": "partition set 'nope' not found in any code location",
    }
    assert data["matrix"] == {"__typename": "PartitionSetNotFoundError"}
    assert data["runs"] == {
        "__typename": "PartitionNotFoundError",
        "partitionSet": "letters",
        "partitions": ["zz"],
        "message": "partition set 'letters' has no partition 'zz'",
    }
    assert data["backfill"]["__typename"] == "BackfillNotFoundError"
    assert data["backfill"]["backfillId"] == "nope"
    assert launch_backfill(server, "nope", all=True)["__typename"] == "PartitionSetNotFoundError"
    unknown = launch_backfill(server, "letters", ["a", "zz", "yy"])
    assert unknown["__typename"] == "PartitionNotFoundError"
    assert "'zz', 'yy'" in unknown["message"]
    unknown_end = launch_backfill(server, "days", **{"from": "2026-01-02", "to": "2027-01-01"})
    assert unknown_end["__typename"] == "PartitionNotFoundError"
    cancel = server.data(CANCEL, {"id": "nope", "terminate": False})["cancelBackfill"]
    assert cancel["__typename"] == "BackfillNotFoundError"


@pytest.mark.parametrize(
    "selection",
    [
        {},
        {"all": True, "partitions": ["a"]},
        {"partitions": []},
        {"partitions": ["a"], "from": "a"},
        {"from": "c", "to": "a"},
    ],
    ids=["nothing", "all-and-list", "empty-list", "list-and-range", "reversed-range"],
)
def test_partitions_are_chosen_one_way(server, selection):
    result = launch_backfill(server, "letters", **selection)
    assert result["__typename"] == "InvalidArgumentError", result


def test_api_and_daemon_in_two_processes_share_the_instance(tmp_path):
    home = tmp_path / "home"
    write_instance_config(home)
    api = start_control_plane(home, "--no-daemon", repo=REPO)
    daemon = None
    try:
        backfill_id = launched(api, "letters", ["a", "b", "c", "bad"])["backfillId"]
        time.sleep(1.0)  # several daemon intervals: without a daemon nothing is submitted
        waiting = backfill(api, backfill_id)
        assert waiting["status"] == "REQUESTED"
        assert waiting["progress"]["submitted"] == 0
        daemon = start_daemon(home)
        done = wait_for_backfill(api, backfill_id)
        assert done["status"] == "COMPLETED"
        assert (done["progress"]["succeeded"], done["progress"]["failed"]) == (3, 1)
        assert matrix_rows(api, "letters")["b"] == ["SUCCESS"] * 3
        assert daemon.stop() == 0
        assert "lodestar daemon stopping" in daemon.log()
    finally:
        if daemon is not None:
            daemon.stop()
        api.stop()


def test_cancel_stops_submission_and_cancels_queued_runs(tmp_path, monkeypatch):
    # One partition per chunk, 0.3 s to build each: submission is still going on when the
    # first run (1 s long) is seen running.
    monkeypatch.setenv("LODESTAR_TEST_STEP_SECONDS", "1.0")
    monkeypatch.setenv("LODESTAR_TEST_CONFIG_SECONDS", "0.3")
    home = tmp_path / "home"
    write_instance_config(home, chunk_size=1, max_concurrent_runs=1)
    server = start_control_plane(home, repo=REPO)
    try:
        for terminate in (False, True):
            backfill_id = launched(server, "letters", ["a", "b", "c", "d", "e", "f"])["backfillId"]
            wait_until(
                lambda id=backfill_id: backfill(server, id)["progress"]["inProgress"] == 1,
                what="the first run to start",
            )
            variables = {"id": backfill_id, "terminate": terminate}
            canceled = server.data(CANCEL, variables)["cancelBackfill"]
            assert canceled["__typename"] == "CancelBackfillSuccess", canceled
            assert canceled["backfill"]["status"] == "CANCELED"
            done = wait_for_backfill(server, backfill_id)
            progress = done["progress"]
            assert done["status"] == "CANCELED"
            assert progress["submitted"] < 6
            assert progress["queued"] == progress["inProgress"] == 0
            if terminate:  # the running run is terminated too
                assert progress["succeeded"] == 0
                assert progress["canceled"] == progress["submitted"]
            else:  # the running run ends as it would have
                assert progress["succeeded"] == 1
                assert progress["canceled"] == progress["submitted"] - 1
            wait_for_backfill_daemon_passes(home, 3)  # nothing more is submitted
            assert backfill(server, backfill_id)["progress"]["submitted"] == progress["submitted"]
    finally:
        server.stop()


def wait_for_backfill_daemon_passes(home: Path, passes: int) -> None:
    """Returns once the backfill daemon has run `passes` whole passes begun after the call
    (a pass starts with a heartbeat, and one with no backfill to advance writes no other)."""
    instance = Instance.from_env(str(home))

    def latest_beat() -> float:
        beats = instance.storage.get_daemon_heartbeats()
        return max((h.timestamp for h in beats if h.daemon_type == BACKFILL_DAEMON), default=0)

    try:
        beat = time.time()
        for _ in range(passes + 1):  # a pass has ended once the next one begins
            beat = wait_until(
                lambda after=beat: (latest := latest_beat()) > after and latest,
                30,
                "the backfill daemon's next pass",
            )
    finally:
        instance.dispose()
