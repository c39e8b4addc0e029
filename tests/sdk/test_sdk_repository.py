import types
from dataclasses import dataclass

import pytest

from user_code_server import pipeline, repository, solid
from user_code_server.sdk import RepositoryDefinition
from user_code_server.sdk.errors import DefinitionError
from user_code_server.sdk.repository import repository_from_module


@solid
def noop(context):
    return None


@pipeline
def first():
    noop()


@pipeline
def second():
    noop()


@dataclass
class FakePartitionSet:
    name: str
    pipeline_name: str


def test_repository_from_a_list():
    @repository
    def repo():
        return [first, second, FakePartitionSet("daily", "first")]

    assert repo.name == "repo"
    assert [p.name for p in repo.pipelines] == ["first", "second"]
    assert repo.get_pipeline("second") is second
    assert repo.get_partition_set("daily").pipeline_name == "first"
    assert repo.has_pipeline("first") and not repo.has_pipeline("third")
    with pytest.raises(KeyError, match="pipeline 'third' not found in repository 'repo'"):
        repo.get_pipeline("third")


def test_repository_from_a_dict_by_kind_with_lazy_definitions():
    @repository(name="named")
    def repo():
        return {"pipelines": {"first": first, "second": lambda: second}, "partition_sets": {}}

    assert repo.name == "named"
    assert [p.name for p in repo.pipelines] == ["first", "second"]


@pytest.mark.parametrize(
    ("returned", "message"),
    [
        ({"jobs": {}}, "unknown kinds"),
        ("first", "must return a list or a dict"),
        ([first, 3], "is not a pipeline, partition set, schedule or sensor"),
        ([first, FakePartitionSet("p", "nope")], "targets pipeline 'nope'"),
    ],
)
def test_invalid_repositories(returned, message):
    with pytest.raises(DefinitionError, match=message):
        repository(name="r")(lambda: returned)


def test_two_pipelines_with_one_name_are_an_error():
    @pipeline(name="first")
    def other():
        noop()

    with pytest.raises(DefinitionError, match="two pipelines named 'first'"):
        RepositoryDefinition("r", [first, other])


def test_repository_from_module_prefers_its_repository():
    module = types.ModuleType("pkg.my_module")
    module.first, module.second = first, second
    implicit = repository_from_module(module)
    assert implicit.name == "my_module"
    assert [p.name for p in implicit.pipelines] == ["first", "second"]

    module.repo = RepositoryDefinition("explicit", [first])
    assert repository_from_module(module) is module.repo
    module.other = RepositoryDefinition("other", [second])
    with pytest.raises(DefinitionError, match="several repositories"):
        repository_from_module(module)
