"""Group commit: the writes of many threads (the run coordinators), one transaction a group.

A run's events are written as they come, a few at a time, by each of the runs in flight.
Alone, each write pays for its own transaction: a connection, BEGIN, the term check, COMMIT.
Here a writer that finds no group committing becomes the committer: it takes every pending
write of its term (its own and those that queued meanwhile) and runs them in one
transaction, so under load a transaction carries many writes and each pays a share. Their
plain INSERTs are deferred to the end of the transaction and sent as one executemany per
statement.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import sqlalchemy as sa

from control_plane.errors import LeadershipLostError
from control_plane.storage.records import LeaderTerm

T = TypeVar("T")
MAX_WRITES_PER_GROUP = 64

Transaction = Callable[[LeaderTerm | None], contextlib.AbstractContextManager[sa.Connection]]


class WriteBatch:
    """What a write runs on: the group's connection, and the INSERTs deferred to its end."""

    def __init__(self, conn: sa.Connection):
        self.conn = conn
        self._rows: dict[sa.Insert, list[dict[str, Any]]] = {}

    def insert(self, statement: sa.Insert, rows: list[dict[str, Any]]) -> None:
        """Runs `statement` with `rows` (an executemany) before the transaction commits, with
        the rows that the group's other writes gave the same statement object."""
        self._rows.setdefault(statement, []).extend(rows)

    def flush(self) -> None:
        for statement, rows in self._rows.items():
            self.conn.execute(statement, rows)
        self._rows.clear()


Apply = Callable[[WriteBatch], T]


class _Write(Generic[T]):
    def __init__(self, term: LeaderTerm | None, apply: Apply[T]):
        self.term = term
        self.apply = apply
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.woken = threading.Event()  # done, or its turn to commit

    def outcome(self) -> T:
        if self.error is not None:
            raise self.error
        return self.result


class GroupCommit:
    """Runs `apply(batch)` writes from many threads in shared transactions.

    One writer at a time commits: it takes the pending writes of its own term, up to
    `MAX_WRITES_PER_GROUP`, runs them in one transaction, wakes their writers, and hands its
    turn to the oldest write still pending. The others sleep until woken.

    `transaction(term)` opens a write transaction fenced by `term`. A write's `apply` must
    only touch the database, through `batch` (effects elsewhere wait for its result, after
    commit). When a group's transaction fails on an error that could be one write's (not a
    lost term, not an unreachable database), each write is tried again in a transaction of
    its own, so a bad write fails alone.
    """

    def __init__(self, transaction: Transaction, shared_errors: tuple[type[BaseException], ...]):
        self._transaction = transaction
        self._shared_errors: tuple[type[BaseException], ...] = (LeadershipLostError, *shared_errors)
        self._lock = threading.Lock()
        self._pending: list[_Write] = []
        self._committing = False

    def write(self, term: LeaderTerm | None, apply: Apply[T]) -> T:
        """`apply(batch)`'s result once its transaction committed (or its error)."""
        write = _Write(term, apply)
        with self._lock:
            self._pending.append(write)
            my_turn = not self._committing
            self._committing = True
        if not my_turn:
            write.woken.wait()
        if not write.done:
            try:
                while not write.done:
                    self._commit(self._take_group(term))
            finally:
                self._pass_turn()
        return write.outcome()

    def _take_group(self, term: LeaderTerm | None) -> list[_Write]:
        with self._lock:
            group = [w for w in self._pending if w.term == term][:MAX_WRITES_PER_GROUP]
            taken = {id(w) for w in group}
            self._pending = [w for w in self._pending if id(w) not in taken]
        return group

    def _pass_turn(self) -> None:
        with self._lock:
            if self._pending:
                self._pending[0].woken.set()
            else:
                self._committing = False

    def _commit(self, group: list[_Write]) -> None:
        try:
            with self._transaction(group[0].term) as conn:
                batch = WriteBatch(conn)
                results = [w.apply(batch) for w in group]
                batch.flush()
        except self._shared_errors as error:
            self._finish(group, error=error)
        except Exception as error:
            if len(group) == 1:
                self._finish(group, error=error)
            else:
                for w in group:
                    self._commit([w])
        else:
            for w, result in zip(group, results, strict=True):
                w.result = result
            self._finish(group)

    @staticmethod
    def _finish(group: list[_Write], error: BaseException | None = None) -> None:
        for w in group:
            w.error = error
            w.done = True
            w.woken.set()
