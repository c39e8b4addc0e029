"""Tag columns compare as the exact strings they hold on MySQL: a NO PAD binary collation.

`utf8mb4_bin` is a PAD SPACE collation, so "a" and "a " compared equal: a filter on one
matched both and a run could not carry both as keys. SQLite already compares exactly.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from typing import cast

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.mysql.base import MySQLDialect

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# (table, column, length, nullable): run tags, and the tags kept as columns of a run.
TAG_COLUMNS = [
    ("run_tags", "key", 255, False),
    ("run_tags", "value", 512, False),
    ("runs", "partition_set", 255, True),
    ("runs", "partition_key", 255, True),
    ("runs", "backfill_id", 255, True),
    ("run_steps", "partition_set", 255, True),
    ("run_steps", "partition_key", 255, True),
]
PAD_SPACE_COLLATION = "utf8mb4_bin"


def no_pad_collation() -> str:
    """MariaDB's and MySQL 8's names for a NO PAD binary utf8mb4 collation."""
    # Only called on MySQL/MariaDB, whose dialect has is_mariadb.
    dialect = cast(MySQLDialect, op.get_bind().dialect)
    return "utf8mb4_nopad_bin" if dialect.is_mariadb else "utf8mb4_0900_bin"


def _set_collation(collation: str) -> None:
    for table, column, length, nullable in TAG_COLUMNS:
        op.alter_column(
            table,
            column,
            type_=sa.String(length, collation=collation),
            existing_nullable=nullable,
        )


def upgrade() -> None:
    if op.get_bind().dialect.name == "mysql":
        _set_collation(no_pad_collation())


def downgrade() -> None:
    if op.get_bind().dialect.name == "mysql":
        _set_collation(PAD_SPACE_COLLATION)
