"""Safe YAML loading with bounds: aliases cannot expand a small file into a huge document.

`yaml.safe_load` builds `a: &a [x, x]` / `b: &b [*a, *a]` ... (a "billion laughs") as
shared references in no time; whoever walks the result (a deep merge, JSON encoding) then
does exponential work. This loader counts the document as it would be expanded and refuses
it past `MAX_NODES` nodes or `MAX_DEPTH` levels, before anything is built.
"""

from __future__ import annotations

from typing import IO, Any

import yaml

MAX_NODES = 100_000
MAX_DEPTH = 100


class YamlTooLarge(yaml.MarkedYAMLError):
    """A document past the loader's bounds; a `yaml.YAMLError`, so callers report it as such."""


class BoundedSafeLoader(yaml.SafeLoader):
    """`yaml.SafeLoader` refusing documents that expand past `MAX_NODES` or `MAX_DEPTH`."""

    def __init__(self, stream: str | bytes | IO) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        # The composer recurses once per level: refuse before Python's stack runs out.
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise YamlTooLarge(
                    problem=f"nested deeper than {MAX_DEPTH} levels",
                    problem_mark=self.peek_event().start_mark,
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_document(self, node: yaml.Node) -> Any:
        _check_expanded_size(node)
        return super().construct_document(node)


def load(stream: str | bytes | IO) -> Any:
    """The single YAML document in `stream`; raises `yaml.YAMLError` (`YamlTooLarge` too)."""
    return yaml.load(stream, Loader=BoundedSafeLoader)  # noqa: S506 (a SafeLoader subclass)


def _check_expanded_size(root: yaml.Node) -> None:
    """Counts nodes and depth as if every alias were a copy, visiting each node once."""
    sizes: dict[int, tuple[int, int]] = {}  # id(node) -> (expanded nodes, expanded depth)
    in_progress: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        children = _children(node)
        if not children_done:
            if key in sizes:
                continue
            if key in in_progress:
                mark = node.start_mark
                raise YamlTooLarge(problem="an alias refers to itself", problem_mark=mark)
            in_progress.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
            continue
        in_progress.discard(key)
        counted = [sizes[id(child)] for child in children]
        nodes = 1 + sum(n for n, _ in counted)
        depth = 1 + max((d for _, d in counted), default=0)
        if nodes > MAX_NODES or depth > MAX_DEPTH:
            limit = f"{MAX_NODES} nodes" if nodes > MAX_NODES else f"{MAX_DEPTH} levels"
            raise YamlTooLarge(
                problem=f"aliases expand the document past {limit}", problem_mark=node.start_mark
            )
        sizes[key] = (nodes, depth)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []
