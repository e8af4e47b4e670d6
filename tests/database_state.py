"""What the dashboard would read: every dbo row, to compare before and after a run."""

import asyncpg

DBO_TABLES = (
    "departments",
    "designations",
    "team_managers",
    "leave_issuers",
    "leave_types",
    "fiscal_years",
    "allocations",
    "employees",
    "employee_allocations",
    "employee_leave_issuer",
    "employee_leaves",
)


async def dbo_contents(pool: asyncpg.Pool) -> dict[str, list[str]]:
    contents = {}
    for table in DBO_TABLES:
        rows = await pool.fetch(f"SELECT t::text AS row FROM dbo.{table} t ORDER BY 1")
        contents[table] = [row["row"] for row in rows]
    return contents


async def live_leave_ids(pool: asyncpg.Pool) -> set[int]:
    rows = await pool.fetch("SELECT id FROM dbo.employee_leaves WHERE deleted_at IS NULL")
    return {row["id"] for row in rows}
