"""Loads a spooled snapshot into the raw table, page by page, inside the run's transaction."""

import logging
from dataclasses import dataclass

import asyncpg

from backend.ingest.envelopes import parse_page
from backend.ingest.page_rows import ESCAPED_NUL, sort_page
from backend.ingest.raw_rows import RAW_COLUMNS
from backend.ingest.spool import SpooledSnapshot
from backend.repositories.sync_runs import insert_rejected
from db.sql_files import query

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoadedSnapshot:
    fetched: int
    rejected: int
    digest: str


async def load_snapshot(
    connection: asyncpg.Connection, pool: asyncpg.Pool, spool: SpooledSnapshot, *, run_id: int
) -> LoadedSnapshot:
    """Truncate raw, then validate → COPY one page at a time.

    Rejected records go in on `pool`, outside the run's transaction, so a refused run
    still shows what was wrong with its records.
    """
    await connection.execute(query("sync/truncate_raw"))
    fetched = rejected = 0
    for number, body in enumerate(spool.page_bodies(), start=1):
        records = parse_page(body).records
        sorted_page = sort_page(
            records, sync_run_id=run_id, first_ordinal=fetched, may_hold_nul=ESCAPED_NUL in body
        )
        if sorted_page.rows:
            await connection.copy_records_to_table(
                "imported_leave_information",
                schema_name="raw",
                columns=RAW_COLUMNS,
                records=sorted_page.rows,
            )
        if sorted_page.rejected:
            await insert_rejected(pool, sorted_page.rejected)
        fetched += len(records)
        rejected += len(sorted_page.rejected)
        logger.debug(
            "page %d: %d records, %d rejected", number, len(records), len(sorted_page.rejected)
        )
    return LoadedSnapshot(fetched, rejected, spool.digest)
