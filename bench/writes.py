"""Rows a run wrote, read from PostgreSQL's own counters, and its procedures' timings.

A backend reports its counters to the statistics system at commit at most once a second and
always when it exits; so the sync's pool is closed first and the counters read once settled.
"""

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass

import asyncpg

SETTLE_ATTEMPTS = 50
SETTLE_PAUSE_SECONDS = 0.1

TABLE_WRITES = """
SELECT schemaname || '.' || relname AS name, n_tup_ins + n_tup_upd + n_tup_del AS written
FROM pg_stat_user_tables
WHERE schemaname = ANY($1::text[])
"""
FUNCTION_TIMES = """
SELECT schemaname || '.' || funcname AS name, calls, total_time, self_time
FROM pg_stat_user_functions
WHERE schemaname IN ('dbo', 'reporting')
"""
OTHER_BACKENDS = """
SELECT count(*) FROM pg_stat_activity
WHERE datname = current_database() AND pid <> pg_backend_pid()
  AND backend_type = 'client backend'
"""


@dataclass(frozen=True)
class FunctionTime:
    calls: int
    total_ms: float
    self_ms: float


async def settled(connection: asyncpg.Connection, sql: str, *arguments: object) -> list:
    """The rows of a statistics query once every other backend has gone and two reads agree."""
    previous = None
    for _ in range(SETTLE_ATTEMPTS):
        if await connection.fetchval(OTHER_BACKENDS) == 0:
            await connection.execute("SELECT pg_stat_clear_snapshot()")
            rows = [tuple(row) for row in await connection.fetch(sql, *arguments)]
            if rows == previous:
                return rows
            previous = rows
        await asyncio.sleep(SETTLE_PAUSE_SECONDS)
    raise TimeoutError("statistics did not settle; is something else using the database?")


async def table_writes(database_url: str, schemas: tuple[str, ...] = ("dbo",)) -> dict[str, int]:
    """Rows inserted + updated + deleted so far, per table of `schemas`."""
    connection = await asyncpg.connect(database_url)
    try:
        rows = await settled(connection, TABLE_WRITES, list(schemas))
    finally:
        await connection.close()
    return {name: int(written) for name, written in rows}


async def function_times(database_url: str) -> dict[str, FunctionTime]:
    connection = await asyncpg.connect(database_url)
    try:
        rows = await settled(connection, FUNCTION_TIMES)
    finally:
        await connection.close()
    return {name: FunctionTime(calls, total, own) for name, calls, total, own in rows}


def written_between(before: Mapping[str, int], after: Mapping[str, int]) -> dict[str, int]:
    """Per table, the rows written between two readings; tables with none are left out."""
    changes = {name: after[name] - before.get(name, 0) for name in after}
    return {name: count for name, count in sorted(changes.items()) if count}


def function_time_between(
    before: Mapping[str, FunctionTime], after: Mapping[str, FunctionTime]
) -> dict[str, FunctionTime]:
    zero = FunctionTime(0, 0.0, 0.0)
    spent = {}
    for name, now in after.items():
        then = before.get(name, zero)
        if now.calls > then.calls:
            spent[name] = FunctionTime(
                now.calls - then.calls, now.total_ms - then.total_ms, now.self_ms - then.self_ms
            )
    return spent
