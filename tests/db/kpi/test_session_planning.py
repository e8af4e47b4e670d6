"""On a session that plans every call, a KPI is read without a transaction of its own, and
answers the same."""

import pytest

from db.kpi.fetch import fetch_kpi
from db.kpi.filters import KpiFilters
from db.pool import create_pool


@pytest.mark.parametrize(
    ("name", "offset"), [("summary", None), ("top_employees", 0), ("top_employees", 10_000)]
)
async def test_a_kpi_read_on_a_session_planning_every_call_answers_the_same(
    seeded, seeded_database_url, name, offset
):
    paging = {"limit": 5, "offset": offset} if offset is not None else {}
    expected = await fetch_kpi(seeded, name, KpiFilters(), **paging)

    pool = await create_pool(seeded_database_url, max_size=1, plan_every_call=True)
    try:
        async with pool.acquire() as connection:
            answer = await fetch_kpi(
                connection, name, KpiFilters(), session_plans_every_call=True, **paging
            )
    finally:
        await pool.close()

    assert [dict(row) for row in answer.rows] == [dict(row) for row in expected.rows]
    assert answer.total == expected.total
