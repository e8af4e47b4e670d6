"""Is the service there, and is it ready to serve?"""

import asyncpg
from fastapi import APIRouter
from fastapi.responses import JSONResponse

from backend.dependencies import PoolDep
from backend.repositories.sync_runs import seconds_since_last_success
from backend.schemas import Readiness

router = APIRouter(tags=["service"])


@router.get("/", summary="Compatibility check used by the earlier service's clients")
async def root() -> dict[str, bool]:
    return {"success": True}


@router.get("/health", summary="The process is alive (touches nothing)")
async def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/ready",
    response_model=Readiness,
    responses={503: {"model": Readiness, "description": "the database is not reachable"}},
    summary="The database answers; how old the data is",
)
async def ready(pool: PoolDep) -> Readiness | JSONResponse:
    try:
        age = await seconds_since_last_success(pool)
    except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError):
        body = Readiness(status="unavailable", database="unreachable", seconds_since_last_sync=None)
        return JSONResponse(body.model_dump(), status_code=503)
    return Readiness(status="ready", database="ok", seconds_since_last_sync=age)
