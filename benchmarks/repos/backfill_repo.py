"""A partition set of N partitions (N from LODESTAR_BENCH_N) over a pipeline of S trivial
solids in a chain (S from LODESTAR_BENCH_SOLIDS, default 3)."""

import os

from user_code_server import PartitionSetDefinition, pipeline, solid

N = int(os.environ.get("LODESTAR_BENCH_N", "100"))
SOLIDS = int(os.environ.get("LODESTAR_BENCH_SOLIDS", "3"))


@solid(name="step_0")
def first(context) -> str:
    return context.partition_key


def _next(i: int):
    @solid(name=f"step_{i}")
    def step(context, value: str) -> str:
        return value

    return step


STEPS = [_next(i) for i in range(1, SOLIDS)]


@pipeline
def chain():
    value = first()
    for step in STEPS:
        value = step(value)


partitions = PartitionSetDefinition(
    name="bench_partitions",
    pipeline_name="chain",
    partitions=[f"p{i:05d}" for i in range(N)],
)
