"""Partitions on the wire: the names of a partition set and the run requests of a batch."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from user_code_server.protocol.plan import ErrorInfo


@dataclass(frozen=True)
class PartitionNamesReply:
    """Every partition name of a set, in order, or the error."""

    names: list[str] = field(default_factory=list)
    error: ErrorInfo | None = None


@dataclass(frozen=True)
class PartitionRunRequest:
    """What a run of one partition needs: its run config and tags (partition tags included)."""

    partition_name: str
    run_config: Any = None  # a run config document (JSON-able dict)
    tags: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PartitionRunRequestsReply:
    """The run requests of a batch of partitions, in the requested order, with the set's
    pipeline, mode and solid selection (empty: every solid); or the error."""

    pipeline: str = ""
    mode: str = ""
    solid_selection: list[str] = field(default_factory=list)
    requests: list[PartitionRunRequest] = field(default_factory=list)
    error: ErrorInfo | None = None
