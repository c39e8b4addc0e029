"""Fan-out: one solid yields N dynamic outputs (N from LODESTAR_BENCH_N), a trivial mapped
solid runs once per key, and a collect sums the results."""

import os

from user_code_server import DynamicOutput, DynamicOutputDefinition, pipeline, solid

N = int(os.environ.get("LODESTAR_BENCH_N", "100"))


@solid(output_defs=[DynamicOutputDefinition(int)])
def emit(context):
    for i in range(N):
        yield DynamicOutput(i, mapping_key=f"k{i}")


@solid
def work(context, value: int) -> int:
    return value * 2


@solid
def total(context, values: list[int]) -> int:
    return sum(values)


@pipeline
def fanout():
    total(emit().map(work).collect())
