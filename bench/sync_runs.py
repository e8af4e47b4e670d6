"""One sync through the service's own code path, timed, with what it wrote and where its time
went."""

import inspect
import time
from dataclasses import dataclass, field
from typing import Any

from backend.services.sync import SyncOptions, run_sync
from backend.settings import Settings
from bench.content_diff import dbo_fingerprints, differing_rows
from bench.stack import upstream_client, warm_pool
from bench.stages import StageClock, breakdown, other_sql, probes_installed
from bench.writes import (
    FunctionTime,
    function_time_between,
    function_times,
    table_writes,
    written_between,
)

RUN_FIELDS = ("id", "status", "kind", "fetched", "inserted", "updated", "unchanged", "deleted")


@dataclass
class MeasuredRun:
    seconds: float
    run: dict[str, Any]
    written: dict[str, int]
    stages: dict[str, float]
    differing: dict[str, int] = field(default_factory=dict)
    procedures: dict[str, FunctionTime] = field(default_factory=dict)
    missing_probes: list[str] = field(default_factory=list)
    bookkeeping_sql: dict[str, float] = field(default_factory=dict)

    @property
    def rows_written(self) -> int:
        return sum(self.written.values())

    @property
    def rows_differing(self) -> int:
        """Rows whose content really changed: what a write-minimal run writes."""
        return sum(self.differing.values())

    def as_json(self) -> dict[str, Any]:
        return {
            "seconds": round(self.seconds, 4),
            "run": {name: self.run.get(name) for name in RUN_FIELDS},
            "rows_written": self.rows_written,
            "rows_differing": self.rows_differing,
            "written_by_table": self.written,
            "differing_by_table": self.differing,
            "stages": {name: round(value, 4) for name, value in self.stages.items()},
            "bookkeeping_sql": {
                name: round(value, 4) for name, value in self.bookkeeping_sql.items()
            },
            "procedures_ms": {
                name: {
                    "calls": spent.calls,
                    "total": round(spent.total_ms, 1),
                    "self": round(spent.self_ms, 1),
                }
                for name, spent in sorted(self.procedures.items())
            },
        }


def hot_window_supported() -> bool:
    """Whether the service can sync just the hot window (`run_sync(..., kind="hot")`)."""
    return (
        "kind" in inspect.signature(run_sync).parameters
        and "sync_hot_days" in Settings.model_fields
        and hasattr(SyncOptions, "for_hot_window")
    )


async def measure_sync(
    database_url: str,
    settings: Settings,
    options: SyncOptions,
    *,
    trigger: str = "manual",
    kind: str | None = None,
) -> MeasuredRun:
    """One run_sync, as the service runs it, into `database_url`."""
    writes_before = await table_writes(database_url)
    content_before = await dbo_fingerprints(database_url)
    procedures_before = await function_times(database_url)
    clock = StageClock()
    extra = {"kind": kind} if kind else {}
    async with upstream_client(settings) as client, warm_pool(database_url) as pool:
        with probes_installed(clock):
            began = time.perf_counter()
            run = await run_sync(pool, client, options, trigger, **extra)
            seconds = time.perf_counter() - began
    return MeasuredRun(
        seconds=seconds,
        run=dict(run),
        written=written_between(writes_before, await table_writes(database_url)),
        differing=differing_rows(content_before, await dbo_fingerprints(database_url)),
        stages=breakdown(clock, seconds),
        procedures=function_time_between(procedures_before, await function_times(database_url)),
        missing_probes=clock.missing,
        bookkeeping_sql=other_sql(clock),
    )
