"""Schedules and sensors: the file-sizes pipeline run every night, and once per new file.

Run it with:  lodestar up -f examples/schedules.py   then   lodestar schedule start nightly_sizes
"""

import os

from file_sizes import file_sizes

from user_code_server import RunRequest, SkipReason, repository, schedule, sensor

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


@schedule(
    cron_schedule="30 2 * * *", pipeline_name="file_sizes", execution_timezone="Europe/Amsterdam"
)
def nightly_sizes(context):
    """Counts the words of every file at 02:30 in Amsterdam (once, also on DST days)."""
    return {"solids": {"files_in_directory": {"config": {"path": DATA}}}}


@sensor(pipeline_name="file_sizes", minimum_interval_seconds=5)
def new_files(context):
    """One run per file of examples/data, never twice for the same file (its run key)."""
    names = sorted(n for n in os.listdir(DATA) if n > (context.cursor or ""))
    if not names:
        return SkipReason(f"no file after {context.cursor!r}")
    for name in names:
        yield RunRequest(
            run_key=name, run_config={"solids": {"files_in_directory": {"config": {"path": DATA}}}}
        )
    context.update_cursor(names[-1])


@repository
def scheduled():
    return [file_sizes, nightly_sizes, new_files]
