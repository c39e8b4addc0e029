"""Presets: named run configs (with a mode) a pipeline can be launched with."""

from __future__ import annotations

import json
from typing import Any

from user_code_server.sdk.checks import check_name, string_tags
from user_code_server.sdk.errors import DefinitionError


class PresetDefinition:
    """A named run config and mode: `execute_pipeline(p, preset="dev")`, `--preset dev`."""

    def __init__(
        self,
        name: str,
        run_config: dict[str, Any] | None = None,
        mode: str = "default",
        solid_selection: list[str] | None = None,
        tags: dict[str, Any] | None = None,
    ):
        self.name = check_name(name, "preset")
        if run_config is not None and not isinstance(run_config, dict):
            raise DefinitionError(
                f"preset '{name}': run_config must be a dict, got {type(run_config).__name__}"
            )
        try:
            json.dumps(run_config)
        except (TypeError, ValueError) as error:
            raise DefinitionError(f"preset '{name}': run_config is not JSON: {error}") from error
        self.run_config = dict(run_config or {})
        self.mode = check_name(mode, "mode")
        self.solid_selection = list(solid_selection) if solid_selection else None
        self.tags = string_tags(tags)
