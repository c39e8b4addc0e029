#!/usr/bin/env bash
# Builds the web UI (ui/) into control_plane/web/static/, the package data `lodestar up` serves.
# --check: install exactly the locked packages, type-check, unit-test, build, and fail if the
# build differs from the committed assets (as for the gRPC stubs).
set -euo pipefail
cd "$(dirname "$0")/../ui"

if [[ "${1:-}" == "--check" ]]; then
  npm ci --no-audit --no-fund
  npm run typecheck
  npm test
fi
npm run build

if [[ "${1:-}" == "--check" ]]; then
  cd ..
  drift="$(git status --porcelain -- control_plane/web/static)"
  if [[ -n "$drift" ]]; then
    echo "the built UI differs from the committed assets (run scripts/build_ui.sh and commit):" >&2
    echo "$drift" >&2
    exit 1
  fi
fi
