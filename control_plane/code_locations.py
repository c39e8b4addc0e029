"""Code locations: a client per code server, its snapshot, and supervised server processes.

Locations load in the background: a location is LOADING until its server has answered,
then LOADED or ERROR. A `grpc_server` location is watched and loaded again whenever its
server comes back or changes; a `python_file` location's server is restarted when it dies
and replaced by a new process (new code) on reload.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, replace
from enum import StrEnum

from control_plane.errors import CodeLocationError, LocationNotFoundError
from control_plane.workspace import GrpcServerOrigin, LocationOrigin, PythonFileOrigin, Workspace
from user_code_server.protocol import (
    CodeServerUnavailableError,
    RepositorySnapshot,
    UserCodeClient,
)

log = logging.getLogger(__name__)

READY_LINE = re.compile(r"lodestar code server ready on (?P<host>[^:\s]+):(?P<port>\d+)")
SPAWN_TIMEOUT_S = 60.0
RESTART_BACKOFF_S = (0.2, 1.0, 5.0)
PING_TIMEOUT_S = 5.0
# Longest a load can take: the server's start, then a ping and the snapshot's transfer.
LOAD_TIMEOUT_S = SPAWN_TIMEOUT_S + 45.0
WATCH_INTERVAL_S = 2.0
# A replaced server gets this long to finish its steps in flight (its own shutdown grace
# is 30 s) before it is killed.
RETIRE_TIMEOUT_S = 40.0
LOADING_MESSAGE = "still loading (its code server is starting); try again once it is LOADED"


class LocationStatus(StrEnum):
    LOADING = "LOADING"
    LOADED = "LOADED"
    ERROR = "ERROR"


@dataclass(frozen=True)
class CodeLocationInfo:
    name: str
    address: str  # host:port of its code server
    status: LocationStatus
    error: str | None = None  # why it cannot serve (loading, unreachable, load error)
    server_id: str | None = None
    snapshot: RepositorySnapshot | None = None


class CodeLocation:
    """One code location: the client to its server and what that server last reported.

    Loading never raises: a broken location records its error. `start()` returns at once.
    """

    def __init__(self, origin: LocationOrigin, auth_token: str | None = None):
        self.origin = origin
        self.name = origin.location_name
        self._auth_token = auth_token
        self._changed = threading.Condition()
        self._stopping = threading.Event()
        # (client, info), replaced as one value so that readers never see a mix.
        self._state: tuple[UserCodeClient | None, CodeLocationInfo] = (
            None,
            CodeLocationInfo(
                self.name, self._origin_address(), LocationStatus.LOADING, LOADING_MESSAGE
            ),
        )

    def _origin_address(self) -> str:
        return "(not started)"

    def start(self) -> None:
        """Starts loading in the background."""
        raise NotImplementedError

    def reload(self) -> CodeLocationInfo:
        """Loads the location's code again; returns the outcome."""
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def info(self) -> CodeLocationInfo:
        return self._state[1]

    def snapshot(self) -> RepositorySnapshot:
        """The loaded snapshot; raises CodeLocationError at once when it cannot serve."""
        info = self._serving()[1]
        assert info.snapshot is not None
        return info.snapshot

    def client(self) -> UserCodeClient:
        """The client to this location's server, once a load in progress has ended;
        raises CodeLocationError when the location cannot serve."""
        self.wait_until_loaded(LOAD_TIMEOUT_S)
        return self._serving()[0]

    def wait_until_loaded(self, timeout: float | None = None) -> bool:
        """Blocks until the location is no longer LOADING; False after `timeout` seconds."""
        with self._changed:
            return self._changed.wait_for(
                lambda: self.info().status != LocationStatus.LOADING or self._stopping.is_set(),
                timeout,
            )

    def _serving(self) -> tuple[UserCodeClient, CodeLocationInfo]:
        client, info = self._state
        if info.status == LocationStatus.ERROR:
            client, info = self._retry()
        if info.status != LocationStatus.LOADED or client is None:
            raise CodeLocationError(self.name, info.error or "not loaded")
        return client, info

    def _retry(self) -> tuple[UserCodeClient | None, CodeLocationInfo]:
        """A location in error may try to load again before a caller is refused."""
        return self._state

    def _load(self, client: UserCodeClient) -> CodeLocationInfo:
        """Pings the server behind `client` and fetches its snapshot."""
        try:
            ping = client.ping(timeout=PING_TIMEOUT_S)
            if ping.load_error:
                return self._error(client.address, _load_failure(ping.load_error))
            snapshot = client.repository_snapshot()
        except CodeServerUnavailableError as error:
            return self._error(client.address, str(error))
        return CodeLocationInfo(
            self.name, client.address, LocationStatus.LOADED, None, ping.server_id, snapshot
        )

    def _error(self, address: str, message: str) -> CodeLocationInfo:
        return CodeLocationInfo(self.name, address, LocationStatus.ERROR, message)

    def _publish(self, info: CodeLocationInfo, client: UserCodeClient | None = None) -> None:
        """Makes `info` (and the client that serves it, if loaded) current."""
        with self._changed:
            self._state = (client, info)
            self._changed.notify_all()


