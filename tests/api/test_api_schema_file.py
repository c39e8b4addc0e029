"""schema.graphql at the repository root is the schema the server serves."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_exported_schema_is_up_to_date():
    check = subprocess.run(
        [sys.executable, "scripts/export_schema.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert check.returncode == 0, check.stderr
