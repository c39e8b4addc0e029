"""Ping, snapshots, execution plans and load failures, through a real server process."""

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from helpers.code_server import REPOS_DIR

from user_code_server.protocol import CodeServerUnavailableError, ErrorKind

GRPC_DEFAULT_LIMIT = 4 * 1024 * 1024
SERVICE = "lodestar.usercode.UserCodeService"


def test_ping_identifies_the_server(code_server):
    server = code_server("basic.py", "--workers", "1")
    first = server.client().ping()
    assert first.pid == server.pid
    assert first.repository_name == "basic"
    assert first.load_error == ""
    assert first.sdk_version
    assert server.client().ping().server_id == first.server_id
    other = code_server("basic.py", "--workers", "1").client().ping()
    assert other.server_id != first.server_id


def test_snapshot_lists_pipelines_and_solids(code_server):
    snapshot = code_server("basic.py", "--workers", "1").client().repository_snapshot()
    assert snapshot.name == "basic"
    assert {p.name for p in snapshot.pipelines} == {"arithmetic", "crashes", "slow", "probes"}
    arithmetic = snapshot.pipeline("arithmetic")
    assert arithmetic.description == "emit_number -> add_one -> report"
    assert arithmetic.solid("emit_number").description == "Makes a number, chattily."
    assert [i.name for i in arithmetic.solid("add_one").inputs] == ["number"]


def test_snapshot_over_4_mb_streams_in_chunks(code_server):
    server = code_server("huge.py", "--workers", "1")
    snapshot = server.client().repository_snapshot()
    (wide,) = snapshot.pipelines
    assert len(wide.solids) == 2000
    assert sum(len(s.description) for s in wide.solids) > GRPC_DEFAULT_LIMIT


def test_execution_plan_and_config_errors_are_values(code_server):
    client = code_server("basic.py", "--workers", "1").client()
    plan = client.execution_plan("arithmetic", {}).plan
    assert [s.solid for s in plan.steps] == ["emit_number", "add_one", "report"]

    reply = client.execution_plan("slow", {"solids": {"sleeper": {"config": {"seconds": "x"}}}})
    assert reply.plan is None
    assert reply.config_errors
    assert any("sleeper" in e.path for e in reply.config_errors)

    missing = client.execution_plan("no_such_pipeline", {})
    assert missing.error.kind == ErrorKind.PIPELINE_NOT_FOUND


def test_repository_that_fails_to_import_keeps_the_server_up(code_server):
    client = code_server("broken.py", "--workers", "1").client()
    ping = client.ping()
    assert "ModuleNotFoundError" in ping.load_error
    assert "lodestar_no_such_module" in ping.load_error

    reply = client.execution_plan("anything", {})
    assert reply.error.kind == ErrorKind.REPOSITORY_NOT_LOADED
    assert "lodestar_no_such_module" in reply.error.stack
    with pytest.raises(CodeServerUnavailableError, match="REPOSITORY_NOT_LOADED"):
        client.repository_snapshot()
    assert client.ping().server_id == ping.server_id


def test_health_reports_a_repository_that_did_not_load(code_server):
    server = code_server("broken.py", "--workers", "1")
    with grpc.insecure_channel(f"{server.host}:{server.port}") as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        overall = stub.Check(health_pb2.HealthCheckRequest(), timeout=5)
        service = stub.Check(health_pb2.HealthCheckRequest(service=SERVICE), timeout=5)
    assert overall.status == health_pb2.HealthCheckResponse.SERVING
    assert service.status == health_pb2.HealthCheckResponse.NOT_SERVING


def test_file_imports_its_siblings_and_modules_load_by_name(code_server):
    sibling = code_server("sibling.py", "--workers", "1").client().repository_snapshot()
    assert sibling.name == "sibling"
    assert [p.name for p in sibling.pipelines] == ["arithmetic"]

    by_module = code_server("basic", "--workers", "1", cwd=REPOS_DIR).client()
    assert by_module.ping().repository_name == "basic"


def test_standard_health_check(code_server):
    server = code_server("basic.py", "--workers", "1")
    with grpc.insecure_channel(f"{server.host}:{server.port}") as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        for service in ("", SERVICE):
            reply = stub.Check(health_pb2.HealthCheckRequest(service=service), timeout=5)
            assert reply.status == health_pb2.HealthCheckResponse.SERVING
