"""The default IO manager: step outputs as pickled files any worker can load.

Paths: `{base}/{run_id}/{step_key}/{output_name}.pkl`, and for one value of a dynamic output
`{base}/{run_id}/{step_key}/{output_name}/{mapping_key}.pkl`.
"""

from __future__ import annotations

import os
import pickle
import threading
from typing import Any

from user_code_server.protocol.execution import OutputHandle


class OutputNotFoundError(LookupError):
    """No stored value for an output handle (the upstream step never stored it)."""


class FilesystemIOManager:
    """Stores and loads step outputs as pickles under `base_dir`, writing atomically."""

    def __init__(self, base_dir: str | os.PathLike[str]):
        self.base_dir = os.fspath(base_dir)

    def path_for(self, handle: OutputHandle) -> str:
        """The file that holds the value `handle` names."""
        for part in (handle.run_id, handle.step_key, handle.output_name, handle.mapping_key):
            if "/" in part or part in (".", ".."):
                raise ValueError(f"unsafe path component {part!r} in {handle}")
        step_dir = os.path.join(self.base_dir, handle.run_id, handle.step_key)
        if handle.mapping_key:
            return os.path.join(step_dir, handle.output_name, handle.mapping_key + ".pkl")
        return os.path.join(step_dir, handle.output_name + ".pkl")

    def store(self, handle: OutputHandle, value: Any) -> None:
        """Pickles `value` to a temporary file, then renames it into place."""
        path = self.path_for(handle)
        temp = f"{path}.{os.getpid()}.{threading.get_ident()}.tmp"
        try:
            file = open(temp, "wb")
        except FileNotFoundError:  # the step's first output: its directory does not exist yet
            os.makedirs(os.path.dirname(path), exist_ok=True)
            file = open(temp, "wb")
        try:
            with file:
                pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, path)
        except BaseException:
            os.unlink(temp)
            raise

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
