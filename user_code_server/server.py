"""The gRPC server that hosts one user repository: a thin servicer over pure functions."""

from __future__ import annotations

import argparse
import hmac
import json
import os
import signal
import sys
import threading
import time
import traceback
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import cache

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from user_code_server.auth_token import (
    TOKEN_ENV,
    AuthTokenError,
    read_stdin_token,
    take_auth_token,
)
from user_code_server.instigator_evaluation import evaluate_schedule, evaluate_sensor
from user_code_server.loader import CodeTarget, LoadedRepository, load_repository
from user_code_server.parent_death import die_with_parent
from user_code_server.partition_requests import partition_names, partition_run_requests
from user_code_server.protocol import (
    AUTH_METADATA_KEY,
    ErrorInfo,
    ErrorKind,
    ExecuteStepsRequest,
    ExecutionPlanReply,
    PartitionNamesReply,
    PartitionRunRequestsReply,
    PingReply,
    ScheduleTickReply,
    SensorEvaluation,
    SensorTickReply,
)
from user_code_server.protocol import user_code_pb2 as pb
from user_code_server.protocol import user_code_pb2_grpc as pb_grpc
from user_code_server.protocol.client import MAX_MESSAGE_BYTES
from user_code_server.protocol.convert import from_proto, to_proto
from user_code_server.worker_process import encode_events, failure_event
from user_code_server.workers import WorkerPool

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 4266
SERVICE_NAME = pb.DESCRIPTOR.services_by_name["UserCodeService"].full_name
SNAPSHOT_CHUNK_BYTES = 1024 * 1024
UNAUTHENTICATED_MESSAGE = "missing or wrong code server auth token"
# A Shutdown call lets calls in flight finish; a signal stops the steps at once.
SHUTDOWN_GRACE_S = 30.0
SIGNAL_GRACE_S = 2.0
_RPC_THREADS = 64
_SIGNAL_POLL_S = 0.1


class CodeServerError(Exception):
    """The code server could not start (for example, its port is taken)."""


class LoadedCode:
    """What this process serves: the user's repository or why it failed to load."""

    def __init__(self, target: CodeTarget, loaded: LoadedRepository):
        self.target = target
        self.repository = loaded.repository
        self.load_error = loaded.error
        self.server_id = str(uuid.uuid4())
        self._snapshot_lock = threading.Lock()
        self._snapshot: bytes | None = None

    def not_loaded_error(self) -> ErrorInfo:
        return ErrorInfo(
            kind=ErrorKind.REPOSITORY_NOT_LOADED,
            cls_name="RepositoryNotLoaded",
            message=f"the repository in {self.target.describe()} failed to load",
            stack=self.load_error,
        )

    def ping(self) -> PingReply:
        return PingReply(
            server_id=self.server_id,
            sdk_version=sdk_version(),
            load_error=self.load_error,
            repository_name=self.repository.name if self.repository else "",
            pid=os.getpid(),
        )

    def snapshot_bytes(self) -> bytes:
        """The serialized `RepositorySnapshot`, built once on first use."""
        with self._snapshot_lock:
            if self._snapshot is None:
                from user_code_server.snapshot_builder import build_repository_snapshot

                snapshot = build_repository_snapshot(self.repository)
                self._snapshot = to_proto(snapshot, pb.RepositorySnapshot).SerializeToString()
            return self._snapshot

    def execution_plan(
        self, pipeline: str, run_config: dict, solid_selection: list[str] | None, mode: str | None
    ) -> ExecutionPlanReply:
        """The plan, the config errors, or the error (user code's included) as a value."""
        if self.load_error:
            return ExecutionPlanReply(error=self.not_loaded_error())
        from user_code_server.plan_builder import build_execution_plan

        try:
            return build_execution_plan(
                self.repository, pipeline, run_config, solid_selection, mode
            )
        except Exception as error:
            return ExecutionPlanReply(error=_error_info(error, ErrorKind.USER_CODE_ERROR))


@cache
def sdk_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("lodestar-orchestrator")
    except PackageNotFoundError:
        return "unknown"


def _error_info(error: Exception, kind: ErrorKind) -> ErrorInfo:
    return ErrorInfo(
        kind=kind,
        cls_name=type(error).__name__,
        message=str(error),
        stack="".join(traceback.format_exception(error)),
    )


def snapshot_chunks(data: bytes) -> Iterator[bytes]:
    """`data` in pieces of at most SNAPSHOT_CHUNK_BYTES (one empty piece for no data)."""
    yield from (
        data[i : i + SNAPSHOT_CHUNK_BYTES] for i in range(0, len(data) or 1, SNAPSHOT_CHUNK_BYTES)
    )


