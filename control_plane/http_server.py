"""The control plane's HTTP server: GraphQL at /graphql (GraphiQL on GET), on uvicorn."""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import ipaddress
import json
import signal
import socket
import urllib.parse
from collections.abc import Callable, Collection
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import uvicorn
from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.asgi import GraphQL

from control_plane.graphql import GraphQLContext, build_schema
from control_plane.instance import ServerConfig
from control_plane.web_ui import ui_routes

if TYPE_CHECKING:
    from control_plane.service import ControlPlane

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 3000
MAX_BODY_BYTES = 1024 * 1024
# Resolvers run blocking calls (storage, gRPC to code servers) in the loop's default
# executor: more threads than asyncio's default (cores + 4), so that a few calls to a hung
# code server (30 s timeout) do not hold up every storage read.
RESOLVER_THREADS = 32
# A refused body is read and dropped up to this size, so that the client, still sending,
# gets the 413 rather than a reset connection; past it the connection is simply closed.
MAX_DRAIN_BYTES = 64 * 1024 * 1024
# JSON bodies and `variables` nest at most this deep (a run config from YAML: 100 levels).
MAX_JSON_DEPTH = 128
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
LOOPBACK_ONLY = ServerConfig()


class LodestarGraphQL(GraphQL[GraphQLContext, None]):
    """Strawberry's ASGI view, handing every resolver the same `GraphQLContext`."""

    def __init__(self, context: GraphQLContext):
        super().__init__(build_schema(), graphql_ide="graphiql")
        self.context = context

    async def get_context(self, request, response) -> GraphQLContext:
        return self.context

    def decode_json(self, data: str | bytes) -> object:
        try:
            value = json.loads(data)
        except RecursionError:
            raise _JsonTooDeep from None
        if _nests_deeper(value, MAX_JSON_DEPTH):
            raise _JsonTooDeep
        return value

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        except _JsonTooDeep:  # raised while parsing the request, before any response
            message = f"the request's JSON nests deeper than {MAX_JSON_DEPTH} levels"
            await _refuse(scope, receive, send, 400, message)


class _JsonTooDeep(Exception):
    pass


def _nests_deeper(value: object, limit: int) -> bool:
    """Whether lists and objects in `value` nest past `limit` levels (without recursion)."""
    level = [value]
    for _ in range(limit):
        level = [
            child
            for item in level
            if isinstance(item, dict | list)
            for child in (item.values() if isinstance(item, dict) else item)
        ]
        if not level:
            return False
    return any(isinstance(item, dict | list) for item in level)


async def _refuse(
    scope: Scope, receive: Receive, send: Send, status: int, message: str, **headers: str
) -> None:
    """Answers a GraphQL-shaped JSON error before GraphQL runs (a WebSocket is closed)."""
    if scope["type"] == "websocket":
        return await send({"type": "websocket.close", "code": 1008, "reason": message[:120]})
    response = JSONResponse({"errors": [{"message": message}]}, status, headers=headers)
    await response(scope, receive, send)


class HostCheck:
    """Answers 400 to a request whose `Host` header names a host the server does not serve,
    so that a page on another site cannot reach the API by DNS rebinding."""

    def __init__(self, app: ASGIApp, allowed_hosts: Collection[str]):
        self.app = app
        self.allowed_hosts = frozenset(allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        header = Headers(scope=scope).get("host")
        if header is not None and _host_name(header) in self.allowed_hosts:
            return await self.app(scope, receive, send)
        allowed = ", ".join(sorted(self.allowed_hosts))
        problem = "no Host header" if header is None else f"Host header {header!r} is refused"
        message = (
            f"{problem}: this server answers only to {allowed} "
            "(add names to server.allowed_hosts in lodestar.yaml)"
        )
        await _refuse(scope, receive, send, 400, message)


def _host_name(header: str) -> str | None:
    """The host of a Host header (`name`, `name:port`, `[::1]:port`), lowercase, no brackets."""
    try:
        split = urllib.parse.urlsplit(f"//{header}")
        split.port  # noqa: B018 (raises for a port that is not a number)
    except ValueError:
        return None
    return split.hostname


class BearerToken:
    """Wraps the GraphQL app: a request without `Authorization: Bearer TOKEN` gets a 401."""

    def __init__(self, app: ASGIApp, token: str):
        self.app = app
        self.token = token.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        scheme, _, given = Headers(scope=scope).get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), self.token):
            return await self.app(scope, receive, send)
        problem = "a wrong API token" if given else "no API token"
        message = (
            f"{problem}: this server needs the header `Authorization: Bearer TOKEN` with the "
            "token of server.auth_token in lodestar.yaml (the CLI sends $LODESTAR_TOKEN)"
        )
        await _refuse(scope, receive, send, 401, message, **{"WWW-Authenticate": "Bearer"})


