"""A pipeline with presets and tags, for launches through the control plane."""

from user_code_server import ModeDefinition, PresetDefinition, pipeline, repository, solid


@solid(config_schema={"word": str})
def say(context) -> str:
    return context.solid_config["word"]


@solid
def loud(context, word: str) -> str:
    return word.upper()


@pipeline(
    mode_defs=[ModeDefinition("default"), ModeDefinition("test")],
    preset_defs=[
        PresetDefinition("hello", {"solids": {"say": {"config": {"word": "hello"}}}}, "test"),
        PresetDefinition(
            "only_say",
            {"solids": {"say": {"config": {"word": "hi"}}}},
            solid_selection=["say"],
            tags={"owner": "preset"},
        ),
    ],
    tags={"team": "data", "owner": "pipeline"},
)
def greeting():
    loud(say())


@repository
def presets_repo():
    return [greeting]
