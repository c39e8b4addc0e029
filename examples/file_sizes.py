"""Dynamic orchestration: one step per file in a directory, then a summary of them all.

`files_in_directory` yields one DynamicOutput per file; `process_file` is mapped over them
(one step per file, `process_file[a_txt]`); `summarize` collects their results.

Run it with:  lodestar execute -f examples/file_sizes.py file_sizes -c examples/file_sizes.yaml
"""

import os
import re

from user_code_server import DynamicOutput, DynamicOutputDefinition, pipeline, solid


@solid(config_schema={"path": str}, output_defs=[DynamicOutputDefinition(str)])
def files_in_directory(context):
    """Yields each file of the configured directory, keyed by its sanitized name."""
    path = context.solid_config["path"]
    for name in sorted(os.listdir(path)):
        full = os.path.join(path, name)
        if os.path.isfile(full):
            yield DynamicOutput(full, mapping_key=re.sub(r"[^A-Za-z0-9_]", "_", name))


@solid
def process_file(context, path: str) -> int:
    """Counts the words of one file."""
    with open(path) as f:
        words = len(f.read().split())
    context.log.info(f"{os.path.basename(path)}: {words} words")
    return words


@solid
def summarize(context, word_counts: list[int]) -> int:
    """Adds up the word counts of every file."""
    total = sum(word_counts)
    context.log.info(f"{len(word_counts)} files, {total} words in all")
    return total


@pipeline
def file_sizes():
    summarize(files_in_directory().map(process_file).collect())
