"""One sync run: the whole snapshot lands in one transaction, or nothing changes.

The run's own record in ops.sync_runs is written outside that transaction, so a failed
run is on record too.
"""

import asyncio
import logging
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

import asyncpg

from backend.ingest.snapshot import LoadedSnapshot, load_snapshot
from backend.ingest.upstream import DateWindow, UpstreamError, VyagutaClient
from backend.logs import tagged_with_run
from backend.repositories import sync_runs
from backend.repositories.sync_runs import RunCounts
from backend.settings import Settings
from db.sql_files import query

logger = logging.getLogger(__name__)

# One sync at a time across every process and replica sharing the database.
SYNC_LOCK_KEY = 7_531_002_002


@dataclass(frozen=True)
class SyncOptions:
    window: DateWindow
    page_size: int
    max_pages: int
    max_rejected_share: float

    @classmethod
    def from_settings(cls, settings: Settings) -> "SyncOptions":
        return cls(
            window=DateWindow(settings.vyaguta_start_date, settings.vyaguta_end_date),
            page_size=settings.vyaguta_page_size,
            max_pages=settings.vyaguta_max_pages,
            max_rejected_share=settings.max_rejected_share,
        )


class SyncAlreadyRunning(Exception):
    def __init__(self, run_id: int | None) -> None:
        super().__init__(f"sync run {run_id} is already running")
        self.run_id = run_id


class SnapshotRefused(Exception):
    """The upstream answered, but with a snapshot we will not trust."""

    def __init__(self, reason: str, counts: RunCounts) -> None:
        super().__init__(reason)
        self.counts = counts


class SyncFailed(Exception):
    def __init__(self, run: dict[str, Any], *, upstream_fault: bool) -> None:
        super().__init__(run["error"])
        self.run = run
        self.upstream_fault = upstream_fault


async def run_sync(
    pool: asyncpg.Pool, client: VyagutaClient, options: SyncOptions, trigger: str
) -> dict[str, Any]:
    """Run a sync now and answer its run record; raises SyncAlreadyRunning or SyncFailed."""
    async with pool.acquire() as connection:
        transaction = connection.transaction()
        await transaction.start()
        run_id: int | None = None
        try:
            if not await connection.fetchval(query("sync/try_lock"), SYNC_LOCK_KEY):
                raise SyncAlreadyRunning(await running_run_id(pool))
            if interrupted := await sync_runs.fail_interrupted_runs(pool):
                logger.warning("marked interrupted runs as failed: %s", interrupted)
            run_id = await sync_runs.insert_running_run(pool, trigger, options.window)
            with tagged_with_run(run_id):
                logger.info("sync started (trigger %s)", trigger)
                status = await sync_in_transaction(connection, pool, client, options, run_id)
                if status == "succeeded":
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
            run = await sync_runs.get_run(pool, run_id)
            raise SyncFailed(run, upstream_fault=is_upstream_fault(error)) from error
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


async def sync_in_transaction(
    connection: asyncpg.Connection,
    pool: asyncpg.Pool,
    client: VyagutaClient,
    options: SyncOptions,
    run_id: int,
) -> str:
    """Load and merge; answers 'succeeded' (commit) or 'skipped' (roll back, nothing new)."""
    snapshot = await load_snapshot(
        connection,
        pool,
        client,
        run_id=run_id,
        window=options.window,
        page_size=options.page_size,
        max_pages=options.max_pages,
    )
    await refuse_suspicious_snapshot(connection, snapshot, options)
    if snapshot.digest == await sync_runs.last_snapshot_digest(connection):
        counts = RunCounts(
            fetched=snapshot.fetched,
            rejected=snapshot.rejected,
            unchanged=snapshot.fetched - snapshot.rejected,
        )
        await sync_runs.finish_run(pool, run_id, "skipped", counts, snapshot_sha256=snapshot.digest)
        return "skipped"
    merged = await connection.fetchrow(
        query("sync/merge_snapshot"), options.window.start, options.window.end
    )
    counts = RunCounts(fetched=snapshot.fetched, rejected=snapshot.rejected, **dict(merged))
    await sync_runs.finish_run(
        connection, run_id, "succeeded", counts, snapshot_sha256=snapshot.digest
    )
    return "succeeded"


async def refuse_suspicious_snapshot(
    connection: asyncpg.Connection, snapshot: LoadedSnapshot, options: SyncOptions
) -> None:
    counts = RunCounts(fetched=snapshot.fetched, rejected=snapshot.rejected)
    if snapshot.fetched and snapshot.rejected / snapshot.fetched > options.max_rejected_share:
        raise SnapshotRefused(
            f"{snapshot.rejected / snapshot.fetched:.0%} of records invalid "
            f"({snapshot.rejected} of {snapshot.fetched}; at most "
            f"{options.max_rejected_share:.0%} allowed)",
            counts,
        )
    if snapshot.fetched == snapshot.rejected:
        live = await connection.fetchval(
            query("sync/count_live_leaves_in_window"), options.window.start, options.window.end
        )
        if live:
            raise SnapshotRefused(
                f"the upstream sent no valid record for a window that holds {live} leaves; "
                "refusing to mark them all deleted",
                counts,
            )


def log_outcome(run: dict[str, Any]) -> None:
    logger.info(
        "sync %s in %.1f s: fetched %d, inserted %d, updated %d, unchanged %d, deleted %d, "
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


def is_upstream_fault(error: BaseException) -> bool:
    return isinstance(error, UpstreamError | SnapshotRefused)


def failure_reason(error: BaseException) -> str:
    if isinstance(error, asyncio.CancelledError):
        return "interrupted: the service stopped during the run"
    if is_upstream_fault(error):
        return str(error)
    if isinstance(error, asyncpg.PostgresError):
        return f"database error {error.sqlstate}: {error}"[:1000]
    return f"internal error: {type(error).__name__}"


async def record_failure(pool: asyncpg.Pool, run_id: int, error: BaseException) -> None:
    reason = failure_reason(error)
    counts = error.counts if isinstance(error, SnapshotRefused) else RunCounts()
    with tagged_with_run(run_id):
        if isinstance(error, asyncio.CancelledError):
            logger.warning("sync interrupted: the service is stopping; nothing was changed")
        elif is_upstream_fault(error):
            logger.error("sync failed: %s", reason)
        else:
            # A database message may quote a value from a record: log only the error's kind.
            logger.error("sync failed: %s", type(error).__name__)
        try:
            await sync_runs.finish_run(pool, run_id, "failed", counts, error=reason)
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError):
            logger.exception("could not record the failure")
