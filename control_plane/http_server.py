"""The control plane's HTTP server: GraphQL at /graphql (GraphiQL on GET), on uvicorn."""

from __future__ import annotations

import asyncio
import contextlib
import signal
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


class LodestarGraphQL(GraphQL):
    """Strawberry's ASGI view, handing every resolver the same `GraphQLContext`."""

    def __init__(self, context: GraphQLContext):
        super().__init__(build_schema(), graphql_ide="graphiql")
        self.context = context

    async def get_context(self, request, response) -> GraphQLContext:
        return self.context


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
        response = JSONResponse({"errors": [{"message": message}]}, status_code=413)
        await response(scope, receive, send)


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


def build_app(control_plane: ControlPlane, read_only: bool = False) -> Starlette:
    """The ASGI app serving the control plane's GraphQL API."""
    graphql = LodestarGraphQL(GraphQLContext(control_plane, read_only))
    return Starlette(
        routes=ui_routes(graphql),
        middleware=[Middleware(BodySizeLimit, max_bytes=MAX_BODY_BYTES)],
        lifespan=_resolver_threads,
    )


def serve(
    control_plane: ControlPlane,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    read_only: bool = False,
) -> None:
    """Serves until SIGINT or SIGTERM, then returns; the caller stops the control plane."""
    config = uvicorn.Config(
        build_app(control_plane, read_only),
        host=host,
        port=port,
        access_log=False,
        timeout_graceful_shutdown=5,
    )
    # Once shut down, uvicorn re-raises the signal that stopped it: with the default
    # SIGTERM handler that would kill the process before the caller could clean up.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        uvicorn.Server(config).run()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt
