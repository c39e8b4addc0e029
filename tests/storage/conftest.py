"""Storage fixtures: every storage test runs on SQLite and, when configured, on MySQL
(`database_url`, from tests/conftest.py)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from control_plane.storage import PipelineRun, SqlStorage
from control_plane.storage.migrations import check_schema


@pytest.fixture
def storage(database_url: sa.URL) -> Iterator[SqlStorage]:
    """SqlStorage on an empty database, created at the schema head."""
    storage = SqlStorage(database_url)
    check_schema(storage.engine)
    yield storage
    storage.dispose()


class StatementCounter:
    """Counts the SQL statements an engine executes (an executemany counts once)."""

    def __init__(self, engine: sa.Engine):
        self.statements: list[str] = []
        self._engine = engine

    def __enter__(self) -> StatementCounter:
        sa.event.listen(self._engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *exc_info) -> None:
        sa.event.remove(self._engine, "before_cursor_execute", self._record)

    def _record(self, conn, cursor, statement, parameters, context, executemany) -> None:
        self.statements.append(statement)


@pytest.fixture
def new_run():
    """Builds a PipelineRun with a fresh run id; keyword arguments override fields."""

    def build(**fields) -> PipelineRun:
        fields.setdefault("run_id", uuid.uuid4().hex)
        fields.setdefault("pipeline_name", "etl")
        fields.setdefault("location_name", "repo")
        return PipelineRun(**fields)

    return build


@pytest.fixture
def count_statements():
    """`with count_statements(engine) as counter:` then `counter.statements`."""
    return StatementCounter
