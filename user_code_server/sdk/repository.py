"""Repositories: the pipelines and partition sets a code server hosts."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from types import ModuleType
from typing import Any

from user_code_server.sdk.checks import NAME_PATTERN, check_name
from user_code_server.sdk.errors import DefinitionError
from user_code_server.sdk.pipeline import PipelineDefinition

_KINDS = ("pipelines", "partition_sets")


def _is_partition_set(item: Any) -> bool:
    # Recognised by shape (a named object targeting a pipeline), so that the partitions
    # module depends on the repository and not the other way round.
    return (
        not isinstance(item, type | PipelineDefinition)
        and hasattr(item, "name")
        and hasattr(item, "pipeline_name")
    )


class RepositoryDefinition:
    """A named collection of pipelines and partition sets."""

    def __init__(
        self,
        name: str,
        pipelines: list[PipelineDefinition],
        partition_sets: list[Any] | None = None,
        description: str | None = None,
    ):
        self.name = check_name(name, "repository")
        self.description = description
        self.pipelines = list(pipelines)
        self.partition_sets = list(partition_sets or [])
        self._pipelines = _unique(self.pipelines, "pipeline", name)
        self._partition_sets = _unique(self.partition_sets, "partition set", name)
        for partition_set in self.partition_sets:
            if partition_set.pipeline_name not in self._pipelines:
                raise DefinitionError(
                    f"repository '{name}': partition set '{partition_set.name}' targets "
                    f"pipeline '{partition_set.pipeline_name}', which is not in the repository"
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
    """Declares a repository from a function returning a list of pipelines and partition sets,
    or a dict `{"pipelines": {...}, "partition_sets": {...}}`: `@repository` or `@repository(...)`.
    """
    if callable(name):
        return repository()(name)

    def decorate(fn: Callable[[], Any]) -> RepositoryDefinition:
        repo_name = name or fn.__name__
        pipelines, partition_sets = _split(fn(), repo_name)
        return RepositoryDefinition(
            repo_name, pipelines, partition_sets, description or inspect.getdoc(fn)
        )

    return decorate


def _split(definitions: Any, repo_name: str) -> tuple[list[Any], list[Any]]:
    """(pipelines, partition sets) from what a @repository function returned."""
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
    pipelines = [i for i in items if isinstance(i, PipelineDefinition)]
    partition_sets = [i for i in items if _is_partition_set(i)]
    for item in items:
        if not (isinstance(item, PipelineDefinition) or _is_partition_set(item)):
            raise DefinitionError(
                f"repository '{repo_name}': {item!r} is neither a pipeline nor a partition set"
            )
    return pipelines, partition_sets


def _values(group: Any) -> list[Any]:
    return list(group.values()) if isinstance(group, dict) else list(group)


def repository_from_module(module: ModuleType) -> RepositoryDefinition:
    """The module's @repository, or an implicit one of its module-level pipelines and partition
    sets, named after the module."""
    found = {id(v): v for v in vars(module).values() if isinstance(v, RepositoryDefinition)}
    if len(found) == 1:
        return next(iter(found.values()))
    if len(found) > 1:
        names = sorted(r.name for r in found.values())
        raise DefinitionError(f"module {module.__name__} defines several repositories: {names}")
    items = {id(v): v for v in vars(module).values() if isinstance(v, PipelineDefinition)}
    partition_sets = {id(v): v for v in vars(module).values() if _is_partition_set(v)}
    name = module.__name__.rsplit(".", 1)[-1]
    if not NAME_PATTERN.fullmatch(name):
        name = "repository"
    return RepositoryDefinition(name, list(items.values()), list(partition_sets.values()))
