"""Backfills, and the run_steps index of each step's latest status per run.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

LONG_TEXT = sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
MYSQL_TABLE_ARGS: dict[str, Any] = {
    "mysql_engine": "InnoDB",
    "mysql_charset": "utf8mb4",
    "mysql_collate": "utf8mb4_bin",
}


def upgrade() -> None:
    op.create_table(
        "backfills",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("backfill_id", sa.String(255), nullable=False, unique=True),
        sa.Column("partition_set", sa.String(255), nullable=False),
        sa.Column("location_name", sa.String(255), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("partition_names", LONG_TEXT, nullable=False),
        sa.Column("cursor", sa.Integer, nullable=False),
        sa.Column("from_failure", sa.Boolean, nullable=False),
        sa.Column("tags", LONG_TEXT, nullable=False),
        sa.Column("error", LONG_TEXT),
        sa.Column("created_at", sa.Double, nullable=False),
        sa.Column("updated_at", sa.Double, nullable=False),
        sa.Index("ix_backfills_status_id", "status", "id"),
        **MYSQL_TABLE_ARGS,
    )
    op.create_table(
        "run_steps",
        sa.Column("id", BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.String(64), nullable=False),
        sa.Column("run_seq", sa.Integer, nullable=False),
        sa.Column("step_key", sa.String(700), nullable=False),
        sa.Column("solid", sa.String(255), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("partition_set", sa.String(255)),
        sa.Column("partition_key", sa.String(255)),
        sa.Column("start_time", sa.Double),
        sa.Column("end_time", sa.Double),
        sa.UniqueConstraint("run_id", "step_key", name="uq_run_steps_run_id_step_key"),
        sa.Index("ix_run_steps_partition", "partition_set", "partition_key", "solid", "run_seq"),
        **MYSQL_TABLE_ARGS,
    )


def downgrade() -> None:
    op.drop_table("run_steps")
    op.drop_table("backfills")
