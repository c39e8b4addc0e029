"""The asset catalog over real storage (SQLite and MySQL): listing, history, lineage, wipe."""

from __future__ import annotations

import time

import pytest
import sqlalchemy as sa
from alembic import command
from asset_helpers import materialization

from control_plane.assets import (
    AssetNotFoundError,
    InvalidAssetKeyError,
    InvalidAssetQueryError,
    LineageDirection,
    LineageSource,
    build_asset_graph,
)
from control_plane.assets.catalog import QUERIED_LEVELS
from control_plane.storage import SqlStorage, asset_index
from control_plane.storage.migrations import schema_version
from control_plane.storage.schema import event_logs, metadata
from control_plane.storage.sql_storage import _event_row
from user_code_server.protocol import (
    EventType,
    OutputSnapshot,
    PipelineSnapshot,
    RepositorySnapshot,
    SolidSnapshot,
    StepEvent,
)
from user_code_server.protocol.snapshots import InputSnapshot, InputSource

DEFINITION, RECORDED = LineageSource.DEFINITION, LineageSource.MATERIALIZATION
UP, DOWN = LineageDirection.UPSTREAM, LineageDirection.DOWNSTREAM


def step_events(step_key: str, *materializations: StepEvent) -> list[StepEvent]:
    """A step's events as the coordinator stores them, its materializations in the middle."""
    now = time.time()
    return [
        StepEvent(step_key, EventType.STEP_START, now, attempt=1),
        StepEvent(step_key, EventType.STEP_OUTPUT, now, output_name="result"),
        *materializations,
        StepEvent(step_key, EventType.STEP_SUCCESS, now),
    ]


def repository(*assets: tuple[str, list[str], list[str]]) -> RepositorySnapshot:
    """One pipeline: a solid per (name, asset key, upstream solids)."""
    solids = [
        SolidSnapshot(
            name=name,
            definition_name=name,
            inputs=[InputSnapshot("in", sources=[InputSource(u, "result") for u in upstream])],
            outputs=[OutputSnapshot("result", asset_key=key)],
        )
        for name, key, upstream in assets
    ]
    return RepositorySnapshot("repo", [PipelineSnapshot("pipe", solids=solids)])


def test_materializations_are_indexed_with_their_events(storage, catalog, run_id):
    storage.store_events(
        run_id,
        step_events(
            "load[a_csv]",
            materialization(
                ["warehouse", "users"],
                step_key="load[a_csv]",
                partition="2024-06-01",
                metadata={"rows": 12, "path": "/data/a.csv"},
                parents=[["raw", "users"]],
                timestamp=1000.5,
            ),
        ),
    )
    stored = storage.get_events(run_id, event_types=[EventType.ASSET_MATERIALIZATION])

    [asset] = catalog.assets()
    latest = asset.latest

    assert asset.key == ("warehouse", "users") and asset.path == "warehouse/users"
    assert asset.materialization_count == 1 and asset.producers == ()
    assert latest.storage_id == stored[0].storage_id
    assert (latest.run_id, latest.step_key, latest.partition) == (
        run_id,
        "load[a_csv]",
        "2024-06-01",
    )
    assert latest.metadata == {"rows": 12, "path": "/data/a.csv"}
    assert (latest.timestamp, latest.output_name) == (1000.5, "result")
    assert latest.description == "wrote warehouse/users"
    assert latest.parents == (("raw", "users"),)
    assert catalog.latest_materialization("warehouse/users") == latest
    assert catalog.asset(["warehouse", "users"]) == asset


def test_a_materialization_without_recorded_parents_has_unknown_lineage(storage, catalog, run_id):
    storage.store_events(run_id, [materialization(["t"])])

    assert catalog.latest_materialization("t").parents is None


def test_prefix_filters_on_the_slash_separated_key(storage, catalog, run_id):
    keys = [
        ["schema", "users"],
        ["schema", "events"],
        ["Schema", "upper"],
        ["schemas", "other"],
        ["other", "schema"],
        ["a_b"],
        ["axb"],
        ["100%"],
        ["1000"],
        ['quote"d', "x"],
    ]
    storage.store_events(run_id, [materialization(key) for key in keys])

    def listed(prefix):
        return [asset.path for asset in catalog.assets(prefix)]

    assert listed("schema/") == ["schema/events", "schema/users"]
    assert listed("schema") == ["schema/events", "schema/users", "schemas/other"]
    assert listed("schema/u") == ["schema/users"]
    assert listed("Schema/") == ["Schema/upper"]
    assert listed("a_") == ["a_b"]
    assert listed("100%") == ["100%"]
    assert listed('quote"d/') == ['quote"d/x']
    assert listed("nothing") == []
    assert len(listed(None)) == len(listed("")) == len(keys)


