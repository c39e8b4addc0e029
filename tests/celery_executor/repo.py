"""Pipelines the Celery executor tests run on two real workers."""

import os
import time
from pathlib import Path

from user_code_server import (
    DynamicOutput,
    DynamicOutputDefinition,
    Field,
    RetryPolicy,
    RetryRequested,
    pipeline,
    repository,
    solid,
)


def _worker(context) -> None:
    """Logs which `lodestar worker` (the parent of the step's process) ran the step."""
    context.log.info(f"worker={os.getppid()}")


@solid(config_schema={"n": Field(int)}, output_defs=[DynamicOutputDefinition(int)])
def numbers(context):
    for i in range(context.solid_config["n"]):
        yield DynamicOutput(i, mapping_key=f"n{i}")


@solid
def square(context, n: int) -> int:
    _worker(context)
    return n * n


# Unique per test session, so that sessions sharing a broker never take each other's steps.
SPECIAL_QUEUE = os.environ.get("LODESTAR_TEST_SPECIAL_QUEUE", "special")


@solid(tags={"lodestar/celery_queue": SPECIAL_QUEUE})
def special_square(context, n: int) -> int:
    _worker(context)
    return n * n


@solid
def total(context, values) -> int:
    context.log.info(f"total={sum(values)}")
    return sum(values)


@pipeline
def fan():
    squares = numbers().map(square)
    total(squares.collect())


@pipeline
def fan_special():
    total(numbers().map(special_square).collect())


@solid(config_schema={"flag": Field(str)})
def needs_flag(context) -> str:
    """Fails until the flag file exists."""
    if not Path(context.solid_config["flag"]).exists():
        raise ValueError("the flag file is missing")
    return "flag"


@solid
def after_flag(context, value: str) -> str:
    return value + "!"


@solid(retry_policy=RetryPolicy(max_retries=2))
def flaky(context) -> int:
    _worker(context)
    if context.retry_number == 0:
        raise RetryRequested(max_retries=2)
    return context.retry_number


@pipeline
def retries_and_failures():
    after_flag(needs_flag())
    flaky()


@solid(
    config_schema={"dir": Field(str), "n": Field(int)}, output_defs=[DynamicOutputDefinition(int)]
)
def hangers(context):
    for i in range(context.solid_config["n"]):
        yield DynamicOutput(i, mapping_key=f"h{i}")


@solid(config_schema={"dir": Field(str)}, retry_policy=RetryPolicy(max_retries=1))
def hang(context, i: int) -> int:
    """Writes `<dir>/<step>.<attempt>` with its pid and worker, then hangs on its first
    attempt until `<dir>/release` exists; later attempts finish at once."""
    directory = Path(context.solid_config["dir"])
    marker = directory / f"h{i}.{context.retry_number + 1}"
    marker.write_text(f"{os.getpid()} {os.getppid()}")
    while context.retry_number == 0 and not (directory / "release").exists():
        time.sleep(0.05)
    return i


@pipeline
def hanging():
    hangers().map(hang)


@solid(config_schema={"dir": Field(str)})
def record(context) -> int:
    """Appends its process id to `<dir>/record.log`: one line per execution."""
    with open(Path(context.solid_config["dir"]) / "record.log", "a") as log:
        log.write(f"{os.getpid()}\n")
    return 1


@solid
def after_record(context, value: int) -> int:
    return value + 1


@pipeline
def recorded():
    after_record(record())


@repository
def celery_repo():
    return [fan, fan_special, retries_and_failures, hanging, recorded]
