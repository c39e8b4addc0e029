"""Errors the control plane reports to its callers (GraphQL turns each into a typed result)."""

from __future__ import annotations

from user_code_server.protocol import ConfigError


class LodestarError(Exception):
    """Base of every error a user should see as a clear message, never a traceback."""


class PipelineNotFoundError(LodestarError):
    def __init__(self, pipeline: str, location: str | None = None):
        where = f" in code location {location!r}" if location else " in any code location"
        super().__init__(f"pipeline {pipeline!r} not found{where}")
        self.pipeline = pipeline
        self.location = location


class LocationNotFoundError(LodestarError):
    def __init__(self, location: str):
        super().__init__(f"code location {location!r} is not in the workspace")
        self.location = location


class CodeLocationError(LodestarError):
    """A code location cannot serve: unreachable server or a repository that failed to load."""

    def __init__(self, location: str, message: str):
        super().__init__(f"code location {location!r}: {message}")
        self.location = location
        self.detail = message


class LocationNotServedError(CodeLocationError):
    """The daemon leader does not serve the location a run needs: the run would never start."""

    def __init__(self, location: str, leader: str, served: list[str]):
        names = ", ".join(served) or "none"
        super().__init__(
            location, f"the daemon leader {leader} does not serve it (it serves: {names})"
        )


class RunConfigValidationError(LodestarError):
    def __init__(self, pipeline: str, errors: list[ConfigError]):
        lines = "\n".join(f"  - {e}" for e in errors)
        super().__init__(f"invalid run config for pipeline {pipeline!r}:\n{lines}")
        self.pipeline = pipeline
        self.errors = errors


class RunNotFoundError(LodestarError):
    def __init__(self, run_id: str):
        super().__init__(f"run {run_id!r} not found")
        self.run_id = run_id


class InvalidRunStateError(LodestarError):
    """The run's status does not allow the requested operation."""


class InvalidStepSelectionError(LodestarError):
    pass


class InstigatorNotFoundError(LodestarError):
    """No schedule or sensor (`kind`) of that name is loaded or stored."""

    def __init__(self, kind: str, name: str):
        super().__init__(f"{kind} {name!r} not found in any loaded code location")
        self.kind = kind
        self.name = name


class LeadershipLostError(LodestarError):
    """A write fenced by a leader's term, refused: another process leads the daemon now."""


class ReadOnlyError(LodestarError):
    def __init__(self, operation: str):
        super().__init__(f"{operation} refused: the control plane is in read-only mode")


class InstanceConfigError(LodestarError):
    """lodestar.yaml is invalid; the message names the file, the key path and the problem."""

    def __init__(self, file: str, key_path: str, problem: str):
        super().__init__(f"{file}: {key_path}: {problem}")
        self.file = file
        self.key_path = key_path
        self.problem = problem


class StorageError(LodestarError):
    """Storage cannot serve: unreachable database, or a value beyond a storage limit."""


class SchemaVersionError(StorageError):
    """The database schema is at another revision than this version of Lodestar expects."""

    def __init__(self, message: str, current: str | None, head: str):
        super().__init__(message)
        self.current = current
        self.head = head


class PlanError(LodestarError):
    """The code server could not build a plan (bad mode or solid selection, user code error)."""


class PartitionSetNotFoundError(LodestarError):
    def __init__(self, partition_set: str):
        super().__init__(f"partition set {partition_set!r} not found in any code location")
        self.partition_set = partition_set


class PartitionNotFoundError(LodestarError):
    def __init__(self, partition_set: str, partitions: list[str]):
        shown = ", ".join(repr(p) for p in partitions[:10])
        more = f" and {len(partitions) - 10} more" if len(partitions) > 10 else ""
        super().__init__(f"partition set {partition_set!r} has no partition {shown}{more}")
        self.partition_set = partition_set
        self.partitions = partitions


class BackfillNotFoundError(LodestarError):
    def __init__(self, backfill_id: str):
        super().__init__(f"backfill {backfill_id!r} not found")
        self.backfill_id = backfill_id
