"""Code locations: a client per code server, its snapshot, and supervised server processes."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import threading
from dataclasses import dataclass

from control_plane.errors import CodeLocationError, LocationNotFoundError
from control_plane.workspace import GrpcServerOrigin, LocationOrigin, Workspace
from user_code_server.protocol import (
    CodeServerUnavailableError,
    RepositorySnapshot,
    UserCodeClient,
)

log = logging.getLogger(__name__)

READY_LINE = re.compile(r"lodestar code server ready on (?P<host>[^:\s]+):(?P<port>\d+)")
SPAWN_TIMEOUT_S = 60.0
RESTART_BACKOFF_S = (0.2, 1.0, 5.0)


@dataclass(frozen=True)
class CodeLocationInfo:
    name: str
    address: str  # host:port of its code server
    status: str  # "LOADED" or "ERROR"
    error: str | None = None  # why it cannot serve (unreachable, load error with traceback)
    server_id: str | None = None
    snapshot: RepositorySnapshot | None = None


class CodeLocation:
    """One code location. Never raises on start: a broken location records its error."""

    def __init__(self, origin: LocationOrigin, auth_token: str | None = None):
        self.origin = origin
        self.name = origin.location_name
        self._auth_token = auth_token
        self._lock = threading.RLock()
        self._client: UserCodeClient | None = None
        self._process: subprocess.Popen | None = None
        self._info = CodeLocationInfo(self.name, self._origin_address(), "ERROR", "not started")
        self._stopping = threading.Event()

    def _origin_address(self) -> str:
        if isinstance(self.origin, GrpcServerOrigin):
            return f"{self.origin.host}:{self.origin.port}"
        return "(not started)"

    def start(self) -> CodeLocationInfo:
        if isinstance(self.origin, GrpcServerOrigin):
            self._connect(self.origin.host, self.origin.port)
            return self.load()
        # The server is spawned from the long-lived supervisor thread: its death signal is
        # tied to the thread that started it.
        first_load = threading.Event()
        threading.Thread(
            target=self._supervise, args=(first_load,), name=f"supervise-{self.name}", daemon=True
        ).start()
        first_load.wait(SPAWN_TIMEOUT_S + 15)
        return self._info

    def info(self) -> CodeLocationInfo:
        return self._info

    def client(self) -> UserCodeClient:
        """The client to this location's server; raises CodeLocationError when it cannot serve."""
        info = self._info
        if info.status != "LOADED":
            # A server that was down may be back: try once before giving up.
            info = self.load()
        if info.status != "LOADED" or self._client is None:
            raise CodeLocationError(self.name, info.error or "not loaded")
        return self._client

    def snapshot(self) -> RepositorySnapshot:
        self.client()
        assert self._info.snapshot is not None
        return self._info.snapshot

    def load(self) -> CodeLocationInfo:
        """Pings the server and fetches its snapshot, recording the outcome."""
        with self._lock:
            client = self._client
            if client is None:
                return self._info
            try:
                ping = client.ping(timeout=10)
                if ping.load_error:
                    self._set(client, "ERROR", f"repository failed to load:\n{ping.load_error}")
                else:
                    snapshot = client.repository_snapshot()
                    self._set(client, "LOADED", None, ping.server_id, snapshot)
            except CodeServerUnavailableError as error:
                self._set(client, "ERROR", str(error))
            return self._info

    def reload(self) -> CodeLocationInfo:
        """Loads again; a server we do not supervise gets a fresh connection first."""
        if isinstance(self.origin, GrpcServerOrigin):
            self._connect(self.origin.host, self.origin.port)
        return self.load()

    def _set(self, client, status, error, server_id=None, snapshot=None) -> None:
        self._info = CodeLocationInfo(self.name, client.address, status, error, server_id, snapshot)

    def _connect(self, host: str, port: int) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
            self._client = UserCodeClient(host, port, auth_token=self._auth_token)

    def _spawn(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None
        env = dict(os.environ)
        if self._auth_token:
            env["LODESTAR_CODE_SERVER_TOKEN"] = self._auth_token
        command = [sys.executable, "-m", "user_code_server", "-f", self.origin.path]
        # --parent-pid: the server must not outlive a control plane killed with -9.
        command += ["--host", "127.0.0.1", "--port", "0", "--parent-pid", str(os.getpid())]
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        self._process = process
        timer = threading.Timer(SPAWN_TIMEOUT_S, process.kill)
        timer.start()
        try:
            for line in process.stdout:
                match = READY_LINE.search(line)
                if match:
                    self._connect(match.group("host"), int(match.group("port")))
                    break
                sys.stderr.write(line)
        finally:
            timer.cancel()
        threading.Thread(target=_forward, args=(process.stdout,), daemon=True).start()
        if self._client is None:
            process.kill()
            with self._lock:
                self._info = CodeLocationInfo(
                    self.name,
                    "(not started)",
                    "ERROR",
                    f"code server for {self.origin.path} exited before it was ready "
                    f"(exit code {process.poll()})",
                )

    def _supervise(self, first_load: threading.Event) -> None:
        """Starts the code server and restarts it whenever it dies, until stop()."""
        failures = 0
        while not self._stopping.is_set():
            self._spawn()
            failures = 0 if self.load().status == "LOADED" else failures + 1
            first_load.set()
            code = self._process.wait()
            if self._stopping.is_set():
                return
            message = f"code server exited with code {code}; restarting"
            log.warning("code location %s: %s", self.name, message)
            with self._lock:
                self._info = CodeLocationInfo(self.name, self._info.address, "ERROR", message)
            self._stopping.wait(RESTART_BACKOFF_S[min(failures, len(RESTART_BACKOFF_S) - 1)])

    def stop(self) -> None:
        self._stopping.set()
        process = self._process
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._client is not None:
            self._client.close()


def _forward(stream) -> None:
    for line in stream:
        sys.stderr.write(line)


class CodeLocations:
    """The workspace's code locations, by name."""

    def __init__(self, workspace: Workspace, auth_token: str | None = None):
        self._locations = {o.location_name: CodeLocation(o, auth_token) for o in workspace.origins}

    def start(self) -> None:
        threads = [threading.Thread(target=loc.start) for loc in self._locations.values()]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def stop(self) -> None:
        for location in self._locations.values():
            location.stop()

    def get(self, name: str) -> CodeLocation:
        try:
            return self._locations[name]
        except KeyError:
            raise LocationNotFoundError(name) from None

    def all(self) -> list[CodeLocation]:
        return list(self._locations.values())
