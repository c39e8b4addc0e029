import time

from user_code_server import pipeline, repository, solid


@solid(config_schema={"seconds": float})
def nap(context) -> None:
    context.log.info("napping")
    time.sleep(context.solid_config["seconds"])


@pipeline
def napping():
    nap()


@repository
def naps():
    return [napping]
