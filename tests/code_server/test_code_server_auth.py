"""The optional auth token: UserCodeService calls need it, health checks do not."""

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from user_code_server.protocol import (
    CodeServerUnavailableError,
    EventType,
    ExecuteStepsRequest,
    StepExecution,
)

TOKEN = "s3cret-token"
REFUSAL = "UNAUTHENTICATED: missing or wrong code server auth token"


@pytest.fixture(params=["flag", "env"])
def guarded_server(request, code_server):
    if request.param == "flag":
        return code_server("basic.py", "--workers", "1", auth_token=TOKEN)
    server = code_server("basic.py", "--workers", "1", env={"LODESTAR_CODE_SERVER_TOKEN": TOKEN})
    server.auth_token = TOKEN
    return server


def test_calls_without_the_right_token_are_refused(guarded_server):
    for token in (None, "wrong"):
        client = guarded_server.client(auth_token=token)
        with pytest.raises(CodeServerUnavailableError, match=REFUSAL):
            client.ping()
        with pytest.raises(CodeServerUnavailableError, match=REFUSAL):
            client.repository_snapshot()


def test_the_right_token_works(guarded_server):
    client = guarded_server.client()
    assert client.ping().repository_name == "basic"
    assert client.repository_snapshot().name == "basic"


def test_health_check_needs_no_token(guarded_server):
    with grpc.insecure_channel(f"{guarded_server.host}:{guarded_server.port}") as channel:
        reply = health_pb2_grpc.HealthStub(channel).Check(
            health_pb2.HealthCheckRequest(), timeout=5
        )
    assert reply.status == health_pb2.HealthCheckResponse.SERVING


def test_user_code_cannot_read_the_token(guarded_server, tmp_path):
    request = ExecuteStepsRequest(
        "run-1", "probes", "default", {}, steps=[StepExecution("token_probe")]
    )
    events = list(guarded_server.client().execute_steps(request))
    logs = [e.message for e in events if e.event_type == EventType.STEP_LOG]
    assert any("token visible: False" in message for message in logs)