def test_history_pages_newest_first_with_a_cursor(storage, catalog, run_id):
    for day in range(1, 6):
        partition = f"2024-06-0{day}"
        storage.store_events(
            run_id, step_events("load", materialization(["t"], partition=partition))
        )
    storage.store_events(run_id, [materialization(["other"])])

    pages = []
    cursor = None
    while True:
        page = catalog.materializations("t", limit=2, cursor=cursor)
        pages.append([m.partition for m in page.materializations])
        if page.next_cursor is None:
            break
        cursor = page.next_cursor

    assert pages == [["2024-06-05", "2024-06-04"], ["2024-06-03", "2024-06-02"], ["2024-06-01"]]
    exact = catalog.materializations("t", limit=5)
    assert len(exact.materializations) == 5 and exact.next_cursor is None
    only = catalog.materializations("t", partition="2024-06-02").materializations
    assert [(m.partition, m.asset_key) for m in only] == [("2024-06-02", ("t",))]
    assert catalog.asset("t").materialization_count == 5


def test_defined_assets_are_listed_before_any_materialization(storage, catalog, repositories):
    repositories.snapshots = [
        (
            "repo",
            repository(("scrape", ["warehouse", "users"], []), ("fit", ["ml", "m"], ["scrape"])),
        )
    ]

    assets = catalog.assets()
    model = catalog.asset("ml/m")

    assert [(a.path, a.latest, a.materialization_count) for a in assets] == [
        ("ml/m", None, 0),
        ("warehouse/users", None, 0),
    ]
    assert [(p.location, p.pipeline, p.solid, p.output) for p in model.producers] == [
        ("repo", "pipe", "fit", "result")
    ]
    assert [a.path for a in catalog.assets("warehouse/")] == ["warehouse/users"]
    assert catalog.materializations("ml/m").materializations == []


def test_unknown_assets_and_invalid_keys_are_clear_errors(catalog):
    for call in (
        lambda: catalog.asset("no/such"),
        lambda: catalog.materializations("no/such"),
        lambda: catalog.lineage("no/such"),
        lambda: catalog.wipe("no/such"),
    ):
        with pytest.raises(AssetNotFoundError, match="'no/such' is neither defined"):
            call()
    for key in ("", "a//b", "/a", [], ["a", ""]):
        with pytest.raises(InvalidAssetKeyError, match="invalid asset key"):
            catalog.asset(key)


def test_page_sizes_and_depths_out_of_range_are_clear_errors(catalog, diamond):
    with pytest.raises(InvalidAssetQueryError, match="at least 1 materialization, not 0"):
        catalog.materializations("raw", limit=0)
    with pytest.raises(InvalidAssetQueryError, match="depth must be 0 or more, not -1"):
        catalog.lineage("raw", depth=-1)


def tree(node) -> tuple:
    """A lineage tree as nested tuples: (path, sources, flags, children)."""
    flags = ("repeated" if node.repeated else "") + ("truncated" if node.truncated else "")
    return (
        node.path,
        "+".join(sorted(node.via)),
        flags,
        [tree(child) for child in node.children],
    )


@pytest.fixture
def diamond(repositories):
    """raw -> clean -> model, raw -> model, other -> model, model -> report."""
    repositories.snapshots = [
        (
            "repo",
            repository(
                ("raw", ["raw"], []),
                ("clean", ["clean"], ["raw"]),
                ("other", ["other"], []),
                ("model", ["model"], ["clean", "raw", "other"]),
                ("report", ["report"], ["model"]),
            ),
        )
    ]


def test_upstream_lineage_is_a_tree_expanding_each_asset_once(catalog, diamond):
    assert tree(catalog.lineage("report")) == (
        "report",
        "",
        "",
        [
            (
                "model",
                "DEFINITION",
                "",
                [
                    ("clean", "DEFINITION", "", [("raw", "DEFINITION", "repeated", [])]),
                    ("other", "DEFINITION", "", []),
                    ("raw", "DEFINITION", "", []),
                ],
            )
        ],
    )


def test_lineage_depth_marks_where_more_relatives_were_cut_off(catalog, diamond):
    assert tree(catalog.lineage("report", depth=1)) == (
        "report",
        "",
        "",
        [("model", "DEFINITION", "truncated", [])],
    )
    assert tree(catalog.lineage("report", depth=0)) == ("report", "", "truncated", [])
    assert tree(catalog.lineage("raw", depth=1)) == ("raw", "", "", [])


