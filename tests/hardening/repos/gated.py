"""A step that waits for a gate file (so a test can break storage while it runs), then
logs a line of the size its config asks for."""

import os
import time

from user_code_server import pipeline, repository, solid


@solid(config_schema={"gate": str, "log_chars": int})
def wait_for_gate(context) -> int:
    context.log.info("waiting at the gate")
    while not os.path.exists(context.solid_config["gate"]):
        time.sleep(0.02)
    context.log.info("x" * context.solid_config["log_chars"])
    return 1


@solid
def after_gate(context, value: int) -> int:
    context.log.info("after the gate")
    return value + 1


@pipeline
def gated():
    after_gate(wait_for_gate())


@repository
def gates():
    return [gated]