class UserCodeServicer(pb_grpc.UserCodeServiceServicer):
    """Decodes each call, runs it against the loaded code, encodes the answer."""

    def __init__(self, code: LoadedCode, pool: WorkerPool | None, shutdown: threading.Event):
        self._code = code
        self._pool = pool
        self._shutdown = shutdown

    def Ping(self, request, context):
        return to_proto(self._code.ping(), pb.PingReply)

    def GetRepositorySnapshot(self, request, context):
        if self._code.load_error:
            context.abort(
                grpc.StatusCode.FAILED_PRECONDITION, _describe(self._code.not_loaded_error())
            )
        try:
            data = self._code.snapshot_bytes()
        except Exception as error:
            context.abort(
                grpc.StatusCode.INTERNAL, _describe(_error_info(error, ErrorKind.USER_CODE_ERROR))
            )
        for chunk in snapshot_chunks(data):
            yield pb.SnapshotChunk(data=chunk)

    def GetExecutionPlan(self, request, context):
        reply = self._code.execution_plan(
            request.pipeline,
            json.loads(request.run_config_json or "{}"),
            list(request.solid_selection) or None,
            request.mode or None,
        )
        return to_proto(reply, pb.ExecutionPlanReply)

    def ExecuteSteps(self, request, context):
        steps = from_proto(request, ExecuteStepsRequest)
        if self._pool is None:
            error = self._code.not_loaded_error()
            batches = [encode_events([failure_event(s, error) for s in steps.steps])]
        else:
            run = self._pool.run_steps(steps)
            context.add_callback(run.cancel)
            batches = run.batches()
        for data in batches:
            yield pb.StepEventBatch.FromString(data)

    def GetPartitionNames(self, request, context):
        if self._code.load_error:
            replies = [PartitionNamesReply(error=self._code.not_loaded_error())]
        else:
            replies = partition_names(self._code.repository, request.partition_set)
        for reply in replies:
            yield to_proto(reply, pb.PartitionNamesReply)

    def GetPartitionRunRequests(self, request, context):
        if self._code.load_error:
            reply = PartitionRunRequestsReply(error=self._code.not_loaded_error())
        else:
            reply = partition_run_requests(
                self._code.repository, request.partition_set, list(request.partition_names)
            )
        return to_proto(reply, pb.PartitionRunRequestsReply)

    def EvaluateSchedules(self, request, context):
        if self._code.load_error:
            error = ScheduleTickReply(error=self._code.not_loaded_error())
            replies = [error for _ in request.schedules]
        else:
            replies = [
                evaluate_schedule(self._code.repository, r.schedule, r.scheduled_time)
                for r in request.schedules
            ]
        return pb.EvaluateSchedulesReply(
            replies=[to_proto(reply, pb.ScheduleTickReply) for reply in replies]
        )

    def EvaluateSensors(self, request, context):
        evaluations = [from_proto(r, SensorEvaluation) for r in request.sensors]
        if self._code.load_error:
            error = SensorTickReply(error=self._code.not_loaded_error())
            replies = [error for _ in evaluations]
        else:
            replies = [
                evaluate_sensor(
                    self._code.repository, e.sensor, e.cursor, e.last_run_key, e.failed_runs
                )
                for e in evaluations
            ]
        return pb.EvaluateSensorsReply(
            replies=[to_proto(reply, pb.SensorTickReply) for reply in replies]
        )

    def Shutdown(self, request, context):
        self._shutdown.set()
        return pb.ShutdownReply()


def _describe(error: ErrorInfo) -> str:
    return f"{error.kind.value}: {error.message}\n{error.stack}"


class AuthInterceptor(grpc.ServerInterceptor):
    """Refuses every UserCodeService call whose metadata lacks the right token."""

    def __init__(self, token: str):
        self._token = token.encode()

    def intercept_service(self, continuation, handler_call_details):
        handler = continuation(handler_call_details)
        if handler is None or not handler_call_details.method.startswith(f"/{SERVICE_NAME}/"):
            return handler
        given = dict(handler_call_details.invocation_metadata).get(AUTH_METADATA_KEY, "")
        if hmac.compare_digest(given.encode(), self._token):
            return handler
        return _refusal(handler)


def _refuse(request, context):
    context.abort(grpc.StatusCode.UNAUTHENTICATED, UNAUTHENTICATED_MESSAGE)


def _refusal(handler: grpc.RpcMethodHandler) -> grpc.RpcMethodHandler:
    make = (
        grpc.unary_stream_rpc_method_handler
        if handler.response_streaming
        else grpc.unary_unary_rpc_method_handler
    )
    return make(
        _refuse,
        request_deserializer=handler.request_deserializer,
        response_serializer=handler.response_serializer,
    )


def build_server(
    code: LoadedCode, pool: WorkerPool | None, shutdown: threading.Event, auth_token: str | None
) -> tuple[grpc.Server, health.HealthServicer]:
    """A gRPC server with the UserCodeService and the standard health service, not started."""
    server = grpc.server(
        ThreadPoolExecutor(max_workers=_RPC_THREADS, thread_name_prefix="lodestar-rpc"),
        interceptors=[AuthInterceptor(auth_token)] if auth_token else [],
        options=[
            ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
            ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
            ("grpc.so_reuseport", 0),  # a port in use is an error, not a shared port
        ],
    )
    pb_grpc.add_UserCodeServiceServicer_to_server(UserCodeServicer(code, pool, shutdown), server)
    health_servicer = health.HealthServicer()
    health_servicer.set("", health_pb2.HealthCheckResponse.SERVING)
    health_servicer.set(
        SERVICE_NAME,
        health_pb2.HealthCheckResponse.NOT_SERVING
        if code.load_error
        else health_pb2.HealthCheckResponse.SERVING,
    )
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    return server, health_servicer


