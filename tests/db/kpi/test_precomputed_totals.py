"""KPIs asked without a date range or an employee read precomputed totals (migration 0012),
kept by the refresh; they answer exactly what the leaves themselves answer."""

from datetime import date

import pytest

from db.kpi.catalogue import kpi_named
from db.kpi.fetch import fetch_kpi
from db.kpi.filters import KpiFilters
from db.kpi.known_values import filter_values
from db.sql_files import query
from tests.db.kpi.small_world import colleague, leave
from tests.records import merge_records

FROM_TOTALS = (
    "summary",
    "monthly_trend_by_status",
    "monthly_trend_by_leave_type",
    "leave_by_department",
    "leave_by_designation",
    "leave_by_leave_type",
    "top_employees",
    "month_year_heatmap",
    "weekday_year_heatmap",
    "late_applications",
    "issuer_reassignment",
)
# A date range every leave overlaps: the same question, answered from the leaves.
EVERY_DAY = {"date_from": date(1900, 1, 1), "date_to": date(2999, 12, 31)}


async def from_totals_and_from_leaves(connection, name: str, **filters) -> tuple[list, list]:
    taken = {key: value for key, value in filters.items() if key in kpi_named(name).filters}
    totals = await fetch_kpi(connection, name, KpiFilters(**taken))
    leaves = await fetch_kpi(connection, name, KpiFilters(**taken, **EVERY_DAY))
    return [dict(row) for row in totals.rows], [dict(row) for row in leaves.rows]


async def refreshed(connection, records: list[dict]) -> None:
    await merge_records(connection, records)
    await connection.execute(query("sync/refresh_reporting"))


@pytest.mark.parametrize("name", FROM_TOTALS)
async def test_a_kpi_answers_the_same_from_the_totals_as_from_the_leaves(seeded, name):
    values = await filter_values(seeded)
    year, department = int(values["fiscal_year"][0]["value"]), values["department"][0]["value"]
    for filters in (
        {},
        {"fiscal_year": (year,)},
        {"department": (department,), "status": ("APPROVED", "REQUESTED")},
    ):
        from_totals, from_leaves = await from_totals_and_from_leaves(seeded, name, **filters)

        assert from_totals == from_leaves


async def test_a_leave_moved_to_other_days_moves_in_the_totals(connection):
    await refreshed(connection, [leave(1, 203, "2024-08-05", "2024-08-06", leaveDays=2)])

    await refreshed(connection, [leave(1, 203, "2024-09-02", "2024-09-03", leaveDays=2)])

    from_totals, from_leaves = await from_totals_and_from_leaves(
        connection, "monthly_trend_by_status"
    )
    assert [row["month"] for row in from_totals] == [date(2024, 9, 1)]
    assert from_totals == from_leaves


async def test_an_employee_moved_to_another_department_takes_their_leave_along(connection):
    await refreshed(connection, [colleague(1, 203, "2024-08-05", "2024-08-06", leaveDays=2)])

    moved = colleague(1, 203, "2024-08-05", "2024-08-06", leaveDays=2)
    await refreshed(connection, [{**moved, "departmentDescription": "Finance"}])

    for name in ("month_year_heatmap", "leave_by_department"):
        from_totals, from_leaves = await from_totals_and_from_leaves(
            connection, name, department=("Finance",)
        )
        assert from_totals == from_leaves
        assert sum(row["leave_days"] for row in from_totals) == 2


async def test_a_leave_moved_to_another_fiscal_year_leaves_the_first_ones_totals(connection):
    await refreshed(connection, [leave(1, 203, "2024-08-05", "2024-08-06", leaveDays=2)])

    await refreshed(connection, [leave(1, 204, "2025-08-04", "2025-08-05", leaveDays=2)])

    for year, days in ((203, 0), (204, 2)):
        from_totals, from_leaves = await from_totals_and_from_leaves(
            connection, "summary", fiscal_year=(year,)
        )
        assert from_totals == from_leaves
        assert from_totals[0]["total_leave_days"] == days
