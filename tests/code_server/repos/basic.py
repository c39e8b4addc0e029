"""A small repository for code server tests: data passing, output capture, crashes, sleeps."""

import ctypes
import os
import subprocess
import sys
import time

from user_code_server import pipeline, repository, solid


@solid(description="Makes a number, chattily.")
def emit_number(context) -> int:
    context.log.info("making a number")
    print("hello from print")
    print("hello from stderr", file=sys.stderr)
    os.write(1, b"hello from fd 1\n")
    return 42


@solid
def add_one(context, number: int) -> int:
    context.log.info(f"got {number}")
    return number + 1


@solid
def report(context, number: int) -> None:
    context.log.info(f"final {number}")


@pipeline(description="emit_number -> add_one -> report")
def arithmetic():
    report(add_one(emit_number()))


@solid
def exit_hard(context) -> None:
    print("last words before exit")
    os._exit(1)


@solid
def segfault(context) -> None:
    print("last words before segfault")
    ctypes.string_at(0)


@solid(config_schema={"pid_file": str})
def orphan_maker(context) -> None:
    child = subprocess.Popen(["sleep", "60"])
    with open(context.solid_config["pid_file"], "w") as handle:
        handle.write(str(child.pid))
    os._exit(1)


@solid
def fine(context) -> int:
    return 1


@pipeline
def crashes():
    exit_hard()
    segfault()
    orphan_maker()
    fine()


@solid(config_schema={"seconds": float, "pid_file": str})
def sleeper(context) -> None:
    with open(context.solid_config["pid_file"], "w") as handle:
        handle.write(str(os.getpid()))
    time.sleep(context.solid_config["seconds"])


@pipeline
def slow():
    sleeper()
    sleeper.alias("other_sleeper")()


@solid
def token_probe(context) -> None:
    context.log.info(f"token visible: {'LODESTAR_CODE_SERVER_TOKEN' in os.environ}")


@pipeline
def probes():
    token_probe()


@repository
def basic():
    return [arithmetic, crashes, slow, probes]
