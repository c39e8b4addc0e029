"""A small GraphQL-over-HTTP client for the control plane (standard library only)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

from cli.errors import CliError

DEFAULT_URL = "http://127.0.0.1:3000/graphql"
TOKEN_ENV = "LODESTAR_TOKEN"


class GraphQLClient:
    """Posts documents to one GraphQL endpoint, with the API token if given; every failure
    becomes a `CliError`."""

    def __init__(self, url: str, token: str | None = None, timeout: float = 60.0):
        self.url = url
        self.timeout = timeout
        self._headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if token:
            self._headers["Authorization"] = f"Bearer {token}"

    def execute(self, document: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """The response's `data`; GraphQL errors (a malformed document) raise."""
        body = json.dumps({"query": document, "variables": variables or {}}).encode()
        request = urllib.request.Request(self.url, data=body, headers=self._headers)
        payload = self._send(request)
        if payload.get("errors"):
            messages = "; ".join(str(e.get("message")) for e in payload["errors"])
            raise CliError(f"the control plane refused the request: {messages}")
        return payload["data"]

    def result(
        self, document: str, variables: dict[str, Any], field: str, expected: str
    ) -> dict[str, Any]:
        """The root `field`'s result when its `__typename` is `expected`; else its error."""
        value = self.execute(document, variables)[field]
        if value["__typename"] != expected:
            raise CliError(describe_error(value))
        return value

    def _send(self, request: urllib.request.Request) -> dict[str, Any]:
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:
            raise CliError(
                f"the control plane at {self.url} answered HTTP {error.code}: {_body_text(error)}"
            ) from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise CliError(
                f"cannot reach the control plane at {self.url} ({reason}); "
                "is `lodestar up` running there?"
            ) from None
        except ValueError as error:  # an unknown URL scheme, or a body that is not JSON
            raise CliError(f"{self.url} is not a Lodestar GraphQL endpoint: {error}") from None


def describe_error(result: dict[str, Any]) -> str:
    """A typed GraphQL error as text; config errors list each path and message."""
    message = result.get("message") or result["__typename"]
    config_errors = result.get("errors")
    if not config_errors:
        return message
    lines = [message.splitlines()[0]]
    lines += [f"  {e['path'] or '(root)'}: {e['message']}" for e in config_errors]
    return "\n".join(lines)


def _body_text(error: urllib.error.HTTPError) -> str:
    text = error.read().decode(errors="replace")
    try:
        return "; ".join(e["message"] for e in json.loads(text)["errors"])
    except (ValueError, KeyError, TypeError):
        return text.strip()[:500] or error.reason
