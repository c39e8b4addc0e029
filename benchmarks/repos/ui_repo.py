"""Pipelines for the UI benchmark: a tiny one (for many runs), a fan-out of N mapped steps
(N from LODESTAR_BENCH_N) and a 500-solid graph (50 layers of 10; below the first, each
solid is fed by two solids of the layer above)."""

import os

from user_code_server import DynamicOutput, DynamicOutputDefinition, pipeline, solid

N = int(os.environ.get("LODESTAR_BENCH_N", "100"))
LAYERS, WIDTH = 50, 10


@solid
def hello(context) -> int:
    return 1


@pipeline
def tiny():
    hello()


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


def _source(index: int):
    @solid(name=f"source_{index}")
    def source(context) -> int:
        return index

    return source


SOURCES = [_source(i) for i in range(WIDTH)]


def _node(layer: int, index: int):
    @solid(name=f"node_{layer}_{index}")
    def node(context, left: int, right: int) -> int:
        return left + right

    return node


NODES = [[_node(layer, i) for i in range(WIDTH)] for layer in range(1, LAYERS)]


@pipeline
def graph500():
    above = [source() for source in SOURCES]
    for layer in NODES:
        above = [node(above[i], above[(i + 1) % WIDTH]) for i, node in enumerate(layer)]
