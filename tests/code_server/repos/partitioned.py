"""A repository of partition sets for code server tests: many partitions, and failing ones."""

from datetime import datetime

from user_code_server import (
    Partition,
    PartitionSetDefinition,
    date_partition_range,
    pipeline,
    repository,
    solid,
)


@solid(config_schema={"day": str})
def load(context) -> str:
    context.log.info(f"partition {context.partition_key} day {context.solid_config['day']}")
    return context.partition_key


@solid
def publish(context, key: str) -> None:
    context.log.info(f"published {key}")


@pipeline
def ingest():
    publish(load())


def _config(partition: Partition) -> dict:
    return {"solids": {"load": {"config": {"day": partition.name}}}}


def _fails(message: str):
    def fail(*args):
        raise RuntimeError(message)

    return fail


def _config_failing_on_the_third(partition: Partition) -> dict:
    if partition.name == "c":
        raise ValueError("no config for c")
    return _config(partition)


@repository
def partitioned():
    return [
        ingest,
        PartitionSetDefinition(
            "hourly",
            "ingest",
            # Exactly 10,000 complete hours.
            partition_fn=date_partition_range(
                datetime(2020, 1, 1), datetime(2021, 2, 20, 16), delta_range="hours"
            ),
            run_config_fn_for_partition=_config,
            tags_fn_for_partition=lambda p: {"hour": p.value.hour},
            solid_selection=["load"],
            description="Every hour of 2020 and then some.",
        ),
        PartitionSetDefinition("letters", "ingest", partitions=["a", "b", "c"]),
        PartitionSetDefinition("broken_fn", "ingest", partition_fn=_fails("no partitions today")),
        PartitionSetDefinition(
            "broken_config",
            "ingest",
            partitions=["a", "b", "c"],
            run_config_fn_for_partition=_config_failing_on_the_third,
        ),
        PartitionSetDefinition(
            "broken_tags", "ingest", partitions=["a"], tags_fn_for_partition=_fails("no tags")
        ),
        PartitionSetDefinition(
            "not_json",
            "ingest",
            partitions=["a"],
            run_config_fn_for_partition=lambda p: {"when": datetime(2020, 1, 1)},
        ),
        PartitionSetDefinition(
            "duplicates", "ingest", partition_fn=lambda: ["x", Partition(1, name="x")]
        ),
    ]
