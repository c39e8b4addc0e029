"""examples/users_model.py run by a control plane with a real code server: the catalog."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from helpers.storage_config import storage_yaml

from control_plane.assets import AssetCatalog, LineageDirection, LineageSource
from control_plane.instance import Instance
from control_plane.service import ControlPlane
from control_plane.storage import PARTITION_TAG, RunStatus
from control_plane.workspace import Workspace
from user_code_server.protocol import EventType

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "users_model.py"
USERS, MODEL = ("warehouse", "users"), ("ml", "users_model")


@pytest.fixture
def plane(tmp_path, database_url):
    home = tmp_path / "home"
    home.mkdir()
    (home / "lodestar.yaml").write_text(storage_yaml(database_url))
    instance = Instance.from_env(str(home))
    control_plane = ControlPlane(instance, Workspace.from_python_file(str(EXAMPLE), "users"))
    control_plane.start()
    control_plane.locations.wait_until_loaded()
    yield control_plane
    control_plane.stop()
    instance.dispose()


@pytest.fixture
def catalog(plane) -> AssetCatalog:
    return AssetCatalog.for_locations(plane.storage, plane.locations)


def test_the_model_depends_on_the_table_before_any_run(catalog):
    assets = catalog.assets()
    lineage = catalog.lineage("ml/users_model")

    assert [(a.key, a.latest) for a in assets] == [(MODEL, None), (USERS, None)]
    assert [(p.location, p.pipeline, p.solid) for p in assets[0].producers] == [
        ("users", "users_model", "create_model")
    ]
    assert [(c.key, c.via) for c in lineage.children] == [
        (USERS, frozenset({LineageSource.DEFINITION}))
    ]


def test_runs_materialize_both_assets_with_their_lineage(plane, catalog):
    started = time.time()
    runs = []
    for day in ("2024-06-01", "2024-06-02"):  # one after the other: history is newest first
        run = plane.launch_run("users_model", tags={PARTITION_TAG: day})
        assert plane.wait_for_run(run.run_id, timeout=60).status == RunStatus.SUCCESS
        runs.append(run)

    table, model = catalog.asset("warehouse/users"), catalog.asset("ml/users_model")
    history = catalog.materializations("ml/users_model").materializations
    upstream = catalog.lineage("ml/users_model")
    downstream = catalog.lineage("warehouse/users", LineageDirection.DOWNSTREAM)

    assert (table.materialization_count, model.materialization_count) == (2, 2)
    assert [(m.run_id, m.step_key, m.partition) for m in history] == [
        (runs[1].run_id, "create_model", "2024-06-02"),
        (runs[0].run_id, "create_model", "2024-06-01"),
    ]
    latest = model.latest
    assert latest == history[0]
    assert started <= latest.timestamp <= time.time()
    assert latest.metadata == {} and latest.output_name == "result"
    assert latest.description == "output 'result' of solid 'create_model'"
    assert latest.parents == (USERS,)
    assert table.latest.parents == () and table.latest.step_key == "scrape_users"
    assert table.latest.metadata == {"rows": 4}  # from the yielded Output
    both = frozenset({LineageSource.DEFINITION, LineageSource.MATERIALIZATION})
    assert [(c.key, c.via, c.latest) for c in upstream.children] == [(USERS, both, table.latest)]
    assert [(c.key, c.via) for c in downstream.children] == [(MODEL, both)]
    stored = plane.storage.get_events(runs[1].run_id, event_types=[EventType.ASSET_MATERIALIZATION])
    assert [r.event.data["parents"] for r in stored] == [[], [list(USERS)]]
