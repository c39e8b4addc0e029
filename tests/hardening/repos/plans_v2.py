from user_code_server import pipeline, repository, solid


@solid
def first(context) -> int:
    return 1


@solid
def second(context, value: int) -> int:
    return value + 1


@pipeline
def growing():
    second(first())


@repository
def plans():
    return [growing]
