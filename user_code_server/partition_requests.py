"""The partition calls of the code server, as pure functions of the repository.

User code (partition, run config and tags functions) runs inside an error boundary: its
exceptions come back as ErrorInfo values with their traceback, never as a failed call.
"""

from __future__ import annotations

import json
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from user_code_server.protocol import (
    ErrorInfo,
    ErrorKind,
    PartitionNamesReply,
    PartitionRunRequest,
    PartitionRunRequestsReply,
)

if TYPE_CHECKING:
    from user_code_server.sdk.partitions import Partition, PartitionSetDefinition
    from user_code_server.sdk.repository import RepositoryDefinition

# Names per streamed message: 5,000 names of up to 255 characters stay under 4 MiB.
NAMES_PER_CHUNK = 5000
_MISSING_SHOWN = 10


class _ErrorReply(Exception):
    """Ends a call early with `info` as its answer."""

    def __init__(self, info: ErrorInfo):
        super().__init__(info.message)
        self.info = info


def partition_names(
    repository: RepositoryDefinition, partition_set: str, chunk_size: int = NAMES_PER_CHUNK
) -> Iterator[PartitionNamesReply]:
    """The set's partition names in chunks of `chunk_size` (at least one chunk), or one error."""
    try:
        names = [p.name for p in _partitions(_partition_set(repository, partition_set))]
    except _ErrorReply as error:
        yield PartitionNamesReply(error=error.info)
        return
    for start in range(0, len(names) or 1, chunk_size):
        yield PartitionNamesReply(names=names[start : start + chunk_size])


def partition_run_requests(
    repository: RepositoryDefinition, partition_set: str, names: list[str]
) -> PartitionRunRequestsReply:
    """The run config and tags of each named partition, in order, or the first error."""
    try:
        definition = _partition_set(repository, partition_set)
        by_name = {p.name: p for p in _partitions(definition)}
        _check_known(definition, by_name, names)
        requests = [_run_request(definition, by_name[name]) for name in names]
    except _ErrorReply as error:
        return PartitionRunRequestsReply(error=error.info)
    return PartitionRunRequestsReply(
        pipeline=definition.pipeline_name,
        mode=definition.mode,
        solid_selection=list(definition.solid_selection or []),
        requests=requests,
    )


def _partition_set(repository: RepositoryDefinition, name: str) -> PartitionSetDefinition:
    try:
        return repository.get_partition_set(name)
    except KeyError as error:
        raise _ErrorReply(
            ErrorInfo(
                kind=ErrorKind.PARTITION_SET_NOT_FOUND, cls_name="KeyError", message=error.args[0]
            )
        ) from None


def _partitions(definition: PartitionSetDefinition) -> list[Partition]:
    with _user_code(f"partition_fn of partition set '{definition.name}'"):
        return definition.get_partitions()


def _check_known(
    definition: PartitionSetDefinition, by_name: dict[str, Partition], names: list[str]
) -> None:
    missing = [name for name in names if name not in by_name]
    if missing:
        shown = ", ".join(f"'{name}'" for name in missing[:_MISSING_SHOWN])
        more = f" and {len(missing) - _MISSING_SHOWN} more" if len(missing) > _MISSING_SHOWN else ""
        raise _ErrorReply(
            ErrorInfo(
                kind=ErrorKind.PARTITION_NOT_FOUND,
                cls_name="KeyError",
                message=f"partition set '{definition.name}' has no partition {shown}{more}",
            )
        )


def _run_request(definition: PartitionSetDefinition, partition: Partition) -> PartitionRunRequest:
    where = f"of partition set '{definition.name}' for partition '{partition.name}'"
    with _user_code(f"run_config_fn_for_partition {where}"):
        run_config = definition.run_config_for_partition(partition)
        json.dumps(run_config)  # not JSON-able: the user's error, not a failed call
    with _user_code(f"tags_fn_for_partition {where}"):
        tags = definition.tags_for_partition(partition)
    return PartitionRunRequest(partition.name, run_config, tags)


@contextmanager
def _user_code(what: str) -> Iterator[None]:
    """Turns an exception of user code into a USER_CODE_ERROR reply that names `what`."""
    try:
        yield
    except Exception as error:
        raise _ErrorReply(
            ErrorInfo(
                kind=ErrorKind.USER_CODE_ERROR,
                cls_name=type(error).__name__,
                message=f"{what} raised {type(error).__name__}: {error}",
                stack="".join(traceback.format_exception(error)),
            )
        ) from None
