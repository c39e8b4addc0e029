"""Group commit on a real SQLite database: writes of many threads share transactions, and a
bad write fails alone."""

from __future__ import annotations

import contextlib
import threading

import pytest
import sqlalchemy as sa

from control_plane.storage.group_commit import GroupCommit, WriteBatch

metadata = sa.MetaData()
items = sa.Table("items", metadata, sa.Column("key", sa.String(20), primary_key=True))
INSERT = items.insert()


@pytest.fixture
def database(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'group.db'}")
    metadata.create_all(engine)
    transactions: list[int] = []
    gate = threading.Lock()

    @contextlib.contextmanager
    def transaction(term):
        with gate, engine.begin() as conn:
            transactions.append(1)
            yield conn

    yield engine, GroupCommit(transaction, (sa.exc.OperationalError,)), transactions
    engine.dispose()


def write_all(group: GroupCommit, keys: list[str]) -> dict[str, object]:
    """Each key written by its own thread, all released at once: key -> result or error."""
    outcomes: dict[str, object] = {}
    start = threading.Barrier(len(keys))

    def write(key: str) -> None:
        def apply(batch: WriteBatch) -> str:
            batch.insert(INSERT, [{"key": key}])
            return f"stored {key}"

        start.wait()
        try:
            outcomes[key] = group.write(None, apply)
        except Exception as error:
            outcomes[key] = error

    threads = [threading.Thread(target=write, args=(key,)) for key in keys]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return outcomes


def stored_keys(engine: sa.Engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(sa.select(items.c.key)).scalars())


def test_writes_of_many_threads_share_transactions(database):
    engine, group, transactions = database
    keys = [f"k{i}" for i in range(40)]
    outcomes = write_all(group, keys)
    assert outcomes == {key: f"stored {key}" for key in keys}
    assert stored_keys(engine) == set(keys)
    assert len(transactions) < len(keys)


def test_a_bad_write_fails_alone(database):
    engine, group, _ = database
    write_all(group, ["taken"])
    outcomes = write_all(group, ["a", "b", "taken", "c"])
    assert isinstance(outcomes["taken"], sa.exc.IntegrityError)
    assert {key: outcomes[key] for key in "abc"} == {key: f"stored {key}" for key in "abc"}
    assert stored_keys(engine) == {"a", "b", "c", "taken"}
