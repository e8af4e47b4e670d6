"""Loads the snapshot into raw as its pages arrive, inside the run's transaction: the records
that changed since dbo last merged them and every valid id fetched (for deletion detection);
then, if there is anything to merge, the latest record of each entity (for the dimension
merges). Pages that repeat the last run's are set aside undecoded; only if a later page differs
are they read after all."""

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass

import asyncpg

from backend.ingest.fingerprints import any_fingerprint_remembered
from backend.ingest.latest_records import LatestRecords
from backend.ingest.page_loader import PageLoader, PreparedPage
from backend.ingest.page_spool import page_spool
from backend.ingest.pages import FetchedPage, RepeatedPage
from backend.ingest.raw_copies import copy_raw_rows
from backend.ingest.raw_rows import to_raw_row
from backend.ingest.remembered_pages import PageSummary
from db.sql_files import query


@dataclass(frozen=True)
class LoadedSnapshot:
    fetched: int
    rejected: int
    changed: int
    unchanged: int
    latest: LatestRecords
    pages: list[PageSummary]
    # Every page repeated the last run's of its series: none was read, nothing can differ.
    repeated: bool = False


async def load_snapshot(
    connection: asyncpg.Connection,
    pool: asyncpg.Pool,
    pages: AsyncIterator[FetchedPage | RepeatedPage],
    *,
    run_id: int,
) -> LoadedSnapshot:
    await connection.execute(query("sync/truncate_raw"))
    loader = await page_loader_for(connection, pool, run_id)
    with page_spool() as spool:
        try:
            async with one_page_ahead(loader) as load:
                async for page in pages:
                    if isinstance(page, RepeatedPage):
                        spool.keep(page)
                        continue
                    for earlier in spool.replay():
                        await load(earlier)
                    await load(page)
            await loader.leaves_inserted()
        finally:
            await loader.abandon()
        if spool:
            return snapshot_of_repeated_pages(spool.summaries(), loader.latest)
    return LoadedSnapshot(
        loader.fetched,
        loader.rejected,
        loader.changed,
        loader.unchanged,
        loader.latest,
        loader.pages,
    )


async def page_loader_for(
    connection: asyncpg.Connection, pool: asyncpg.Pool, run_id: int
) -> PageLoader:
    """On a first load nothing is remembered: no page needs looking up, and into an empty
    dbo.employee_leaves each page's leaves go as soon as the page is in raw."""
    if await any_fingerprint_remembered(connection):
        return PageLoader(connection, pool, run_id, look_up=True)
    first_load = await connection.fetchval(query("sync/leaves_table_is_empty"))
    if first_load:
        await connection.execute(query("sync/defer_leave_definitions"))
    return PageLoader(connection, pool, run_id, look_up=False, inserts_leaves=first_load)


@asynccontextmanager
async def one_page_ahead(
    loader: PageLoader,
) -> AsyncIterator[Callable[[FetchedPage], Awaitable[None]]]:
    """A page handed in is prepared at once and loaded when the next one comes (or at the
    end): its lookup runs while the page before it is sorted and COPYed."""
    waiting: asyncio.Future[PreparedPage] | None = None

    async def load(page: FetchedPage) -> None:
        nonlocal waiting
        previous, waiting = waiting, asyncio.ensure_future(loader.prepared(page))
        if previous is not None:
            await loader.load(await previous)

    try:
        yield load
        if waiting is not None:
            await loader.load(await waiting)
            waiting = None
    finally:
        if waiting is not None:
            waiting.cancel()
            with suppress(Exception, asyncio.CancelledError):
                await waiting


def snapshot_of_repeated_pages(pages: list[PageSummary], latest: LatestRecords) -> LoadedSnapshot:
    fetched = sum(page.records for page in pages)
    unchanged = sum(page.accepted for page in pages)
    return LoadedSnapshot(fetched, 0, 0, unchanged, latest, pages, repeated=True)


async def copy_latest_unchanged_records(
    connection: asyncpg.Connection, latest: LatestRecords, run_id: int
) -> None:
    """Before a MERGE: the entities' latest records that did not change go to raw too, so the
    dimension merges see each entity as its latest record says (even when that record is
    unchanged, and an older one changed or the previous latest one is gone)."""
    rows = [
        to_raw_row(
            entry.decoded(),
            sync_run_id=run_id,
            ordinal=entry.ordinal,
            fingerprint=entry.fingerprint,
        )
        for entry in latest.unchanged_latest()
    ]
    if rows:
        await copy_raw_rows(connection, rows)
