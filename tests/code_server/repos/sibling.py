"""A repository file that imports a sibling module from its own directory."""

from basic import arithmetic  # noqa: F401  (its pipelines make the implicit repository)
