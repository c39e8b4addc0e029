"""Resources and modes: `@resource`, `ModeDefinition`, and building resources for a step."""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import Callable, Iterator
from typing import Any

from user_code_server.sdk.checks import check_name
from user_code_server.sdk.config import Field, normalize_config_schema
from user_code_server.sdk.errors import DefinitionError


class ResourceDefinition:
    """A resource: `resource_fn(init_context)` returns its value, or yields it to tear down."""

    def __init__(
        self,
        resource_fn: Callable[[InitResourceContext], Any],
        config_schema: Any = None,
        description: str | None = None,
    ):
        if not callable(resource_fn):
            raise DefinitionError("a resource function must be callable")
        self.resource_fn = resource_fn
        self.is_generator = inspect.isgeneratorfunction(resource_fn)
        self.config_field = normalize_config_schema(config_schema)
        self.description = description

    @staticmethod
    def hardcoded_resource(value: Any, description: str | None = None) -> ResourceDefinition:
        """A resource that is always `value` (handy in tests and test modes)."""
        return ResourceDefinition(lambda _: value, description=description)


def resource(
    config_schema: Any = None, description: str | None = None
) -> Callable[[Callable[..., Any]], ResourceDefinition] | ResourceDefinition:
    """Declares a resource from `fn(init_context)`: `@resource` or `@resource(config_schema)`."""
    bare = callable(config_schema) and not isinstance(config_schema, type)
    schema = None if bare else config_schema

    def decorate(fn: Callable[..., Any]) -> ResourceDefinition:
        return ResourceDefinition(fn, schema, description or inspect.getdoc(fn))

    return decorate(config_schema) if bare else decorate


def make_values_resource(**fields: Any) -> ResourceDefinition:
    """A resource whose value is its config: a dict of the given fields
    (`make_values_resource(url=str, retries=Field(int, default_value=3))`), or any config
    (None when absent) without fields."""
    schema = fields if fields else Field(Any, is_required=False)
    return ResourceDefinition(lambda context: context.resource_config, schema)


class InitResourceContext:
    """What a resource function receives: its config, the run id and the step's logger."""

    def __init__(self, resource_config: Any, run_id: str, log: Any):
        self.resource_config = resource_config
        self.run_id = run_id
        self.log = log


class ModeDefinition:
    """A named set of resources a pipeline can run with."""

    def __init__(
        self,
        name: str = "default",
        resource_defs: dict[str, ResourceDefinition] | None = None,
        description: str | None = None,
    ):
        self.name = check_name(name, "mode")
        self.resource_defs = dict(resource_defs or {})
        for key, definition in self.resource_defs.items():
            check_name(key, "resource")
            if not isinstance(definition, ResourceDefinition):
                raise DefinitionError(
                    f"mode '{name}': resource '{key}' must be a ResourceDefinition "
                    f"(use @resource), got {type(definition).__name__}"
                )
        self.description = description


class Resources:
    """The resources a solid asked for, as attributes: `context.resources.db`."""

    __slots__ = ("_values", "_solid")

    def __init__(self, values: dict[str, Any], solid: str):
        self._values = values
        self._solid = solid

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(
                f"resource '{name}' is not available to solid '{self._solid}': "
                "list it in the solid's required_resource_keys"
            ) from None


def resource_values(resources: Any) -> dict[str, Any]:
    """The values by key of a context's resources (none for anything but Resources)."""
    return dict(resources._values) if isinstance(resources, Resources) else {}


def init_resources(
    stack: contextlib.ExitStack,
    mode: ModeDefinition,
    keys: tuple[str, ...],
    configs: dict[str, Any],
    run_id: str,
    log: Any,
    solid: str,
) -> Resources:
    """Initialises the resources `keys` of `mode`. Generator resources resume after their
    `yield` when `stack` closes, whether the step failed or not (as in Dagster)."""
    values = {}
    for key in keys:
        definition = mode.resource_defs[key]
        context = InitResourceContext(configs.get(key), run_id, log)
        if definition.is_generator:
            generator = definition.resource_fn(context)
            values[key] = next(generator)
            stack.callback(_tear_down, key, generator)
        else:
            values[key] = definition.resource_fn(context)
    return Resources(values, solid)


def _tear_down(key: str, generator: Iterator[Any]) -> None:
    if next(generator, _DONE) is not _DONE:
        raise DefinitionError(f"resource '{key}' yielded more than once")


_DONE = object()
