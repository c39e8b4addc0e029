"""The schema, with the limits that refuse hostile documents before any resolver runs."""

from __future__ import annotations

import logging

import strawberry
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)

from control_plane.graphql.cost import QueryCostLimiter
from control_plane.graphql.mutation import Mutation
from control_plane.graphql.query import Query

# GraphiQL's introspection query nests 13 levels and has about 400 tokens.
MAX_DEPTH = 20
MAX_ALIASES = 100
MAX_TOKENS = 5000

log = logging.getLogger(__name__)

# Built once, so that a document asked again is found in the validation cache, whose key
# holds the rules (the cost rule is built once per set of variables for the same reason).
_LIMIT_RULES = [
    *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
    *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
]


class LodestarSchema(strawberry.Schema):
    """Logs only errors raised while resolving: a refused document is the client's concern,
    and logging it whole would let hostile documents flood the log."""

    def process_errors(self, errors, execution_context=None) -> None:
        for error in errors:
            if error.original_error is not None:
                log.error("%s", error.message, exc_info=error.original_error)


def build_schema() -> strawberry.Schema:
    """The Lodestar GraphQL schema."""
    return LodestarSchema(
        query=Query,
        mutation=Mutation,
        extensions=[
            lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
            lambda: AddValidationRules(_LIMIT_RULES),
            QueryCostLimiter,
            # A UI polls the same few documents: each is parsed and validated once.
            ParserCache,
            ValidationCache,
        ],
    )
