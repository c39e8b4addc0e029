"""`lodestar up --read-only` answers queries and refuses every mutation."""

from __future__ import annotations

import pytest

from api.lodestar_process import start_control_plane

MUTATIONS = {
    "launchRun": 'launchRun(pipeline: "adder")',
    "terminateRun": 'terminateRun(runId: "any")',
    "reexecuteRun": 'reexecuteRun(runId: "any", fromFailure: true)',
    "reloadCodeLocation": 'reloadCodeLocation(name: "api_repo")',
}


@pytest.fixture(scope="module")
def read_only_server(tmp_path_factory):
    server = start_control_plane(tmp_path_factory.mktemp("read_only_home"), "--read-only")
    yield server
    server.stop()


@pytest.mark.parametrize("field", sorted(MUTATIONS))
def test_every_mutation_is_refused(read_only_server, field):
    query = f"mutation {{ {MUTATIONS[field]} {{ __typename ... on Error {{ message }} }} }}"
    result = read_only_server.data(query)[field]
    assert result == {
        "__typename": "ReadOnlyError",
        "message": f"{field} refused: the control plane is in read-only mode",
    }


def test_nothing_was_launched_and_queries_still_answer(read_only_server):
    data = read_only_server.data(
        """{ runs { __typename ... on RunConnection { count } }
             pipeline(name: "adder") { __typename } }"""
    )
    assert data == {
        "runs": {"__typename": "RunConnection", "count": 0},
        "pipeline": {"__typename": "Pipeline"},
    }
