"""What the dashboard would read: every dbo row, to compare before and after a run."""

import asyncpg

from backend.backup.tables import TABLES

DBO_TABLES = TABLES

# A table's indexes and constraints, as definitions: $1 is the table's name.
TABLE_SHAPE = """
SELECT array_agg(definition ORDER BY definition) FROM (
    SELECT pg_get_indexdef(indexrelid) AS definition
    FROM pg_index WHERE indrelid = $1::regclass
    UNION ALL
    SELECT conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated
    FROM pg_constraint WHERE conrelid = $1::regclass
) AS shape
"""


async def dbo_contents(pool: asyncpg.Pool) -> dict[str, list[str]]:
    contents = {}
    for table in DBO_TABLES:
        rows = await pool.fetch(f"SELECT t::text AS row FROM dbo.{table} t ORDER BY 1")
        contents[table] = [row["row"] for row in rows]
    return contents


async def live_leave_ids(pool: asyncpg.Pool) -> set[int]:
    rows = await pool.fetch("SELECT id FROM dbo.employee_leaves WHERE deleted_at IS NULL")
    return {row["id"] for row in rows}
