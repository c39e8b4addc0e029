"""The README's tutorial, run as a user would: its shell blocks pasted in order into bash."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
VENV = Path(sys.prefix)
SHELL_BLOCK = re.compile(r"^```sh\n(.*?)^```", re.MULTILINE | re.DOTALL)
ACTIVATE = "source .venv/bin/activate"
TUTORIAL_TIMEOUT_S = 600


def tutorial_blocks(readme: str) -> list[str]:
    """The shell blocks of `## Tutorial` and its subsections, in order."""
    return SHELL_BLOCK.findall(_section(readme, "Tutorial"))


def _section(readme: str, title: str) -> str:
    return readme.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def _isolated_network() -> list[str]:
    """A prefix running the shell in its own network namespace (its own loopback, so the
    tutorial's port 3000 is free whatever runs beside it), when the kernel allows one."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0:
        return [unshare, "-rn"]
    pytest.skip("needs a network namespace (unshare -rn) for the tutorial's port 3000")


def test_the_tutorial_runs_as_written(tmp_path):
    readme = README.read_text()
    set_up = SHELL_BLOCK.findall(_section(readme, "Set up on a fresh machine"))
    assert len(set_up) == 2, "the two set-up commands"
    assert f"&& {ACTIVATE} && lodestar " in set_up[0], "the set-up puts lodestar on PATH"
    blocks = tutorial_blocks(readme)
    assert len(blocks) >= 4
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    (tmp_path / ".venv").symlink_to(VENV)  # what the set-up command created
    script = "\n".join(
        [
            "set -e -o pipefail",
            "ip link set lo up",
            "trap 'kill $(jobs -p) 2>/dev/null || true; wait' EXIT",  # no server outlives it
            ACTIVATE,
            *blocks,
        ]
    )
    (tmp_path / "tutorial.sh").write_text(script)
    # A fresh shell: lodestar is not on PATH until the tutorial activates the venv.
    path = os.pathsep.join(
        p for p in os.environ["PATH"].split(os.pathsep) if not p.startswith(str(VENV))
    )
    env = {"PATH": path, "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    done = subprocess.run(
        [*_isolated_network(), "bash", "tutorial.sh"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=TUTORIAL_TIMEOUT_S,
        stdin=subprocess.DEVNULL,
    )
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
