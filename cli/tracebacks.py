"""A step's traceback as the user wants to read it: their frames, Lodestar's folded."""

from __future__ import annotations

import importlib.util
import re
from functools import cache

FRAME_LINE = re.compile(r'^\s*File "(?P<path>[^"]+)", line \d+')
LODESTAR_PACKAGES = ("user_code_server", "control_plane", "cli")


def fold_traceback(stack: str) -> list[str]:
    """The lines of `stack` (as `traceback.format_exception` wrote it) with each run of
    consecutive Lodestar frames folded into one `  ... N Lodestar frames ...` line."""
    lines: list[str] = []
    folded = 0
    frame_is_lodestar = False
    for line in stack.rstrip().splitlines():
        frame = FRAME_LINE.match(line)
        if frame:
            frame_is_lodestar = _is_lodestar_file(frame["path"])
            folded += frame_is_lodestar
        elif not (frame_is_lodestar and line.startswith("    ")):
            frame_is_lodestar = False  # a line past the frames: the exception, a chain note
        if frame_is_lodestar:
            continue
        if folded:
            lines.append(f"  ... {folded} Lodestar frame{'s' if folded > 1 else ''} ...")
            folded = 0
        lines.append(line)
    return lines


def _is_lodestar_file(path: str) -> bool:
    return path.startswith(_package_dirs())


@cache
def _package_dirs() -> tuple[str, ...]:
    """The directories of Lodestar's packages, found without importing them."""
    dirs = []
    for name in LODESTAR_PACKAGES:
        spec = importlib.util.find_spec(name)
        for location in (spec and spec.submodule_search_locations) or []:
            dirs.append(location.rstrip("/") + "/")
    return tuple(dirs)
