"""Asset fixtures: storage on SQLite, MySQL and PostgreSQL (`database_url`), a catalog."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from asset_helpers import Repositories

from control_plane.assets import AssetCatalog
from control_plane.storage import PipelineRun, SqlStorage
from control_plane.storage.migrations import check_schema


@pytest.fixture
def storage(database_url: sa.URL) -> Iterator[SqlStorage]:
    storage = SqlStorage(database_url)
    check_schema(storage.engine)
    yield storage
    storage.dispose()


@pytest.fixture
def run_id(storage: SqlStorage) -> str:
    return storage.add_run(PipelineRun(uuid.uuid4().hex, "assets", "repo")).run_id


@pytest.fixture
def repositories() -> Repositories:
    return Repositories()


@pytest.fixture
def catalog(storage: SqlStorage, repositories: Repositories) -> AssetCatalog:
    return AssetCatalog(storage, repositories)
