"""The `storage:` section of lodestar.yaml for a test database URL."""

from __future__ import annotations

import sqlalchemy as sa

# lodestar.yaml's key for each SQLAlchemy backend name.
_STORAGE_KEYS = {"mysql": "mysql", "mariadb": "mysql", "postgresql": "postgres"}


def storage_key(url: sa.URL) -> str:
    """The key under `storage:` for a database server's URL: `mysql` or `postgres`."""
    return _STORAGE_KEYS[url.get_backend_name()]


def storage_yaml(url: sa.URL) -> str:
    """The storage section that points an instance at `url` (empty for SQLite: the default)."""
    if url.get_backend_name() == "sqlite":
        return ""
    return f"storage:\n  {storage_key(url)}:\n    url: {url.render_as_string(False)}\n"
