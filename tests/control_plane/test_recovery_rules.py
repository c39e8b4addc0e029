"""Which interrupted runs recovery re-executes: those the daemon launched, at most
MAX_RECOVERIES times in a row; a `lodestar execute` run only once its process is gone."""

from __future__ import annotations

import os
import uuid

import pytest
from helpers.storage_config import storage_yaml

from control_plane.instance import Instance
from control_plane.recovery import MAX_RECOVERIES, recover_interrupted_runs
from control_plane.storage.records import (
    EXECUTED_BY_TAG,
    RECOVERY_COUNT_TAG,
    PipelineRun,
    RunsFilter,
    RunStatus,
)


@pytest.fixture
def storage(tmp_path, database_url):
    home = tmp_path / "home"
    home.mkdir()
    (home / "lodestar.yaml").write_text(storage_yaml(database_url))
    instance = Instance.from_env(str(home))
    yield instance.storage
    instance.dispose()


def started(storage, **tags) -> PipelineRun:
    run = PipelineRun(uuid.uuid4().hex, "etl", "repo", RunStatus.STARTED, tags=tags)
    return storage.add_run(run)


def test_a_run_interrupted_again_and_again_is_failed_for_good(storage):
    once = started(storage, **{RECOVERY_COUNT_TAG: str(MAX_RECOVERIES - 1)})
    too_often = started(storage, **{RECOVERY_COUNT_TAG: str(MAX_RECOVERIES)})

    [recovery] = recover_interrupted_runs(storage)

    assert recovery.parent_run_id == once.run_id
    assert recovery.tags[RECOVERY_COUNT_TAG] == str(MAX_RECOVERIES)
    assert storage.get_run(too_often.run_id).status == RunStatus.FAILURE
    [last] = storage.get_events(too_often.run_id)
    assert "not re-executing it again" in last.event.message
    assert storage.count_runs() == 3


def test_an_execute_run_is_failed_once_its_process_is_gone_and_never_re_executed(storage):
    host = os.uname().nodename
    alive = started(storage, **{EXECUTED_BY_TAG: f"{host}:{os.getpid()}:x"})
    gone = started(storage, **{EXECUTED_BY_TAG: f"{host}:999999:x"})

    assert recover_interrupted_runs(storage) == []

    assert storage.get_run(alive.run_id).status == RunStatus.STARTED  # still its process's
    assert storage.get_run(gone.run_id).status == RunStatus.FAILURE
    assert storage.count_runs(RunsFilter(statuses=[RunStatus.QUEUED])) == 0
