"""The web UI's routes: the built app at `/` (any client-side route falls back to it) and
GraphiQL, both from assets built into this package (`ui/` holds their sources)."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

STATIC_DIR = Path(__file__).resolve().parent / "web" / "static"
# Built file names carry a hash of their content: they never change under a name.
_IMMUTABLE = {"Cache-Control": "public, max-age=31536000, immutable"}
_NO_CACHE = {"Cache-Control": "no-cache"}


class _HashedAssets(StaticFiles):
    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code == 200:
            response.headers.update(_IMMUTABLE)
        return response


def _page(name: str) -> Response:
    path = STATIC_DIR / name
    if not path.is_file():
        return PlainTextResponse(
            f"the web UI is not built ({path} is missing): run scripts/build_ui.sh",
            status_code=503,
        )
    return FileResponse(path, media_type="text/html", headers=_NO_CACHE)


class GraphQLOrIDE:
    """GET /graphql from a browser (HTML wanted, no query) gets the bundled GraphiQL page;
    anything else goes to the GraphQL app."""

    def __init__(self, graphql: ASGIApp):
        self.graphql = graphql

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope)
        if (
            request.method == "GET"
            and "query" not in request.query_params
            and "text/html" in request.headers.get("accept", "")
        ):
            return await _page("graphiql.html")(scope, receive, send)
        await self.graphql(scope, receive, send)


async def _app_page(request: Request) -> Response:
    return _page("index.html")


def ui_routes(graphql: ASGIApp) -> list[BaseRoute]:
    """GraphQL (with GraphiQL) at /graphql, the UI's assets, and the app for every other path."""
    return [
        Route("/graphql", GraphQLOrIDE(graphql), methods=["GET", "POST"]),
        Mount("/assets", _HashedAssets(directory=STATIC_DIR / "assets", check_dir=False)),
        Route("/{path:path}", _app_page, methods=["GET", "HEAD"]),
    ]