def test_downstream_lineage(catalog, diamond):
    assert tree(catalog.lineage("raw", DOWN)) == (
        "raw",
        "",
        "",
        [
            ("clean", "DEFINITION", "", [("model", "DEFINITION", "repeated", [])]),
            ("model", "DEFINITION", "", [("report", "DEFINITION", "", [])]),
        ],
    )


def test_lineage_nodes_carry_each_assets_latest_materialization(storage, catalog, diamond, run_id):
    storage.store_events(run_id, [materialization(["model"], step_key="model")])

    node = catalog.lineage("report", depth=1)

    assert node.latest is None
    assert node.children[0].latest.step_key == "model"


def test_recorded_lineage_serves_assets_no_loaded_location_defines(storage, catalog, run_id):
    storage.store_events(run_id, [materialization(["model"], parents=[["old"], ["raw"]])])
    storage.store_events(run_id, [materialization(["model"], parents=[["raw"], ["features"]])])
    storage.store_events(run_id, [materialization(["report"], parents=[["model"]])])

    # Only the latest materialization's parents count.
    assert tree(catalog.lineage("report")) == (
        "report",
        "",
        "",
        [
            (
                "model",
                "MATERIALIZATION",
                "",
                [("features", "MATERIALIZATION", "", []), ("raw", "MATERIALIZATION", "", [])],
            )
        ],
    )
    assert tree(catalog.lineage("raw", DOWN)) == (
        "raw",
        "",
        "",
        [("model", "MATERIALIZATION", "", [("report", "MATERIALIZATION", "", [])])],
    )
    assert catalog.asset("raw").latest is None  # known as a parent only
    # The history keeps the lineage each materialization had.
    history = catalog.materializations("model").materializations
    assert [m.parents for m in history] == [(("raw",), ("features",)), (("old",), ("raw",))]


def test_definitions_and_recorded_lineage_merge(storage, catalog, diamond, run_id):
    storage.store_events(run_id, [materialization(["model"], parents=[["raw"], ["legacy"]])])

    node = catalog.lineage("model", depth=1)

    assert [(child.path, sorted(child.via)) for child in node.children] == [
        ("clean", [DEFINITION]),
        ("legacy", [RECORDED]),
        ("other", [DEFINITION]),
        ("raw", [DEFINITION, RECORDED]),
    ]


def test_a_cycle_across_pipelines_gives_a_finite_tree(catalog, repositories):
    repositories.snapshots = [
        ("one", repository(("a", ["a"], []), ("b", ["b"], ["a"]))),
        ("two", repository(("b", ["b"], []), ("a", ["a"], ["b"]))),
    ]

    assert tree(catalog.lineage("a")) == (
        "a",
        "",
        "",
        [("b", "DEFINITION", "", [("a", "DEFINITION", "repeated", [])])],
    )


def test_the_graph_is_rebuilt_only_when_a_snapshot_changes(catalog, repositories):
    repositories.snapshots = [("repo", repository(("a", ["a"], [])))]
    first = catalog.graph()

    assert catalog.graph() is first
    repositories.snapshots = [("repo", repository(("a", ["a"], []), ("b", ["b"], ["a"])))]
    assert catalog.graph() is not first
    assert catalog.graph().parents == build_asset_graph(repositories()).parents


def rows_of(storage: SqlStorage) -> dict[str, list[tuple]]:
    """Every row of every table, in primary-key order."""
    with storage.engine.connect() as conn:
        return {
            name: sorted(tuple(row) for row in conn.execute(sa.select(table)))
            for name, table in metadata.tables.items()
        }


def test_wiping_removes_one_assets_history_and_touches_nothing_else(storage, catalog, run_id):
    for _ in range(3):
        storage.store_events(run_id, step_events("t", materialization(["t"], parents=[["raw"]])))
        storage.store_events(run_id, step_events("u", materialization(["u"], parents=[["t"]])))
    before = rows_of(storage)
    other = catalog.asset("u")

    removed = catalog.wipe("t")
    after = rows_of(storage)

    assert removed == 3
    wiped = catalog.asset("t")
    assert (wiped.latest, wiped.materialization_count) == (None, 0)
    assert wiped.wiped_at == pytest.approx(time.time(), abs=60)
    assert [a.path for a in catalog.assets()] == ["u"]
    assert catalog.materializations("t").materializations == []
    assert catalog.asset("u") == other
    # u's recorded parent is still t: its history says so.
    assert [c.path for c in catalog.lineage("u").children] == ["t"]
    assert catalog.lineage("t").children == ()
    for name in before:
        if name not in ("asset_keys", "asset_materializations", "asset_materialization_parents"):
            assert after[name] == before[name], name
    assert [r for r in after["asset_materializations"] if r[1] != '["t"]'] == [
        r for r in before["asset_materializations"] if r[1] != '["t"]'
    ]

    storage.store_events(run_id, step_events("t", materialization(["t"])))
    again = catalog.asset("t")
    assert again.materialization_count == 1 and again.latest is not None
    assert len(catalog.materializations("t").materializations) == 1
    assert catalog.wipe("t") == 1 and catalog.wipe("t") == 0


