"""The schema revision of a database: read it, check it against the code, upgrade it."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from control_plane.errors import SchemaVersionError
from control_plane.storage.schema import metadata

SCRIPT_LOCATION = str(Path(__file__).parent)
# Not Alembic's default name, so a MySQL database shared with other applications is safe.
VERSION_TABLE = "lodestar_alembic_version"
MIGRATE_COMMAND = "lodestar instance migrate"


def _alembic_config(connection: sa.Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    config.attributes["connection"] = connection
    return config


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(_alembic_config())


def head_revision() -> str:
    """The newest revision this version of Lodestar knows."""
    head = _scripts().get_current_head()
    assert head is not None, "the migrations directory holds revisions"
    return head


def current_revision(engine: sa.Engine) -> str | None:
    """The database's revision; None for a database Lodestar never migrated."""
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
        return context.get_current_revision()


def upgrade(engine: sa.Engine) -> tuple[str | None, str]:
    """Upgrades the database to head; returns (from revision, to revision)."""
    before = current_revision(engine)
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "head")
    return before, head_revision()


def check_schema(engine: sa.Engine) -> None:
    """Creates an empty database at head; raises SchemaVersionError for any other revision."""
    current, head = current_revision(engine), head_revision()
    if current == head:
        return
    where = engine.url.render_as_string(hide_password=True)
    if current is None:
        _create_at_head(engine, where, head)
    elif current in {script.revision for script in _scripts().walk_revisions()}:
        raise SchemaVersionError(
            f"the database {where} is at schema revision {current} but this Lodestar needs "
            f"{head}: run `{MIGRATE_COMMAND}` to upgrade it",
            current,
            head,
        )
    else:
        raise SchemaVersionError(
            f"the database {where} is at schema revision {current}, newer than this Lodestar "
            f"knows (its newest is {head}): upgrade Lodestar or use another database",
            current,
            head,
        )


def _create_at_head(engine: sa.Engine, where: str, head: str) -> None:
    if set(sa.inspect(engine).get_table_names()) & set(metadata.tables):
        raise SchemaVersionError(
            f"the database {where} has Lodestar tables but no schema revision "
            f"(table {VERSION_TABLE} is missing): use an empty database",
            None,
            head,
        )
    try:
        upgrade(engine)
    except sa.exc.DBAPIError:
        # Another process may have created the schema at the same moment.
        if current_revision(engine) != head:
            raise
