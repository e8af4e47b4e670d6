"""GET /metrics for Prometheus: HTTP metrics from the instrumentator, plus the sync's own."""

import hmac
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import PlainTextResponse
from fastapi.security.utils import get_authorization_scheme_param
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_fastapi_instrumentator import Instrumentator

from backend.errors import ApiError

RECORD_OUTCOMES = ("inserted", "updated", "unchanged", "deleted", "rejected")


class SyncMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.last_success = Gauge(
            "leave_sync_last_success_timestamp_seconds",
            "When the last sync run that succeeded (or found nothing new) finished",
            registry=registry,
        )
        self.duration = Histogram(
            "leave_sync_run_duration_seconds",
            "How long sync runs took",
            ["status"],
            buckets=(0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300),
            registry=registry,
        )
        self.runs = Counter(
            "leave_sync_runs",
            "Sync runs by trigger and status",
            ["trigger", "status"],
            registry=registry,
        )
        self.records = Counter(
            "leave_sync_records",
            "Records handled by sync runs, by outcome",
            ["outcome"],
            registry=registry,
        )
        self.failures = Counter(
            "leave_sync_failures",
            "Failed sync runs by kind of failure",
            ["kind"],
            registry=registry,
        )

    def observe_run(self, run: dict[str, Any]) -> None:
        self.runs.labels(run["trigger"], run["status"]).inc()
        self.duration.labels(run["status"]).observe(run["duration_seconds"] or 0)
        for outcome in RECORD_OUTCOMES:
            self.records.labels(outcome).inc(run[outcome])
        if run["status"] in ("succeeded", "skipped") and run["finished_at"]:
            self.last_success.set(run["finished_at"].timestamp())

    def observe_failure(self, run: dict[str, Any], kind: str) -> None:
        self.observe_run(run)
        self.failures.labels(kind).inc()


async def check_the_metrics_token(request: Request) -> None:
    expected = request.app.state.settings.metrics_token
    if expected is None:
        return
    scheme, token = get_authorization_scheme_param(request.headers.get("authorization"))
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        token.encode(), expected.get_secret_value().encode()
    ):
        raise ApiError(
            401,
            "metrics_token_required",
            "GET /metrics needs Authorization: Bearer <METRICS_TOKEN>",
            headers={"WWW-Authenticate": "Bearer"},
        )


def install_metrics(app: FastAPI) -> SyncMetrics:
    """Each app gets its own registry, so several apps in one process never collide."""
    registry = CollectorRegistry()
    Instrumentator(registry=registry, excluded_handlers=["/metrics"]).instrument(app).expose(
        app,
        endpoint="/metrics",
        tags=["service"],
        response_class=PlainTextResponse,
        summary="Prometheus metrics, in its text format",
        dependencies=[Depends(check_the_metrics_token)],
    )
    return SyncMetrics(registry)
