"""The sync benchmark's measurements as JSON sections, and the issue's targets checked."""

import statistics
from collections.abc import Sequence
from typing import Any

from bench.copy_floor import FloorRun
from bench.peak_memory import ChildSync
from bench.row_by_row import RowByRowRun
from bench.stages import BREAKDOWN_ORDER
from bench.stats import summarise
from bench.sync_runs import MeasuredRun
from bench.sync_scenarios import ChangedRun

ISSUE_RECORDS = 161_450


def seconds_of(runs: Sequence[Any]) -> dict[str, Any]:
    return summarise([run.seconds for run in runs]).as_json()


def stage_summaries(runs: Sequence[MeasuredRun]) -> dict[str, Any]:
    names = [*BREAKDOWN_ORDER, "raw stage"]
    return {name: summarise([run.stages[name] for run in runs]).as_json() for name in names}


def procedure_medians(runs: Sequence[MeasuredRun]) -> dict[str, Any]:
    """Median milliseconds per procedure (total includes the procedures it calls)."""
    names = sorted({name for run in runs for name in run.procedures})
    medians = {}
    for name in names:
        spent = [run.procedures[name] for run in runs if name in run.procedures]
        medians[name] = {
            "total_ms": round(statistics.median(s.total_ms for s in spent), 1),
            "self_ms": round(statistics.median(s.self_ms for s in spent), 1),
        }
    return dict(sorted(medians.items(), key=lambda item: -item[1]["self_ms"]))


def measured_section(runs: Sequence[MeasuredRun]) -> dict[str, Any]:
    return {
        "seconds": seconds_of(runs),
        "rows_written": [run.rows_written for run in runs],
        "rows_differing": [run.rows_differing for run in runs],
        "leaves_differing": [run.differing.get("dbo.employee_leaves", 0) for run in runs],
        "statuses": [run.run.get("status") for run in runs],
        "stages": stage_summaries(runs),
        "procedures": procedure_medians(runs),
        "missing_probes": sorted({probe for run in runs for probe in run.missing_probes}),
        "runs": [run.as_json() for run in runs],
    }


def changed_section(runs: Sequence[ChangedRun]) -> dict[str, Any]:
    section = measured_section([run.measured for run in runs])
    section["changed_records"] = [run.changed for run in runs]
    return section


def row_by_row_section(runs: Sequence[RowByRowRun], full: Sequence[MeasuredRun]) -> dict[str, Any]:
    full_median = statistics.median(run.seconds for run in full)
    copy_median = statistics.median(run.stages["COPY"] for run in full)
    median = statistics.median(run.seconds for run in runs)
    inserts = statistics.median(run.inserts for run in runs)
    return {
        "seconds": seconds_of(runs),
        "stages": {
            name: summarise([run.as_json()[name] for run in runs]).as_json()
            for name in ("fetch + rows", "INSERT per row", "MERGE", "reporting refresh")
        },
        "times_slower_than_full_sync": round(median / full_median, 2),
        "insert_loop_vs_copy_stage": round(inserts / copy_median, 2) if copy_median else None,
        "runs": [run.as_json() for run in runs],
    }


def floor_section(runs: Sequence[FloorRun], full: Sequence[MeasuredRun]) -> dict[str, Any]:
    floor = statistics.median(run.seconds for run in runs)
    raw_stage = statistics.median(run.stages["raw stage"] for run in full)
    copy_stage = statistics.median(run.stages["COPY"] for run in full)
    return {
        "seconds": seconds_of(runs),
        "method": runs[0].method,
        "rows": runs[0].rows,
        "raw_stage_seconds": round(raw_stage, 4),
        "raw_stage_vs_floor": round(raw_stage / floor, 2),
        "copy_calls_vs_floor": round(copy_stage / floor, 2),
    }


def child_stage_medians(runs: Sequence[ChildSync]) -> dict[str, float]:
    names = [*BREAKDOWN_ORDER, "raw stage"]
    return {name: round(statistics.median(run.stages[name] for run in runs), 3) for name in names}


def child_procedure_medians(runs: Sequence[ChildSync]) -> dict[str, float]:
    names = sorted({name for run in runs for name in run.procedures})
    medians = {
        name: round(
            statistics.median(r.procedures[name].self_ms for r in runs if name in r.procedures)
        )
        for name in names
    }
    return dict(sorted(medians.items(), key=lambda item: -item[1]))


def memory_section(
    at_n: Sequence[ChildSync], at_10n: Sequence[ChildSync], records: int, scale: int
) -> dict[str, Any]:
    peak_n = max(run.peak_rss_mb for run in at_n)
    section: dict[str, Any] = {
        "at_records": {
            str(records): summarise([run.peak_rss_mb for run in at_n]).as_json(),
        },
        "sync_seconds": {str(records): seconds_of(at_n)},
        "stages": {str(records): child_stage_medians(at_n)},
        "procedures_self_ms": {str(records): child_procedure_medians(at_n)},
        "runs": {str(records): [run.as_json() for run in at_n]},
    }
    if at_10n:
        big = str(records * scale)
        peak_10n = max(run.peak_rss_mb for run in at_10n)
        section["at_records"][big] = summarise([run.peak_rss_mb for run in at_10n]).as_json()
        section["sync_seconds"][big] = seconds_of(at_10n)
        section["stages"][big] = child_stage_medians(at_10n)
        section["procedures_self_ms"][big] = child_procedure_medians(at_10n)
        section["runs"][big] = [run.as_json() for run in at_10n]
        section["growth_percent"] = round((peak_10n / peak_n - 1) * 100, 1)
    return section
