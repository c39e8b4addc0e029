#!/usr/bin/env bash
# Regenerates the gRPC stubs in user_code_server/protocol/ from proto/.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m grpc_tools.protoc -Iproto --python_out=. --pyi_out=. --grpc_python_out=. \
  proto/user_code_server/protocol/user_code.proto
