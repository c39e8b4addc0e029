"""Helpers shared by test packages (real processes, real ports on 127.0.0.1)."""
