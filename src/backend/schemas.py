"""Response bodies, as the OpenAPI document at /docs shows them."""

from datetime import date, datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

Item = TypeVar("Item")


class Page(BaseModel, Generic[Item]):
    items: list[Item]
    total: int
    limit: int
    offset: int


class SyncRun(BaseModel):
    id: int
    trigger: str
    kind: str
    status: str
    started_at: datetime
    finished_at: datetime | None
    window_start: date | None
    window_end: date | None
    fetched: int
    inserted: int
    updated: int
    unchanged: int
    deleted: int
    rejected: int
    error: str | None
    duration_seconds: float | None


class RejectedRecord(BaseModel):
    id: int
    sync_run_id: int
    reason: str
    payload: Any
    rejected_at: datetime


class AccessToken(BaseModel):
    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret


class Readiness(BaseModel):
    status: str
    database: str
    seconds_since_last_sync: float | None


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str
    details: Any = None


class ErrorBody(BaseModel):
    error: ErrorDetail


class RejectedSummary(BaseModel):
    id: Any
    reason: str


class UploadResult(BaseModel):
    run: SyncRun
    accepted: int
    rejected: int
    first_rejected: list[RejectedSummary]


class KpiAnswer(BaseModel):
    kpi: str
    items: list[dict[str, Any]]
    total: int
    limit: int | None
    offset: int | None