@pytest.mark.parametrize("returning", [True, False])
def test_materializations_point_at_their_events_on_every_insert_path(
    storage, catalog, run_id, returning
):
    # SQLite reads the ids after the insert; MariaDB uses INSERT ... RETURNING; MySQL (no
    # RETURNING) inserts materializations one by one. `returning=False` plays MySQL.
    dialect = storage.engine.dialect
    dialect.insert_executemany_returning_sort_by_parameter_order = returning
    try:
        storage.store_events(
            run_id, step_events("a", materialization(["a"]), materialization(["b"]))
        )
    finally:
        del dialect.insert_executemany_returning_sort_by_parameter_order

    ids = {
        r.event.data["asset_key"][0]: r.storage_id
        for r in storage.get_events(run_id, event_types=[EventType.ASSET_MATERIALIZATION])
    }
    assert {a.path: a.latest.storage_id for a in catalog.assets()} == ids
    types = [r.event.event_type for r in storage.get_events(run_id)]
    assert types == [
        EventType.STEP_START,
        EventType.STEP_OUTPUT,
        EventType.ASSET_MATERIALIZATION,
        EventType.ASSET_MATERIALIZATION,
        EventType.STEP_SUCCESS,
    ]


def test_migrating_indexes_the_materializations_already_in_the_log(database_url):
    engine = sa.create_engine(database_url)
    with engine.begin() as conn:
        command.upgrade(schema_version._alembic_config(conn), "0002")
        body = '{"output_name":"","mapping_key":"","attempt":0,"error":null,"data":%s}'
        rows = [
            ('["t"]', body % '{"asset_key":["t"],"partition":"p1","metadata":{"n":1}}'),
            (None, body % "null"),
            ('["t"]', body % '{"asset_key":["t"],"partition":null}'),
            ('["u"]', body % '{"asset_key":["u"]}'),
        ]
        conn.execute(
            event_logs.insert(),
            [
                {
                    "run_id": "old",
                    "step_key": "s",
                    "event_type": "ASSET_MATERIALIZATION" if key else "STEP_START",
                    "timestamp": float(n),
                    "level": "",
                    "message": "",
                    "body": body_text,
                    "asset_key": key,
                }
                for n, (key, body_text) in enumerate(rows)
            ],
        )
    engine.dispose()
    storage = SqlStorage(database_url)
    schema_version.upgrade(storage.engine)

    assets = {"/".join(a.asset_key): a for a in storage.get_assets()}
    history = storage.get_asset_materializations(("t",))

    assert {path: a.materialization_count for path, a in assets.items()} == {"t": 2, "u": 1}
    assert [(m.storage_id, m.partition, m.metadata, m.parents) for m in history] == [
        (3, None, {}, None),
        (1, "p1", {"n": 1}, None),
    ]
    storage.dispose()


def test_a_run_committing_after_a_newer_one_does_not_move_latest_back(storage, catalog, run_id):
    older, newer = (
        materialization(["t"], step_key="older"),
        materialization(["t"], step_key="newer"),
    )
    rows = [_event_row(run_id, older), _event_row(run_id, newer)]
    with storage.engine.begin() as conn:
        ids = asset_index.insert_events_returning_ids(conn, rows)
        # The transaction holding the newer event commits first.
        asset_index.index_materializations(conn, rows[1:], ids[1:], [newer.data])
        asset_index.index_materializations(conn, rows[:1], ids[:1], [older.data])

    assert catalog.asset("t").latest.step_key == "newer"
    assert catalog.asset("t").materialization_count == 2


def test_a_deep_recorded_chain_is_followed_to_its_end(storage, catalog, run_id):
    length = 3 * QUERIED_LEVELS
    storage.store_events(
        run_id,
        [materialization([f"a{n}"], parents=[[f"a{n - 1}"]] if n else []) for n in range(length)],
    )

    node, seen = catalog.lineage(f"a{length - 1}"), []
    while node.children:
        [node] = node.children
        seen.append(node.path)

    assert seen == [f"a{n}" for n in reversed(range(length - 1))]
    bounded = catalog.lineage(f"a{length - 1}", depth=QUERIED_LEVELS + 2)
    for _ in range(QUERIED_LEVELS + 2):
        [bounded] = bounded.children
    assert bounded.truncated and bounded.path == f"a{length - QUERIED_LEVELS - 3}"
