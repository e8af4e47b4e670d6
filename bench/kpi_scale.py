"""`python bench/kpi_scale.py`: every KPI query at the expected scale (161,450 leave records of
~1,500 employees over five fiscal years, loaded by a real sync from the demo upstream), timed
unfiltered and under the filters dashboards use; median of 5 per cell, budget 1 s.

    python bench/kpi_scale.py
    python bench/kpi_scale.py --records 20000 --runs 3 --output /tmp/kpi.json
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse
import asyncio
import statistics
import time
from datetime import UTC, date, datetime, timedelta
from typing import Any

import asyncpg

from backend.services.sync import SyncOptions, run_sync
from bench.machine import describe_machine, load_average
from bench.report import RESULTS_DIR, print_table, write_json
from bench.stack import Databases, demo_upstream, embedded_server, sync_settings, upstream_client
from db.kpi.catalogue import all_kpis
from db.kpi.fetch import fetch_kpi
from db.kpi.filters import KpiFilters
from db.kpi.known_values import filter_values
from db.pool import connect, create_pool

TODAY = date(2025, 3, 1)
BUDGET_MS = 1000.0
SMOKE = {"records": 400, "runs": 1}


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    cli = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    cli.add_argument("--records", type=int, default=161_450)
    cli.add_argument("--runs", type=int, default=5, help="timings per cell (median reported)")
    cli.add_argument("--output", type=Path, default=None)
    cli.add_argument("--smoke", action="store_true", help="tiny: for tests")
    arguments = cli.parse_args(argv)
    if arguments.smoke:
        for name, value in SMOKE.items():
            setattr(arguments, name, value)
    if arguments.output is None:
        arguments.output = RESULTS_DIR / f"kpi-{arguments.records}.json"
    return arguments


async def load_by_sync(database_url: str, records: int) -> float:
    """The data set as the service gets it: a full sync from the demo upstream."""
    with demo_upstream(records, today=TODAY) as upstream:
        settings = sync_settings(database_url, upstream, page_size=10_000)
        pool = await create_pool(database_url, max_size=3)
        try:
            async with upstream_client(settings) as client:
                began = time.perf_counter()
                await run_sync(pool, client, SyncOptions.from_settings(settings), "manual")
                seconds = time.perf_counter() - began
            await pool.execute("ANALYZE")
        finally:
            await pool.close()
    return seconds


async def dashboard_variants(connection: asyncpg.Connection) -> dict[str, KpiFilters]:
    """The filters dashboards use, with values taken from the data: the latest fiscal year,
    the first department, the first employee, the last 30 days."""
    values = await filter_values(connection)
    year = int(values["fiscal_year"][0]["value"])
    department = str(values["department"][0]["value"])
    employee = int(values["employee"][0]["value"])
    return {
        "no filter": KpiFilters(),
        "a fiscal year": KpiFilters(fiscal_year=(year,)),
        "department + year": KpiFilters(fiscal_year=(year,), department=(department,)),
        "an employee": KpiFilters(employee=(employee,)),
        "30 days": KpiFilters(date_from=TODAY - timedelta(days=30), date_to=TODAY),
    }


async def median_ms(
    connection: asyncpg.Connection, name: str, filters: KpiFilters, limit: int | None, runs: int
) -> float:
    durations = []
    for _ in range(runs):
        began = time.perf_counter()
        await fetch_kpi(connection, name, filters, limit=limit, as_of=TODAY)
        durations.append((time.perf_counter() - began) * 1000)
    return statistics.median(durations)


async def time_every_kpi(database_url: str, runs: int) -> tuple[list[str], dict[str, Any]]:
    connection = await connect(database_url)
    try:
        variants = await dashboard_variants(connection)
        timings: dict[str, dict[str, float]] = {}
        for kpi in all_kpis():
            limit = 100 if kpi.is_paginated else None
            timings[kpi.name] = {
                label: round(await median_ms(connection, kpi.name, filters, limit, runs), 2)
                for label, filters in variants.items()
                if filters.given() <= kpi.filters
            }
    finally:
        await connection.close()
    return list(variants), timings


async def measure(arguments: argparse.Namespace) -> dict[str, Any]:
    result: dict[str, Any] = {
        "benchmark": "kpi_scale",
        "records": arguments.records,
        "runs_per_cell": arguments.runs,
        "budget_ms": BUDGET_MS,
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": describe_machine(),
    }
    with embedded_server() as server_url:
        databases = Databases(server_url)
        await databases.prepare_template()
        database_url = await databases.fresh("kpi")
        result["load_sync_seconds"] = round(await load_by_sync(database_url, arguments.records), 2)
        result["variants"], result["median_ms"] = await time_every_kpi(database_url, arguments.runs)
        await databases.drop_all()
    result["over_budget"] = {
        name: max(cells.values())
        for name, cells in result["median_ms"].items()
        if max(cells.values()) > BUDGET_MS
    }
    result["load_average_after"] = load_average()
    return result


def print_result(result: dict[str, Any]) -> None:
    variants = result["variants"]
    rows = [
        (name, *(f"{cells[label]:.1f}" if label in cells else "-" for label in variants))
        for name, cells in result["median_ms"].items()
    ]
    print_table(
        f"KPI queries at {result['records']:,} records, median ms of {result['runs_per_cell']} "
        f"(budget {BUDGET_MS:.0f} ms); load before {result['machine']['load_average_1_5_15']}",
        ("KPI", *variants),
        rows,
    )
    over = result["over_budget"]
    print("\nevery KPI within budget" if not over else f"\nover budget: {over}")


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    result = asyncio.run(measure(arguments))
    print_result(result)
    print(f"\nwrote {write_json(result, arguments.output)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
