"""Writes the GraphQL schema to schema.graphql; with --check, fails if the file is stale."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from control_plane.graphql import build_schema

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema.graphql"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="Only compare, write nothing.")
    args = parser.parse_args()
    text = build_schema().as_str() + "\n"
    if args.check:
        if not SCHEMA_FILE.exists() or SCHEMA_FILE.read_text() != text:
            print(f"{SCHEMA_FILE.name} is stale: run scripts/export_schema.py", file=sys.stderr)
            return 1
        return 0
    SCHEMA_FILE.write_text(text)
    print(f"wrote {SCHEMA_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