class GrpcServerLocation(CodeLocation):
    """A code server someone else runs: watched, and loaded again on a fresh channel
    whenever it comes back or is replaced by another server."""

    origin: GrpcServerOrigin

    def __init__(self, origin: GrpcServerOrigin, auth_token: str | None = None):
        super().__init__(origin, auth_token)
        self._loading = threading.Lock()

    def _origin_address(self) -> str:
        return f"{self.origin.host}:{self.origin.port}"

    def start(self) -> None:
        threading.Thread(target=self._watch, name=f"watch-{self.name}", daemon=True).start()

    def reload(self) -> CodeLocationInfo:
        with self._loading:
            return self._load_fresh()[1]

    def stop(self) -> None:
        self._stopping.set()
        with self._changed:
            self._changed.notify_all()
        client = self._state[0]
        if client is not None:
            client.close()

    def _watch(self) -> None:
        while not self._stopping.is_set():
            self._refresh()
            self._stopping.wait(WATCH_INTERVAL_S)

    def _retry(self) -> tuple[UserCodeClient | None, CodeLocationInfo]:
        return self._refresh()

    def _refresh(self) -> tuple[UserCodeClient | None, CodeLocationInfo]:
        """Loads again unless the server that was loaded still answers."""
        with self._loading:
            client, info = self._state
            if client is not None and info.status == LocationStatus.LOADED:
                try:
                    if client.ping(timeout=PING_TIMEOUT_S).server_id == info.server_id:
                        return self._state
                except CodeServerUnavailableError:
                    pass
            return self._load_fresh()

    def _load_fresh(self) -> tuple[UserCodeClient | None, CodeLocationInfo]:
        # A new channel: an old one may sit in its reconnect backoff after failures. The old
        # channel is dropped, not closed, so that step streams still on it can finish.
        client = UserCodeClient(self.origin.host, self.origin.port, auth_token=self._auth_token)
        info = self._load(client)
        served: UserCodeClient | None = client
        if info.status != LocationStatus.LOADED:
            client.close()
            served = None
        if not self._stopping.is_set():
            self._publish(info, served)
        return served, info


