"""A repository the reload test edits: `VERSION` changes what `report` logs."""

from user_code_server import pipeline, repository, solid

VERSION = "version one"


@solid
def report(context) -> str:
    context.log.info(f"running {VERSION}")
    return VERSION


@pipeline
def versioned():
    report()


@repository
def versioned_repo():
    return [versioned]
