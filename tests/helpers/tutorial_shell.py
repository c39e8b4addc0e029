"""Running documented shell commands as a user would: pasted in order into bash, in a fresh
shell of the set-up command, with its own network namespace so port 3000 is free."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"
SHELL_BLOCK = re.compile(r"^```sh\n(.*?)^```", re.MULTILINE | re.DOTALL)
VENV = Path(sys.prefix)
ACTIVATE = "source .venv/bin/activate"


def readme_section(title: str) -> str:
    """The text of the README's `## title` section, its subsections included."""
    return README.read_text().split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def set_up_commands() -> list[str]:
    """The README's set-up commands (two: run the example, run the tests)."""
    return SHELL_BLOCK.findall(readme_section("Set up on a fresh machine"))


def isolated_network() -> list[str]:
    """A prefix running the shell in its own network namespace (its own loopback, so the
    tutorial's port 3000 is free whatever runs beside it), when the kernel allows one."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0:
        return [unshare, "-rn"]
    pytest.skip("needs a network namespace (unshare -rn) for the tutorial's port 3000")


def run_shell_blocks(
    workdir: Path, blocks: list[str], timeout: float
) -> subprocess.CompletedProcess[str]:
    """Runs `blocks` as one bash script in `workdir`, after activating the venv the set-up
    command made (a symlink to this one); every background job is stopped on exit."""
    (workdir / ".venv").symlink_to(VENV)
    script = "\n".join(
        [
            "set -e -o pipefail",
            "ip link set lo up",
            "trap 'kill $(jobs -p) 2>/dev/null || true; wait' EXIT",  # no server outlives it
            ACTIVATE,
            *blocks,
        ]
    )
    (workdir / "tutorial.sh").write_text(script)
    # A fresh shell: lodestar is not on PATH until the script activates the venv.
    path = os.pathsep.join(
        p for p in os.environ["PATH"].split(os.pathsep) if not p.startswith(str(VENV))
    )
    env = {"PATH": path, "HOME": str(workdir), "LANG": "C.UTF-8"}
    return subprocess.run(
        [*isolated_network(), "bash", "tutorial.sh"],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
