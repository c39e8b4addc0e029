import os

import pytest

from user_code_server.output_store import FilesystemOutputStore, OutputNotFoundError
from user_code_server.protocol import OutputHandle


def test_round_trip_and_paths(tmp_path):
    io = FilesystemOutputStore(tmp_path)
    plain = OutputHandle("run", "load", "result")
    mapped = OutputHandle("run", "split[a,b]", "parts", "x1")
    io.store(plain, {"rows": [1, 2]})
    io.store(mapped, "value")
    assert io.load(plain) == {"rows": [1, 2]}
    assert io.load(mapped) == "value"
    assert io.path_for(plain) == str(tmp_path / "run" / "load" / "result.pkl")
    assert io.path_for(mapped) == str(tmp_path / "run" / "split[a,b]" / "parts" / "x1.pkl")
    assert sorted(os.listdir(tmp_path / "run" / "load")) == ["result.pkl"]  # no temp files left


def test_overwrite_replaces_the_value(tmp_path):
    io = FilesystemOutputStore(tmp_path)
    handle = OutputHandle("run", "s", "result")
    io.store(handle, 1)
    io.store(handle, 2)
    assert io.load(handle) == 2


def test_a_failed_write_leaves_nothing_behind(tmp_path):
    io = FilesystemOutputStore(tmp_path)
    handle = OutputHandle("run", "s", "result")
    with pytest.raises(Exception, match="pickle"):
        io.store(handle, lambda: None)
    assert os.listdir(tmp_path / "run" / "s") == []
    with pytest.raises(OutputNotFoundError, match="output 'result' of step 's' in run 'run'"):
        io.load(handle)


def test_unsafe_handles_are_refused(tmp_path):
    with pytest.raises(ValueError, match="unsafe"):
        FilesystemOutputStore(tmp_path).path_for(OutputHandle("..", "s", "result"))
    with pytest.raises(ValueError, match="unsafe"):
        FilesystemOutputStore(tmp_path).path_for(OutputHandle("run", "a/b", "result"))
