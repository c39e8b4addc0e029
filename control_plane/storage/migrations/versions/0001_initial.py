"""Initial schema: runs, run tags, the event log and daemon heartbeats.

Revision ID: 0001
Revises:
Create Date: 2024-11-25
"""

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Types are spelled out here, not imported from schema.py: a migration is frozen in time.
LONG_TEXT = sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
MYSQL_TABLE_ARGS: dict[str, Any] = {
    "mysql_engine": "InnoDB",
    "mysql_charset": "utf8mb4",
    "mysql_collate": "utf8mb4_bin",
}


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.String(64), nullable=False, unique=True),
        sa.Column("pipeline_name", sa.String(255), nullable=False),
        sa.Column("location_name", sa.String(255), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("run_config", LONG_TEXT, nullable=False),
        sa.Column("mode", sa.String(255), nullable=False),
        sa.Column("tags", LONG_TEXT, nullable=False),
        sa.Column("solid_selection", LONG_TEXT),
        sa.Column("step_selection", LONG_TEXT),
        sa.Column("parent_run_id", sa.String(64)),
        sa.Column("root_run_id", sa.String(64)),
        sa.Column("partition_key", sa.String(255)),
        sa.Column("partition_set", sa.String(255)),
        sa.Column("backfill_id", sa.String(255)),
        sa.Column("created_at", sa.Double, nullable=False),
        sa.Column("updated_at", sa.Double, nullable=False),
        sa.Column("start_time", sa.Double),
        sa.Column("end_time", sa.Double),
        **MYSQL_TABLE_ARGS,
    )
    op.create_index("ix_runs_pipeline_name_id", "runs", ["pipeline_name", "id"])
    op.create_index("ix_runs_status_id", "runs", ["status", "id"])
    op.create_index("ix_runs_root_run_id", "runs", ["root_run_id"])
    op.create_index("ix_runs_backfill_id_id", "runs", ["backfill_id", "id"])
    op.create_index("ix_runs_partition", "runs", ["partition_set", "partition_key", "id"])

    op.create_table(
        "run_tags",
        sa.Column("id", BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.String(64), sa.ForeignKey("runs.run_id"), nullable=False),
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("value", sa.String(512), nullable=False),
        sa.UniqueConstraint("run_id", "key", name="uq_run_tags_run_id_key"),
        **MYSQL_TABLE_ARGS,
    )
    op.create_index("ix_run_tags_key_value", "run_tags", ["key", "value"])

    op.create_table(
        "event_logs",
        sa.Column("id", BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.String(64), nullable=False),
        sa.Column("step_key", sa.String(1024), nullable=False),
        sa.Column("event_type", sa.String(64), nullable=False),
        sa.Column("timestamp", sa.Double, nullable=False),
        sa.Column("level", sa.String(32), nullable=False),
        sa.Column("message", LONG_TEXT, nullable=False),
        sa.Column("body", LONG_TEXT, nullable=False),
        sa.Column("asset_key", sa.String(512)),
        **MYSQL_TABLE_ARGS,
    )
    op.create_index("ix_event_logs_run_id_id", "event_logs", ["run_id", "id"])
    op.create_index("ix_event_logs_asset_key", "event_logs", ["asset_key"])

    op.create_table(
        "daemon_heartbeats",
        sa.Column("daemon_type", sa.String(255), primary_key=True),
        sa.Column("daemon_id", sa.String(255), nullable=False),
        sa.Column("timestamp", sa.Double, nullable=False),
        sa.Column("info", LONG_TEXT, nullable=False),
        **MYSQL_TABLE_ARGS,
    )


def downgrade() -> None:
    op.drop_table("daemon_heartbeats")
    op.drop_table("event_logs")
    op.drop_table("run_tags")
    op.drop_table("runs")
