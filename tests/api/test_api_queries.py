"""Queries of code locations, pipelines and plans, and their typed errors."""

from __future__ import annotations

PIPELINE = """
query($name: String!, $location: String) {
  pipeline(name: $name, location: $location) {
    __typename
    ... on Error { message }
    ... on PipelineNotFoundError { pipeline }
    ... on LocationNotFoundError { location }
    ... on Pipeline {
      name location description
      modes { name }
      dependencies { solid input upstreamSolid upstreamOutput kind }
      solids {
        name configSchema
        mappedOver { solid output }
        inputs { name type sources { solid output kind } }
        outputs { name type isDynamic assetKey { path key } }
      }
    }
  }
}
"""

PLAN = """
query($pipeline: String!, $runConfig: JSON) {
  executionPlan(pipeline: $pipeline, runConfig: $runConfig) {
    __typename
    ... on Error { message }
    ... on RunConfigValidationError { pipeline errors { path message } }
    ... on ExecutionPlan { pipeline mode steps { key solid isMapped } }
  }
}
"""


def test_code_locations_list_the_repository_and_its_pipelines(lodestar_up):
    data = lodestar_up.data(
        """{ codeLocations { __typename ... on CodeLocationConnection {
            nodes { name address status error repositoryName pipelines { name } } } } }"""
    )
    (location,) = data["codeLocations"]["nodes"]
    assert location["status"] == "LOADED", location["error"]
    assert location["name"] == "api_repo"
    assert location["address"].startswith("127.0.0.1:")
    assert location["repositoryName"] == "api_repo"
    assert {p["name"] for p in location["pipelines"]} == {"adder", "fan_out", "failing", "slow"}


def test_pipeline_describes_dynamic_outputs_mapping_collection_and_assets(lodestar_up):
    pipeline = lodestar_up.data(PIPELINE, {"name": "fan_out"})["pipeline"]
    assert pipeline["__typename"] == "Pipeline"
    assert pipeline["location"] == "api_repo"
    assert pipeline["description"] == "One step per file, then a summary."
    solids = {s["name"]: s for s in pipeline["solids"]}
    assert solids["list_files"]["outputs"][0]["isDynamic"] is True
    mapped = solids["process_file"]
    assert mapped["mappedOver"] == [{"solid": "list_files", "output": "result"}]
    assert mapped["inputs"][0]["type"] == "str"
    assert mapped["inputs"][0]["sources"] == [
        {"solid": "list_files", "output": "result", "kind": "MAPPED"}
    ]
    assert mapped["outputs"][0]["assetKey"] == {"path": ["reports", "size"], "key": "reports/size"}
    assert solids["summarize"]["inputs"][0]["sources"][0]["kind"] == "COLLECT"
    assert {(d["solid"], d["upstreamSolid"], d["kind"]) for d in pipeline["dependencies"]} == {
        ("process_file", "list_files", "MAPPED"),
        ("summarize", "process_file", "COLLECT"),
    }


def test_pipeline_config_schema_is_json(lodestar_up):
    pipeline = lodestar_up.data(PIPELINE, {"name": "adder", "location": "api_repo"})["pipeline"]
    numbers = next(s for s in pipeline["solids"] if s["name"] == "numbers")
    assert isinstance(numbers["configSchema"], dict)
    assert "count" in str(numbers["configSchema"])
    assert [m["name"] for m in pipeline["modes"]] == ["default"]


def test_unknown_pipeline_and_location_are_typed_errors(lodestar_up):
    missing = lodestar_up.data(PIPELINE, {"name": "nope"})["pipeline"]
    assert missing["__typename"] == "PipelineNotFoundError"
    assert missing["pipeline"] == "nope"
    assert "nope" in missing["message"]
    elsewhere = lodestar_up.data(PIPELINE, {"name": "adder", "location": "atlantis"})["pipeline"]
    assert elsewhere["__typename"] == "LocationNotFoundError"
    assert elsewhere["location"] == "atlantis"


