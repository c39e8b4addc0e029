"""Composition: calling solids inside a pipeline body records invocations and their wiring.

Every invocation has a scope: the dynamic outputs it is mapped over, outermost first. An
input fed by `dyn.map(...)` adds `dyn` to the scope (source kind MAPPED); `.collect()` of a
mapped output removes its innermost level (kind COLLECT); a plain output passes into the
same or a deeper scope (kind DIRECT, shared by every mapped instance below it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from user_code_server.protocol.snapshots import InputSource, OutputRef, SourceKind
from user_code_server.sdk.errors import DefinitionError

if TYPE_CHECKING:
    from user_code_server.sdk.hooks import HookDefinition
    from user_code_server.sdk.solid import SolidDefinition

Scope = tuple[OutputRef, ...]


@dataclass(frozen=True)
class InputBinding:
    """Where an input's value comes from; `is_list` when it receives a list (fan-in)."""

    sources: tuple[InputSource, ...]
    is_list: bool = False


@dataclass(frozen=True)
class SolidInvocation:
    """One use of a solid in a pipeline, under its (possibly aliased) name."""

    name: str
    definition: SolidDefinition
    inputs: dict[str, InputBinding]
    mapped_over: Scope = ()
    hook_defs: frozenset[HookDefinition] = frozenset()


@dataclass(frozen=True)
class InvokedOutput:
    """A handle to one output of an invocation, returned by calling a solid in a body."""

    solid: str
    output: str
    is_dynamic: bool
    mapped_over: Scope

    @property
    def ref(self) -> OutputRef:
        return OutputRef(self.solid, self.output)

    def map(self, fn: Callable[[Any], Any]) -> Any:
        """Applies `fn` (a solid, or a function composing solids) to each mapped value."""
        if self.is_dynamic:
            return fn(MappedOutput(self))
        if self.mapped_over:  # chained `.map(a).map(b)`: same mapping, one more solid
            return fn(self)
        raise DefinitionError(f"{self._label()} is not dynamic: only dynamic outputs map")

    def collect(self) -> CollectedOutput:
        """A fan-in of every mapped value, as a list in mapping-key emission order."""
        if not (self.is_dynamic or self.mapped_over):
            raise DefinitionError(f"{self._label()} is not dynamic or mapped: nothing to collect")
        return CollectedOutput(self)

    def _label(self) -> str:
        return f"output '{self.output}' of solid '{self.solid}'"


@dataclass(frozen=True)
class MappedOutput:
    """One value of a dynamic output, as seen by the function given to `.map()`."""

    source: InvokedOutput


@dataclass(frozen=True)
class CollectedOutput:
    """The list of all values of a dynamic or mapped output."""

    source: InvokedOutput


class InvokedOutputs(tuple):
    """The output handles of an invocation with several outputs, by position or by name."""

    def __getattr__(self, name: str) -> InvokedOutput:
        for handle in self:
            if handle.output == name:
                return handle
        raise AttributeError(f"the solid has no output named '{name}'")


@dataclass(frozen=True)
class CompositeInvocation:
    """One use of a composite solid: its name, whose solids are named `{name}__{inner}`."""

    name: str
    definition: Any  # a CompositeSolidDefinition


class _Builder:
    """Collects the invocations of one pipeline body; inside a composite's body, names get
    the composite's prefix."""

    def __init__(self, pipeline_name: str):
        self.pipeline_name = pipeline_name
        self.invocations: list[SolidInvocation] = []
        self.composites: list[CompositeInvocation] = []
        self.prefix = ""
        self._names: set[str] = set()

    def unique_name(self, definition_name: str, alias: str | None) -> str:
        if alias is not None:
            if self.prefix + alias in self._names:
                raise DefinitionError(
                    f"pipeline '{self.pipeline_name}': two solids are named '{self.prefix + alias}'"
                )
            return self.prefix + alias
        name, n = self.prefix + definition_name, 1
        while name in self._names:
            n += 1
            name = f"{self.prefix}{definition_name}_{n}"
        return name

    @contextmanager
    def inside(self, composite: CompositeInvocation) -> Iterator[None]:
        """Names the invocations made in the block as solids of `composite`."""
        self._names.add(composite.name)
        outer, self.prefix = self.prefix, composite.name + "__"
        try:
            yield
        finally:
            self.prefix = outer
        self.composites.append(composite)

    def add(self, invocation: SolidInvocation) -> None:
        self._names.add(invocation.name)
        self.invocations.append(invocation)


_CURRENT: ContextVar[_Builder | None] = ContextVar("lodestar_composition", default=None)

UNCONNECTED: Any = object()
"""What a composite's body gets for an input its caller did not connect: the solids it is
passed to leave that input unconnected."""


def current_builder(what: str) -> _Builder:
    """The builder of the body being composed; DefinitionError naming `what` outside one."""
    builder = _CURRENT.get()
    if builder is None:
        raise DefinitionError(
            f"{what} was called outside a @pipeline body; to run it, put it in a pipeline"
        )
    return builder


