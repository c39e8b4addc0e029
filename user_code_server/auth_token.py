"""The code server's auth token: where it comes from, and keeping it out of user code's reach.

User code runs in worker processes, children of the server, as the same user. They inherit
the server's environment, and can read its /proc/<pid>/environ and /proc/<pid>/cmdline. So
the token is taken out of the environment and wiped from the memory those two files show,
whichever way it came; standard input (what `lodestar up` uses) never shows there at all.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

TOKEN_ENV = "LODESTAR_CODE_SERVER_TOKEN"
_PR_SET_DUMPABLE = 4
# Fields 48-51 of /proc/<pid>/stat: where the argument and environment strings live.
_ARG_START_FIELD = 48


class AuthTokenError(Exception):
    """The token could not be read (standard input closed or empty)."""


def read_stdin_token() -> str:
    """The first line of standard input, which must hold the token."""
    token = sys.stdin.readline().strip()
    if not token:
        raise AuthTokenError("--auth-token-stdin given, but standard input held no token")
    return token


def take_auth_token(given: str | None) -> str | None:
    """The token to require: `given`, else $LODESTAR_CODE_SERVER_TOKEN, else None.

    Afterwards neither this process's environment (which workers inherit) nor its /proc
    cmdline and environ hold it, and its memory is closed to other processes of the user.
    """
    from_env = os.environ.pop(TOKEN_ENV, None)
    token = given or from_env
    for secret in {value for value in (given, from_env) if value}:
        _wipe_from_proc_view(secret.encode())
    if sys.platform.startswith("linux"):
        # Not dumpable: /proc/<pid>/mem and environ are root's alone, no ptrace by the user.
        ctypes.CDLL(None).prctl(_PR_SET_DUMPABLE, 0)
    return token


def _wipe_from_proc_view(secret: bytes) -> None:
    """Overwrites `secret` in the argument and environment strings of this process."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return  # no /proc: nothing shows them either
    first = _ARG_START_FIELD - 3  # fields after the command name start at field 3
    bounds = [int(value) for value in fields[first : first + 4]]
    for start, end in ((bounds[0], bounds[1]), (bounds[2], bounds[3])):
        block = ctypes.string_at(start, end - start)
        at = block.find(secret)
        while at >= 0:
            ctypes.memset(start + at, ord("*"), len(secret))
            at = block.find(secret, at + len(secret))
