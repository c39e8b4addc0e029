"""Partition sets as the control plane sees them: names, status matrix, run history."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from control_plane.code_locations import CodeLocations
from control_plane.errors import (
    CodeLocationError,
    InvalidStepSelectionError,
    PartitionNotFoundError,
    PartitionSetNotFoundError,
)
from control_plane.storage import Storage
from control_plane.storage.records import (
    PARTITION_SET_TAG,
    PARTITION_TAG,
    PipelineRun,
    RunsFilter,
    RunStatus,
    StepStatus,
)
from user_code_server.protocol import CodeServerUnavailableError, PartitionSetSnapshot


@dataclass(frozen=True)
class StatusMatrix:
    """solid x partition -> latest step status (MISSING where no run ran that solid)."""

    partition_set: str
    partitions: list[str]
    solids: list[str]
    statuses: dict[str, dict[str, StepStatus]]  # partition -> solid -> status
    latest_runs: dict[str, tuple[str, RunStatus]]  # partition -> its newest run (id, status)

    def status(self, partition: str, solid: str) -> StepStatus:
        return self.statuses.get(partition, {}).get(solid, StepStatus.MISSING)


class Partitions:
    def __init__(self, locations: CodeLocations, storage: Storage):
        self._locations = locations
        self._storage = storage
        self._names: dict[tuple[str, str, str], list[str]] = {}
        self._lock = threading.Lock()

    def partition_sets(self) -> list[tuple[str, PartitionSetSnapshot]]:
        """(location, partition set) for every loaded location."""
        found: list[tuple[str, PartitionSetSnapshot]] = []
        for location in self._locations.all():
            snapshot = location.info().snapshot
            if snapshot is not None:
                found.extend((location.name, ps) for ps in snapshot.partition_sets)
        return found

    def partition_set(self, name: str) -> tuple[str, PartitionSetSnapshot]:
        for location, partition_set in self.partition_sets():
            if partition_set.name == name:
                return location, partition_set
        raise PartitionSetNotFoundError(name)

    def names(self, name: str) -> list[str]:
        """Every partition name of the set, in order (cached per code server process)."""
        location_name, _ = self.partition_set(name)
        location = self._locations.get(location_name)
        cache_key = (location_name, location.info().server_id or "", name)
        with self._lock:
            if cache_key in self._names:
                return self._names[cache_key]
        try:
            reply = location.client().partition_names(name)
        except CodeServerUnavailableError as error:
            raise CodeLocationError(location_name, str(error)) from None
        if reply.error is not None:
            raise CodeLocationError(location_name, reply.error.message)
        with self._lock:
            self._names[cache_key] = reply.names
        return reply.names

    def select(
        self,
        name: str,
        partitions: list[str] | None = None,
        from_partition: str | None = None,
        to_partition: str | None = None,
    ) -> list[str]:
        """The chosen partitions in the set's order: a list, an inclusive range, or all."""
        names = self.names(name)
        if partitions is not None:
            known = set(names)
            unknown = [p for p in partitions if p not in known]
            if unknown:
                raise PartitionNotFoundError(name, unknown)
            wanted = set(partitions)
            return [n for n in names if n in wanted]
        start = self._index(name, names, from_partition) if from_partition else 0
        end = self._index(name, names, to_partition) if to_partition else len(names) - 1
        if start > end:
            raise InvalidStepSelectionError(
                f"--from {from_partition!r} comes after --to {to_partition!r} in {name!r}"
            )
        return names[start : end + 1]

    @staticmethod
    def _index(name: str, names: list[str], partition: str) -> int:
        try:
            return names.index(partition)
        except ValueError:
            raise PartitionNotFoundError(name, [partition]) from None

    def status_matrix(self, name: str) -> StatusMatrix:
        location_name, partition_set = self.partition_set(name)
        pipeline = (
            self._locations.get(location_name).snapshot().pipeline(partition_set.pipeline_name)
        )
        solids = [s.name for s in pipeline.solids] if pipeline else []
        statuses = self._storage.latest_cell_statuses(name)
        latest_runs = self._storage.latest_partition_run_statuses(name)
        return StatusMatrix(name, self.names(name), solids, statuses, latest_runs)

    def runs(self, name: str, partition: str) -> list[PipelineRun]:
        """Every run of one partition, newest first (runs are never overwritten)."""
        if partition not in set(self.names(name)):
            raise PartitionNotFoundError(name, [partition])
        tags = {PARTITION_SET_TAG: name, PARTITION_TAG: partition}
        return self._storage.get_runs(RunsFilter(tags=tags))
