"""Reading a KPI for the API: the filters checked against what exists, then the one query."""

from dataclasses import dataclass
from datetime import date

import asyncpg

from backend.services.answer_cache import AnswerCache
from db.kpi.catalogue import kpi_named
from db.kpi.fetch import KpiResult, fetch_kpi
from db.kpi.filters import KpiFilters
from db.kpi.known_values import (
    KnownValues,
    known_filter_values,
    needs_known_values,
    unknown_values,
)

KNOWN_VALUES_QUESTION = ("known filter values",)


class FilterProblem(ValueError):
    """A filter the KPI does not take, or a value no record knows; `field` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Paging:
    limit: int | None
    offset: int


async def cached_known_values(cache: AnswerCache, pool: asyncpg.Pool) -> KnownValues:
    """The values filters accept, read once per data version (a new one may bring new values)."""

    async def read() -> KnownValues:
        async with pool.acquire() as connection:
            return await known_filter_values(connection)

    return await cache.answer(pool, KNOWN_VALUES_QUESTION, read)


async def read_kpi(
    pool: asyncpg.Pool,
    name: str,
    filters: KpiFilters,
    paging: Paging,
    *,
    as_of: date | None,
    weekend_days: list[int],
    cache: AnswerCache | None = None,
) -> KpiResult:
    """With a cache, the given values are checked against its known values, not read again.
    The pool plans every call (`create_pool(plan_every_call=True)`, as the API's does)."""
    kpi = kpi_named(name)
    if not_taken := kpi.filters_not_taken(filters):
        raise FilterProblem(not_taken[0], f"{', '.join(not_taken)} does not apply to {name}")
    if needs_known_values(filters):
        if cache is not None:
            known = await cached_known_values(cache, pool)
        else:
            async with pool.acquire() as connection:
                known = await known_filter_values(connection)
        if unknown := unknown_values(known, filters):
            field, values = next(iter(unknown.items()))
            shown = ", ".join(str(value) for value in values[:5])
            raise FilterProblem(field, f"unknown {field}: {shown}")
    async with pool.acquire() as connection:
        return await fetch_kpi(
            connection,
            name,
            filters,
            limit=paging.limit if kpi.is_paginated else None,
            offset=paging.offset if kpi.is_paginated else None,
            as_of=as_of,
            weekend_days=weekend_days,
            session_plans_every_call=True,
        )
