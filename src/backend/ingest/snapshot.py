"""Loads the snapshot into raw as its pages arrive, inside the run's transaction: the records
that changed since dbo last merged them and every valid id fetched (for deletion detection);
then, if there is anything to merge, the latest record of each entity (for the dimension
merges). Pages that repeat the last run's are set aside undecoded; only if a later page differs
are they read after all."""

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass

import asyncpg

from backend.ingest.envelopes import keys_of_records
from backend.ingest.fingerprints import (
    any_fingerprint_remembered,
    ids_to_look_up,
    remembered_fingerprints,
)
from backend.ingest.latest_records import LatestRecords
from backend.ingest.page_rows import SortedPage, sort_fetched_page
from backend.ingest.page_spool import page_spool
from backend.ingest.pages import FetchedPage, RepeatedPage
from backend.ingest.raw_rows import RAW_COLUMNS, to_raw_row
from backend.ingest.remembered_pages import PageSummary
from backend.repositories.sync_runs import insert_rejected
from db.sql_files import query

logger = logging.getLogger(__name__)


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
    """Rejected records go in on `pool`, outside the run's transaction, so a refused run
    still shows what was wrong with its records."""
    await connection.execute(query("sync/truncate_raw"))
    # On a first load nothing is remembered: no page needs looking up.
    loader = PageLoader(connection, pool, run_id, await any_fingerprint_remembered(connection))
    with page_spool() as spool:
        async for page in pages:
            if isinstance(page, RepeatedPage):
                spool.keep(page)
                continue
            for earlier in spool.replay():
                await loader.load(earlier)
            await loader.load(page)
        if spool:
            return snapshot_of_repeated_pages(spool.summaries(), loader.latest)
    return loader.loaded()


def snapshot_of_repeated_pages(pages: list[PageSummary], latest: LatestRecords) -> LoadedSnapshot:
    fetched = sum(page.records for page in pages)
    unchanged = sum(page.accepted for page in pages)
    return LoadedSnapshot(fetched, 0, 0, unchanged, latest, pages, repeated=True)


class PageLoader:
    def __init__(
        self, connection: asyncpg.Connection, pool: asyncpg.Pool, run_id: int, look_up: bool
    ) -> None:
        self.connection = connection
        self.pool = pool
        self.run_id = run_id
        self.look_up = look_up
        self.latest = LatestRecords()
        self.pages: list[PageSummary] = []
        self.fetched = self.rejected = self.changed = self.unchanged = 0

    async def load(self, page: FetchedPage) -> None:
        records = page.content.records
        count = len(records)
        keys = remembered = None
        if self.look_up:
            keys = keys_of_records(page.content)
            remembered = await remembered_fingerprints(self.connection, ids_to_look_up(keys))
        rows = sort_fetched_page(
            page.content,
            keys,
            sync_run_id=self.run_id,
            first_ordinal=self.fetched,
            remembered=remembered or {},
            latest=self.latest,
        )
        self.fetched += count
        # The records are rows now. The next page is being scanned meanwhile, so let this
        # one go before the COPY rather than after: peak memory stays at ~one page.
        records.clear()
        await copy_page(self.connection, self.pool, rows)
        self.rejected += len(rows.rejected)
        self.changed += len(rows.rows)
        self.unchanged += rows.unchanged
        accepted = len(rows.fetched_ids)
        self.pages.append(
            PageSummary(page.number, page.body_hash, count, accepted, page.content.total)
        )
        logger.debug(
            "page %d: %d records, %d changed, %d rejected",
            page.number,
            count,
            len(rows.rows),
            len(rows.rejected),
        )

    def loaded(self) -> LoadedSnapshot:
        return LoadedSnapshot(
            self.fetched, self.rejected, self.changed, self.unchanged, self.latest, self.pages
        )


async def copy_page(connection: asyncpg.Connection, pool: asyncpg.Pool, rows: SortedPage) -> None:
    if rows.rows:
        await copy_raw_rows(connection, rows.rows)
    if rows.fetched_ids:
        await copy_fetched_ids(connection, rows.fetched_ids)
    if rows.rejected:
        await insert_rejected(pool, rows.rejected)


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


async def copy_raw_rows(connection: asyncpg.Connection, rows: list[tuple]) -> None:
    await connection.copy_records_to_table(
        "imported_leave_information", schema_name="raw", columns=RAW_COLUMNS, records=rows
    )


async def copy_fetched_ids(connection: asyncpg.Connection, ids: list[tuple[int, int]]) -> None:
    """(id, ordinal) of valid records: which leaves the snapshot holds, and which copy of an id
    fetched twice is the later one."""
    await connection.copy_records_to_table(
        "fetched_leaves", schema_name="raw", columns=("id", "ordinal"), records=ids
    )
