"""The sync refreshes the materialized balances after its MERGE, in the same transaction."""

from db.kpi.fetch import fetch_kpi
from db.kpi.filters import KpiFilters
from db.sql_files import query
from tests.db.kpi.small_world import leave
from tests.records import merge_records


async def annual_used(connection) -> list:
    result = await fetch_kpi(
        connection, "employee_balances", KpiFilters(employee=(11,), leave_type=(1,))
    )
    return [row["used"] for row in result.rows]


async def test_balances_change_only_when_the_reporting_objects_are_refreshed(connection):
    await merge_records(connection, [leave(1, 203, "2024-08-05", "2024-08-05", leaveDays=1)])
    assert await annual_used(connection) == []

    await connection.execute(query("sync/refresh_reporting"))
    assert await annual_used(connection) == [1]


async def test_a_refresh_inside_the_merge_transaction_lands_with_it(connection):
    async with connection.transaction():
        await merge_records(connection, [leave(1, 203, "2024-08-05", "2024-08-06", leaveDays=2)])
        await connection.execute(query("sync/refresh_reporting"))

    assert await annual_used(connection) == [2]


async def test_a_merge_and_a_refresh_leave_the_planner_settings_as_they_found_them(connection):
    async with connection.transaction():
        await merge_records(connection, [leave(1, 203, "2024-08-05", "2024-08-06", leaveDays=2)])
        await connection.execute(query("sync/refresh_reporting"))

        settings = await connection.fetchrow(
            "SELECT current_setting('enable_sort') AS sort,"
            " current_setting('enable_mergejoin') AS merge_join,"
            " current_setting('default_statistics_target') AS statistics_target"
        )

    assert tuple(settings) == ("on", "on", "100")
