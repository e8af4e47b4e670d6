"""POST /leaves/upload: Vyaguta-shaped records from a JSON or CSV file, merged like a sync."""

from fastapi import APIRouter, Request, UploadFile

from backend.dependencies import Admin, RunnerDep
from backend.errors import ApiError
from backend.ingest.upload_files import UnreadableFile, records_from_csv, records_from_json
from backend.routes.sync import TRIGGER_ERRORS, answers_renewed, run_failures_answered
from backend.schemas import ErrorBody, SyncRun, UploadResult

router = APIRouter(tags=["sync"])

UPLOAD_ERRORS = {
    **TRIGGER_ERRORS,
    413: {"model": ErrorBody, "description": "the file is larger than UPLOAD_MAX_BYTES"},
    422: {"model": ErrorBody, "description": "the file cannot be read as records"},
}


def is_csv(file: UploadFile) -> bool:
    return (file.filename or "").lower().endswith(".csv") or (
        (file.content_type or "").split(";")[0].strip() in ("text/csv", "application/csv")
    )


@router.post(
    "/leaves/upload",
    response_model=UploadResult,
    responses=UPLOAD_ERRORS,
    summary="Merge leave records from a JSON array or CSV file (never marks leaves deleted)",
)
async def upload_leaves(
    _: Admin, request: Request, runner: RunnerDep, file: UploadFile
) -> UploadResult:
    content = await file.read()
    try:
        records = records_from_csv(content) if is_csv(file) else records_from_json(content)
    except UnreadableFile as problem:
        raise ApiError(422, "unreadable_file", f"{file.filename}: {problem}") from None
    if not records:
        raise ApiError(422, "empty_file", f"{file.filename}: no records")
    async with answers_renewed(request):
        with run_failures_answered():
            outcome = await runner.upload(records)
    run = SyncRun(**outcome.run)
    return UploadResult(
        run=run,
        accepted=run.fetched - run.rejected,
        rejected=run.rejected,
        first_rejected=outcome.first_rejected,
    )
