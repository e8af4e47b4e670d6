"""Streams the upstream snapshot page by page into the raw table, inside the run's transaction."""

import hashlib
import logging
from dataclasses import dataclass

import asyncpg

from backend.ingest.page_rows import ESCAPED_NUL, sort_page
from backend.ingest.pages import snapshot_pages
from backend.ingest.raw_rows import RAW_COLUMNS
from backend.ingest.upstream import DateWindow, VyagutaClient
from backend.repositories.sync_runs import insert_rejected
from db.sql_files import query

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoadedSnapshot:
    fetched: int
    rejected: int
    digest: str


def snapshot_digest_seed(window: DateWindow, page_size: int) -> "hashlib._Hash":
    return hashlib.sha256(f"{window.start}|{window.end}|{page_size}".encode())


async def load_snapshot(
    connection: asyncpg.Connection,
    pool: asyncpg.Pool,
    client: VyagutaClient,
    *,
    run_id: int,
    window: DateWindow,
    page_size: int,
    max_pages: int,
) -> LoadedSnapshot:
    """Truncate raw, then fetch → validate → COPY one page at a time (memory stays flat).

    Rejected records go in on `pool`, outside the run's transaction, so a refused run
    still shows what was wrong with its records.
    """
    await connection.execute(query("sync/truncate_raw"))
    digest = snapshot_digest_seed(window, page_size)
    fetched = rejected = 0
    async for page in snapshot_pages(client, page_size, window, max_pages):
        digest.update(page.body)
        sorted_page = sort_page(
            page.content.records,
            sync_run_id=run_id,
            first_ordinal=fetched,
            may_hold_nul=ESCAPED_NUL in page.body,
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
        fetched += len(page.content.records)
        rejected += len(sorted_page.rejected)
        logger.debug(
            "page %d: %d records, %d rejected",
            page.number,
            len(page.content.records),
            len(sorted_page.rejected),
        )
    return LoadedSnapshot(fetched, rejected, digest.hexdigest())
