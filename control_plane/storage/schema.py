"""The storage tables (SQLAlchemy Core). Alembic migrations create and evolve them."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import mysql

# MySQL: TEXT holds 64 KB, so payloads use MEDIUMTEXT (16 MB); indexed strings are VARCHARs
# sized so that an index stays under InnoDB's 3072-byte key limit in utf8mb4.
LongText = sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")
# Binary payloads (stored execution plans): MySQL's BLOB holds only 64 KB.
LongBlob = sa.LargeBinary().with_variant(mysql.LONGBLOB(), "mysql", "mariadb")
# SQLite autoincrements only an INTEGER PRIMARY KEY.
BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

RUN_ID_LENGTH = 64
NAME_LENGTH = 255
TAG_KEY_LENGTH = 255
TAG_VALUE_LENGTH = 512
STEP_KEY_LENGTH = 1024
ASSET_KEY_LENGTH = 512

# Binary collation: keys and tags compare case-sensitively on MySQL, as on SQLite. It pads
# ("a" equals "a "), so migration 0005 gives the tag columns (run_tags.key/value, and runs'
# and run_steps' partition_set/partition_key, runs.backfill_id) a NO PAD binary collation
# chosen for the server (MariaDB utf8mb4_nopad_bin, MySQL 8 utf8mb4_0900_bin).
_MYSQL_TABLE_ARGS: dict[str, Any] = {
    "mysql_engine": "InnoDB",
    "mysql_charset": "utf8mb4",
    "mysql_collate": "utf8mb4_bin",
}

metadata = sa.MetaData()

runs = sa.Table(
    "runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("run_id", sa.String(RUN_ID_LENGTH), nullable=False, unique=True),
    sa.Column("pipeline_name", sa.String(NAME_LENGTH), nullable=False),
    sa.Column("location_name", sa.String(NAME_LENGTH), nullable=False),
    sa.Column("status", sa.String(32), nullable=False),
    sa.Column("run_config", LongText, nullable=False),
    sa.Column("mode", sa.String(NAME_LENGTH), nullable=False),
    sa.Column("tags", LongText, nullable=False),
    sa.Column("solid_selection", LongText),
    sa.Column("step_selection", LongText),
    sa.Column("parent_run_id", sa.String(RUN_ID_LENGTH)),
    sa.Column("root_run_id", sa.String(RUN_ID_LENGTH)),
    sa.Column("partition_key", sa.String(NAME_LENGTH)),
    sa.Column("partition_set", sa.String(NAME_LENGTH)),
    sa.Column("backfill_id", sa.String(NAME_LENGTH)),
    sa.Column("created_at", sa.Double, nullable=False),
    sa.Column("updated_at", sa.Double, nullable=False),
    sa.Column("start_time", sa.Double),
    sa.Column("end_time", sa.Double),
    # The execution plan the run executes, stored at launch (see `execution_plans`).
    sa.Column("plan_id", sa.String(64)),
    sa.Index("ix_runs_pipeline_name_id", "pipeline_name", "id"),
    sa.Index("ix_runs_status_id", "status", "id"),
    sa.Index("ix_runs_root_run_id", "root_run_id"),
    sa.Index("ix_runs_parent_run_id", "parent_run_id"),
    sa.Index("ix_runs_backfill_id_id", "backfill_id", "id"),
    sa.Index("ix_runs_partition", "partition_set", "partition_key", "id"),
    **_MYSQL_TABLE_ARGS,
)

run_tags = sa.Table(
    "run_tags",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("run_id", sa.String(RUN_ID_LENGTH), sa.ForeignKey("runs.run_id"), nullable=False),
    sa.Column("key", sa.String(TAG_KEY_LENGTH), nullable=False),
    sa.Column("value", sa.String(TAG_VALUE_LENGTH), nullable=False),
    sa.UniqueConstraint("run_id", "key", name="uq_run_tags_run_id_key"),
    sa.Index("ix_run_tags_key_value", "key", "value"),
    **_MYSQL_TABLE_ARGS,
)

# Append-only: rows are inserted, never updated or deleted. `id` is the event's cursor.
event_logs = sa.Table(
    "event_logs",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("run_id", sa.String(RUN_ID_LENGTH), nullable=False),
    sa.Column("step_key", sa.String(STEP_KEY_LENGTH), nullable=False),
    sa.Column("event_type", sa.String(64), nullable=False),
    sa.Column("timestamp", sa.Double, nullable=False),
    sa.Column("level", sa.String(32), nullable=False),
    sa.Column("message", LongText, nullable=False),
    # The rest of the event (output_name, mapping_key, attempt, error, data) as JSON.
    sa.Column("body", LongText, nullable=False),
    # JSON list of the asset key's path, set for ASSET_MATERIALIZATION events.
    sa.Column("asset_key", sa.String(ASSET_KEY_LENGTH)),
    sa.Index("ix_event_logs_run_id_id", "run_id", "id"),
    sa.Index("ix_event_logs_asset_key", "asset_key"),
    **_MYSQL_TABLE_ARGS,
)

daemon_heartbeats = sa.Table(
    "daemon_heartbeats",
    metadata,
    sa.Column("daemon_type", sa.String(NAME_LENGTH), primary_key=True),
    sa.Column("daemon_id", sa.String(NAME_LENGTH), nullable=False),
    sa.Column("timestamp", sa.Double, nullable=False),
    sa.Column("info", LongText, nullable=False),
    **_MYSQL_TABLE_ARGS,
)

# One row per backfill; `partition_names` is the selection, `cursor` how many are submitted.
backfills = sa.Table(
    "backfills",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("backfill_id", sa.String(NAME_LENGTH), nullable=False, unique=True),
    sa.Column("partition_set", sa.String(NAME_LENGTH), nullable=False),
    sa.Column("location_name", sa.String(NAME_LENGTH), nullable=False),
    sa.Column("status", sa.String(32), nullable=False),
    sa.Column("partition_names", LongText, nullable=False),
    sa.Column("cursor", sa.Integer, nullable=False),
    sa.Column("from_failure", sa.Boolean, nullable=False),
    sa.Column("tags", LongText, nullable=False),
    sa.Column("error", LongText),
    sa.Column("created_at", sa.Double, nullable=False),
    sa.Column("updated_at", sa.Double, nullable=False),
    sa.Index("ix_backfills_status_id", "status", "id"),
    **_MYSQL_TABLE_ARGS,
)

# An index of the event log: each step's latest status per run, maintained in the same
# transaction as the events. `run_seq` is runs.id, so "latest run" is the largest.
STEP_KEY_INDEX_LENGTH = 700  # with the run id, stays under InnoDB's 3072-byte key limit
run_steps = sa.Table(
    "run_steps",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("run_id", sa.String(RUN_ID_LENGTH), nullable=False),
    sa.Column("run_seq", sa.Integer, nullable=False),
    sa.Column("step_key", sa.String(STEP_KEY_INDEX_LENGTH), nullable=False),
    sa.Column("solid", sa.String(NAME_LENGTH), nullable=False),
    sa.Column("status", sa.String(32), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("partition_set", sa.String(NAME_LENGTH)),
    sa.Column("partition_key", sa.String(NAME_LENGTH)),
    sa.Column("start_time", sa.Double),
    sa.Column("end_time", sa.Double),
    sa.UniqueConstraint("run_id", "step_key", name="uq_run_steps_run_id_step_key"),
    sa.Index("ix_run_steps_partition", "partition_set", "partition_key", "solid", "run_seq"),
    **_MYSQL_TABLE_ARGS,
)

# The asset catalog: indexes of the materializations in the event log, written in the same
# transaction as the events. Wiping an asset deletes its index rows; the log keeps its events.
asset_keys = sa.Table(
    "asset_keys",
    metadata,
    # JSON list of the key's path, as in event_logs.asset_key.
    sa.Column("asset_key", sa.String(ASSET_KEY_LENGTH), primary_key=True),
    sa.Column("last_event_id", sa.BigInteger),  # NULL: no materialization (since a wipe)
    sa.Column("materialization_count", sa.BigInteger, nullable=False),
    sa.Column("wiped_at", sa.Double),
    **_MYSQL_TABLE_ARGS,
)

# One row per materialization; `event_id` is its event's id in event_logs (its cursor).
asset_materializations = sa.Table(
    "asset_materializations",
    metadata,
    sa.Column("event_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("asset_key", sa.String(ASSET_KEY_LENGTH), nullable=False),
    sa.Column("run_id", sa.String(RUN_ID_LENGTH), nullable=False),
    sa.Column("step_key", sa.String(STEP_KEY_LENGTH), nullable=False),
    # A user-chosen partition may be long, so it is not indexed: it filters one asset's rows.
    sa.Column("partition_key", LongText),
    sa.Column("timestamp", sa.Double, nullable=False),
    sa.Index("ix_asset_materializations_asset_key_event_id", "asset_key", "event_id"),
    **_MYSQL_TABLE_ARGS,
)

# The parents recorded with each materialization (its lineage as it was then).
asset_materialization_parents = sa.Table(
    "asset_materialization_parents",
    metadata,
    sa.Column("event_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("parent_key", sa.String(ASSET_KEY_LENGTH), primary_key=True),
    sa.Index("ix_asset_materialization_parents_parent_key", "parent_key", "event_id"),
    **_MYSQL_TABLE_ARGS,
)

# Who runs the daemon (run queue, run coordinators, backfills, recovery): one holder at a time.
daemon_leases = sa.Table(
    "daemon_leases",
    metadata,
    sa.Column("name", sa.String(NAME_LENGTH), primary_key=True),
    sa.Column("holder", sa.String(NAME_LENGTH), nullable=False),
    sa.Column("expires_at", sa.Double, nullable=False),
    # Grows by one each time the lease changes hands: a leader's writes are fenced by it.
    sa.Column("term", sa.BigInteger, nullable=False, server_default="0"),
    **_MYSQL_TABLE_ARGS,
)

# Content-addressed: `plan_id` is the sha256 of `body`, an ExecutionPlan as protobuf bytes.
execution_plans = sa.Table(
    "execution_plans",
    metadata,
    sa.Column("plan_id", sa.String(64), primary_key=True),
    sa.Column("body", LongBlob, nullable=False),
    sa.Column("created_at", sa.Double, nullable=False),
    **_MYSQL_TABLE_ARGS,
)

# Schedules and sensors (`kind` SCHEDULE or SENSOR): whether each runs, and where it got to.
# A schedule's `last_tick_time` is the last due time it handled; a sensor's, its last
# evaluation; `cursor` is a sensor's cursor.
instigators = sa.Table(
    "instigators",
    metadata,
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("name", sa.String(NAME_LENGTH), primary_key=True),
    sa.Column("location_name", sa.String(NAME_LENGTH), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("last_tick_time", sa.Double),
    sa.Column("cursor", LongText),
    sa.Column("last_run_key", sa.String(TAG_VALUE_LENGTH)),
    sa.Column("updated_at", sa.Double, nullable=False),
    **_MYSQL_TABLE_ARGS,
)

# One row per tick; unique per time, so a due time is handled once whoever evaluates it.
ticks = sa.Table(
    "ticks",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("name", sa.String(NAME_LENGTH), nullable=False),
    sa.Column("tick_time", sa.Double, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("run_ids", LongText, nullable=False),
    sa.Column("skip_reason", LongText),
    sa.Column("error", LongText),
    sa.Column("cursor", LongText),
    sa.Column("created_at", sa.Double, nullable=False),
    sa.UniqueConstraint("kind", "name", "tick_time", name="uq_ticks_kind_name_time"),
    **_MYSQL_TABLE_ARGS,
)

# A sensor's run keys: a key launched once is never launched again.
run_keys = sa.Table(
    "run_keys",
    metadata,
    sa.Column("sensor", sa.String(NAME_LENGTH), primary_key=True),
    sa.Column("run_key", sa.String(TAG_VALUE_LENGTH), primary_key=True),
    sa.Column("run_id", sa.String(RUN_ID_LENGTH), nullable=False),
    **_MYSQL_TABLE_ARGS,
)