def serve(
    file: str | None = None,
    module: str | None = None,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    workers: int | None = None,
    auth_token: str | None = None,
    io_base_dir: str | None = None,
) -> None:
    """Serves the repository in `file` or `module` until Shutdown, SIGTERM or SIGINT.

    `auth_token` (else $LODESTAR_CODE_SERVER_TOKEN) is required of every call when set;
    step outputs go under `io_base_dir` (default: `default_io_base_dir()`).
    """
    auth_token = take_auth_token(auth_token)  # before any user code runs
    io_base_dir = os.path.abspath(io_base_dir or default_io_base_dir())
    target = CodeTarget(file=file, module=module)
    code = LoadedCode(target, load_repository(target))
    if code.load_error:
        print(f"could not load {target.describe()}:\n{code.load_error}", file=sys.stderr)
    pool = None if code.load_error else WorkerPool(target, io_base_dir, workers)
    shutdown = threading.Event()
    # Filled by the signal handler, which takes no lock: it may interrupt a lock's holder.
    signalled: list[int] = []
    server, health_servicer = build_server(code, pool, shutdown, auth_token)
    try:
        bound_port = server.add_insecure_port(f"{host}:{port}")
    except RuntimeError as error:
        if pool is not None:
            pool.stop()
        raise CodeServerError(f"could not listen on {host}:{port}: {error}") from None
    restore = _on_signals(lambda: signalled.append(1))
    server.start()
    if pool is not None:
        pool.start()
    print(f"lodestar code server ready on {host}:{bound_port} (pid {os.getpid()})", flush=True)
    try:
        # A signal's Python handler runs only when the main thread runs bytecode: poll
        # rather than block for good (is_set() takes no lock either).
        while not (signalled or shutdown.is_set()):
            time.sleep(_SIGNAL_POLL_S)
    finally:
        health_servicer.enter_graceful_shutdown()
        _stop(server, pool, bool(signalled))
        restore()


def _stop(server: grpc.Server, pool: WorkerPool | None, signalled: bool) -> None:
    """After a signal the steps stop at once (failing with that cause); else they finish."""
    if signalled and pool is not None:
        pool.stop()
    server.stop(SIGNAL_GRACE_S if signalled else SHUTDOWN_GRACE_S).wait()
    if pool is not None:
        pool.stop()


def _on_signals(handler: Callable[[], object]) -> Callable[[], object]:
    """Calls `handler` on SIGTERM and SIGINT; returns a function restoring the old handlers."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    signals = (signal.SIGTERM, signal.SIGINT)
    previous = {sig: signal.signal(sig, lambda *_: handler()) for sig in signals}
    return lambda: [signal.signal(sig, old) for sig, old in previous.items()]


def default_io_base_dir() -> str:
    """$LODESTAR_HOME/storage, else ./.lodestar/storage: where an instance with the default
    `io_manager` settings keeps step outputs."""
    return os.path.join(os.environ.get("LODESTAR_HOME") or ".lodestar", "storage")


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def main(argv: list[str] | None = None) -> None:
    """`python -m user_code_server (-f FILE | -m MODULE) [--host] [--port] [--workers]`."""
    parser = argparse.ArgumentParser(
        prog="python -m user_code_server", description="Serve a Lodestar repository over gRPC."
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "-f", "--python-file", dest="file", help="a Python file defining a repository"
    )
    source.add_argument("-m", "--module-name", dest="module", help="an importable module instead")
    parser.add_argument(
        "--host", default=DEFAULT_HOST, help="interface to bind (default %(default)s)"
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="0 picks a free port")
    parser.add_argument(
        "--workers",
        type=_positive_int,
        default=None,
        help="worker processes (default: max(8, 2 x CPUs))",
    )
    token_group = parser.add_mutually_exclusive_group()
    token_group.add_argument(
        "--auth-token",
        default=None,
        help=f"required token (or env {TOKEN_ENV}); other local users can see it in ps "
        "until the server starts: prefer --auth-token-stdin",
    )
    token_group.add_argument(
        "--auth-token-stdin",
        action="store_true",
        help="read the required token from the first line of standard input",
    )
    parser.add_argument(
        "--io-base-dir",
        default=None,
        help="directory for step outputs (default: $LODESTAR_HOME/storage, else "
        "./.lodestar/storage); never taken from a request",
    )
    parser.add_argument(
        "--parent-pid",
        type=int,
        default=None,
        help="exit when this process (the supervising control plane) dies",
    )
    args = parser.parse_args(argv)
    if args.parent_pid is not None:
        die_with_parent(signal.SIGTERM, args.parent_pid)
    try:
        token = read_stdin_token() if args.auth_token_stdin else args.auth_token
        serve(
            args.file,
            args.module,
            args.host,
            args.port,
            args.workers,
            auth_token=token,
            io_base_dir=args.io_base_dir,
        )
    except (CodeServerError, AuthTokenError) as error:
        parser.exit(1, f"error: {error}\n")
