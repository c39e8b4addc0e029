"""A loopback port for tests that need an address before (or without) a server on it."""

from __future__ import annotations

import socket


class ReservedPort:
    """127.0.0.1:`port`, bound but not listening: connecting to it is refused, and no other
    server can take it until `release()` (so a test can hand it to the server it starts)."""

    def __init__(self):
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self.port: int = self._socket.getsockname()[1]

    def release(self) -> None:
        self._socket.close()
