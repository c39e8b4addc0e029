"""A repository file that fails to import."""

raise RuntimeError("this repository is broken on purpose")