class SupervisedLocation(CodeLocation):
    """A repository file whose code server this process starts, restarts when it dies,
    and replaces on reload (the old server is stopped once the new one serves)."""

    origin: PythonFileOrigin

    def __init__(self, origin: PythonFileOrigin, io_base_dir: str):
        """Its servers keep step outputs under `io_base_dir`; each gets a fresh random token
        (a configured `code_servers.auth_token` is for servers someone else runs)."""
        super().__init__(origin)
        self._io_base_dir = io_base_dir
        self._processes: set[subprocess.Popen] = set()  # every server not yet exited
        self._reloads_requested = 0
        self._reloads_done = 0

    def start(self) -> None:
        # The servers are spawned from this long-lived thread: a server's parent-death
        # signal is tied to the thread that started it.
        threading.Thread(target=self._supervise, name=f"supervise-{self.name}", daemon=True).start()

    def reload(self) -> CodeLocationInfo:
        """Starts a new server for the file (new code) and returns once it has loaded.
        Until then the old server keeps serving; then it is asked to shut down, and its
        steps in flight get its shutdown grace to finish."""
        with self._changed:
            self._reloads_requested += 1
            wanted = self._reloads_requested
            client, info = self._state
            if info.status != LocationStatus.LOADED:
                self._state = (
                    client,
                    replace(info, status=LocationStatus.LOADING, error=LOADING_MESSAGE),
                )
            self._changed.notify_all()
            self._changed.wait_for(
                lambda: self._reloads_done >= wanted or self._stopping.is_set(), LOAD_TIMEOUT_S
            )
        return self.info()

    def stop(self) -> None:
        with self._changed:
            self._stopping.set()
            self._changed.notify_all()
            processes = list(self._processes)
        for process in processes:
            _terminate(process, timeout=10)
        client = self._state[0]
        if client is not None:
            client.close()

    def _supervise(self) -> None:
        """Starts the code server; restarts it when it dies and replaces it on reload,
        until stop()."""
        failures = 0
        current: tuple[subprocess.Popen, UserCodeClient | None] | None = None
        while not self._stopping.is_set():
            with self._changed:
                reloads = self._reloads_requested
            process, client, info = self._start_server()
            failures = 0 if info.status == LocationStatus.LOADED else failures + 1
            with self._changed:
                if not self._stopping.is_set():
                    self._state = (client if info.status == LocationStatus.LOADED else None, info)
                self._reloads_done = reloads
                self._changed.notify_all()
            if current is not None:
                _retire(*current)
            current = (process, client)
            if self._wait_for_change(process) != "exited":
                continue  # reload (or stop: the loop ends)
            if client is None:  # it never became ready: the error says why
                message = f"{info.error}; restarting"
            else:
                message = f"code server exited with code {process.returncode}; restarting"
            log.warning("code location %s: %s", self.name, message)
            self._publish(self._error(info.address, message))
            current = None
            with self._changed:
                backoff = RESTART_BACKOFF_S[min(failures, len(RESTART_BACKOFF_S) - 1)]
                self._changed.wait_for(self._asked_to_act, backoff)

    def _asked_to_act(self) -> bool:
        return self._stopping.is_set() or self._reloads_requested > self._reloads_done

    def _wait_for_change(self, process: subprocess.Popen) -> str:
        """Waits until the server exits, a reload is asked or stop() is called."""
        with self._changed:
            self._changed.wait_for(lambda: self._asked_to_act() or process.returncode is not None)
            return "exited" if not self._asked_to_act() else "asked"

    def _start_server(self) -> tuple[subprocess.Popen, UserCodeClient | None, CodeLocationInfo]:
        """A new server and its load; the client is None when it did not become ready."""
        started = time.monotonic()
        process, client = self._spawn()
        threading.Thread(target=self._reap, args=(process,), daemon=True).start()
        if client is not None:
            return process, client, self._load(client)
        if time.monotonic() - started >= SPAWN_TIMEOUT_S:
            reason = f"did not report ready within {SPAWN_TIMEOUT_S:g} s and was killed"
        else:
            reason = f"exited before it was ready (exit code {process.returncode})"
        return (
            process,
            None,
            self._error("(not started)", f"code server for {self.origin.path} {reason}"),
        )

    def _reap(self, process: subprocess.Popen) -> None:
        process.wait()
        with self._changed:
            self._processes.discard(process)
            self._changed.notify_all()

    def _spawn(self) -> tuple[subprocess.Popen, UserCodeClient | None]:
        """Starts a code server; the client is None when it did not become ready."""
        # A fresh token, on its standard input: never in an environment or an argument
        # list, where the user's code could read it from /proc.
        token = secrets.token_urlsafe(32)
        command = [sys.executable, "-m", "user_code_server", "-f", self.origin.path]
        # --parent-pid: the server must not outlive a control plane killed with -9.
        command += ["--host", "127.0.0.1", "--port", "0", "--parent-pid", str(os.getpid())]
        command += ["--auth-token-stdin", "--io-base-dir", self._io_base_dir]
        if self.origin.workers is not None:
            command += ["--workers", str(self.origin.workers)]
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stdin=subprocess.PIPE, text=True
        )
        assert process.stdin is not None and process.stdout is not None, "both are pipes"
        with contextlib.suppress(BrokenPipeError):  # it died at once: seen below
            process.stdin.write(token + "\n")
            process.stdin.close()
        with self._changed:
            self._processes.add(process)
            if self._stopping.is_set():
                process.kill()
        client = None
        timer = threading.Timer(SPAWN_TIMEOUT_S, process.kill)
        timer.start()
        try:
            for line in process.stdout:
                match = READY_LINE.search(line)
                if match:
                    client = UserCodeClient(match["host"], int(match["port"]), auth_token=token)
                    break
                sys.stderr.write(line)
        finally:
            timer.cancel()
        threading.Thread(target=_forward, args=(process.stdout,), daemon=True).start()
        if client is None:
            process.kill()
            process.wait()
        return process, client


def _load_failure(traceback: str) -> str:
    """The exception on the first line, then the whole traceback."""
    return f"repository failed to load: {traceback.strip().splitlines()[-1]}\n{traceback}"


def _retire(process: subprocess.Popen, client: UserCodeClient | None) -> None:
    """Asks a replaced server to shut down, in the background: its steps in flight get
    its shutdown grace to finish; then it is killed."""

    def retire() -> None:
        if client is not None:
            try:
                client.shutdown()
                process.wait(RETIRE_TIMEOUT_S)
            except (CodeServerUnavailableError, subprocess.TimeoutExpired):
                pass
            client.close()
        _terminate(process, timeout=10)

    threading.Thread(target=retire, daemon=True).start()


def _terminate(process: subprocess.Popen, timeout: float) -> None:
    """SIGTERM, then SIGKILL after `timeout` seconds."""
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _forward(stream) -> None:
    for line in stream:
        sys.stderr.write(line)


class CodeLocations:
    """The workspace's code locations, by name."""

    def __init__(self, workspace: Workspace, auth_token: str | None = None, io_base_dir: str = ""):
        """`auth_token`: for the servers someone else runs; `io_base_dir`: for the ones
        this process starts (the instance's `io_manager.base_dir`)."""
        self._locations = {
            o.location_name: _location(o, auth_token, io_base_dir) for o in workspace.origins
        }

    def start(self) -> None:
        """Starts loading every location in the background; returns at once."""
        for location in self._locations.values():
            location.start()

    def wait_until_loaded(self, timeout: float = LOAD_TIMEOUT_S) -> None:
        """Blocks until no location is LOADING (for callers that need them at once)."""
        deadline = time.monotonic() + timeout
        for location in self._locations.values():
            location.wait_until_loaded(max(0.0, deadline - time.monotonic()))

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


def _location(origin: LocationOrigin, auth_token: str | None, io_base_dir: str) -> CodeLocation:
    if isinstance(origin, GrpcServerOrigin):
        return GrpcServerLocation(origin, auth_token)
    return SupervisedLocation(origin, io_base_dir)
