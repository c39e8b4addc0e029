"""Hostile documents are refused quickly with a clear error; the server keeps serving."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from api.lodestar_process import post

QUICKLY_S = 1.0


def timed_post(server, body: bytes):
    started = time.monotonic()
    reply = post(server.url, body)
    return reply, time.monotonic() - started


def graphql_body(query: str) -> bytes:
    return json.dumps({"query": query}).encode()


def nested(levels: int) -> str:
    """`levels` nested selections inside real fields of the schema."""
    return (
        "{ codeLocations { ... on CodeLocationConnection { nodes { pipelines { solids { "
        + "inputs { " * levels
        + "name"
        + " }" * levels
        + " } } } } } }"
    )


def aliases(count: int) -> str:
    return "{ " + " ".join(f"a{i}: __typename" for i in range(count)) + " }"


@pytest.fixture(autouse=True)
def still_serving(lodestar_up):
    yield
    reply, seconds = timed_post(lodestar_up, graphql_body("{ codeLocations { __typename } }"))
    assert reply.status == 200
    assert reply.body["data"]["codeLocations"]["__typename"] == "CodeLocationConnection"
    assert seconds < QUICKLY_S


def test_fifty_nested_levels_are_refused_for_depth(lodestar_up):
    reply, seconds = timed_post(lodestar_up, graphql_body(nested(50)))
    assert reply.status == 200
    assert reply.body["data"] is None
    messages = [e["message"] for e in reply.body["errors"]]
    assert any("exceeds maximum operation depth of 20" in m for m in messages), messages
    assert seconds < QUICKLY_S


def test_ten_thousand_aliases_are_refused(lodestar_up):
    reply, seconds = timed_post(lodestar_up, graphql_body(aliases(10_000)))
    assert reply.status == 200
    assert reply.body["data"] is None
    (error,) = reply.body["errors"]
    assert "more than 5000 tokens" in error["message"]
    assert seconds < QUICKLY_S


def test_many_aliases_in_a_short_document_are_refused(lodestar_up):
    reply, seconds = timed_post(lodestar_up, graphql_body(aliases(500)))
    assert reply.body["errors"][0]["message"] == "500 aliases found. Allowed: 100"
    assert seconds < QUICKLY_S


def test_a_ten_megabyte_body_is_refused_with_413(lodestar_up):
    body = graphql_body("{ __typename }" + " " * (10 * 1024 * 1024))
    reply, seconds = timed_post(lodestar_up, body)
    assert reply.status == 413
    assert reply.body == {"errors": [{"message": "request body larger than 1048576 bytes"}]}
    assert seconds < QUICKLY_S


def test_a_body_that_is_not_json_is_a_client_error(lodestar_up):
    reply, seconds = timed_post(lodestar_up, b"{not json")
    assert reply.status == 400
    assert seconds < QUICKLY_S


def test_a_malformed_document_is_a_syntax_error(lodestar_up):
    reply, _ = timed_post(lodestar_up, graphql_body("{ codeLocations { "))
    assert reply.status == 200
    assert reply.body["errors"][0]["message"].startswith("Syntax Error")


def variables_nested(levels: int) -> bytes:
    query = 'query($c: JSON) { executionPlan(pipeline: "adder", runConfig: $c) { __typename } }'
    nested = "[" * levels + "]" * levels
    return ('{"query": ' + json.dumps(query) + ', "variables": {"c": ' + nested + "}}").encode()


@pytest.mark.parametrize("levels", [100_000, 5000, 200])
def test_deeply_nested_json_variables_are_a_400(lodestar_up, levels):
    reply, seconds = timed_post(lodestar_up, variables_nested(levels))

    assert reply.status == 400
    assert reply.body == {
        "errors": [{"message": "the request's JSON nests deeper than 128 levels"}]
    }
    assert seconds < QUICKLY_S


def test_json_variables_nested_within_the_bound_are_served(lodestar_up):
    reply, _ = timed_post(lodestar_up, variables_nested(120))

    assert reply.status == 200
    assert reply.body["data"]["executionPlan"]["__typename"] == "InvalidArgumentError"


def test_deeply_nested_variables_in_a_get_query_are_a_400(lodestar_up):
    variables = '{"c": ' + "[" * 5000 + "]" * 5000 + "}"
    query = urllib.parse.urlencode(
        {"query": "query($c: JSON) { __typename }", "variables": variables}
    )
    request = urllib.request.Request(
        f"{lodestar_up.url}?{query}", headers={"Accept": "application/json"}
    )

    with pytest.raises(urllib.error.HTTPError) as raised:
        urllib.request.urlopen(request, timeout=30)

    assert raised.value.code == 400
    assert b"nests deeper than 128 levels" in raised.value.read()
