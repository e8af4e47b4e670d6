"""One fetched page into raw: its records' keys and remembered fingerprints are read first
(while the page before it is loaded), then the changed records are sorted and COPYed. On a first
load, PostgreSQL inserts a page's leaves into dbo while the next page is sorted."""

import asyncio
import logging
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

import asyncpg

from backend.ingest.collector_pause import cycle_collector_paused
from backend.ingest.envelopes import keys_of_records
from backend.ingest.fingerprints import ids_to_look_up, remembered_fingerprints
from backend.ingest.latest_records import LatestRecords
from backend.ingest.page_rows import SortedPage, sort_fetched_page
from backend.ingest.pages import FetchedPage
from backend.ingest.raw_copies import copy_fetched_ids, copy_raw_rows
from backend.ingest.remembered_pages import PageSummary
from backend.repositories.sync_runs import insert_rejected
from db.sql_files import query

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PreparedPage:
    page: FetchedPage
    keys: list[tuple[Any, ...] | None] | None  # None: nothing is remembered, nor looked up
    remembered: dict[int, int]


class PageLoader:
    """Counts what it loaded, and hears every valid record for the latest records."""

    def __init__(
        self,
        connection: asyncpg.Connection,
        pool: asyncpg.Pool,
        run_id: int,
        *,
        look_up: bool,
        inserts_leaves: bool = False,
    ) -> None:
        """`inserts_leaves`: a first load, after dbo.defer_leave_definitions()."""
        self.connection = connection
        self.pool = pool
        self.run_id = run_id
        self.look_up = look_up
        self.inserts_leaves = inserts_leaves
        self.inserting: asyncio.Future[str] | None = None
        self.latest = LatestRecords()
        self.pages: list[PageSummary] = []
        self.fetched = self.rejected = self.changed = self.unchanged = 0

    async def prepared(self, page: FetchedPage) -> PreparedPage:
        """On a connection of `pool`: until the MERGE, the run's transaction has not changed
        the remembered fingerprints, and the run's own connection is busy loading."""
        if not self.look_up:
            return PreparedPage(page, None, {})
        keys = keys_of_records(page.content)
        async with self.pool.acquire() as other:
            remembered = await remembered_fingerprints(other, ids_to_look_up(keys))
        return PreparedPage(page, keys, remembered)

    async def load(self, prepared: PreparedPage) -> None:
        """The collector comes back once the page's rows are COPYed and gone: back any
        earlier, it would first walk every one of them (~0.24 s of a 161,450-record load)."""
        with cycle_collector_paused():
            await self.sort_and_copy(prepared)

    async def sort_and_copy(self, prepared: PreparedPage) -> None:
        page = prepared.page
        records = page.content.records
        count = len(records)
        rows = sort_fetched_page(
            page.content,
            prepared.keys,
            sync_run_id=self.run_id,
            first_ordinal=self.fetched,
            remembered=prepared.remembered,
            latest=self.latest,
        )
        first_ordinal = self.fetched
        self.fetched += count
        # The records are rows now; let them go before the COPY rather than after.
        records.clear()
        # The previous page's INSERT first: a connection runs one statement at a time.
        await self.leaves_inserted()
        await self.copy(rows)
        if self.inserts_leaves and rows.rows:
            await self.start_inserting_leaves(first_ordinal, self.fetched)
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

    async def copy(self, rows: SortedPage) -> None:
        """Rejected records go in on `pool`, outside the run's transaction, so a refused run
        still shows what was wrong with its records."""
        if rows.rows:
            await copy_raw_rows(self.connection, rows.rows)
        # On a first load every valid record fetched is a row, and raw lists their ids itself.
        if rows.fetched_ids and not self.inserts_leaves:
            await copy_fetched_ids(self.connection, rows.fetched_ids)
        if rows.rejected:
            await insert_rejected(self.pool, rows.rejected)

    async def start_inserting_leaves(self, first_ordinal: int, past_the_last: int) -> None:
        """Sent, not awaited: the run's connection is not needed again until the next COPY, and
        the interpreter is busy sorting the next page meanwhile."""
        self.inserting = asyncio.ensure_future(
            self.connection.execute(query("sync/insert_first_leaves"), first_ordinal, past_the_last)
        )
        # Let the statement go out before the sorting holds the event loop.
        await asyncio.sleep(0)

    async def leaves_inserted(self) -> None:
        inserting, self.inserting = self.inserting, None
        if inserting is not None:
            await inserting

    async def abandon(self) -> None:
        """After a failure: the statement still running ends before the transaction does."""
        inserting, self.inserting = self.inserting, None
        if inserting is not None:
            with suppress(Exception, asyncio.CancelledError):
                await inserting
