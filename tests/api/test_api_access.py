"""Who may reach `lodestar up`: the Host header is checked on every route (no DNS
rebinding), and with `server.auth_token` /graphql needs `Authorization: Bearer TOKEN`."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import urllib.parse
from dataclasses import dataclass
from typing import Any

import pytest
import yaml

from api.lodestar_process import LODESTAR, REPO_FILE, run_cli, start_control_plane

TOKEN = "s3cret-token"
QUERY = json.dumps({"query": "{ __typename }"}).encode()


@dataclass
class Reply:
    status: int
    body: Any
    headers: dict[str, str]


def request(url: str, method: str = "POST", path: str = "/graphql", **headers: str) -> Reply:
    """One request to the server of `url`, with exactly the Host and other headers given."""
    parsed = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        headers.setdefault("Host", parsed.netloc)
        if method == "POST":
            headers.setdefault("Content-Type", "application/json")
            headers["Content-Length"] = str(len(QUERY))
        for name, value in headers.items():
            connection.putheader(name.replace("_", "-"), value)
        connection.endheaders(QUERY if method == "POST" else None)
        response = connection.getresponse()
        raw = response.read()
        try:
            body = json.loads(raw)
        except ValueError:
            body = raw.decode(errors="replace")
        return Reply(response.status, body, dict(response.getheaders()))
    finally:
        connection.close()


def port_of(url: str) -> int:
    return urllib.parse.urlsplit(url).port


@pytest.mark.parametrize(
    ("method", "path"), [("POST", "/graphql"), ("GET", "/graphql"), ("GET", "/")]
)
@pytest.mark.parametrize("host", ["attacker.example", "attacker.example:{port}", "10.1.2.3"])
def test_a_foreign_host_header_is_refused_on_every_route(lodestar_up, method, path, host):
    host = host.format(port=port_of(lodestar_up.url))

    reply = request(lodestar_up.url, method, path, Host=host, Accept="text/html")

    assert reply.status == 400
    (error,) = reply.body["errors"]
    assert error["message"].startswith(f"Host header {host!r} is refused")
    assert "server.allowed_hosts" in error["message"]


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost:{port}", "LOCALHOST", "[::1]:{port}"])
def test_loopback_names_are_served(lodestar_up, host):
    reply = request(lodestar_up.url, Host=host.format(port=port_of(lodestar_up.url)))

    assert reply.status == 200
    assert reply.body == {"data": {"__typename": "Query"}}


@pytest.fixture(scope="module")
def guarded_up(tmp_path_factory):
    """`lodestar up` whose lodestar.yaml allows one more host name and sets an API token
    through `{env: VAR}`."""
    home = tmp_path_factory.mktemp("guarded_home")
    config = {
        "server": {
            "allowed_hosts": ["Lodestar.Internal"],
            "auth_token": {"env": "TEST_LODESTAR_API_TOKEN"},
        }
    }
    (home / "lodestar.yaml").write_text(yaml.safe_dump(config))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TEST_LODESTAR_API_TOKEN", TOKEN)
        server = start_control_plane(home, wait_for_locations=False)
    yield server
    server.stop()


def test_allowed_hosts_of_lodestar_yaml_are_served(guarded_up):
    port = port_of(guarded_up.url)
    bearer = f"Bearer {TOKEN}"

    named = request(guarded_up.url, Host=f"lodestar.internal:{port}", Authorization=bearer)
    other = request(guarded_up.url, Host=f"other.internal:{port}", Authorization=bearer)

    assert named.status == 200 and named.body == {"data": {"__typename": "Query"}}
    assert other.status == 400


@pytest.mark.parametrize(
    ("authorization", "problem"),
    [(None, "no API token"), ("Bearer wrong", "a wrong API token"), (TOKEN, "no API token")],
)
def test_graphql_without_the_token_is_refused_with_401(guarded_up, authorization, problem):
    headers = {} if authorization is None else {"Authorization": authorization}

    post = request(guarded_up.url, **headers)
    get = request(guarded_up.url, "GET", "/graphql?query=%7B__typename%7D", **headers)

    for reply in (post, get):
        assert reply.status == 401
        assert reply.headers["www-authenticate"] == "Bearer"
        (error,) = reply.body["errors"]
        assert error["message"].startswith(f"{problem}: this server needs the header")
        assert "Authorization: Bearer TOKEN" in error["message"]


def test_the_ui_files_and_the_graphiql_page_need_no_token(guarded_up):
    app = request(guarded_up.url, "GET", "/", Accept="text/html")
    ide = request(guarded_up.url, "GET", "/graphql", Accept="text/html")

    assert app.status == 200 and "<html" in app.body.lower()
    assert ide.status == 200 and "graphiql" in ide.body.lower()


def test_graphql_with_the_token_is_served(guarded_up):
    reply = request(guarded_up.url, Authorization=f"Bearer {TOKEN}")

    assert reply.status == 200
    assert reply.body == {"data": {"__typename": "Query"}}


def test_the_cli_sends_lodestar_token(guarded_up):
    without = guarded_up.lodestar("run", "list")
    wrong = guarded_up.lodestar("run", "list", env={"LODESTAR_TOKEN": "wrong"})
    right = guarded_up.lodestar("run", "list", env={"LODESTAR_TOKEN": TOKEN})

    assert without.returncode == 1 and wrong.returncode == 1
    assert "answered HTTP 401: no API token" in without.stderr
    assert "answered HTTP 401: a wrong API token" in wrong.stderr
    assert "LODESTAR_TOKEN" in without.stderr and "Traceback" not in without.stderr
    assert right.returncode == 0, right.stderr


def up_on_an_unassigned_address(home, config: dict | None = None) -> subprocess.CompletedProcess:
    """`lodestar up --host 192.0.2.1` (TEST-NET-1: never this machine's, so binding fails
    and nothing is exposed); whatever it warns is printed before it tries."""
    home.mkdir()
    if config is not None:
        (home / "lodestar.yaml").write_text(yaml.safe_dump(config))
    command = [LODESTAR, "up", "-f", str(REPO_FILE), "--host", "192.0.2.1", "--port", "0"]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "LODESTAR_HOME": str(home)},
    )


def test_up_on_a_non_loopback_host_without_a_token_warns(tmp_path):
    finished = up_on_an_unassigned_address(tmp_path / "home")

    assert "warning: serving on 192.0.2.1 without an API token" in finished.stderr
    assert "anyone who can reach this port can launch" in finished.stderr
    assert "server.auth_token" in finished.stderr


def test_up_on_a_non_loopback_host_with_a_token_does_not_warn(tmp_path):
    finished = up_on_an_unassigned_address(tmp_path / "home", {"server": {"auth_token": "t"}})

    assert "warning" not in finished.stderr


def test_up_on_port_0_names_the_port_it_got_and_serves_there(lodestar_up):
    port = port_of(lodestar_up.url)  # read from the serving line of `lodestar up --port 0`
    assert port != 0
    assert f"lodestar up serving on http://127.0.0.1:{port}\n" in lodestar_up.log()
    assert request(lodestar_up.url).status == 200


def test_up_serves_on_port_3000_by_default():
    assert "[default: 3000;" in run_cli("up", "--help").stdout
