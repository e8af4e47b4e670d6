"""The ASGI app: routes, JSON 404/405, and the live-mode loop while the server runs."""

import asyncio
import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from vyaguta_demo.admin import faults_endpoint, live_tick_endpoint, stats_endpoint
from vyaguta_demo.errors import json_error
from vyaguta_demo.runtime import DemoRuntime
from vyaguta_demo.serving import LEAVES_PATH, serve_leaves


def create_app(runtime: DemoRuntime) -> Starlette:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        interval = runtime.options.live_interval
        ticking = asyncio.create_task(tick_forever(runtime, interval)) if interval > 0 else None
        yield
        if ticking is not None:
            ticking.cancel()

    app = Starlette(
        routes=[
            Route(LEAVES_PATH, serve_leaves, methods=["GET"]),
            Route("/_admin/faults", faults_endpoint, methods=["GET", "PUT", "DELETE"]),
            Route("/_admin/live/tick", live_tick_endpoint, methods=["POST"]),
            Route("/_admin/stats", stats_endpoint, methods=["GET"]),
        ],
        exception_handlers={HTTPException: http_error},
        lifespan=lifespan,
    )
    app.state.runtime = runtime
    return app


async def tick_forever(runtime: DemoRuntime, interval: float) -> None:
    while True:
        await asyncio.sleep(interval)
        runtime.live.tick()


async def http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    return json_error(error.status_code, error.detail, error.headers)
