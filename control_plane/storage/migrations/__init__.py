"""Alembic migrations of the storage schema, and the checks run when storage opens."""

from control_plane.storage.migrations.schema_version import (
    MIGRATE_COMMAND,
    check_schema,
    current_revision,
    head_revision,
    upgrade,
)

__all__ = ["MIGRATE_COMMAND", "check_schema", "current_revision", "head_revision", "upgrade"]
