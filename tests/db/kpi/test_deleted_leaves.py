"""A leave marked deleted (gone from a later snapshot) counts in no KPI."""

from db.kpi.fetch import fetch_kpi
from db.kpi.filters import KpiFilters
from db.sql_files import query
from tests.db.kpi.small_world import leave
from tests.records import merge_records

KEPT = leave(1, 203, "2024-08-05", "2024-08-06", leaveDays=2)
DELETED = leave(2, 203, "2024-09-02", "2024-09-04", leaveDays=3)


async def merge_then_delete(connection) -> None:
    await merge_records(connection, [KEPT, DELETED])
    await merge_records(connection, [KEPT])
    await connection.execute(query("sync/refresh_reporting"))


async def test_a_deleted_leave_is_left_out_of_usage(connection):
    await merge_then_delete(connection)

    summary = await fetch_kpi(connection, "summary")
    assert summary.rows[0]["total_leave_days"] == 2


async def test_a_deleted_leave_is_left_out_of_the_history(connection):
    await merge_then_delete(connection)

    history = await fetch_kpi(connection, "leave_history", KpiFilters(employee=(11,)))
    assert [row["leave_id"] for row in history.rows] == [1]


async def test_a_deleted_leave_is_left_out_of_balances(connection):
    await merge_then_delete(connection)

    balances = await fetch_kpi(
        connection, "employee_balances", KpiFilters(employee=(11,), leave_type=(1,))
    )
    assert [(row["used"], row["remaining"]) for row in balances.rows] == [(2, 11)]


async def test_a_deleted_leave_is_left_out_of_per_day_views(connection):
    await merge_then_delete(connection)

    heatmap = await fetch_kpi(connection, "weekday_year_heatmap")
    assert [(row["weekday"], row["leave_days"]) for row in heatmap.rows] == [(1, 1), (2, 1)]
