"""Runs know what they run (a stored execution plan per run); the daemon lease has terms.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

MYSQL_TABLE_ARGS: dict[str, Any] = {
    "mysql_engine": "InnoDB",
    "mysql_charset": "utf8mb4",
    "mysql_collate": "utf8mb4_bin",
}
LongBlob = sa.LargeBinary().with_variant(mysql.LONGBLOB(), "mysql", "mariadb")


def upgrade() -> None:
    op.create_table(
        "execution_plans",
        sa.Column("plan_id", sa.String(64), primary_key=True),
        sa.Column("body", LongBlob, nullable=False),
        sa.Column("created_at", sa.Double, nullable=False),
        **MYSQL_TABLE_ARGS,
    )
    with op.batch_alter_table("runs") as batch:
        batch.add_column(sa.Column("plan_id", sa.String(64)))
    with op.batch_alter_table("daemon_leases") as batch:
        batch.add_column(sa.Column("term", sa.BigInteger, nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("daemon_leases") as batch:
        batch.drop_column("term")
    with op.batch_alter_table("runs") as batch:
        batch.drop_column("plan_id")
    op.drop_table("execution_plans")
