"""What the dashboard would read: every dbo row, to compare before and after a run."""

import asyncpg

from backend.backup.tables import TABLES

DBO_TABLES = TABLES


async def dbo_contents(pool: asyncpg.Pool) -> dict[str, list[str]]:
    contents = {}
    for table in DBO_TABLES:
        rows = await pool.fetch(f"SELECT t::text AS row FROM dbo.{table} t ORDER BY 1")
        contents[table] = [row["row"] for row in rows]
    return contents


async def live_leave_ids(pool: asyncpg.Pool) -> set[int]:
    rows = await pool.fetch("SELECT id FROM dbo.employee_leaves WHERE deleted_at IS NULL")
    return {row["id"] for row in rows}
