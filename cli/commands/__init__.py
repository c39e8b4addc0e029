"""The `lodestar` command groups, one module each."""
