"""`lodestar pipeline list/show/plan` against a real control plane."""

from __future__ import annotations

import json


def test_pipeline_list_as_text_and_json(lodestar_up):
    text = lodestar_up.lodestar("pipeline", "list")
    assert text.returncode == 0, text.stderr
    header, *rows = text.stdout.splitlines()
    assert header.split() == ["LOCATION", "PIPELINE", "SOLIDS", "DESCRIPTION"]
    assert any(r.split()[:3] == ["api_repo", "fan_out", "3"] for r in rows)
    listed = json.loads(lodestar_up.lodestar("pipeline", "list", "--json").stdout)
    adder = next(p for p in listed if p["name"] == "adder")
    assert adder == {
        "location": "api_repo",
        "name": "adder",
        "description": "Adds up a few numbers.",
        "solids": ["numbers", "total"],
    }


def test_pipeline_show_marks_dynamic_outputs_mapped_and_collected_steps(lodestar_up):
    shown = lodestar_up.lodestar("pipeline", "show", "fan_out")
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[0] == "pipeline fan_out (api_repo)"
    assert "list_files" in lines
    assert "    out  result: str (dynamic)" in lines
    assert "process_file[?] <- map(list_files)" in lines
    assert "    in   name: str <- map(list_files)" in lines
    assert "    out  result: int  asset reports/size" in lines
    assert "summarize <- collect(process_file)" in lines
    assert "    in   sizes: List[int] <- collect(process_file)" in lines


def test_pipeline_show_json_is_the_api_shape(lodestar_up):
    shown = json.loads(lodestar_up.lodestar("pipeline", "show", "adder", "--json").stdout)
    assert shown["name"] == "adder"
    assert [s["name"] for s in shown["solids"]] == ["numbers", "total"]


def test_pipeline_plan_lists_step_templates(lodestar_up):
    plan = lodestar_up.lodestar("pipeline", "plan", "fan_out")
    assert plan.returncode == 0, plan.stderr
    rows = [line.split() for line in plan.stdout.splitlines()[2:]]
    assert rows == [
        ["list_files", "result", "(dynamic)"],
        ["process_file[?]", "map(list_files)", "result"],
        ["summarize", "collect(process_file)", "result"],
    ]
    as_json = json.loads(lodestar_up.lodestar("pipeline", "plan", "fan_out", "--json").stdout)
    assert [s["key"] for s in as_json["steps"]] == ["list_files", "process_file[?]", "summarize"]


def test_pipeline_plan_with_a_bad_config_names_each_path(lodestar_up, tmp_path):
    config = tmp_path / "bad.yaml"
    config.write_text("solids:\n  numbers:\n    config:\n      count: many\n      colour: red\n")
    plan = lodestar_up.lodestar("pipeline", "plan", "adder", "-c", str(config))
    assert plan.returncode == 1
    assert plan.stdout == ""
    assert plan.stderr.startswith("error: invalid run config for pipeline 'adder':")
    assert "  solids.numbers.config.count: " in plan.stderr
    assert "  solids.numbers.config.colour: " in plan.stderr
    assert "Traceback" not in plan.stderr


def test_unknown_pipeline_is_a_clear_error(lodestar_up):
    shown = lodestar_up.lodestar("pipeline", "show", "nope")
    assert shown.returncode == 1
    assert shown.stderr == "error: pipeline 'nope' not found in any code location\n"


def test_pipeline_plan_with_a_solid_selection(lodestar_up):
    plan = lodestar_up.lodestar("pipeline", "plan", "fan_out", "--solid", "list_files", "--json")
    assert [s["key"] for s in json.loads(plan.stdout)["steps"]] == ["list_files"]
    ghost = lodestar_up.lodestar("pipeline", "plan", "fan_out", "--solid", "ghost")
    assert ghost.returncode == 1
    assert ghost.stderr.startswith("error: ") and "ghost" in ghost.stderr
