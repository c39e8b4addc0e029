"""The workspace: which code locations the control plane serves, from `workspace.yaml`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from control_plane import yaml_loader
from control_plane.errors import LodestarError


class WorkspaceError(LodestarError):
    pass


@dataclass(frozen=True)
class GrpcServerOrigin:
    """A code server someone else runs."""

    location_name: str
    host: str
    port: int


@dataclass(frozen=True)
class PythonFileOrigin:
    """A repository file whose code server the control plane starts and supervises."""

    location_name: str
    path: str
    workers: int | None = None  # the code server's worker processes (None: its default)


LocationOrigin = GrpcServerOrigin | PythonFileOrigin


@dataclass(frozen=True)
class Workspace:
    origins: tuple[LocationOrigin, ...]

    @classmethod
    def from_python_file(cls, path: str, location_name: str | None = None) -> Workspace:
        _require_file(path, "repository file")
        name = location_name or Path(path).stem
        return cls((PythonFileOrigin(name, os.path.abspath(path)),))


def _require_file(path: str, what: str) -> None:
    if not os.path.isfile(path):
        raise WorkspaceError(f"{what} not found: {path}")


def load_workspace(path: str) -> Workspace:
    """Parses a workspace file; errors name the file and the entry at fault."""
    _require_file(path, "workspace file")
    with open(path) as f:
        try:
            document = yaml_loader.load(f) or {}
        except yaml.YAMLError as error:
            raise WorkspaceError(f"{path}: not valid YAML: {error}") from None
    entries = document.get("load_from") if isinstance(document, dict) else None
    if not isinstance(entries, list) or not entries:
        raise WorkspaceError(f"{path}: expected a non-empty list under 'load_from'")
    base = os.path.dirname(os.path.abspath(path))
    origins = [_origin(entry, f"{path}: load_from[{i}]", base) for i, entry in enumerate(entries)]
    names = [o.location_name for o in origins]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise WorkspaceError(f"{path}: duplicate location_name {', '.join(duplicates)}")
    return Workspace(tuple(origins))


def _origin(entry, where: str, base: str) -> LocationOrigin:
    if not isinstance(entry, dict) or len(entry) != 1:
        raise WorkspaceError(f"{where}: expected one of 'grpc_server' or 'python_file'")
    kind, body = next(iter(entry.items()))
    if not isinstance(body, dict):
        raise WorkspaceError(f"{where}.{kind}: expected a mapping")
    if kind == "grpc_server":
        if "port" not in body:
            raise WorkspaceError(f"{where}.grpc_server: 'port' is required")
        host = str(body.get("host", "127.0.0.1"))
        try:
            port = int(body["port"])
        except (TypeError, ValueError):
            raise WorkspaceError(f"{where}.grpc_server.port: not a number") from None
        return GrpcServerOrigin(str(body.get("location_name", f"{host}:{port}")), host, port)
    if kind == "python_file":
        if "path" not in body:
            raise WorkspaceError(f"{where}.python_file: 'path' is required")
        path = os.path.join(base, str(body["path"]))
        _require_file(path, f"{where}.python_file.path: repository file")
        name = str(body.get("location_name", Path(path).stem))
        return PythonFileOrigin(name, path, _workers(body.get("workers"), where))
    raise WorkspaceError(f"{where}: unknown kind {kind!r} (use grpc_server or python_file)")


def _workers(value, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise WorkspaceError(
            f"{where}.python_file.workers: expected a whole number >= 1, not {value!r}"
        )
    return value
