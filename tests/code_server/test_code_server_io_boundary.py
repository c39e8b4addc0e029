"""A code server reads and writes step outputs only under its own IO directory.

Requests name values (run id, step key, output name, mapping key); the server builds the
path. Nothing on the wire can point it at a file elsewhere, so an unauthenticated caller
cannot make it unpickle a file of their choosing (which runs code as the server's user).
"""

import os
import pickle
import stat

import grpc
import pytest

from user_code_server.protocol import EventType, ExecuteStepsRequest, StepExecution
from user_code_server.protocol import user_code_pb2 as pb

EXECUTE_STEPS = "/lodestar.usercode.UserCodeService/ExecuteSteps"
REPO = "basic.py"


class _Planted:
    """Unpickling this creates `marker`: proof that the server loaded the planted file."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def plant(path, marker):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(_Planted(marker)))


def execute_raw(server, request_bytes: bytes) -> list:
    """ExecuteSteps with a request serialized by hand, through the generated wire format."""
    with grpc.insecure_channel(f"{server.host}:{server.port}") as channel:
        call = channel.unary_stream(
            EXECUTE_STEPS,
            request_serializer=None,
            response_deserializer=pb.StepEventBatch.FromString,
        )
        return [event for batch in call(request_bytes, timeout=60) for event in batch.events]


def hostile_request(*handles) -> pb.ExecuteStepsRequest:
    step = pb.StepExecution(step_key="add_one", attempt=1)
    step.inputs.add(input_name="number").handles.extend(handles)
    return pb.ExecuteStepsRequest(
        run_id="run-1", pipeline="arithmetic", mode="default", run_config_json="{}", steps=[step]
    )


def with_field_5(request: pb.ExecuteStepsRequest, value: str) -> bytes:
    """The request plus field 5 (what used to be `io_base_dir`), as an old client sent it."""
    data = value.encode()
    assert len(data) < 128
    return request.SerializeToString() + bytes([5 << 3 | 2, len(data)]) + data


def test_an_io_dir_sent_on_the_wire_is_ignored(code_server, tmp_path):
    server = code_server(REPO, "--workers", "1")
    attacker = tmp_path / "attacker"
    marker = tmp_path / "pwned"
    plant(attacker / "run-1" / "emit_number" / "result.pkl", marker)
    handle = pb.OutputHandle(run_id="run-1", step_key="emit_number", output_name="result")
    events = execute_raw(server, with_field_5(hostile_request(handle), str(attacker)))
    final = events[-1]
    assert final.event_type == pb.STEP_FAILURE
    # The server looked in its own directory, where nothing was stored.
    own = server.io_base_dir / "run-1" / "emit_number" / "result.pkl"
    assert f"was never stored (no file {own})" in final.error.message
    assert not marker.exists()


@pytest.mark.parametrize(
    ("run_id", "step_key", "output_name", "mapping_key", "refused"),
    [
        ("../../../{outside}", "emit_number", "result", "", "run id '../../../"),
        ("{outside}", "emit_number", "result", "", "run id '/"),
        ("..", "emit_number", "result", "", "run id '..'"),
        ("run-1", "../emit_number", "result", "", "step key '../emit_number'"),
        ("run-1", "emit_number[../x]", "result", "", "step key '../x'"),
        ("run-1", "emit_number", "../../result", "", "output name '../../result'"),
        ("run-1", "emit_number", "result", "../../x", "mapping key '../../x'"),
        ("run-1", "emit_number", "result\0", "", "output name 'result\\x00'"),
    ],
)
def test_a_handle_that_is_not_a_plain_name_fails_the_step_without_a_load(
    code_server, tmp_path, run_id, step_key, output_name, mapping_key, refused
):
    server = code_server(REPO, "--workers", "1")
    outside = tmp_path / "outside"
    marker = tmp_path / "pwned"
    plant(outside / "emit_number" / "result.pkl", marker)
    relative = os.path.relpath(outside, server.io_base_dir / "run-1")
    handle = pb.OutputHandle(
        run_id=run_id.format(outside=outside if run_id.startswith("{") else relative),
        step_key=step_key,
        output_name=output_name,
        mapping_key=mapping_key,
    )
    events = execute_raw(server, hostile_request(handle).SerializeToString())
    final = events[-1]
    assert final.event_type == pb.STEP_FAILURE
    assert "could not load input 'number' of step 'add_one'" in final.error.message
    assert f"refused unsafe output handle: its {refused}" in final.error.message
    assert not marker.exists()


def test_outputs_and_their_directories_are_private(code_server):
    server = code_server(REPO, "--workers", "1")
    request = ExecuteStepsRequest(
        "run-1", "arithmetic", "default", {}, steps=[StepExecution("emit_number")]
    )
    events = list(server.client().execute_steps(request))
    assert events[-1].event_type == EventType.STEP_SUCCESS
    run_dir = server.io_base_dir / "run-1"
    for path in (run_dir, run_dir / "emit_number"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o700, path
    output = run_dir / "emit_number" / "result.pkl"
    assert stat.S_IMODE(output.stat().st_mode) == 0o600


def test_a_mapping_key_with_a_trailing_newline_fails_its_step(code_server):
    server = code_server("hostile.py", "--workers", "1")
    request = ExecuteStepsRequest(
        "run-1", "bad_mapping_key", "default", {}, steps=[StepExecution("bad_key")]
    )
    final = list(server.client().execute_steps(request))[-1]
    assert final.event_type == EventType.STEP_FAILURE
    assert "invalid mapping key 'abc\\n' for dynamic output 'result'" in final.error.message
    assert not (server.io_base_dir / "run-1" / "bad_key").exists()
