"""Every GraphQL document the CLI sends is valid against the served schema."""

from __future__ import annotations

import graphql
import pytest

from cli import documents
from control_plane.graphql import build_schema

DOCUMENTS = {name: value for name, value in vars(documents).items() if name.isupper()}
FRAGMENTS = {
    "ERROR_FIELDS",
    "RUN_FIELDS",
    "CODE_LOCATION_FIELDS",
    "SCHEDULE_FIELDS",
    "SENSOR_FIELDS",
    "PREVIEW_FIELDS",
}


@pytest.mark.parametrize("name", sorted(set(DOCUMENTS) - FRAGMENTS))
def test_document_is_valid(name):
    schema = graphql.build_schema(build_schema().as_str())
    errors = graphql.validate(schema, graphql.parse(DOCUMENTS[name]))
    assert errors == []
