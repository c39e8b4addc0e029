"""The run's output store, where the built-in IO managers keep step outputs: pickled files
any worker can load (a code server's), or memory (in-process runs).

Paths: `{base}/{run_id}/{step_key}/{output_name}.pkl`, and for one value of a dynamic output
`{base}/{run_id}/{step_key}/{output_name}/{mapping_key}.pkl`. The base directory is the code
server's own configuration; a handle only names a value, and every part of it is checked to
be a plain name before it becomes part of a path. Files are 0600 and directories 0700.
"""

from __future__ import annotations

import os
import pickle
import re
import threading
from typing import Any, NoReturn, Protocol

from user_code_server.protocol.execution import OutputHandle
from user_code_server.protocol.plan import MAPPING_KEY_PATTERN, StepKey
from user_code_server.sdk.checks import NAME_PATTERN

_RUN_ID = re.compile(r"[A-Za-z0-9_-]+")
_DIR_MODE = 0o700
_FILE_MODE = 0o600


class OutputNotFoundError(LookupError):
    """No stored value for an output handle (the upstream step never stored it)."""


class UnsafeHandleError(ValueError):
    """An output handle with a part that is not a plain name (a path, `..`, a separator)."""


def check_handle(handle: OutputHandle) -> None:
    """Raises UnsafeHandleError unless every part of `handle` is a plain name."""
    _check(handle, "run id", handle.run_id, _RUN_ID)
    try:
        key = StepKey.parse(handle.step_key)
    except ValueError:
        key = None
    if key is None or handle.step_key != str(key):
        _refuse(handle, "step key", handle.step_key)
    for part in (key.solid, *key.mapping_keys):
        _check(handle, "step key", part, NAME_PATTERN)
    _check(handle, "output name", handle.output_name, NAME_PATTERN)
    if handle.mapping_key:
        _check(handle, "mapping key", handle.mapping_key, MAPPING_KEY_PATTERN)


def _check(handle: OutputHandle, what: str, value: str, pattern: re.Pattern) -> None:
    if not pattern.fullmatch(value):
        _refuse(handle, what, value)


def _refuse(handle: OutputHandle, what: str, value: str) -> NoReturn:
    raise UnsafeHandleError(
        f"refused unsafe output handle: its {what} {value!r} is not a plain name "
        f"(letters, digits, '_', and '-' in a run id; a step key is solid[key,...]); "
        f"handle: {handle}"
    )


class OutputStore(Protocol):
    """Stores and loads the value an output handle names."""

    def store(self, handle: OutputHandle, value: Any) -> None: ...

    def load(self, handle: OutputHandle) -> Any: ...


class FilesystemOutputStore:
    """Stores and loads step outputs as pickles under `base_dir`, writing atomically."""

    def __init__(self, base_dir: str | os.PathLike[str]):
        self.base_dir = os.path.normpath(os.fspath(base_dir))

    def path_for(self, handle: OutputHandle) -> str:
        """The file that holds the value `handle` names; UnsafeHandleError for a bad handle."""
        check_handle(handle)
        step_dir = os.path.join(self.base_dir, handle.run_id, handle.step_key)
        if handle.mapping_key:
            return os.path.join(step_dir, handle.output_name, handle.mapping_key + ".pkl")
        return os.path.join(step_dir, handle.output_name + ".pkl")

    def store(self, handle: OutputHandle, value: Any) -> None:
        """Pickles `value` to a temporary file, then renames it into place."""
        path = self.path_for(handle)
        temp = f"{path}.{os.getpid()}.{threading.get_ident()}.tmp"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC
        try:
            fd = os.open(temp, flags, _FILE_MODE)
        except FileNotFoundError:  # the step's first output: its directory does not exist yet
            self._make_dirs(os.path.dirname(path))
            fd = os.open(temp, flags, _FILE_MODE)
        try:
            with open(fd, "wb") as file:
                pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, path)
        except BaseException:
            os.unlink(temp)
            raise

    def _make_dirs(self, directory: str) -> None:
        """Creates `directory` and the missing ones between it and the base, each 0700
        (os.makedirs gives intermediate directories the default mode)."""
        missing = []
        while directory != self.base_dir and not os.path.isdir(directory):
            missing.append(directory)
            directory = os.path.dirname(directory)
        if not os.path.isdir(self.base_dir):
            os.makedirs(self.base_dir, mode=_DIR_MODE, exist_ok=True)
        for path in reversed(missing):
            try:
                os.mkdir(path, _DIR_MODE)
            except FileExistsError:  # another worker made it first
                pass

    def load(self, handle: OutputHandle) -> Any:
        """The value stored for `handle`; OutputNotFoundError when there is none."""
        path = self.path_for(handle)
        try:
            with open(path, "rb") as file:
                return pickle.load(file)
        except FileNotFoundError:
            where = f"[{handle.mapping_key}]" if handle.mapping_key else ""
            raise OutputNotFoundError(
                f"output '{handle.output_name}'{where} of step '{handle.step_key}' in run "
                f"'{handle.run_id}' was never stored (no file {path})"
            ) from None


class InMemoryOutputStore:
    """Keeps step outputs in this process's memory: values need not be picklable."""

    def __init__(self) -> None:
        self.values: dict[OutputHandle, Any] = {}

    def store(self, handle: OutputHandle, value: Any) -> None:
        self.values[handle] = value

    def load(self, handle: OutputHandle) -> Any:
        """The value stored for `handle`; OutputNotFoundError when there is none."""
        try:
            return self.values[handle]
        except KeyError:
            raise OutputNotFoundError(f"no value stored for {handle}") from None
