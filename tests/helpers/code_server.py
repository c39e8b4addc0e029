"""Starting a user code server as a real process for tests, and cleaning up after it."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from user_code_server.protocol import UserCodeClient

READY_LINE = re.compile(
    r"lodestar code server ready on (?P<host>[^:\s]+):(?P<port>\d+) \(pid (?P<pid>\d+)\)"
)
REPOS_DIR = Path(__file__).resolve().parent.parent / "code_server" / "repos"


@dataclass
class CodeServerProcess:
    """A running code server: its process, address and the clients opened on it."""

    process: subprocess.Popen
    host: str
    port: int
    io_base_dir: Path
    auth_token: str | None = None
    remove_io_base_dir: bool = False  # a temporary directory the helper made
    _clients: list[UserCodeClient] = field(default_factory=list)

    @property
    def pid(self) -> int:
        return self.process.pid

    def client(self, auth_token: str | None = ..., timeout: float = 30) -> UserCodeClient:
        """A client for this server, with the server's token unless another is given."""
        token = self.auth_token if auth_token is ... else auth_token
        client = UserCodeClient(self.host, self.port, auth_token=token, timeout=timeout)
        self._clients.append(client)
        return client

    def worker_pids(self) -> set[int]:
        return child_pids(self.pid)

    def stop(self, timeout: float = 10) -> int:
        """SIGTERM, then SIGKILL after `timeout`; returns the exit code."""
        for client in self._clients:
            client.close()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
        code = self.process.wait()
        if self.remove_io_base_dir:
            shutil.rmtree(self.io_base_dir, ignore_errors=True)
        return code


def start_code_server(
    repo: str | Path,
    *args: str,
    env: dict[str, str] | None = None,
    auth_token: str | None = None,
    cwd: str | Path | None = None,
    timeout: float = 30,
    io_base_dir: str | Path | None = None,
) -> CodeServerProcess:
    """Starts `python -m user_code_server -f REPO --port 0 ARGS` and waits for its ready line.

    A bare file name is looked up in tests/code_server/repos/; a name without `.py` is a
    module (`-m REPO`), found from `cwd`. `auth_token` goes on its standard input; step
    outputs go to `io_base_dir`, by default a new temporary directory.
    """
    made_io_dir = io_base_dir is None
    io_base_dir = Path(tempfile.mkdtemp(prefix="lodestar-io-") if made_io_dir else io_base_dir)
    if not str(repo).endswith(".py"):
        source = ["-m", str(repo)]
    elif Path(repo).is_absolute() or os.sep in str(repo):
        source = ["-f", str(repo)]
    else:
        source = ["-f", str(REPOS_DIR / repo)]
    command = [sys.executable, "-m", "user_code_server", *source, "--port", "0", *args]
    command += ["--io-base-dir", str(io_base_dir)]
    if auth_token:
        command.append("--auth-token-stdin")
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
    )
    process.stdin.write(f"{auth_token}\n" if auth_token else "")
    process.stdin.close()
    timer = threading.Timer(timeout, process.kill)
    timer.start()
    try:
        for line in process.stdout:
            match = READY_LINE.search(line)
            if match:
                break
        else:
            raise RuntimeError(f"code server exited before it was ready: {process.wait()}")
    finally:
        timer.cancel()
    threading.Thread(target=process.stdout.read, daemon=True).start()  # never block its prints
    host, port = match["host"], int(match["port"])
    return CodeServerProcess(process, host, port, io_base_dir, auth_token, made_io_dir)


def child_pids(pid: int) -> set[int]:
    """The live (not zombie) child processes of `pid`, from /proc."""
    children = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[0] != "Z" and int(fields[1]) == pid:
            children.add(int(stat.parent.name))
    return children


def pid_alive(pid: int) -> bool:
    """True while `pid` runs (a zombie counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def kill_survivors(pids: set[int]) -> None:
    """SIGKILLs whichever of `pids` still run, so a failed test leaves no process behind."""
    for pid in pids:
        if pid_alive(pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
