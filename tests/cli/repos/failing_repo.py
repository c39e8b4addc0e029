"""Steps that fail in the ways a user must be able to read from the terminal."""

from user_code_server import Failure, PresetDefinition, RetryPolicy, pipeline, solid


def parse(value):
    raise ValueError(f"cannot parse {value!r}")


@solid
def start(context):
    context.log.warning("the input looks short")
    context.log.debug("details nobody asked for")
    return "x"


@solid
def boom(context, value):
    parse(value)


@solid
def check_quality(context):
    raise Failure("quality check failed", metadata={"bad_rows": 3, "table": "users"})


@solid(retry_policy=RetryPolicy(max_retries=1))
def always_fails(context):
    raise RuntimeError(f"failed on retry number {context.retry_number}")


@solid(retry_policy=RetryPolicy(max_retries=1))
def recovers(context):
    if context.retry_number == 0:
        raise RuntimeError("first attempt fails")
    return 1


@pipeline(preset_defs=[PresetDefinition("only_start", solid_selection=["start"])])
def failing():
    boom(start())
    check_quality()
    always_fails()
    recovers()
