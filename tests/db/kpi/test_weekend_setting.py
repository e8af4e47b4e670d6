"""Per-day views expand a leave to its working days, and the weekend setting decides which.

The leave: Friday 2024-08-09 to Monday 2024-08-12, 2 leave days.
"""

from datetime import date

from db.kpi.fetch import fetch_kpi
from db.kpi.filters import KpiFilters
from db.sql_files import query
from tests.db.kpi.small_world import leave
from tests.records import merge_records

FRIDAY_TO_MONDAY = leave(1, 203, "2024-08-09", "2024-08-12", leaveDays=2)
SUNDAY = date(2024, 8, 11)


async def synced(connection, records: list[dict]) -> None:
    """Merged and refreshed, as a sync run does."""
    await merge_records(connection, records)
    await connection.execute(query("sync/refresh_reporting"))


async def weekday_days(connection, weekend_days: tuple[int, ...]) -> list[tuple]:
    result = await fetch_kpi(connection, "weekday_year_heatmap", weekend_days=weekend_days)
    return [(row["weekday"], row["leave_days"]) for row in result.rows]


async def test_with_a_saturday_and_sunday_weekend_the_days_fall_on_friday_and_monday(connection):
    await synced(connection, [FRIDAY_TO_MONDAY])

    assert await weekday_days(connection, (6, 7)) == [(1, 1), (5, 1)]


async def test_with_a_saturday_weekend_the_days_spread_over_friday_sunday_and_monday(connection):
    await synced(connection, [FRIDAY_TO_MONDAY])

    assert await weekday_days(connection, (6,)) == [(1, 2 / 3), (5, 2 / 3), (7, 2 / 3)]


async def test_a_half_day_counts_half_on_its_day(connection):
    await synced(connection, [leave(1, 203, "2024-08-07", "2024-08-07", leaveDays=0.5)])

    assert await weekday_days(connection, (6, 7)) == [(3, 0.5)]


async def test_on_a_weekend_day_nobody_is_on_leave(connection):
    await synced(connection, [FRIDAY_TO_MONDAY])

    summary = await fetch_kpi(connection, "summary", as_of=SUNDAY, weekend_days=(6, 7))
    assert summary.rows[0]["employees_on_leave_today"] == 0


async def test_a_sunday_is_a_working_day_when_only_saturday_is_weekend(connection):
    await synced(connection, [FRIDAY_TO_MONDAY])

    summary = await fetch_kpi(connection, "summary", as_of=SUNDAY, weekend_days=(6,))
    assert summary.rows[0]["employees_on_leave_today"] == 1


async def test_daily_availability_lists_working_days_only(connection):
    await synced(connection, [FRIDAY_TO_MONDAY])
    weekend = KpiFilters(date_from=date(2024, 8, 9), date_to=date(2024, 8, 12))

    result = await fetch_kpi(connection, "daily_availability", weekend, weekend_days=(6, 7))
    assert [(row["day"], row["on_leave"], row["available"]) for row in result.rows] == [
        (date(2024, 8, 9), 1, 0),
        (date(2024, 8, 12), 1, 0),
    ]
