import pytest

from user_code_server import (
    DynamicOutputDefinition,
    InputDefinition,
    ModeDefinition,
    Nothing,
    OutputDefinition,
    pipeline,
    resource,
    solid,
)
from user_code_server.protocol import InputSource, OutputRef, SourceKind
from user_code_server.sdk.errors import DefinitionError

D, M, C = SourceKind.DIRECT, SourceKind.MAPPED, SourceKind.COLLECT


@solid
def emit(context) -> int:
    return 1


@solid
def add(context, x: int, y: int = 0) -> int:
    return x + y


@solid(output_defs=[DynamicOutputDefinition(str)])
def files(context):
    yield from ()


@solid
def total(context, xs: list) -> int:
    return len(xs)


def wiring(p):
    return {
        i.name: (
            i.definition.name,
            {
                k: [(s.solid, s.output, s.kind.value) for s in b.sources]
                for k, b in i.inputs.items()
            },
            [(r.solid, r.output) for r in i.mapped_over],
        )
        for i in p.invocations
    }


def test_calls_wire_outputs_to_inputs_and_repeat_uses_are_renamed():
    @pipeline(description="d", tags={"owner": "me"})
    def linear():
        one = emit()
        add(add(one, one), y=emit())
        add.alias("last")(one)

    assert linear.name == "linear" and linear.description == "d"
    assert linear.tags == {"owner": "me"}
    assert wiring(linear) == {
        "emit": ("emit", {}, []),
        "add": (
            "add",
            {"x": [("emit", "result", D)], "y": [("emit", "result", D)]},
            [],
        ),
        "emit_2": ("emit", {}, []),
        "add_2": (
            "add",
            {"x": [("add", "result", D)], "y": [("emit_2", "result", D)]},
            [],
        ),
        "last": ("add", {"x": [("emit", "result", D)]}, []),
    }


def test_multiple_outputs_by_name_and_position_and_fan_in_lists():
    @solid(output_defs=[OutputDefinition(name="a"), OutputDefinition(name="b")])
    def two(context):
        pass

    @pipeline
    def p():
        outputs = two()
        first, _ = outputs
        total([first, outputs.b])

    inputs = p.invocation_dict["total"].inputs["xs"]
    assert inputs.is_list
    assert inputs.sources == (InputSource("two", "a"), InputSource("two", "b"))


def test_map_and_collect_mark_mapped_solids_and_sources():
    @pipeline
    def dynamic():
        mapped = files().map(add)
        total(mapped.map(add).collect())
        total.alias("direct")(files.alias("more")().collect())

    assert wiring(dynamic) == {
        "files": ("files", {}, []),
        "add": ("add", {"x": [("files", "result", M)]}, [("files", "result")]),
        "add_2": ("add", {"x": [("add", "result", D)]}, [("files", "result")]),
        "total": ("total", {"xs": [("add_2", "result", C)]}, []),
        "more": ("files", {}, []),
        "direct": ("total", {"xs": [("more", "result", C)]}, []),
    }
    assert dynamic.invocation_dict["total"].inputs["xs"].is_list


def test_nested_mapping_keys_outermost_first_and_inner_collect_per_outer_key():
    @solid(output_defs=[DynamicOutputDefinition(str)])
    def split(context, key: str):
        yield from ()

    @pipeline
    def nested():
        outer = files()
        total.alias("outer_total")(
            outer.map(
                lambda key: total.alias("inner_total")(split(key).map(add).collect())
            ).collect()
        )

    outer_ref, split_ref = OutputRef("files", "result"), OutputRef("split", "result")
    invocations = nested.invocation_dict
    assert invocations["split"].mapped_over == (outer_ref,)
    assert invocations["add"].mapped_over == (outer_ref, split_ref)
    assert invocations["add"].inputs["x"].sources == (
        InputSource("split", "result", SourceKind.MAPPED),
    )
    assert invocations["inner_total"].mapped_over == (outer_ref,)
    assert invocations["inner_total"].inputs["xs"].sources[0].kind == SourceKind.COLLECT
    assert invocations["outer_total"].mapped_over == ()
    assert invocations["outer_total"].inputs["xs"].sources == (
        InputSource("inner_total", "result", SourceKind.COLLECT),
    )


def test_unmapped_values_broadcast_into_a_mapping():
    @pipeline
    def broadcast():
        base = emit()
        files().map(lambda f: add(f, base))

    assert broadcast.invocation_dict["add"].mapped_over == (OutputRef("files", "result"),)
    assert broadcast.invocation_dict["add"].inputs["y"].sources == (InputSource("emit", "result"),)


class Frame:
    pass


@solid
def use_frame(context, frame: Frame):
    pass


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (lambda: add(files()), r"use \.map\(\) or \.collect\(\)"),
        (lambda: emit().map(add), "only dynamic outputs map"),
        (lambda: emit().collect(), "nothing to collect"),
        (lambda: add(3), "pass the output of another solid"),
        (
            lambda: use_frame(),
            "'frame' of solid 'use_frame' is not connected, has no default, and its type "
            "Frame cannot come from run config",
        ),
        (lambda: add(emit(), emit(), emit()), "takes 2 inputs but got 3"),
        (lambda: add(emit(), x=emit()), "given twice"),
        (lambda: add(emit(), z=emit()), "no input named 'z'"),
        (lambda: (emit.alias("a")(), emit.alias("a")()), "two solids are named 'a'"),
        (
            lambda: files().map(lambda a: files.alias("f2")().map(lambda b: add(a, b))),
            "combines values mapped over different dynamic outputs",
        ),
        (lambda: total([files().collect()]), "a fan-in list takes plain solid outputs only"),
    ],
)
def test_composition_errors(body, message):
    with pytest.raises(DefinitionError, match=message):
        pipeline(name="broken")(body)


def test_nothing_inputs_may_stay_unconnected_or_order_solids():
    @solid(input_defs=[InputDefinition("after", Nothing)])
    def later(context):
        return 1

    @pipeline
    def ordered():
        later(after=emit())
        later()

    assert ordered.invocation_dict["later"].inputs["after"].sources == (
        InputSource("emit", "result"),
    )
    assert ordered.invocation_dict["later_2"].inputs == {}


def test_every_mode_must_provide_the_required_resources():
    @resource
    def db(init_context):
        return "db"

    @solid(required_resource_keys={"db"})
    def query(context):
        return 1

    def body():
        query()

    with pytest.raises(DefinitionError, match="requires resource 'db', which mode 'test'"):
        pipeline(
            name="p",
            mode_defs=[ModeDefinition(resource_defs={"db": db}), ModeDefinition("test")],
        )(body)
    p = pipeline(name="p", mode_defs=[ModeDefinition("prod", {"db": db})])(body)
    assert p.default_mode.name == "prod"
    assert p.get_mode(None).name == "prod" and p.get_mode("nope") is None


def test_pipeline_body_takes_no_arguments():
    with pytest.raises(DefinitionError, match="takes no arguments"):
        pipeline(lambda x: None)