@contextmanager
def composing(pipeline_name: str) -> Iterator[_Builder]:
    """Makes solid calls inside the block record invocations into the yielded builder."""
    builder = _Builder(pipeline_name)
    token = _CURRENT.set(builder)
    try:
        yield builder
    finally:
        _CURRENT.reset(token)


def is_composing() -> bool:
    """Whether a pipeline (or composite) body is being composed right now."""
    return _CURRENT.get() is not None


def invoke(
    definition: SolidDefinition,
    alias: str | None,
    args: tuple,
    kwargs: dict,
    hook_defs: frozenset[HookDefinition] = frozenset(),
) -> Any:
    """Records an invocation of `definition` (with its hooks) in the current pipeline body."""
    builder = _CURRENT.get()
    if builder is None:
        raise DefinitionError(
            f"solid '{definition.name}' was called outside a @pipeline body; to run it, "
            "put it in a pipeline, or call it with a context first: "
            f"{definition.name}(build_solid_context(), ...)"
        )
    name = builder.unique_name(definition.name, alias)
    values = arguments(definition, name, args, kwargs)
    inputs: dict[str, InputBinding] = {}
    scopes: list[Scope] = []
    for input_name, value in values.items():
        binding, scope = _bind(value, f"input '{input_name}' of solid '{name}'")
        inputs[input_name] = binding
        scopes.append(scope)
    for input_def in definition.input_defs:
        if input_def.name not in inputs and not input_def.can_be_unconnected:
            raise DefinitionError(
                f"input '{input_def.name}' of solid '{name}' is not connected, has no default, "
                f"and its type {input_def.dagster_type.name} cannot come from run config"
            )
    scope = _common_scope(f"solid '{name}'", scopes)
    builder.add(SolidInvocation(name, definition, inputs, scope, hook_defs))
    return _handles(definition, name, scope)


def arguments(definition: Any, name: str, args: tuple, kwargs: dict) -> dict:
    """The values given to each input of a solid or composite by name (unconnected ones
    left out)."""
    input_names = [d.name for d in definition.input_defs]
    if len(args) > len(input_names):
        raise DefinitionError(
            f"solid '{name}' takes {len(input_names)} inputs but got {len(args)} arguments"
        )
    values = dict(zip(input_names, args, strict=False))
    for key, value in kwargs.items():
        if key not in definition.input_dict:
            raise DefinitionError(f"solid '{name}' has no input named '{key}'")
        if key in values:
            raise DefinitionError(f"input '{key}' of solid '{name}' is given twice")
        values[key] = value
    return {k: v for k, v in values.items() if v is not UNCONNECTED}


def _bind(value: Any, label: str) -> tuple[InputBinding, Scope]:
    """The binding of one argument and the scope the invocation needs for it."""
    if isinstance(value, InvokedOutput):
        if value.is_dynamic:
            raise DefinitionError(
                f"{label} gets dynamic {value._label()}: use .map() or .collect() on it"
            )
        return InputBinding((InputSource(value.solid, value.output),)), value.mapped_over
    if isinstance(value, MappedOutput):
        src = value.source
        source = InputSource(src.solid, src.output, SourceKind.MAPPED)
        return InputBinding((source,)), (*src.mapped_over, src.ref)
    if isinstance(value, CollectedOutput):
        src = value.source
        source = InputSource(src.solid, src.output, SourceKind.COLLECT)
        scope = src.mapped_over if src.is_dynamic else src.mapped_over[:-1]
        return InputBinding((source,), is_list=True), scope
    if isinstance(value, list | tuple) and value and not isinstance(value, InvokedOutputs):
        bindings = [_bind(v, label) for v in value]
        if any(b.is_list or b.sources[0].kind != SourceKind.DIRECT for b, _ in bindings):
            raise DefinitionError(f"{label}: a fan-in list takes plain solid outputs only")
        sources = tuple(b.sources[0] for b, _ in bindings)
        return InputBinding(sources, is_list=True), _common_scope(label, [s for _, s in bindings])
    raise DefinitionError(
        f"{label} got {type(value).__name__} {value!r}: pass the output of another solid "
        "(constants go in config or default values)"
    )


def _common_scope(label: str, scopes: list[Scope]) -> Scope:
    """The deepest scope, provided every other one is a prefix of it."""
    deepest: Scope = max(scopes, key=len, default=())
    for scope in scopes:
        if deepest[: len(scope)] != scope:
            raise DefinitionError(
                f"{label} combines values mapped over different dynamic outputs: "
                f"{_scope_text(scope)} and {_scope_text(deepest)}"
            )
    return deepest


def _scope_text(scope: Scope) -> str:
    return "[" + ", ".join(f"{r.solid}.{r.output}" for r in scope) + "]"


def _handles(definition: SolidDefinition, name: str, scope: Scope) -> Any:
    handles = [InvokedOutput(name, d.name, d.is_dynamic, scope) for d in definition.output_defs]
    if not handles:
        return None
    return handles[0] if len(handles) == 1 else InvokedOutputs(handles)
