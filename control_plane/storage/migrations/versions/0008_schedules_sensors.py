"""Schedules and sensors: their state (running or stopped, cursor), tick history, run keys.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

MYSQL_TABLE_ARGS: dict[str, Any] = {
    "mysql_engine": "InnoDB",
    "mysql_charset": "utf8mb4",
    "mysql_collate": "utf8mb4_bin",
}
LongText = sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")
BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "instigators",
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("name", sa.String(255), primary_key=True),
        sa.Column("location_name", sa.String(255), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("last_tick_time", sa.Double),
        sa.Column("cursor", LongText),
        sa.Column("last_run_key", sa.String(512)),
        sa.Column("updated_at", sa.Double, nullable=False),
        **MYSQL_TABLE_ARGS,
    )
    op.create_table(
        "ticks",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("tick_time", sa.Double, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("run_ids", LongText, nullable=False),
        sa.Column("skip_reason", LongText),
        sa.Column("error", LongText),
        sa.Column("cursor", LongText),
        sa.Column("created_at", sa.Double, nullable=False),
        sa.UniqueConstraint("kind", "name", "tick_time", name="uq_ticks_kind_name_time"),
        **MYSQL_TABLE_ARGS,
    )
    op.create_table(
        "run_keys",
        sa.Column("sensor", sa.String(255), primary_key=True),
        sa.Column("run_key", sa.String(512), primary_key=True),
        sa.Column("run_id", sa.String(64), nullable=False),
        **MYSQL_TABLE_ARGS,
    )


def downgrade() -> None:
    op.drop_table("run_keys")
    op.drop_table("ticks")
    op.drop_table("instigators")
