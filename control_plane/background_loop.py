"""One restartable background loop: the shape of every daemon a leader runs."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable

log = logging.getLogger(__name__)


class BackgroundLoop:
    """Runs passes of `iterate()` in a thread: one every `interval_s`, or at once when woken.

    A pass may yield after each unit of work; the loop calls `heartbeat` before a pass and
    after each yield, and stops between yields. Every `start()` runs a fresh thread, so a
    loop stopped at the end of one leadership term starts again with the next.
    """

    def __init__(
        self,
        name: str,
        iterate: Callable[[], Iterable[object]],
        interval_s: float,
        heartbeat: Callable[[], None] | None = None,
    ):
        self.name = name
        self._iterate = iterate
        self._interval_s = interval_s
        self._heartbeat = heartbeat or (lambda: None)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._loop, args=(self._stop,), name=self.name, daemon=True
        )
        self._thread.start()

    def wake(self) -> None:
        """Starts the next pass now rather than at the next interval."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def _loop(self, stop: threading.Event) -> None:
        while not stop.is_set():
            self._wake.clear()
            try:
                self._heartbeat()
                for _ in self._iterate():
                    if stop.is_set():
                        return
                    self._heartbeat()
            except Exception:
                log.exception("%s: pass failed", self.name)
            self._wake.wait(self._interval_s)
