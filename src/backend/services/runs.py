"""A run that changes dbo: exclusive across every process, one transaction, always on record.

The run's own row in ops.sync_runs is written outside that transaction, so a failed run is
on record too.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextlib import suppress
from typing import Any

import asyncpg

from backend.ingest.upstream import DateWindow, UpstreamError
from backend.logs import tagged_with_run
from backend.repositories import sync_runs
from backend.repositories.sync_runs import RunCounts
from db.sql_files import query

logger = logging.getLogger(__name__)

# One run at a time across every process and replica sharing the database.
SYNC_LOCK_KEY = 7_531_002_002

# Does the run's work inside its transaction; answers "succeeded" (commit) or "skipped".
Work = Callable[[asyncpg.Connection, int], Awaitable[str]]


class SyncAlreadyRunning(Exception):
    def __init__(self, run_id: int | None) -> None:
        what = f"sync run {run_id}" if run_id else "a sync, upload or restore"
        super().__init__(f"{what} is already running")
        self.run_id = run_id


class RunRefused(Exception):
    """The input arrived, but it is not one we will trust; nothing is changed."""

    def __init__(self, reason: str, counts: RunCounts) -> None:
        super().__init__(reason)
        self.counts = counts


class SyncFailed(Exception):
    def __init__(self, run: dict[str, Any], *, kind: str) -> None:
        super().__init__(run["error"])
        self.run = run
        self.kind = kind

    @property
    def upstream_fault(self) -> bool:
        return self.kind.startswith("upstream") or self.kind == "refused"


async def run_exclusively(
    pool: asyncpg.Pool, trigger: str, kind: str, window: DateWindow, work: Work
) -> dict[str, Any]:
    """Run `work` under the sync lock; answer the run record, or raise SyncAlreadyRunning
    or SyncFailed."""
    async with pool.acquire() as connection:
        transaction = connection.transaction()
        await transaction.start()
        run_id: int | None = None
        try:
            if not await connection.fetchval(query("sync/try_lock"), SYNC_LOCK_KEY):
                raise SyncAlreadyRunning(await running_run_id(pool))
            if interrupted := await sync_runs.fail_interrupted_runs(pool):
                logger.warning("marked interrupted runs as failed: %s", interrupted)
            run_id = await sync_runs.insert_running_run(pool, trigger, kind, window)
            with tagged_with_run(run_id):
                logger.info("%s %s run started", trigger, kind)
                if await work(connection, run_id) == "succeeded":
                    await transaction.commit()
                else:
                    await transaction.rollback()
        except SyncAlreadyRunning:
            await transaction.rollback()
            raise
        except (Exception, asyncio.CancelledError) as error:
            with suppress(Exception):
                await transaction.rollback()
            if run_id is None:
                raise
            await record_failure(pool, run_id, error)
            if isinstance(error, asyncio.CancelledError):
                raise
            failed = await sync_runs.get_run(pool, run_id)
            raise SyncFailed(failed, kind=failure_kind(error)) from error
    run = await sync_runs.get_run(pool, run_id)
    assert run is not None
    with tagged_with_run(run_id):
        log_outcome(run)
    return run


async def running_run_id(pool: asyncpg.Pool, attempts: int = 20) -> int | None:
    """The run holding the lock; it writes its record just after taking the lock, so wait a bit."""
    for _ in range(attempts):
        if (run_id := await sync_runs.find_running_run_id(pool)) is not None:
            return run_id
        await asyncio.sleep(0.05)
    return None


def log_outcome(run: dict[str, Any]) -> None:
    logger.info(
        "run %s in %.1f s: fetched %d, inserted %d, updated %d, unchanged %d, deleted %d, "
        "rejected %d",
        run["status"],
        run["duration_seconds"] or 0,
        run["fetched"],
        run["inserted"],
        run["updated"],
        run["unchanged"],
        run["deleted"],
        run["rejected"],
    )


def failure_kind(error: BaseException) -> str:
    """A small, fixed set of names: what metrics count failures by."""
    if isinstance(error, asyncio.CancelledError):
        return "interrupted"
    if isinstance(error, RunRefused):
        return "refused"
    if isinstance(error, UpstreamError):
        return error.kind
    if isinstance(error, asyncpg.PostgresError | asyncpg.InterfaceError | OSError):
        return "database"
    return "internal"


def failure_reason(error: BaseException) -> str:
    if isinstance(error, asyncio.CancelledError):
        return "interrupted: the service stopped during the run"
    if isinstance(error, UpstreamError | RunRefused):
        return str(error)
    if isinstance(error, asyncpg.PostgresError):
        return f"database error {error.sqlstate}: {error}"[:1000]
    if isinstance(error, asyncpg.InterfaceError | OSError):
        return f"database connection lost: {type(error).__name__}"
    return f"internal error: {type(error).__name__}"


async def record_failure(pool: asyncpg.Pool, run_id: int, error: BaseException) -> None:
    reason = failure_reason(error)
    counts = error.counts if isinstance(error, RunRefused) else RunCounts()
    with tagged_with_run(run_id):
        if isinstance(error, asyncio.CancelledError):
            logger.warning("run interrupted: the service is stopping; nothing was changed")
        elif isinstance(error, UpstreamError | RunRefused):
            logger.error("run failed: %s", reason)
        else:
            # A database message may quote a value from a record: log only the error's kind.
            logger.error("run failed: %s", type(error).__name__)
        try:
            if not await sync_runs.finish_run(pool, run_id, "failed", counts, error=reason):
                logger.warning("the run had already recorded its outcome; that record stands")
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError):
            logger.exception("could not record the failure")
