"""Checks shared by definitions: names and tags."""

from __future__ import annotations

import json
import re
from typing import Any

from user_code_server.sdk.errors import DefinitionError

NAME_PATTERN = re.compile(r"[A-Za-z0-9_]+")  # matched in full


def check_name(name: Any, what: str) -> str:
    """Returns `name` if it is a valid definition name, else raises DefinitionError."""
    if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name):
        raise DefinitionError(f"invalid {what} name {name!r}: names must match [A-Za-z0-9_]+")
    return name


def string_tags(tags: dict[str, Any] | None) -> dict[str, str]:
    """Tags as strings: string values as they are, others JSON-encoded."""
    return {str(k): v if isinstance(v, str) else json.dumps(v) for k, v in (tags or {}).items()}
