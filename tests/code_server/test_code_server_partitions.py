"""Partition names and run requests through a real code server process; errors as values."""

import time

import grpc
import pytest

from user_code_server.protocol import (
    CodeServerUnavailableError,
    ErrorKind,
    EventType,
    ExecuteStepsRequest,
    StepExecution,
)
from user_code_server.protocol import user_code_pb2 as pb
from user_code_server.protocol import user_code_pb2_grpc as pb_grpc

REPO = "partitioned.py"
HOURS = 10_000
BATCH = 1_000


@pytest.fixture
def server(code_server):
    return code_server(REPO, "--workers", "1")


def test_ten_thousand_partition_names_stream_in_chunks(server):
    started = time.perf_counter()
    reply = server.client().partition_names("hourly")
    elapsed = time.perf_counter() - started
    print(f"\n{HOURS} partition names in {elapsed * 1000:.0f} ms")
    assert reply.error is None
    assert len(reply.names) == len(set(reply.names)) == HOURS
    assert reply.names[:2] == ["2020-01-01-00:00", "2020-01-01-01:00"]
    assert reply.names[-1] == "2021-02-20-15:00"

    with grpc.insecure_channel(f"{server.host}:{server.port}") as channel:
        stub = pb_grpc.UserCodeServiceStub(channel)
        chunks = list(stub.GetPartitionNames(pb.PartitionNamesRequest(partition_set="hourly")))
    assert [len(c.names) for c in chunks] == [5000, 5000]


def test_small_and_empty_answers(server):
    client = server.client()
    assert client.partition_names("letters").names == ["a", "b", "c"]
    empty = client.partition_run_requests("letters", [])
    assert (empty.pipeline, empty.requests, empty.error) == ("ingest", [], None)


def test_run_requests_of_a_thousand_partitions_in_one_call(server):
    client = server.client()
    names = client.partition_names("hourly").names[-BATCH:]
    started = time.perf_counter()
    reply = client.partition_run_requests("hourly", names)
    elapsed = time.perf_counter() - started
    print(f"\nrun requests of {BATCH} partitions in one call: {elapsed * 1000:.0f} ms")
    assert elapsed < 1.0
    assert reply.error is None
    assert (reply.pipeline, reply.mode, reply.solid_selection) == ("ingest", "default", ["load"])
    assert [r.partition_name for r in reply.requests] == names
    last = reply.requests[-1]
    assert last.run_config == {"solids": {"load": {"config": {"day": "2021-02-20-15:00"}}}}
    assert last.tags == {
        "hour": "15",
        "lodestar/partition": "2021-02-20-15:00",
        "lodestar/partition_set": "hourly",
    }


def test_the_partition_key_reaches_the_solids(server, tmp_path):
    client = server.client()
    reply = client.partition_run_requests("hourly", ["2020-03-01-07:00"])
    (run,) = reply.requests
    request = ExecuteStepsRequest(
        run_id="run-p",
        pipeline=reply.pipeline,
        mode=reply.mode,
        run_config=run.run_config,
        run_tags=run.tags,
        steps=[StepExecution("load")],
    )
    events = list(client.execute_steps(request))
    assert events[-1].event_type == EventType.STEP_SUCCESS
    logs = [e.message for e in events if e.event_type == EventType.STEP_LOG]
    assert "partition 2020-03-01-07:00 day 2020-03-01-07:00" in logs


def test_the_snapshot_lists_the_partition_sets(server):
    snapshot = server.client().repository_snapshot()
    hourly = next(s for s in snapshot.partition_sets if s.name == "hourly")
    assert (hourly.pipeline_name, hourly.mode, hourly.solid_selection) == (
        "ingest",
        "default",
        ["load"],
    )
    assert hourly.description == "Every hour of 2020 and then some."


def test_unknown_partition_sets_and_partitions_are_typed_errors(server):
    client = server.client()
    for reply in (
        client.partition_names("nope"),
        client.partition_run_requests("nope", ["a"]),
    ):
        assert reply.error.kind == ErrorKind.PARTITION_SET_NOT_FOUND
        assert "partition set 'nope' not found in repository 'partitioned'" in reply.error.message

    missing = client.partition_run_requests("letters", ["a", "zz", "b", "yy"])
    assert missing.error.kind == ErrorKind.PARTITION_NOT_FOUND
    assert missing.error.message == "partition set 'letters' has no partition 'zz', 'yy'"
    assert missing.requests == []

    many = client.partition_run_requests("letters", [f"x{i}" for i in range(25)])
    assert many.error.message.endswith("'x9' and 15 more")


@pytest.mark.parametrize(
    "partition_set, names, message, in_stack",
    [
        (
            "broken_fn",
            ["a"],
            "partition_fn of partition set 'broken_fn' raised RuntimeError: no partitions today",
            "raise RuntimeError(message)",
        ),
        (
            "broken_config",
            ["a", "b", "c"],
            "run_config_fn_for_partition of partition set 'broken_config' for partition 'c' "
            "raised ValueError: no config for c",
            'raise ValueError("no config for c")',
        ),
        (
            "broken_tags",
            ["a"],
            "tags_fn_for_partition of partition set 'broken_tags' for partition 'a' "
            "raised RuntimeError: no tags",
            "raise RuntimeError(message)",
        ),
        (
            "not_json",
            ["a"],
            "Object of type datetime is not JSON serializable",
            "json.dumps(run_config)",
        ),
        ("duplicates", ["x"], "duplicate partition name 'x'", "_checked"),
    ],
)
def test_errors_in_user_functions_come_back_with_their_traceback(
    server, partition_set, names, message, in_stack
):
    client = server.client()
    pid = client.ping().pid
    reply = client.partition_run_requests(partition_set, names)
    assert reply.error.kind == ErrorKind.USER_CODE_ERROR
    assert message in reply.error.message
    assert reply.error.stack.startswith("Traceback")
    assert in_stack in reply.error.stack
    assert reply.requests == []
    # The server keeps serving, in the same process.
    assert client.partition_names("letters").names == ["a", "b", "c"]
    assert client.ping().pid == pid


def test_a_failing_partition_function_fails_the_names_call_too(server):
    client = server.client()
    reply = client.partition_names("broken_fn")
    assert reply.error.kind == ErrorKind.USER_CODE_ERROR
    assert reply.names == []
    assert "partitioned.py" in reply.error.stack
    assert client.partition_names("duplicates").error.kind == ErrorKind.USER_CODE_ERROR
    assert len(client.partition_names("hourly").names) == HOURS


def test_a_repository_that_did_not_load_answers_with_its_error(code_server):
    client = code_server("broken.py", "--workers", "1").client()
    for reply in (client.partition_names("daily"), client.partition_run_requests("daily", ["a"])):
        assert reply.error.kind == ErrorKind.REPOSITORY_NOT_LOADED
        assert "lodestar_no_such_module" in reply.error.stack


def test_partition_calls_need_the_auth_token(code_server):
    server = code_server(REPO, "--workers", "1", auth_token="t0ken")
    anonymous = server.client(auth_token=None)
    with pytest.raises(CodeServerUnavailableError, match="UNAUTHENTICATED"):
        anonymous.partition_names("letters")
    with pytest.raises(CodeServerUnavailableError, match="UNAUTHENTICATED"):
        anonymous.partition_run_requests("letters", ["a"])
    assert server.client().partition_names("letters").names == ["a", "b", "c"]
