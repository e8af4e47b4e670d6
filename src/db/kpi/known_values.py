"""The values each filter accepts, and which given values are not among them."""

import asyncpg

from db.kpi.fetch import fetch_kpi
from db.kpi.filters import MULTI_VALUE_FIELDS, KpiFilters


async def filter_values(connection: asyncpg.Connection) -> dict[str, list[asyncpg.Record]]:
    """Per filter, its accepted (value, label) rows in display order, e.g. for /meta/filters."""
    by_filter: dict[str, list[asyncpg.Record]] = {field: [] for field in MULTI_VALUE_FIELDS}
    for row in (await fetch_kpi(connection, "filter_values")).rows:
        by_filter[row["filter"]].append(row)
    return by_filter


async def unknown_filter_values(
    connection: asyncpg.Connection, filters: KpiFilters
) -> dict[str, list[int | str]]:
    """The given values no record knows, by filter field (e.g. an API answers 422 with them).

    An unknown value is a mistake to report; a known one that matches nothing is an answer.
    """
    known = {
        field: {row["value"] for row in rows}
        for field, rows in (await filter_values(connection)).items()
    }
    unknown = {}
    for field in MULTI_VALUE_FIELDS:
        given = getattr(filters, field) or ()
        if missing := [value for value in given if str(value) not in known[field]]:
            unknown[field] = missing
    return unknown
