"""The control plane's gRPC client for one user code server."""

from __future__ import annotations

import json
from collections.abc import Iterator

import grpc

from user_code_server.protocol import user_code_pb2 as pb
from user_code_server.protocol import user_code_pb2_grpc as pb_grpc
from user_code_server.protocol.convert import from_proto, to_proto
from user_code_server.protocol.execution import ExecuteStepsRequest, PingReply, StepEvent
from user_code_server.protocol.instigators import (
    FailedRun,
    ScheduleTickReply,
    SensorEvaluation,
    SensorTickReply,
)
from user_code_server.protocol.partitions import PartitionNamesReply, PartitionRunRequestsReply
from user_code_server.protocol.plan import ExecutionPlanReply
from user_code_server.protocol.snapshots import RepositorySnapshot

AUTH_METADATA_KEY = "x-lodestar-token"
# Snapshots stream in chunks; this only bounds single replies such as a large plan.
MAX_MESSAGE_BYTES = 64 * 1024 * 1024
CHANNEL_OPTIONS = [
    ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
    ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
    # A code server that was down is found again within seconds once it is back, and a
    # new client does not inherit the connection backoff of an earlier one.
    ("grpc.initial_reconnect_backoff_ms", 100),
    ("grpc.max_reconnect_backoff_ms", 2000),
    ("grpc.use_local_subchannel_pool", 1),
]


class CodeServerUnavailableError(Exception):
    """The code server at `address` could not be reached or answered with a transport error."""

    def __init__(self, address: str, detail: str):
        super().__init__(f"code server at {address} is unavailable: {detail}")
        self.address = address
        self.detail = detail


