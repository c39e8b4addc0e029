"""Solid selection queries: `name`, `*name` / `+name` (with all / one level of upstream
solids, `++name` two levels), `name*` / `name+` (downstream likewise)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from user_code_server.sdk.pipeline import PipelineDefinition

_QUERY = re.compile(r"^(?P<up>\*|\+*)(?P<name>[A-Za-z0-9_]+)(?P<down>\*|\+*)$")


class SelectionError(ValueError):
    """A solid selection names unknown solids, is malformed, or cannot run on its own."""


def select_solids(pipeline: PipelineDefinition, queries: Iterable[str]) -> set[str]:
    """The names of the solid invocations the queries select."""
    upstream: dict[str, set[str]] = {i.name: set() for i in pipeline.invocations}
    downstream: dict[str, set[str]] = {i.name: set() for i in pipeline.invocations}
    for invocation in pipeline.invocations:
        sources = {s.solid for b in invocation.inputs.values() for s in b.sources}
        for name in sources | {ref.solid for ref in invocation.mapped_over}:
            upstream[invocation.name].add(name)
            downstream[name].add(invocation.name)
    selected: set[str] = set()
    unknown = []
    for query in queries:
        match = _QUERY.match(query.strip())
        if not match:
            raise SelectionError(f"invalid solid selection query {query!r}")
        name = match.group("name")
        if name not in upstream:
            unknown.append(name)
            continue
        selected.add(name)
        selected |= _walk(name, upstream, _depth(match.group("up")))
        selected |= _walk(name, downstream, _depth(match.group("down")))
    if unknown:
        raise SelectionError(
            f"solid selection names solids not in pipeline '{pipeline.name}': {', '.join(unknown)}"
        )
    return selected


def _depth(marks: str) -> float:
    return float("inf") if marks == "*" else len(marks)


def _walk(start: str, edges: dict[str, set[str]], depth: float) -> set[str]:
    found: set[str] = set()
    frontier = {start}
    while frontier and depth > 0:
        frontier = {n for f in frontier for n in edges[f]} - found
        found |= frontier
        depth -= 1
    return found
