"""Tags that differ only by trailing spaces are distinct on every backend (MySQL pads by
default: its `utf8mb4_bin` compares "a" and "a " equal)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command

from control_plane.storage import PARTITION_SET_TAG, PARTITION_TAG, RunsFilter, SqlStorage
from control_plane.storage.migrations.schema_version import _alembic_config
from control_plane.storage.schema import run_tags, runs

# A run row as revision 0004 stores it.
OLD_RUN = {
    "run_id": "old",
    "pipeline_name": "etl",
    "location_name": "repo",
    "status": "SUCCESS",
    "run_config": "{}",
    "mode": "default",
    "tags": '{"team": "a"}',
    "created_at": 1.0,
    "updated_at": 1.0,
}


def run_ids(storage: SqlStorage, **tags: str) -> set[str]:
    tags = {key.replace("__", "/"): value for key, value in tags.items()}
    found = {run.run_id for run in storage.get_runs(RunsFilter(tags=tags))}
    assert storage.count_runs(RunsFilter(tags=tags)) == len(found)
    return found


def test_tag_values_differing_by_trailing_spaces_filter_apart(storage, new_run):
    plain = storage.add_run(new_run(tags={"team": "a"})).run_id
    spaced = storage.add_run(new_run(tags={"team": "a "})).run_id
    two_spaces = storage.add_run(new_run(tags={"team": "a  "})).run_id

    assert run_ids(storage, team="a") == {plain}
    assert run_ids(storage, team="a ") == {spaced}
    assert run_ids(storage, team="a  ") == {two_spaces}
    assert storage.get_run(spaced).tags == {"team": "a "}


def test_tag_keys_differing_by_trailing_spaces_are_two_tags_of_one_run(storage, new_run):
    run = storage.add_run(new_run(tags={"k": "1", "k ": "2"}))

    assert storage.get_run(run.run_id).tags == {"k": "1", "k ": "2"}
    assert run_ids(storage, k="1") == {run.run_id}
    assert run_ids(storage, k="2") == set()
    assert run_ids(storage, **{"k ": "2"}) == {run.run_id}


def test_partition_tags_differing_by_trailing_spaces_filter_apart(storage, new_run):
    def add(partition: str) -> str:
        tags = {PARTITION_SET_TAG: "daily", PARTITION_TAG: partition}
        return storage.add_run(new_run(tags=tags)).run_id

    plain, spaced = add("2021-01-01"), add("2021-01-01 ")

    assert run_ids(storage, lodestar__partition="2021-01-01") == {plain}
    assert run_ids(storage, lodestar__partition="2021-01-01 ") == {spaced}
    assert set(storage.latest_partition_runs("daily")) == {"2021-01-01", "2021-01-01 "}


def test_a_database_at_0004_keeps_its_tags_and_filters_exactly_once_upgraded(database_url, new_run):
    storage = SqlStorage(database_url)
    try:
        with storage.engine.begin() as connection:
            command.upgrade(_alembic_config(connection), "0004")
            connection.execute(sa.insert(runs).values(OLD_RUN))
            connection.execute(sa.insert(run_tags).values(run_id="old", key="team", value="a"))
        with storage.engine.begin() as connection:
            command.upgrade(_alembic_config(connection), "head")
        spaced = storage.add_run(new_run(tags={"team": "a "})).run_id

        assert run_ids(storage, team="a") == {"old"}
        assert run_ids(storage, team="a ") == {spaced}
    finally:
        storage.dispose()
