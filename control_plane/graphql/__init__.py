"""The GraphQL API of the control plane (strawberry)."""

from control_plane.graphql.context import GraphQLContext
from control_plane.graphql.schema import build_schema

__all__ = ["GraphQLContext", "build_schema"]
