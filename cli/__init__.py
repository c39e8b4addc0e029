"""The `lodestar` command line."""
