"""Every KPI at the expected scale (160,000 leave records, ~1,500 employees, five fiscal
years) answers well under a second, unfiltered and under the filters dashboards use.

A scale test, skipped unless asked for; prints a timing table with -s:
    .venv/bin/python -m pytest tests/db/kpi/test_scale.py -m slow -s -q
"""

import statistics
import time
import uuid
from collections.abc import AsyncIterator
from datetime import date

import pytest
import pytest_asyncio

from db.dsn import with_database
from db.kpi.catalogue import all_kpis
from db.kpi.fetch import fetch_kpi
from db.kpi.filters import KpiFilters
from db.pool import connect
from db.sql_files import query
from tests.conftest import create_database, drop_database
from tests.records import merge_records
from vyaguta_demo.dataset import generate

pytestmark = pytest.mark.slow

TODAY = date(2025, 3, 1)
VARIANTS = {
    "no filter": KpiFilters(),
    "a fiscal year": KpiFilters(fiscal_year=(102,)),
    "department + year": KpiFilters(fiscal_year=(102,), department=("Engineering",)),
    "an employee": KpiFilters(employee=(30,)),
    "30 days": KpiFilters(date_from=date(2025, 1, 30), date_to=date(2025, 2, 28)),
}
BUDGET_MS = 1000


@pytest_asyncio.fixture(scope="module")
async def large_database_url(request, postgres_url, template_database) -> AsyncIterator[str]:
    if "slow" not in request.config.getoption("markexpr"):
        pytest.skip("a scale test: run with -m slow")
    name = f"kpi_scale_{uuid.uuid4().hex[:12]}"
    await create_database(postgres_url, name, template=template_database)
    url = with_database(postgres_url, name)
    connection = await connect(url)
    try:
        await merge_records(connection, generate(records=160_000, seed=7, today=TODAY))
        await connection.execute(query("sync/refresh_reporting"))
        await connection.execute("ANALYZE")
    finally:
        await connection.close()
    yield url
    await drop_database(postgres_url, name)


async def median_ms(connection, name: str, filters: KpiFilters, limit: int | None) -> float:
    durations = []
    for _ in range(5):
        started = time.perf_counter()
        await fetch_kpi(connection, name, filters, limit=limit, as_of=TODAY)
        durations.append((time.perf_counter() - started) * 1000)
    return statistics.median(durations)


async def test_every_kpi_answers_within_budget_at_160k_leaves(large_database_url):
    connection = await connect(large_database_url)
    timings: dict[str, dict[str, float]] = {}
    try:
        for kpi in all_kpis():
            limit = 100 if kpi.is_paginated else None
            timings[kpi.name] = {
                label: await median_ms(connection, kpi.name, filters, limit)
                for label, filters in VARIANTS.items()
                if filters.given() <= kpi.filters
            }
    finally:
        await connection.close()

    print(f"\n{'median ms of 5':32}" + "".join(f"{label:>19}" for label in VARIANTS))
    for name, by_variant in timings.items():
        cells = [
            f"{by_variant[label]:19.1f}" if label in by_variant else f"{'-':>19}"
            for label in VARIANTS
        ]
        print(f"{name:32}" + "".join(cells))
    slow = {
        name: max(by_variant.values())
        for name, by_variant in timings.items()
        if max(by_variant.values()) > BUDGET_MS
    }
    assert slow == {}
