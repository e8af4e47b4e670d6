"""The snapshot's raw rows, fetched and validated by the service's own functions: the input of
the row-by-row method and of the COPY floor."""

import time
from dataclasses import dataclass
from typing import Any

from backend.ingest.latest_records import LatestRecords
from backend.ingest.page_rows import sort_fetched_page
from backend.ingest.pages import snapshot_pages
from backend.services.sync import SyncOptions
from backend.settings import Settings
from bench.stack import upstream_client

ROWS_RUN_ID = 1


@dataclass
class FetchedRows:
    rows: list[tuple[Any, ...]]
    seconds: float


async def fetch_rows(settings: Settings, options: SyncOptions) -> FetchedRows:
    """Every page of the snapshot, as rows for raw.imported_leave_information."""
    rows: list[tuple[Any, ...]] = []
    began = time.perf_counter()
    async with upstream_client(settings) as client:
        pages = snapshot_pages(client, options.page_size, options.window, options.max_pages)
        async for page in pages:
            rows += sort_fetched_page(
                page.content,
                None,
                sync_run_id=ROWS_RUN_ID,
                first_ordinal=len(rows),
                remembered={},
                latest=LatestRecords(),
            ).rows
    return FetchedRows(rows, time.perf_counter() - began)
