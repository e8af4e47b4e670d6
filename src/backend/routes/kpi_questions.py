"""A KPI request as the answer cache knows it, how its answer is computed, and which questions
are worth answering before anyone asks (what a dashboard opens with)."""

from dataclasses import dataclass
from datetime import date

import asyncpg

from backend.errors import ApiError
from backend.kpi_answers import csv_answer, json_answer, plain_rows
from backend.services.answer_cache import AnswerCache, CachedAnswer, Compute
from backend.services.kpis import FilterProblem, Paging, cached_known_values, read_kpi
from backend.settings import Settings
from db.kpi.catalogue import kpi_named
from db.kpi.filters import KpiFilters
from db.sql_files import query

DEFAULT_LIMIT = 100


@dataclass(frozen=True)
class KpiQuestion:
    name: str
    filters: KpiFilters
    limit: int
    offset: int
    as_csv: bool
    # Fixed when asked: an answer kept past midnight stays the answer for its own day.
    day: date


def answering(
    question: KpiQuestion, pool: asyncpg.Pool, settings: Settings, cache: AnswerCache
) -> Compute:
    async def compute() -> CachedAnswer:
        name = question.name
        try:
            result = await read_kpi(
                pool,
                name,
                question.filters,
                Paging(question.limit, question.offset),
                as_of=question.day,
                weekend_days=settings.weekend_isodows,
                cache=cache,
            )
        except FilterProblem as problem:
            raise ApiError(
                422,
                "invalid_filter",
                str(problem),
                [{"field": f"query.{problem.field}", "problem": str(problem)}],
            ) from None
        rows = plain_rows(result.rows)
        if question.as_csv:
            return csv_answer(name, rows, await kpi_columns(pool, name))
        paged = kpi_named(name).is_paginated
        return json_answer(
            {
                "kpi": name,
                "items": rows,
                "total": result.total,
                "limit": question.limit if paged else None,
                "offset": question.offset if paged else None,
            }
        )

    return compute


COLUMNS: dict[str, list[str]] = {}


async def kpi_columns(pool: asyncpg.Pool, name: str) -> list[str]:
    """The query's own column names, so an empty answer still has its CSV header."""
    if name not in COLUMNS:
        async with pool.acquire() as connection:
            statement = await connection.prepare(query(kpi_named(name).query_name))
            COLUMNS[name] = [a.name for a in statement.get_attributes() if a.name != "total"]
    return COLUMNS[name]


async def opening_questions(
    names: list[str], pool: asyncpg.Pool, settings: Settings, cache: AnswerCache
) -> list[tuple[KpiQuestion, Compute]]:
    """Every KPI for the newest fiscal year (what dashboards open with), unfiltered, then for
    each older fiscal year, as the API's defaults ask for them: in that order, most asked
    first, before anyone's filters narrow them."""
    known = await cached_known_values(cache, pool)
    years = sorted((int(year) for year in known.get("fiscal_year", ())), reverse=True)
    by_year = [KpiFilters(fiscal_year=(year,)) for year in years]
    today = date.today()
    questions = []
    for filters in [*by_year[:1], KpiFilters(), *by_year[1:]]:
        for name in names:
            if not kpi_named(name).filters_not_taken(filters):
                question = KpiQuestion(name, filters, DEFAULT_LIMIT, 0, False, today)
                questions.append((question, answering(question, pool, settings, cache)))
    return questions
