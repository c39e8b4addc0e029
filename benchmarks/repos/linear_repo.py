"""A linear pipeline of N trivial solids (N from LODESTAR_BENCH_N)."""

import os

from user_code_server import pipeline, solid

N = int(os.environ.get("LODESTAR_BENCH_N", "50"))


@solid(name="step_0")
def first(context) -> int:
    return 0


def _increment(i: int):
    @solid(name=f"step_{i}")
    def increment(context, value: int) -> int:
        return value + 1

    return increment


STEPS = [_increment(i) for i in range(1, N)]


@pipeline
def linear():
    value = first()
    for step in STEPS:
        value = step(value)
