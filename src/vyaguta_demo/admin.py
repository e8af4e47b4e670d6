"""/_admin: switch faults, trigger a live tick, read counters (same bearer token)."""

from json import JSONDecodeError

from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from vyaguta_demo.auth import bearer_token_matches
from vyaguta_demo.errors import json_error
from vyaguta_demo.faults import FaultSettings
from vyaguta_demo.runtime import DemoRuntime


def runtime_of(request: Request) -> DemoRuntime:
    return request.app.state.runtime


async def faults_endpoint(request: Request) -> Response:
    """GET shows the faults; PUT changes the fields given; DELETE switches all off."""
    runtime = runtime_of(request)
    if not bearer_token_matches(request, runtime.options.token):
        return json_error(401, "missing or wrong bearer token")
    if request.method == "PUT":
        try:
            changes = await request.json()
            if not isinstance(changes, dict):
                return json_error(400, "the body must be a JSON object of fault settings")
            runtime.faults.use(runtime.faults.settings.with_changes(changes))
        except JSONDecodeError:
            return json_error(400, "the body must be JSON")
        except ValidationError as error:
            return json_error(400, readable(error))
    elif request.method == "DELETE":
        runtime.faults.use(FaultSettings())
    return JSONResponse(runtime.faults.settings.model_dump())


async def live_tick_endpoint(request: Request) -> Response:
    runtime = runtime_of(request)
    if not bearer_token_matches(request, runtime.options.token):
        return json_error(401, "missing or wrong bearer token")
    changes = runtime.live.tick()
    return JSONResponse({"created": changes.created, "updated": changes.updated})


async def stats_endpoint(request: Request) -> Response:
    runtime = runtime_of(request)
    if not bearer_token_matches(request, runtime.options.token):
        return json_error(401, "missing or wrong bearer token")
    return JSONResponse(
        {
            "records": len(runtime.store),
            "requests": runtime.requests,
            "responses": {
                str(status): count for status, count in sorted(runtime.responses.items())
            },
            "live_ticks": runtime.live.ticks,
            "shape": runtime.options.shape,
            "envelope": runtime.options.envelope,
            "seed": runtime.options.seed,
            "today": runtime.dataset.today.isoformat(),
        }
    )


def readable(error: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(part) for part in issue['loc'])}: {issue['msg']}"
        for issue in error.errors()
    )
