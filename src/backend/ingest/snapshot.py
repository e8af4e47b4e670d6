"""Loads the snapshot into raw as its pages arrive, inside the run's transaction: the records
that changed since dbo last merged them and every valid id fetched (for deletion detection);
then, if there is anything to merge, the latest record of each entity (for the dimension
merges)."""

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass

import asyncpg

from backend.ingest.fingerprints import (
    any_fingerprint_remembered,
    lookup_ids,
    remembered_fingerprints,
)
from backend.ingest.latest_records import LatestRecords
from backend.ingest.page_rows import SortedPage, sort_page
from backend.ingest.raw_rows import RAW_COLUMNS, to_raw_row
from backend.ingest.upstream import FetchedPage
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


async def load_snapshot(
    connection: asyncpg.Connection,
    pool: asyncpg.Pool,
    pages: AsyncIterator[FetchedPage],
    *,
    run_id: int,
) -> LoadedSnapshot:
    """Rejected records go in on `pool`, outside the run's transaction, so a refused run
    still shows what was wrong with its records."""
    await connection.execute(query("sync/truncate_raw"))
    # On a first load nothing is remembered: no page needs looking up.
    look_up = await any_fingerprint_remembered(connection)
    latest = LatestRecords()
    fetched = rejected = changed = unchanged = 0
    async for page in pages:
        records = page.content.records
        count = len(records)
        remembered = {}
        if look_up:
            remembered = await remembered_fingerprints(connection, lookup_ids(records))
        rows = sort_page(
            records,
            sync_run_id=run_id,
            first_ordinal=fetched,
            remembered=remembered,
            latest=latest,
        )
        fetched += count
        # The records are rows now. The next page is being decoded meanwhile, so let this
        # one's dicts go before the COPY rather than after: peak memory stays at ~one page.
        records.clear()
        await copy_page(connection, pool, rows)
        rejected += len(rows.rejected)
        changed += len(rows.rows)
        unchanged += rows.unchanged
        logger.debug(
            "page %d: %d records, %d changed, %d rejected",
            page.number,
            count,
            len(rows.rows),
            len(rows.rejected),
        )
    return LoadedSnapshot(fetched, rejected, changed, unchanged, latest)


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
