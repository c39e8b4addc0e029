"""Backfills: the daemon that submits one run per partition, and their progress."""
