"""Trigger a sync now; read the run history and what each run set aside."""

from collections.abc import Iterator
from contextlib import AbstractAsyncContextManager, contextmanager
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from backend.dependencies import Admin, PoolDep, UpstreamRunnerDep
from backend.errors import ApiError
from backend.repositories import sync_runs
from backend.routes.loop_dependencies import no_unknown_query_parameters
from backend.schemas import ErrorBody, Page, RejectedRecord, SyncRun
from backend.services.runs import SyncAlreadyRunning, SyncFailed

router = APIRouter(tags=["sync"], dependencies=[Depends(no_unknown_query_parameters)])

Limit = Annotated[int, Query(ge=1, le=1000, description="rows per page")]
Offset = Annotated[int, Query(ge=0, le=1_000_000_000)]
TRIGGER_ERRORS = {
    409: {"model": ErrorBody, "description": "a sync is running; details name its run id"},
    502: {"model": ErrorBody, "description": "the upstream failed; the run record says why"},
    503: {"model": ErrorBody, "description": "the database is unreachable; try again shortly"},
}


@contextmanager
def run_failures_answered() -> Iterator[None]:
    """A sync or upload that cannot run, or fails, becomes the API's error answer."""
    try:
        yield
    except SyncAlreadyRunning as running:
        raise ApiError(409, "sync_running", str(running), {"run_id": running.run_id}) from None
    except SyncFailed as failed:
        status = 502 if failed.upstream_fault else 503 if failed.kind == "database" else 500
        raise ApiError(
            status, "sync_failed", failed.run["error"], {"run_id": failed.run["id"]}
        ) from None


def answers_renewed(request: Request) -> AbstractAsyncContextManager[None]:
    """Once a run of this process is done, no KPI answer older than it is served."""
    return request.app.state.answer_cache.watching(request.app.state.pool)


@router.get(
    "/insert_leave_info",
    response_model=SyncRun,
    responses=TRIGGER_ERRORS,
    summary="Sync now (the earlier service's name for it)",
)
async def insert_leave_info(_: Admin, request: Request, runner: UpstreamRunnerDep) -> SyncRun:
    async with answers_renewed(request):
        with run_failures_answered():
            return SyncRun(**await runner.sync("manual"))


@router.post("/sync", response_model=SyncRun, responses=TRIGGER_ERRORS, summary="Sync now")
async def sync_now(_: Admin, request: Request, runner: UpstreamRunnerDep) -> SyncRun:
    async with answers_renewed(request):
        with run_failures_answered():
            return SyncRun(**await runner.sync("manual"))


@router.get("/sync/runs", response_model=Page[SyncRun], summary="Sync runs, newest first")
async def list_sync_runs(
    _: Admin,
    pool: PoolDep,
    limit: Limit = 50,
    offset: Offset = 0,
    status: Annotated[str | None, Query(pattern="^(running|succeeded|failed|skipped)$")] = None,
) -> Page[SyncRun]:
    runs, total = await sync_runs.list_runs(pool, limit, offset, status)
    return Page[SyncRun](
        items=[SyncRun(**run) for run in runs], total=total, limit=limit, offset=offset
    )


@router.get("/sync/runs/{run_id}", response_model=SyncRun, responses={404: {"model": ErrorBody}})
async def get_sync_run(_: Admin, pool: PoolDep, run_id: int) -> SyncRun:
    run = await sync_runs.get_run(pool, run_id)
    if run is None:
        raise ApiError(404, "not_found", f"no sync run {run_id}")
    return SyncRun(**run)


@router.get(
    "/sync/runs/{run_id}/rejected",
    response_model=Page[RejectedRecord],
    responses={404: {"model": ErrorBody}},
    summary="Records a run set aside, with reasons",
)
async def list_rejected_records(
    _: Admin, pool: PoolDep, run_id: int, limit: Limit = 100, offset: Offset = 0
) -> Page[RejectedRecord]:
    if await sync_runs.get_run(pool, run_id) is None:
        raise ApiError(404, "not_found", f"no sync run {run_id}")
    rows, total = await sync_runs.list_rejected(pool, run_id, limit, offset)
    return Page[RejectedRecord](
        items=[RejectedRecord(**row) for row in rows], total=total, limit=limit, offset=offset
    )
