"""What every resolver receives: the control plane and whether mutations are allowed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

import strawberry

if TYPE_CHECKING:
    from control_plane.service import ControlPlane
    from control_plane.storage.base import Storage


@dataclass(frozen=True)
class GraphQLContext:
    """Per-server context: one control plane, and the read-only switch of `lodestar up`."""

    control_plane: ControlPlane
    read_only: bool = False

    @property
    def storage(self) -> Storage:
        return self.control_plane.storage


Info: TypeAlias = strawberry.Info[GraphQLContext, None]
