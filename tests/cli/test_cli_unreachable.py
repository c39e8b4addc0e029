"""A control plane that does not answer: a one-line error naming the URL."""

from __future__ import annotations

from api.lodestar_process import run_cli


def test_unreachable_control_plane_is_named_without_traceback(reserved_port):
    url = f"http://127.0.0.1:{reserved_port.port}/graphql"
    for args in (("run", "list", "--url", url), ("pipeline", "list", "--url", url)):
        result = run_cli(*args)
        assert result.returncode == 1
        assert result.stdout == ""
        assert result.stderr.startswith(f"error: cannot reach the control plane at {url} (")
        assert "is `lodestar up` running there?" in result.stderr
        assert "Traceback" not in result.stderr


def test_lodestar_url_from_the_environment(reserved_port):
    url = f"http://127.0.0.1:{reserved_port.port}/graphql"
    result = run_cli("run", "show", "x", env={"LODESTAR_URL": url})
    assert f"cannot reach the control plane at {url}" in result.stderr


def test_debug_shows_the_traceback(reserved_port):
    url = f"http://127.0.0.1:{reserved_port.port}/graphql"
    result = run_cli("--debug", "run", "list", "--url", url)
    assert result.returncode == 1
    assert "Traceback (most recent call last)" in result.stderr
    assert result.stderr.rstrip().splitlines()[-1].startswith("error: cannot reach")
