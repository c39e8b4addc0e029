"""Schema revisions: empty databases are created at head, others must be migrated."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from helpers.storage_config import storage_key

from control_plane.errors import SchemaVersionError, StorageError
from control_plane.instance import Instance
from control_plane.storage import RunsFilter, SqlStorage
from control_plane.storage.migrations import (
    check_schema,
    current_revision,
    head_revision,
    schema_version,
    upgrade,
)
from control_plane.storage.migrations.schema_version import VERSION_TABLE
from control_plane.storage.schema import metadata

NEXT_REVISION = '''"""A later revision, as a future Lodestar would ship it."""

import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("later_table", sa.Column("id", sa.Integer, primary_key=True))


def downgrade() -> None:
    op.drop_table("later_table")
'''


@pytest.fixture
def newer_scripts(tmp_path) -> str:
    """A copy of the migration scripts with one more revision (9999) after head."""
    scripts = tmp_path / "scripts"
    shutil.copytree(Path(schema_version.SCRIPT_LOCATION), scripts)
    (scripts / "versions" / "9999_later.py").write_text(NEXT_REVISION.format(head=head_revision()))
    return str(scripts)


@pytest.fixture
def instance(database_url, tmp_path, monkeypatch) -> Instance:
    """An instance whose storage is `database_url` (MySQL through `{env: VAR}`)."""
    home = tmp_path / "home"
    home.mkdir()
    if database_url.get_backend_name() == "sqlite":
        database_url = sa.URL.create("sqlite", database=str(home / "lodestar.db"))
    else:
        monkeypatch.setenv("TEST_DB_URL", database_url.render_as_string(hide_password=False))
        config = {"storage": {storage_key(database_url): {"url": {"env": "TEST_DB_URL"}}}}
        (home / "lodestar.yaml").write_text(yaml.safe_dump(config))
    instance = Instance.from_env(str(home))
    assert instance.config.storage.url.render_as_string(hide_password=False) == str(
        database_url.render_as_string(hide_password=False)
    )
    yield instance
    instance.dispose()


def test_an_empty_database_is_created_at_head_on_first_open(instance, new_run):
    before = instance.info()

    instance.storage.add_run(new_run())
    after = instance.info()

    assert before["schema_revision"] is None and before["run_count"] is None
    assert after["schema_revision"] == after["head_revision"] == head_revision()
    assert after["schema_up_to_date"] and after["run_count"] == 1


def test_info_of_a_new_sqlite_instance_creates_nothing(tmp_path):
    home = tmp_path / "never-opened"

    info = Instance.from_env(str(home)).info()

    assert info["home"] == str(home) and info["schema_revision"] is None
    assert not home.exists()


def test_the_tables_match_the_migrations(storage):
    with storage.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
        differences = compare_metadata(context, metadata)

    assert differences == []


def test_an_old_schema_names_the_migrate_command_and_migrate_keeps_rows(
    instance, new_run, monkeypatch, newer_scripts
):
    run = instance.storage.add_run(new_run())
    instance.dispose()
    shipped_head = head_revision()
    monkeypatch.setattr(schema_version, "SCRIPT_LOCATION", newer_scripts)

    with pytest.raises(SchemaVersionError, match="lodestar instance migrate") as raised:
        instance.storage  # noqa: B018 (opening is the point)
    info = instance.info()
    migrated = instance.migrate()

    assert (raised.value.current, raised.value.head) == (shipped_head, "9999")
    assert info["schema_revision"] != info["head_revision"] and info["run_count"] is None
    assert migrated == (shipped_head, "9999")
    assert instance.storage.get_runs(RunsFilter(run_ids=[run.run_id])) == [run]
    assert instance.migrate() == ("9999", "9999")


def test_a_schema_newer_than_the_code_is_refused(database_url, monkeypatch, newer_scripts):
    storage = SqlStorage(database_url)
    with monkeypatch.context() as patched:
        patched.setattr(schema_version, "SCRIPT_LOCATION", newer_scripts)
        assert upgrade(storage.engine) == (None, "9999")

    with pytest.raises(SchemaVersionError, match="newer than this Lodestar"):
        check_schema(storage.engine)
    storage.dispose()


def test_lodestar_tables_without_a_revision_are_refused(database_url):
    engine = sa.create_engine(database_url)
    metadata.create_all(engine)

    with pytest.raises(SchemaVersionError, match="no schema revision"):
        check_schema(engine)
    engine.dispose()


def test_a_database_shared_with_other_tables_gets_the_schema(database_url):
    engine = sa.create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE alembic_version (version_num VARCHAR(32))"))
        conn.execute(sa.text("INSERT INTO alembic_version VALUES ('someone-elses')"))

    check_schema(engine)

    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_an_unreachable_database_is_a_clear_error(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    url = "mysql+pymysql://lodestar:secret@127.0.0.1:1/lodestar"
    (home / "lodestar.yaml").write_text(yaml.safe_dump({"storage": {"mysql": {"url": url}}}))
    instance = Instance.from_env(str(home))

    with pytest.raises(StorageError, match="cannot use storage") as raised:
        instance.storage  # noqa: B018 (opening is the point)

    assert "secret" not in str(raised.value) and "***" in str(raised.value)
