"""Balances across fiscal years, carry-over worked out by hand.

Annual leave: 13 days a year, up to 8 carried over. Sick leave: 12 days, none carried.
"""

from db.kpi.fetch import fetch_kpi
from db.kpi.filters import KpiFilters
from db.sql_files import query
from tests.db.kpi.small_world import SICK, colleague, leave
from tests.records import merge_records

COLUMNS = (
    "fiscal_year_id",
    "leave_type_id",
    "carried_over",
    "allotted",
    "used",
    "pending",
    "remaining",
)


def three_years_of_employee_11() -> list[dict]:
    return [
        # 201: used 3 of 13 (a rejected request never counts), 2 pending -> 10 unused, carry 8.
        leave(1, 201, "2022-08-01", "2022-08-03", leaveDays=3),
        leave(2, 201, "2022-09-05", "2022-09-06", leaveDays=2, status="REQUESTED"),
        leave(3, 201, "2022-10-03", "2022-10-07", leaveDays=5, status="REJECTED"),
        # 202: 13 + 8 = 21 allotted, 20 used -> 1 unused, carry 1.
        leave(4, 202, "2023-08-01", "2023-08-28", leaveDays=20),
        # 203: 13 + 1 = 14 allotted, 16 used -> -2 remaining, shown; next year carries 0.
        leave(5, 203, "2024-08-01", "2024-08-22", leaveDays=16),
        # Sick leave never carries over, whatever is left.
        leave(6, 201, "2022-11-07", "2022-11-07", leaveDays=1, **SICK),
        # Employee 12 first appears in 203: no carry-over invented from years before.
        colleague(7, 203, "2024-09-02", "2024-09-03", leaveDays=2),
        # Someone's leave in 204 makes that fiscal year known.
        colleague(8, 204, "2025-08-04", "2025-08-04", leaveDays=1),
    ]


async def balances_of(connection, employee: int) -> list[tuple]:
    result = await fetch_kpi(connection, "employee_balances", KpiFilters(employee=(employee,)))
    return [tuple(row[column] for column in COLUMNS) for row in result.rows]


async def test_carry_over_is_capped_by_transferable_days_and_never_negative(connection):
    await merge_records(connection, three_years_of_employee_11())
    await connection.execute(query("sync/refresh_reporting"))

    assert await balances_of(connection, 11) == [
        (201, 1, 0, 13, 3, 2, 10),
        (201, 2, 0, 12, 1, 0, 11),
        (202, 1, 8, 21, 20, 0, 1),
        (202, 2, 0, 12, 0, 0, 12),
        (203, 1, 1, 14, 16, 0, -2),
        (203, 2, 0, 12, 0, 0, 12),
        (204, 1, 0, 13, 0, 0, 13),
        (204, 2, 0, 12, 0, 0, 12),
    ]


async def test_an_employees_balances_start_at_their_first_year_with_a_leave(connection):
    await merge_records(connection, three_years_of_employee_11())
    await connection.execute(query("sync/refresh_reporting"))

    assert await balances_of(connection, 12) == [
        (203, 1, 0, 13, 2, 0, 11),
        (203, 2, 0, 12, 0, 0, 12),
        (204, 1, 8, 21, 1, 0, 20),
        (204, 2, 0, 12, 0, 0, 12),
    ]


STORED_AGAINST_RECOMPUTED = """
SELECT (SELECT array_agg(b::text ORDER BY b::text) FROM reporting.leave_balances AS b),
       (SELECT array_agg(b::text ORDER BY b::text) FROM reporting.leave_balances_of(NULL) AS b)
"""


async def merge_and_refresh(connection, records: list[dict]) -> None:
    async with connection.transaction():
        await merge_records(connection, records)
        await connection.execute(query("sync/refresh_reporting"))


async def assert_stored_balances_are_a_full_recompute(connection) -> None:
    stored, recomputed = await connection.fetchrow(STORED_AGAINST_RECOMPUTED)
    assert stored == recomputed


async def test_a_changed_leave_refreshes_its_employees_balances_as_a_full_recompute_would(
    connection,
):
    records = three_years_of_employee_11()
    await merge_and_refresh(connection, records)
    records[0]["leaveDays"] = 1

    await merge_and_refresh(connection, records)

    await assert_stored_balances_are_a_full_recompute(connection)
    assert (await balances_of(connection, 11))[0][4] == 1


async def test_a_leave_moved_to_another_employee_refreshes_both(connection):
    records = three_years_of_employee_11()
    await merge_and_refresh(connection, records)
    records[4]["userId"] = 12

    await merge_and_refresh(connection, records)

    await assert_stored_balances_are_a_full_recompute(connection)


async def test_balances_of_a_year_no_longer_first_for_the_employee_are_deleted(connection):
    records = three_years_of_employee_11()
    await merge_and_refresh(connection, records)
    records[6] = colleague(7, 204, "2025-09-01", "2025-09-02", leaveDays=2)

    await merge_and_refresh(connection, records)

    await assert_stored_balances_are_a_full_recompute(connection)
    assert [balance[0] for balance in await balances_of(connection, 12)] == [204, 204]


STORED_VERSIONS = """
SELECT fiscal_year_id, leave_type_id, xmin::text AS version
FROM reporting.leave_balances WHERE employee_id = 11
ORDER BY fiscal_year_id, leave_type_id
"""


async def test_a_refresh_writes_only_the_balances_that_differ(connection):
    records = three_years_of_employee_11()
    await merge_and_refresh(connection, records)
    before = {tuple(row[:2]): row[2] for row in await connection.fetch(STORED_VERSIONS)}
    records[0]["leaveDays"] = 1  # annual leave of 201: 3 days used -> 1; still 8 carried

    await merge_and_refresh(connection, records)

    after = {tuple(row[:2]): row[2] for row in await connection.fetch(STORED_VERSIONS)}
    rewritten = sorted(key for key in after if after[key] != before[key])
    assert rewritten == [(201, 1)]
