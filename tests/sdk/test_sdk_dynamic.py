"""Dynamic orchestration run end to end in-process: plans expanded from emitted keys."""

from user_code_server import (
    DynamicOutput,
    DynamicOutputDefinition,
    execute_pipeline,
    pipeline,
    solid,
)
from user_code_server.protocol import EventType, StepKey


@solid(output_defs=[DynamicOutputDefinition(str)])
def files(context):
    for name in ["b_txt", "a_txt", "c_txt"]:  # emission order, not sorted order
        yield DynamicOutput(name.upper(), mapping_key=name)


@solid(output_defs=[DynamicOutputDefinition(str)])
def nothing(context):
    yield from ()


@solid
def shout(context, text: str) -> str:
    return text + "!"


@solid
def join(context, texts: list[str]) -> str:
    return ",".join(texts)


@solid(output_defs=[DynamicOutputDefinition(str)])
def split(context, text: str):
    for part in ["x", "y"]:
        yield DynamicOutput(f"{text}/{part}", mapping_key=part)


@solid
def prefix(context) -> str:
    return ">"


@solid
def attach(context, text: str, head: str) -> str:
    return head + text


def step_keys(result) -> set[str]:
    return {e.step_key for e in result.step_events}


def value(result, step_key: str):
    key = StepKey.parse(step_key)
    return result.result_for_solid(key.solid).output_value(
        mapping_key=",".join(key.mapping_keys) or None
    )


def test_map_then_collect_in_emission_order():
    @pipeline
    def fan():
        join(files().map(shout).map(shout.alias("again")).collect())

    result = execute_pipeline(fan)
    assert step_keys(result) == {
        "files",
        "shout[b_txt]",
        "shout[a_txt]",
        "shout[c_txt]",
        "again[b_txt]",
        "again[a_txt]",
        "again[c_txt]",
        "join",
    }
    assert result.success
    ends = [e.step_key for e in result.step_events if e.event_type == EventType.STEP_SUCCESS]
    assert sorted(ends) == sorted(step_keys(result))
    assert value(result, "again[a_txt]") == "A_TXT!!"
    assert value(result, "join") == "B_TXT!!,A_TXT!!,C_TXT!!"


def test_collecting_a_dynamic_output_directly():
    @pipeline
    def direct():
        join(files().collect())

    assert value(execute_pipeline(direct), "join") == "B_TXT,A_TXT,C_TXT"


def test_an_empty_dynamic_output_maps_nothing_and_collects_an_empty_list():
    @pipeline
    def empty():
        join(nothing().map(shout).collect())

    result = execute_pipeline(empty)
    assert step_keys(result) == {"nothing", "join"}
    assert value(result, "join") == ""


def test_unmapped_outputs_broadcast_to_every_mapped_step():
    @pipeline
    def broadcast():
        head = prefix()
        join(files().map(lambda f: attach(f, head)).collect())

    assert value(execute_pipeline(broadcast), "join") == ">B_TXT,>A_TXT,>C_TXT"


def test_nested_mapping_keys_steps_by_every_key_and_collects_per_outer_key():
    @pipeline
    def nested():
        per_file = files().map(lambda f: join.alias("inner")(split(f).map(shout).collect()))
        join.alias("outer")(per_file.collect())

    result = execute_pipeline(nested)
    keys = step_keys(result)
    assert "shout[a_txt,y]" in keys
    assert "split[a_txt]" in keys and "inner[c_txt]" in keys
    assert len([k for k in keys if k.startswith("shout[")]) == 6
    assert value(result, "shout[a_txt,y]") == "A_TXT/y!"
    assert value(result, "inner[a_txt]") == "A_TXT/x!,A_TXT/y!"
    assert value(result, "outer") == ("B_TXT/x!,B_TXT/y!,A_TXT/x!,A_TXT/y!,C_TXT/x!,C_TXT/y!")