class UserCodeClient:
    """Typed calls to a `UserCodeService`; transport failures raise CodeServerUnavailableError."""

    def __init__(self, host: str, port: int, auth_token: str | None = None, timeout: float = 30):
        self.address = f"{host}:{port}"
        self._channel = grpc.insecure_channel(self.address, options=CHANNEL_OPTIONS)
        self._stub = pb_grpc.UserCodeServiceStub(self._channel)
        self._metadata = ((AUTH_METADATA_KEY, auth_token),) if auth_token else ()
        self._timeout = timeout

    def close(self) -> None:
        self._channel.close()

    def _unavailable(self, error: grpc.RpcError) -> CodeServerUnavailableError:
        return CodeServerUnavailableError(self.address, f"{error.code().name}: {error.details()}")

    def ping(self, timeout: float | None = None) -> PingReply:
        try:
            reply = self._stub.Ping(
                pb.PingRequest(), metadata=self._metadata, timeout=timeout or self._timeout
            )
        except grpc.RpcError as error:
            raise self._unavailable(error) from None
        return from_proto(reply, PingReply)

    def wait_ready(self, timeout: float) -> PingReply:
        """Pings until the server answers, for at most `timeout` seconds."""
        try:
            grpc.channel_ready_future(self._channel).result(timeout=timeout)
        except grpc.FutureTimeoutError:
            raise CodeServerUnavailableError(
                self.address, f"not ready after {timeout:g} s"
            ) from None
        return self.ping()

    def repository_snapshot(self) -> RepositorySnapshot:
        try:
            chunks = self._stub.GetRepositorySnapshot(
                pb.SnapshotRequest(), metadata=self._metadata, timeout=self._timeout
            )
            data = b"".join(chunk.data for chunk in chunks)
        except grpc.RpcError as error:
            raise self._unavailable(error) from None
        return from_proto(pb.RepositorySnapshot.FromString(data), RepositorySnapshot)

    def execution_plan(
        self,
        pipeline: str,
        run_config: dict,
        solid_selection: list[str] | None = None,
        mode: str = "",
    ) -> ExecutionPlanReply:
        request = pb.ExecutionPlanRequest(
            pipeline=pipeline,
            run_config_json=json.dumps(run_config or {}),
            solid_selection=solid_selection or [],
            mode=mode,
        )
        try:
            reply = self._stub.GetExecutionPlan(
                request, metadata=self._metadata, timeout=self._timeout
            )
        except grpc.RpcError as error:
            raise self._unavailable(error) from None
        return from_proto(reply, ExecutionPlanReply)

    def execute_steps(self, request: ExecuteStepsRequest) -> StepEventStream:
        """Starts the steps; iterate the result for events, `cancel()` it to stop them."""
        call = self._stub.ExecuteSteps(
            to_proto(request, pb.ExecuteStepsRequest), metadata=self._metadata
        )
        return StepEventStream(call, self)

    def partition_names(self, partition_set: str) -> PartitionNamesReply:
        """Every partition name of the set, gathered from its streamed chunks, or the error."""
        names: list[str] = []
        try:
            for chunk in self._stub.GetPartitionNames(
                pb.PartitionNamesRequest(partition_set=partition_set),
                metadata=self._metadata,
                timeout=self._timeout,
            ):
                if chunk.HasField("error"):
                    return from_proto(chunk, PartitionNamesReply)
                names.extend(chunk.names)
        except grpc.RpcError as error:
            raise self._unavailable(error) from None
        return PartitionNamesReply(names=names)

    def partition_run_requests(
        self, partition_set: str, names: list[str]
    ) -> PartitionRunRequestsReply:
        """The run config and tags of a batch of partitions of the set, in one call."""
        request = pb.PartitionRunRequestsRequest(partition_set=partition_set, partition_names=names)
        try:
            reply = self._stub.GetPartitionRunRequests(
                request, metadata=self._metadata, timeout=self._timeout
            )
        except grpc.RpcError as error:
            raise self._unavailable(error) from None
        return from_proto(reply, PartitionRunRequestsReply)

    def evaluate_schedules(self, due: list[tuple[str, float]]) -> list[ScheduleTickReply]:
        """What each schedule requests at its due time (epoch seconds), in one call."""
        request = pb.EvaluateSchedulesRequest(
            schedules=[
                pb.EvaluateScheduleRequest(schedule=name, scheduled_time=time) for name, time in due
            ]
        )
        try:
            reply = self._stub.EvaluateSchedules(
                request, metadata=self._metadata, timeout=self._timeout
            )
        except grpc.RpcError as error:
            raise self._unavailable(error) from None
        return [from_proto(r, ScheduleTickReply) for r in reply.replies]

    def evaluate_schedule(self, schedule: str, scheduled_time: float) -> ScheduleTickReply:
        """What one schedule requests at the due time `scheduled_time`."""
        return self.evaluate_schedules([(schedule, scheduled_time)])[0]

    def evaluate_sensors(self, sensors: list[SensorEvaluation]) -> list[SensorTickReply]:
        """One evaluation of each sensor from its cursor, in one call."""
        request = pb.EvaluateSensorsRequest(
            sensors=[to_proto(sensor, pb.EvaluateSensorRequest) for sensor in sensors]
        )
        try:
            reply = self._stub.EvaluateSensors(
                request, metadata=self._metadata, timeout=self._timeout
            )
        except grpc.RpcError as error:
            raise self._unavailable(error) from None
        return [from_proto(r, SensorTickReply) for r in reply.replies]

    def evaluate_sensor(
        self,
        sensor: str,
        cursor: str = "",
        last_run_key: str = "",
        failed_runs: list[FailedRun] | None = None,
    ) -> SensorTickReply:
        """One evaluation of one sensor from `cursor` (failure sensors: of `failed_runs`)."""
        evaluation = SensorEvaluation(sensor, cursor, last_run_key, list(failed_runs or []))
        return self.evaluate_sensors([evaluation])[0]

    def shutdown(self) -> None:
        try:
            self._stub.Shutdown(pb.ShutdownRequest(), metadata=self._metadata, timeout=5)
        except grpc.RpcError as error:
            raise self._unavailable(error) from None


class StepEventStream:
    """The events of one ExecuteSteps call."""

    def __init__(self, call, client: UserCodeClient):
        self._call = call
        self._client = client

    def __iter__(self) -> Iterator[StepEvent]:
        try:
            for batch in self._call:
                for message in batch.events:
                    yield from_proto(message, StepEvent)
        except grpc.RpcError as error:
            if error.code() == grpc.StatusCode.CANCELLED:
                return
            raise self._client._unavailable(error) from None

    def cancel(self) -> None:
        self._call.cancel()
