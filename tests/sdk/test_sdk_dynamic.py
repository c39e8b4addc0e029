"""Dynamic orchestration run end to end in-process: plans expanded from emitted keys."""

from sdk_helpers import execute_pipeline, repo_of

from user_code_server import DynamicOutput, DynamicOutputDefinition, pipeline, solid
from user_code_server.protocol import EventType


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


def run(pipe, tmp_path):
    return execute_pipeline(repo_of(pipe), pipe.name, str(tmp_path))


def test_map_then_collect_in_emission_order(tmp_path):
    @pipeline
    def fan():
        join(files().map(shout).map(shout.alias("again")).collect())

    result = run(fan, tmp_path)
    assert set(result.events) == {
        "files",
        "shout[b_txt]",
        "shout[a_txt]",
        "shout[c_txt]",
        "again[b_txt]",
        "again[a_txt]",
        "again[c_txt]",
        "join",
    }
    assert all(result.outcome(k) == EventType.STEP_SUCCESS for k in result.events)
    assert result.value("again[a_txt]") == "A_TXT!!"
    assert result.value("join") == "B_TXT!!,A_TXT!!,C_TXT!!"


def test_collecting_a_dynamic_output_directly(tmp_path):
    @pipeline
    def direct():
        join(files().collect())

    assert run(direct, tmp_path).value("join") == "B_TXT,A_TXT,C_TXT"


def test_an_empty_dynamic_output_maps_nothing_and_collects_an_empty_list(tmp_path):
    @pipeline
    def empty():
        join(nothing().map(shout).collect())

    result = run(empty, tmp_path)
    assert set(result.events) == {"nothing", "join"}
    assert result.value("join") == ""


def test_unmapped_outputs_broadcast_to_every_mapped_step(tmp_path):
    @pipeline
    def broadcast():
        head = prefix()
        join(files().map(lambda f: attach(f, head)).collect())

    assert run(broadcast, tmp_path).value("join") == ">B_TXT,>A_TXT,>C_TXT"


def test_nested_mapping_keys_steps_by_every_key_and_collects_per_outer_key(tmp_path):
    @pipeline
    def nested():
        per_file = files().map(lambda f: join.alias("inner")(split(f).map(shout).collect()))
        join.alias("outer")(per_file.collect())

    result = run(nested, tmp_path)
    assert "shout[a_txt,y]" in result.events
    assert "split[a_txt]" in result.events and "inner[c_txt]" in result.events
    assert len([k for k in result.events if k.startswith("shout[")]) == 6
    assert result.value("shout[a_txt,y]") == "A_TXT/y!"
    assert result.value("inner[a_txt]") == "A_TXT/x!,A_TXT/y!"
    assert result.value("outer") == ("B_TXT/x!,B_TXT/y!,A_TXT/x!,A_TXT/y!,C_TXT/x!,C_TXT/y!")
