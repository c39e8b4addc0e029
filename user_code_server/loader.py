"""Loading the user's repository from a Python file or module, with failures as text."""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep
_IMPORTLIB_DIR = os.path.dirname(os.path.abspath(importlib.__file__)) + os.sep


@dataclass(frozen=True)
class CodeTarget:
    """Where the user's repository lives: exactly one of a file path or a module name."""

    file: str | None = None
    module: str | None = None

    def __post_init__(self):
        if (self.file is None) == (self.module is None):
            raise ValueError("give exactly one of a file or a module")

    def describe(self) -> str:
        return f"file {self.file}" if self.file else f"module {self.module}"


@dataclass(frozen=True)
class LoadedRepository:
    """The user's `RepositoryDefinition`, or the traceback of the failure to load it."""

    repository: Any = None
    error: str = ""


def load_repository(target: CodeTarget) -> LoadedRepository:
    """Imports the target and finds its repository; never raises for errors in user code."""
    try:
        from user_code_server.sdk.repository import repository_from_module

        module = _import_target(target)
        return LoadedRepository(repository=repository_from_module(module))
    except (Exception, SystemExit) as error:  # user code may call sys.exit() at import
        return LoadedRepository(error=user_traceback(error))


def user_traceback(error: BaseException) -> str:
    """The traceback of `error` from the first frame past the loading machinery (this
    package's and importlib's frames): the user's own code, or just the error if none."""
    tb = error.__traceback__
    while tb is not None and _is_loading_file(tb.tb_frame.f_code.co_filename):
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(error), error, tb))


def _is_loading_file(path: str) -> bool:
    return path.startswith((_PACKAGE_DIR, _IMPORTLIB_DIR, "<frozen importlib"))


def _import_target(target: CodeTarget) -> ModuleType:
    if target.file:
        return _import_file(Path(target.file).resolve())
    # Like `python -m`, a module is found from the working directory too.
    _prepend_sys_path(os.getcwd())
    assert target.module is not None  # a CodeTarget holds a file or a module
    return importlib.import_module(target.module)


def _import_file(path: Path) -> ModuleType:
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    # The file's own directory goes on sys.path so that its sibling imports work.
    _prepend_sys_path(str(path.parent))
    # A name already taken (a file called `json.py`) must not replace the module in use.
    name = path.stem if path.stem not in sys.modules else f"lodestar_user_code_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}: not a Python file (no loader for its suffix)")
    module = importlib.util.module_from_spec(spec)
    # Registered under its name so that pickled values of its classes load in any worker.
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module


def _prepend_sys_path(directory: str) -> None:
    if directory not in sys.path:
        sys.path.insert(0, directory)
