"""What differs between the SQL backends, in one place."""

from __future__ import annotations

import sqlalchemy as sa


def database_now(dialect: str) -> sa.ColumnElement[float]:
    """The database server's clock in seconds since the epoch: every process that shares the
    database judges lease expiry by the same clock, whatever its own says."""
    if dialect == "sqlite":
        return sa.literal_column("((julianday('now') - 2440587.5) * 86400.0)", sa.Double)
    if dialect == "postgresql":
        return sa.literal_column("EXTRACT(EPOCH FROM clock_timestamp())", sa.Double)
    return sa.literal_column("UNIX_TIMESTAMP(NOW(6))", sa.Double)


def lock_lease_row(dialect: str, table: sa.Table, name: str) -> sa.Executable:
    """A statement that reads lease `name`'s (holder, term) and keeps it from changing until the
    transaction ends. SQLite has no row locks: a no-op UPDATE takes its database write lock
    (and returns nothing: read the row after it)."""
    if dialect == "sqlite":
        return table.update().where(table.c.name == name).values(term=table.c.term)
    query = sa.select(table.c.holder, table.c.term).where(table.c.name == name)
    return query.with_for_update(read=True)
