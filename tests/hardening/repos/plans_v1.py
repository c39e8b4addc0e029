from user_code_server import pipeline, repository, solid


@solid
def first(context) -> int:
    return 1


@pipeline
def growing():
    first()


@repository
def plans():
    return [growing]
