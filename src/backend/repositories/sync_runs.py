"""ops.sync_runs and raw.rejected_leaves."""

from dataclasses import dataclass
from typing import Any

import asyncpg

from backend.ingest.upstream import DateWindow
from db.sql_files import query


@dataclass(frozen=True)
class RunCounts:
    fetched: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    rejected: int = 0


async def insert_running_run(
    pool: asyncpg.Pool, trigger: str, kind: str, window: DateWindow
) -> int:
    return await pool.fetchval(
        query("sync_runs/insert_running"), trigger, kind, window.start, window.end
    )


async def finish_run(
    executor: asyncpg.Pool | asyncpg.Connection,
    run_id: int,
    status: str,
    counts: RunCounts,
    *,
    error: str | None = None,
) -> bool:
    """False when the run had already finished: its first outcome stands."""
    status_line = await executor.execute(
        query("sync_runs/finish"),
        run_id,
        status,
        counts.fetched,
        counts.inserted,
        counts.updated,
        counts.unchanged,
        counts.deleted,
        counts.rejected,
        error,
    )
    return status_line == "UPDATE 1"


async def fail_interrupted_runs(pool: asyncpg.Pool) -> list[int]:
    return [row["id"] for row in await pool.fetch(query("sync_runs/fail_interrupted"))]


async def find_running_run_id(pool: asyncpg.Pool) -> int | None:
    return await pool.fetchval(query("sync_runs/find_running"))


async def get_run(pool: asyncpg.Pool, run_id: int) -> dict[str, Any] | None:
    row = await pool.fetchrow(query("sync_runs/get"), run_id)
    return dict(row) if row else None


async def list_runs(
    pool: asyncpg.Pool, limit: int, offset: int, status: str | None = None
) -> tuple[list[dict[str, Any]], int]:
    rows = await pool.fetch(query("sync_runs/list"), limit, offset, status)
    total = await pool.fetchval(query("sync_runs/count"), status)
    return [dict(row) for row in rows], total


async def insert_rejected(pool: asyncpg.Pool, rows: list[tuple[int, Any, str]]) -> None:
    await pool.copy_records_to_table(
        "rejected_leaves",
        schema_name="raw",
        columns=("sync_run_id", "payload", "reason"),
        records=rows,
    )


async def forget_rejected(pool: asyncpg.Pool, run_id: int) -> None:
    await pool.execute(query("sync_runs/delete_rejected"), run_id)


async def list_rejected(
    pool: asyncpg.Pool, run_id: int, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    rows = await pool.fetch(query("sync_runs/list_rejected"), run_id, limit, offset)
    total = await pool.fetchval(query("sync_runs/count_rejected"), run_id)
    return [dict(row) for row in rows], total


async def seconds_since_last_full_sync(pool: asyncpg.Pool) -> float | None:
    return await pool.fetchval(query("sync_runs/seconds_since_last_full_sync"))


async def seconds_since_last_success(pool: asyncpg.Pool) -> float | None:
    return await pool.fetchval(query("sync_runs/seconds_since_last_success"))
