"""One fetched page into raw: its records' keys and remembered fingerprints are read first
(while the page before it is loaded), then the changed records are sorted and COPYed."""

import logging
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

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PreparedPage:
    page: FetchedPage
    keys: list[tuple[Any, ...] | None] | None  # None: nothing is remembered, nor looked up
    remembered: dict[int, int]


class PageLoader:
    """Counts what it loaded, and hears every valid record for the latest records."""

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
        page = prepared.page
        records = page.content.records
        count = len(records)
        with cycle_collector_paused():
            rows = sort_fetched_page(
                page.content,
                prepared.keys,
                sync_run_id=self.run_id,
                first_ordinal=self.fetched,
                remembered=prepared.remembered,
                latest=self.latest,
            )
        self.fetched += count
        # The records are rows now; let them go before the COPY rather than after.
        records.clear()
        await self.copy(rows)
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
        if rows.fetched_ids:
            await copy_fetched_ids(self.connection, rows.fetched_ids)
        if rows.rejected:
            await insert_rejected(self.pool, rows.rejected)
