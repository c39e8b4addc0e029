"""Repositories: the pipelines, partition sets, schedules and sensors a code server hosts."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from types import ModuleType
from typing import Any

from user_code_server.sdk.checks import NAME_PATTERN, check_name
from user_code_server.sdk.errors import DefinitionError
from user_code_server.sdk.pipeline import PipelineDefinition
from user_code_server.sdk.schedules import ScheduleDefinition
from user_code_server.sdk.sensors import SensorDefinition

_KINDS = ("pipelines", "partition_sets", "schedules", "sensors")


def _is_partition_set(item: Any) -> bool:
    # Recognised by shape (a named object targeting a pipeline), so that the partitions
    # module depends on the repository and not the other way round.
    return (
        not isinstance(item, type | PipelineDefinition | ScheduleDefinition | SensorDefinition)
        and hasattr(item, "name")
        and hasattr(item, "pipeline_name")
    )


class RepositoryDefinition:
    """A named collection of pipelines, partition sets, schedules and sensors. The partition
    set of a partitioned schedule is in it too."""

    def __init__(
        self,
        name: str,
        pipelines: list[PipelineDefinition],
        partition_sets: list[Any] | None = None,
        description: str | None = None,
        schedules: list[ScheduleDefinition] | None = None,
        sensors: list[SensorDefinition] | None = None,
    ):
        self.name = check_name(name, "repository")
        self.description = description
        self.pipelines = list(pipelines)
        self.schedules = list(schedules or [])
        self.sensors = list(sensors or [])
        self.partition_sets = list(partition_sets or [])
        self.partition_sets += [
            s.partition_set
            for s in self.schedules
            if s.partition_set is not None and s.partition_set not in self.partition_sets
        ]
        self._pipelines = _unique(self.pipelines, "pipeline", name)
        self._partition_sets = _unique(self.partition_sets, "partition set", name)
        self._schedules = _unique(self.schedules, "schedule", name)
        self._sensors = _unique(self.sensors, "sensor", name)
        for what, items in (
            ("partition set", self.partition_sets),
            ("schedule", self.schedules),
            ("sensor", self.sensors),
        ):
            for item in items:
                if item.pipeline_name and item.pipeline_name not in self._pipelines:
                    raise DefinitionError(
                        f"repository '{name}': {what} '{item.name}' targets pipeline "
                        f"'{item.pipeline_name}', which is not in the repository"
                    )

    def has_pipeline(self, name: str) -> bool:
        return name in self._pipelines

    def get_pipeline(self, name: str) -> PipelineDefinition:
        """The pipeline called `name`; raises KeyError naming it when there is none."""
        try:
            return self._pipelines[name]
        except KeyError:
            raise KeyError(f"pipeline '{name}' not found in repository '{self.name}'") from None

    def get_partition_set(self, name: str) -> Any:
        """The partition set called `name`; raises KeyError naming it when there is none."""
        try:
            return self._partition_sets[name]
        except KeyError:
            raise KeyError(
                f"partition set '{name}' not found in repository '{self.name}'"
            ) from None

    def get_schedule(self, name: str) -> ScheduleDefinition:
        """The schedule called `name`; raises KeyError naming it when there is none."""
        try:
            return self._schedules[name]
        except KeyError:
            raise KeyError(f"schedule '{name}' not found in repository '{self.name}'") from None

    def get_sensor(self, name: str) -> SensorDefinition:
        """The sensor called `name`; raises KeyError naming it when there is none."""
        try:
            return self._sensors[name]
        except KeyError:
            raise KeyError(f"sensor '{name}' not found in repository '{self.name}'") from None

    def __repr__(self) -> str:
        return f"<RepositoryDefinition {self.name}>"


def _unique(items: list[Any], what: str, repository: str) -> dict[str, Any]:
    by_name: dict[str, Any] = {}
    for item in items:
        if item.name in by_name and by_name[item.name] is not item:
            raise DefinitionError(f"repository '{repository}': two {what}s named '{item.name}'")
        by_name[item.name] = item
    return by_name


def repository(name: str | Callable[[], Any] | None = None, description: str | None = None) -> Any:
    """Declares a repository from a function returning a list of pipelines, partition sets,
    schedules and sensors, or a dict by kind (`{"pipelines": {...}, "schedules": [...]}`, kinds
    `pipelines`, `partition_sets`, `schedules`, `sensors`): `@repository` or `@repository(...)`.
    """
    if callable(name):
        return repository()(name)

    def decorate(fn: Callable[[], Any]) -> RepositoryDefinition:
        repo_name = name or fn.__name__
        kinds = _split(fn(), repo_name)
        return RepositoryDefinition(
            repo_name,
            kinds["pipelines"],
            kinds["partition_sets"],
            description or inspect.getdoc(fn),
            schedules=kinds["schedules"],
            sensors=kinds["sensors"],
        )

    return decorate


def _split(definitions: Any, repo_name: str) -> dict[str, list[Any]]:
    """The definitions a @repository function returned, by kind (the keys of `_KINDS`)."""
    if isinstance(definitions, dict):
        unknown = set(definitions) - set(_KINDS)
        if unknown:
            raise DefinitionError(
                f"repository '{repo_name}': unknown kinds {sorted(unknown)}; use {list(_KINDS)}"
            )
        items = [
            item() if inspect.isfunction(item) else item  # lazily built definitions
            for kind in _KINDS
            for item in _values(definitions.get(kind, ()))
        ]
    elif isinstance(definitions, list | tuple):
        items = list(definitions)
    else:
        raise DefinitionError(
            f"repository '{repo_name}' must return a list or a dict of definitions, "
            f"got {type(definitions).__name__}"
        )
    kinds: dict[str, list[Any]] = {kind: [] for kind in _KINDS}
    for item in items:
        kind = _kind(item)
        if kind is None:
            raise DefinitionError(
                f"repository '{repo_name}': {item!r} is not a pipeline, partition set, "
                "schedule or sensor"
            )
        kinds[kind].append(item)
    return kinds


def _kind(item: Any) -> str | None:
    if isinstance(item, PipelineDefinition):
        return "pipelines"
    if isinstance(item, ScheduleDefinition):
        return "schedules"
    if isinstance(item, SensorDefinition):
        return "sensors"
    return "partition_sets" if _is_partition_set(item) else None


def _values(group: Any) -> list[Any]:
    return list(group.values()) if isinstance(group, dict) else list(group)


def repository_from_module(module: ModuleType) -> RepositoryDefinition:
    """The module's @repository, or an implicit one of its module-level pipelines, partition
    sets, schedules and sensors, named after the module."""
    found = {id(v): v for v in vars(module).values() if isinstance(v, RepositoryDefinition)}
    if len(found) == 1:
        return next(iter(found.values()))
    if len(found) > 1:
        names = sorted(r.name for r in found.values())
        raise DefinitionError(f"module {module.__name__} defines several repositories: {names}")
    kinds: dict[str, dict[int, Any]] = {kind: {} for kind in _KINDS}
    for value in vars(module).values():
        kind = _kind(value)
        if kind is not None:
            kinds[kind][id(value)] = value
    name = module.__name__.rsplit(".", 1)[-1]
    if not NAME_PATTERN.fullmatch(name):
        name = "repository"
    return RepositoryDefinition(
        name,
        list(kinds["pipelines"].values()),
        list(kinds["partition_sets"].values()),
        schedules=list(kinds["schedules"].values()),
        sensors=list(kinds["sensors"].values()),
    )
