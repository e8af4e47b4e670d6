"""Runs a KPI's query with its bind values: the one way the API and the dashboard read a KPI."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import asyncpg

from db.kpi.catalogue import Kpi, kpi_named
from db.kpi.filters import KpiFilters
from db.sql_files import query

# ISO weekdays (1 = Monday): Saturday and Sunday, the WEEKEND_DAYS default.
DEFAULT_WEEKEND_DAYS = (6, 7)


@dataclass(frozen=True)
class KpiResult:
    rows: list[asyncpg.Record]
    # Rows matching before limit/offset for a paginated KPI; the number of rows otherwise.
    total: int


async def fetch_kpi(
    connection: asyncpg.Connection,
    name: str,
    filters: KpiFilters | None = None,
    *,
    limit: int | None = None,
    offset: int | None = None,
    as_of: date | None = None,
    weekend_days: Sequence[int] = DEFAULT_WEEKEND_DAYS,
    session_plans_every_call: bool = False,
) -> KpiResult:
    """The KPI's rows for these filters; `limit=None` on a paginated KPI means every row.

    `session_plans_every_call`: the connection comes from `create_pool(plan_every_call=True)`,
    so the query needs no transaction of its own to be planned for its values (three round
    trips fewer)."""
    kpi = kpi_named(name)
    check_paging(kpi, limit, offset)
    check_weekend_days(weekend_days)
    values = {
        **(filters or KpiFilters()).query_values(),
        "as_of": as_of or date.today(),
        "weekend_days": list(weekend_days),
        "limit": limit,
        "offset": offset or 0,
    }
    if session_plans_every_call:
        return await fetch_result(connection, kpi, values)
    async with connection.transaction():
        await connection.execute(query("kpi/plan_every_call"))
        return await fetch_result(connection, kpi, values)


async def fetch_result(
    connection: asyncpg.Connection, kpi: Kpi, values: dict[str, Any]
) -> KpiResult:
    rows = await fetch_rows(connection, kpi, values)
    if not kpi.is_paginated:
        return KpiResult(rows, len(rows))
    if rows or not values["offset"]:
        return KpiResult(rows, rows[0]["total"] if rows else 0)
    # A page past the end still owes its caller the total: the first row carries it.
    first = await fetch_rows(connection, kpi, {**values, "limit": 1, "offset": 0})
    return KpiResult(rows, first[0]["total"] if first else 0)


async def fetch_rows(
    connection: asyncpg.Connection, kpi: Kpi, values: dict[str, Any]
) -> list[asyncpg.Record]:
    return await connection.fetch(query(kpi.query_name), *[values[p] for p in kpi.parameters])


def check_paging(kpi: Kpi, limit: int | None, offset: int | None) -> None:
    if not kpi.is_paginated and (limit is not None or offset is not None):
        raise ValueError(f"KPI {kpi.name!r} is not paginated")
    if (limit is not None and limit < 0) or (offset is not None and offset < 0):
        raise ValueError("limit and offset must not be negative")


def check_weekend_days(weekend_days: Sequence[int]) -> None:
    if not all(1 <= day <= 7 for day in weekend_days):
        raise ValueError(f"weekend days are ISO weekdays 1..7, got {list(weekend_days)}")
