"""Field extensions of the root fields: errors become typed results; read-only refusal."""

from __future__ import annotations

import logging
from typing import Any

import strawberry
from strawberry.extensions import FieldExtension
from strawberry.types.field import StrawberryField

from control_plane import errors
from control_plane.graphql.errors import PythonError, error_result

log = logging.getLogger(__name__)


class TypedErrors(FieldExtension):
    """Turns an exception of the resolver into a member of the field's result union.

    An error the union does not list becomes `PythonError`, so a client always gets data.
    """

    def apply(self, field: StrawberryField) -> None:
        self.field = field

    def allows(self, result_type: type) -> bool:
        return result_type in getattr(self.field.type, "types", ())

    async def resolve_async(self, next_, source: Any, info, **kwargs: Any) -> Any:
        try:
            return await next_(source, info, **kwargs)
        except Exception as exc:
            if not isinstance(exc, errors.LodestarError):
                log.exception("%s failed", info.field_name)
            result = error_result(exc)
            return result if self.allows(type(result)) else PythonError.from_exception(exc)


class RefusedWhenReadOnly(FieldExtension):
    """Answers a mutation with `ReadOnlyError` when the server runs read-only."""

    async def resolve_async(self, next_, source: Any, info, **kwargs: Any) -> Any:
        if info.context.read_only:
            return error_result(errors.ReadOnlyError(info.field_name))
        return await next_(source, info, **kwargs)


def root_query(description: str) -> Any:
    """A root query field whose errors are typed results."""
    return strawberry.field(description=description, extensions=[TypedErrors()])


def nested_field(description: str) -> Any:
    """A field below the root that calls out (storage, code servers): typed errors too."""
    return strawberry.field(description=description, extensions=[TypedErrors()])


def root_mutation(description: str) -> Any:
    """A root mutation field: typed errors, and refused when the server is read-only."""
    return strawberry.mutation(
        description=description, extensions=[RefusedWhenReadOnly(), TypedErrors()]
    )
