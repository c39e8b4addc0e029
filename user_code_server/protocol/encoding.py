"""Wire messages as bytes, for a control plane that stores what it received."""

from __future__ import annotations

from user_code_server.protocol import user_code_pb2 as pb
from user_code_server.protocol.convert import from_proto, to_proto
from user_code_server.protocol.plan import ExecutionPlan


def encode_plan(plan: ExecutionPlan) -> bytes:
    """The plan as deterministic protobuf bytes (equal plans give equal bytes)."""
    return to_proto(plan, pb.ExecutionPlan).SerializeToString(deterministic=True)


def decode_plan(data: bytes) -> ExecutionPlan:
    return from_proto(pb.ExecutionPlan.FromString(data), ExecutionPlan)
