"""A bound on what one document may cost, estimated before any resolver runs.

The estimate multiplies each selection by how many times it will be resolved: a page's
`limit` (a literal, a variable or the argument's default) for the list it pages, a guess of
`UNPAGED_LIST_SIZE` for other lists. A field costs 1, or `RESOLVER_COST` when a coroutine
resolves it (those run storage reads or code server calls in threads). Aliases and
fragments count each time they are used; the schema's depth, alias and token limits bound
the walk itself.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Mapping
from typing import Any

from strawberry.extensions import SchemaExtension

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SchemaMetaFieldDef,
    SelectionSetNode,
    TypeMetaFieldDef,
    ValidationContext,
    ValidationRule,
    VariableNode,
)

MAX_COST = 150_000
RESOLVER_COST = 100
UNPAGED_LIST_SIZE = 10
PAGE_ARGUMENT = "limit"


class QueryCostLimiter(SchemaExtension):
    """Refuses, as a validation error naming the bound, a document whose estimated cost
    exceeds `max_cost`."""

    def __init__(self, max_cost: int = MAX_COST):
        self.max_cost = max_cost

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        variables = json.dumps(context.variables or {}, sort_keys=True, default=str)
        rule = _cost_rule(variables, self.max_cost)
        context.validation_rules = (*context.validation_rules, rule)
        yield


@functools.lru_cache(maxsize=128)
def _cost_rule(variables_json: str, max_cost: int) -> type[ValidationRule]:
    """The cost rule for these variables (as JSON): the same class for the same variables,
    so that a repeated request is found in the validation cache."""
    variables = json.loads(variables_json)

    class QueryCost(ValidationRule):
        def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
            root = self.context.schema.get_root_type(node.operation)
            cost = CostEstimate(self.context, variables).selections(node.selection_set, root)
            if cost > max_cost:
                name = f" {node.name.value}" if node.name else ""
                self.report_error(
                    GraphQLError(
                        f"operation{name} is estimated at {cost:,} (items x fields), over the "
                        f"maximum of {max_cost:,}: ask for smaller pages (`limit`), fewer "
                        "fields or fewer aliases",
                        node,
                    )
                )

    return QueryCost


class CostEstimate:
    """Walks one operation's selections with the schema's types."""

    def __init__(self, context: ValidationContext, variables: Mapping[str, Any]):
        self.schema: GraphQLSchema = context.schema
        self.fragments: dict[str, FragmentDefinitionNode] = {
            d.name.value: d
            for d in context.document.definitions
            if isinstance(d, FragmentDefinitionNode)
        }
        self.variables = variables
        self._fragment_costs: dict[tuple[str, int | None], int] = {}
        self._expanding: set[str] = set()

    def selections(
        self,
        selection_set: SelectionSetNode | None,
        parent: GraphQLNamedType | None,
        page: int | None = None,
    ) -> int:
        """The cost of resolving `selection_set` once on an object of type `parent`;
        `page` is a limit not yet applied to a list (the `nodes` of a connection)."""
        if selection_set is None:
            return 0
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self.field(selection, parent, page)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                inner = self.schema.get_type(condition.name.value) if condition else parent
                total += self.selections(selection.selection_set, inner, page)
            elif isinstance(selection, FragmentSpreadNode):
                total += self.fragment(selection.name.value, page)
        return total

    def fragment(self, name: str, page: int | None) -> int:
        key = (name, page)
        if key not in self._fragment_costs:
            definition = self.fragments.get(name)
            if definition is None or name in self._expanding:
                return 0  # unknown or cyclic: other validation rules report it
            self._expanding.add(name)
            parent = self.schema.get_type(definition.type_condition.name.value)
            self._fragment_costs[key] = self.selections(definition.selection_set, parent, page)
            self._expanding.discard(name)
        return self._fragment_costs[key]

    def field(self, node: FieldNode, parent: GraphQLNamedType | None, page: int | None) -> int:
        definition = _field_definition(parent, node.name.value)
        if definition is None:
            return 1
        page = self._page_size(node, definition) or page
        field_type, is_list = _unwrap(definition.type)
        count = (page or UNPAGED_LIST_SIZE) if is_list else 1
        children = self.selections(node.selection_set, field_type, None if is_list else page)
        return _own_cost(definition) + count * children

    def _page_size(self, node: FieldNode, definition: GraphQLField) -> int | None:
        argument = definition.args.get(PAGE_ARGUMENT)
        if argument is None:
            return None
        value = argument.default_value
        for given in node.arguments or ():
            if given.name.value != PAGE_ARGUMENT:
                continue
            if isinstance(given.value, IntValueNode):
                value = int(given.value.value)
            elif isinstance(given.value, VariableNode):
                value = self.variables.get(given.value.name.value, value)
        return value if isinstance(value, int) and value > 0 else None


_INTROSPECTION_FIELDS = {"__schema": SchemaMetaFieldDef, "__type": TypeMetaFieldDef}


def _field_definition(parent: GraphQLNamedType | None, name: str) -> GraphQLField | None:
    if name in _INTROSPECTION_FIELDS:
        return _INTROSPECTION_FIELDS[name]
    if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
        return parent.fields.get(name)
    return None


def _unwrap(field_type: Any) -> tuple[Any, bool]:
    """The named type of a field's type, and whether a list is on the way."""
    is_list = False
    while isinstance(field_type, GraphQLNonNull | GraphQLList):
        is_list = is_list or isinstance(field_type, GraphQLList)
        field_type = field_type.of_type
    return field_type, is_list


def _own_cost(definition: GraphQLField) -> int:
    strawberry_field = (definition.extensions or {}).get("strawberry-definition")
    resolver = getattr(strawberry_field, "base_resolver", None)
    return RESOLVER_COST if resolver is not None and resolver.is_async else 1