def test_execution_plan_keys_mapped_steps_with_a_placeholder(lodestar_up):
    plan = lodestar_up.data(PLAN, {"pipeline": "fan_out"})["executionPlan"]
    assert plan["__typename"] == "ExecutionPlan"
    assert [(s["key"], s["isMapped"]) for s in plan["steps"]] == [
        ("list_files", False),
        ("process_file[?]", True),
        ("summarize", False),
    ]


def test_invalid_run_config_lists_every_error_with_its_path(lodestar_up):
    config = {"solids": {"numbers": {"config": {"count": "many", "colour": "red"}}}}
    result = lodestar_up.data(PLAN, {"pipeline": "adder", "runConfig": config})["executionPlan"]
    assert result["__typename"] == "RunConfigValidationError"
    assert result["pipeline"] == "adder"
    paths = {e["path"] for e in result["errors"]}
    assert paths == {"solids.numbers.config.count", "solids.numbers.config.colour"}
    assert all(e["message"] for e in result["errors"])


def test_run_config_must_be_an_object(lodestar_up):
    result = lodestar_up.data(PLAN, {"pipeline": "adder", "runConfig": [1, 2]})["executionPlan"]
    assert result["__typename"] == "InvalidArgumentError"
    assert "runConfig" in result["message"]


def test_unknown_run_is_a_typed_error(lodestar_up):
    data = lodestar_up.data(
        """{ run(runId: "no-such-run") { __typename ... on RunNotFoundError { runId message } }
             runEvents(runId: "no-such-run") { __typename ... on Error { message } } }"""
    )
    assert data["run"] == {
        "__typename": "RunNotFoundError",
        "runId": "no-such-run",
        "message": "run 'no-such-run' not found",
    }
    assert data["runEvents"]["__typename"] == "RunNotFoundError"


def test_bad_page_arguments_are_typed_errors(lodestar_up):
    data = lodestar_up.data(
        """{ runs(limit: 0) { __typename ... on InvalidArgumentError { argument message } }
             afterNothing: runs(cursor: "no-such-run") {
               __typename ... on InvalidArgumentError { argument } }
             runEvents(runId: "x", afterCursor: "abc") {
               __typename ... on InvalidArgumentError { argument } } }"""
    )
    assert data["runs"]["__typename"] == "InvalidArgumentError"
    assert data["runs"]["argument"] == "limit"
    assert data["afterNothing"] == {"__typename": "InvalidArgumentError", "argument": "cursor"}
    assert data["runEvents"] == {"__typename": "InvalidArgumentError", "argument": "afterCursor"}


def test_graphiql_is_served_on_get(lodestar_up):
    import urllib.request

    request = urllib.request.Request(lodestar_up.url, headers={"Accept": "text/html"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
        assert "graphiql" in response.read().decode().lower()


def test_an_unknown_mode_or_solid_selection_is_a_plan_error(lodestar_up):
    data = lodestar_up.data(
        """{ mode: executionPlan(pipeline: "adder", mode: "turbo") {
               __typename ... on Error { message } }
             selection: executionPlan(pipeline: "adder", solidSelection: ["ghost"]) {
               __typename ... on Error { message } } }"""
    )
    assert data["mode"]["__typename"] == "PlanError"
    assert "turbo" in data["mode"]["message"]
    assert data["selection"]["__typename"] == "PlanError"
    assert "ghost" in data["selection"]["message"]


def test_reloading_a_code_location_returns_it_loaded(lodestar_up):
    data = lodestar_up.data(
        """mutation { reloaded: reloadCodeLocation(name: "api_repo") {
                        __typename ... on CodeLocation { name status pipelines { name } } }
                      missing: reloadCodeLocation(name: "atlantis") {
                        __typename ... on LocationNotFoundError { location } } }"""
    )
    assert data["reloaded"]["__typename"] == "CodeLocation"
    assert data["reloaded"]["status"] == "LOADED"
    assert len(data["reloaded"]["pipelines"]) == 4
    assert data["missing"] == {"__typename": "LocationNotFoundError", "location": "atlantis"}
