"""Alembic environment: migrates the connection Lodestar hands over in `config.attributes`.

From the `alembic` command line (developers writing a revision), it connects to
`sqlalchemy.url` of alembic.ini instead.
"""

import sqlalchemy as sa
from alembic import context

from control_plane.storage.migrations.schema_version import VERSION_TABLE
from control_plane.storage.schema import metadata


def run_migrations(connection: sa.Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, version_table=VERSION_TABLE)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:
    url = context.config.get_main_option("sqlalchemy.url")
    assert url is not None, "alembic.ini sets sqlalchemy.url"
    engine = sa.create_engine(url)
    with engine.connect() as cli_connection:
        run_migrations(cli_connection)
