"""A repository whose import fails in the user's own code."""

from user_code_server import pipeline, solid


def load_settings():
    return {}["warehouse_url"]


SETTINGS = load_settings()


@solid
def noop(context):
    return None


@pipeline
def never_loaded():
    noop()
