"""A sync from the upstream: the whole snapshot lands, or nothing changes."""

from contextlib import aclosing
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

import asyncpg

from backend.ingest.pages import snapshot_pages
from backend.ingest.remembered_pages import (
    PageSeries,
    PageSummary,
    remember_pages,
    remembered_pages,
)
from backend.ingest.snapshot import (
    LoadedSnapshot,
    copy_latest_unchanged_records,
    load_snapshot,
)
from backend.ingest.upstream import DateWindow, VyagutaClient
from backend.repositories import sync_runs
from backend.repositories.sync_runs import RunCounts
from backend.services.runs import RunRefused, run_exclusively
from backend.settings import Settings
from db.sql_files import query


@dataclass(frozen=True)
class SyncOptions:
    window: DateWindow
    page_size: int
    max_pages: int
    max_rejected_share: float
    hot_days: int = 0

    @classmethod
    def from_settings(cls, settings: Settings) -> "SyncOptions":
        return cls(
            window=DateWindow(settings.vyaguta_start_date, settings.vyaguta_end_date),
            page_size=settings.vyaguta_page_size,
            max_pages=settings.vyaguta_max_pages,
            max_rejected_share=settings.max_rejected_share,
            hot_days=settings.sync_hot_days,
        )

    def for_hot_window(self, today: date) -> "SyncOptions":
        """Leaves overlapping the last `hot_days` days or the future, within the full window."""
        start = today - timedelta(days=self.hot_days)
        if self.window.start and self.window.start > start:
            start = self.window.start
        return replace(self, window=DateWindow(start, self.window.end))


async def run_sync(
    pool: asyncpg.Pool,
    client: VyagutaClient,
    options: SyncOptions,
    trigger: str,
    kind: str = "full",
) -> dict[str, Any]:
    """Sync now and answer the run record; raises SyncAlreadyRunning or SyncFailed.

    A hot run fetches the hot window only; what it can mark deleted is limited to that window.
    """
    if kind == "hot":
        options = options.for_hot_window(date.today())

    async def sync(connection: asyncpg.Connection, run_id: int) -> str:
        return await sync_in_transaction(connection, pool, client, options, kind, run_id)

    return await run_exclusively(pool, trigger, kind, options.window, sync)


async def sync_in_transaction(
    connection: asyncpg.Connection,
    pool: asyncpg.Pool,
    client: VyagutaClient,
    options: SyncOptions,
    kind: str,
    run_id: int,
) -> str:
    """Fetch and load, then merge; answers 'succeeded' (commit) or 'skipped' (every record is
    one dbo already holds and none is missing: there is nothing to write)."""
    series = PageSeries(kind, options.window, options.page_size)
    remembered = await remembered_pages(connection, series)
    snapshot = await read_snapshot(connection, pool, client, options, run_id, remembered)
    if snapshot.repeated and not await window_holds_exactly(connection, snapshot, options):
        # The pages read as before, yet dbo's window differs: something other than a sync
        # changed it. Every page is read again, so that deletion detection sees every id.
        snapshot = await read_snapshot(connection, pool, client, options, run_id, {})
    await refuse_suspicious_snapshot(connection, snapshot, options)
    # A repeated snapshot still here was just found to match dbo's window: not counted twice.
    if snapshot.repeated or await nothing_to_write(connection, snapshot, options):
        # The records it turned away are on record from the run that last wrote.
        await sync_runs.forget_rejected(pool, run_id)
        if not snapshot.repeated:
            # The run's transaction is rolled back, having nothing to write: these go on `pool`.
            async with pool.acquire() as other, other.transaction():
                await remember_pages(other, series, snapshot.pages)
        counts = RunCounts(fetched=snapshot.fetched, unchanged=snapshot.unchanged)
        await sync_runs.finish_run(pool, run_id, "skipped", counts)
        return "skipped"
    await copy_latest_unchanged_records(connection, snapshot.latest, run_id)
    merged = await connection.fetchrow(
        query("sync/merge_snapshot"), options.window.start, options.window.end
    )
    await connection.execute(query("sync/refresh_reporting"))
    await remember_pages(connection, series, snapshot.pages)
    counts = RunCounts(fetched=snapshot.fetched, rejected=snapshot.rejected, **dict(merged))
    await sync_runs.finish_run(connection, run_id, "succeeded", counts)
    return "succeeded"


async def read_snapshot(
    connection: asyncpg.Connection,
    pool: asyncpg.Pool,
    client: VyagutaClient,
    options: SyncOptions,
    run_id: int,
    remembered: dict[int, PageSummary],
) -> LoadedSnapshot:
    pages = snapshot_pages(client, options.page_size, options.window, options.max_pages, remembered)
    async with aclosing(pages):
        return await load_snapshot(connection, pool, pages, run_id=run_id)


async def nothing_to_write(
    connection: asyncpg.Connection, snapshot: LoadedSnapshot, options: SyncOptions
) -> bool:
    """No record changed, and the window holds no live leaf that was not fetched."""
    return not snapshot.changed and await window_holds_exactly(connection, snapshot, options)


async def window_holds_exactly(
    connection: asyncpg.Connection, snapshot: LoadedSnapshot, options: SyncOptions
) -> bool:
    """As many live leaves as the snapshot's records that dbo already holds."""
    live = await connection.fetchval(
        query("sync/count_live_leaves_in_window"), options.window.start, options.window.end
    )
    return live == snapshot.unchanged


async def refuse_suspicious_snapshot(
    connection: asyncpg.Connection, snapshot: LoadedSnapshot, options: SyncOptions
) -> None:
    counts = RunCounts(fetched=snapshot.fetched, rejected=snapshot.rejected)
    if snapshot.fetched and snapshot.rejected / snapshot.fetched > options.max_rejected_share:
        raise RunRefused(
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
            raise RunRefused(
                f"the upstream sent no valid record for a window that holds {live} leaves; "
                "refusing to mark them all deleted",
                counts,
            )
