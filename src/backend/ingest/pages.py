"""Walks the upstream's pages until the snapshot is complete, and never forever."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import suppress

from backend.ingest.upstream import DateWindow, FetchedPage, UpstreamError, VyagutaClient

FIRST_PAGE = 1


def is_last_page(page: FetchedPage, size: int, received: int) -> bool:
    """A short page, or the announced total reached."""
    if len(page.content.records) < size:
        return True
    return page.content.total is not None and received >= page.content.total


async def snapshot_pages(
    client: VyagutaClient, size: int, window: DateWindow, max_pages: int
) -> AsyncIterator[FetchedPage]:
    """Pages in order. The next page is already on its way while the caller loads this one, so
    the upstream's serving and our decoding overlap the database's work; a page is asked for
    only once the previous one says there is more."""
    received = 0
    next_page = asyncio.ensure_future(client.fetch_page(FIRST_PAGE, size, window))
    try:
        for number in range(FIRST_PAGE, FIRST_PAGE + max_pages):
            page = await next_page
            received += len(page.content.records)
            if is_last_page(page, size, received):
                yield page
                return
            if number + 1 < FIRST_PAGE + max_pages:
                next_page = asyncio.ensure_future(client.fetch_page(number + 1, size, window))
            yield page
    finally:
        # Stopped early (a failure, or the caller gave up): the page on its way is not wanted.
        next_page.cancel()
        with suppress(Exception, asyncio.CancelledError):
            await next_page
    raise UpstreamError(
        f"still more pages after the cap of {max_pages}; refusing an incomplete snapshot",
        "upstream_page_cap",
    )
