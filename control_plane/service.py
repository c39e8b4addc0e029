"""ControlPlane: the operations GraphQL, the daemon and the embedded CLI call."""
# SKELETON: signatures are the contract; the implementation is being written.

from __future__ import annotations

from dataclasses import dataclass

from control_plane.storage.records import PipelineRun
from user_code_server.protocol import ExecutionPlan, PipelineSnapshot, RepositorySnapshot


@dataclass(frozen=True)
class CodeLocationInfo:
    name: str
    address: str  # host:port of its code server
    status: str  # "LOADED" or "ERROR"
    error: str | None = None  # why it cannot serve (unreachable, load error with traceback)
    server_id: str | None = None
    snapshot: RepositorySnapshot | None = None


class ControlPlane:
    """Owns the instance (storage, config), the code locations and the run coordinator."""

    def __init__(self, instance, workspace):
        self.instance = instance
        self.storage = instance.storage

    def start(self) -> None:
        """Connects code locations, recovers interrupted runs, starts the run queue."""

    def stop(self) -> None:
        """Stops the queue and coordinators and the code servers this process started."""

    def code_locations(self) -> list[CodeLocationInfo]: ...

    def reload_location(self, name: str) -> CodeLocationInfo:
        """Re-fetches the location's snapshot (restarting a supervised server)."""

    def pipeline(self, name: str, location: str | None = None) -> tuple[str, PipelineSnapshot]:
        """(location name, snapshot); raises PipelineNotFoundError / LocationNotFoundError."""

    def execution_plan(
        self,
        pipeline: str,
        run_config: dict | None = None,
        location: str | None = None,
        solid_selection: list[str] | None = None,
        mode: str | None = None,
    ) -> ExecutionPlan:
        """Raises RunConfigValidationError with every config error."""

    def launch_run(
        self,
        pipeline: str,
        run_config: dict | None = None,
        location: str | None = None,
        tags: dict[str, str] | None = None,
        mode: str | None = None,
        solid_selection: list[str] | None = None,
    ) -> PipelineRun:
        """Validates (plan fetched from the code server) and queues a run."""

    def terminate_run(self, run_id: str) -> PipelineRun: ...

    def reexecute_run(
        self, run_id: str, from_failure: bool = True, step_selection: list[str] | None = None
    ) -> PipelineRun:
        """A new run with parent/root ids, running failed and skipped steps (or a selection)."""

    def wait_for_run(self, run_id: str, timeout: float | None = None) -> PipelineRun:
        """Blocks until the run is finished."""
