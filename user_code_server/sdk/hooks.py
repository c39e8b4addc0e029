"""Hooks: functions run after a step succeeds (`@success_hook`) or fails (`@failure_hook`),
attached to a whole pipeline (`@pipeline(hook_defs=...)`) or one solid (`solid.with_hooks`)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from user_code_server.sdk.checks import check_name
from user_code_server.sdk.errors import DefinitionError

SUCCESS = "success"
FAILURE = "failure"


class HookDefinition:
    """A hook: `hook_fn(context)` run after each step it is attached to ends in `kind`."""

    def __init__(
        self,
        name: str,
        hook_fn: Callable[[HookContext], Any],
        kind: str,
        required_resource_keys: set[str] | list[str] | None = None,
    ):
        self.name = check_name(name, "hook")
        if not callable(hook_fn) or len(inspect.signature(hook_fn).parameters) != 1:
            raise DefinitionError(f"hook '{name}': the hook function takes one argument, context")
        self.hook_fn = hook_fn
        self.kind = kind
        self.required_resource_keys = tuple(
            sorted(check_name(k, "resource") for k in (required_resource_keys or ()))
        )

    def __repr__(self) -> str:
        return f"<HookDefinition {self.kind} {self.name}>"


def _hook_decorator(kind: str) -> Callable[..., Any]:
    def decorator(
        name: str | Callable[..., Any] | None = None,
        required_resource_keys: set[str] | list[str] | None = None,
    ) -> Any:
        if callable(name):
            return HookDefinition(name.__name__, name, kind)

        def decorate(fn: Callable[..., Any]) -> HookDefinition:
            return HookDefinition(name or fn.__name__, fn, kind, required_resource_keys)

        return decorate

    decorator.__doc__ = (
        f"Declares a hook run after each step that ends in {kind}: `@{kind}_hook` or "
        f"`@{kind}_hook(name=None, required_resource_keys=None)` on `fn(context)`."
    )
    return decorator


success_hook = _hook_decorator(SUCCESS)
failure_hook = _hook_decorator(FAILURE)


def check_hooks(hook_defs: Any, owner: str) -> frozenset[HookDefinition]:
    """`hook_defs` as a frozenset; DefinitionError unless each is a HookDefinition."""
    hooks = frozenset(hook_defs or ())
    for hook in hooks:
        if not isinstance(hook, HookDefinition):
            raise DefinitionError(
                f"{owner}: hook_defs takes @success_hook/@failure_hook functions, got {hook!r}"
            )
    return hooks


class HookContext:
    """What a hook receives: the solid and step, the run, a logger and its resources."""

    def __init__(
        self,
        *,
        solid: Any,
        step_key: str,
        run_id: str,
        pipeline_name: str,
        solid_config: Any,
        log: Any,
        resources: Any,
        hook_def: HookDefinition,
    ):
        self.solid = solid
        self.step_key = step_key
        self.run_id = run_id
        self.pipeline_name = pipeline_name
        self.solid_config = solid_config
        self.log = log
        self.resources = resources
        self.hook_def = hook_def
