"""The README's tutorial, run as a user would: its shell blocks pasted in order into bash."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from helpers.tutorial_shell import (
    ACTIVATE,
    SHELL_BLOCK,
    readme_section,
    run_shell_blocks,
    set_up_commands,
)

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL_TIMEOUT_S = 600


def tutorial_blocks() -> list[str]:
    """The shell blocks of `## Tutorial` and its subsections, in order."""
    return SHELL_BLOCK.findall(readme_section("Tutorial"))


def test_the_tutorial_runs_as_written(tmp_path):
    set_up = set_up_commands()
    assert len(set_up) == 2, "the two set-up commands"
    assert f"&& {ACTIVATE} && lodestar " in set_up[0], "the set-up puts lodestar on PATH"
    blocks = tutorial_blocks()
    assert len(blocks) >= 4
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    done = run_shell_blocks(tmp_path, blocks, TUTORIAL_TIMEOUT_S)
    assert done.returncode == 0, f"stdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    out = done.stdout
    assert (
        len(re.findall(r"^run [0-9a-f-]{36}  SUCCESS", out, re.MULTILINE)) >= 3
    )  # execute, launch x2
    assert "shout[lodestar]" in out and "WARNING" not in out  # the logs filter: no warnings
    assert "succeeded 31, failed 0" in out  # the backfill of January
    assert re.search(r"backfill [0-9a-f]+ CANCELED", out)
    assert "└── warehouse/users" in out  # the lineage
    assert '"__typename":"PipelineNotFoundError"' in out  # typed errors from GraphQL
