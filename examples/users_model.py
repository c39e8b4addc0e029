"""Asset lineage: a users table feeds a feature step, which feeds an ML model.

`scrape_users` materializes the `warehouse/users` table; `build_features` has no asset (lineage
looks through it); `create_model` materializes the `ml/users_model` model. The model's lineage
shows it depending on the table, from the repository alone, before any run.

Run it with:  lodestar execute -f examples/users_model.py users_model
"""

from user_code_server import AssetKey, Output, OutputDefinition, pipeline, solid

USERS = [
    {"name": "ada", "age": 36, "country": "uk"},
    {"name": "grace", "age": 45, "country": "us"},
    {"name": "linus", "age": 28, "country": "fi"},
    {"name": "margaret", "age": 33, "country": "us"},
]


@solid(output_defs=[OutputDefinition(list[dict], asset_key=AssetKey(["warehouse", "users"]))])
def scrape_users(context):
    """Scrapes the users into the warehouse table."""
    context.log.info(f"scraped {len(USERS)} users")
    yield Output(list(USERS), metadata={"rows": len(USERS)})


@solid
def build_features(context, users: list[dict]) -> list[list[float]]:
    """One feature vector per user: age, and whether the user is in the US."""
    return [[float(u["age"]), 1.0 if u["country"] == "us" else 0.0] for u in users]


@solid(output_defs=[OutputDefinition(dict, asset_key=AssetKey(["ml", "users_model"]))])
def create_model(context, features: list[list[float]]):
    """Fits a (tiny) model: the mean of each feature."""
    means = [sum(column) / len(features) for column in zip(*features, strict=True)]
    context.log.info(f"model fitted on {len(features)} users")
    return {"means": means}


@pipeline
def users_model():
    create_model(build_features(scrape_users()))
