"""Solids that behave like hostile or careless user code: they pry, daemonize and die."""

import json
import os
import sys
import time

from user_code_server import DynamicOutput, DynamicOutputDefinition, pipeline, solid


def _read(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            return handle.read().replace(b"\0", b"\n").decode(errors="replace")
    except OSError as error:
        return f"<unreadable: {error}>"


@solid(config_schema={"report_file": str})
def snoop(context) -> None:
    """Writes what user code can see of its own and its ancestors' environment and argv."""
    parent = os.getppid()
    grandparent = int(_read(f"/proc/{parent}/stat").rsplit(")", 1)[1].split()[1])
    seen = {
        "os.environ": json.dumps(dict(os.environ)),
        "/proc/self/environ": _read("/proc/self/environ"),
    }
    for pid in (parent, grandparent):
        for part in ("environ", "cmdline"):
            seen[f"/proc/{pid}/{part}"] = _read(f"/proc/{pid}/{part}")
    with open(context.solid_config["report_file"], "w") as handle:
        json.dump(seen, handle)


@pipeline
def snooping():
    snoop()


@solid(output_defs=[DynamicOutputDefinition(int)])
def bad_key(context):
    yield DynamicOutput(1, mapping_key="abc\n")


@pipeline
def bad_mapping_key():
    bad_key()


def _daemonize(pid_file: str) -> None:
    """Double-forks a session leader that sleeps holding every inherited descriptor (the
    worker's socket and output files included), then returns in the original process."""
    child = os.fork()
    if child:
        os.waitpid(child, 0)
        return
    os.setsid()
    if os.fork():
        os._exit(0)
    with open(pid_file, "w") as handle:
        handle.write(str(os.getpid()))
    time.sleep(120)
    os._exit(0)


@solid(config_schema={"pid_file": str})
def daemon_then_die(context) -> None:
    _daemonize(context.solid_config["pid_file"])
    sys.stdout.flush()
    os._exit(3)


@solid(config_schema={"pid_file": str})
def daemon_then_wait(context) -> None:
    _daemonize(context.solid_config["pid_file"])
    context.log.info("daemon started")
    time.sleep(120)


@solid
def fine(context) -> int:
    return 1


@pipeline
def daemons():
    daemon_then_die()
    daemon_then_wait()
    fine()
