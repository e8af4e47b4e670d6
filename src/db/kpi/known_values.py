"""The values each filter accepts, and which given values are not among them."""

from collections.abc import Mapping

import asyncpg

from db.kpi.fetch import fetch_kpi
from db.kpi.filters import MULTI_VALUE_FIELDS, KpiFilters

# Per filter field, the accepted values as text (how filter_values answers them).
KnownValues = Mapping[str, frozenset[str]]


async def filter_values(connection: asyncpg.Connection) -> dict[str, list[asyncpg.Record]]:
    """Per filter, its accepted (value, label) rows in display order, e.g. for /meta/filters."""
    by_filter: dict[str, list[asyncpg.Record]] = {field: [] for field in MULTI_VALUE_FIELDS}
    for row in (await fetch_kpi(connection, "filter_values")).rows:
        by_filter[row["filter"]].append(row)
    return by_filter


def known_among(by_filter: Mapping[str, list[asyncpg.Record]]) -> KnownValues:
    return {field: frozenset(row["value"] for row in rows) for field, rows in by_filter.items()}


async def known_filter_values(connection: asyncpg.Connection) -> KnownValues:
    """What `unknown_values` checks against; callers may keep it while the data stays."""
    return known_among(await filter_values(connection))


def needs_known_values(filters: KpiFilters) -> bool:
    """Only the multi-value filters name values that must exist; the others need no lookup."""
    return any(getattr(filters, field) for field in MULTI_VALUE_FIELDS)


def unknown_values(known: KnownValues, filters: KpiFilters) -> dict[str, list[int | str]]:
    """The given values not among the known ones, by filter field."""
    unknown = {}
    for field in MULTI_VALUE_FIELDS:
        given = getattr(filters, field) or ()
        accepted = known.get(field, frozenset())
        if missing := [value for value in given if str(value) not in accepted]:
            unknown[field] = missing
    return unknown


async def unknown_filter_values(
    connection: asyncpg.Connection, filters: KpiFilters
) -> dict[str, list[int | str]]:
    """The given values no record knows, by filter field (e.g. an API answers 422 with them).

    An unknown value is a mistake to report; a known one that matches nothing is an answer.
    """
    if not needs_known_values(filters):
        return {}
    return unknown_values(await known_filter_values(connection), filters)
