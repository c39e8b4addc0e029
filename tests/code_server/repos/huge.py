"""A repository whose snapshot is over 4 MB: one pipeline of 2,000 solids with long descriptions."""

from user_code_server import pipeline, solid

SOLIDS = 2000
DESCRIPTION = "A solid with a deliberately long description. " * 60  # ~2.8 kB


def _compute(context) -> int:
    return 1


STEPS = [solid(name=f"step_{i:04d}", description=DESCRIPTION)(_compute) for i in range(SOLIDS)]


@pipeline
def wide():
    for step in STEPS:
        step()
