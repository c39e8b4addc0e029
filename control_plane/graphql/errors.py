"""Typed error results: every root field returns its data or one of these, never a 500."""

from __future__ import annotations

import traceback

import strawberry

from control_plane import assets, errors
from control_plane.graphql.basic_types import AssetKey


class BadArgument(errors.LodestarError):
    """An argument the schema's types accept but whose value makes no sense (a bad cursor)."""

    def __init__(self, argument: str, message: str):
        super().__init__(f"{argument}: {message}")
        self.argument = argument


@strawberry.interface(description="Anything that went wrong, with a message for a person.")
class Error:
    message: str


@strawberry.type(description="An unexpected error inside the control plane.")
class PythonError(Error):
    class_name: str
    stack: str

    @staticmethod
    def from_exception(exc: BaseException) -> PythonError:
        return PythonError(
            message=str(exc) or type(exc).__name__,
            class_name=type(exc).__name__,
            stack="".join(traceback.format_exception(exc)),
        )


@strawberry.type(description="No code location (or not the one named) defines the pipeline.")
class PipelineNotFoundError(Error):
    pipeline: str
    location: str | None


@strawberry.type(description="The named code location is not in the workspace.")
class LocationNotFoundError(Error):
    location: str


@strawberry.type(description="A code location cannot serve: server unreachable or load failed.")
class CodeLocationError(Error):
    location: str
    detail: str


@strawberry.type(description="One problem in a run config, at a path such as `solids.a.config`.")
class ConfigError:
    path: str
    message: str


@strawberry.type(description="The run config does not match the pipeline's config schema.")
class RunConfigValidationError(Error):
    pipeline: str
    errors: list[ConfigError]


@strawberry.type(description="No run has this id.")
class RunNotFoundError(Error):
    run_id: str


@strawberry.type(
    description="The code server could not build a plan: unknown mode, bad solid selection, "
    "or an error in user code."
)
class PlanError(Error):
    pass


@strawberry.type(description="The run's status does not allow the operation.")
class InvalidRunStateError(Error):
    pass


@strawberry.type(description="A step selection names steps the run's plan does not have.")
class InvalidStepSelectionError(Error):
    pass


@strawberry.type(description="The control plane runs with --read-only: mutations are refused.")
class ReadOnlyError(Error):
    pass


@strawberry.type(description="An argument value is not acceptable (a malformed cursor, a limit).")
class InvalidArgumentError(Error):
    argument: str


@strawberry.type(description="No loaded code location defines the partition set.")
class PartitionSetNotFoundError(Error):
    partition_set: str


@strawberry.type(description="The partition set has none of these partitions.")
class PartitionNotFoundError(Error):
    partition_set: str
    partitions: list[str]


@strawberry.type(description="No backfill has this id.")
class BackfillNotFoundError(Error):
    backfill_id: str


@strawberry.type(
    description="No loaded code location defines the asset, and storage has no "
    "materialization of it."
)
class AssetNotFoundError(Error):
    key: AssetKey


@strawberry.type(description="No schedule or sensor of that name is loaded or stored.")
class InstigatorNotFoundError(Error):
    name: str


def error_result(exc: BaseException) -> Error:
    """The typed result for an exception a resolver raised."""
    match exc:
        case errors.PipelineNotFoundError():
            return PipelineNotFoundError(
                message=str(exc), pipeline=exc.pipeline, location=exc.location
            )
        case errors.LocationNotFoundError():
            return LocationNotFoundError(message=str(exc), location=exc.location)
        case errors.CodeLocationError():
            return CodeLocationError(message=str(exc), location=exc.location, detail=exc.detail)
        case errors.RunConfigValidationError():
            return RunConfigValidationError(
                message=str(exc),
                pipeline=exc.pipeline,
                errors=[ConfigError(path=e.path, message=e.message) for e in exc.errors],
            )
        case errors.RunNotFoundError():
            return RunNotFoundError(message=str(exc), run_id=exc.run_id)
        case errors.PlanError():
            return PlanError(message=str(exc))
        case errors.InvalidRunStateError():
            return InvalidRunStateError(message=str(exc))
        case errors.InvalidStepSelectionError():
            return InvalidStepSelectionError(message=str(exc))
        case errors.ReadOnlyError():
            return ReadOnlyError(message=str(exc))
        case errors.PartitionSetNotFoundError():
            return PartitionSetNotFoundError(message=str(exc), partition_set=exc.partition_set)
        case errors.PartitionNotFoundError():
            return PartitionNotFoundError(
                message=str(exc), partition_set=exc.partition_set, partitions=exc.partitions
            )
        case errors.InstigatorNotFoundError():
            return InstigatorNotFoundError(message=str(exc), name=exc.name)
        case errors.BackfillNotFoundError():
            return BackfillNotFoundError(message=str(exc), backfill_id=exc.backfill_id)
        case assets.AssetNotFoundError():
            return AssetNotFoundError(message=str(exc), key=AssetKey(path=list(exc.key)))
        case assets.InvalidAssetKeyError():
            return InvalidArgumentError(message=str(exc), argument="key")
        case BadArgument():
            return InvalidArgumentError(message=str(exc), argument=exc.argument)
    return PythonError.from_exception(exc)
