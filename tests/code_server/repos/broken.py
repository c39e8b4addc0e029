"""A repository file that fails to import."""

import lodestar_no_such_module  # noqa: F401
