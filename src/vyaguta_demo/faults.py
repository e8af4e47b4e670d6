"""Failures on demand: which request fails, how, and with what status."""

import random
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

TRANSIENT_STATUSES = (503, 429)


class FaultSettings(BaseModel):
    """Every fault the demo upstream can inject; the defaults inject none."""

    model_config = ConfigDict(extra="forbid")

    error_rate: float = Field(
        0.0,
        ge=0,
        le=1,
        description=(
            "share of leave requests answered 503 or 429 (alternating; 429 has Retry-After)"
        ),
    )
    retry_after: int = Field(1, ge=0, description="seconds in the Retry-After header of a 429")
    fail_pages: list[int] = Field(
        default_factory=list, description=("pages that always fail with fail_status")
    )
    fail_status: int = Field(503, ge=400, le=599, description="status of the fail_pages answers")
    fail_first_n: int = Field(
        0,
        ge=0,
        description=(
            "the first N leave requests (counted from when faults were set) fail with 503"
        ),
    )
    latency_ms: int = Field(0, ge=0, description="added delay before every leave answer")
    timeout_pages: list[int] = Field(
        default_factory=list,
        description=(
            "pages that hang hang_seconds before answering, longer than a sane client timeout"
        ),
    )
    hang_seconds: float = Field(30.0, ge=0, description="how long timeout_pages hang")
    html_error: int | None = Field(
        None,
        ge=200,
        le=599,
        description=("answer with an HTML error page and this status, e.g. 200 or 502"),
    )
    html_error_pages: list[int] = Field(
        default_factory=list,
        description=("pages html_error applies to; none given means every page"),
    )
    truncate_pages: list[int] = Field(
        default_factory=list, description=("pages whose JSON body is cut in half (status 200)")
    )
    invalid_share: float = Field(
        0.0,
        ge=0,
        le=1,
        description=(
            "share of records made invalid (no id, end before start, bad leaveDays, 2024-02-30, "
            "wrong types, allocations not a list)"
        ),
    )
    duplicate_share: float = Field(
        0.0, ge=0, le=1, description=("share of records sent twice in a row with the same id")
    )
    hostile_strings: bool = Field(
        False,
        description=(
            "put SQL, HTML, emoji, control characters and a 10,000-character text in reason and "
            "remarks (records stay valid)"
        ),
    )
    unauthorized: bool = Field(False, description="answer 401 to every leave request")

    @property
    def changes_records(self) -> bool:
        return bool(self.invalid_share or self.duplicate_share or self.hostile_strings)

    def with_changes(self, changes: dict[str, Any]) -> "FaultSettings":
        return FaultSettings.model_validate({**self.model_dump(), **changes})


@dataclass(frozen=True, slots=True)
class Failure:
    status: int
    message: str
    headers: dict[str, str] = field(default_factory=dict)


class FaultController:
    """Holds the current faults; counters and the random stream restart whenever they change,
    so a test that sets faults sees the same sequence every run."""

    def __init__(self, seed: int, settings: FaultSettings) -> None:
        self.seed = seed
        self.settings = settings
        self.reset_counters()

    def reset_counters(self) -> None:
        self.random = random.Random(self.seed)
        self.requests_seen = 0
        self.errors_sent = 0

    def use(self, settings: FaultSettings) -> None:
        self.settings = settings
        self.reset_counters()

    def failure_for(self, page: int) -> Failure | None:
        """The failure this leave request gets, if any; call once per authorized request."""
        settings = self.settings
        self.requests_seen += 1
        if self.requests_seen <= settings.fail_first_n:
            return Failure(503, f"failing the first {settings.fail_first_n} requests")
        if page in settings.fail_pages:
            return Failure(settings.fail_status, f"page {page} is set to fail")
        if settings.error_rate and self.random.random() < settings.error_rate:
            status = TRANSIENT_STATUSES[self.errors_sent % len(TRANSIENT_STATUSES)]
            self.errors_sent += 1
            if status == 429:
                return Failure(429, "too many requests", {"Retry-After": str(settings.retry_after)})
            return Failure(503, "service temporarily unavailable")
        return None

    def hangs(self, page: int) -> bool:
        return page in self.settings.timeout_pages

    def html_status_for(self, page: int) -> int | None:
        pages = self.settings.html_error_pages
        return self.settings.html_error if not pages or page in pages else None

    def truncates(self, page: int) -> bool:
        return page in self.settings.truncate_pages
