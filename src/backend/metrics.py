"""GET /metrics for Prometheus: HTTP metrics from the instrumentator, plus the sync's own."""

from typing import Any

from fastapi import FastAPI
from fastapi.responses import PlainTextResponse
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_fastapi_instrumentator import Instrumentator

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


def install_metrics(app: FastAPI) -> SyncMetrics:
    """Each app gets its own registry, so several apps in one process never collide."""
    registry = CollectorRegistry()
    Instrumentator(registry=registry, excluded_handlers=["/metrics"]).instrument(app).expose(
        app,
        endpoint="/metrics",
        tags=["service"],
        response_class=PlainTextResponse,
        summary="Prometheus metrics, in its text format",
    )
    return SyncMetrics(registry)
