"""Partition sets: the partitions of a pipeline, with the run config and tags of each."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from user_code_server.sdk.checks import check_name, string_tags
from user_code_server.sdk.context import PARTITION_TAG
from user_code_server.sdk.errors import DefinitionError

PARTITION_SET_TAG = "lodestar/partition_set"


class Partition:
    """One slice of the data a pipeline processes: a value and its name (default `str(value)`)."""

    __slots__ = ("value", "name")

    def __init__(self, value: Any, name: str | None = None):
        self.value = value
        self.name = str(value) if name is None else name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Partition) and (self.value, self.name) == (other.value, other.name)

    def __hash__(self) -> int:
        return hash(self.name)

    def __repr__(self) -> str:
        return f"Partition({self.value!r}, name={self.name!r})"


def _no_config(partition: Partition) -> dict:
    return {}


class PartitionSetDefinition:
    """The partitions of a pipeline (a static list or a function), the run config and tags of
    each, and the mode and solid selection their runs use."""

    def __init__(
        self,
        name: str,
        pipeline_name: str,
        partition_fn: Callable[[], Iterable[Any]] | None = None,
        partitions: Iterable[Any] | None = None,
        run_config_fn_for_partition: Callable[[Partition], dict] = _no_config,
        tags_fn_for_partition: Callable[[Partition], dict[str, Any]] | None = None,
        mode: str = "default",
        solid_selection: list[str] | None = None,
        description: str | None = None,
    ):
        self.name = check_name(name, "partition set")
        self.pipeline_name = check_name(pipeline_name, "pipeline")
        if (partition_fn is None) == (partitions is None):
            raise DefinitionError(
                f"partition set '{name}': give exactly one of partition_fn or partitions"
            )
        for what, fn in (
            ("partition_fn", partition_fn),
            ("run_config_fn_for_partition", run_config_fn_for_partition),
            ("tags_fn_for_partition", tags_fn_for_partition),
        ):
            if fn is not None and not callable(fn):
                raise DefinitionError(f"partition set '{name}': {what} must be callable")
        self._partition_fn = partition_fn
        self._static = None if partitions is None else self._checked(partitions)
        self.run_config_fn_for_partition = run_config_fn_for_partition
        self.tags_fn_for_partition = tags_fn_for_partition
        self.mode = mode
        self.solid_selection = list(solid_selection) if solid_selection else None
        self.description = description

    def get_partitions(self) -> list[Partition]:
        """The partitions, in order; a function is called anew each time (ranges up to now)."""
        if self._static is not None:
            return list(self._static)
        assert self._partition_fn is not None  # __init__ took exactly one of the two
        return self._checked(self._partition_fn())

    def get_partition_names(self) -> list[str]:
        """The names of `get_partitions()`, in order."""
        return [p.name for p in self.get_partitions()]

    def run_config_for_partition(self, partition: Partition) -> dict:
        """The run config of the partition's run, checked to be a dict."""
        config = self.run_config_fn_for_partition(partition)
        if not isinstance(config, dict):
            raise DefinitionError(
                f"partition set '{self.name}': run_config_fn_for_partition returned "
                f"{type(config).__name__} for partition '{partition.name}', not a dict"
            )
        return config

    def tags_for_partition(self, partition: Partition) -> dict[str, str]:
        """The user's tags of the partition's run, plus the partition and partition set tags."""
        tags = self.tags_fn_for_partition(partition) if self.tags_fn_for_partition else {}
        if not isinstance(tags, dict):
            raise DefinitionError(
                f"partition set '{self.name}': tags_fn_for_partition returned "
                f"{type(tags).__name__} for partition '{partition.name}', not a dict"
            )
        return {**string_tags(tags), PARTITION_TAG: partition.name, PARTITION_SET_TAG: self.name}

    def _checked(self, items: Iterable[Any]) -> list[Partition]:
        """`items` as Partitions (plain values are wrapped), with unique string names."""
        partitions = [item if isinstance(item, Partition) else Partition(item) for item in items]
        seen: set[str] = set()
        for partition in partitions:
            if not isinstance(partition.name, str) or not partition.name:
                raise DefinitionError(
                    f"partition set '{self.name}': partition names must be non-empty strings, "
                    f"got {partition.name!r}"
                )
            if partition.name in seen:
                raise DefinitionError(
                    f"partition set '{self.name}': duplicate partition name '{partition.name}'"
                )
            seen.add(partition.name)
        return partitions

    def create_schedule_definition(
        self,
        schedule_name: str,
        cron_schedule: str,
        partition_selector: Callable[..., Any] | None = None,
        **kwargs: Any,
    ) -> Any:
        """A schedule running the partition `partition_selector(context, self)` picks at each
        due time (default: the newest one at or before it); `kwargs` as for a schedule
        (`execution_timezone`, `tags`, `should_execute`, `description`)."""
        from user_code_server.sdk.schedules import partition_schedule_definition  # imports us

        return partition_schedule_definition(
            self, schedule_name, cron_schedule, partition_selector, **kwargs
        )

    def __repr__(self) -> str:
        return f"<PartitionSetDefinition {self.name} of {self.pipeline_name}>"
