"""A small ETL pipeline: extract numbers, clean them, and report a summary.

Run it with:  lodestar execute -f examples/etl.py etl -c examples/etl.yaml
"""

from user_code_server import Field, InputDefinition, ModeDefinition, pipeline, resource, solid


@resource(config_schema={"prefix": Field(str, default_value="etl")})
def reporter(init_context):
    """Formats report lines with a configurable prefix."""
    prefix = init_context.resource_config["prefix"]
    return lambda text: f"[{prefix}] {text}"


@solid(config_schema={"count": Field(int, default_value=10, description="How many rows.")})
def extract(context) -> list[int]:
    """Produces the raw rows."""
    rows = list(range(context.solid_config["count"]))
    context.log.info(f"extracted {len(rows)} rows")
    return rows


@solid(input_defs=[InputDefinition("rows")])
def clean(context, rows: list[int]) -> list[int]:
    """Drops odd rows."""
    kept = [r for r in rows if r % 2 == 0]
    print(f"kept {len(kept)} of {len(rows)} rows")
    return kept


@solid(required_resource_keys={"reporter"})
def summarize(context, rows: list[int]) -> dict[str, int]:
    """Reports the count and total."""
    summary = {"count": len(rows), "total": sum(rows)}
    context.log.info(context.resources.reporter(f"summary {summary}"))
    return summary


@pipeline(mode_defs=[ModeDefinition(resource_defs={"reporter": reporter})])
def etl():
    summarize(clean(extract()))