class _BodyTooLarge(Exception):
    pass


class BodySizeLimit:
    """Answers 413 with a GraphQL-shaped JSON error when a request body exceeds `max_bytes`.

    A declared Content-Length is refused before the app reads anything; a chunked body
    as soon as it passes the limit. (Starlette's own limit answers in plain text.)
    """

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            return await self._refuse(scope, receive, send)
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise _BodyTooLarge
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, watched_send)
        except _BodyTooLarge:
            if started:
                raise
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        await _drain(receive)
        message = f"request body larger than {self.max_bytes} bytes"
        await _refuse(scope, receive, send, 413, message)


async def _drain(receive: Receive) -> None:
    dropped = 0
    while dropped <= MAX_DRAIN_BYTES:
        message = await receive()
        dropped += len(message.get("body", b""))
        if message["type"] != "http.request" or not message.get("more_body"):
            return


@contextlib.asynccontextmanager
async def _resolver_threads(app: Starlette):
    executor = ThreadPoolExecutor(RESOLVER_THREADS, thread_name_prefix="graphql")
    asyncio.get_running_loop().set_default_executor(executor)
    try:
        yield
    finally:
        executor.shutdown(wait=False, cancel_futures=True)


def build_app(
    control_plane: ControlPlane,
    read_only: bool = False,
    server: ServerConfig = LOOPBACK_ONLY,
    host: str = DEFAULT_HOST,
) -> Starlette:
    """The ASGI app serving the control plane's GraphQL API and web UI on `host`.

    It answers only to loopback names, `host` and `server.allowed_hosts`; with
    `server.auth_token`, every GraphQL request needs that token (the UI's files and the
    GraphiQL page do not: they hold no data, and ask for the token).
    """
    graphql: ASGIApp = LodestarGraphQL(GraphQLContext(control_plane, read_only))
    if server.auth_token is not None:
        graphql = BearerToken(graphql, server.auth_token)
    return Starlette(
        routes=ui_routes(graphql),
        middleware=[
            Middleware(HostCheck, allowed_hosts=served_host_names(server, host)),
            Middleware(BodySizeLimit, max_bytes=MAX_BODY_BYTES),
        ],
        lifespan=_resolver_threads,
    )


def served_host_names(server: ServerConfig, host: str) -> frozenset[str]:
    """The names a Host header may carry: loopback, the bound host, server.allowed_hosts."""
    names = set(LOOPBACK_HOSTS) | set(server.allowed_hosts)
    if not _is_wildcard(host):
        names.add(host.lower().strip("[]"))
    return frozenset(names)


def is_loopback(host: str) -> bool:
    """Whether binding `host` keeps the server reachable from this machine only."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _is_wildcard(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


class _ReportingServer(uvicorn.Server):
    """uvicorn's server, calling `on_serving` with its URL (the port it got, for port 0)
    once it accepts connections."""

    def __init__(self, config: uvicorn.Config, on_serving: Callable[[str], None]):
        super().__init__(config)
        self.on_serving = on_serving

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)  # exits the process if it cannot listen
        port = self.servers[0].sockets[0].getsockname()[1]
        host = self.config.host
        self.on_serving(f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}")


def serve(
    control_plane: ControlPlane,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    read_only: bool = False,
    server: ServerConfig = LOOPBACK_ONLY,
    on_serving: Callable[[str], None] = lambda url: None,
) -> None:
    """Serves until SIGINT or SIGTERM, then returns; the caller stops the control plane.

    `on_serving` gets the server's URL once it accepts connections (port 0: the port it got).
    """
    config = uvicorn.Config(
        build_app(control_plane, read_only, server, host),
        host=host,
        port=port,
        access_log=False,
        timeout_graceful_shutdown=5,
    )
    # Once shut down, uvicorn re-raises the signal that stopped it: with the default
    # SIGTERM handler that would kill the process before the caller could clean up.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        _ReportingServer(config, on_serving).run()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt
