"""Field extensions of the root fields: errors become typed results; read-only refusal."""

from __future__ import annotations

import logging
from typing import Any

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
        members = getattr(self.field.type, "types", ())
        return any(getattr(m, "__strawberry_definition__", m) is _definition(result_type)
                   for m in members)

    async def resolve_async(self, next_, source: Any, info, **kwargs: Any) -> Any:
        try:
            return await next_(source, info, **kwargs)
        except Exception as exc:
            result = error_result(exc)
            if isinstance(result, PythonError) or not self.allows(type(result)):
                log.exception("%s failed", info.field_name)
                return PythonError.from_exception(exc)
            return result


class RefusedWhenReadOnly(FieldExtension):
    """Answers a mutation with `ReadOnlyError` when the server runs read-only."""

    async def resolve_async(self, next_, source: Any, info, **kwargs: Any) -> Any:
        if info.context.read_only:
            return error_result(errors.ReadOnlyError(info.field_name))
        return await next_(source, info, **kwargs)


def _definition(cls: type) -> Any:
    return getattr(cls, "__strawberry_definition__", cls)
